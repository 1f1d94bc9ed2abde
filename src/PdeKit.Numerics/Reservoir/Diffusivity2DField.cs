namespace PdeKit.Numerics.Reservoir;

/// <summary>
/// The result of <see cref="Diffusivity2DFdSolver.Solve"/>: p on the cell centres at the requested times,
/// with bilinear interpolation in space, linear in time, and solver statistics.
/// </summary>
public sealed class Diffusivity2DField
{
    private readonly double[] times;
    private readonly double[][,] values;
    private readonly double[] stored;
    private readonly double[] x;
    private readonly double[] y;

    internal Diffusivity2DField(Diffusivity2DGrid grid, double[] times, double[][,] values, double[] stored)
    {
        Grid = grid;
        this.times = times;
        this.values = values;
        this.stored = stored;
        x = grid.XCentres();
        y = grid.YCentres();
    }

    /// <summary>The grid.</summary>
    public Diffusivity2DGrid Grid { get; }

    /// <summary>The cell-centre x coordinates (a copy).</summary>
    public double[] X => (double[])x.Clone();

    /// <summary>The cell-centre y coordinates (a copy).</summary>
    public double[] Y => (double[])y.Clone();

    /// <summary>The requested times (a copy).</summary>
    public double[] T => (double[])times.Clone();

    /// <summary>The number of stored times.</summary>
    public int Count => times.Length;

    /// <summary>The stored volume <c>sum c p V</c> (unit thickness) at each requested time (a copy).</summary>
    public double[] TotalStorage => (double[])stored.Clone();

    /// <summary>Time steps taken.</summary>
    public int TimeSteps { get; init; }

    /// <summary>Conjugate-gradient iterations over all steps.</summary>
    public long TotalIterations { get; init; }

    /// <summary>The most conjugate-gradient iterations in one step.</summary>
    public int MaxIterationsPerStep { get; init; }

    /// <summary>The largest final relative residual <c>|r| / |rhs|</c> of any step (each is at most the solver's tolerance).</summary>
    public double MaxRelativeResidual { get; init; }

    /// <summary>p on the cell centres at stored time <paramref name="timeIndex"/> (a copy), indexed [j, i] = [y index, x index].</summary>
    /// <param name="timeIndex">Index into <see cref="T"/>.</param>
    /// <returns>An array of shape [Ny, Nx].</returns>
    /// <exception cref="ArgumentOutOfRangeException">timeIndex is out of range.</exception>
    public double[,] At(int timeIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timeIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(timeIndex, times.Length);
        return (double[,])values[timeIndex].Clone();
    }

    /// <summary>
    /// p(x, y, t): bilinear between cell centres (extended linearly from the two outermost centres in the half
    /// cells along the sides; constant in a direction with a single cell), linear in t between stored times.
    /// </summary>
    /// <param name="px">x within [X0, X1].</param>
    /// <param name="py">y within [Y0, Y1].</param>
    /// <param name="t">t within [T[0], T[^1]].</param>
    /// <returns>The interpolated pressure.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate lies outside the rectangle or the stored times.</exception>
    public double Interpolate(double px, double py, double t)
    {
        if (!(px >= Grid.X0 && px <= Grid.X1))
        {
            throw new ArgumentOutOfRangeException(nameof(px), px, $"x must lie within [{Grid.X0}, {Grid.X1}].");
        }

        if (!(py >= Grid.Y0 && py <= Grid.Y1))
        {
            throw new ArgumentOutOfRangeException(nameof(py), py, $"y must lie within [{Grid.Y0}, {Grid.Y1}].");
        }

        if (!(t >= times[0] && t <= times[^1]))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, $"t must lie within the stored times [{times[0]}, {times[^1]}].");
        }

        (int i0, double wx) = Bracket(x, px);
        (int j0, double wy) = Bracket(y, py);
        int index = Array.BinarySearch(times, t);
        if (index >= 0)
        {
            return InSpace(values[index], i0, wx, j0, wy);
        }

        int upper = ~index, lower = upper - 1;
        double w = (t - times[lower]) / (times[upper] - times[lower]);
        return ((1 - w) * InSpace(values[lower], i0, wx, j0, wy)) + (w * InSpace(values[upper], i0, wx, j0, wy));
    }

    private static double InSpace(double[,] v, int i0, double wx, int j0, double wy)
    {
        int i1 = Math.Min(i0 + 1, v.GetLength(1) - 1), j1 = Math.Min(j0 + 1, v.GetLength(0) - 1);
        double bottom = ((1 - wx) * v[j0, i0]) + (wx * v[j0, i1]);
        double top = ((1 - wx) * v[j1, i0]) + (wx * v[j1, i1]);
        return ((1 - wy) * bottom) + (wy * top);
    }

    /// <summary>The lower centre index and the weight of the next one; weights outside [0, 1] extrapolate in the edge half cells.</summary>
    private static (int Lower, double Weight) Bracket(double[] centres, double value)
    {
        if (centres.Length == 1)
        {
            return (0, 0);
        }

        int lower = Math.Clamp((int)Math.Floor((value - centres[0]) / (centres[1] - centres[0])), 0, centres.Length - 2);
        return (lower, (value - centres[lower]) / (centres[lower + 1] - centres[lower]));
    }
}
