using static TorchSharp.torch;

namespace PdeKit.Physics;

/// <summary>
/// A PDE problem: domain, outputs, ansatz (hard constraints), residual and reference. Nothing about
/// training lives here; a problem is a small immutable definition.
/// </summary>
public interface IProblem
{
    /// <summary>Catalogue name, e.g. "burgers".</summary>
    string Name { get; }

    /// <summary>The space or space-time domain.</summary>
    Domain Domain { get; }

    /// <summary>The output fields, in network-output column order.</summary>
    IReadOnlyList<Field> Outputs { get; }

    /// <summary>
    /// Builds the solution from the raw network output so that boundary and initial data hold exactly,
    /// e.g. u = g(x) + d(x) * net.
    /// </summary>
    /// <param name="c">Coordinates, [N, d].</param>
    /// <param name="net">Raw network output, [N, outputs].</param>
    /// <returns>The constrained solution, [N, outputs].</returns>
    Tensor Ansatz(Coords c, Tensor net);

    /// <summary>The PDE residual(s) at the points, shape [N, equations]; zero for an exact solution.</summary>
    /// <param name="c">Coordinates, [N, d].</param>
    /// <param name="s">The solution with memoized derivatives.</param>
    Tensor Residual(Coords c, Solution s);

    /// <summary>Soft constraints, each its own loss term (none by default: hard constraints in the ansatz are preferred).</summary>
    IReadOnlyList<Constraint> Constraints => [];

    /// <summary>Trainable scalar unknowns (inverse problems); none by default.</summary>
    IReadOnlyList<Unknown> Unknowns => [];

    /// <summary>Measured data, each its own loss term; none by default.</summary>
    IReadOnlyList<Observation> Observations => [];

    /// <summary>
    /// Outputs the equations fix only up to an additive constant (per time, for a time-dependent problem),
    /// such as the pressure of incompressible flow with velocity data on the whole boundary. The evaluator
    /// compares them after removing the mean over the evaluation points inside the domain, per time value
    /// (from the prediction and the reference alike). None by default. With <see cref="Derived"/> fields these
    /// name reported fields.
    /// </summary>
    IReadOnlyList<Field> MeanFreeOutputs => [];

    /// <summary>
    /// Fields reported instead of the outputs (compared with the reference, written and plotted), computed from
    /// the solution and its derivatives; null (the default): the outputs themselves are reported. A potential
    /// formulation uses it, e.g. outputs (psi, p) reported as (u, v, p) = (psi_y, -psi_x, p). The reference then
    /// returns one column per reported field, and <see cref="MeanFreeOutputs"/> names reported fields.
    /// </summary>
    DerivedFields? Derived => null;

    /// <summary>The reference used for validation.</summary>
    IReference Reference { get; }

    /// <summary>Tensor-product grid (one array per axis) on which predictions are compared with the reference.</summary>
    IReadOnlyList<double[]> EvaluationAxes { get; }
}
