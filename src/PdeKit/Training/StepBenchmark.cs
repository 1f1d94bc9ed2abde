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
public sealed record StepBenchmarkResult(string Device, int Points, int Steps, double Seconds, double StepsPerSecond, double FinalLoss);

/// <summary>
/// Times the bare training step (forward, residual with derivatives, backward, Adam) on fixed
/// points, without logging or resampling: the number to compare with a peer's step.
/// </summary>
public static class StepBenchmark
{
    /// <summary>Runs <paramref name="warmup"/> untimed steps, then <paramref name="steps"/> timed ones.</summary>
    public static StepBenchmarkResult Run(IProblem problem, ModelOptions model, int points, int steps, int warmup, DeviceChoice device, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (steps < 1 || warmup < 0) throw new ArgumentOutOfRangeException(nameof(steps), "steps must be positive and warmup non-negative");
        var dev = TorchRuntime.ResolveDevice(device);
        random.manual_seed(seed);
        var net = new PinnNetwork(problem, model);
        net.to(dev);
        var parameters = net.parameters().ToList();
        using var adam = optim.Adam(parameters, 1e-3);
        using var assembler = new ResidualAssembler(problem);
        var weighting = new FixedWeighting();
        var context = new WeightingContext(0, parameters);
        using var x = Sampler.Draw(SamplerKind.Uniform, problem.Domain, points, new Random(seed), dev);
        void Step()
        {
            using var scope = NewDisposeScope();
            adam.zero_grad();
            weighting.Combine(assembler.Assemble(net, x), context).backward();
            adam.step();
        }
        for (int i = 0; i < warmup; i++) Step();
        Sync(dev);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) Step();
        Sync(dev);
        clock.Stop();
        double final;
        using (var scope = NewDisposeScope())
            final = weighting.Combine(assembler.Assemble(net, x), context).Value();
        return new StepBenchmarkResult(dev.type == DeviceType.CUDA ? "cuda" : "cpu", points, steps, clock.Elapsed.TotalSeconds, steps / clock.Elapsed.TotalSeconds, final);
    }

    private static void Sync(Device dev)
    {
        if (dev.type == DeviceType.CUDA) cuda.synchronize();
    }
}
