using static TorchSharp.torch;

namespace PdeKit.Physics;

/// <summary>
/// Physical fields a problem reports instead of its raw outputs, computed from the solution and its
/// derivatives: e.g. a stream-function formulation whose network outputs are (psi, p) reports the velocity
/// u = psi_y, v = -psi_x and the pressure p. Evaluation, error metrics, run files and plots then speak of the
/// reported fields, and the reference gives one column per reported field; training sees only the outputs.
/// </summary>
/// <param name="Fields">The reported fields, in column order (at least one).</param>
/// <param name="Compute">The reported values [N, Fields.Count] from the coordinates [N, d] and the solution (an autograd
/// solution at points with requires_grad, so derivatives are available; the evaluator runs it in batches inside a dispose scope).</param>
public sealed record DerivedFields(IReadOnlyList<Field> Fields, Func<Coords, Solution, Tensor> Compute);

/// <summary>The fields a problem reports: its <see cref="IProblem.Derived"/> fields if it has them, else its outputs.</summary>
public static class ReportedFieldsExtensions
{
    /// <summary>The fields compared with the reference and written to a run's files, in column order.</summary>
    public static IReadOnlyList<Field> ReportedFields(this IProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Derived?.Fields ?? problem.Outputs;
    }
}
