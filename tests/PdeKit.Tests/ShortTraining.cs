using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Training;

namespace PdeKit.Tests;

/// <summary>A short CPU training of a problem, for tests that check a problem trains towards its reference.</summary>
internal static class ShortTraining
{
    /// <summary>The small diffusivity-style settings: 3x16 tanh, 512 points, 300 Adam + 100 L-BFGS, float64, CPU.</summary>
    public static TrainingOptions Small { get; } = DiffusivityPresets.Quick with
    {
        Model = new ModelOptions(Width: 16, Depth: 3),
        Points = 512,
        AdamSteps = 300,
        LbfgsIterations = 100,
        Device = DeviceChoice.Cpu,
        EvalEvery = 0,
    };

    /// <summary>Trains <paramref name="problem"/> with <paramref name="options"/> (default <see cref="Small"/>) and returns the first output's relative L2 error, also written to the test log.</summary>
    public static double RelativeL2(IProblem problem, TrainingOptions? options = null)
    {
        var evaluator = new Evaluator(problem);
        var result = new Trainer(problem, options ?? Small) { Evaluator = evaluator }.Train();
        using (result.Network)
        {
            double err = evaluator.Evaluate(result.Network).Errors[0].RelativeL2;
            TestContext.Out.WriteLine($"{problem.Name}: relative L2 {err:E3}");
            return err;
        }
    }
}
