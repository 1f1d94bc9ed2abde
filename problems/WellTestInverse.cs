using PdeKit.Numerics;
using PdeKit.Numerics.Reservoir;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// Well-test interpretation by PINN: permeability k, skin S and wellbore storage C of a constant-rate drawdown
/// in an infinite-acting radial reservoir, trained with the network from measured well pressures.
/// <para>
/// Variables are those of <see cref="RadialInverse"/>: dimensionless with a guessed permeability k0,
/// t_D0 = 0.0002637 k0 t / (phi mu c_t r_w^2), p_D0 = k0 h dp / (141.2 q B mu), axes x = ln r_D and
/// t = ln t_D0, and the true k = kappa k0 makes the equation dp/dt_D0 = kappa (1/r_D) d/dr_D (r_D dp/dr_D).
/// The sand-face rate (a fraction of the surface rate) is q_sf = -kappa dp/dx at the well. Skin adds
/// (S / kappa) q_sf = -S dp/dx to the well pressure, p_w = p(1, t) - S dp/dx, which is what the data measure
/// (an <see cref="Observation"/> with a <see cref="Observation.Measure"/>). Wellbore storage couples them at
/// the well: q_sf + C_D dp_w/dt_D0 = 1 (C_D = 0.8936 C / (phi c_t h r_w^2) does not depend on k).
/// </para>
/// <para>
/// With storage the reservoir starts undisturbed at t_start = (first data time) / 100, where the storage-dominated
/// well pressure is about 1% of its value at the first sample; without storage the state at t_start = (first data
/// time) / 2 is the line source for the current kappa, as in <see cref="RadialInverse"/>. The outer radius is
/// 20 sqrt(4 t_D0,end), beyond the reach of the pressure transient for kappa up to 4. Unknowns start from the
/// classical semilog and unit-slope guesses (<see cref="WellTestFit.InitialGuess"/>), the same start the
/// Levenberg-Marquardt regression of the finite-difference model uses, and k0 is the semilog permeability.
/// </para>
/// </summary>
public sealed record WellTestInverse : IProblem, IKnownUnknowns
{
    /// <summary>Dimensionless pressure p_D0 (reservoir, without the skin's drop).</summary>
    public static readonly Field P = Field.Scalar("p");

    private readonly double[] sampleTimes;
    private readonly double[] samples;
    private readonly Lazy<RadialFdField> referenceField;
    private readonly double storageCdStart;
    private readonly double skinStart;

    /// <summary>Creates the problem from a drawdown's elapsed times (hours) and pressure drops p_i - p_wf (psi).</summary>
    /// <param name="setup">Well, fluid and rock data.</param>
    /// <param name="hours">Elapsed times, strictly ascending, positive.</param>
    /// <param name="pressureDrop">p_i - p_wf at those times, psi.</param>
    /// <param name="reference">Model parameters whose finite-difference solution is the reference field (the truth of a synthetic case, or a classical fit).</param>
    /// <param name="referenceIsTruth">True when <paramref name="reference"/> made the data (a synthetic test); its k, S, C are then reported as the true unknowns.</param>
    /// <param name="fitStorage">Fit wellbore storage; false: no storage (C = 0).</param>
    /// <param name="start">Starting k, S and C (k also sets k0); null: the classical guess <see cref="WellTestFit.InitialGuess"/>.</param>
    public WellTestInverse(WellTestSetup setup, double[] hours, double[] pressureDrop, WellTestModelParameters reference, bool referenceIsTruth = false, bool fitStorage = true,
        WellTestModelParameters? start = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(pressureDrop);
        ArgumentNullException.ThrowIfNull(reference);
        setup.Validate();
        if (hours.Length < 3 || hours.Length != pressureDrop.Length)
            throw new ArgumentException($"a well test needs at least 3 samples with one pressure per time (got {hours.Length} times and {pressureDrop.Length} pressures)", nameof(hours));
        for (int i = 0; i < hours.Length; i++)
        {
            if (!(hours[i] > 0) || !double.IsFinite(hours[i])) throw new ArgumentException($"time {i} is {hours[i]} h; times must be finite and positive", nameof(hours));
            if (i > 0 && !(hours[i] > hours[i - 1])) throw new ArgumentException($"times must be strictly ascending: {hours[i]} h follows {hours[i - 1]} h", nameof(hours));
            if (!double.IsFinite(pressureDrop[i])) throw new ArgumentException($"pressure drop {i} is not finite", nameof(pressureDrop));
        }
        if (reference.OuterRadius is not null) throw new ArgumentException("the PINN well-test model is infinite-acting; the reference must have no outer radius", nameof(reference));
        if (!(reference.Permeability > 0) || !double.IsFinite(reference.Skin) || !(reference.Storage >= 0))
            throw new ArgumentException($"reference parameters are invalid: {reference}", nameof(reference));

        Setup = setup;
        FitStorage = fitStorage;
        Hours = (double[])hours.Clone();
        PressureDrop = (double[])pressureDrop.Clone();
        ReferenceParameters = reference;
        ReferenceIsTruth = referenceIsTruth;

        if (start is not null && (!(start.Permeability > 0) || !double.IsFinite(start.Permeability) || !double.IsFinite(start.Skin) || !(start.Storage >= 0) || !double.IsFinite(start.Storage)))
            throw new ArgumentException($"start parameters are invalid (k > 0, finite S, C >= 0): {start}", nameof(start));
        Guess = start ?? WellTestFit.InitialGuess(setup, (double[])hours.Clone(), (double[])pressureDrop.Clone(), WellTestBoundary.Infinite, fitStorage);
        K0 = Guess.Permeability;
        var units = setup.Units(K0);
        skinStart = Guess.Skin;
        storageCdStart = fitStorage ? Math.Max(units.DimensionlessStorage(Guess.Storage), 1e-3) : 0;
        sampleTimes = hours.Select(units.DimensionlessTime).ToArray();
        samples = pressureDrop.Select(units.DimensionlessPressure).ToArray();
        TStart = sampleTimes[0] / (fitStorage ? 100 : 2);
        TEnd = sampleTimes[^1];
        RMax = 20 * Math.Sqrt(4 * TEnd);
        Domain = new Domain([new Axis("x", 0, Math.Log(RMax)), new Axis("t", Math.Log(TStart), Math.Log(TEnd))]);

        double kappaRef = reference.Permeability / K0;
        double cdRef = units.DimensionlessStorage(reference.Storage);
        var evalT = EvaluationAxes[1].Select(lt => kappaRef * Math.Exp(lt)).ToArray();
        referenceField = new Lazy<RadialFdField>(() => new RadialFdSolver(new RadialFdOptions(reference.Skin, cdRef)).Solve(evalT));
    }

    /// <summary>A synthetic drawdown: the finite-difference model's pressure drop for <paramref name="truth"/> at <paramref name="count"/> log-spaced times in [<paramref name="firstHour"/>, <paramref name="lastHour"/>], with Gaussian noise of relative size <paramref name="noise"/>.</summary>
    public static WellTestInverse Synthetic(WellTestSetup setup, WellTestModelParameters truth, int count = 50, double noise = 0.01, int seed = 7,
        double firstHour = 0.1, double lastHour = 100, bool fitStorage = true, WellTestModelParameters? start = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(truth);
        if (count < 3) throw new ArgumentException($"count must be at least 3 (got {count})", nameof(count));
        if (!(noise >= 0) || !double.IsFinite(noise)) throw new ArgumentException($"noise must be a finite non-negative fraction (got {noise})", nameof(noise));
        if (!(firstHour > 0) || !(lastHour > firstHour) || !double.IsFinite(lastHour)) throw new ArgumentException($"need 0 < firstHour < lastHour (got {firstHour}, {lastHour})");
        var hours = Enumerable.Range(0, count).Select(i => firstHour * Math.Pow(lastHour / firstHour, i / (count - 1.0))).ToArray();
        var clean = WellTestModel.PressureDrop(setup, truth, hours);
        var noisy = RelativeNoise.Apply(clean, noise, seed);
        return new WellTestInverse(setup, hours, noisy, truth, referenceIsTruth: true, fitStorage, start);
    }

    /// <summary>The well, fluid and rock data of Lee, Rollins and Spivey (2003), Example 2.12 (q = 250 STB/D, B = 1.136, mu = 0.8 cp, phi = 0.039, c_t = 17e-6 1/psi, r_w = 0.198 ft, h = 69 ft, p_i = 4412 psia), as given in the header of ../shared/data/lee2003_example_2_12_drawdown.csv.</summary>
    public static WellTestSetup LeeExample212Setup { get; } = new(250, 1.136, 0.8, 0.039, 17e-6, 0.198, 69, 4412);

    /// <summary>Well, fluid and rock data.</summary>
    public WellTestSetup Setup { get; }

    /// <summary>Whether wellbore storage is fitted.</summary>
    public bool FitStorage { get; }

    /// <summary>Elapsed times of the data, hours.</summary>
    public IReadOnlyList<double> Hours { get; }

    /// <summary>Measured p_i - p_wf, psi.</summary>
    public IReadOnlyList<double> PressureDrop { get; }

    /// <summary>The parameters of the reference field.</summary>
    public WellTestModelParameters ReferenceParameters { get; }

    /// <summary>Whether <see cref="ReferenceParameters"/> made the data.</summary>
    public bool ReferenceIsTruth { get; }

    /// <summary>The starting k, S and C: the classical guess (semilog k and S, unit-slope C) unless given.</summary>
    public WellTestModelParameters Guess { get; }

    /// <summary>The permeability k0 of the dimensionless variables, md (the semilog estimate).</summary>
    public double K0 { get; }

    /// <summary>Start time t_D0 of the domain.</summary>
    public double TStart { get; }

    /// <summary>Last data time t_D0.</summary>
    public double TEnd { get; }

    /// <summary>Outer radius r_D of the domain.</summary>
    public double RMax { get; }

    /// <inheritdoc />
    public string Name => "diffusivity-welltest";

    /// <inheritdoc />
    public Domain Domain { get; }

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => [P];

    /// <inheritdoc />
    public IReadOnlyList<Unknown> Unknowns => FitStorage
        ? [new Unknown("kappa", 1.0), new Unknown("skin", skinStart, Positive: false), new Unknown("cd", storageCdStart)]
        : [new Unknown("kappa", 1.0), new Unknown("skin", skinStart, Positive: false)];

    /// <summary>kappa, skin and C_D of the reference when it made the data; none for field data.</summary>
    public IReadOnlyDictionary<string, double> TrueUnknowns => ReferenceIsTruth ? ToUnknowns(ReferenceParameters) : new Dictionary<string, double>();

    /// <summary>The well pressures p_w = p - S dp/dx at x = 0 (ln r_D = 0).</summary>
    public IReadOnlyList<Observation> Observations =>
        [new Observation("data", sampleTimes.Select(t => new[] { 0.0, Math.Log(t) }).ToArray(), samples) { Measure = WellPressure }];

    /// <summary>The well pressure p_D0 at well points: p - S dp/dx.</summary>
    public static Tensor WellPressure(Coords c, Solution s) => s[P] - c.Unknown("skin") * s.Dx(P);

    /// <summary>With storage: st * sr * net (undisturbed at t_start, zero far away). Without: the line source at t_start and r_max for the current kappa plus st * sr * net.</summary>
    public Tensor Ansatz(Coords c, Tensor net)
    {
        if (!FitStorage) return RadialInverse.LineSourceAnsatz(c, net, Domain, TStart, RMax);
        var st = (c.T - Domain.Axes[1].Min) / Domain.Axes[1].Length;
        var sr = (Domain.Axes[0].Max - c.X) / Domain.Axes[0].Length;
        return st * sr * net;
    }

    /// <summary>(dp/dt - kappa (t_D0 / r_D^2) d2p/dx2) / (1 + kappa t_D0 / r_D^2), with x = ln r_D, t = ln t_D0.</summary>
    public Tensor Residual(Coords c, Solution s) => RadialInverse.ScaledResidual(c, s, P);

    /// <summary>The well: q_sf + C_D dp_w/dt_D0 = 1 with q_sf = -kappa dp/dx (C_D = 0 without storage).</summary>
    public IReadOnlyList<Constraint> Constraints =>
        [new Constraint("well_rate", "x", Upper: false, 256, (c, s) =>
        {
            var q = -c.Unknown("kappa") * s.Dx(P);
            if (!FitStorage) return q - 1;
            var dpw = s.Dt(P) - c.Unknown("skin") * s.D(P, "x", "t");
            return q + c.Unknown("cd") * (-c.T).exp() * dpw - 1;
        })];

    /// <summary>The finite-difference reservoir pressure of <see cref="ReferenceParameters"/>, in this problem's variables.</summary>
    public IReference Reference => new PointwiseReference($"radial finite difference, k = {ReferenceParameters.Permeability:G4} md, S = {ReferenceParameters.Skin:G4}, C = {ReferenceParameters.Storage:G3} bbl/psi", pts =>
    {
        var fd = referenceField.Value;
        double kappa = ReferenceParameters.Permeability / K0;
        var u = new double[pts.Length, 1];
        for (int i = 0; i < pts.Length; i++)
        {
            double r = Math.Exp(pts[i][0]);
            u[i, 0] = r > fd.OuterRadius ? 0 : fd.Interpolate(r, kappa * Math.Exp(pts[i][1])) / kappa;
        }
        return u;
    });

    /// <summary>48 x 48 grid uniform in ln r_D and ln t_D0.</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(0, Domain.Axes[0].Max, 48), Grids.Linspace(Domain.Axes[1].Min, Domain.Axes[1].Max, 48)];

    /// <summary>Model parameters (k in md, S, C in bbl/psi) from trained unknowns kappa, skin and cd.</summary>
    public WellTestModelParameters ToParameters(IReadOnlyDictionary<string, double> unknowns)
    {
        ArgumentNullException.ThrowIfNull(unknowns);
        double cd = FitStorage ? unknowns["cd"] : 0;
        return new WellTestModelParameters(unknowns["kappa"] * K0, unknowns["skin"], Setup.Units(K0).Storage(cd), null);
    }

    /// <summary>The unknowns (kappa, skin, cd) that stand for model parameters.</summary>
    public IReadOnlyDictionary<string, double> ToUnknowns(WellTestModelParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var d = new Dictionary<string, double> { ["kappa"] = p.Permeability / K0, ["skin"] = p.Skin };
        if (FitStorage) d["cd"] = Setup.Units(K0).DimensionlessStorage(p.Storage);
        return d;
    }

    /// <summary>Converts a dimensionless well pressure p_D0 to a pressure drop in psi.</summary>
    public double ToPsi(double pD0) => Setup.Units(K0).PressureDrop(pD0);

    /// <summary>The data points (x = 0, t = ln t_D0) of the observations.</summary>
    public double[][] DataPoints => sampleTimes.Select(t => new[] { 0.0, Math.Log(t) }).ToArray();
}
