using System.Diagnostics;
using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Runtime;
using PdeKit.Sampling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeKit.Training;

/// <summary>
/// Trains a PINN for a problem: Adam with an exponentially decaying learning rate, then optionally
/// L-BFGS with a strong-Wolfe line search. Every step runs in its own dispose scope; only the
/// parameters, optimizer state and collocation points live across steps.
/// </summary>
public sealed class Trainer
{
    private readonly IProblem problem;
    private readonly TrainingOptions options;
    private readonly ILossWeighting weighting;
    private readonly IResampler resampler;

    /// <summary>Creates a trainer. Defaults: fixed unit weights; periodic resampling per <see cref="TrainingOptions.ResampleEvery"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public Trainer(IProblem problem, TrainingOptions options, ILossWeighting? weighting = null, IResampler? resampler = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.problem = problem;
        this.options = options;
        this.weighting = weighting ?? DefaultWeighting(problem, options);
        this.resampler = resampler ?? DefaultResampler(options);
    }

    /// <summary>The weighting <paramref name="options"/> describe, over the problem's time interval.</summary>
    public static ILossWeighting DefaultWeighting(IProblem problem, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        var time = problem.Domain.Axes.FirstOrDefault(a => a.IsTime);
        if (options.Weighting.Causal && time is null)
            throw new ArgumentException($"{problem.Name} has no time axis, so causal weighting does not apply");
        return LossWeightings.Create(options.Weighting, time?.Min ?? 0, time?.Max ?? 1);
    }

    /// <summary>The resampler <paramref name="options"/> describe: adaptive, periodic or fixed points.</summary>
    public static IResampler DefaultResampler(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Sampling.Method != AdaptiveSampling.None)
            return new ResidualAdaptiveResampling(options.Sampling, options.Sampler, options.ResampleEvery, options.Points);
        return options.ResampleEvery > 0 ? new PeriodicResampling(options.Sampler, options.ResampleEvery) : new FixedPoints();
    }

    /// <summary>The weighting in use.</summary>
    public ILossWeighting Weighting => weighting;

    /// <summary>Called for every logged record (progress display, history CSV).</summary>
    public Action<TrainingRecord>? OnRecord { get; init; }

    /// <summary>Called with (step, total steps) after every step, for progress bars.</summary>
    public Action<int, int>? OnProgress { get; init; }

    /// <summary>Called with (model, step) every <see cref="TrainingOptions.CheckpointEvery"/> Adam steps, to save checkpoints.</summary>
    public Action<PinnNetwork, int>? OnCheckpoint { get; init; }

    /// <summary>An evaluator to log the error against the reference (and the benchmark quantities, if the problem has them) every <see cref="TrainingOptions.EvalEvery"/> steps.</summary>
    public Evaluator? Evaluator { get; init; }

    /// <summary>
    /// A trained model of the same architecture whose weights this run starts from (a warm start, as in a
    /// parameter curriculum, see <see cref="ParameterCurriculum"/>); null: fresh weights from the seed.
    /// It is read, never changed.
    /// </summary>
    public PinnNetwork? WarmStart { get; init; }

    /// <summary>Runs training.</summary>
    /// <exception cref="InvalidOperationException">The loss became NaN or infinite.</exception>
    public TrainingResult Train(CancellationToken cancellation = default)
    {
        var device = TorchRuntime.ResolveDevice(options.Device);
        var dtype = options.Precision == Precision.Float64 ? ScalarType.Float64 : ScalarType.Float32;
        torch.random.manual_seed(options.Seed);
        if (device.type == DeviceType.CUDA) torch.cuda.manual_seed_all(options.Seed);
        var rng = new Random(options.Seed);

        var network = new PinnNetwork(problem, options.Model);
        network.to(dtype).to(device);
        if (WarmStart is not null) CopyWeights(WarmStart, network);
        var parameters = network.parameters().ToList();
        using var assembler = new ResidualAssembler(problem, options.Engine);
        assembler.PrepareConstraints(rng, device, dtype);
        assembler.PrepareInterfaces(network, options.Model.InterfacePoints, rng, device, dtype);
        var history = new List<TrainingRecord>();
        var clock = Stopwatch.StartNew();
        int total = options.AdamSteps + options.LbfgsIterations;

        var points = Sampler.Draw(options.Sampler, problem.Domain, options.Points, rng, device, dtype).DetachFromDisposeScope();
        double adamSeconds = 0;
        int lbfgsDone = 0, finalPoints = 0;
        try
        {
            var o = options.Optimizer;
            using var fused = o.Fused ? new FusedAdam(parameters, options.LearningRate, weightDecay: o.WeightDecay, decoupled: o.Decoupled) : null;
            using optim.Optimizer? adam = o.Fused ? null
                : o.Decoupled ? optim.AdamW(parameters, options.LearningRate, weight_decay: o.WeightDecay)
                : optim.Adam(parameters, options.LearningRate, weight_decay: o.WeightDecay);
            for (int step = 1; step <= options.AdamSteps; step++)
            {
                cancellation.ThrowIfCancellationRequested();
                double lr = options.LearningRate * Math.Pow(options.LrDecayRate, (double)step / options.LrDecaySteps);
                if (fused is not null) fused.LearningRate = lr;
                else foreach (var g in adam!.ParamGroups) g.LearningRate = lr;
                bool log = step == 1 || step % options.LogEvery == 0 || step == options.AdamSteps
                    || (Evaluator is not null && options.EvalEvery > 0 && step % options.EvalEvery == 0);
                using (var scope = NewDisposeScope())
                {
                    if (fused is not null) fused.ZeroGrad();
                    else adam!.zero_grad();
                    var terms = assembler.Assemble(network, points);
                    if (step == 1) CheckWeightNames(terms);
                    var loss = weighting.Combine(terms, new WeightingContext(step, parameters));
                    loss.backward();
                    if (fused is not null) fused.Step();
                    else adam!.step();
                    if (log) Record(history, step, "adam", clock, lr, loss, terms, network, step, options.AdamSteps);
                }
                var fresh = resampler.Resample(new ResampleContext(step, points, problem, x => ResidualMagnitude(assembler, network, x), rng, device, dtype));
                if (fresh is not null)
                {
                    points.Dispose();
                    points = fresh.DetachFromDisposeScope();
                }
                if (options.CheckpointEvery > 0 && step % options.CheckpointEvery == 0) OnCheckpoint?.Invoke(network, step);
                OnProgress?.Invoke(step, total);
            }
            adamSeconds = clock.Elapsed.TotalSeconds;

            if (options.LbfgsIterations > 0)
                lbfgsDone = RunLbfgs(network, parameters, assembler, points, history, clock, total, cancellation);
        }
        finally
        {
            finalPoints = (int)points.shape[0];
            points.Dispose();
        }
        clock.Stop();
        return new TrainingResult(network, history, clock.Elapsed.TotalSeconds, options.AdamSteps, lbfgsDone,
            adamSeconds > 0 ? options.AdamSteps / adamSeconds : 0, device.type == DeviceType.CUDA ? "cuda" : "cpu", finalPoints);
    }

    private int RunLbfgs(PinnNetwork network, List<Parameter> parameters, ResidualAssembler assembler, Tensor points,
        List<TrainingRecord> history, Stopwatch clock, int total, CancellationToken cancellation)
    {
        using var lbfgs = new Lbfgs(parameters, options.LbfgsHistory);
        int offset = options.AdamSteps;
        int done = 0;
        bool namesChecked = options.AdamSteps > 0;
        double Closure()
        {
            using var scope = NewDisposeScope();
            foreach (var p in parameters) p.grad?.zero_();
            var terms = assembler.Assemble(network, points);
            if (!namesChecked) CheckWeightNames(terms);
            namesChecked = true;
            var loss = weighting.Combine(terms, new WeightingContext(offset, parameters, Frozen: true));
            loss.backward();
            return loss.Value();
        }
        lbfgs.Minimize(Closure, options.LbfgsIterations, (it, f) =>
        {
            cancellation.ThrowIfCancellationRequested();
            if (!double.IsFinite(f)) throw new InvalidOperationException($"the loss became {f} in L-BFGS iteration {it}");
            int step = offset + it;
            done = it;
            if (it == 1 || it % options.LogEvery == 0 || it == options.LbfgsIterations
                || (Evaluator is not null && options.EvalEvery > 0 && step % options.EvalEvery == 0))
            {
                using var scope = NewDisposeScope();
                var terms = assembler.Assemble(network, points);
                var loss = weighting.Combine(terms, new WeightingContext(step, parameters, Frozen: true));
                Record(history, step, "lbfgs", clock, double.NaN, loss, terms, network, it, options.LbfgsIterations);
            }
            OnProgress?.Invoke(step, total);
            return true;
        });
        return done;
    }

    private void Record(List<TrainingRecord> history, int step, string phase, Stopwatch clock, double lr, Tensor loss,
        IReadOnlyList<LossTerm> terms, PinnNetwork network, int phaseStep, int phaseSteps)
    {
        double value = loss.Value();
        if (!double.IsFinite(value))
            throw new InvalidOperationException($"the loss became {value} at step {step} ({phase}); lower the learning rate or check the problem's residual for divisions by zero");
        var termValues = terms.ToDictionary(t => t.Name, t => t.Mean.Value());
        double err = double.NaN;
        var quantities = (Evaluator?.QuantityDefinitions ?? []).ToDictionary(q => q.Name, _ => double.NaN);
        if (Evaluator is not null && (phaseStep == phaseSteps || (options.EvalEvery > 0 && step % options.EvalEvery == 0)))
        {
            var evaluation = Evaluator.Evaluate(network);
            if (evaluation.Errors.Count > 0) err = evaluation.Errors[0].RelativeL2;
            foreach (var q in evaluation.Quantities) quantities[q.Name] = q.Value;
        }
        var record = new TrainingRecord(step, phase, clock.Elapsed.TotalSeconds, lr, value, termValues, new Dictionary<string, double>(weighting.Weights), err)
        {
            Unknowns = network.UnknownValues(),
            Quantities = quantities,
        };
        history.Add(record);
        OnRecord?.Invoke(record);
    }

    /// <summary>A fixed weight for a term the problem does not have is a typo that would otherwise be ignored silently (checked on the first assembled terms of the run, Adam's or, without Adam steps, L-BFGS's).</summary>
    private void CheckWeightNames(IReadOnlyList<LossTerm> terms)
    {
        var names = terms.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var missing = (options.Weighting.Weights?.Keys ?? Enumerable.Empty<string>()).Where(k => !names.Contains(k)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"{problem.Name}: weighting.weights names {string.Join(", ", missing)}, but the problem's loss terms are {string.Join(", ", terms.Select(t => t.Name))}");
    }

    /// <summary>
    /// Copies every trainable parameter of <paramref name="from"/> into <paramref name="to"/> (converting dtype and
    /// device). Buffers are not copied: they hold this run's own domain scaling, which a curriculum may change.
    /// </summary>
    private void CopyWeights(PinnNetwork from, PinnNetwork to)
    {
        var source = from.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        var target = to.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        var mismatch = target.Where(kv => !source.TryGetValue(kv.Key, out var s) || !s.shape.SequenceEqual(kv.Value.shape)).Select(kv => kv.Key).ToList();
        if (mismatch.Count > 0 || source.Count != target.Count)
            throw new ArgumentException($"{problem.Name}: the warm-start model does not match this run's architecture (differs at: {(mismatch.Count > 0 ? string.Join(", ", mismatch) : "the number of tensors")}); use the same model settings");
        using var noGrad = no_grad();
        foreach (var (name, t) in target) t.copy_(source[name]);
    }

    private static Tensor ResidualMagnitude(ResidualAssembler assembler, PinnNetwork network, Tensor x)
    {
        using var scope = NewDisposeScope();
        var terms = assembler.Residuals(network, x);
        var sum = terms.Select(t => t.Squared).Aggregate((a, b) => a + b);
        return sum.sqrt().detach().MoveToOuterDisposeScope();
    }
}
