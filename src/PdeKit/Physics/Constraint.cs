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

/// <summary>A scalar the training fits along with the network (an inverse problem's unknown, e.g. permeability).</summary>
/// <param name="Name">Name used in the ansatz and residual (<see cref="Coords.Unknown"/>) and logged as unknown_NAME.</param>
/// <param name="Initial">Starting value.</param>
/// <param name="Positive">True: trained as log(value), so it stays positive and moves by factors.</param>
public sealed record Unknown(string Name, double Initial, bool Positive = true);

/// <summary>Measured values of an output at given points: a data loss term (inverse problems, assimilation).</summary>
/// <param name="Name">Loss term name, e.g. "data".</param>
/// <param name="Points">Points in the problem's coordinates, one array of d values each.</param>
/// <param name="Values">Measured values, one per point.</param>
/// <param name="Output">Index of the output field measured.</param>
public sealed record Observation(string Name, double[][] Points, double[] Values, int Output = 0);
