using System.Collections.Concurrent;
using PdeKit.Physics;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Geometry;

/// <summary>
/// The approximate distance function (ADF) of a set of boundary pieces: the trimmed ADF of every
/// segment and arc (see <see cref="DistanceFunctions"/>; Sukumar and Srivastava 2022), joined by
/// R-equivalence of order m. It is zero exactly on the pieces, positive inside the region and
/// normalised to first order (unit normal derivative) away from vertices. Evaluation is vectorised over
/// the pieces, so a mesh boundary with many segments costs a few kernels, not a few per segment.
/// </summary>
/// <remarks>
/// Dirichlet data by the ansatz u = g + phi N: when the Dirichlet value g is known as a smooth
/// function on the whole domain (an exact solution, or any extension of the boundary data), then
/// <c>Impose(c, net, g(c))</c> holds u = g on the pieces exactly and leaves N free everywhere else.
/// Build the ADF from the Dirichlet parts only (<see cref="Region2D.DistanceFunction"/> with part
/// names) when other parts carry Neumann or Robin conditions as soft loss terms.
/// </remarks>
public sealed class DistanceFunction
{
    private readonly double[][] segments, arcs, circles;
    private readonly double band;
    private readonly ConcurrentDictionary<(DeviceType, int, ScalarType), Tensor[]> cache = new();

    /// <summary>Creates the ADF of <paramref name="pieces"/>.</summary>
    /// <param name="pieces">Boundary pieces; oriented with the region on their left when <paramref name="oriented"/>.</param>
    /// <param name="m">R-equivalence order, 1 or 2.</param>
    /// <param name="oriented">
    /// True (region boundaries): at points on a piece, autograd gives the inward normal as gradient. False
    /// (segments of unknown orientation): values are the same; the gradient exactly on a piece is zero.
    /// </param>
    /// <exception cref="ArgumentException">No pieces, an unsupported piece type, or m outside {1, 2}.</exception>
    public DistanceFunction(IEnumerable<BoundaryPiece> pieces, int m = 1, bool oriented = true)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        DistanceFunctions.CheckOrder(m);
        Pieces = pieces.ToArray();
        if (Pieces.Count == 0) throw new ArgumentException("a distance function needs at least one boundary piece", nameof(pieces));
        M = m;
        var seg = new List<double[]>();
        var arc = new List<double[]>();
        var circle = new List<double[]>();
        foreach (var p in Pieces)
        {
            switch (p)
            {
                case LineSegment s:
                    seg.Add([s.X0, s.Y0, (s.X1 - s.X0) / s.Length, (s.Y1 - s.Y0) / s.Length, (s.X0 + s.X1) / 2, (s.Y0 + s.Y1) / 2, s.Length]);
                    break;
                case CircularArc { IsFullCircle: true } c:
                    circle.Add([c.Cx, c.Cy, c.Radius, Math.Sign(c.Sweep)]);
                    break;
                case CircularArc a:
                    var (sx, sy) = a.PointAt(0);
                    var (ex, ey) = a.PointAt(1);
                    var (mx, my) = a.PointAt(0.5);
                    double ax = mx - (sx + ex) / 2, ay = my - (sy + ey) / 2, norm = Math.Sqrt(ax * ax + ay * ay);
                    arc.Add([a.Cx, a.Cy, a.Radius, Math.Sign(a.Sweep), sx, sy, ax / norm, ay / norm]);
                    break;
                default:
                    throw new ArgumentException($"no distance function for boundary pieces of type {p.GetType().Name}", nameof(pieces));
            }
        }
        segments = Transpose(seg, 7);
        arcs = Transpose(arc, 8);
        circles = Transpose(circle, 4);
        Scale = Pieces.Select(p => p.Bounds).Aggregate((a, b) => a.Hull(b)).Scale;
        if (!(Scale > 0)) Scale = Pieces.Max(p => p.Length);
        band = oriented ? DistanceFunctions.RelativeBand * Scale : 0;
    }

    /// <summary>The ADF of line segments, each (X0, Y0, X1, Y1), e.g. a mesh boundary.</summary>
    /// <param name="segments">The segments; for <paramref name="oriented"/>, with the domain on their left.</param>
    /// <param name="m">R-equivalence order, 1 or 2.</param>
    /// <param name="oriented">Whether the segments are oriented (see the constructor).</param>
    /// <exception cref="ArgumentException">No segments, a zero-length or non-finite segment, or m outside {1, 2}.</exception>
    public static DistanceFunction FromSegments(IEnumerable<(double X0, double Y0, double X1, double Y1)> segments, int m = 1, bool oriented = false)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return new DistanceFunction(segments.Select(s => new LineSegment(s.X0, s.Y0, s.X1, s.Y1)).ToArray(), m, oriented);
    }

    /// <summary>The pieces.</summary>
    public IReadOnlyList<BoundaryPiece> Pieces { get; }

    /// <summary>The R-equivalence order m.</summary>
    public int M { get; }

    /// <summary>Size of the pieces' bounding box (the band next to oriented pieces is relative to it).</summary>
    public double Scale { get; }

    /// <summary>phi at the points.</summary>
    /// <param name="x">x coordinates, [N, 1].</param>
    /// <param name="y">y coordinates, [N, 1], same dtype and device as <paramref name="x"/>.</param>
    /// <returns>phi, [N, 1].</returns>
    /// <exception cref="ArgumentException">The shapes are not [N, 1] alike.</exception>
    public Tensor Evaluate(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.dim() != 2 || x.shape[1] != 1 || !x.shape.SequenceEqual(y.shape))
            throw new ArgumentException($"x and y must both have shape [N, 1]; got [{string.Join(", ", x.shape)}] and [{string.Join(", ", y.shape)}]", nameof(y));
        var p = Parameters(x);
        var columns = new List<Tensor>(3);
        int k = 0;
        if (segments[0].Length > 0)
        {
            var (x0, y0, ux, uy, xm, ym, len) = (p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
            var f = (y - y0) * ux - (x - x0) * uy;
            var t = (0.25 * len.square() - (x - xm).square() - (y - ym).square()) / len;
            columns.Add(DistanceFunctions.Trimmed(f, t, band));
        }
        k += 7;
        if (arcs[0].Length > 0)
        {
            var (cx, cy, r, sign, sx, sy, ax, ay) = (p[k], p[k + 1], p[k + 2], p[k + 3], p[k + 4], p[k + 5], p[k + 6], p[k + 7]);
            var f = sign * (r.square() - (x - cx).square() - (y - cy).square()) / (2 * r);
            var t = (x - sx) * ax + (y - sy) * ay;
            columns.Add(DistanceFunctions.Trimmed(f, t, band));
        }
        k += 8;
        if (circles[0].Length > 0)
        {
            var (cx, cy, r, sign) = (p[k], p[k + 1], p[k + 2], p[k + 3]);
            var f = sign * (r.square() - (x - cx).square() - (y - cy).square()) / (2 * r);
            columns.Add(DistanceFunctions.FullCircle(f, band));
        }
        var all = columns.Count == 1 ? columns[0] : cat(columns, 1);
        return DistanceFunctions.REquivalenceColumns(all, M);
    }

    /// <summary>phi at the points of <paramref name="c"/> (its x and y columns), [N, 1].</summary>
    /// <param name="c">Coordinates with axes x and y, [N, d].</param>
    public Tensor Evaluate(Coords c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Evaluate(c.X, c.Y);
    }

    /// <summary>phi at points given as arrays (float64 on the CPU), for checks and plots.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public double[] Evaluate(double[] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length) throw new ArgumentException($"x has {x.Length} values and y {y.Length}", nameof(y));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var phi = Evaluate(tensor(x).reshape(-1, 1), tensor(y).reshape(-1, 1));
        return phi.reshape(-1).data<double>().ToArray();
    }

    /// <summary>The Dirichlet ansatz u = g + phi N: u equals g exactly on the pieces.</summary>
    /// <param name="c">Coordinates with axes x and y, [N, d].</param>
    /// <param name="net">Free network output N, [N, k].</param>
    /// <param name="boundaryValue">g, a smooth extension of the Dirichlet data, broadcastable to [N, k]; null for g = 0.</param>
    /// <returns>u, [N, k].</returns>
    public Tensor Impose(Coords c, Tensor net, Tensor? boundaryValue = null)
    {
        ArgumentNullException.ThrowIfNull(net);
        var phiN = Evaluate(c) * net;
        return boundaryValue is null ? phiN : boundaryValue + phiN;
    }

    private Tensor[] Parameters(Tensor like) => cache.GetOrAdd((like.device_type, like.device_index, like.dtype), _ =>
    {
        var all = new List<Tensor>();
        foreach (var group in new[] { segments, arcs, circles })
            foreach (var column in group)
                all.Add(tensor(column.Length == 0 ? [0.0] : column, dtype: ScalarType.Float64).reshape(1, -1).to(like.dtype).to(like.device).DetachFromDisposeScope());
        return [.. all];
    });

    private static double[][] Transpose(List<double[]> rows, int width)
    {
        var columns = new double[width][];
        for (int j = 0; j < width; j++) columns[j] = rows.Select(r => r[j]).ToArray();
        return columns;
    }
}
