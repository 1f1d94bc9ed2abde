using PdeKit.Numerics;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// Viscous Burgers u_t + u u_x = nu u_xx on x in [-1, 1], t in [0, 1], u(x, 0) = -sin(pi x),
/// u(+-1, t) = 0 (Raissi et al. 2019's benchmark). Reference: the exact Cole-Hopf solution.
/// </summary>
public sealed record Burgers : IProblem
{
    /// <summary>The velocity field.</summary>
    public static readonly Field U = Field.Scalar("u");

    /// <summary>Creates the problem; <paramref name="nu"/> must be a positive number.</summary>
    public Burgers(double nu = 0.01 / Math.PI) => Nu = Guard.Positive(nu, nameof(nu));

    /// <summary>Viscosity.</summary>
    public double Nu { get; }

    /// <inheritdoc />
    public string Name => "burgers";

    /// <inheritdoc />
    public Domain Domain { get; } = Domain.SpaceTime(x: (-1, 1), t: (0, 1));

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => [U];

    /// <summary>u = t (1 - x^2) N - sin(pi x): the initial and boundary data hold exactly.</summary>
    public Tensor Ansatz(Coords c, Tensor net) => c.T * (1 - c.X.square()) * net - (Math.PI * c.X).sin();

    /// <inheritdoc />
    public Tensor Residual(Coords c, Solution s) => s.Dt(U) + s[U] * s.Dx(U) - Nu * s.Dxx(U);

    /// <inheritdoc />
    public IReference Reference => PointwiseReference.ScalarXT("Cole-Hopf (Gauss-Hermite)", (x, t) => new ColeHopfBurgers(Nu).U(x, t));

    /// <summary>256 x 100 grid of Raissi et al.'s data set: x = linspace(-1, 1, 256), t = 0, 0.01, ..., 0.99.</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [BurgersEvaluationGrid.X, BurgersEvaluationGrid.T];
}
