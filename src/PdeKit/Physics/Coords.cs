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

    /// <summary>Outward unit normals (nx, ny), shape [N, 2], or (nx, ny, nz), [N, 3], at points on a region's boundary; null elsewhere.</summary>
    public Tensor? Normals { get; init; }

    /// <summary>Values of the problem's trainable unknowns (scalar tensors with gradients), set by the model.</summary>
    public IReadOnlyDictionary<string, Tensor> Unknowns { get; init; } = new Dictionary<string, Tensor>();

    /// <summary>The trainable unknown <paramref name="name"/> (a scalar tensor), for ansatz and residual.</summary>
    /// <exception cref="ArgumentException">The problem declares no such unknown.</exception>
    public Tensor Unknown(string name) => Unknowns.TryGetValue(name, out var u) ? u
        : throw new ArgumentException($"no unknown named '{name}' (declared: {(Unknowns.Count == 0 ? "none" : string.Join(", ", Unknowns.Keys))}); list it in the problem's Unknowns");
}
