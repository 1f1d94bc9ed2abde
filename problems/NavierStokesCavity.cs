using PdeKit.Geometry;
using PdeKit.Numerics;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>The velocity of the lid of the driven cavity.</summary>
public enum CavityLid
{
    /// <summary>u = 1 on the whole lid y = 1 (the classic cavity of Ghia et al. 1982; discontinuous at the two upper corners).</summary>
    Uniform,

    /// <summary>u_lid(x) = 16 x^2 (1 - x)^2 on y = 1: zero with zero slope at the corners, peak 1 at x = 1/2.</summary>
    Smoothed,
}

/// <summary>
/// The lid-driven cavity: steady incompressible Navier-Stokes on the unit square at Reynolds number Re = 1 / nu
/// (lid speed and side 1), no slip on the walls x = 0, x = 1, y = 0, and u = u_lid(x), v = 0 on the lid y = 1,
/// with u_lid = 1 (<see cref="CavityLid.Uniform"/>) or u_lid = 16 x^2 (1 - x)^2 (<see cref="CavityLid.Smoothed"/>).
/// Hard constraints: (u, v) = (g, 0) + b (N_u, N_v) with the bubble b = 16 x (1 - x) y (1 - y). For the smoothed
/// lid, g = y u_lid(x) (the Coons patch of the wall data, smooth). For the uniform lid the data jump from 1 to
/// 0 at the upper corners; g is the transfinite inverse-distance blend (mu = 2) of lid = 1 and walls = 0, which
/// equals 1 on the open lid and 0 on the open walls, is bounded in [0, 1], and at the two corner points takes a
/// direction-dependent value, like the true flow, whose velocity is discontinuous there (its gradient grows like
/// 1/r); collocation and evaluation never need the corner values themselves, and the error near the corners
/// is part of what the measured error reports. The residual is down-weighted within about 0.05 of those two
/// corners (<see cref="Residual"/>).
/// The pressure, p = N_p, is compared after removing its mean (the finite-difference reference's pressure has zero mean).
/// <para>
/// Stream-function form (<see cref="FlowForm.StreamFunction"/>): outputs (psi, p) with u = psi_y, v = -psi_x
/// (<see cref="StreamFunction"/>), reported as (u, v, p). The walls are a streamline, psi = 0, and no slip plus the
/// lid ask psi_n = 0 on the three walls and psi_y = u_lid on the lid. Ansatz: psi = y^2 (y - 1) G(x, y) + b^2 N_psi,
/// whose lift satisfies psi = 0 on all four sides, psi_y = G on y = 1 and psi_y = 0 on y = 0, and psi_x = 0 on
/// x = 0 and x = 1 wherever G and G_x vanish there; b^2 = (16 x (1 - x) y (1 - y))^2 vanishes with its gradient on
/// the sides. Smoothed lid: G = u_lid(x), a polynomial that vanishes with its slope at x = 0 and x = 1, so every
/// condition holds exactly, corners included. Uniform lid: G is the same inverse-distance blend of lid = 1 and
/// walls = 0 as the velocity form's lift; it behaves like x^2 (and (1 - x)^2) next to the side walls, so G and
/// G_x vanish there and every condition holds exactly on the open sides; at the two upper corner points, where
/// the data jump, the velocity is direction-dependent as in the velocity form, and the residual keeps the
/// same corner down-weighting. Continuity holds identically, so the residual has the two momentum equations only.
/// </para>
/// The reference, a finite-difference solution, is injected; without one, evaluating the reference throws.
/// </summary>
public sealed record NavierStokesCavity : IProblem
{
    private static readonly Rectangle Square = new((0, 1), (0, 1), bottom: "bottom", right: "right", top: "lid", left: "left");
    private readonly Func<double, double, (double U, double V, double P)>? reference;
    private const double BlendFloor = 1e-28;
    private readonly CoonsPatch box;

    /// <summary>Creates the cavity.</summary>
    /// <param name="re">Reynolds number, positive and finite (100, 400, 1000 in the usual tables).</param>
    /// <param name="lid">The lid profile.</param>
    /// <param name="reference">The reference flow (x, y) -> (u, v, p) with zero-mean pressure, e.g. a finite-difference solution; null: none available.</param>
    /// <exception cref="ArgumentOutOfRangeException">re is not a positive finite number, an undefined lid or form.</exception>
    /// <param name="cornerRadius">Uniform lid: radius delta of the residual's down-weighting at the two singular corners (0: none); see <see cref="Residual"/>.</param>
    /// <param name="form">Velocity-pressure (default) or stream-function unknowns.</param>
    public NavierStokesCavity(double re = 100, CavityLid lid = CavityLid.Uniform, Func<double, double, (double U, double V, double P)>? reference = null, double cornerRadius = 0.05,
        FlowForm form = FlowForm.VelocityPressure)
    {
        Form = StreamFunction.CheckForm(form, "cavity");
        CornerRadius = double.IsFinite(cornerRadius) && cornerRadius >= 0 && cornerRadius < 0.5 ? cornerRadius
            : throw new ArgumentOutOfRangeException(nameof(cornerRadius), cornerRadius, $"cavity: cornerRadius must be in [0, 0.5) (got {cornerRadius})");
        Re = NavierStokes.CheckRe(re, "cavity");
        if (!Enum.IsDefined(lid)) throw new ArgumentOutOfRangeException(nameof(lid), lid, $"cavity: unknown lid profile {lid} (Uniform or Smoothed)");
        Lid = lid;
        this.reference = reference;
        box = new CoonsPatch((0, 1), (0, 1), bottom: x => zeros_like(x), right: y => zeros_like(y), top: LidSpeed, left: y => zeros_like(y));
    }

    /// <summary>Reynolds number.</summary>
    public double Re { get; }

    /// <summary>The lid profile.</summary>
    public CavityLid Lid { get; }

    /// <summary>The unknowns trained for: (u, v, p) or (psi, p).</summary>
    public FlowForm Form { get; }

    /// <summary>Radius of the residual's down-weighting at the uniform lid's corners (0: none).</summary>
    public double CornerRadius { get; }

    /// <summary>True when a reference flow was given.</summary>
    public bool HasReference => reference is not null;

    /// <inheritdoc />
    public string Name => "cavity";

    /// <inheritdoc />
    public Domain Domain { get; } = Domain.FromRegion(Square);

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => Form == FlowForm.StreamFunction ? StreamFunction.Fields : NavierStokes.Fields;

    /// <summary>Stream-function form: (u, v, p) from psi's derivatives (<see cref="StreamFunction.Velocity"/>); velocity form: none.</summary>
    public DerivedFields? Derived => Form == FlowForm.StreamFunction ? StreamFunction.Velocity : null;

    /// <summary>The pressure is fixed only up to a constant.</summary>
    public IReadOnlyList<Field> MeanFreeOutputs => [NavierStokes.P];

    /// <summary>The lid speed u_lid(x) at x in [0, 1] (1, or 16 x^2 (1 - x)^2).</summary>
    public double LidSpeedAt(double x) => Lid == CavityLid.Uniform ? 1 : 16 * x * x * (1 - x) * (1 - x);

    private Tensor LidSpeed(Tensor x) => Lid == CavityLid.Uniform ? ones_like(x) : 16 * x.square() * (1 - x).square();

    /// <summary>The velocity form's lift (g, 0) alone, [N, 2] (its ansatz with N = 0).</summary>
    public Tensor Lift(Coords c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var g = Lid == CavityLid.Uniform ? UniformLift(c.X, c.Y) : box.Evaluate(c.X, c.Y);
        return cat([g, zeros_like(g)], 1);
    }

    /// <summary>
    /// The inverse-distance blend of lid = 1 and walls = 0 (Sukumar and Srivastava's transfinite interpolation, mu = 2)
    /// in closed form: inside the square the distance to each side is that to its line (1 - y, x, 1 - x, y), so
    /// g = w_lid / (w_lid + w_left + w_right + w_bottom), w = 1 / (d^2 + 1e-28), which keeps g finite at the corners.
    /// </summary>
    private static Tensor UniformLift(Tensor x, Tensor y)
    {
        Tensor W(Tensor d) => (d.square() + BlendFloor).reciprocal();
        var lid = W(1 - y);
        return lid / (lid + W(x) + W(1 - x) + W(y));
    }

    /// <summary>
    /// The stream-function form's lift y^2 (y - 1) G(x, y) alone, [N, 1] (its psi for N = 0): G = u_lid(x) for the
    /// smoothed lid, the inverse-distance blend of lid = 1 and walls = 0 for the uniform lid (see the type's remarks).
    /// </summary>
    public Tensor StreamLift(Coords c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var g = Lid == CavityLid.Uniform ? UniformLift(c.X, c.Y) : LidSpeed(c.X);
        return c.Y.square() * (c.Y - 1) * g;
    }

    /// <summary>
    /// Velocity form: (u, v) = (g, 0) + b (N_u, N_v), p = N_p. Stream-function form: psi = y^2 (y - 1) G + b^2 N_psi,
    /// p = N_p. No slip and the lid velocity hold exactly (away from the uniform lid's corner points).
    /// </summary>
    public Tensor Ansatz(Coords c, Tensor net)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(net);
        if (Form == FlowForm.StreamFunction)
            return cat([StreamLift(c) + box.Bubble(c.X, c.Y).square() * net[.., ..1], net[.., 1..2]], 1);
        return cat([Lift(c) + box.Bubble(c.X, c.Y) * net[.., ..2], net[.., 2..3]], 1);
    }

    /// <summary>
    /// The Navier-Stokes residuals (x, y momentum and, in the velocity form, continuity); for the uniform lid multiplied by the corner weight
    /// prod_k r_k^2 / (r_k^2 + delta^2) (r_k the distance to the upper corner k, delta = <see cref="CornerRadius"/>).
    /// Near those corners the velocity gradient grows like 1/r, so the residual terms of any approximation grow
    /// like 1/r^2 and, unweighted, a handful of points next to the corners would dominate the loss; the weight
    /// leaves the equations unchanged farther than about delta from the corners.
    /// </summary>
    public Tensor Residual(Coords c, Solution s)
    {
        ArgumentNullException.ThrowIfNull(c);
        var r = Form == FlowForm.StreamFunction ? StreamFunction.Residual(s, 1 / Re) : NavierStokes.Residual(s, 1 / Re);
        if (Lid != CavityLid.Uniform || CornerRadius == 0) return r;
        var left = c.X.square() + (1 - c.Y).square();
        var right = (1 - c.X).square() + (1 - c.Y).square();
        double d2 = CornerRadius * CornerRadius;
        return r * (left / (left + d2)) * (right / (right + d2));
    }

    /// <summary>The injected reference; without one, evaluating it throws an error that says so.</summary>
    public IReference Reference => reference is { } r
        ? NavierStokes.Reference($"finite differences, Re = {Re}, {Lid} lid", r)
        : new PointwiseReference("none: no finite-difference cavity reference was given", _ => throw new InvalidOperationException(
            $"{Name}: no reference flow was given (Re = {Re}, {Lid} lid): the finite-difference cavity reference is not available in this build; from C#, pass a solution's At(x, y) as the reference argument"));

    /// <summary>101 x 101 uniform grid on the unit square.</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(0, 1, 101), Grids.Linspace(0, 1, 101)];
}
