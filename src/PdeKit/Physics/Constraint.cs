using static TorchSharp.torch;

namespace PdeKit.Physics;

/// <summary>
/// A soft constraint: a residual enforced by its own loss term on points of a face of the domain
/// (initial or boundary data that an ansatz cannot impose exactly, e.g. non-smooth initial data on a
/// periodic axis). Hard constraints in <see cref="IProblem.Ansatz"/> are preferred where they fit.
/// </summary>
/// <param name="Name">Loss term name, e.g. "initial".</param>
/// <param name="Axis">The axis the face is normal to, e.g. "t".</param>
/// <param name="Upper">False: the face at the axis minimum (t = t_min for initial data); true: at the maximum.</param>
/// <param name="Points">Number of points drawn on the face.</param>
/// <param name="Residual">The residual on the face [N, k] (zero when the data hold).</param>
public sealed record Constraint(string Name, string Axis, bool Upper, int Points, Func<Coords, Solution, Tensor> Residual);
