using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Sampling;
using static TorchSharp.torch;

namespace PdeKit.Training;

/// <summary>How derivatives of the network are computed.</summary>
public enum DerivativeEngine
{
    /// <summary>Nested reverse-mode autograd, memoized per (field, axes).</summary>
    Autograd,

    /// <summary>
    /// Derivatives propagated forward through the network as a jet (<see cref="JetSolution"/>); the model
    /// must support it (<see cref="PinnNetwork.SupportsJet"/>).
    /// </summary>
    Jet,

    /// <summary>
    /// <see cref="Jet"/> when the model supports it, else <see cref="Autograd"/>; and <see cref="Autograd"/> for a
    /// residual or constraint that asks for a derivative of order 3 or more (found when its call site is first
    /// probed, e.g. a stream-function momentum residual): the jet carries orders up to 2 and would take the higher
    /// ones from a full nested-autograd fallback, which costs more than nested autograd alone.
    /// </summary>
    Auto,
}

/// <summary>Builds the named loss terms of a problem at a batch of points, plus its soft-constraint terms.</summary>
public sealed class ResidualAssembler : IDisposable
{
    private readonly IProblem problem;
    private readonly DerivativeEngine engine;
    private readonly List<(Constraint Constraint, Tensor Points, Tensor? Normals)> faces = [];
    private readonly List<(Observation Observation, Tensor Points, Tensor Values)> data = [];
    private InterfaceContinuity? interfaces;
    private readonly Dictionary<string, JetPlan> plans = new(StringComparer.Ordinal);

    /// <summary>The derivatives (axis keys "0", "0,0", ...) a call site asked for, and the layout made from them (kept: it caches device tensors).</summary>
    private sealed class JetPlan
    {
        public HashSet<string> Needed { get; } = new(StringComparer.Ordinal);

        public JetLayout? Layout { get; set; }

        /// <summary>True once a derivative of order 3 or more was asked for (the jet does not carry those).</summary>
        public bool HigherOrder { get; private set; }

        public void Add(int[] axes)
        {
            if (axes.Length > 2) HigherOrder = true;
            else if (Needed.Add(string.Join(',', axes.Order()))) Layout = null;
        }
    }

    /// <summary>Creates the assembler.</summary>
    public ResidualAssembler(IProblem problem, DerivativeEngine engine = DerivativeEngine.Autograd)
    {
        ArgumentNullException.ThrowIfNull(problem);
        this.problem = problem;
        this.engine = engine;
    }

    /// <summary>The engine asked for (<see cref="DerivativeEngine.Auto"/> is resolved per model by <see cref="EngineFor"/>).</summary>
    public DerivativeEngine Engine => engine;

    /// <summary>
    /// The engine used for <paramref name="network"/>: jet or autograd (with <see cref="DerivativeEngine.Auto"/>, a
    /// call site that needs derivatives of order 3 or more still runs on autograd; see <see cref="HigherOrderSites"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The jet engine was asked for a model that does not support it.</exception>
    public DerivativeEngine EngineFor(PinnNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return engine switch
        {
            DerivativeEngine.Autograd => DerivativeEngine.Autograd,
            DerivativeEngine.Jet => network.SupportsJet ? DerivativeEngine.Jet
                : throw new ArgumentException($"{problem.Name}: engine=jet needs a model with forward derivative rules (MLP, modified MLP, Fourier features); use engine=auto or autograd"),
            DerivativeEngine.Auto => network.SupportsJet ? DerivativeEngine.Jet : DerivativeEngine.Autograd,
            _ => throw new ArgumentOutOfRangeException(nameof(network), engine, "unknown derivative engine"),
        };
    }

    /// <summary>
    /// The solution object with derivative memoization for one step (caller owns the dispose scope). With
    /// the jet engine the partials carried are those asked for in earlier calls; others come from an
    /// autograd fallback the first time and are carried from the next call on.
    /// </summary>
    /// <param name="network">The model.</param>
    /// <param name="points">Points [N, d]; a leaf copy with requires_grad is made here.</param>
    public (Solution Solution, Coords Coords) Solve(PinnNetwork network, Tensor points) => Solve(network, points, null, "solve", null);

    private (Solution Solution, Coords Coords) Solve(PinnNetwork network, Tensor points, Tensor? normals, string key, Func<Coords, Solution, Tensor>? use)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(points);
        if (points.dim() != 2 || points.shape[1] != problem.Domain.Dimension)
            throw new ArgumentException($"{problem.Name}: points must have shape [N, {problem.Domain.Dimension}]; got [{string.Join(", ", points.shape)}]", nameof(points));
        var leaf = points.detach().requires_grad_(true);
        var coords = new Coords(leaf, problem.Domain) { Unknowns = network.Unknowns(), Normals = normals };
        if (EngineFor(network) == DerivativeEngine.Autograd)
            return (new AutogradSolution(problem.Domain, problem.Outputs, leaf, network.forward(leaf)), coords);
        if (!plans.TryGetValue(key, out var plan))
        {
            plan = new JetPlan();
            plans[key] = plan;
            if (use is not null) Probe(network, points, normals, plan, use);
        }
        if (engine == DerivativeEngine.Auto && plan.HigherOrder)
            return (new AutogradSolution(problem.Domain, problem.Outputs, leaf, network.forward(leaf)), coords);
        plan.Layout ??= JetLayout.For(problem.Domain.Dimension, plan.Needed.Select(Axes));
        return (new JetSolution(network, problem.Domain, problem.Outputs, leaf, plan.Layout, plan.Add), coords);
    }

    /// <summary>
    /// Runs <paramref name="use"/> once on a few of the points with an empty jet, so that every derivative it
    /// asks for is recorded in <paramref name="plan"/> (taken by autograd here, carried by the jet afterwards).
    /// Derivatives of order above 2 are not recorded: they stay with the autograd fallback.
    /// </summary>
    private void Probe(PinnNetwork network, Tensor points, Tensor? normals, JetPlan plan, Func<Coords, Solution, Tensor> use)
    {
        using var scope = NewDisposeScope();
        long n = Math.Min(points.shape[0], 4);
        var few = points.narrow(0, 0, n).detach().requires_grad_(true);
        var coords = new Coords(few, problem.Domain) { Unknowns = network.Unknowns(), Normals = normals?.narrow(0, 0, n) };
        var probe = new JetSolution(network, problem.Domain, problem.Outputs, few, JetLayout.For(problem.Domain.Dimension, []), plan.Add);
        use(coords, probe);
    }

    /// <summary>
    /// The call sites ("residual", "constraint:NAME", "observation:NAME") seen so far that asked for a derivative
    /// of order 3 or more; with <see cref="DerivativeEngine.Auto"/> they run on autograd.
    /// </summary>
    public IReadOnlyList<string> HigherOrderSites => plans.Where(kv => kv.Value.HigherOrder).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();

    private static int[] Axes(string key) => key.Length == 0 ? [] : key.Split(',').Select(int.Parse).ToArray();

    /// <summary>
    /// Draws the points of the problem's soft constraints (kept for the whole run). Without this call
    /// <see cref="Assemble"/> returns residual terms only.
    /// </summary>
    /// <exception cref="ArgumentException">A constraint with fewer than one point, an unknown axis, or an unknown boundary part.</exception>
    public void PrepareConstraints(Random rng, Device device, ScalarType dtype)
    {
        ArgumentNullException.ThrowIfNull(rng);
        DisposeFaces();
        CheckTermNames();
        foreach (var c in problem.Constraints)
        {
            if (c.Points < 1) throw new ArgumentException($"{problem.Name}: constraint {c.Name} needs at least one point (got {c.Points})");
            if (c.Boundary is { } part)
            {
                if (!problem.Domain.HasRegion)
                    throw new ArgumentException($"{problem.Name}: constraint {c.Name} lies on a region boundary, but the domain {problem.Domain} has no region");
                var b = Sampler.DrawBoundary(problem.Domain, c.Points, rng, device, dtype, part.Name);
                faces.Add((c, b.Points.DetachFromDisposeScope(), b.Normals.DetachFromDisposeScope()));
            }
            else faces.Add((c, Sampler.DrawFace(problem.Domain, c.Axis, c.Upper, c.Points, rng, device, dtype).DetachFromDisposeScope(), null));
        }
        foreach (var o in problem.Observations)
        {
            int d = problem.Domain.Dimension;
            if (o.Points.Length == 0 || o.Points.Length != o.Values.Length)
                throw new ArgumentException($"{problem.Name}: observation {o.Name} has {o.Points.Length} points and {o.Values.Length} values; they must match and not be empty");
            if (o.Output < 0 || o.Output >= problem.Outputs.Count) throw new ArgumentException($"{problem.Name}: observation {o.Name} measures output {o.Output}, but there are {problem.Outputs.Count}");
            var flat = new double[o.Points.Length * d];
            for (int i = 0; i < o.Points.Length; i++)
            {
                if (o.Points[i].Length != d) throw new ArgumentException($"{problem.Name}: observation {o.Name} point {i} has {o.Points[i].Length} coordinates, expected {d}");
                if (o.Points[i].Any(v => !double.IsFinite(v)) || !double.IsFinite(o.Values[i])) throw new ArgumentException($"{problem.Name}: observation {o.Name} row {i} is not finite");
                if (o.Locate is null && !problem.Domain.Contains(o.Points[i]))
                    throw new ArgumentException($"{problem.Name}: observation {o.Name} point {i} ({string.Join(", ", o.Points[i])}) lies outside the domain {problem.Domain}");
                Array.Copy(o.Points[i], 0, flat, i * d, d);
            }
            var pts = tensor(flat, [o.Points.Length, d]).to(dtype).to(device).DetachFromDisposeScope();
            var vals = tensor(o.Values).to(dtype).to(device).DetachFromDisposeScope();
            data.Add((o, pts, vals));
        }
    }

    /// <summary>Loss-term names must be unique and must not take the names the assembler and the weightings use themselves.</summary>
    private void CheckTermNames()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in problem.Constraints.Select(c => c.Name).Concat(problem.Observations.Select(o => o.Name)))
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException($"{problem.Name}: a constraint or observation has an empty name");
            if (name.StartsWith("residual", StringComparison.Ordinal) || name.StartsWith("causal_", StringComparison.Ordinal) || name.StartsWith("interface_", StringComparison.Ordinal))
                throw new ArgumentException($"{problem.Name}: the term name {name} is reserved (residual*, causal_*, interface_* are PdeKit's own)");
            if (!seen.Add(name)) throw new ArgumentException($"{problem.Name}: two constraints or observations are both named {name}; loss terms are logged by name, so names must be unique");
        }
    }

    /// <summary>
    /// Draws the interface points of a domain-decomposed <paramref name="network"/> (see
    /// <see cref="ModelOptions.Interfaces"/>); <see cref="Assemble"/> then adds the "interface_k" continuity
    /// terms. Nothing happens for a single network.
    /// </summary>
    public void PrepareInterfaces(PinnNetwork network, int pointsPerInterface, Random rng, Device device, ScalarType dtype)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(rng);
        if (pointsPerInterface < 1) throw new ArgumentOutOfRangeException(nameof(pointsPerInterface), pointsPerInterface, "at least one point per interface");
        interfaces?.Dispose();
        interfaces = new InterfaceContinuity(problem, network, pointsPerInterface, rng, device, dtype);
    }

    /// <summary>All loss terms: the residual terms at <paramref name="points"/>, then one term per soft constraint, observation and subdomain interface.</summary>
    public IReadOnlyList<LossTerm> Assemble(PinnNetwork network, Tensor points)
    {
        var terms = Residuals(network, points);
        if (faces.Count == 0 && data.Count == 0 && interfaces is not { Any: true }) return terms;
        var all = new List<LossTerm>(terms);
        foreach (var (constraint, pts, normals) in faces)
        {
            var (s, c) = Solve(network, pts, normals, "constraint:" + constraint.Name, constraint.Residual);
            var r = constraint.Residual(c, s);
            if (r.dim() == 1) r = r.unsqueeze(1);
            if (r.dim() != 2 || r.shape[0] != c.Count)
                throw new InvalidOperationException($"{problem.Name}: constraint {constraint.Name} returned shape [{string.Join(", ", r.shape)}], expected [{c.Count}, k]");
            all.Add(new LossTerm(constraint.Name, r.square().sum(1), c, IsResidual: false));
        }
        foreach (var (o, pts, vals) in data)
        {
            if (o.Locate is not null)
            {
                all.Add(LocatedObservation(network, o, pts, vals));
                continue;
            }
            if (o.Measure is { } measure)
            {
                var (s, c) = Solve(network, pts, null, "observation:" + o.Name, measure);
                var m = Measured(o, measure(c, s), c.Count);
                all.Add(new LossTerm(o.Name, (m - vals).square(), c, IsResidual: false));
                continue;
            }
            var u = network.forward(pts)[.., o.Output];
            all.Add(new LossTerm(o.Name, (u - vals).square(), new Coords(pts, problem.Domain), IsResidual: false));
        }
        if (interfaces is { Any: true }) all.AddRange(interfaces.Terms(network));
        return all;
    }

    /// <summary>
    /// The data term of an observation with <see cref="Observation.Locate"/>: the points are mapped with the current
    /// unknowns, and the network is evaluated at a copy that is a leaf for the derivatives of <see cref="Observation.Measure"/>
    /// but still carries the map's dependence on the unknowns (x = leaf + (located - detached located)).
    /// </summary>
    private LossTerm LocatedObservation(PinnNetwork network, Observation o, Tensor pts, Tensor vals)
    {
        var unknowns = network.Unknowns();
        var located = o.Locate!(new Coords(pts, problem.Domain) { Unknowns = unknowns });
        if (located.dim() != 2 || located.shape[0] != pts.shape[0] || located.shape[1] != problem.Domain.Dimension)
            throw new InvalidOperationException($"{problem.Name}: observation {o.Name} located its points with shape [{string.Join(", ", located.shape)}], expected [{pts.shape[0]}, {problem.Domain.Dimension}]");
        Tensor m;
        Coords c;
        if (o.Measure is { } measure)
        {
            var leaf = located.detach().requires_grad_(true);
            var x = leaf + (located - located.detach());
            c = new Coords(x, problem.Domain) { Unknowns = unknowns };
            m = Measured(o, measure(c, new AutogradSolution(problem.Domain, problem.Outputs, leaf, network.forward(x))), c.Count);
        }
        else
        {
            c = new Coords(located, problem.Domain) { Unknowns = unknowns };
            m = network.forward(located)[.., o.Output];
        }
        return new LossTerm(o.Name, (m - vals).square(), c, IsResidual: false);
    }

    /// <summary>An observation's measured values as [n]: a [n, 1] measure is squeezed; any other shape is an error naming it.</summary>
    private Tensor Measured(Observation o, Tensor m, long n)
    {
        if (m.dim() == 2 && m.shape[1] == 1) m = m.squeeze(1);
        if (m.dim() != 1 || m.shape[0] != n)
            throw new InvalidOperationException($"{problem.Name}: observation {o.Name} measured shape [{string.Join(", ", m.shape)}], expected [{n}] or [{n}, 1]");
        return m;
    }

    /// <summary>Residual loss terms: one per equation ("residual" when there is one, else "residual_i").</summary>
    public IReadOnlyList<LossTerm> Residuals(PinnNetwork network, Tensor points)
    {
        var (s, c) = Solve(network, points, null, "residual", problem.Residual);
        var r = problem.Residual(c, s);
        if (r.dim() == 1) r = r.unsqueeze(1);
        if (r.dim() != 2 || r.shape[0] != c.Count)
            throw new InvalidOperationException($"{problem.Name}: the residual has shape [{string.Join(", ", r.shape)}], expected [{c.Count}, equations]");
        if (r.shape[1] == 1) return [new LossTerm("residual", r.squeeze(1).square(), c)];
        return Enumerable.Range(0, (int)r.shape[1]).Select(i => new LossTerm($"residual_{i}", r[.., i].square(), c)).ToList();
    }

    /// <summary>Releases the constraint points.</summary>
    public void Dispose()
    {
        DisposeFaces();
        interfaces?.Dispose();
        interfaces = null;
    }

    /// <summary>Forgets the derivatives the jet engine learned were needed (the next call probes again).</summary>
    public void ResetJetPlans() => plans.Clear();

    private void DisposeFaces()
    {
        foreach (var (_, p, n) in faces)
        {
            p.Dispose();
            n?.Dispose();
        }
        faces.Clear();
        foreach (var (_, p, v) in data)
        {
            p.Dispose();
            v.Dispose();
        }
        data.Clear();
    }
}
