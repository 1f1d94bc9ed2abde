using PdeKit.Evaluation;
using PdeKit.Numerics.Reservoir;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Cli;

/// <summary>One PINN interpretation of a well test (one seed).</summary>
/// <param name="Seed">Training seed.</param>
/// <param name="Parameters">k (md), S and C (bbl/psi) from the trained unknowns.</param>
/// <param name="RmsPsi">Root-mean-square misfit of the PINN's well pressure to the data, psi.</param>
/// <param name="FieldRelativeL2">Relative L2 of the PINN's reservoir pressure against the reference field (the classical fit's FD solution, or the truth).</param>
/// <param name="ModelDrop">The PINN's pressure drop at the data times, psi.</param>
/// <param name="WallSeconds">Training time.</param>
internal sealed record WellTestPinnRun(int Seed, WellTestModelParameters Parameters, double RmsPsi, double FieldRelativeL2, double[] ModelDrop, double WallSeconds);

/// <summary>PINN runs over several seeds and their spread: the PINN's estimate with a confidence from repeated seeds.</summary>
/// <param name="Runs">One per seed.</param>
/// <param name="Mean">Mean k, S, C over the seeds.</param>
/// <param name="StdDev">Sample standard deviation of k, S, C over the seeds (NaN for one seed).</param>
internal sealed record WellTestPinnResult(IReadOnlyList<WellTestPinnRun> Runs, WellTestModelParameters Mean, WellTestModelParameters StdDev);

/// <summary>Trains <see cref="WellTestInverse"/> for several seeds (the body of <c>pdekit fit-welltest --method pinn</c>).</summary>
internal static class WellTestPinnFit
{
    /// <summary>Trains one PINN per seed; <paramref name="log"/> sees one line per finished seed.</summary>
    internal static WellTestPinnResult Run(WellTestInverse problem, TrainingOptions options, int seeds, Action<string>? log)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        if (seeds < 1) throw new ArgumentOutOfRangeException(nameof(seeds), seeds, "at least one seed");
        TorchRuntime.Initialize();
        var evaluator = new Evaluator(problem);
        var runs = new List<WellTestPinnRun>();
        for (int i = 0; i < seeds; i++)
        {
            int seed = options.Seed + i;
            var result = new Trainer(problem, options with { Seed = seed }) { Evaluator = evaluator }.Train();
            using var network = result.Network;
            var parameters = problem.ToParameters(network.UnknownValues());
            var drop = WellDrop(problem, network, problem.DataPoints);
            double rms = RmsPsi(drop, problem);
            double err = evaluator.Evaluate(network).Errors[0].RelativeL2;
            var run = new WellTestPinnRun(seed, parameters, rms, err, drop, result.WallSeconds);
            runs.Add(run);
            log?.Invoke($"  seed {seed}: k = {parameters.Permeability:G5} md, S = {parameters.Skin:F3}, C = {parameters.Storage:G4} bbl/psi, rms {rms:F2} psi, field rel L2 {err:E2}, {result.WallSeconds:F0} s");
        }
        return new WellTestPinnResult(runs, Aggregate(runs, Mean), Aggregate(runs, StdDev));
    }

    /// <summary>The PINN's pressure drop (psi) at well points (x = 0, t = ln t_D0): p - S dp/dx converted to psi.</summary>
    internal static double[] WellDrop(WellTestInverse problem, Models.PinnNetwork network, double[][] points)
    {
        using var scope = NewDisposeScope();
        var p = network.parameters().First();
        var flat = points.SelectMany(x => x).ToArray();
        var pts = tensor(flat, [points.Length, 2]).to(p.dtype).to(p.device);
        using var assembler = new ResidualAssembler(problem);
        var (s, c) = assembler.Solve(network, pts);
        var pw = WellTestInverse.WellPressure(c, s).detach().cpu().to(ScalarType.Float64).data<double>().ToArray();
        return pw.Select(problem.ToPsi).ToArray();
    }

    /// <summary>Root-mean-square misfit (psi) of model drops at the data times to the problem's measured drops.</summary>
    internal static double RmsPsi(double[] modelDrop, WellTestInverse problem) =>
        Math.Sqrt(modelDrop.Zip(problem.PressureDrop, (m, d) => (m - d) * (m - d)).Average());

    private static WellTestModelParameters Aggregate(IReadOnlyList<WellTestPinnRun> runs, Func<IEnumerable<double>, double> f) =>
        new(f(runs.Select(r => r.Parameters.Permeability)), f(runs.Select(r => r.Parameters.Skin)), f(runs.Select(r => r.Parameters.Storage)), null);

    private static double Mean(IEnumerable<double> v) => v.Average();

    private static double StdDev(IEnumerable<double> v)
    {
        var a = v.ToArray();
        if (a.Length < 2) return double.NaN;
        double m = a.Average();
        return Math.Sqrt(a.Sum(x => (x - m) * (x - m)) / (a.Length - 1));
    }
}
