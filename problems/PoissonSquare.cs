using PdeKit.Numerics;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// -Laplace(u) = f on the unit square with u = 0 on the boundary and the manufactured solution
/// u = sin(k pi x) sin(k pi y), f = 2 (k pi)^2 u (k = 1, and k = 4 for the higher-frequency variant).
/// The ansatz u = x (1 - x) y (1 - y) N holds the boundary data exactly. References: the exact solution,
/// and PdeKit's multigrid finite-difference solver (in <c>pdekit reference</c>).
/// </summary>
public sealed record PoissonSquare : IProblem
{
    /// <summary>The solution field.</summary>
    public static readonly Field U = Field.Scalar("u");

    /// <summary>Creates the problem with frequency <paramref name="k"/> (a positive integer).</summary>
    /// <exception cref="ArgumentOutOfRangeException">k is not a positive integer.</exception>
    public PoissonSquare(int k = 1)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be a positive integer (got {k})");
        K = k;
    }

    /// <summary>Frequency k.</summary>
    public int K { get; }

    /// <inheritdoc />
    public string Name => K == 1 ? "poisson-square" : $"poisson-square-k{K}";

    /// <inheritdoc />
    public Domain Domain { get; } = Domain.Box(x: (0, 1), y: (0, 1));

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => [U];

    /// <summary>The exact solution.</summary>
    public double Exact(double x, double y) => Math.Sin(K * Math.PI * x) * Math.Sin(K * Math.PI * y);

    /// <summary>The source f = 2 (k pi)^2 sin(k pi x) sin(k pi y).</summary>
    public double Source(double x, double y) => 2 * Math.Pow(K * Math.PI, 2) * Exact(x, y);

    /// <summary>u = x (1 - x) y (1 - y) N: zero on the boundary exactly.</summary>
    public Tensor Ansatz(Coords c, Tensor net) => c.X * (1 - c.X) * c.Y * (1 - c.Y) * net;

    /// <summary>-Laplace(u) - f, divided by (k pi)^2 so that k = 1 and k = 4 residuals are of like size.</summary>
    public Tensor Residual(Coords c, Solution s)
    {
        double w = K * Math.PI;
        var f = 2 * w * w * (w * c.X).sin() * (w * c.Y).sin();
        return (-s.Laplacian(U) - f) / (w * w);
    }

    /// <inheritdoc />
    public IReference Reference => new PointwiseReference($"exact sin({K} pi x) sin({K} pi y)", pts =>
    {
        var u = new double[pts.Length, 1];
        for (int i = 0; i < pts.Length; i++) u[i, 0] = Exact(pts[i][0], pts[i][1]);
        return u;
    });

    /// <summary>129 x 129 uniform grid (the finite-difference reference's nodes).</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(0, 1, 129), Grids.Linspace(0, 1, 129)];
}
