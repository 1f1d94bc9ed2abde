namespace PdeKit.Reporting;

/// <summary>A named scalar field for a VTK file: one value per point (or per cell, for cell fields).</summary>
public sealed record VtkField
{
    /// <summary>Creates a field.</summary>
    /// <param name="name">The name ParaView shows, e.g. <c>u</c>; non-empty, without line breaks.</param>
    /// <param name="values">One value per point (or cell); referenced, not copied.</param>
    /// <exception cref="ArgumentException">The name is empty or has a line break.</exception>
    public VtkField(string name, double[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        if (name.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"VTK field name '{name}' contains a line break.", nameof(name));
        }

        Name = name;
        Values = values;
    }

    /// <summary>The field's name.</summary>
    public string Name { get; }

    /// <summary>The values.</summary>
    public double[] Values { get; }

    /// <summary>A field on a structured grid from values indexed <c>[j, i]</c> = [y index, x index], flattened as point <c>j nx + i</c>.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="values">Values of shape [ny, nx].</param>
    /// <returns>The field, its values copied in row order.</returns>
    public static VtkField FromGrid(string name, double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var flat = new double[values.Length];
        int nx = values.GetLength(1);
        for (int j = 0; j < values.GetLength(0); j++)
        {
            for (int i = 0; i < nx; i++)
            {
                flat[(j * nx) + i] = values[j, i];
            }
        }

        return new VtkField(name, flat);
    }
}

/// <summary>How data arrays are stored in a .vtu file.</summary>
public enum VtkEncoding
{
    /// <summary>Base64 inside the XML (<c>format="binary"</c>): exact doubles, NaN-safe, compact. ParaView's usual choice.</summary>
    Base64,

    /// <summary>Plain text numbers (<c>format="ascii"</c>): readable and diffable; shortest round-trip form.</summary>
    Ascii,
}

/// <summary>Settings of the VTK writers.</summary>
public sealed record VtkOptions
{
    /// <summary>How arrays are stored; <see cref="VtkEncoding.Base64"/> by default.</summary>
    public VtkEncoding Encoding { get; init; } = VtkEncoding.Base64;

    /// <summary>
    /// When false (the default), a NaN or infinite value at a point that belongs to a written cell is an error;
    /// inactive grid points (masked out) may always hold NaN.
    /// </summary>
    public bool AllowNonFinite { get; init; }
}
