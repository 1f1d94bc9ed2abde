using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Sampling;
using static TorchSharp.torch;

namespace PdeKit.Training;

/// <summary>
/// The coupling of a domain-decomposed model (<see cref="ModelOptions.Interfaces"/>): on each interface
/// the networks of the two neighbouring subdomains must agree in value and in the derivative across
/// the interface, which for a second-order equation such as the diffusivity equation is continuity of
/// pressure and of flux. One loss term per interface, "interface_k" (k from 0), each point contributing
/// sum over outputs of (u_left - u_right)^2 + (du_left/dn - du_right/dn)^2. The points are drawn once,
/// uniformly over the other axes, and kept for the run.
/// </summary>
internal sealed class InterfaceContinuity : IDisposable
{
    private readonly IProblem problem;
    private readonly List<Tensor> points = [];

    /// <summary>Draws the interface points of <paramref name="network"/>'s decomposition (none for one network).</summary>
    public InterfaceContinuity(IProblem problem, PinnNetwork network, int pointsPerInterface, Random rng, Device device, ScalarType dtype)
    {
        this.problem = problem;
        if (network.Interfaces.Count == 0) return;
        var axis = problem.Domain.Axes[network.SplitColumn];
        foreach (var position in network.Interfaces)
        {
            using var scope = NewDisposeScope();
            var p = Sampler.Draw(SamplerKind.LatinHypercube, problem.Domain, pointsPerInterface, rng, CPU, ScalarType.Float64);
            p[.., network.SplitColumn] = tensor(position, ScalarType.Float64);
            points.Add(p.to(dtype).to(device).DetachFromDisposeScope());
        }
        AxisName = axis.Name;
    }

    private string AxisName { get; } = "x";

    /// <summary>True when there is at least one interface.</summary>
    public bool Any => points.Count > 0;

    /// <summary>The continuity terms for the current network.</summary>
    public IEnumerable<LossTerm> Terms(PinnNetwork network)
    {
        for (int k = 0; k < points.Count; k++)
        {
            var leaf = points[k].detach().requires_grad_(true);
            var coords = new Coords(leaf, problem.Domain) { Unknowns = network.Unknowns() };
            var left = new AutogradSolution(problem.Domain, problem.Outputs, leaf, network.ForwardSubdomain(k, leaf));
            var right = new AutogradSolution(problem.Domain, problem.Outputs, leaf, network.ForwardSubdomain(k + 1, leaf));
            Tensor sum = zeros(leaf.shape[0], dtype: leaf.dtype, device: leaf.device);
            foreach (var f in problem.Outputs)
            {
                sum = sum + (left[f] - right[f]).square() + (left.D(f, AxisName) - right.D(f, AxisName)).square();
            }
            yield return new LossTerm($"interface_{k}", sum, coords, IsResidual: false);
        }
    }

    /// <summary>Releases the points.</summary>
    public void Dispose()
    {
        foreach (var p in points) p.Dispose();
        points.Clear();
    }
}
