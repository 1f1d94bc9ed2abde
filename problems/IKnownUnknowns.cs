namespace PdeKit.Problems;

/// <summary>
/// A problem whose trainable unknowns have known true values, because its data are synthetic (made by a
/// solver with those values); validation compares the trained unknowns with them.
/// </summary>
public interface IKnownUnknowns
{
    /// <summary>The true value of each unknown, by name.</summary>
    IReadOnlyDictionary<string, double> TrueUnknowns { get; }
}
