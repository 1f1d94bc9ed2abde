namespace PdeKit.Numerics.NavierStokes;

/// <summary>Tangential speed of the lid of the driven cavity.</summary>
public enum LidProfile
{
    /// <summary>The classical cavity: <c>u = 1</c> along the whole lid (singular corners), as in Ghia, Ghia and Shin (1982).</summary>
    Uniform,

    /// <summary><c>u = 16 x^2 (1 - x)^2</c>: 1 at the middle, vanishing with its slope at the corners (smooth data for PINNs).</summary>
    Smoothed,
}

/// <summary>Settings of <see cref="CavitySolver.Solve"/>: the lid-driven cavity on the unit square, lid <c>y = 1</c>.</summary>
/// <param name="Re">Reynolds number <c>U L / nu</c> with the lid speed U = 1 (at the lid's middle for the smoothed lid) and L = 1; finite and positive.</param>
/// <param name="N">Nodes per side (the corners included), 17 to 4097. The stream function is solved by multigrid
/// (<see cref="Poisson.PoissonMethod.Multigrid"/>), which takes <c>2^k + 1</c> (the fast path: 65, 129, 257) and other sizes
/// whose coarsest grid has at most 129 x 129 nodes (any N up to 129); others fail with its error.</param>
/// <param name="Lid">The lid's speed profile.</param>
/// <param name="Tolerance">Stop when the steady residual of the vorticity equation, <c>max |u . grad(omega) - Laplace(omega)/Re|</c>
/// over the interior nodes (units of <c>U^2/L^2</c>), is at most this.</param>
/// <param name="MaxSteps">Most pseudo-time steps; a run that stops there returns with <see cref="CavityFlow.Converged"/> false.</param>
public sealed record CavityOptions(double Re, int N = 129, LidProfile Lid = LidProfile.Uniform, double Tolerance = 1e-8, int MaxSteps = 200_000)
{
    /// <summary>Wall vorticity formula; Thom's by default (second order in the solution, robust at the singular corners).</summary>
    public WallVorticityFormula Wall { get; init; } = WallVorticityFormula.Thom;

    /// <summary>Pseudo-time step in units of the explicit (upwind) stability limit; the implicit update takes larger ones, up to about 10 (the explicit wall-vorticity coupling limits it). 6 by default.</summary>
    public double Cfl { get; init; } = 6;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!double.IsFinite(Re) || Re <= 0)
        {
            throw new ArgumentException(FormattableString.Invariant($"Re must be finite and positive, got {Re}."), nameof(Re));
        }

        if (N < 17)
        {
            throw new ArgumentException($"N must be at least 17 nodes per side to resolve the cavity's wall layers, got {N}.", nameof(N));
        }

        if (N > 4097)
        {
            throw new ArgumentException($"N must be at most 4097 nodes per side, got {N}.", nameof(N));
        }

        if (!Enum.IsDefined(Lid))
        {
            throw new ArgumentException($"Unknown lid profile {(int)Lid}; use Uniform or Smoothed.", nameof(Lid));
        }

        MarchSettings.Validate(Tolerance, MaxSteps, Wall, Cfl);
    }
}

/// <summary>Checks of the pseudo-time march settings the cavity and the channel share.</summary>
internal static class MarchSettings
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    internal static void Validate(double tolerance, int maxSteps, WallVorticityFormula wall, double cfl)
    {
        if (!double.IsFinite(tolerance) || tolerance <= 0)
        {
            throw new ArgumentException(FormattableString.Invariant($"Tolerance must be finite and positive, got {tolerance}."), nameof(CavityOptions.Tolerance));
        }

        if (maxSteps < 1)
        {
            throw new ArgumentException($"MaxSteps must be at least 1, got {maxSteps}.", nameof(CavityOptions.MaxSteps));
        }

        if (!Enum.IsDefined(wall))
        {
            throw new ArgumentException($"Unknown wall vorticity formula {(int)wall}; use Thom or Jensen.", nameof(CavityOptions.Wall));
        }

        if (!double.IsFinite(cfl) || cfl <= 0)
        {
            throw new ArgumentException(FormattableString.Invariant($"Cfl must be finite and positive, got {cfl}."), nameof(CavityOptions.Cfl));
        }
    }
}
