namespace PdeKit.Numerics.Reservoir;

/// <summary>What a well test knows about the well, fluid and rock (oilfield units), everything but the unknowns.</summary>
/// <param name="Rate">Surface rate q, STB/D (constant).</param>
/// <param name="FormationVolumeFactor">B, RB/STB.</param>
/// <param name="Viscosity">mu, cp.</param>
/// <param name="Porosity">phi, fraction.</param>
/// <param name="TotalCompressibility">c_t, 1/psi.</param>
/// <param name="WellboreRadius">r_w, ft.</param>
/// <param name="Thickness">h, ft.</param>
/// <param name="InitialPressure">p_i, psia.</param>
public sealed record WellTestSetup(double Rate, double FormationVolumeFactor, double Viscosity, double Porosity,
    double TotalCompressibility, double WellboreRadius, double Thickness, double InitialPressure)
{
    /// <summary>The unit conversions for permeability <paramref name="k"/> (validates every property).</summary>
    public WellTestUnits Units(double k) => new(k, Thickness, Porosity, Viscosity, TotalCompressibility, WellboreRadius, Rate, FormationVolumeFactor);

    /// <summary>Throws <see cref="ArgumentException"/> naming a property that is not finite and positive.</summary>
    public void Validate()
    {
        _ = Units(1.0);
        if (!(InitialPressure > 0) || !double.IsFinite(InitialPressure))
            throw new ArgumentOutOfRangeException(nameof(InitialPressure), InitialPressure, $"initial pressure must be a positive number of psia, got {InitialPressure}.");
    }
}

/// <summary>The outer boundary of the well-test model.</summary>
public enum WellTestBoundary
{
    /// <summary>Infinite-acting reservoir.</summary>
    Infinite,

    /// <summary>Closed circular reservoir centred on the well (radius fitted).</summary>
    Closed,
}

/// <summary>The unknowns of the radial well-test model.</summary>
/// <param name="Permeability">k, md.</param>
/// <param name="Skin">Skin factor S.</param>
/// <param name="Storage">Wellbore storage C, bbl/psi (0: none).</param>
/// <param name="OuterRadius">Drainage radius r_e, ft, for a closed reservoir; null when infinite-acting.</param>
public sealed record WellTestModelParameters(double Permeability, double Skin, double Storage, double? OuterRadius);

/// <summary>
/// The radial well-test model: pressure drop at the well for a constant-rate drawdown, computed by
/// <see cref="RadialFdSolver"/> in dimensionless variables (storage, skin, infinite or closed circle).
/// </summary>
public static class WellTestModel
{
    /// <summary>p_i - p_wf (psi) at <paramref name="hours"/>.</summary>
    /// <exception cref="ArgumentException">Invalid parameters (e.g. non-positive k, r_e not beyond r_w).</exception>
    public static double[] PressureDrop(WellTestSetup setup, WellTestModelParameters p, ReadOnlySpan<double> hours)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(p);
        var units = setup.Units(p.Permeability);
        var tD = new double[hours.Length];
        for (int i = 0; i < tD.Length; i++) tD[i] = units.DimensionlessTime(hours[i]);
        double? reD = p.OuterRadius is { } re ? units.DimensionlessRadius(re) : null;
        var solver = new RadialFdSolver(new RadialFdOptions(p.Skin, units.DimensionlessStorage(p.Storage), reD));
        return solver.WellPressure(tD).Select(units.PressureDrop).ToArray();
    }
}

/// <summary>A fitted well-test model.</summary>
/// <param name="Parameters">Best-fit k, S, C and r_e.</param>
/// <param name="StandardErrors">Standard errors of (k, S, C, r_e) from the Jacobian at the optimum (NaN where not fitted).</param>
/// <param name="Initial">The starting guess from the semilog straight line and unit slope.</param>
/// <param name="RmsPsi">Root-mean-square misfit, psi.</param>
/// <param name="ModelDrop">Model pressure drop at the data times, psi.</param>
/// <param name="Iterations">Levenberg-Marquardt iterations.</param>
/// <param name="Converged">Whether the fit converged.</param>
public sealed record WellTestFitResult(WellTestModelParameters Parameters, double[] StandardErrors, WellTestModelParameters Initial,
    double RmsPsi, double[] ModelDrop, int Iterations, bool Converged);

/// <summary>
/// Classical well-test interpretation by nonlinear regression: the radial finite-difference model is
/// fitted to the measured pressure drop by Levenberg-Marquardt in (ln k, S, ln C, ln r_e), starting
/// from the semilog straight line (k from the Bourdet-derivative plateau, S from the skin equation)
/// and the early unit slope (C).
/// </summary>
public static class WellTestFit
{
    /// <summary>Fits k, S (and C, r_e as asked) to pressures <paramref name="pressure"/> (psia) at <paramref name="hours"/>.</summary>
    /// <exception cref="ArgumentException">Bad setup, mismatched arrays, fewer points than unknowns + 1, or no pressure drop.</exception>
    public static WellTestFitResult Fit(WellTestSetup setup, double[] hours, double[] pressure, WellTestBoundary boundary = WellTestBoundary.Infinite, bool fitStorage = true)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(pressure);
        setup.Validate();
        if (hours.Length != pressure.Length) throw new ArgumentException($"times and pressures differ in length ({hours.Length} and {pressure.Length})");
        var dp = pressure.Select(p => setup.InitialPressure - p).ToArray();
        int unknowns = 2 + (fitStorage ? 1 : 0) + (boundary == WellTestBoundary.Closed ? 1 : 0);
        if (hours.Length <= unknowns) throw new ArgumentException($"{hours.Length} points cannot determine {unknowns} unknowns");
        if (dp.Any(d => !(d > 0))) throw new ArgumentException("every pressure must be below the initial pressure for a drawdown (p_i - p > 0)");

        var initial = InitialGuess(setup, hours, dp, boundary, fitStorage);
        double[] x0 = Pack(initial, boundary, fitStorage);
        var fit = LevenbergMarquardt.Minimize(x =>
        {
            var model = WellTestModel.PressureDrop(setup, Unpack(x, boundary, fitStorage), hours);
            return model.Select((m, i) => m - dp[i]).ToArray();
        }, x0, new LmOptions(MaxIterations: 60, Tolerance: 1e-7, JacobianStep: 1e-4));

        var best = Unpack(fit.X, boundary, fitStorage);
        var se = new double[4];
        int j = 0;
        se[0] = best.Permeability * fit.StandardErrors[j++]; // d k = k d ln k
        se[1] = fit.StandardErrors[j++];
        se[2] = fitStorage ? best.Storage * fit.StandardErrors[j++] : double.NaN;
        se[3] = boundary == WellTestBoundary.Closed ? best.OuterRadius!.Value * fit.StandardErrors[j] : double.NaN;
        var modelDrop = WellTestModel.PressureDrop(setup, best, hours);
        return new WellTestFitResult(best, se, initial, Math.Sqrt(fit.Cost / hours.Length), modelDrop, fit.Iterations, fit.Converged);
    }

    /// <summary>
    /// Starting values: k from the median Bourdet derivative over the middle of the test (radial flow,
    /// d dp / d ln t = 70.6 q B mu / (k h)), S from p_D = (ln t_D + 0.80907) / 2 + S at the middle point,
    /// C from the first point on a unit slope (dp = q B t / (24 C)), r_e from the radius of investigation
    /// at the last time, r = sqrt(k t / (948 phi mu c_t)).
    /// </summary>
    public static WellTestModelParameters InitialGuess(WellTestSetup setup, double[] hours, double[] dp, WellTestBoundary boundary, bool fitStorage)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var deriv = BourdetDerivative.Compute(hours, dp, 0.2);
        int n = hours.Length;
        var middle = deriv.Skip(n / 3).Take(Math.Max(1, n / 3)).Where(d => d > 0).Order().ToArray();
        double plateau = middle.Length > 0 ? middle[middle.Length / 2] : deriv.Where(d => d > 0).DefaultIfEmpty(dp[^1]).Max();
        double k = 70.6 * setup.Rate * setup.FormationVolumeFactor * setup.Viscosity / (plateau * setup.Thickness);
        var units = setup.Units(k);
        int mid = n / 2;
        double skin = units.DimensionlessPressure(dp[mid]) - 0.5 * (Math.Log(units.DimensionlessTime(hours[mid])) + 0.80907);
        skin = Math.Max(skin, 0); // the storage model has no thin negative skin; start from zero at worst
        double c = fitStorage ? setup.Rate * setup.FormationVolumeFactor * hours[0] / (24 * dp[0]) : 0;
        double? re = boundary == WellTestBoundary.Closed
            ? Math.Max(Math.Sqrt(k * hours[^1] / (948 * setup.Porosity * setup.Viscosity * setup.TotalCompressibility)), 10 * setup.WellboreRadius)
            : null;
        return new WellTestModelParameters(k, skin, c, re);
    }

    private static double[] Pack(WellTestModelParameters p, WellTestBoundary b, bool storage)
    {
        var x = new List<double> { Math.Log(p.Permeability), p.Skin };
        if (storage) x.Add(Math.Log(p.Storage));
        if (b == WellTestBoundary.Closed) x.Add(Math.Log(p.OuterRadius!.Value));
        return [.. x];
    }

    private static WellTestModelParameters Unpack(double[] x, WellTestBoundary b, bool storage)
    {
        int j = 2;
        double c = storage ? Math.Exp(x[j++]) : 0;
        double? re = b == WellTestBoundary.Closed ? Math.Exp(x[j]) : null;
        return new WellTestModelParameters(Math.Exp(x[0]), x[1], c, re);
    }
}
