using System.Globalization;
using PdeKit.Numerics.Poisson;

namespace PdeKit.Cli.Commands;

/// <summary><c>pdekit bench poisson-fd</c>: the finite-difference Poisson solvers' times as a Markdown table.</summary>
internal static class PoissonFdBench
{
    /// <summary>The problem name that selects this benchmark.</summary>
    internal const string Name = "poisson-fd";

    /// <summary>Parses <c>--sizes</c> ("129,257,513"); null or empty for the default sizes.</summary>
    internal static PoissonBenchmarkOptions Options(string? sizes)
    {
        var options = new PoissonBenchmarkOptions();
        if (string.IsNullOrWhiteSpace(sizes))
        {
            return options;
        }

        var list = new List<int>();
        foreach (string part in sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n))
            {
                throw new ArgumentException($"--sizes takes comma-separated node counts per side such as 129,257,513; '{part}' is not a number.");
            }

            list.Add(n);
        }

        return options with { Sizes = list };
    }

    /// <summary>Runs the benchmark and prints the table (or JSON rows).</summary>
    internal static int Run(PoissonBenchmarkOptions options, bool json)
    {
        var inv = CultureInfo.InvariantCulture;
        if (!json)
        {
            Console.WriteLine(string.Create(inv,
                $"-Laplace(u) = 1 on the unit square, u = 0 on the boundary, to relative residual {options.Tolerance:G}; {Environment.ProcessorCount} cores; " +
                $"wall time of the whole solve (sampling, setup, iterations); multigrid best of {options.Repeats}, MathNet one run."));
            Console.WriteLine(LoadAverage("at the start"));
            Console.WriteLine();
            Console.WriteLine("| grid | unknowns | MG time (s) | MG ns/unknown | MG cycles | MG 1 thread (s) | MathNet ILU(0) (s) | iterations | ratio to MG | MathNet diagonal (s) | iterations | ratio to MG |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        }

        IReadOnlyList<PoissonBenchmarkRow> rows = PoissonBenchmark.Run(options, json ? null : row => Console.WriteLine(Format(row, options.Tolerance)));
        if (json)
        {
            Output.WriteJson(rows);
        }
        else
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(inv,
                $"Skipped: a MathNet run whose time extrapolated from the previous grid as t (N/N_prev)^1.5 exceeds {options.MathNetTimeLimitSeconds} s."));
            Console.WriteLine(LoadAverage("at the end"));
        }

        return 0;
    }

    /// <summary>The 1, 5 and 15 minute load averages where Linux tells them (other work on the machine slows every column).</summary>
    private static string LoadAverage(string when)
    {
        const string path = "/proc/loadavg";
        string[] parts = File.Exists(path) ? File.ReadAllText(path).Split(' ') : [];
        return parts.Length >= 3 ? $"Load average {when}: {parts[0]} {parts[1]} {parts[2]} (1, 5, 15 min)." : string.Empty;
    }

    private static string Format(PoissonBenchmarkRow r, double tolerance)
    {
        var inv = CultureInfo.InvariantCulture;
        return string.Create(inv,
            $"| {r.N}^2 | {r.Unknowns} | {r.Multigrid.Seconds:F3} | {r.MultigridNanosecondsPerUnknown:F0} | {r.Multigrid.Iterations} | {r.MultigridSerial.Seconds:F3} | " +
            $"{Other(r.MathNetIlu0, r.Multigrid, tolerance)} | {Other(r.MathNetDiagonal, r.Multigrid, tolerance)} |");
    }

    private static string Other(PoissonTiming t, PoissonTiming mg, double tolerance)
    {
        var inv = CultureInfo.InvariantCulture;
        if (t.Skipped)
        {
            return string.Create(inv, $"skipped (~{t.PredictedSeconds:F0} s predicted) | - | -");
        }

        string stopped = t.RelativeResidual > tolerance ? string.Create(inv, $" (stopped at {t.RelativeResidual:E1})") : string.Empty;
        return string.Create(inv, $"{t.Seconds:F2}{stopped} | {t.Iterations} | {t.Seconds / mg.Seconds:F0}x");
    }
}
