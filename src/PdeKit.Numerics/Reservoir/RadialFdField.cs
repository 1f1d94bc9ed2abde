namespace PdeKit.Numerics.Reservoir;

/// <summary>
/// The result of <see cref="RadialFdSolver.Solve"/>: the dimensionless pressure p_D on the radial grid and the
/// wellbore pressure p_wD at the requested times, with interpolation (linear in ln r_D and in t_D).
/// </summary>
public sealed class RadialFdField
{
    private readonly double[] radii;
    private readonly double[] times;
    private readonly double[,] pressure;
    private readonly double[] well;

    internal RadialFdField(double[] radii, double[] times, double[,] pressure, double[] well)
    {
        this.radii = radii;
        this.times = times;
        this.pressure = pressure;
        this.well = well;
    }

    /// <summary>The grid nodes r_D (a copy): <c>e^{i h}</c> from 1 (the well face) to the outer radius.</summary>
    public double[] RD => (double[])radii.Clone();

    /// <summary>The requested times t_D (a copy).</summary>
    public double[] TD => (double[])times.Clone();

    /// <summary>p_D at the nodes (a copy), indexed [time index, node index]; at the outer node of an infinite reservoir it is 0.</summary>
    public double[,] P => (double[,])pressure.Clone();

    /// <summary>The wellbore pressure p_wD at each requested time (a copy).</summary>
    public double[] WellPressure => (double[])well.Clone();

    /// <summary>True for a closed outer boundary, false for an infinite reservoir (truncated with p_D = 0).</summary>
    public bool IsClosed { get; init; }

    /// <summary>The grid spacing h in ln r_D.</summary>
    public double LogSpacing { get; init; }

    /// <summary>The number of time steps taken.</summary>
    public int TimeSteps { get; init; }

    /// <summary>The outer radius of the grid: r_eD, or the truncation radius of an infinite reservoir.</summary>
    public double OuterRadius => radii[^1];

    /// <summary>p_D(r_D, t_D), linear in ln r_D between nodes and linear in t_D between the requested times.</summary>
    /// <param name="rD">Radius within [1, <see cref="OuterRadius"/>].</param>
    /// <param name="tD">Time within [TD[0], TD[^1]].</param>
    /// <returns>The interpolated pressure.</returns>
    /// <exception cref="ArgumentOutOfRangeException">rD or tD lies outside the grid.</exception>
    public double Interpolate(double rD, double tD)
    {
        if (!(rD >= 1 && rD <= radii[^1]))
        {
            throw new ArgumentOutOfRangeException(nameof(rD), rD, $"rD must lie within [1, {radii[^1]}].");
        }

        if (!(tD >= times[0] && tD <= times[^1]))
        {
            throw new ArgumentOutOfRangeException(nameof(tD), tD, $"tD must lie within the stored times [{times[0]}, {times[^1]}].");
        }

        int index = Array.BinarySearch(times, tD);
        if (index >= 0)
        {
            return InRadius(index, rD);
        }

        int upper = ~index, lower = upper - 1;
        double weight = (tD - times[lower]) / (times[upper] - times[lower]);
        return ((1 - weight) * InRadius(lower, rD)) + (weight * InRadius(upper, rD));
    }

    private double InRadius(int timeIndex, double rD)
    {
        int index = Array.BinarySearch(radii, rD);
        if (index >= 0)
        {
            return pressure[timeIndex, index];
        }

        int upper = ~index, lower = upper - 1;
        double weight = Math.Log(rD / radii[lower]) / Math.Log(radii[upper] / radii[lower]);
        return ((1 - weight) * pressure[timeIndex, lower]) + (weight * pressure[timeIndex, upper]);
    }
}
