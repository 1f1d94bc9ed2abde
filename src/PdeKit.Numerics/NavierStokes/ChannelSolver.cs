using PdeKit.Numerics.Poisson;

namespace PdeKit.Numerics.NavierStokes;

/// <summary>Settings of <see cref="ChannelSolver.Solve"/>: plane channel <c>[0, Length] x [0, 1]</c> with walls at y = 0 and 1.</summary>
/// <param name="Re">Reynolds number with the centreline speed 1 and the channel height 1; finite and positive.</param>
/// <param name="Length">Channel length, a positive integer (the grid has the same spacing along x and y).</param>
/// <param name="Ny">Nodes across the channel, <c>2^k + 1</c> and at least 9 (multigrid sizes; along x there are <c>Length (Ny - 1) + 1</c>).</param>
/// <param name="Tolerance">Steady residual to reach (as <see cref="CavityOptions.Tolerance"/>).</param>
/// <param name="MaxSteps">Most pseudo-time steps.</param>
public sealed record ChannelOptions(double Re, int Length = 2, int Ny = 17, double Tolerance = 1e-10, int MaxSteps = 100_000)
{
    /// <summary>Wall vorticity formula; Jensen's by default (exact for the Poiseuille profile, so the discrete solution is the parabola).</summary>
    public WallVorticityFormula Wall { get; init; } = WallVorticityFormula.Jensen;

    /// <summary>Pseudo-time step in units of the explicit (upwind) stability limit (see <see cref="CavityOptions.Cfl"/>); 2 by default.</summary>
    public double Cfl { get; init; } = 2;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!double.IsFinite(Re) || Re <= 0)
        {
            throw new ArgumentException(FormattableString.Invariant($"Re must be finite and positive, got {Re}."), nameof(Re));
        }

        if (Length < 1 || Length > 16)
        {
            throw new ArgumentException($"Length must be an integer from 1 to 16 channel heights, got {Length}.", nameof(Length));
        }

        if (Ny < 9 || Ny > 1025 || ((Ny - 1) & (Ny - 2)) != 0)
        {
            throw new ArgumentException($"Ny must be 2^k + 1 from 9 to 1025, got {Ny}.", nameof(Ny));
        }

        MarchSettings.Validate(Tolerance, MaxSteps, Wall, Cfl);
    }
}

/// <summary>
/// Plane Poiseuille flow on the machinery of the cavity solver: the fully developed profile <c>u = 4 y (1 - y)</c>
/// (with its stream function and vorticity) imposed at the inlet x = 0 and the outlet x = Length, no-slip walls at
/// y = 0 and 1, the interior marched from rest to steady state. The exact steady solution is the same parabola
/// everywhere with the pressure gradient <c>dp/dx = -8 / Re</c>; a check of the scheme, the wall formula, the coupling
/// with the multigrid stream-function solve and the pressure recovery.
/// </summary>
public static class ChannelSolver
{
    /// <summary>The exact velocity <c>4 y (1 - y)</c>.</summary>
    /// <param name="y">Ordinate.</param>
    /// <returns>u.</returns>
    public static double ExactU(double y) => 4 * y * (1 - y);

    /// <summary>The exact stream function <c>2 y^2 - 4 y^3 / 3</c> (zero on the lower wall).</summary>
    /// <param name="y">Ordinate.</param>
    /// <returns>psi.</returns>
    public static double ExactPsi(double y) => (2 * y * y) - (4 * y * y * y / 3);

    /// <summary>The exact vorticity <c>-du/dy = 8 y - 4</c>.</summary>
    /// <param name="y">Ordinate.</param>
    /// <returns>omega.</returns>
    public static double ExactOmega(double y) => (8 * y) - 4;

    /// <summary>Solves the channel to steady state.</summary>
    /// <param name="options">Settings.</param>
    /// <returns>The flow with its step count and final residual.</returns>
    /// <exception cref="ArgumentException">Bad options; the message names the setting.</exception>
    public static (FlowField2D Field, int Steps, double FinalResidual, bool Converged) Solve(ChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int ny = options.Ny, nx = (options.Length * (ny - 1)) + 1;
        var grid = new UniformGrid2D(0, options.Length, 0, 1, nx, ny);
        var psi = new double[grid.NodeCount];
        var u = new double[grid.NodeCount];
        var v = new double[grid.NodeCount];
        var omega = new double[grid.NodeCount];
        for (int j = 0; j < ny; j++)
        {
            double y = grid.Y(j);
            for (int i = 0; i < nx; i++)
            {
                if (i == 0 || j == 0 || i == nx - 1 || j == ny - 1)
                {
                    int p = grid.Index(i, j);
                    psi[p] = ExactPsi(y);
                    u[p] = ExactU(y);
                    omega[p] = ExactOmega(y);
                }
            }
        }

        var bc = new StreamVorticityBoundary(grid, psi, u, v, (false, false, true, true), omega);
        var result = StreamVorticitySolver.Solve(bc, new StreamVorticitySettings(options.Re, options.Tolerance, options.MaxSteps, options.Wall, options.Cfl));
        var pressure = PressureRecovery.Solve(grid, options.Re, result.U, result.V, result.Omega);
        return (new FlowField2D(grid, result.U, result.V, pressure, result.Psi, result.Omega), result.Steps, result.Residual, result.Converged);
    }
}
