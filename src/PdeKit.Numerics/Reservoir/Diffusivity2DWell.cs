namespace PdeKit.Numerics.Reservoir;

/// <summary>
/// A point source of <see cref="Diffusivity2DFdSolver"/>: <paramref name="Rate"/> (volume of c p per unit time,
/// positive = injection, negative = production) put into the cell that holds (X, Y).
/// </summary>
/// <param name="X">x coordinate within the rectangle.</param>
/// <param name="Y">y coordinate within the rectangle.</param>
/// <param name="Rate">Rate, finite.</param>
public sealed record Diffusivity2DWell(double X, double Y, double Rate);
