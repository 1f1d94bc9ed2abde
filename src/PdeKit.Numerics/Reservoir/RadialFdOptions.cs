namespace PdeKit.Numerics.Reservoir;

/// <summary>
/// Settings of <see cref="RadialFdSolver"/>: the well (skin, wellbore storage), the outer boundary and the
/// resolution. Every value is checked when the record is made (also by <c>with</c>).
/// </summary>
/// <param name="Skin">Skin factor S (finite; negative only without wellbore storage).</param>
/// <param name="StorageCD">Dimensionless wellbore storage coefficient C_D (finite, &gt;= 0).</param>
/// <param name="OuterRadiusRD">Closed outer boundary at this r_eD (finite, &gt; 1), or null for an infinite reservoir.</param>
/// <param name="CellsPerLogCycle">Radial cells per factor of ten in r_D (8 to 100000).</param>
/// <param name="StepsPerLogCycle">Time steps per factor of ten in elapsed time (8 to 100000).</param>
public sealed record RadialFdOptions(
    double Skin = 0,
    double StorageCD = 0,
    double? OuterRadiusRD = null,
    int CellsPerLogCycle = 200,
    int StepsPerLogCycle = 100)
{
    /// <summary>Skin factor S: an infinitesimally thin damaged (S &gt; 0) or stimulated (S &lt; 0) zone at the well face.</summary>
    public double Skin { get; init => field = CheckSkin(value); } = CheckSkin(Skin);

    /// <summary>Dimensionless wellbore storage coefficient C_D; 0 means none.</summary>
    public double StorageCD { get; init => field = CheckStorage(value); } = CheckStorage(StorageCD);

    /// <summary>
    /// Radius r_eD of a closed (no-flow) outer boundary, or null for an infinite reservoir (see
    /// <see cref="RadialFdSolver"/> for how the infinite case is truncated).
    /// </summary>
    public double? OuterRadiusRD { get; init => field = CheckOuterRadius(value); } = CheckOuterRadius(OuterRadiusRD);

    /// <summary>Radial cells per factor of ten in r_D (the grid is uniform in ln r_D); the error falls as its inverse square.</summary>
    public int CellsPerLogCycle
    {
        get;
        init => field = CheckResolution(value, nameof(CellsPerLogCycle));
    } = CheckResolution(CellsPerLogCycle, nameof(CellsPerLogCycle));

    /// <summary>Time steps per factor of ten in the time elapsed since the last rate change; the error falls as its inverse square.</summary>
    public int StepsPerLogCycle
    {
        get;
        init => field = CheckResolution(value, nameof(StepsPerLogCycle));
    } = CheckResolution(StepsPerLogCycle, nameof(StepsPerLogCycle));

    /// <summary>True when the reservoir is infinite (<see cref="OuterRadiusRD"/> is null).</summary>
    public bool IsInfinite => OuterRadiusRD is null;

    private static double CheckSkin(double value) => double.IsFinite(value)
        ? value
        : throw new ArgumentOutOfRangeException(nameof(Skin), value, $"Skin must be finite, got Skin = {value}.");

    private static double CheckStorage(double value) => double.IsFinite(value) && value >= 0
        ? value
        : throw new ArgumentOutOfRangeException(
            nameof(StorageCD), value, $"StorageCD must be finite and non-negative, got StorageCD = {value}.");

    private static double? CheckOuterRadius(double? value) => value is not { } re || (double.IsFinite(re) && re > 1)
        ? value
        : throw new ArgumentOutOfRangeException(
            nameof(OuterRadiusRD), value, $"OuterRadiusRD must be finite and greater than 1 (null = infinite), got {value}.");

    private static int CheckResolution(int value, string name) => value is >= 8 and <= 100_000
        ? value
        : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [8, 100000], got {value}.");
}
