using System.Diagnostics;
using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Runtime;
using PdeKit.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Training;

/// <summary>Throughput of one training step.</summary>
/// <param name="Device">"cpu" or "cuda".</param>
/// <param name="Points">Collocation points per step.</param>
/// <param name="Steps">Timed steps.</param>
/// <param name="Seconds">Wall time of the timed steps (device synchronized at the end).</param>
/// <param name="StepsPerSecond">Steps / Seconds.</param>
/// <param name="FinalLoss">Loss after the timed steps (to check the peer computes the same thing).</param>
/// <param name="Engine">The derivative engine used ("autograd" or "jet").</param>
/// <param name="Optimizer">"adam" (TorchSharp's) or "fused-adam" (<see cref="FusedAdam"/>).</param>
/// <param name="Graph">"captured" when the timed steps were CUDA-graph replays, else "eager".</param>
/// <param name="Notice">Why a requested CUDA graph was not used (null otherwise).</param>
/// <param name="CpuSeconds">Process CPU time over the timed steps (all threads): on a shared CPU machine a steadier measure of the work than wall time.</param>
public sealed record StepBenchmarkResult(string Device, int Points, int Steps, double Seconds, double StepsPerSecond, double FinalLoss,
    string Engine = "autograd", string Optimizer = "adam", double CpuSeconds = double.NaN, string Graph = "eager", string? Notice = null)
{
    /// <summary>Steps per second of process CPU time (Steps / CpuSeconds).</summary>
    public double StepsPerCpuSecond => Steps / CpuSeconds;

    /// <summary>Collocation points processed per second (StepsPerSecond x Points).</summary>
    public double PointsPerSecond => StepsPerSecond * Points;
}

/// <summary>One configuration of the step to time.</summary>
/// <param name="Engine">Derivative engine (<see cref="DerivativeEngine.Auto"/> resolves per model, and to autograd for a residual with derivatives of order 3 or more).</param>
/// <param name="FusedAdam">Use <see cref="FusedAdam"/> instead of TorchSharp's Adam.</param>
/// <param name="CudaGraph">Capture the step once as a CUDA graph (<see cref="Runtime.CudaGraph"/>) and time its replays; needs the fused Adam (its step count lives on the device). Ignored, with a notice, off CUDA.</param>
public sealed record StepVariant(DerivativeEngine Engine, bool FusedAdam = false, bool CudaGraph = false)
{
    /// <summary>A short label, e.g. "jet + fused-adam".</summary>
    public string Label => $"{Engine.ToString().ToLowerInvariant()} + {(FusedAdam ? "fused-adam" : "adam")}{(CudaGraph ? " + cuda-graph" : "")}";
}

/// <summary>
/// Times the bare training step (forward, residual with derivatives, backward, Adam) on fixed
/// points, without logging or resampling: the number to compare with a peer's step.
/// </summary>
public static class StepBenchmark
{
    /// <summary>Runs <paramref name="warmup"/> untimed steps, then <paramref name="steps"/> timed ones.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="model">The network.</param>
    /// <param name="points">Collocation points (fixed for the run).</param>
    /// <param name="steps">Timed steps.</param>
    /// <param name="warmup">Untimed steps first.</param>
    /// <param name="device">Device.</param>
    /// <param name="seed">Seed of the weights and points.</param>
    /// <param name="variant">Engine and optimizer (default: nested autograd and TorchSharp's Adam).</param>
    public static StepBenchmarkResult Run(IProblem problem, ModelOptions model, int points, int steps, int warmup, DeviceChoice device, int seed = 0, StepVariant? variant = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (steps < 1 || warmup < 0) throw new ArgumentOutOfRangeException(nameof(steps), "steps must be positive and warmup non-negative");
        if (points < 1) throw new ArgumentOutOfRangeException(nameof(points), points, "at least one collocation point");
        variant ??= new StepVariant(DerivativeEngine.Autograd);
        if (variant.CudaGraph && !variant.FusedAdam)
            throw new ArgumentException("a CUDA-graph step needs the fused Adam (TorchSharp's Adam keeps its step count on the host, which a graph would freeze)", nameof(variant));
        var dev = TorchRuntime.ResolveDevice(device);
        random.manual_seed(seed);
        using var net = new PinnNetwork(problem, model);
        net.to(dev);
        var parameters = net.parameters().ToList();
        using var fused = variant.FusedAdam ? new FusedAdam(parameters, 1e-3) : null;
        using var adam = variant.FusedAdam ? null : optim.Adam(parameters, 1e-3);
        using var assembler = new ResidualAssembler(problem, variant.Engine);
        var engine = assembler.EngineFor(net);
        var weighting = new FixedWeighting();
        var context = new WeightingContext(0, parameters);
        using var x = Sampler.Draw(SamplerKind.Uniform, problem.Domain, points, new Random(seed), dev);
        void Step()
        {
            using var scope = NewDisposeScope();
            if (fused is not null) fused.ZeroGrad();
            else adam!.zero_grad();
            weighting.Combine(assembler.Assemble(net, x), context).backward();
            if (fused is not null) fused.Step();
            else adam!.step();
        }
        for (int i = 0; i < warmup; i++) Step();
        Sync(dev);
        string? notice = null;
        using var graph = variant.CudaGraph ? CudaGraph.TryCapture(Step, dev, 3, n => notice = n) : null;
        Action timed = graph is null ? Step : graph.Replay;
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) timed();
        Sync(dev);
        clock.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        double final;
        using (var scope = NewDisposeScope())
            final = weighting.Combine(assembler.Assemble(net, x), context).Value();
        return new StepBenchmarkResult(dev.type == DeviceType.CUDA ? "cuda" : "cpu", points, steps, clock.Elapsed.TotalSeconds, steps / clock.Elapsed.TotalSeconds, final,
            (engine == DerivativeEngine.Jet && variant.Engine == DerivativeEngine.Auto && assembler.HigherOrderSites.Contains("residual") ? DerivativeEngine.Autograd : engine).ToString().ToLowerInvariant(), variant.FusedAdam ? "fused-adam" : "adam", cpu, graph is null ? "eager" : "captured", notice);
    }

    /// <summary>
    /// Times several variants of the same step in one process, interleaved round by round (variant 1, 2, ...,
    /// then again) so that a busy machine affects them alike; returns every run, grouped by variant in round order.
    /// </summary>
    public static IReadOnlyList<(StepVariant Variant, IReadOnlyList<StepBenchmarkResult> Runs)> Compare(
        IProblem problem, ModelOptions model, int points, int steps, int warmup, DeviceChoice device, IReadOnlyList<StepVariant> variants, int rounds, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(variants);
        if (variants.Count == 0) throw new ArgumentException("no variants to compare", nameof(variants));
        if (rounds < 1) throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "at least one round");
        var runs = variants.Select(_ => new List<StepBenchmarkResult>()).ToList();
        for (int r = 0; r < rounds; r++)
            for (int i = 0; i < variants.Count; i++)
                runs[i].Add(Run(problem, model, points, steps, warmup, device, seed, variants[i]));
        return variants.Select((v, i) => (v, (IReadOnlyList<StepBenchmarkResult>)runs[i])).ToList();
    }

    private static void Sync(Device dev)
    {
        if (dev.type == DeviceType.CUDA) cuda.synchronize();
    }
}
