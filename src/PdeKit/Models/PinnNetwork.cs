using PdeKit.Physics;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PdeKit.Models;

/// <summary>
/// The trainable model of a problem: maps domain coordinates to [-1, 1] per axis, runs the network,
/// and applies the problem's ansatz so hard constraints hold exactly.
/// </summary>
public sealed class PinnNetwork : Module<Tensor, Tensor>
{
    private readonly IProblem problem;
    private readonly Module<Tensor, Tensor> net;
    private readonly TorchSharp.Modules.ModuleList<Module<Tensor, Tensor>>? subnets;
    private readonly Tensor shift, scale;
    private readonly long[] plainColumns, periodicColumns;
    private readonly int splitColumn = -1;

    /// <summary>Creates the model for <paramref name="problem"/>.</summary>
    public PinnNetwork(IProblem problem, ModelOptions options) : base(nameof(PinnNetwork))
    {
        ArgumentNullException.ThrowIfNull(problem);
        this.problem = problem;
        var axes = problem.Domain.Axes;
        plainColumns = [.. Enumerable.Range(0, axes.Count).Where(i => !axes[i].Periodic).Select(i => (long)i)];
        periodicColumns = [.. Enumerable.Range(0, axes.Count).Where(i => axes[i].Periodic).Select(i => (long)i)];
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int inputs = plainColumns.Length + 2 * periodicColumns.Length;
        net = Networks.Create(options, inputs, problem.Outputs.Count);
        // Kept in float64 and cast to the points' type and device where used, so float64 runs map exactly.
        shift = tensor(axes.Select(a => (a.Min + a.Max) / 2).ToArray(), dtype: ScalarType.Float64).reshape(1, -1);
        scale = tensor(axes.Select(a => 2 / a.Length).ToArray(), dtype: ScalarType.Float64).reshape(1, -1);
        register_buffer("shift", shift);
        register_buffer("scale", scale);
        Interfaces = options.Interfaces;
        if (Interfaces.Count > 0)
        {
            splitColumn = problem.Domain.IndexOf(options.SplitAxis);
            var axis = axes[splitColumn];
            if (axis.Periodic) throw new ArgumentException($"{problem.Name}: the periodic axis {axis.Name} cannot be split into subdomains");
            if (Interfaces[0] <= axis.Min || Interfaces[^1] >= axis.Max)
                throw new ArgumentException($"{problem.Name}: model interfaces ({string.Join("; ", Interfaces)}) must lie strictly inside {axis.Name} in ({axis.Min}, {axis.Max})");
            // One network per subdomain, each seeing its own subdomain mapped to [-1, 1] along the split axis.
            // "net" stays subdomain 0 (so one-network checkpoints keep their keys); "subnets" holds 1..K.
            subnets = new TorchSharp.Modules.ModuleList<Module<Tensor, Tensor>>();
            for (int k = 1; k <= Interfaces.Count; k++) subnets.Add(Networks.Create(options, inputs, problem.Outputs.Count));
            for (int k = 0; k <= Interfaces.Count; k++)
            {
                double lo = k == 0 ? axis.Min : Interfaces[k - 1], hi = k == Interfaces.Count ? axis.Max : Interfaces[k];
                var sh = shift.clone();
                var sc = scale.clone();
                sh[0, splitColumn] = tensor((lo + hi) / 2, dtype: ScalarType.Float64);
                sc[0, splitColumn] = tensor(2 / (hi - lo), dtype: ScalarType.Float64);
                register_buffer($"shift_{k}", sh);
                register_buffer($"scale_{k}", sc);
            }
        }
        RegisterComponents();
        foreach (var u in problem.Unknowns)
        {
            if (u.Positive && !(u.Initial > 0)) throw new ArgumentException($"{problem.Name}: unknown {u.Name} is positive but starts at {u.Initial}");
            if (!double.IsFinite(u.Initial)) throw new ArgumentException($"{problem.Name}: unknown {u.Name} starts at {u.Initial}");
            register_parameter(UnknownKey(u.Name), new TorchSharp.Modules.Parameter(tensor(u.Positive ? Math.Log(u.Initial) : u.Initial)));
        }
    }

    /// <summary>The raw network output for points [N, d]: [N, outputs], before the ansatz.</summary>
    /// <remarks>
    /// Each axis is mapped to [-1, 1]; a periodic axis enters as (cos(pi s), sin(pi s)) of its mapped
    /// coordinate s, which has period 2 in s, i.e. the axis length.
    /// </remarks>
    public Tensor Raw(Tensor points)
    {
        if (subnets is null) return RawOf(net, points, get_buffer("shift")!, get_buffer("scale")!);
        // Each point goes to the network of its subdomain: index k = number of interfaces at or below it.
        var column = points.select(1, splitColumn);
        var which = zeros_like(column, dtype: ScalarType.Int64);
        foreach (var v in Interfaces) which = which + (column >= v).to(ScalarType.Int64);
        var result = zeros(points.shape[0], problem.Outputs.Count, dtype: points.dtype, device: points.device);
        for (int k = 0; k <= Interfaces.Count; k++)
        {
            var index = (which == k).nonzero().squeeze(1);
            if (index.shape[0] == 0) continue;
            result = result.index_copy(0, index, RawOf(k, points.index_select(0, index)));
        }
        return result;
    }

    /// <summary>Domain-decomposition interfaces along the split axis (empty: one network).</summary>
    public IReadOnlyList<double> Interfaces { get; }

    /// <summary>The split axis' column, or -1 without decomposition.</summary>
    public int SplitColumn => splitColumn;

    /// <summary>The constrained solution of subdomain <paramref name="k"/>'s network at points [N, d] wherever they lie (for interface terms): [N, outputs].</summary>
    public Tensor ForwardSubdomain(int k, Tensor points)
    {
        if (subnets is null || k < 0 || k > Interfaces.Count)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"the model has {Interfaces.Count + 1} subdomain(s)");
        return Constrain(points, RawOf(k, points));
    }

    // Buffers are looked up by name: Module.to(...) replaces them, so no stale references are kept.
    private Tensor RawOf(int k, Tensor points) =>
        RawOf(k == 0 ? net : subnets![k - 1], points, get_buffer($"shift_{k}")!, get_buffer($"scale_{k}")!);

    private Tensor RawOf(Module<Tensor, Tensor> network, Tensor points, Tensor shift, Tensor scale)
    {
        var s = (points - shift.to(points.dtype, points.device)) * scale.to(points.dtype, points.device);
        if (periodicColumns.Length == 0) return network.forward(s);
        var parts = plainColumns.Select(i => s.narrow(1, i, 1)).ToList();
        foreach (var i in periodicColumns)
        {
            var angle = s.narrow(1, i, 1) * Math.PI;
            parts.Add(angle.cos());
            parts.Add(angle.sin());
        }
        return network.forward(cat(parts, 1));
    }

    /// <summary>
    /// True when every network of the model can propagate a <see cref="Jet"/> (MLP, modified MLP, Fourier
    /// features in front of either): derivatives can then be pushed forward instead of taken by autograd.
    /// </summary>
    public bool SupportsJet => JetCapable(net) && (subnets is null || subnets.All(JetCapable));

    /// <summary>
    /// The jet of the raw network output (before the ansatz) at points [N, d]: [K, N, outputs], derivatives
    /// with respect to the problem's coordinates (input scaling and periodic embedding included).
    /// </summary>
    /// <param name="points">Points [N, d]; no gradient is taken with respect to them.</param>
    /// <param name="layout">The derivatives to carry; its dimension must be the domain's.</param>
    /// <exception cref="NotSupportedException">The model has a network without a jet rule (see <see cref="SupportsJet"/>).</exception>
    public Jet RawJet(Tensor points, JetLayout layout)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(layout);
        if (!SupportsJet) throw new NotSupportedException($"{problem.Name}: this model has a network without forward derivative rules; use the autograd engine");
        if (layout.Dimension != problem.Domain.Dimension)
            throw new ArgumentException($"the jet layout has {layout.Dimension} axes, the domain {problem.Domain.Dimension}", nameof(layout));
        if (subnets is null) return RawJetOf(net, points, get_buffer("shift")!, get_buffer("scale")!, layout);
        var column = points.select(1, splitColumn);
        var which = zeros_like(column, dtype: ScalarType.Int64);
        foreach (var v in Interfaces) which = which + (column >= v).to(ScalarType.Int64);
        var result = zeros(layout.Count, points.shape[0], problem.Outputs.Count, dtype: points.dtype, device: points.device);
        for (int k = 0; k <= Interfaces.Count; k++)
        {
            var index = (which == k).nonzero().squeeze(1);
            if (index.shape[0] == 0) continue;
            var sub = RawJetOf(k == 0 ? net : subnets[k - 1], points.index_select(0, index), get_buffer($"shift_{k}")!, get_buffer($"scale_{k}")!, layout);
            result = result.index_copy(1, index, sub.Stack);
        }
        return Jet.FromStack(result, layout);
    }

    private Jet RawJetOf(Module<Tensor, Tensor> network, Tensor points, Tensor shift, Tensor scale, JetLayout layout)
    {
        var s = Jet.Input(points, shift.to(points.dtype, points.device), scale.to(points.dtype, points.device), layout);
        if (periodicColumns.Length > 0)
        {
            var parts = plainColumns.Select(i => s.Narrow(i, 1)).ToList();
            foreach (var i in periodicColumns)
            {
                var angle = s.Narrow(i, 1).Scale(Math.PI);
                parts.Add(angle.Cos());
                parts.Add(angle.Sin());
            }
            s = Jet.Concat(parts);
        }
        return JetOf(network, s);
    }

    private static bool JetCapable(Module<Tensor, Tensor> network) => network switch
    {
        IJetModule => true,
        TorchSharp.Modules.Sequential seq => seq.children().All(m => m is IJetModule),
        _ => false,
    };

    private static Jet JetOf(Module<Tensor, Tensor> network, Jet input)
    {
        switch (network)
        {
            case IJetModule jm:
                return jm.Forward(input);
            case TorchSharp.Modules.Sequential seq:
                var h = input;
                foreach (var m in seq.children()) h = ((IJetModule)m).Forward(h);
                return h;
            default:
                throw new NotSupportedException($"no jet rule for {network.GetName()}");
        }
    }

    private static string UnknownKey(string name) => "unknown_" + name;

    /// <summary>The problem's unknowns as scalar tensors (exp of the trained log for positive ones).</summary>
    public IReadOnlyDictionary<string, Tensor> Unknowns()
    {
        var result = new Dictionary<string, Tensor>();
        foreach (var u in problem.Unknowns)
        {
            var p = get_parameter(UnknownKey(u.Name)) ?? throw new InvalidOperationException($"unknown {u.Name} is not registered");
            result[u.Name] = u.Positive ? p.exp() : p.alias();
        }
        return result;
    }

    /// <summary>Current values of the unknowns.</summary>
    public Dictionary<string, double> UnknownValues()
    {
        var values = new Dictionary<string, double>();
        foreach (var u in problem.Unknowns)
        {
            double v = get_parameter(UnknownKey(u.Name))!.cpu().to(ScalarType.Float64).item<double>();
            values[u.Name] = u.Positive ? Math.Exp(v) : v;
        }
        return values;
    }

    /// <summary>The constrained solution at points [N, d]: [N, outputs].</summary>
    public override Tensor forward(Tensor points) => Constrain(points, Raw(points));

    /// <summary>Applies the problem's ansatz to a raw network output: points [N, d], raw [N, outputs] to [N, outputs].</summary>
    public Tensor Constrain(Tensor points, Tensor raw)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(raw);
        var c = new Coords(points, problem.Domain) { Unknowns = problem.Unknowns.Count == 0 ? new Dictionary<string, Tensor>() : Unknowns() };
        var u = problem.Ansatz(c, raw);
        if (u.dim() != 2 || u.shape[0] != points.shape[0] || u.shape[1] != problem.Outputs.Count)
            throw new InvalidOperationException($"{problem.Name}: the ansatz returned shape [{string.Join(", ", u.shape)}], expected [{points.shape[0]}, {problem.Outputs.Count}]");
        return u;
    }
}
