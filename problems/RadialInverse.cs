using PdeKit.Numerics;
using PdeKit.Numerics.Reservoir;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// Inverse radial flow: estimate permeability from well pressures. Variables are dimensionless with a
/// guessed permeability k0 (t_D0 = 0.0002637 k0 t / (phi mu c_t r_w^2), p_D0 = k0 h dp / (141.2 q B mu)); the
/// true k = kappa k0 makes the equation dp/dt_D0 = kappa (1/r_D) d/dr_D (r_D dp/dr_D) with the well's
/// constant rate -r_D dp/dr_D = 1/kappa at r_D = 1, and kappa is trained with the network from noisy well
/// pressures. The data are synthetic: the finite-difference solver's well pressure for the true kappa
/// (infinite reservoir, no skin or storage) at <c>samples</c> log-spaced times with Gaussian noise of relative
/// size <c>noise</c>. Axes are ln r_D and ln t_D0 as in <see cref="RadialDiffusivity"/>; the state at t_min and
/// the outer boundary come from the line source, scaled by the trained kappa.
/// </summary>
public sealed record RadialInverse : IProblem, IKnownUnknowns
{
    /// <summary>Dimensionless pressure p_D0.</summary>
    public static readonly Field P = Field.Scalar("p");

    private readonly double[] sampleTimes;
    private readonly double[] samples;
    private readonly Lazy<RadialFdField> truth;

    /// <summary>Creates the problem and its synthetic data.</summary>
    public RadialInverse(double kappaTrue = 1.8, double kappaStart = 1.0, int samples = 50, double noise = 0.01, int seed = 7,
        double rMax = 1e3, double tMin = 1e2, double tMax = 1e5)
    {
        KappaTrue = Guard.Positive(kappaTrue, nameof(kappaTrue));
        KappaStart = Guard.Positive(kappaStart, nameof(kappaStart));
        if (samples < 2) throw new ArgumentException($"samples must be at least 2 (got {samples})", nameof(samples));
        if (!(noise >= 0) || !double.IsFinite(noise)) throw new ArgumentException($"noise must be a finite non-negative fraction (got {noise})", nameof(noise));
        Guard.RadialWindow(rMax, tMin, tMax);
        (RMax, TMin, TMax) = (rMax, tMin, tMax);
        Noise = noise;
        Domain = new Domain([new Axis("x", 0, Math.Log(RMax)), new Axis("t", Math.Log(TMin), Math.Log(TMax))]);

        // Data: the FD well pressure for the true kappa, p_D0 = p_wD(kappa t_D0) / kappa, from just after t_min to t_max.
        sampleTimes = Enumerable.Range(0, samples).Select(i => TMin * Math.Pow(TMax / TMin, (i + 1.0) / samples)).ToArray();
        var clean = new RadialFdSolver().WellPressure(sampleTimes.Select(t => KappaTrue * t).ToArray());
        this.samples = RelativeNoise.Apply(clean.Select(p => p / KappaTrue), noise, seed);
        var evalT = Grids.Linspace(Math.Log(TMin), Math.Log(TMax), 60).Select(lt => KappaTrue * Math.Exp(lt)).ToArray();
        truth = new Lazy<RadialFdField>(() => new RadialFdSolver().Solve(evalT));
    }

    /// <summary>The permeability ratio k / k0 the data were made with.</summary>
    public double KappaTrue { get; }

    /// <summary>kappa, the unknown the data were made with.</summary>
    public IReadOnlyDictionary<string, double> TrueUnknowns => new Dictionary<string, double> { ["kappa"] = KappaTrue };

    /// <summary>The starting guess of the ratio.</summary>
    public double KappaStart { get; }

    /// <summary>Relative noise of the samples.</summary>
    public double Noise { get; }

    /// <summary>Outer radius r_D.</summary>
    public double RMax { get; }

    /// <summary>First time t_D0.</summary>
    public double TMin { get; }

    /// <summary>Last time t_D0.</summary>
    public double TMax { get; }

    /// <inheritdoc />
    public string Name => "diffusivity-radial-inverse";

    /// <inheritdoc />
    public Domain Domain { get; }

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => [P];

    /// <inheritdoc />
    public IReadOnlyList<Unknown> Unknowns => [new Unknown("kappa", KappaStart)];

    /// <summary>The noisy well pressures at r_D = 1.</summary>
    public IReadOnlyList<Observation> Observations =>
        [new Observation("data", sampleTimes.Select(t => new[] { 0.0, Math.Log(t) }).ToArray(), samples)];

    /// <summary>Line-source state at t_min and at r_max for the current kappa, plus a network term that vanishes there.</summary>
    public Tensor Ansatz(Coords c, Tensor net) => LineSourceAnsatz(c, net, Domain, TMin, RMax);

    /// <summary>(dp/dt - kappa (t_D0 / r_D^2) d2p/dx2) / (1 + kappa t_D0 / r_D^2), with x = ln r_D, t = ln t_D0.</summary>
    public Tensor Residual(Coords c, Solution s) => ScaledResidual(c, s, P);

    /// <summary>
    /// The line source p_D0 = E1(r_D^2 / (4 kappa t_D0)) / (2 kappa) at t_min and at r_max, joined by a network term that
    /// vanishes on both, on the axes x = ln r_D, t = ln t_D0 of <paramref name="domain"/> (kappa: the unknown "kappa").
    /// </summary>
    internal static Tensor LineSourceAnsatz(Coords c, Tensor net, Domain domain, double tMin, double rMax)
    {
        var kappa = c.Unknown("kappa");
        var r2 = (2 * c.X).exp();
        var a = TorchSpecial.E1(r2 / (4 * kappa * tMin)) / (2 * kappa);
        var b = TorchSpecial.E1(rMax * rMax / (4 * kappa * c.T.exp())) / (2 * kappa);
        var aMax = TorchSpecial.E1(rMax * rMax / (4 * kappa * tMin)) / (2 * kappa);
        var st = (c.T - domain.Axes[1].Min) / domain.Axes[1].Length;
        var sr = (domain.Axes[0].Max - c.X) / domain.Axes[0].Length;
        return a + b - aMax + st * sr * net;
    }

    /// <summary>The radial equation dp/dt_D0 = kappa (1/r_D) d/dr_D (r_D dp/dr_D) in x = ln r_D, t = ln t_D0, divided by 1 + kappa t_D0 / r_D^2.</summary>
    internal static Tensor ScaledResidual(Coords c, Solution s, Field p)
    {
        var ratio = c.Unknown("kappa") * (c.T - 2 * c.X).exp();
        return (s.Dt(p) - ratio * s.Dxx(p)) / (1 + ratio);
    }

    /// <summary>Constant rate at the well: -dp/dx = 1 / kappa at x = 0.</summary>
    public IReadOnlyList<Constraint> Constraints =>
        [new Constraint("well_flux", "x", Upper: false, 256, (c, s) => s.Dx(P) + 1 / c.Unknown("kappa"))];

    /// <summary>The finite-difference solution for the true kappa (what the data were drawn from, without noise).</summary>
    public IReference Reference => new PointwiseReference($"radial finite difference, kappa = {KappaTrue}", pts =>
    {
        var fd = truth.Value;
        var u = new double[pts.Length, 1];
        for (int i = 0; i < pts.Length; i++) u[i, 0] = fd.Interpolate(Math.Exp(pts[i][0]), KappaTrue * Math.Exp(pts[i][1])) / KappaTrue;
        return u;
    });

    /// <summary>60 x 60 grid uniform in ln r_D and ln t_D0 (the finite-difference solution is stored at these times).</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(0, Math.Log(RMax), 60), Grids.Linspace(Math.Log(TMin), Math.Log(TMax), 60)];
}
