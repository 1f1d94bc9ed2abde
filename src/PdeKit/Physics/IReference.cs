namespace PdeKit.Physics;

/// <summary>A reference solution a trained model is validated against (exact formula, solver, or published table).</summary>
public interface IReference
{
    /// <summary>Short name, e.g. "Cole-Hopf (Gauss-Hermite)".</summary>
    string Name { get; }

    /// <summary>Reference values of every output at the given points.</summary>
    /// <param name="points">Points as [N][d] in the problem's axis order.</param>
    /// <returns>Values as [N, outputs].</returns>
    double[,] Evaluate(double[][] points);
}
