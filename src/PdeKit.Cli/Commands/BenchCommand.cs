using System.CommandLine;
using System.Globalization;
using PdeKit.Models;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Training;

namespace PdeKit.Cli.Commands;

/// <summary><c>pdekit bench</c>: steps/s of the bare training step (compare with tests/benchmarks peer scripts).</summary>
internal static class BenchCommand
{
    internal static Command Create()
    {
        var problem = new Argument<string>("problem") { Description = "problem name" };
        var device = new Option<string>("--device") { Description = "auto, cpu or cuda", DefaultValueFactory = _ => "auto" };
        var points = new Option<int>("--points") { Description = "collocation points", DefaultValueFactory = _ => 4096 };
        var steps = new Option<int>("--steps") { Description = "timed steps", DefaultValueFactory = _ => 200 };
        var warmup = new Option<int>("--warmup") { Description = "untimed warm-up steps", DefaultValueFactory = _ => 20 };
        var width = new Option<int>("--width") { Description = "hidden width", DefaultValueFactory = _ => 64 };
        var depth = new Option<int>("--depth") { Description = "hidden layers", DefaultValueFactory = _ => 3 };
        var engine = new Option<DerivativeEngine>("--engine") { Description = "derivative engine: autograd, jet or auto (jet when the model supports it)", DefaultValueFactory = _ => DerivativeEngine.Auto };
        var fused = new Option<bool>("--fused") { Description = "use the fused flat-buffer Adam" };
        var graph = new Option<bool>("--graph") { Description = "CUDA only: capture the step as a CUDA graph and time its replays (implies --fused; falls back to eager with a notice)" };
        var compare = new Option<bool>("--compare") { Description = "time autograd + adam, jet + adam and jet + fused-adam interleaved in one run; print a Markdown table with ratios" };
        var rounds = new Option<int>("--rounds") { Description = "with --compare: interleaved rounds per variant (the median is reported)", DefaultValueFactory = _ => 3 };
        var sizes = new Option<string?>("--sizes") { Description = $"{PoissonFdBench.Name} only: grid sides, e.g. 129,257,513,1025,2049" };
        var cmd = new Command(
            "bench",
            $"Time the bare PINN training step (forward, derivatives, backward, Adam) in steps/s; '{PoissonFdBench.Name}' times the finite-difference Poisson solvers instead.")
        {
            problem, device, points, steps, warmup, width, depth, engine, fused, graph, compare, rounds, sizes,
        };
        cmd.SetAction(r => CliApp.Guard(() =>
        {
            if (r.GetValue(problem) == PoissonFdBench.Name)
            {
                return PoissonFdBench.Run(PoissonFdBench.Options(r.GetValue(sizes)), r.GetValue(CliApp.Json));
            }

            var p = ProblemCatalog.Find(r.GetValue(problem)!).Build();
            var model = new ModelOptions(Width: r.GetValue(width), Depth: r.GetValue(depth));
            var dev = TorchRuntime.ParseDevice(r.GetValue(device)!);
            if (r.GetValue(compare))
            {
                var variants = new List<StepVariant> { new(DerivativeEngine.Autograd), new(DerivativeEngine.Jet), new(DerivativeEngine.Jet, FusedAdam: true) };
                if (TorchRuntime.ResolveDevice(dev).type == TorchSharp.DeviceType.CUDA) variants.Add(new(DerivativeEngine.Jet, FusedAdam: true, CudaGraph: true));
                var table = StepBenchmark.Compare(p, model, r.GetValue(points), r.GetValue(steps), r.GetValue(warmup), dev, variants, r.GetValue(rounds));
                if (r.GetValue(CliApp.Json)) Output.WriteJson(table.Select(t => new { variant = t.Variant.Label, runs = t.Runs }).ToList());
                else Console.Write(BenchTable.Markdown(p.Name, model, table));
                return 0;
            }
            bool captured = r.GetValue(graph);
            var result = StepBenchmark.Run(p, model, r.GetValue(points), r.GetValue(steps), r.GetValue(warmup), dev, variant: new StepVariant(r.GetValue(engine), r.GetValue(fused) || captured, captured));
            if (result.Notice is not null) Console.Error.WriteLine(result.Notice);
            if (r.GetValue(CliApp.Json)) Output.WriteJson(result);
            else Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pdekit {p.Name} step: {result.StepsPerSecond:F1} steps/s on {result.Device} ({result.Engine} + {result.Optimizer}, {result.Graph}, {result.Points} points, {result.Steps} steps, final loss {result.FinalLoss:E3})"));
            return 0;
        }));
        return cmd;
    }
}
