namespace PdeKit.Geometry;

/// <summary>Where two boundary pieces cross, touch or start to overlap: the split points CSG trimming needs.</summary>
internal static class PieceIntersections
{
    /// <summary>
    /// Adds to <paramref name="into"/> the parameters in (0, 1) of <paramref name="p"/> at which
    /// <paramref name="q"/> crosses or touches it, and where a collinear or co-circular overlap starts or ends.
    /// </summary>
    /// <param name="p">The piece to split.</param>
    /// <param name="q">The other piece.</param>
    /// <param name="tol">Absolute distance tolerance.</param>
    /// <param name="into">Receives parameters of <paramref name="p"/>.</param>
    public static void AddSplitParameters(BoundaryPiece p, BoundaryPiece q, double tol, List<double> into)
    {
        if (!Overlap(p.Bounds, q.Bounds, tol)) return;
        foreach (var (x, y) in Candidates(p, q, tol))
        {
            if (p.DistanceTo(x, y) > tol || q.DistanceTo(x, y) > tol) continue;
            double s = p.ParameterOf(x, y);
            double margin = tol / p.Length;
            if (s > margin && s < 1 - margin) into.Add(s);
        }
    }

    private static bool Overlap(BoundingBox2D a, BoundingBox2D b, double tol) =>
        a.XMin <= b.XMax + tol && b.XMin <= a.XMax + tol && a.YMin <= b.YMax + tol && b.YMin <= a.YMax + tol;

    private static IEnumerable<(double X, double Y)> Candidates(BoundaryPiece p, BoundaryPiece q, double tol) => (p, q) switch
    {
        (LineSegment a, LineSegment b) => SegmentSegment(a, b, tol),
        (LineSegment a, CircularArc b) => LineCircle(a, b, tol),
        (CircularArc a, LineSegment b) => LineCircle(b, a, tol),
        (CircularArc a, CircularArc b) => CircleCircle(a, b, tol),
        _ => throw new NotSupportedException($"boundary pieces of type {p.GetType().Name} and {q.GetType().Name} cannot be intersected"),
    };

    private static IEnumerable<(double X, double Y)> SegmentSegment(LineSegment a, LineSegment b, double tol)
    {
        double dax = a.X1 - a.X0, day = a.Y1 - a.Y0, dbx = b.X1 - b.X0, dby = b.Y1 - b.Y0;
        double denom = dax * dby - day * dbx;
        if (Math.Abs(denom) > 1e-12 * a.Length * b.Length)
        {
            double s = ((b.X0 - a.X0) * dby - (b.Y0 - a.Y0) * dbx) / denom;
            return [(a.X0 + s * dax, a.Y0 + s * day)];
        }
        // Parallel: collinear overlaps begin and end at end points.
        return [b.Start, b.End, a.Start, a.End];
    }

    private static IEnumerable<(double X, double Y)> LineCircle(LineSegment a, CircularArc c, double tol)
    {
        double dx = a.X1 - a.X0, dy = a.Y1 - a.Y0, fx = a.X0 - c.Cx, fy = a.Y0 - c.Cy;
        double qa = dx * dx + dy * dy, qb = 2 * (fx * dx + fy * dy), qc = fx * fx + fy * fy - c.Radius * c.Radius;
        double disc = qb * qb - 4 * qa * qc;
        // A tangent line within tolerance touches at the foot of the perpendicular.
        double distToLine = Math.Abs(fx * dy - fy * dx) / Math.Sqrt(qa);
        if (disc < 0 && distToLine > c.Radius + tol) return [];
        double root = Math.Sqrt(Math.Max(disc, 0));
        double s1 = (-qb - root) / (2 * qa), s2 = (-qb + root) / (2 * qa);
        return [a.PointAt(s1), a.PointAt(s2), c.Start, c.End];
    }

    private static IEnumerable<(double X, double Y)> CircleCircle(CircularArc a, CircularArc b, double tol)
    {
        double dx = b.Cx - a.Cx, dy = b.Cy - a.Cy, d = Math.Sqrt(dx * dx + dy * dy);
        if (d <= tol && Math.Abs(a.Radius - b.Radius) <= tol)
            return b.IsFullCircle ? [] : [b.Start, b.End];
        if (d <= tol || d > a.Radius + b.Radius + tol || d < Math.Abs(a.Radius - b.Radius) - tol) return [];
        double along = (a.Radius * a.Radius - b.Radius * b.Radius + d * d) / (2 * d);
        double h = Math.Sqrt(Math.Max(a.Radius * a.Radius - along * along, 0));
        double ex = dx / d, ey = dy / d, mx = a.Cx + along * ex, my = a.Cy + along * ey;
        return [(mx - h * ey, my + h * ex), (mx + h * ey, my - h * ex), b.Start, b.End];
    }
}
