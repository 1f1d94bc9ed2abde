namespace PdeKit.Numerics.Reservoir;

/// <summary>Argument checks shared by the reservoir solutions; every message names the parameter and its value.</summary>
internal static class Guard
{
    /// <summary>Throws unless the value is finite and strictly positive.</summary>
    public static void Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and positive, got {name} = {value}.");
        }
    }

    /// <summary>Throws unless the value is finite and not negative.</summary>
    public static void NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and non-negative, got {name} = {value}.");
        }
    }

    /// <summary>Throws unless the value is finite.</summary>
    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite, got {name} = {value}.");
        }
    }

    /// <summary>Throws unless the value is at least the given lower bound and finite.</summary>
    public static void AtLeast(double value, double lower, string name)
    {
        if (!double.IsFinite(value) || value < lower)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and at least {lower}, got {name} = {value}.");
        }
    }
}
