namespace PdeKit.Numerics.Reservoir;

/// <summary>
/// A rectangle <c>[X0, X1] x [Y0, Y1]</c> cut into <c>Nx x Ny</c> equal cells, the grid of
/// <see cref="Diffusivity2DFdSolver"/>. Cell (i, j) has its centre at <c>(X0 + (i + 1/2) Dx, Y0 + (j + 1/2) Dy)</c>;
/// cell arrays are indexed [j, i] = [y index, x index].
/// </summary>
public sealed class Diffusivity2DGrid
{
    /// <summary>Creates a grid.</summary>
    /// <param name="x0">Left edge (finite).</param>
    /// <param name="x1">Right edge (finite, &gt; x0).</param>
    /// <param name="y0">Bottom edge (finite).</param>
    /// <param name="y1">Top edge (finite, &gt; y0).</param>
    /// <param name="nx">Cells in x (1 to 10000).</param>
    /// <param name="ny">Cells in y (1 to 10000).</param>
    /// <exception cref="ArgumentOutOfRangeException">An edge is not finite, the rectangle is empty, or a cell count is out of range.</exception>
    public Diffusivity2DGrid(double x0, double x1, double y0, double y1, int nx, int ny)
    {
        if (!double.IsFinite(x0))
        {
            throw new ArgumentOutOfRangeException(nameof(x0), x0, $"x0 must be finite, got {x0}.");
        }

        if (!double.IsFinite(x1) || !(x1 > x0))
        {
            throw new ArgumentOutOfRangeException(nameof(x1), x1, $"x1 must be finite and greater than x0 = {x0}, got {x1}.");
        }

        if (!double.IsFinite(y0))
        {
            throw new ArgumentOutOfRangeException(nameof(y0), y0, $"y0 must be finite, got {y0}.");
        }

        if (!double.IsFinite(y1) || !(y1 > y0))
        {
            throw new ArgumentOutOfRangeException(nameof(y1), y1, $"y1 must be finite and greater than y0 = {y0}, got {y1}.");
        }

        if (nx is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(nx), nx, $"nx must be in [1, 10000], got {nx}.");
        }

        if (ny is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(ny), ny, $"ny must be in [1, 10000], got {ny}.");
        }

        (X0, X1, Y0, Y1, Nx, Ny) = (x0, x1, y0, y1, nx, ny);
    }

    /// <summary>Left edge.</summary>
    public double X0 { get; }

    /// <summary>Right edge.</summary>
    public double X1 { get; }

    /// <summary>Bottom edge.</summary>
    public double Y0 { get; }

    /// <summary>Top edge.</summary>
    public double Y1 { get; }

    /// <summary>Cells in x.</summary>
    public int Nx { get; }

    /// <summary>Cells in y.</summary>
    public int Ny { get; }

    /// <summary>The unit square <c>[0, 1]^2</c> with <paramref name="n"/> x <paramref name="n"/> cells.</summary>
    /// <param name="n">Cells per side.</param>
    /// <returns>The grid.</returns>
    public static Diffusivity2DGrid UnitSquare(int n) => new(0, 1, 0, 1, n, n);

    /// <summary>Cell width in x.</summary>
    public double Dx => (X1 - X0) / Nx;

    /// <summary>Cell height in y.</summary>
    public double Dy => (Y1 - Y0) / Ny;

    /// <summary>Cell area (the volume of a cell of unit thickness).</summary>
    public double CellArea => Dx * Dy;

    /// <summary>The x coordinate of the centre of column <paramref name="i"/>.</summary>
    /// <param name="i">Column index, 0 to Nx - 1.</param>
    /// <returns><c>X0 + (i + 1/2) Dx</c>.</returns>
    public double XCentre(int i) => X0 + ((i + 0.5) * Dx);

    /// <summary>The y coordinate of the centre of row <paramref name="j"/>.</summary>
    /// <param name="j">Row index, 0 to Ny - 1.</param>
    /// <returns><c>Y0 + (j + 1/2) Dy</c>.</returns>
    public double YCentre(int j) => Y0 + ((j + 0.5) * Dy);

    /// <summary>The x coordinates of the cell centres.</summary>
    /// <returns>Nx values, ascending.</returns>
    public double[] XCentres()
    {
        var x = new double[Nx];
        for (int i = 0; i < Nx; i++)
        {
            x[i] = XCentre(i);
        }

        return x;
    }

    /// <summary>The y coordinates of the cell centres.</summary>
    /// <returns>Ny values, ascending.</returns>
    public double[] YCentres()
    {
        var y = new double[Ny];
        for (int j = 0; j < Ny; j++)
        {
            y[j] = YCentre(j);
        }

        return y;
    }

    /// <summary>True when (x, y) lies in the closed rectangle.</summary>
    /// <param name="x">x coordinate.</param>
    /// <param name="y">y coordinate.</param>
    /// <returns>Whether the point is inside or on the boundary.</returns>
    public bool Contains(double x, double y) => x >= X0 && x <= X1 && y >= Y0 && y <= Y1;

    /// <summary>The column and row of the cell holding (x, y); a point on a face between cells goes to the cell above/right, one on the far edge to the last cell.</summary>
    /// <param name="x">x coordinate within [X0, X1].</param>
    /// <param name="y">y coordinate within [Y0, Y1].</param>
    /// <returns>(i, j) with <c>0 &lt;= i &lt; Nx</c>, <c>0 &lt;= j &lt; Ny</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The point lies outside the rectangle.</exception>
    public (int I, int J) CellOf(double x, double y)
    {
        if (!Contains(x, y))
        {
            throw new ArgumentOutOfRangeException(nameof(x), (x, y), $"The point ({x}, {y}) lies outside [{X0}, {X1}] x [{Y0}, {Y1}].");
        }

        int i = Math.Clamp((int)Math.Floor((x - X0) / Dx), 0, Nx - 1);
        int j = Math.Clamp((int)Math.Floor((y - Y0) / Dy), 0, Ny - 1);
        return (i, j);
    }

    /// <inheritdoc/>
    public override string ToString() => $"[{X0}, {X1}] x [{Y0}, {Y1}], {Nx} x {Ny} cells";
}
