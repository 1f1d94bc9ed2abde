using PdeKit.Numerics;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// Allen-Cahn u_t = D u_xx + R (u - u^3) on x in [-1, 1] periodic, t in [0, 1], u(x, 0) = x^2 cos(pi x),
/// with D = 1e-4 and R = 5 (the benchmark of Wang, Sankaran and Perdikaris 2022, arXiv 2203.07404, where
/// plain PINNs fail). Periodicity is exact (the network sees x through cos and sin); the initial data
/// are a soft constraint, because x^2 cos(pi x) has a slope jump at x = +-1 that a hard ansatz would
/// carry for all time while the true solution smooths it out. Reference: <see cref="AllenCahnSolver"/>
/// (Fourier spectral, ETDRK4, 2048 modes).
/// </summary>
public sealed record AllenCahn : IProblem
{
    /// <summary>The order parameter.</summary>
    public static readonly Field U = Field.Scalar("u");

    private readonly Lazy<SpaceTimeField> solution;

    /// <summary>Creates the problem; the coefficients must be positive numbers.</summary>
    public AllenCahn(double diffusion = 1e-4, double reaction = 5.0, int initialPoints = 512)
    {
        Diffusion = Guard.Positive(diffusion, nameof(diffusion));
        Reaction = Guard.Positive(reaction, nameof(reaction));
        if (initialPoints < 1) throw new ArgumentException($"initialPoints must be at least 1 (got {initialPoints})", nameof(initialPoints));
        InitialPoints = initialPoints;
        double d = Diffusion, r = Reaction;
        solution = new Lazy<SpaceTimeField>(() => new AllenCahnSolver(d, r).Solve(AllenCahnEvaluationGrid.T));
    }

    /// <summary>Diffusion coefficient D.</summary>
    public double Diffusion { get; }

    /// <summary>Reaction coefficient R.</summary>
    public double Reaction { get; }

    /// <summary>Points on t = 0 for the initial-data loss term.</summary>
    public int InitialPoints { get; }

    /// <inheritdoc />
    public string Name => "allen-cahn";

    /// <inheritdoc />
    public Domain Domain { get; } = new([new Axis("x", -1, 1, Periodic: true), new Axis("t", 0, 1)]);

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => [U];

    /// <summary>u = net: periodicity comes from the network's input embedding, the initial data from a loss term.</summary>
    public Tensor Ansatz(Coords c, Tensor net) => net;

    /// <inheritdoc />
    public Tensor Residual(Coords c, Solution s)
    {
        var u = s[U];
        return s.Dt(U) - Diffusion * s.Dxx(U) - Reaction * (u - u.pow(3));
    }

    /// <summary>The initial data u(x, 0) = x^2 cos(pi x) on <see cref="InitialPoints"/> points.</summary>
    public IReadOnlyList<Constraint> Constraints =>
        [new Constraint("initial", "t", Upper: false, InitialPoints, (c, s) => s[U] - c.X.square() * (Math.PI * c.X).cos())];

    /// <inheritdoc />
    public IReference Reference => PointwiseReference.ScalarXT("Fourier spectral + ETDRK4 (2048 modes)", (x, t) =>
    {
        var reference = solution.Value;
        var u = new double[x.Length];
        for (int i = 0; i < x.Length; i++) u[i] = reference.Interpolate(x[i], t[i]);
        return u;
    });

    /// <summary>512 x 201 grid: x = -1 + j/256 (j = 0..511), t = linspace(0, 1, 201), as in the published data set.</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [AllenCahnEvaluationGrid.X, AllenCahnEvaluationGrid.T];
}
