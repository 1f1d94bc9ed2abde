namespace PdeKit.Numerics.Reservoir;

/// <summary>A boundary condition on one side of the rectangle of <see cref="Diffusivity2DFdSolver"/>.</summary>
public sealed class Diffusivity2DBoundary
{
    private Diffusivity2DBoundary(bool isDirichlet, double value)
    {
        IsDirichlet = isDirichlet;
        Value = value;
    }

    /// <summary>No flow through the side (homogeneous Neumann, a sealing boundary).</summary>
    public static Diffusivity2DBoundary NoFlow { get; } = new(false, 0);

    /// <summary>A fixed pressure on the side.</summary>
    /// <param name="value">The pressure, finite.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentOutOfRangeException">value is not finite.</exception>
    public static Diffusivity2DBoundary Dirichlet(double value) => double.IsFinite(value)
        ? new(true, value)
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"A Dirichlet value must be finite, got {value}.");

    /// <summary>True for a fixed pressure, false for no flow.</summary>
    public bool IsDirichlet { get; }

    /// <summary>The fixed pressure (0 for no flow).</summary>
    public double Value { get; }

    /// <inheritdoc/>
    public override string ToString() => IsDirichlet ? $"Dirichlet({Value})" : "NoFlow";
}
