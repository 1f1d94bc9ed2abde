using PdeKit.Numerics;
using PdeKit.Numerics.Reservoir;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// Linear flow from a face held at constant pressure into a closed slab (a fracture face or an aquifer
/// edge), dimensionless: dp_D/dt_D = d2p_D/dx_D2 on x_D in [0, 1], t_D in [t_min, t_max], p_D = 1 at x_D = 0,
/// no flow at x_D = 1, validated against the exact series of <see cref="LinearDiffusivity"/> (Carslaw and
/// Jaeger 1959; Crank 1975). In field units x_D = x / L, t_D = 0.0002637 k t / (phi mu c_t L^2) (t in hours,
/// k in md, mu in cp, c_t in 1/psi, L in ft) and p_D = (p_i - p) / (p_i - p_face); see
/// <see cref="DimensionlessTime"/>. The state at t_min comes from the exact solution (the image series
/// sum over n &lt; 8 of (-1)^n [erfc((2n + x)/(2 sqrt t)) + erfc((2n + 2 - x)/(2 sqrt t))], whose first
/// neglected term is below 1e-20 for t_min &lt;= 1) and holds exactly through the ansatz, as does the face
/// pressure; no flow at the end is a soft constraint.
/// </summary>
public sealed record LinearDiffusivityProblem : IProblem
{
    /// <summary>Dimensionless pressure p_D.</summary>
    public static readonly Field P = Field.Scalar("p");

    /// <summary>Creates the problem.</summary>
    /// <exception cref="ArgumentException">t_min outside (0, 1] or t_max not above it.</exception>
    public LinearDiffusivityProblem(double tMin = 0.05, double tMax = 1)
    {
        Guard.Positive(tMin, nameof(tMin));
        Guard.Positive(tMax, nameof(tMax));
        if (tMin > 1) throw new ArgumentException($"tMin must be at most 1 so that the start state's image series is exact to double precision (got {tMin})", nameof(tMin));
        if (!(tMax > tMin)) throw new ArgumentException($"tMax must exceed tMin (got [{tMin}, {tMax}])", nameof(tMax));
        (TMin, TMax) = (tMin, tMax);
        Domain = Domain.SpaceTime(x: (0, 1), t: (tMin, tMax));
    }

    /// <summary>First time t_D.</summary>
    public double TMin { get; }

    /// <summary>Last time t_D.</summary>
    public double TMax { get; }

    /// <inheritdoc />
    public string Name => "diffusivity-linear";

    /// <inheritdoc />
    public Domain Domain { get; }

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => [P];

    /// <summary>t_D = 0.0002637 k t / (phi mu c_t L^2), t in hours, k in md, mu in cp, c_t in 1/psi, L in ft.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive or non-finite argument (hours may be 0).</exception>
    public static double DimensionlessTime(double permeability, double porosity, double viscosity, double compressibility, double length, double hours)
    {
        Guard.Positive(permeability, nameof(permeability));
        Guard.Positive(porosity, nameof(porosity));
        Guard.Positive(viscosity, nameof(viscosity));
        Guard.Positive(compressibility, nameof(compressibility));
        Guard.Positive(length, nameof(length));
        if (!double.IsFinite(hours) || hours < 0) throw new ArgumentOutOfRangeException(nameof(hours), hours, $"hours must be a finite number >= 0 (got {hours})");
        return WellTestUnits.TimeConstant * permeability * hours / (porosity * viscosity * compressibility * length * length);
    }

    /// <summary>p = A(x) + s_t x N with A the exact state at t_min and s_t = (t - t_min)/span: the start state and p(0, t) = A(0) = 1 hold exactly.</summary>
    public Tensor Ansatz(Coords c, Tensor net)
    {
        double w = 2 * Math.Sqrt(TMin);
        Tensor a = zeros_like(c.X);
        for (int n = 0; n < ImageTerms; n++)
            a = a + (n % 2 == 0 ? 1 : -1) * (special.erfc((2 * n + c.X) / w) + special.erfc((2 * n + 2 - c.X) / w));
        var axis = Domain.Axes[1];
        return a + (c.T - axis.Min) / axis.Length * c.X * net;
    }

    private const int ImageTerms = 8;

    /// <inheritdoc />
    public Tensor Residual(Coords c, Solution s) => s.Dt(P) - s.Dxx(P);

    /// <summary>No flow at x_D = 1.</summary>
    public IReadOnlyList<Constraint> Constraints => [new Constraint("no_flow", "x", Upper: true, 256, (c, s) => s.Dx(P))];

    /// <inheritdoc />
    public IReference Reference => new PointwiseReference("exact series (Carslaw and Jaeger 1959)", pts =>
    {
        var u = new double[pts.Length, 1];
        for (int i = 0; i < pts.Length; i++) u[i, 0] = LinearDiffusivity.Pressure(pts[i][0], pts[i][1]);
        return u;
    });

    /// <summary>101 x 101 uniform grid.</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(0, 1, 101), Grids.Linspace(TMin, TMax, 101)];
}
