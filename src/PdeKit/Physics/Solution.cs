using static TorchSharp.torch;

namespace PdeKit.Physics;

/// <summary>
/// The solution at one batch of points during one step, with derivatives of any order by axis name,
/// memoized per (field, axes). It lives as long as the step's dispose scope.
/// </summary>
public abstract class Solution
{
    /// <summary>Creates the solution for a problem's outputs on a domain.</summary>
    protected Solution(Domain domain, IReadOnlyList<Field> outputs)
    {
        Domain = domain;
        Outputs = outputs;
    }

    /// <summary>The domain.</summary>
    public Domain Domain { get; }

    /// <summary>The output fields.</summary>
    public IReadOnlyList<Field> Outputs { get; }

    /// <summary>All outputs, shape [N, outputs].</summary>
    public abstract Tensor Values { get; }

    /// <summary>The value of a field, shape [N, 1].</summary>
    public Tensor this[Field f] => Derivative(f, []);

    /// <summary>The derivative of <paramref name="f"/> along the given axes (by name, any order; mixed allowed), shape [N, 1].</summary>
    /// <exception cref="ArgumentException">Unknown field or axis.</exception>
    public Tensor D(Field f, params string[] axes) => Derivative(f, axes.Select(Domain.IndexOf).ToArray());

    /// <summary>du/dx, [N, 1].</summary>
    public Tensor Dx(Field f) => D(f, "x");

    /// <summary>du/dy, [N, 1].</summary>
    public Tensor Dy(Field f) => D(f, "y");

    /// <summary>du/dt, [N, 1].</summary>
    public Tensor Dt(Field f) => D(f, "t");

    /// <summary>d2u/dx2, [N, 1].</summary>
    public Tensor Dxx(Field f) => D(f, "x", "x");

    /// <summary>d2u/dy2, [N, 1].</summary>
    public Tensor Dyy(Field f) => D(f, "y", "y");

    /// <summary>The outward normal derivative n . grad u at boundary points, [N, 1].</summary>
    /// <param name="f">The field.</param>
    /// <param name="c">Boundary points; <see cref="Coords.Normals"/> [N, 2] (or [N, 3] on a 3D region) must be set (as for region-boundary constraints).</param>
    /// <exception cref="ArgumentException">The points carry no normals.</exception>
    public Tensor Dn(Field f, Coords c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var n = c.Normals ?? throw new ArgumentException("these points carry no normals; normal derivatives are available on region-boundary constraints (Constraint.OnBoundary)", nameof(c));
        var dn = n[.., 0..1] * Dx(f) + n[.., 1..2] * Dy(f);
        return n.shape[1] == 3 ? dn + n[.., 2..3] * D(f, "z") : dn;
    }

    /// <summary>Sum of second derivatives over the spatial axes, [N, 1].</summary>
    public Tensor Laplacian(Field f)
    {
        Tensor? sum = null;
        for (int i = 0; i < Domain.Dimension; i++)
        {
            if (Domain.Axes[i].IsTime) continue;
            var d = Derivative(f, [i, i]);
            sum = sum is null ? d : sum + d;
        }
        return sum!;
    }

    /// <summary>Column index of a field among the outputs.</summary>
    protected int FieldIndex(Field f)
    {
        for (int i = 0; i < Outputs.Count; i++) if (Outputs[i] == f) return i;
        throw new ArgumentException($"field {f.Name} is not an output of this problem (outputs: {string.Join(", ", Outputs)})", nameof(f));
    }

    /// <summary>The derivative along axis indices (sorted internally: derivatives commute), [N, 1].</summary>
    protected abstract Tensor Derivative(Field f, int[] axes);
}
