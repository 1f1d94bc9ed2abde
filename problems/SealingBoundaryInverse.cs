using PdeKit.Numerics;
using PdeKit.Numerics.Reservoir;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// Inverse linear flow: the distance L from a producing face to a sealing boundary, trained from noisy face
/// pressures of a constant-rate drawdown (<see cref="SealingBoundary"/>: dp/dt = d2p/dx2 on [0, L], -dp/dx = 1 at
/// the face, no flow at L; dimensionless with a reference length l, t = 0.0002637 k t_hr / (phi mu c_t l^2)).
/// <para>
/// The network works in scaled coordinates xi = x / L and s = ln(t / L^2), where the problem does not depend on L at
/// all: the scaled pressure P(xi, tau) (p = L P) solves dP/dtau = d2P/dxi2 on [0, 1] with unit face flux. L enters only
/// where the data are: the sample at time t_i is the face pressure L P(0, t_i / L^2), located on the time axis at
/// ln(t_i) - 2 ln L (<see cref="Observation.Locate"/>), so the unknown gets its gradient through both the prefactor and
/// the point's position. The residual, the start state and the constraints do not involve L, so no value of L makes
/// the physics terms smaller (a smaller L buying a smaller residual is what derails the plain formulation, where L
/// scales the domain).
/// </para>
/// <para>
/// Ansatz: P = F(xi, tau) + (s - s_0)/(s_1 - s_0) (1 + tau) N (the factor 1 + tau follows the late linear growth of P) with F = 2 sqrt(tau) ierfc(xi / (2 sqrt tau)) the semi-infinite
/// constant-flux solution: it solves the equation, carries the unit face flux, and is the exact state at tau_0 =
/// 1e-3 (the boundary's image terms are below exp(-1/tau_0) there); the network learns the boundary's effect. Soft
/// constraints: zero extra flux at the face and no flow at xi = 1. The data are synthetic, the exact face pressure
/// for the true L at <c>samples</c> log-spaced times in [tFirst, tLast] with relative Gaussian noise; the classical
/// least-squares fit of the exact model on the same samples is <see cref="SealingBoundary.Fit"/>.
/// </para>
/// </summary>
public sealed record SealingBoundaryInverse : IProblem, IKnownUnknowns
{
    /// <summary>The scaled pressure P = p / L.</summary>
    public static readonly Field P = Field.Scalar("p");

    /// <summary>The scaled time range tau = t / L^2 of the network's time axis, [1e-3, 10].</summary>
    public const double TauMin = 1e-3, TauMax = 10;

    private readonly double[] times;
    private readonly double[] pressures;

    /// <summary>Creates the problem and its synthetic data.</summary>
    /// <param name="distance">True distance L to the sealing boundary (reference lengths).</param>
    /// <param name="start">Start value of L, or 0 for the classical Cartesian (pseudo-steady-state slope) estimate from the data.</param>
    /// <param name="samples">Number of face-pressure samples, at least 3.</param>
    /// <param name="noise">Relative noise of the samples (0.01 = 1%).</param>
    /// <param name="seed">Noise seed.</param>
    /// <param name="tFirst">First sample time.</param>
    /// <param name="tLast">Last sample time.</param>
    /// <exception cref="ArgumentException">A parameter that is not finite or out of range, or a sample window the time axis cannot hold for the true and start L.</exception>
    public SealingBoundaryInverse(double distance = 2, double start = 0, int samples = 50, double noise = 0.01, int seed = 7, double tFirst = 0.04, double tLast = 4)
    {
        Distance = Guard.Positive(distance, nameof(distance));
        if (!double.IsFinite(start) || start < 0) throw new ArgumentException($"start must be 0 (the Cartesian estimate) or a positive distance (got {start})", nameof(start));
        if (samples < 3) throw new ArgumentException($"samples must be at least 3 (got {samples})", nameof(samples));
        Guard.Positive(tFirst, nameof(tFirst));
        Guard.Positive(tLast, nameof(tLast));
        if (!(tLast > tFirst)) throw new ArgumentException($"tLast must exceed tFirst (got [{tFirst}, {tLast}])", nameof(tLast));
        Noise = noise;
        times = Enumerable.Range(0, samples).Select(i => tFirst * Math.Pow(tLast / tFirst, i / (samples - 1.0))).ToArray();
        pressures = RelativeNoise.Apply(times.Select(t => SealingBoundary.FacePressure(t, Distance)), noise, seed);
        Start = start > 0 ? start : SealingBoundary.CartesianEstimate(times, pressures);
        foreach (var (l, what) in new[] { (Distance, "distance"), (Start, "start") })
        {
            if (tFirst / (l * l) < TauMin || tLast / (l * l) > TauMax)
                throw new ArgumentException($"with L = {l} ({what}) the samples fall at tau = t / L^2 in [{tFirst / (l * l):G3}, {tLast / (l * l):G3}], outside the time axis [{TauMin}, {TauMax}]; choose tFirst, tLast and L so that both lie inside");
        }
        Domain = new Domain([new Axis("x", 0, 1), new Axis("t", Math.Log(TauMin), Math.Log(TauMax))]);
    }

    /// <summary>The true distance the data were made with.</summary>
    public double Distance { get; }

    /// <summary>The start value of L.</summary>
    public double Start { get; }

    /// <summary>Relative noise of the samples.</summary>
    public double Noise { get; }

    /// <summary>The sample times.</summary>
    public IReadOnlyList<double> Times => times;

    /// <summary>The noisy face pressures.</summary>
    public IReadOnlyList<double> Pressures => pressures;

    /// <summary>L, the unknown the data were made with.</summary>
    public IReadOnlyDictionary<string, double> TrueUnknowns => new Dictionary<string, double> { ["L"] = Distance };

    /// <inheritdoc />
    public string Name => "diffusivity-sealing";

    /// <inheritdoc />
    public Domain Domain { get; }

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => [P];

    /// <inheritdoc />
    public IReadOnlyList<Unknown> Unknowns => [new Unknown("L", Start)];

    /// <summary>The face pressures: L P at (0, ln(t_i) - 2 ln L), clamped to the time axis.</summary>
    public IReadOnlyList<Observation> Observations =>
    [
        new Observation("data", times.Select(t => new[] { 0.0, t }).ToArray(), pressures)
        {
            Locate = c => cat([c.X, (c.T.log() - 2 * c.Unknown("L").log()).clamp(Math.Log(TauMin), Math.Log(TauMax))], 1),
            Measure = (c, s) => c.Unknown("L") * s[P],
        },
    ];

    /// <summary>P = F + (s - s_0)/(s_1 - s_0) (1 + tau) N, F the semi-infinite constant-flux solution (see the class remarks).</summary>
    public Tensor Ansatz(Coords c, Tensor net)
    {
        var tau = c.T.exp();
        var w = 2 * tau.sqrt();
        var u = c.X / w;
        var f = w * ((-u * u).exp() / Math.Sqrt(Math.PI) - u * special.erfc(u));
        var axis = Domain.Axes[1];
        return f + (c.T - axis.Min) / axis.Length * (1 + tau) * net;
    }

    /// <summary>(dP/ds - tau d2P/dxi2) / (sqrt(tau) + tau) with s = ln tau: the heat equation in log time, scaled to O(1) early and late.</summary>
    public Tensor Residual(Coords c, Solution s)
    {
        var tau = c.T.exp();
        return (s.Dt(P) - tau * s.Dxx(P)) / (tau.sqrt() + tau);
    }

    /// <summary>Unit face flux (-dP/dxi = 1 at xi = 0; the ansatz's F carries it, so this holds the network's extra flux at zero) and no flow at the sealing boundary.</summary>
    public IReadOnlyList<Constraint> Constraints =>
    [
        new Constraint("face_flux", "x", Upper: false, 256, (c, s) => s.Dx(P) + 1),
        new Constraint("no_flow", "x", Upper: true, 256, (c, s) => s.Dx(P)),
    ];

    /// <summary>The exact scaled solution P(xi, tau) (the same for every L).</summary>
    public IReference Reference => new PointwiseReference("exact scaled solution (Carslaw and Jaeger 1959, slab with constant face flux)", pts =>
    {
        var u = new double[pts.Length, 1];
        for (int i = 0; i < pts.Length; i++) u[i, 0] = SealingBoundary.ScaledPressure(Math.Clamp(pts[i][0], 0, 1), Math.Exp(pts[i][1]));
        return u;
    });

    /// <summary>101 x 101 grid uniform in xi and ln tau.</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(0, 1, 101), Grids.Linspace(Math.Log(TauMin), Math.Log(TauMax), 101)];
}
