namespace PdeKit.Geometry;

/// <summary>
/// The boundary of a CSG result from its two operands' boundaries: every piece of either operand is
/// split where the other operand's boundary crosses it, and each sub-piece is kept when the result
/// lies on exactly one side of it (probing a small step along the normal both ways). It is reversed
/// when the result lies on its right (the subtracted part of a difference, whose normals flip). A
/// piece of the second operand that coincides with one of the first is dropped, so shared boundary
/// is counted once and sampling by length stays uniform.
/// </summary>
internal static class BoundaryTrimmer
{
    /// <summary>Distance tolerance relative to the operands' size.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>Probe step off the boundary relative to the operands' size.</summary>
    public const double RelativeProbe = 1e-7;

    public static BoundaryPiece[] Trim(Region2D result, Region2D first, Region2D second)
    {
        double scale = first.Bounds.Hull(second.Bounds).Scale;
        double tol = RelativeTolerance * scale, probe = RelativeProbe * scale;
        var output = new List<BoundaryPiece>();
        foreach (var (piece, fromSecond) in first.Boundary.Select(p => (p, false)).Concat(second.Boundary.Select(p => (p, true))))
        {
            var others = fromSecond ? first.Boundary : second.Boundary;
            var cuts = new List<double>();
            foreach (var q in others) PieceIntersections.AddSplitParameters(piece, q, tol, cuts);
            var bounds = Deduplicate(cuts, tol / piece.Length);
            var runs = new List<(double S0, double S1, int Sign)>();
            for (int k = 0; k + 1 < bounds.Count; k++)
            {
                double s0 = bounds[k], s1 = bounds[k + 1], mid = (s0 + s1) / 2;
                int sign = Classify(result, piece, mid, probe);
                if (sign != 0 && fromSecond)
                {
                    var (mx, my) = piece.PointAt(mid);
                    if (first.Boundary.Any(q => q.DistanceTo(mx, my) <= tol)) sign = 0;
                }
                if (sign == 0) continue;
                if (runs.Count > 0 && runs[^1].S1 == s0 && runs[^1].Sign == sign) runs[^1] = (runs[^1].S0, s1, sign);
                else runs.Add((s0, s1, sign));
            }
            if (piece is CircularArc { IsFullCircle: true } && runs.Count >= 2 && runs[0].S0 == 0 && runs[^1].S1 == 1 && runs[0].Sign == runs[^1].Sign)
            {
                runs[0] = (runs[^1].S0, runs[0].S1 + 1, runs[0].Sign);
                runs.RemoveAt(runs.Count - 1);
            }
            foreach (var (s0, s1, sign) in runs)
            {
                var kept = s0 == 0 && s1 == 1 ? piece : piece.Slice(s0, s1);
                output.Add(sign > 0 ? kept : kept.Reversed());
            }
        }
        return [.. MergeContinuations(output, tol)];
    }

    /// <summary>
    /// Joins pieces that continue one another (collinear segments, arcs of one circle, end to start, same
    /// direction and part name), so that no artificial vertex is left where, for example, two operands
    /// share a straight side: distance functions lose their normalisation at vertices.
    /// </summary>
    private static List<BoundaryPiece> MergeContinuations(List<BoundaryPiece> pieces, double tol)
    {
        bool merged = true;
        while (merged)
        {
            merged = false;
            for (int i = 0; i < pieces.Count && !merged; i++)
                for (int j = 0; j < pieces.Count && !merged; j++)
                {
                    if (i == j || pieces[i].Name != pieces[j].Name) continue;
                    var joined = Join(pieces[i], pieces[j], tol);
                    if (joined is null) continue;
                    pieces[i] = joined;
                    pieces.RemoveAt(j);
                    merged = true;
                }
        }
        return pieces;
    }

    /// <summary>a followed by b as one piece, or null when b does not continue a.</summary>
    private static BoundaryPiece? Join(BoundaryPiece a, BoundaryPiece b, double tol)
    {
        var (ex, ey) = a.End;
        var (sx, sy) = b.Start;
        if (Math.Abs(ex - sx) > tol || Math.Abs(ey - sy) > tol) return null;
        switch (a, b)
        {
            case (LineSegment p, LineSegment q):
                var (pnx, pny) = p.NormalAt(0);
                var (qnx, qny) = q.NormalAt(0);
                return Math.Abs(pnx * qny - pny * qnx) <= 1e-12 && pnx * qnx + pny * qny > 0 ? new LineSegment(p.X0, p.Y0, q.X1, q.Y1, p.Name) : null;
            case (CircularArc p, CircularArc q):
                bool sameCircle = Math.Abs(p.Cx - q.Cx) <= tol && Math.Abs(p.Cy - q.Cy) <= tol && Math.Abs(p.Radius - q.Radius) <= tol;
                if (!sameCircle || Math.Sign(p.Sweep) != Math.Sign(q.Sweep) || Math.Abs(p.Sweep + q.Sweep) > 2 * Math.PI * (1 + 1e-12)) return null;
                return new CircularArc(p.Cx, p.Cy, p.Radius, p.StartAngle, p.Sweep + q.Sweep, p.Name);
            default:
                return null;
        }
    }

    /// <summary>0, the sorted cuts at least <paramref name="margin"/> apart, 1.</summary>
    private static List<double> Deduplicate(List<double> cuts, double margin)
    {
        cuts.Sort();
        var result = new List<double> { 0 };
        foreach (var c in cuts)
            if (c - result[^1] > margin && 1 - c > margin) result.Add(c);
        result.Add(1);
        return result;
    }

    /// <summary>+1: the result is on the piece's left only; -1: on its right only; 0: on both sides or neither.</summary>
    private static int Classify(Region2D result, BoundaryPiece piece, double s, double probe)
    {
        var (x, y) = piece.PointAt(s);
        var (nx, ny) = piece.NormalAt(s);
        bool outward = result.Contains(x + probe * nx, y + probe * ny);
        bool inward = result.Contains(x - probe * nx, y - probe * ny);
        return inward == outward ? 0 : inward ? 1 : -1;
    }
}
