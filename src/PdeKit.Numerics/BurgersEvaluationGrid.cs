namespace PdeKit.Numerics;

/// <summary>
/// The evaluation grid of the Burgers benchmark, the grid of Raissi et al.'s <c>burgers_shock.mat</c> data
/// set (Physics-informed neural networks, J. Comput. Phys. 378, 2019): 256 points in x, 100 in t.
/// </summary>
public static class BurgersEvaluationGrid
{
    /// <summary>256 equally spaced points from -1 to 1, both included (a fresh array on each call).</summary>
    public static double[] X => Grids.Linspace(-1.0, 1.0, 256);

    /// <summary>The 100 times 0, 0.01, ..., 0.99 (<c>i / 100</c>; a fresh array on each call).</summary>
    public static double[] T
    {
        get
        {
            var t = new double[100];
            for (int i = 0; i < t.Length; i++)
            {
                t[i] = i / 100.0;
            }

            return t;
        }
    }
}
