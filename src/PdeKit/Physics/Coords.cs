using static TorchSharp.torch;

namespace PdeKit.Physics;

/// <summary>
/// Coordinates of a batch of points: the tensor <see cref="Points"/> of shape [N, d] (column order of
/// <see cref="Domain.Axes"/>) and its columns by axis name, each of shape [N, 1].
/// </summary>
public sealed class Coords
{
    private readonly Tensor[] columns;

    /// <summary>Wraps points of shape [N, d] for <paramref name="domain"/>.</summary>
    /// <exception cref="ArgumentException">The tensor is not 2D with d columns.</exception>
    public Coords(Tensor points, Domain domain)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(domain);
        if (points.dim() != 2 || points.shape[1] != domain.Dimension)
            throw new ArgumentException($"coordinates must have shape [N, {domain.Dimension}] for {domain}; got [{string.Join(", ", points.shape)}]", nameof(points));
        Points = points;
        Domain = domain;
        columns = new Tensor[domain.Dimension];
        for (int i = 0; i < columns.Length; i++) columns[i] = points[.., i..(i + 1)];
    }

    /// <summary>The points, shape [N, d].</summary>
    public Tensor Points { get; }

    /// <summary>The domain the points belong to.</summary>
    public Domain Domain { get; }

    /// <summary>Number of points N.</summary>
    public long Count => Points.shape[0];

    /// <summary>Column of the named axis, shape [N, 1].</summary>
    public Tensor this[string axis] => columns[Domain.IndexOf(axis)];

    /// <summary>Column by index, shape [N, 1].</summary>
    public Tensor Column(int index) => columns[index];

    /// <summary>x coordinate, shape [N, 1].</summary>
    public Tensor X => this["x"];

    /// <summary>y coordinate, shape [N, 1].</summary>
    public Tensor Y => this["y"];

    /// <summary>z coordinate, shape [N, 1].</summary>
    public Tensor Z => this["z"];

    /// <summary>Time, shape [N, 1].</summary>
    public Tensor T => this["t"];
}
