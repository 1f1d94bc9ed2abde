using System.Collections.Concurrent;
using PdeKit.Physics;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Geometry;

/// <summary>
/// The approximate distance function (ADF) of a set of 3D boundary patches, after Sukumar and Srivastava
/// (CMAME 389, 2022): per patch the trimmed construction phi = sqrt(f^2 + ((sqrt(t^2 + f^4) - t) / 2)^2), with f the
/// signed distance to the supporting plane, sphere or cylinder ((R^2 - |x - c|^2) / (2 R) for the curved ones, first
/// order normalised) and t a trimming function non-negative exactly on the patch: for a box face the R0 conjunction
/// of its four in-plane half-space distances, for a disk (R^2 - rho^2) / (2 R), for a cylinder side its two axial
/// half-spaces, and for a patch a CSG operation cut out of its surface also the signed implicit function of the
/// other operand. A whole sphere needs no trimming: phi = |f|. Patches are joined by R-equivalence of order m.
/// phi is zero exactly on the patches, positive elsewhere, and its normal derivative is 1 on them away from edges.
/// </summary>
/// <remarks>
/// As in 2D, within a thin band (1e-6 of the geometry's size) on the inner side of a patch phi is f itself, so
/// autograd at sampled boundary points gives the inward unit normal as gradient whatever side rounding put them.
/// Build the ADF from the Dirichlet parts only (<see cref="Region3D.DistanceFunction"/> with part names) when other
/// parts carry soft conditions. A CSG patch's trim sees only the other operand's implicit function, which is zero on
/// that operand's boundary: where operands share surface (coplanar overlapping faces) sampling counts it once, but
/// the ADF may also vanish on the shared part inside; let cut-outs reach past the surfaces they would share, as the
/// 2D L-shape does. Normalised ADFs have second derivatives that grow like 1/r toward edges where patches meet, which
/// the residual of a second-order PDE sees through phi N; a smooth non-normalised factor (a product for a box) trains
/// better there when only Dirichlet data are imposed (see the poisson-cube-hole problem).
/// </remarks>
public sealed class DistanceFunction3D
{
    private readonly double band;
    private readonly SurfacePatch[] single;
    private readonly double[][] rectangles;
    private readonly ConcurrentDictionary<(DeviceType, int, ScalarType), Tensor[]> cache = new();

    /// <summary>Creates the ADF of <paramref name="patches"/>.</summary>
    /// <param name="patches">Boundary patches with outward normals.</param>
    /// <param name="m">R-equivalence order, 1 or 2.</param>
    /// <exception cref="ArgumentException">No patches, or m outside {1, 2}.</exception>
    public DistanceFunction3D(IEnumerable<SurfacePatch> patches, int m = 1)
    {
        ArgumentNullException.ThrowIfNull(patches);
        DistanceFunctions.CheckOrder(m);
        Patches = patches.ToArray();
        if (Patches.Count == 0) throw new ArgumentException("a distance function needs at least one boundary patch", nameof(patches));
        M = m;
        Scale = Patches.Select(p => p.Surface.Bounds).Aggregate((a, b) => a.Hull(b)).Scale;
        band = DistanceFunctions.RelativeBand * Scale;
        // Untrimmed axis-aligned rectangles (box faces) are evaluated together, one column each: a few kernels for
        // all of them instead of a few per face, which matters when small networks are bound by kernel launches.
        var faces = Patches.Where(p => !p.IsTrimmed && p.Surface is PlaneRectangle).Select(p => (PlaneRectangle)p.Surface).ToArray();
        single = Patches.Where(p => p.IsTrimmed || p.Surface is not PlaneRectangle).ToArray();
        var rows = faces.Select(r =>
        {
            var (ea, eb) = Surface.Others(r.NormalAxis);
            var n = Surface.Assemble(r.NormalAxis, r.Side, 0, 0);
            var a = Surface.Assemble(ea, 1, 0, 0);
            var b = Surface.Assemble(eb, 1, 0, 0);
            return new[] { n.X, n.Y, n.Z, r.Side * r.At, a.X, a.Y, a.Z, r.A.Min, r.A.Max, b.X, b.Y, b.Z, r.B.Min, r.B.Max };
        }).ToList();
        rectangles = Enumerable.Range(0, 14).Select(j => rows.Select(r => r[j]).ToArray()).ToArray();
    }

    /// <summary>The patches.</summary>
    public IReadOnlyList<SurfacePatch> Patches { get; }

    /// <summary>The R-equivalence order m.</summary>
    public int M { get; }

    /// <summary>Size of the patches' bounding box.</summary>
    public double Scale { get; }

    /// <summary>phi at the points.</summary>
    /// <param name="x">x coordinates, [N, 1].</param>
    /// <param name="y">y coordinates, [N, 1], same dtype and device.</param>
    /// <param name="z">z coordinates, [N, 1], same dtype and device.</param>
    /// <returns>phi, [N, 1].</returns>
    /// <exception cref="ArgumentException">The shapes are not [N, 1] alike.</exception>
    public Tensor Evaluate(Tensor x, Tensor y, Tensor z)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        if (x.dim() != 2 || x.shape[1] != 1 || !x.shape.SequenceEqual(y.shape) || !x.shape.SequenceEqual(z.shape))
            throw new ArgumentException($"x, y and z must all have shape [N, 1]; got [{string.Join(", ", x.shape)}], [{string.Join(", ", y.shape)}] and [{string.Join(", ", z.shape)}]", nameof(z));
        var columns = new List<Tensor>(single.Length + 1);
        if (rectangles[0].Length > 0)
        {
            var p = Parameters(x);
            var f = p[3] - (x * p[0] + y * p[1] + z * p[2]);
            var a = x * p[4] + y * p[5] + z * p[6];
            var b = x * p[9] + y * p[10] + z * p[11];
            var t = Surface.Conjunction(Surface.Conjunction(a - p[7], p[8] - a), Surface.Conjunction(b - p[12], p[13] - b));
            columns.Add(DistanceFunctions.Trimmed(f, t, band));
        }
        foreach (var patch in single)
        {
            var surface = patch.Surface;
            var f = surface.SignedDistance(x, y, z);
            var t = surface.Trimming(x, y, z);
            foreach (var trim in patch.Trims)
            {
                var cut = trim.Sign * trim.Other.Implicit(x, y, z);
                t = t is null ? cut : Surface.Conjunction(t, cut);
            }
            columns.Add(t is null ? DistanceFunctions.FullCircle(f, band) : DistanceFunctions.Trimmed(f, t, band));
        }
        return DistanceFunctions.REquivalenceColumns(columns.Count == 1 ? columns[0] : cat(columns, 1), M);
    }

    /// <summary>phi at the points of <paramref name="c"/> (its x, y and z columns), [N, 1].</summary>
    /// <param name="c">Coordinates with axes x, y and z, [N, d].</param>
    public Tensor Evaluate(Coords c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Evaluate(c.X, c.Y, c.Z);
    }

    /// <summary>phi at points given as arrays (float64 on the CPU), for checks and plots.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public double[] Evaluate(double[] x, double[] y, double[] z)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        if (x.Length != y.Length || x.Length != z.Length) throw new ArgumentException($"x, y and z must have the same length (got {x.Length}, {y.Length}, {z.Length})", nameof(z));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var phi = Evaluate(tensor(x).reshape(-1, 1), tensor(y).reshape(-1, 1), tensor(z).reshape(-1, 1));
        return phi.reshape(-1).data<double>().ToArray();
    }

    private Tensor[] Parameters(Tensor like) => cache.GetOrAdd((like.device_type, like.device_index, like.dtype), _ =>
        rectangles.Select(column => tensor(column, dtype: ScalarType.Float64).reshape(1, -1).to(like.dtype).to(like.device).DetachFromDisposeScope()).ToArray());

    /// <summary>The Dirichlet ansatz u = g + phi N: u equals g exactly on the patches.</summary>
    /// <param name="c">Coordinates with axes x, y and z, [N, d].</param>
    /// <param name="net">Free network output N, [N, k].</param>
    /// <param name="boundaryValue">g, a smooth extension of the Dirichlet data, broadcastable to [N, k]; null for g = 0.</param>
    /// <returns>u, [N, k].</returns>
    public Tensor Impose(Coords c, Tensor net, Tensor? boundaryValue = null)
    {
        ArgumentNullException.ThrowIfNull(net);
        var phiN = Evaluate(c) * net;
        return boundaryValue is null ? phiN : boundaryValue + phiN;
    }
}
