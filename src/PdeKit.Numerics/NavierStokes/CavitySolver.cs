using System.Diagnostics;
using PdeKit.Numerics.Poisson;

namespace PdeKit.Numerics.NavierStokes;

/// <summary>
/// Finite-difference reference for the steady lid-driven cavity on the unit square: no-slip walls, the lid
/// <c>y = 1</c> moving along +x with <see cref="LidSpeed"/>, <c>Re = 1 / nu</c>. Stream-function/vorticity
/// formulation, second order in space (see <see cref="StreamVorticitySolver"/>), marched to steady state; the stream
/// function is solved by PdeKit's multigrid <see cref="PoissonSolver"/>, the pressure recovered afterwards from the
/// pressure Poisson equation with the momentum equation's Neumann data (zero mean).
/// </summary>
/// <remarks>
/// Measured against Ghia, Ghia and Shin (1982) (see the README and tests/PdeKit.Tests/NavierStokes): on 129 x 129 nodes the
/// centreline velocities agree to better than 1 % of the lid speed at Re = 100 and 2 % at Re = 1000.
/// </remarks>
public static class CavitySolver
{
    /// <summary>The lid's tangential speed at abscissa <paramref name="x"/> in [0, 1].</summary>
    /// <param name="lid">The profile.</param>
    /// <param name="x">Abscissa.</param>
    /// <returns>1 for the uniform lid, <c>16 x^2 (1 - x)^2</c> for the smoothed one.</returns>
    /// <exception cref="ArgumentException">Unknown profile, or x not finite.</exception>
    public static double LidSpeed(LidProfile lid, double x)
    {
        if (!double.IsFinite(x))
        {
            throw new ArgumentException(FormattableString.Invariant($"x must be finite, got {x}."), nameof(x));
        }

        return lid switch
        {
            LidProfile.Uniform => 1,
            LidProfile.Smoothed => 16 * x * x * (1 - x) * (1 - x),
            _ => throw new ArgumentException($"Unknown lid profile {(int)lid}; use Uniform or Smoothed.", nameof(lid)),
        };
    }

    /// <summary>Solves the cavity to steady state.</summary>
    /// <param name="options">Reynolds number, grid, lid and stopping rule.</param>
    /// <returns>The flow; <see cref="CavityFlow.Converged"/> says whether the tolerance was reached.</returns>
    /// <exception cref="ArgumentException">Bad options (the message names the setting), or a grid size the multigrid solver does not take.</exception>
    /// <exception cref="InvalidOperationException">The march diverged.</exception>
    public static CavityFlow Solve(CavityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        var grid = UniformGrid2D.UnitSquare(options.N);
        int n = options.N;
        var psi = new double[grid.NodeCount];
        var u = new double[grid.NodeCount];
        var v = new double[grid.NodeCount];
        for (int i = 0; i < n; i++)
        {
            // The whole top row moves with the lid (for the uniform lid the corners take the lid's speed too; no
            // stencil of the march reads them).
            u[grid.Index(i, n - 1)] = LidSpeed(options.Lid, grid.X(i));
        }

        var bc = new StreamVorticityBoundary(grid, psi, u, v, (true, true, true, true), null);
        var result = StreamVorticitySolver.Solve(bc, new StreamVorticitySettings(options.Re, options.Tolerance, options.MaxSteps, options.Wall, options.Cfl));
        var pressure = PressureRecovery.Solve(grid, options.Re, result.U, result.V, result.Omega);
        var field = new FlowField2D(grid, result.U, result.V, pressure, result.Psi, result.Omega);
        return new CavityFlow(options, field, result.Steps, result.Residual, result.Converged, clock.Elapsed.TotalSeconds);
    }
}

/// <summary>The steady cavity flow computed by <see cref="CavitySolver.Solve"/>.</summary>
public sealed class CavityFlow
{
    internal CavityFlow(CavityOptions options, FlowField2D field, int steps, double finalResidual, bool converged, double seconds)
    {
        Options = options;
        Field = field;
        Steps = steps;
        FinalResidual = finalResidual;
        Converged = converged;
        Seconds = seconds;
    }

    /// <summary>The settings it was computed with.</summary>
    public CavityOptions Options { get; }

    /// <summary>The node fields (u, v, p, psi, omega) on the <c>N x N</c> grid.</summary>
    public FlowField2D Field { get; }

    /// <summary>The node grid.</summary>
    public UniformGrid2D Grid => Field.Grid;

    /// <summary>Pseudo-time steps taken.</summary>
    public int Steps { get; }

    /// <summary>The steady residual at the end (see <see cref="CavityOptions.Tolerance"/>).</summary>
    public double FinalResidual { get; }

    /// <summary>Whether <see cref="FinalResidual"/> reached the tolerance.</summary>
    public bool Converged { get; }

    /// <summary>Wall-clock time of the solve, seconds.</summary>
    public double Seconds { get; }

    /// <summary>Velocity and zero-mean pressure at any point of the unit square (4 x 4-point Lagrange interpolation of the node values).</summary>
    /// <param name="x">Abscissa in [0, 1].</param>
    /// <param name="y">Ordinate in [0, 1].</param>
    /// <returns>u, v and p.</returns>
    /// <exception cref="ArgumentException">The point is not finite or outside the square.</exception>
    public (double U, double V, double P) At(double x, double y) => Field.At(x, y);

    /// <summary>u on the vertical centreline, <c>u(0.5, y)</c>.</summary>
    /// <param name="y">Ordinates in [0, 1].</param>
    /// <returns>One value per ordinate.</returns>
    public double[] CentrelineU(double[] y)
    {
        ArgumentNullException.ThrowIfNull(y);
        return y.Select(t => Field.Interpolate(Field.U, 0.5, t)).ToArray();
    }

    /// <summary>v on the horizontal centreline, <c>v(x, 0.5)</c>.</summary>
    /// <param name="x">Abscissae in [0, 1].</param>
    /// <returns>One value per abscissa.</returns>
    public double[] CentrelineV(double[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Select(t => Field.Interpolate(Field.V, t, 0.5)).ToArray();
    }
}
