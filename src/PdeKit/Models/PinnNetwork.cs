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
    private readonly Tensor shift, scale;
    private readonly long[] plainColumns, periodicColumns;

    /// <summary>Creates the model for <paramref name="problem"/>.</summary>
    public PinnNetwork(IProblem problem, ModelOptions options) : base(nameof(PinnNetwork))
    {
        ArgumentNullException.ThrowIfNull(problem);
        this.problem = problem;
        var axes = problem.Domain.Axes;
        plainColumns = [.. Enumerable.Range(0, axes.Count).Where(i => !axes[i].Periodic).Select(i => (long)i)];
        periodicColumns = [.. Enumerable.Range(0, axes.Count).Where(i => axes[i].Periodic).Select(i => (long)i)];
        net = Networks.Create(options, plainColumns.Length + 2 * periodicColumns.Length, problem.Outputs.Count);
        shift = tensor(axes.Select(a => (float)((a.Min + a.Max) / 2)).ToArray()).reshape(1, -1);
        scale = tensor(axes.Select(a => (float)(2 / a.Length)).ToArray()).reshape(1, -1);
        register_buffer("shift", shift);
        register_buffer("scale", scale);
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
        var s = (points - shift) * scale;
        if (periodicColumns.Length == 0) return net.forward(s);
        var parts = plainColumns.Select(i => s.narrow(1, i, 1)).ToList();
        foreach (var i in periodicColumns)
        {
            var angle = s.narrow(1, i, 1) * Math.PI;
            parts.Add(angle.cos());
            parts.Add(angle.sin());
        }
        return net.forward(cat(parts, 1));
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
    public override Tensor forward(Tensor points)
    {
        var c = new Coords(points, problem.Domain) { Unknowns = problem.Unknowns.Count == 0 ? new Dictionary<string, Tensor>() : Unknowns() };
        var u = problem.Ansatz(c, Raw(points));
        if (u.dim() != 2 || u.shape[0] != points.shape[0] || u.shape[1] != problem.Outputs.Count)
            throw new InvalidOperationException($"{problem.Name}: the ansatz returned shape [{string.Join(", ", u.shape)}], expected [{points.shape[0]}, {problem.Outputs.Count}]");
        return u;
    }
}
