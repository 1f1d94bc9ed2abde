using PdeKit.Numerics;
using PdeKit.Numerics.Reservoir;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// Transient diffusivity in a heterogeneous square, dimensionless: dp/dt = div(k(x, y) grad p) on
/// [0, 1]^2 x [0, t_max] with the permeability field k = exp(sigma sin(2 pi x) sin(pi y)) (contrast e^(2 sigma)),
/// the pressure at the west face raised smoothly from 0 to 1 (p = r(t) = 1 - exp(-t / tau)), p = 0 at the east
/// face, sealed north and south faces and p = 0 initially: water (or pressure) pushed through a
/// heterogeneous layer. The ansatz p = (1 - x) r(t) + x (1 - x) t N holds both Dirichlet faces and the
/// initial state exactly; no flow north and south are soft terms. Reference: PdeKit's heterogeneous
/// finite-volume solver (harmonic transmissibilities, BDF2, 128 x 128 cells) for q = p - (1 - x) r(t), which
/// has zero Dirichlet data and the source -(1 - x) r'(t) - r(t) dk/dx.
/// </summary>
public sealed record HeterogeneousDiffusivity : IProblem
{
    /// <summary>Dimensionless pressure.</summary>
    public static readonly Field P = Field.Scalar("p");

    /// <summary>Creates the problem.</summary>
    /// <exception cref="ArgumentOutOfRangeException">sigma is negative or not finite, or tau or t_max not positive.</exception>
    public HeterogeneousDiffusivity(double sigma = 1, double tau = 0.05, double tMax = 0.5)
    {
        if (!double.IsFinite(sigma) || sigma < 0) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, $"sigma must be a finite number >= 0 (got {sigma})");
        (Sigma, Tau, TMax) = (sigma, Guard.Positive(tau, nameof(tau)), Guard.Positive(tMax, nameof(tMax)));
        Domain = Domain.SpaceTime(x: (0, 1), y: (0, 1), t: (0, tMax));
    }

    /// <summary>Log-permeability amplitude.</summary>
    public double Sigma { get; }

    /// <summary>Rise time of the west-face pressure.</summary>
    public double Tau { get; }

    /// <summary>Last time.</summary>
    public double TMax { get; }

    /// <inheritdoc />
    public string Name => "diffusivity-2d";

    /// <inheritdoc />
    public Domain Domain { get; }

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => [P];

    /// <summary>k(x, y) = exp(sigma sin(2 pi x) sin(pi y)).</summary>
    public double Permeability(double x, double y) => Math.Exp(Sigma * Math.Sin(2 * Math.PI * x) * Math.Sin(Math.PI * y));

    private double Rise(double t) => 1 - Math.Exp(-t / Tau);

    /// <summary>p = (1 - x) r(t) + x (1 - x) t N.</summary>
    public Tensor Ansatz(Coords c, Tensor net) => (1 - c.X) * (1 - (-c.T / Tau).exp()) + c.X * (1 - c.X) * c.T * net;

    /// <summary>dp/dt - k (p_xx + p_yy) - k_x p_x - k_y p_y.</summary>
    public Tensor Residual(Coords c, Solution s)
    {
        var sx = (2 * Math.PI * c.X).sin();
        var sy = (Math.PI * c.Y).sin();
        var k = (Sigma * sx * sy).exp();
        var kx = k * Sigma * 2 * Math.PI * (2 * Math.PI * c.X).cos() * sy;
        var ky = k * Sigma * Math.PI * sx * (Math.PI * c.Y).cos();
        return s.Dt(P) - k * (s.Dxx(P) + s.Dyy(P)) - kx * s.Dx(P) - ky * s.Dy(P);
    }

    /// <summary>No flow through the south and north faces.</summary>
    public IReadOnlyList<Constraint> Constraints =>
    [
        new Constraint("no_flow_south", "y", Upper: false, 256, (c, s) => s.Dy(P)),
        new Constraint("no_flow_north", "y", Upper: true, 256, (c, s) => s.Dy(P)),
    ];

    /// <summary>The finite-volume solution on <paramref name="cells"/> x <paramref name="cells"/> cells at <paramref name="times"/>, as p = q + (1 - x) r(t).</summary>
    public Func<double, double, double, double> FiniteVolume(int cells, double[] times)
    {
        var solver = new Diffusivity2DFdSolver(Diffusivity2DGrid.UnitSquare(cells), Diffusivity2DCoefficient.FromFunction(Permeability))
        {
            West = Diffusivity2DBoundary.Dirichlet(0),
            East = Diffusivity2DBoundary.Dirichlet(0),
            Source = (x, y, t) =>
            {
                double kx = Permeability(x, y) * Sigma * 2 * Math.PI * Math.Cos(2 * Math.PI * x) * Math.Sin(Math.PI * y);
                return -(1 - x) * Math.Exp(-t / Tau) / Tau - Rise(t) * kx;
            },
            MaxTimeStep = Math.Min(Tau / 20, TMax / 200),
            Tolerance = 1e-12,
        };
        var field = solver.Solve(times);
        return (x, y, t) => field.Interpolate(x, y, t) + (1 - x) * Rise(t);
    }

    /// <inheritdoc />
    public IReference Reference => new PointwiseReference("finite volumes, 128 x 128 cells, BDF2", pts =>
    {
        var times = EvaluationAxes[2];
        var p = FiniteVolume(128, times);
        var u = new double[pts.Length, 1];
        for (int i = 0; i < pts.Length; i++) u[i, 0] = p(pts[i][0], pts[i][1], pts[i][2]);
        return u;
    });

    /// <summary>41 x 41 points in space at 11 times.</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(0, 1, 41), Grids.Linspace(0, 1, 41), Grids.Linspace(0, TMax, 11)];
}
