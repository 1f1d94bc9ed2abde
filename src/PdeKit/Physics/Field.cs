namespace PdeKit.Physics;

/// <summary>A named output of a problem (a scalar field such as u, p or a velocity component).</summary>
/// <param name="Name">The field's name, used in CSV columns and loss-term names.</param>
public sealed record Field(string Name)
{
    /// <summary>Creates a scalar field.</summary>
    /// <exception cref="ArgumentException">The name is empty or not a plain identifier.</exception>
    public static Field Scalar(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
            throw new ArgumentException($"field name '{name}' must be a non-empty identifier (letters, digits, _)", nameof(name));
        return new Field(name);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
