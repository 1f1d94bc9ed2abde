namespace PdeKit.Reporting;

/// <summary>
/// The stream function of a 2-D incompressible velocity field on a node grid (psi_y = u, psi_x = -v), for drawing
/// streamlines as contours of psi; nodes where the velocity is NaN (outside a masked domain) are skipped.
/// </summary>
public static class StreamFunction
{
    /// <summary>
    /// Integrates psi_y = u and psi_x = -v along grid edges with the trapezoidal rule, from psi = 0 at the first finite
    /// node of the bottom row: along the bottom row and up each column until a masked node, then along the top row and
    /// down each column to its masked part (so the nodes above a hole, e.g. a cylinder in a channel, are reached from
    /// the top wall), then any node left from a known neighbour. For a divergence-free field the result is
    /// path-independent up to the quadrature error (exact for velocities linear in x and y). Nodes with NaN velocity,
    /// and finite nodes not connected to the first one, are NaN.
    /// </summary>
    /// <param name="x">Node abscissae, strictly increasing, at least 2.</param>
    /// <param name="y">Node ordinates, strictly increasing, at least 2.</param>
    /// <param name="u">x velocity, [y.Length, x.Length].</param>
    /// <param name="v">y velocity, same shape.</param>
    /// <returns>psi, [y.Length, x.Length].</returns>
    /// <exception cref="ArgumentException">Too few nodes, unsorted axes or mismatched shapes.</exception>
    public static double[,] FromVelocity(double[] x, double[] y, double[,] u, double[,] v)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        if (x.Length < 2 || y.Length < 2) throw new ArgumentException($"a stream function needs at least 2 x 2 nodes, got {x.Length} x {y.Length}", nameof(x));
        for (int i = 1; i < x.Length; i++)
            if (!(x[i] > x[i - 1])) throw new ArgumentException($"x must be strictly increasing (x[{i - 1}] = {x[i - 1]}, x[{i}] = {x[i]})", nameof(x));
        for (int j = 1; j < y.Length; j++)
            if (!(y[j] > y[j - 1])) throw new ArgumentException($"y must be strictly increasing (y[{j - 1}] = {y[j - 1]}, y[{j}] = {y[j]})", nameof(y));
        int nx = x.Length, ny = y.Length;
        foreach (var (a, name) in new[] { (u, nameof(u)), (v, nameof(v)) })
            if (a.GetLength(0) != ny || a.GetLength(1) != nx)
                throw new ArgumentException($"{name} has shape [{a.GetLength(0)}, {a.GetLength(1)}] but must be [y.Length, x.Length] = [{ny}, {nx}]", name);

        var psi = new double[ny, nx];
        var known = new bool[ny, nx];
        bool Finite(int j, int i) => double.IsFinite(u[j, i]) && double.IsFinite(v[j, i]);
        double FromBelow(int j, int i) => psi[j - 1, i] + 0.5 * (u[j - 1, i] + u[j, i]) * (y[j] - y[j - 1]);
        double FromAbove(int j, int i) => psi[j + 1, i] - 0.5 * (u[j + 1, i] + u[j, i]) * (y[j + 1] - y[j]);
        double FromLeft(int j, int i) => psi[j, i - 1] - 0.5 * (v[j, i - 1] + v[j, i]) * (x[i] - x[i - 1]);
        double FromRight(int j, int i) => psi[j, i + 1] + 0.5 * (v[j, i + 1] + v[j, i]) * (x[i + 1] - x[i]);
        void Set(int j, int i, double value)
        {
            psi[j, i] = value;
            known[j, i] = true;
        }

        // 1. Along the bottom row and up each column until its first masked node.
        bool started = false;
        for (int i = 0; i < nx; i++)
            for (int j = 0; j < ny && Finite(j, i); j++)
            {
                if (j > 0 && known[j - 1, i]) Set(j, i, FromBelow(j, i));
                else if (j == 0 && i > 0 && known[0, i - 1]) Set(j, i, FromLeft(j, i));
                else if (!started) Set(j, i, 0);
                else break;
                started = true;
            }

        // 2. Along the top row, then down each column to its masked part: nodes above a hole are reached from the top wall,
        //    not by long paths through the interior (whose error a slightly divergent velocity would accumulate).
        for (int i = 1; i < nx; i++)
            if (!known[ny - 1, i] && Finite(ny - 1, i) && known[ny - 1, i - 1]) Set(ny - 1, i, FromLeft(ny - 1, i));
        for (int i = 0; i < nx; i++)
            for (int j = ny - 2; j >= 0 && Finite(j, i) && known[j + 1, i] && !known[j, i]; j--) Set(j, i, FromAbove(j, i));

        // 3. Whatever is left (other masks): from any known neighbour, below, left, above, right in that order.
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = 0; i < nx; i++)
            {
                for (int j = 0; j < ny; j++)
                {
                    if (known[j, i] || !Finite(j, i)) continue;
                    if (j > 0 && known[j - 1, i]) Set(j, i, FromBelow(j, i));
                    else if (i > 0 && known[j, i - 1]) Set(j, i, FromLeft(j, i));
                    else if (j < ny - 1 && known[j + 1, i]) Set(j, i, FromAbove(j, i));
                    else if (i < nx - 1 && known[j, i + 1]) Set(j, i, FromRight(j, i));
                    else if (!started) Set(j, i, 0);
                    else continue;
                    started = true;
                    changed = true;
                }
            }
        }

        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
                if (!known[j, i]) psi[j, i] = double.NaN;
        return psi;
    }

    /// <summary>
    /// A copy of <paramref name="values"/> with its NaN nodes filled by a discrete harmonic extension of the finite ones
    /// (Gauss-Seidel on the 5-point average), so that contour lines can be traced across masked holes; a hole bounded
    /// by one streamline (a no-slip body) fills with about that streamline's value. Drawn over a masked heatmap, the
    /// filled part stays blank.
    /// </summary>
    /// <param name="values">Values [ny, nx] with NaN at the masked nodes; at least one finite value.</param>
    /// <param name="sweeps">Gauss-Seidel sweeps, at least 1.</param>
    /// <exception cref="ArgumentException">No finite value, or fewer than one sweep.</exception>
    public static double[,] FillMasked(double[,] values, int sweeps = 500)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (sweeps < 1) throw new ArgumentException($"give at least one sweep (got {sweeps})", nameof(sweeps));
        int ny = values.GetLength(0), nx = values.GetLength(1);
        var finite = values.Cast<double>().Where(double.IsFinite).ToArray();
        if (finite.Length == 0) throw new ArgumentException("the field has no finite value to extend", nameof(values));
        var filled = (double[,])values.Clone();
        var holes = new List<(int J, int I)>();
        double mean = finite.Average();
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
                if (!double.IsFinite(values[j, i]))
                {
                    holes.Add((j, i));
                    filled[j, i] = mean;
                }

        for (int s = 0; s < sweeps && holes.Count > 0; s++)
        {
            foreach (var (j, i) in holes)
            {
                double sum = 0;
                int n = 0;
                if (j > 0) { sum += filled[j - 1, i]; n++; }
                if (j < ny - 1) { sum += filled[j + 1, i]; n++; }
                if (i > 0) { sum += filled[j, i - 1]; n++; }
                if (i < nx - 1) { sum += filled[j, i + 1]; n++; }
                if (n > 0) filled[j, i] = sum / n;
            }
        }

        return filled;
    }

    /// <summary><paramref name="count"/> levels evenly spaced strictly inside the finite range of <paramref name="psi"/> (the end values are the walls).</summary>
    /// <exception cref="ArgumentException">Fewer than one level, or no finite value.</exception>
    public static double[] Levels(double[,] psi, int count = 16)
    {
        ArgumentNullException.ThrowIfNull(psi);
        if (count < 1) throw new ArgumentException($"give at least one level (got {count})", nameof(count));
        var range = PlotKit.FiniteRange(psi.Cast<double>()) ?? throw new ArgumentException("the stream function has no finite value", nameof(psi));
        double span = range.Max - range.Min;
        if (!(span > 0)) return [range.Min];
        return Enumerable.Range(1, count).Select(k => range.Min + span * k / (count + 1)).ToArray();
    }
}
