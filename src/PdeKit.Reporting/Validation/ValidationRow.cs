namespace PdeKit.Reporting.Validation;

/// <summary>The verdict of one row of a validation.</summary>
public enum ValidationStatus
{
    /// <summary>The value meets its tolerance.</summary>
    Pass,

    /// <summary>The value misses its tolerance.</summary>
    Fail,

    /// <summary>Recorded for information; no tolerance applies.</summary>
    Info,

    /// <summary>The case could not be computed (the message says why); counts as a failure.</summary>
    Error,
}

/// <summary>How a tolerance applies to a value.</summary>
public enum Comparison
{
    /// <summary>Pass when value &lt;= tolerance (errors, misfits).</summary>
    AtMost,

    /// <summary>Pass when |value - reference| / |reference| &lt;= tolerance.</summary>
    Relative,

    /// <summary>Pass when |value - reference| &lt;= tolerance.</summary>
    Absolute,
}

/// <summary>One line of results.csv: a measured value, what it is compared with, and the verdict.</summary>
/// <param name="Case">Case name from the suite (or the case a measurement belongs to).</param>
/// <param name="Method">What produced the value, e.g. "PINN (quick)", "finite difference", "Cole-Hopf".</param>
/// <param name="Metric">Metric name, e.g. "rel_l2:u", "p_wD(t_D=40)".</param>
/// <param name="Value">The measured value (NaN when the case failed to run).</param>
/// <param name="Reference">The reference value it is compared with, if any.</param>
/// <param name="Tolerance">The tolerance, if the row is gated.</param>
/// <param name="Comparison">How the tolerance applies.</param>
/// <param name="Status">The verdict.</param>
/// <param name="TimeSeconds">Seconds the case took to compute.</param>
/// <param name="Device">Where it ran: "cpu", "cuda", or a GPU's name.</param>
/// <param name="Commit">Git commit of the code (short hash, "-dirty" when the tree had changes), or "unknown".</param>
public sealed record ValidationRow(
    string Case, string Method, string Metric, double Value, double? Reference, double? Tolerance, Comparison Comparison,
    ValidationStatus Status, double TimeSeconds, string Device, string Commit)
{
    /// <summary>Where the reference comes from, or why the case failed.</summary>
    public string Note { get; init; } = "";

    /// <summary>True for a gated row (pass, fail or error); false for information.</summary>
    public bool Gated => Status != ValidationStatus.Info;

    /// <summary>The verdict for <paramref name="value"/> against <paramref name="tolerance"/>.</summary>
    public static ValidationStatus Judge(double value, double? reference, double tolerance, Comparison comparison)
    {
        if (!double.IsFinite(value)) return ValidationStatus.Fail;
        double measure = Deviation(value, reference, comparison);
        return measure <= tolerance ? ValidationStatus.Pass : ValidationStatus.Fail;
    }

    /// <summary>
    /// What the tolerance is compared with: the value itself (<see cref="Comparison.AtMost"/>), or its relative or
    /// absolute deviation from the reference.
    /// </summary>
    /// <exception cref="ArgumentException">A relative or absolute comparison without a reference.</exception>
    public static double Deviation(double value, double? reference, Comparison comparison) => comparison switch
    {
        Comparison.AtMost => value,
        Comparison.Relative => reference is { } r ? Math.Abs(value - r) / Math.Abs(r)
            : throw new ArgumentException("a relative comparison needs a reference value", nameof(reference)),
        Comparison.Absolute => reference is { } r ? Math.Abs(value - r)
            : throw new ArgumentException("an absolute comparison needs a reference value", nameof(reference)),
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };
}
