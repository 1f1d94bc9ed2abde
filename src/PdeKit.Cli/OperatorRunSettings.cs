using PdeKit.Numerics.Operators;
using PdeKit.Operators;

namespace PdeKit.Cli;

/// <summary>The operator-learning tasks of <c>pdekit train</c>.</summary>
internal enum OperatorTask
{
    /// <summary>FNO 1D on periodic Burgers u0 -> u(1).</summary>
    FnoBurgers,

    /// <summary>FNO 2D on Darcy a -> u.</summary>
    FnoDarcy,

    /// <summary>DeepONet on periodic Burgers.</summary>
    DeepONetBurgers,

    /// <summary>Parameter-conditioned FNO 1D on Burgers at several viscosities (nu as an input).</summary>
    FnoBurgersNu,
}

/// <summary>
/// Settings of an operator training run (<c>pdekit train fno-burgers|fno-darcy|deeponet-burgers|fno-burgers-nu</c>),
/// changed with <c>--set key=value</c> (e.g. <c>train=200</c>, <c>model.modes=12</c>, <c>training.epochs=300</c>).
/// </summary>
internal sealed record OperatorRunSettings
{
    /// <summary>HDF5 data file from <c>pdekit data</c>; empty: generate the data in memory with <see cref="Seed"/>.</summary>
    public string Data { get; init; } = "";

    /// <summary>Training samples (the first ones of the data).</summary>
    public int Train { get; init; } = 1000;

    /// <summary>Test samples (the ones after the training samples).</summary>
    public int Test { get; init; } = 200;

    /// <summary>Training resolution (points per axis).</summary>
    public int Resolution { get; init; } = 1024;

    /// <summary>Resolutions of the error-vs-resolution table (zero-shot except the training one).</summary>
    public int[] EvalResolutions { get; init; } = [256, 512, 1024, 2048];

    /// <summary>Seed of generated data.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Burgers viscosity of generated data.</summary>
    public double Nu { get; init; } = 0.1;

    /// <summary>fno-burgers-nu: the viscosities of the joint data set (each gets Train + Test samples, seeds Seed + k).</summary>
    public double[] Nus { get; init; } = [0.08, 0.1, 0.125];

    /// <summary>FNO architecture.</summary>
    public FnoOptions Model { get; init; } = new();

    /// <summary>DeepONet architecture (sensors: the training resolution when 0).</summary>
    public DeepONetOptions DeepONet { get; init; } = new() { Sensors = 0 };

    /// <summary>Training settings.</summary>
    public OperatorTrainingOptions Training { get; init; } = new();

    /// <summary>Test samples timed with the data solver for the throughput ratio.</summary>
    public int SolverTimingSamples { get; init; } = 20;

    /// <summary>Test samples plotted (input, truth, prediction, error).</summary>
    public int PlotSamples { get; init; } = 3;

    internal static OperatorTask? ParseTask(string name) => name.Trim().ToLowerInvariant() switch
    {
        "fno-burgers" => OperatorTask.FnoBurgers,
        "fno-darcy" => OperatorTask.FnoDarcy,
        "deeponet-burgers" => OperatorTask.DeepONetBurgers,
        "fno-burgers-nu" => OperatorTask.FnoBurgersNu,
        _ => null,
    };

    internal static string TaskName(OperatorTask task) => task switch
    {
        OperatorTask.FnoBurgers => "fno-burgers",
        OperatorTask.FnoDarcy => "fno-darcy",
        OperatorTask.DeepONetBurgers => "deeponet-burgers",
        _ => "fno-burgers-nu",
    };

    internal static OperatorProblem ProblemOf(OperatorTask task) => task == OperatorTask.FnoDarcy ? OperatorProblem.Darcy : OperatorProblem.Burgers;

    /// <summary>The preset: default (the FNO paper's sizes and schedule) or quick (small, CPU, minutes).</summary>
    internal static OperatorRunSettings Preset(OperatorTask task, string preset)
    {
        bool quick = preset.Trim().ToLowerInvariant() switch
        {
            "quick" => true,
            "default" or "best" => false,
            _ => throw new ArgumentException($"unknown preset '{preset}': use quick, default or best"),
        };
        var s = new OperatorRunSettings();
        if (task == OperatorTask.FnoDarcy)
        {
            // The FNO paper's Darcy: 1000 / 100 at 85 x 85 (from 421), 12 modes, width 32, padding 9 points at 85.
            s = s with
            {
                Test = 100, Resolution = 85, EvalResolutions = [43, 85, 169],
                Model = new FnoOptions { Modes = 12, Width = 32, Padding = 0.1 },
            };
            if (quick) s = s with { Train = 200, Test = 50, Resolution = 29, EvalResolutions = [15, 29, 57], Model = s.Model with { Modes = 8, Width = 16, ProjectionWidth = 64 }, Training = s.Training with { Epochs = 100, StepSize = 25 } };
        }
        else if (quick)
        {
            s = s with
            {
                Train = 200, Test = 50, Resolution = 256, EvalResolutions = [128, 256, 512],
                Model = new FnoOptions { Modes = 16, Width = 32, ProjectionWidth = 64 },
                DeepONet = new DeepONetOptions { Sensors = 0, Width = 128, Depth = 3, Basis = 64 },
                Training = s.Training with { Epochs = 100, StepSize = 25 },
            };
            if (task == OperatorTask.FnoBurgersNu) s = s with { Train = 100, Test = 30 };
        }

        if (task == OperatorTask.FnoBurgersNu) s = s with { Model = s.Model with { ConditioningParameters = 1 } };
        return s;
    }

    internal void Validate(OperatorTask task)
    {
        if (Train < 1 || Test < 1) throw new ArgumentException($"train and test must be at least 1 (got {Train}, {Test})");
        if (Resolution < 3) throw new ArgumentException($"resolution must be at least 3 (got {Resolution})");
        if (EvalResolutions.Any(r => r < 3)) throw new ArgumentException("evalResolutions must be at least 3");
        if (task == OperatorTask.FnoBurgersNu && (Nus.Length == 0 || Nus.Any(v => !(v > 0) || !double.IsFinite(v)))) throw new ArgumentException("nus must list positive viscosities");
        if (SolverTimingSamples < 0 || PlotSamples < 0) throw new ArgumentException("solverTimingSamples and plotSamples must be non-negative");
        Model.Validate();
        Training.Validate();
        if (Training.PinoWeight > 0 && ProblemOf(task) != OperatorProblem.Darcy) throw new ArgumentException("training.pinoWeight: the PINO loss is implemented for Darcy (the Burgers map u0 -> u(1) has no residual of its output alone); set it to 0");
        if (task == OperatorTask.DeepONetBurgers) (DeepONet with { Sensors = Math.Max(DeepONet.Sensors, 2) }).Validate();
    }
}
