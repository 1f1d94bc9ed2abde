namespace PdeKit.Numerics;

/// <summary>
/// The evaluation grid of the Allen-Cahn benchmark, the grid of Raissi et al.'s <c>AC.mat</c> data set
/// (Physics-informed neural networks, J. Comput. Phys. 378, 2019): 512 points in x, 201 in t. The x points
/// are nodes of every <see cref="AllenCahnSolver"/> grid with at least 512 modes, so sampling a solution
/// there needs no interpolation.
/// </summary>
public static class AllenCahnEvaluationGrid
{
    /// <summary>The 512 points <c>-1 + j / 256</c>, j = 0..511, on the period [-1, 1) (a fresh array on each call).</summary>
    public static double[] X
    {
        get
        {
            var x = new double[512];
            for (int j = 0; j < x.Length; j++)
            {
                x[j] = -1.0 + (j / 256.0);
            }

            return x;
        }
    }

    /// <summary>The 201 times 0, 0.005, ..., 1 (<c>Grids.Linspace(0, 1, 201)</c>; a fresh array on each call).</summary>
    public static double[] T => Grids.Linspace(0.0, 1.0, 201);
}
