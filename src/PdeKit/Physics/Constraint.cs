using static TorchSharp.torch;

namespace PdeKit.Physics;

/// <summary>
/// A soft constraint: a residual enforced by its own loss term on points of a face of the domain
/// (initial or boundary data that an ansatz cannot impose exactly, e.g. non-smooth initial data on a
/// periodic axis), or on (a named part of) the boundary of the domain's region, where the points come
/// with outward normals (<see cref="Coords.Normals"/>) for Neumann and Robin conditions; see
/// <see cref="OnBoundary"/>, <see cref="Dirichlet"/>, <see cref="Neumann"/> and <see cref="Robin"/>.
/// Hard constraints in <see cref="IProblem.Ansatz"/> are preferred where they fit.
/// </summary>
/// <param name="Name">Loss term name, e.g. "initial".</param>
/// <param name="Axis">The axis the face is normal to, e.g. "t" (ignored for a region-boundary constraint).</param>
/// <param name="Upper">False: the face at the axis minimum (t = t_min for initial data); true: at the maximum.</param>
/// <param name="Points">Number of points drawn on the face or boundary part.</param>
/// <param name="Residual">The residual at the points [N, k] (zero when the data hold).</param>
public sealed record Constraint(string Name, string Axis, bool Upper, int Points, Func<Coords, Solution, Tensor> Residual)
{
    /// <summary>The region boundary the points lie on, instead of a face; null for a face constraint.</summary>
    public BoundaryPart? Boundary { get; init; }

    /// <summary>A constraint on the boundary of the domain's region, or on its part <paramref name="part"/>; its residual sees outward normals in <see cref="Coords.Normals"/>.</summary>
    /// <param name="name">Loss term name.</param>
    /// <param name="points">Number of points, drawn uniformly by length.</param>
    /// <param name="residual">The residual at the points [N, k].</param>
    /// <param name="part">Boundary part name, or null for the whole boundary.</param>
    public static Constraint OnBoundary(string name, int points, Func<Coords, Solution, Tensor> residual, string? part = null) =>
        new(name, "", false, points, residual) { Boundary = new BoundaryPart(part) };

    /// <summary>Soft Dirichlet condition u = g on a boundary part: residual u - g.</summary>
    /// <param name="name">Loss term name.</param>
    /// <param name="field">The constrained output.</param>
    /// <param name="value">g at the points, [N, 1].</param>
    /// <param name="points">Number of points.</param>
    /// <param name="part">Boundary part name, or null for the whole boundary.</param>
    public static Constraint Dirichlet(string name, Field field, Func<Coords, Tensor> value, int points, string? part = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return OnBoundary(name, points, (c, s) => s[field] - value(c), part);
    }

    /// <summary>Soft Neumann condition du/dn = h on a boundary part (n the outward unit normal): residual du/dn - h.</summary>
    /// <param name="name">Loss term name.</param>
    /// <param name="field">The constrained output.</param>
    /// <param name="flux">h at the points, [N, 1].</param>
    /// <param name="points">Number of points.</param>
    /// <param name="part">Boundary part name, or null for the whole boundary.</param>
    public static Constraint Neumann(string name, Field field, Func<Coords, Tensor> flux, int points, string? part = null)
    {
        ArgumentNullException.ThrowIfNull(flux);
        return OnBoundary(name, points, (c, s) => s.Dn(field, c) - flux(c), part);
    }

    /// <summary>Soft Robin condition a u + b du/dn = g on a boundary part: residual a u + b du/dn - g.</summary>
    /// <param name="name">Loss term name.</param>
    /// <param name="field">The constrained output.</param>
    /// <param name="a">Coefficient of u.</param>
    /// <param name="b">Coefficient of the outward normal derivative.</param>
    /// <param name="value">g at the points, [N, 1].</param>
    /// <param name="points">Number of points.</param>
    /// <param name="part">Boundary part name, or null for the whole boundary.</param>
    public static Constraint Robin(string name, Field field, double a, double b, Func<Coords, Tensor> value, int points, string? part = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return OnBoundary(name, points, (c, s) => a * s[field] + b * s.Dn(field, c) - value(c), part);
    }
}

/// <summary>The boundary of a domain's region, or one named part of it.</summary>
/// <param name="Name">Part name, or null for the whole boundary.</param>
public sealed record BoundaryPart(string? Name = null);

/// <summary>A scalar the training fits along with the network (an inverse problem's unknown, e.g. permeability).</summary>
/// <param name="Name">Name used in the ansatz and residual (<see cref="Coords.Unknown"/>) and logged as unknown_NAME.</param>
/// <param name="Initial">Starting value.</param>
/// <param name="Positive">True: trained as log(value), so it stays positive and moves by factors.</param>
public sealed record Unknown(string Name, double Initial, bool Positive = true);

/// <summary>Measured values of an output at given points: a data loss term (inverse problems, assimilation).</summary>
/// <param name="Name">Loss term name, e.g. "data".</param>
/// <param name="Points">Points in the problem's coordinates, one array of d values each.</param>
/// <param name="Values">Measured values, one per point.</param>
/// <param name="Output">Index of the output field measured (when <see cref="Measure"/> is null).</param>
public sealed record Observation(string Name, double[][] Points, double[] Values, int Output = 0)
{
    /// <summary>
    /// The measured quantity as a function of the solution at the observation points, [N] or [N, 1], for data that
    /// are not a plain output value: e.g. a well pressure p_w = p - S dp/dx that involves a derivative and an unknown.
    /// Null (the default): the output field <see cref="Output"/> itself.
    /// </summary>
    public Func<Coords, Solution, Tensor>? Measure { get; init; }

    /// <summary>
    /// Maps the observation's <see cref="Points"/> (given as coordinates whose <see cref="Coords.Unknown"/> values are the
    /// current unknowns) to points of the domain, [N, d], differentiably: for data whose position in the problem's
    /// coordinates depends on an unknown, e.g. times t_i seen at tau_i = t_i / L^2 when the axes are scaled by a trained
    /// distance L. The unknowns then get gradients through the points as well. Null (the default): <see cref="Points"/> are
    /// domain points. With a map the points are not checked against the domain (the map decides where they go; clamp there
    /// if the unknowns can carry them out), and derivatives in <see cref="Measure"/> are taken by autograd.
    /// </summary>
    public Func<Coords, Tensor>? Locate { get; init; }
}
