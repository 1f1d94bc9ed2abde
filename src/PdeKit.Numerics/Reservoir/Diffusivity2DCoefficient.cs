namespace PdeKit.Numerics.Reservoir;

/// <summary>
/// A positive cell-wise coefficient of <see cref="Diffusivity2DFdSolver"/> (the permeability k or the storage
/// coefficient c): a constant, a function sampled at the cell centres, or a grid of cell values.
/// </summary>
public sealed class Diffusivity2DCoefficient
{
    private readonly double constant;
    private readonly Func<double, double, double>? function;
    private readonly double[,]? cells;

    private Diffusivity2DCoefficient(double constant, Func<double, double, double>? function, double[,]? cells)
    {
        this.constant = constant;
        this.function = function;
        this.cells = cells;
    }

    /// <summary>The same value in every cell.</summary>
    /// <param name="value">The value; checked (finite, &gt; 0) when a solver uses it.</param>
    /// <returns>The coefficient.</returns>
    public static Diffusivity2DCoefficient Constant(double value) => new(value, null, null);

    /// <summary>A function of position sampled at each cell centre.</summary>
    /// <param name="function">The coefficient a(x, y); its values are checked (finite, &gt; 0) when a solver uses it.</param>
    /// <returns>The coefficient.</returns>
    /// <exception cref="ArgumentNullException">function is null.</exception>
    public static Diffusivity2DCoefficient FromFunction(Func<double, double, double> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new(0, function, null);
    }

    /// <summary>Given cell values, indexed [y index, x index] (copied).</summary>
    /// <param name="values">Cell values of shape [Ny, Nx] of the grid they will be used on; checked (finite, &gt; 0) when a solver uses them.</param>
    /// <returns>The coefficient.</returns>
    /// <exception cref="ArgumentNullException">values is null.</exception>
    public static Diffusivity2DCoefficient FromCells(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(0, null, (double[,])values.Clone());
    }

    /// <summary>The values on the cells of <paramref name="grid"/>, indexed [j, i], each checked finite and positive.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="parameterName">The name reported in an exception.</param>
    /// <returns>A new array of shape [Ny, Nx].</returns>
    /// <exception cref="ArgumentException">A cell grid of the wrong shape, or a value that is not finite and positive (the cell is named).</exception>
    public double[,] OnCells(Diffusivity2DGrid grid, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (cells is not null && (cells.GetLength(0) != grid.Ny || cells.GetLength(1) != grid.Nx))
        {
            throw new ArgumentException(
                $"{parameterName}: the cell grid has shape [{cells.GetLength(0)}, {cells.GetLength(1)}] but the grid needs [Ny, Nx] = [{grid.Ny}, {grid.Nx}].",
                parameterName);
        }

        var values = new double[grid.Ny, grid.Nx];
        for (int j = 0; j < grid.Ny; j++)
        {
            for (int i = 0; i < grid.Nx; i++)
            {
                double v = cells is not null ? cells[j, i] : function is not null ? function(grid.XCentre(i), grid.YCentre(j)) : constant;
                if (!double.IsFinite(v) || v <= 0)
                {
                    throw new ArgumentException(
                        $"{parameterName} must be finite and positive in every cell; cell [j = {j}, i = {i}] at ({grid.XCentre(i)}, {grid.YCentre(j)}) has {v}.",
                        parameterName);
                }

                values[j, i] = v;
            }
        }

        return values;
    }
}
