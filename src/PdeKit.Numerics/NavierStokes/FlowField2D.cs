using PdeKit.Numerics.Poisson;

namespace PdeKit.Numerics.NavierStokes;

/// <summary>
/// A steady 2-D incompressible flow on the nodes of a <see cref="UniformGrid2D"/>: velocity, pressure, stream function
/// and vorticity as row-major node arrays (index <c>j Nx + i</c>), with interpolation anywhere in the rectangle.
/// </summary>
/// <remarks>
/// Conventions: <c>u = dpsi/dy</c>, <c>v = -dpsi/dx</c>, <c>omega = dv/dx - du/dy = -Laplace(psi)</c>; the pressure is
/// the kinematic pressure (divided by the density) with zero mean over the rectangle (trapezoidal rule on the nodes).
/// The arrays are shared, not copied: treat them as read-only.
/// </remarks>
public sealed class FlowField2D
{
    internal FlowField2D(UniformGrid2D grid, double[] u, double[] v, double[] p, double[] psi, double[] omega)
    {
        Grid = grid;
        U = u;
        V = v;
        P = p;
        Psi = psi;
        Omega = omega;
    }

    /// <summary>The node grid.</summary>
    public UniformGrid2D Grid { get; }

    /// <summary>x velocity at the nodes.</summary>
    public double[] U { get; }

    /// <summary>y velocity at the nodes.</summary>
    public double[] V { get; }

    /// <summary>Kinematic pressure at the nodes, zero mean.</summary>
    public double[] P { get; }

    /// <summary>Stream function at the nodes.</summary>
    public double[] Psi { get; }

    /// <summary>Vorticity at the nodes (corner values: the mean of the two neighbours on the sides).</summary>
    public double[] Omega { get; }

    /// <summary>
    /// Interpolates a node array at <c>(x, y)</c> by the tensor product of 4-point Lagrange (cubic) interpolation,
    /// exact at the nodes and fourth order for smooth fields.
    /// </summary>
    /// <param name="values">A node array of <see cref="Grid"/>.</param>
    /// <param name="x">Abscissa inside the rectangle.</param>
    /// <param name="y">Ordinate inside the rectangle.</param>
    /// <returns>The interpolated value.</returns>
    /// <exception cref="ArgumentException">The array does not fit the grid, or the point is not finite or outside the rectangle.</exception>
    public double Interpolate(double[] values, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Grid.NodeCount)
        {
            throw new ArgumentException($"The array has {values.Length} values but the grid {Grid} has {Grid.NodeCount} nodes.", nameof(values));
        }

        const double slack = 1e-12;
        if (!(x >= Grid.X0 - slack && x <= Grid.X1 + slack && y >= Grid.Y0 - slack && y <= Grid.Y1 + slack))
        {
            throw new ArgumentException(FormattableString.Invariant($"The point ({x}, {y}) is outside the rectangle of {Grid}."), nameof(x));
        }

        Span<double> wx = stackalloc double[4];
        Span<double> wy = stackalloc double[4];
        int i0 = Stencil((x - Grid.X0) / Grid.Hx, Grid.Nx, wx);
        int j0 = Stencil((y - Grid.Y0) / Grid.Hy, Grid.Ny, wy);
        double sum = 0;
        for (int b = 0; b < 4; b++)
        {
            double row = 0;
            int offset = Grid.Index(i0, j0 + b);
            for (int a = 0; a < 4; a++)
            {
                row += wx[a] * values[offset + a];
            }

            sum += wy[b] * row;
        }

        return sum;
    }

    /// <summary>Velocity and pressure at <c>(x, y)</c> (see <see cref="Interpolate"/>).</summary>
    /// <param name="x">Abscissa inside the rectangle.</param>
    /// <param name="y">Ordinate inside the rectangle.</param>
    /// <returns>u, v and p.</returns>
    public (double U, double V, double P) At(double x, double y) => (Interpolate(U, x, y), Interpolate(V, x, y), Interpolate(P, x, y));

    /// <summary>Velocity magnitude at every node.</summary>
    /// <returns>A new node array.</returns>
    public double[] Speed()
    {
        var s = new double[U.Length];
        for (int k = 0; k < s.Length; k++)
        {
            s[k] = Math.Sqrt((U[k] * U[k]) + (V[k] * V[k]));
        }

        return s;
    }

    /// <summary>First node of the 4-point stencil around the fractional index <paramref name="t"/> and its Lagrange weights.</summary>
    private static int Stencil(double t, int n, Span<double> w)
    {
        int i0 = Math.Clamp((int)Math.Floor(t) - 1, 0, n - 4);
        double s = t - i0;
        for (int a = 0; a < 4; a++)
        {
            double l = 1;
            for (int b = 0; b < 4; b++)
            {
                if (b != a)
                {
                    l *= (s - b) / (a - b);
                }
            }

            w[a] = l;
        }

        return i0;
    }
}
