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
        return [.. output];
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
