namespace PdeKit.Physics;

/// <summary>
/// The reference of a problem that has no pointwise field to compare with (a benchmark that publishes scalar
/// quantities only, see <see cref="IBenchmarkQuantities"/>). The evaluator recognises it and skips the field
/// errors (no relative L2 is reported, rather than a made-up one); evaluating it directly throws.
/// </summary>
public sealed class NoFieldReference : IReference
{
    /// <summary>Creates the marker with the reason no field reference exists.</summary>
    /// <param name="reason">Why, e.g. "Schaefer-Turek 2D-1 publishes c_D, c_L and delta-p, not fields".</param>
    /// <exception cref="ArgumentException">An empty reason.</exception>
    public NoFieldReference(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Reason = reason;
    }

    /// <summary>Why the problem has no field reference.</summary>
    public string Reason { get; }

    /// <summary>"none: " and the reason.</summary>
    public string Name => "none: " + Reason;

    /// <summary>Always throws: there are no reference values.</summary>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public double[,] Evaluate(double[][] points) =>
        throw new InvalidOperationException($"there is no field reference ({Reason}); validate with the problem's benchmark quantities instead");
}
