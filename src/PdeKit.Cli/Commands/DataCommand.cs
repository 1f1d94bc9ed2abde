using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PdeKit.Numerics.Operators;

namespace PdeKit.Cli.Commands;

/// <summary><c>pdekit data burgers-operator|darcy</c>: generate a seeded operator-learning data set as HDF5.</summary>
internal static class DataCommand
{
    internal static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "burgers-operator (periodic Burgers u0 -> u(1), nu = 0.1) or darcy (a -> u, -div(a grad u) = 1)" };
        var count = new Option<int>("--n") { Description = "number of samples", DefaultValueFactory = _ => 1200 };
        var res = new Option<string?>("--res") { Description = "resolutions, comma-separated (Burgers: powers of two, default 1024; Darcy: (fine-1) divisible by (R-1), default 85)" };
        var fine = new Option<int?>("--fine") { Description = "resolution of the solve (default: the largest --res); the others subsample it" };
        var seed = new Option<int>("--seed") { Description = "data-set seed", DefaultValueFactory = _ => 1 };
        var nu = new Option<double>("--nu") { Description = "Burgers viscosity", DefaultValueFactory = _ => 0.1 };
        var grf = new Option<string?>("--grf") { Description = "random field sigma2,tau,alpha of the covariance sigma2 (-Laplace + tau^2 I)^-alpha (default: the FNO paper's, 625,5,2 for Burgers and 1,3,2 for Darcy)" };
        var outFile = new Option<string?>("--out") { Description = "HDF5 file (default data/<kind>-n<N>-s<seed>.h5)" };
        var cmd = new Command("data", "Generate an operator-learning data set with PdeKit's own solvers (seeded, HDF5; layout in docs/operators.md).")
        {
            kind, count, res, fine, seed, nu, grf, outFile,
        };
        cmd.SetAction(r => CliApp.Guard(() => Run(r.GetValue(kind)!, r.GetValue(count), r.GetValue(res), r.GetValue(fine), r.GetValue(seed), r.GetValue(nu), r.GetValue(grf), r.GetValue(outFile), r.GetValue(CliApp.Json))));
        return cmd;
    }

    /// <summary>Parses the data-set kind name.</summary>
    internal static OperatorProblem ParseKind(string kind) => kind.Trim().ToLowerInvariant() switch
    {
        "burgers-operator" or "burgers" => OperatorProblem.Burgers,
        "darcy" => OperatorProblem.Darcy,
        _ => throw new ArgumentException($"unknown data set '{kind}': use burgers-operator or darcy"),
    };

    /// <summary>Parses a comma-separated list of positive integers.</summary>
    internal static int[] ParseInts(string text, string option) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new ArgumentException($"{option} {text}: expected positive integers separated by commas (got '{t}')"))
        .ToArray();

    private static GaussianRandomField ParseField(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
        if (values.Length != 3 || values.Any(double.IsNaN)) throw new ArgumentException($"--grf {text}: expected three numbers sigma2,tau,alpha");
        try
        {
            return new GaussianRandomField(values[0], values[1], values[2]);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"--grf {text}: {e.Message.Split(" (Parameter")[0]}", e);
        }
    }

    private static int Run(string kindName, int count, string? res, int? fine, int seed, double nu, string? grf, string? outFile, bool json)
    {
        var problem = ParseKind(kindName);
        if (count < 1) throw new ArgumentException($"--n {count}: give at least one sample");
        var resolutions = res is null ? (problem == OperatorProblem.Burgers ? [1024] : [85]) : ParseInts(res, "--res");
        var options = new OperatorDataOptions { Count = count, Resolutions = resolutions, FineResolution = fine, Seed = seed, Nu = nu, Field = grf is null ? null : ParseField(grf) };
        string path = outFile ?? Path.Combine("data", $"{(problem == OperatorProblem.Burgers ? "burgers-operator" : "darcy")}-n{count}-s{seed}.h5");
        var watch = Stopwatch.StartNew();
        int reported = 0;
        var sets = OperatorDataGenerator.Generate(problem, options, done =>
        {
            if (json || done * 10 / count <= Volatile.Read(ref reported)) return;
            Interlocked.Exchange(ref reported, done * 10 / count);
            Console.Error.WriteLine($"  {done}/{count} samples");
        });
        double seconds = watch.Elapsed.TotalSeconds;
        OperatorDataFile.Write(path, sets);
        if (json) Output.WriteJson(new { file = path, problem = problem.ToString(), count, resolutions, seed, seconds, secondsPerSample = seconds / count });
        else Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path}: {count} {problem} samples at resolution(s) {string.Join(", ", resolutions)} (seed {seed}) in {seconds:F1} s ({1000 * seconds / count:F1} ms per sample)"));
        return 0;
    }
}
