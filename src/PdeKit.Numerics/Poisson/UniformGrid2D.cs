namespace PdeKit.Numerics.Poisson;

/// <summary>
/// A uniform node grid on the rectangle <c>[X0, X1] x [Y0, Y1]</c>: <see cref="Nx"/> nodes along x and
/// <see cref="Ny"/> along y, the corners included. Node <c>(i, j)</c> sits at
/// <c>(X0 + i Hx, Y0 + j Hy)</c> (the last one exactly at <c>X1</c>, <c>Y1</c>) and is stored at the flat,
/// row-major index <c>j Nx + i</c> (x varies fastest) in every node array of the Poisson solvers.
/// </summary>
/// <remarks>Instances are immutable and compare by value.</remarks>
public sealed record UniformGrid2D
{
    /// <summary>Creates a grid.</summary>
    /// <param name="x0">Left end of the rectangle, finite.</param>
    /// <param name="x1">Right end, finite and greater than <paramref name="x0"/>.</param>
    /// <param name="y0">Bottom end, finite.</param>
    /// <param name="y1">Top end, finite and greater than <paramref name="y0"/>.</param>
    /// <param name="nx">Nodes along x, at least 3 (one interior node).</param>
    /// <param name="ny">Nodes along y, at least 3.</param>
    /// <exception cref="ArgumentException">A bound is not finite, an interval is empty, or a node count is below 3; the message names it.</exception>
    public UniformGrid2D(double x0, double x1, double y0, double y1, int nx, int ny)
    {
        CheckInterval(x0, x1, "x");
        CheckInterval(y0, y1, "y");
        CheckCount(nx, nameof(nx));
        CheckCount(ny, nameof(ny));
        X0 = x0;
        X1 = x1;
        Y0 = y0;
        Y1 = y1;
        Nx = nx;
        Ny = ny;
    }

    /// <summary>The unit square <c>[0, 1]^2</c> with <paramref name="n"/> x <paramref name="n"/> nodes.</summary>
    /// <param name="n">Nodes per side, at least 3; <c>2^k + 1</c> suits the multigrid solver best.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentException"><paramref name="n"/> is below 3.</exception>
    public static UniformGrid2D UnitSquare(int n) => new(0, 1, 0, 1, n, n);

    /// <summary>Left end of the rectangle.</summary>
    public double X0 { get; }

    /// <summary>Right end of the rectangle.</summary>
    public double X1 { get; }

    /// <summary>Bottom end of the rectangle.</summary>
    public double Y0 { get; }

    /// <summary>Top end of the rectangle.</summary>
    public double Y1 { get; }

    /// <summary>Number of nodes along x (columns).</summary>
    public int Nx { get; }

    /// <summary>Number of nodes along y (rows).</summary>
    public int Ny { get; }

    /// <summary>Node spacing along x, <c>(X1 - X0) / (Nx - 1)</c>.</summary>
    public double Hx => (X1 - X0) / (Nx - 1);

    /// <summary>Node spacing along y, <c>(Y1 - Y0) / (Ny - 1)</c>.</summary>
    public double Hy => (Y1 - Y0) / (Ny - 1);

    /// <summary>Total number of nodes, <c>Nx Ny</c>.</summary>
    public int NodeCount => Nx * Ny;

    /// <summary>The x coordinate of node column <paramref name="i"/> (0 to <c>Nx - 1</c>); column <c>Nx - 1</c> is exactly <see cref="X1"/>.</summary>
    /// <param name="i">Column index.</param>
    /// <returns>The coordinate.</returns>
    public double X(int i) => i == Nx - 1 ? X1 : X0 + (i * Hx);

    /// <summary>The y coordinate of node row <paramref name="j"/> (0 to <c>Ny - 1</c>); row <c>Ny - 1</c> is exactly <see cref="Y1"/>.</summary>
    /// <param name="j">Row index.</param>
    /// <returns>The coordinate.</returns>
    public double Y(int j) => j == Ny - 1 ? Y1 : Y0 + (j * Hy);

    /// <summary>The flat index <c>j Nx + i</c> of node <c>(i, j)</c>.</summary>
    /// <param name="i">Column index.</param>
    /// <param name="j">Row index.</param>
    /// <returns>The index into a node array.</returns>
    public int Index(int i, int j) => (j * Nx) + i;

    /// <summary>Samples <paramref name="function"/> at every node.</summary>
    /// <param name="function">A function of <c>(x, y)</c>.</param>
    /// <returns>The values, row-major (index <c>j Nx + i</c>).</returns>
    public double[] Sample(Func<double, double, double> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var values = new double[NodeCount];
        for (int j = 0; j < Ny; j++)
        {
            double y = Y(j);
            for (int i = 0; i < Nx; i++)
            {
                values[(j * Nx) + i] = function(X(i), y);
            }
        }

        return values;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        FormattableString.Invariant($"{Nx} x {Ny} nodes on [{X0}, {X1}] x [{Y0}, {Y1}]");

    private static void CheckInterval(double a, double b, string axis)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b))
        {
            throw new ArgumentException(
                FormattableString.Invariant($"The {axis} bounds of the rectangle must be finite, got [{a}, {b}]."), axis + "0");
        }

        if (!(b > a))
        {
            throw new ArgumentException(
                FormattableString.Invariant($"The {axis} interval must have {axis}1 > {axis}0, got [{a}, {b}]."), axis + "1");
        }
    }

    private static void CheckCount(int n, string name)
    {
        if (n < 3)
        {
            throw new ArgumentException(
                $"{name} must be at least 3 (the boundary nodes and one interior node), got {name} = {n}.", name);
        }
    }
}
