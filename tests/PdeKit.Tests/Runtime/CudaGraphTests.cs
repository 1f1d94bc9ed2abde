using PdeKit.Models;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Runtime;

/// <summary>The CUDA-graph path: refused cleanly off CUDA; on a GPU, a replayed training step matches the eager one.</summary>
public class CudaGraphTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [Test]
    public void OnTheCpuNoGraphIsMadeAndTheNoticeSaysWhy()
    {
        string? notice = null;
        int runs = 0;
        Assert.That(CudaGraph.TryCapture(() => runs++, CPU, notice: n => notice = n), Is.Null);
        Assert.That(runs, Is.Zero, "nothing is run when no graph can be made");
        Assert.That(notice, Does.Contain("not CUDA").And.Contain("eagerly"));
    }

    [Test]
    public void TheBenchmarkFallsBackToEagerOnTheCpuAndNeedsTheFusedAdam()
    {
        var problem = new PdeKit.Problems.Burgers();
        var model = new ModelOptions(Width: 8, Depth: 2);
        var r = StepBenchmark.Run(problem, model, 64, 2, 1, DeviceChoice.Cpu, variant: new StepVariant(DerivativeEngine.Jet, FusedAdam: true, CudaGraph: true));
        Assert.That(r.Graph, Is.EqualTo("eager"));
        Assert.That(r.Notice, Does.Contain("not CUDA"));
        Assert.That(r.Engine, Is.EqualTo("jet"));
        Assert.That(() => StepBenchmark.Run(problem, model, 64, 2, 1, DeviceChoice.Cpu, variant: new StepVariant(DerivativeEngine.Jet, CudaGraph: true)),
            Throws.ArgumentException.With.Message.Contains("fused Adam"));
    }

    [Test]
    [Category("Gpu")]
    public void AReplayedJetStepWithTheFusedAdamMatchesTheEagerSteps()
    {
        if (!TorchRuntime.Initialize().CudaAvailable) Assert.Ignore("CUDA is not available on this machine");
        if (CudaGraph.Availability() is { } why) Assert.Ignore($"CUDA graphs are not available: {why}");
        var problem = new PdeKit.Problems.Burgers();
        var points = rand(512, 2, device: CUDA) * tensor(new float[] { 2, 1 }, device: CUDA) - tensor(new float[] { 1, 0 }, device: CUDA);
        (PinnNetwork Net, FusedAdam Adam, ResidualAssembler Assembler) Make()
        {
            random.manual_seed(3);
            var net = new PinnNetwork(problem, new ModelOptions(Width: 16, Depth: 2));
            net.to(CUDA);
            return (net, new FusedAdam(net.parameters(), 1e-3), new ResidualAssembler(problem, DerivativeEngine.Jet));
        }
        var (netA, adamA, asmA) = Make();
        var (netB, adamB, asmB) = Make();
        Action StepOf(PinnNetwork net, FusedAdam adam, ResidualAssembler asm) => () =>
        {
            using var scope = NewDisposeScope();
            adam.ZeroGrad();
            asm.Residuals(net, points)[0].Squared.mean().backward();
            adam.Step();
        };
        var eager = StepOf(netA, adamA, asmA);
        // The graph path runs 3 warm-up steps and the captured one: 4 eager steps, then each replay is one more.
        using var graph = CudaGraph.TryCapture(StepOf(netB, adamB, asmB), CUDA, 3);
        Assert.That(graph, Is.Not.Null);
        for (int i = 0; i < 4; i++) eager();
        for (int i = 0; i < 10; i++)
        {
            eager();
            graph!.Replay();
        }
        cuda.synchronize();
        Assert.That(adamB.Steps, Is.EqualTo(14));
        var pa = netA.parameters().ToList();
        var pb = netB.parameters().ToList();
        for (int i = 0; i < pa.Count; i++) Assert.That(pa[i].allclose(pb[i], 1e-5, 1e-6), Is.True, $"parameter {i}");
    }
}
