namespace PdeKit.Numerics.Reservoir;

/// <summary>
/// A piecewise-constant dimensionless surface rate q_D(t_D) for <see cref="RadialFdSolver"/>:
/// <c>q_D(t_D) = Rates[k]</c> for <c>StartTimes[k] &lt;= t_D &lt; StartTimes[k + 1]</c> (right-continuous; the
/// last rate holds for ever). Rate 1 is the unit constant rate of the dimensionless equations, 0 a shut-in.
/// </summary>
public sealed class RadialFdRateSchedule
{
    private readonly double[] startTimes;
    private readonly double[] rates;

    /// <summary>Creates a schedule.</summary>
    /// <param name="startTimes">Times t_D at which each rate starts: the first is 0, then finite and strictly ascending.</param>
    /// <param name="rates">Dimensionless rates (finite), one per start time.</param>
    /// <exception cref="ArgumentException">The arrays are empty or of different lengths, a value is not finite, the first start is not 0 or the starts do not ascend.</exception>
    public RadialFdRateSchedule(ReadOnlySpan<double> startTimes, ReadOnlySpan<double> rates)
    {
        if (startTimes.IsEmpty)
        {
            throw new ArgumentException("A rate schedule needs at least one rate.", nameof(startTimes));
        }

        if (rates.Length != startTimes.Length)
        {
            throw new ArgumentException(
                $"rates has {rates.Length} values but startTimes has {startTimes.Length}; give one rate per start time.", nameof(rates));
        }

        if (startTimes[0] != 0)
        {
            throw new ArgumentException($"The first start time must be 0, got {startTimes[0]}.", nameof(startTimes));
        }

        for (int k = 0; k < startTimes.Length; k++)
        {
            if (!double.IsFinite(startTimes[k]) || (k > 0 && !(startTimes[k] > startTimes[k - 1])))
            {
                throw new ArgumentException(
                    $"startTimes must be finite and strictly ascending; startTimes[{k}] = {startTimes[k]}.", nameof(startTimes));
            }

            if (!double.IsFinite(rates[k]))
            {
                throw new ArgumentException($"rates must be finite; rates[{k}] = {rates[k]}.", nameof(rates));
            }
        }

        this.startTimes = startTimes.ToArray();
        this.rates = rates.ToArray();
    }

    /// <summary>The unit constant rate, q_D = 1 from t_D = 0.</summary>
    public static RadialFdRateSchedule ConstantUnitRate { get; } = new([0.0], [1.0]);

    /// <summary>A drawdown at unit rate for <paramref name="producingTime"/>, then a shut-in (buildup).</summary>
    /// <param name="producingTime">Producing time t_pD, finite and positive.</param>
    /// <returns>The schedule q_D = 1 on [0, t_pD), 0 afterwards.</returns>
    /// <exception cref="ArgumentException">producingTime is not finite and positive.</exception>
    public static RadialFdRateSchedule Buildup(double producingTime) => double.IsFinite(producingTime) && producingTime > 0
        ? new([0.0, producingTime], [1.0, 0.0])
        : throw new ArgumentException($"producingTime must be finite and positive, got {producingTime}.", nameof(producingTime));

    /// <summary>The number of rate periods.</summary>
    public int Count => startTimes.Length;

    /// <summary>The start time of each rate period (a copy); the first is 0.</summary>
    public double[] StartTimes => (double[])startTimes.Clone();

    /// <summary>The rate of each period (a copy).</summary>
    public double[] Rates => (double[])rates.Clone();

    /// <summary>The rate in force at <paramref name="tD"/> (right-continuous at a change).</summary>
    /// <param name="tD">A time, &gt;= 0.</param>
    /// <returns>q_D(t_D).</returns>
    public double RateAt(double tD) => rates[PeriodAt(tD)];

    internal double StartOf(int period) => startTimes[period];

    internal double RateOf(int period) => rates[period];

    internal int PeriodAt(double tD)
    {
        int index = Array.BinarySearch(startTimes, tD);
        return index >= 0 ? index : Math.Max(0, ~index - 1);
    }
}
