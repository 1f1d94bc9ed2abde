namespace PdeKit.Numerics.Reservoir;

/// <summary>
/// Conversions between oilfield (field) units and the dimensionless variables of radial well testing
/// (Lee, Well Testing, SPE Textbook Series 1, 1982, ch. 1; Earlougher, Advances in Well Test Analysis, SPE
/// Monograph 5, 1977, ch. 2; Horne, Modern Well Test Analysis, 2nd ed., 1995, ch. 2):
/// <c>p_D = k h (p_i - p) / (141.2 q B mu)</c>, <c>t_D = 0.0002637 k t / (phi mu c_t r_w^2)</c>,
/// <c>r_D = r / r_w</c>, <c>C_D = 0.8936 C / (phi c_t h r_w^2)</c>.
/// </summary>
/// <remarks>
/// Units: k in md, h, r and r_w in ft, q in STB/D, B in RB/STB, mu in cp, p in psi, t in hours, c_t in 1/psi,
/// C in bbl/psi, phi a fraction. The constants are the SI identities <c>p_D = 2 pi k h dp/(q B mu)</c>,
/// <c>t_D = k t/(phi mu c_t r_w^2)</c> and <c>C_D = C/(2 pi phi c_t h r_w^2)</c> in these units:
/// 141.2 = 1/(2 pi 0.001127), 0.0002637 = 0.006328/24, 0.8936 = 5.615/(2 pi). A rate is positive for
/// production; for an injector pass the magnitude and change the sign of the pressure change.
/// Instances are immutable.
/// </remarks>
public sealed class WellTestUnits
{
    /// <summary>The pressure constant 141.2 of <c>p_D = k h dp/(141.2 q B mu)</c> (Lee 1982, ch. 1).</summary>
    public const double PressureConstant = 141.2;

    /// <summary>The time constant 0.0002637 of <c>t_D = 0.0002637 k t/(phi mu c_t r_w^2)</c>, t in hours (Lee 1982, ch. 1).</summary>
    public const double TimeConstant = 0.0002637;

    /// <summary>The storage constant 0.8936 of <c>C_D = 0.8936 C/(phi c_t h r_w^2)</c> (Earlougher 1977, ch. 2; Lee 1982, ch. 1).</summary>
    public const double StorageConstant = 0.8936;

    /// <summary>Creates the conversions for one well and reservoir.</summary>
    /// <param name="permeability">Permeability k, md; finite and positive.</param>
    /// <param name="thickness">Net thickness h, ft; finite and positive.</param>
    /// <param name="porosity">Porosity phi, a fraction in (0, 1].</param>
    /// <param name="viscosity">Viscosity mu, cp; finite and positive.</param>
    /// <param name="totalCompressibility">Total compressibility c_t, 1/psi; finite and positive.</param>
    /// <param name="wellboreRadius">Wellbore radius r_w, ft; finite and positive.</param>
    /// <param name="rate">Surface rate q, STB/D; finite and positive.</param>
    /// <param name="formationVolumeFactor">Formation volume factor B, RB/STB; finite and positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite and positive, or porosity exceeds 1.</exception>
    public WellTestUnits(
        double permeability,
        double thickness,
        double porosity,
        double viscosity,
        double totalCompressibility,
        double wellboreRadius,
        double rate,
        double formationVolumeFactor)
    {
        Guard.Positive(permeability, nameof(permeability));
        Guard.Positive(thickness, nameof(thickness));
        Guard.Positive(porosity, nameof(porosity));
        if (porosity > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(porosity), porosity, $"porosity is a fraction in (0, 1], got porosity = {porosity}.");
        }

        Guard.Positive(viscosity, nameof(viscosity));
        Guard.Positive(totalCompressibility, nameof(totalCompressibility));
        Guard.Positive(wellboreRadius, nameof(wellboreRadius));
        Guard.Positive(rate, nameof(rate));
        Guard.Positive(formationVolumeFactor, nameof(formationVolumeFactor));
        Permeability = permeability;
        Thickness = thickness;
        Porosity = porosity;
        Viscosity = viscosity;
        TotalCompressibility = totalCompressibility;
        WellboreRadius = wellboreRadius;
        Rate = rate;
        FormationVolumeFactor = formationVolumeFactor;
    }

    /// <summary>Permeability k, md.</summary>
    public double Permeability { get; }

    /// <summary>Net thickness h, ft.</summary>
    public double Thickness { get; }

    /// <summary>Porosity phi, fraction.</summary>
    public double Porosity { get; }

    /// <summary>Viscosity mu, cp.</summary>
    public double Viscosity { get; }

    /// <summary>Total compressibility c_t, 1/psi.</summary>
    public double TotalCompressibility { get; }

    /// <summary>Wellbore radius r_w, ft.</summary>
    public double WellboreRadius { get; }

    /// <summary>Surface rate q, STB/D.</summary>
    public double Rate { get; }

    /// <summary>Formation volume factor B, RB/STB.</summary>
    public double FormationVolumeFactor { get; }

    private double PressureScale => PressureConstant * Rate * FormationVolumeFactor * Viscosity / (Permeability * Thickness);

    private double TimeScale => TimeConstant * Permeability / (Porosity * Viscosity * TotalCompressibility * WellboreRadius * WellboreRadius);

    private double StorageScale => StorageConstant / (Porosity * TotalCompressibility * Thickness * WellboreRadius * WellboreRadius);

    /// <summary>Dimensionless pressure <c>p_D = k h dp / (141.2 q B mu)</c>.</summary>
    /// <param name="pressureDrop">Pressure change <c>dp = p_i - p</c>, psi; finite (any sign).</param>
    /// <returns>p_D.</returns>
    /// <exception cref="ArgumentOutOfRangeException">pressureDrop is not finite.</exception>
    public double DimensionlessPressure(double pressureDrop)
    {
        Guard.Finite(pressureDrop, nameof(pressureDrop));
        return pressureDrop / PressureScale;
    }

    /// <summary>Pressure change <c>dp = p_i - p = 141.2 q B mu p_D / (k h)</c>, psi.</summary>
    /// <param name="dimensionlessPressure">p_D, finite.</param>
    /// <returns>dp in psi.</returns>
    /// <exception cref="ArgumentOutOfRangeException">dimensionlessPressure is not finite.</exception>
    public double PressureDrop(double dimensionlessPressure)
    {
        Guard.Finite(dimensionlessPressure, nameof(dimensionlessPressure));
        return dimensionlessPressure * PressureScale;
    }

    /// <summary>Dimensionless time <c>t_D = 0.0002637 k t / (phi mu c_t r_w^2)</c>.</summary>
    /// <param name="hours">Elapsed time t, hours; finite and non-negative.</param>
    /// <returns>t_D.</returns>
    /// <exception cref="ArgumentOutOfRangeException">hours is negative or not finite.</exception>
    public double DimensionlessTime(double hours)
    {
        Guard.NonNegative(hours, nameof(hours));
        return hours * TimeScale;
    }

    /// <summary>Elapsed time <c>t = t_D phi mu c_t r_w^2 / (0.0002637 k)</c>, hours.</summary>
    /// <param name="dimensionlessTime">t_D, finite and non-negative.</param>
    /// <returns>t in hours.</returns>
    /// <exception cref="ArgumentOutOfRangeException">dimensionlessTime is negative or not finite.</exception>
    public double Time(double dimensionlessTime)
    {
        Guard.NonNegative(dimensionlessTime, nameof(dimensionlessTime));
        return dimensionlessTime / TimeScale;
    }

    /// <summary>Dimensionless radius <c>r_D = r / r_w</c>.</summary>
    /// <param name="radius">Distance r from the well axis, ft; finite and positive.</param>
    /// <returns>r_D.</returns>
    /// <exception cref="ArgumentOutOfRangeException">radius is not finite and positive.</exception>
    public double DimensionlessRadius(double radius)
    {
        Guard.Positive(radius, nameof(radius));
        return radius / WellboreRadius;
    }

    /// <summary>Distance <c>r = r_D r_w</c>, ft.</summary>
    /// <param name="dimensionlessRadius">r_D, finite and positive.</param>
    /// <returns>r in ft.</returns>
    /// <exception cref="ArgumentOutOfRangeException">dimensionlessRadius is not finite and positive.</exception>
    public double Radius(double dimensionlessRadius)
    {
        Guard.Positive(dimensionlessRadius, nameof(dimensionlessRadius));
        return dimensionlessRadius * WellboreRadius;
    }

    /// <summary>Dimensionless wellbore storage <c>C_D = 0.8936 C / (phi c_t h r_w^2)</c>.</summary>
    /// <param name="storage">Wellbore storage coefficient C, bbl/psi; finite and non-negative.</param>
    /// <returns>C_D.</returns>
    /// <exception cref="ArgumentOutOfRangeException">storage is negative or not finite.</exception>
    public double DimensionlessStorage(double storage)
    {
        Guard.NonNegative(storage, nameof(storage));
        return storage * StorageScale;
    }

    /// <summary>Wellbore storage coefficient <c>C = C_D phi c_t h r_w^2 / 0.8936</c>, bbl/psi.</summary>
    /// <param name="dimensionlessStorage">C_D, finite and non-negative.</param>
    /// <returns>C in bbl/psi.</returns>
    /// <exception cref="ArgumentOutOfRangeException">dimensionlessStorage is negative or not finite.</exception>
    public double Storage(double dimensionlessStorage)
    {
        Guard.NonNegative(dimensionlessStorage, nameof(dimensionlessStorage));
        return dimensionlessStorage / StorageScale;
    }
}
