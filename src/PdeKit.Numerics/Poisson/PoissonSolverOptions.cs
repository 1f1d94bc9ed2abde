namespace PdeKit.Numerics.Poisson;

/// <summary>Which linear solver <see cref="PoissonSolver"/> uses.</summary>
public enum PoissonMethod
{
    /// <summary>MathNet for problems of at most <see cref="PoissonSolverOptions.AutoMathNetMaxUnknowns"/> unknowns, multigrid above.</summary>
    Auto,

    /// <summary>Geometric multigrid (full-multigrid start, then F-, V- or W-cycles with red-black Gauss-Seidel). Cost linear in the unknowns.</summary>
    Multigrid,

    /// <summary>
    /// The assembled sparse matrix solved by MathNet.Numerics: dense LU up to 400 unknowns, BiCgStab with an ILU(0)
    /// preconditioner above. Any grid size; cost grows faster than linearly (about <c>N^1.5</c>).
    /// </summary>
    MathNet,
}

/// <summary>The recursion of a multigrid cycle: how often the coarse-grid problem is iterated per visit.</summary>
public enum MultigridCycle
{
    /// <summary>F-cycle: on each coarse level an F-cycle, then a V-cycle; about 1.33 times the work of a V-cycle in 2-D.</summary>
    F,

    /// <summary>V-cycle: one coarse-grid cycle per visit; the cheapest.</summary>
    V,

    /// <summary>W-cycle: two coarse-grid cycles per visit; about 1.5 times the work of a V-cycle in 2-D.</summary>
    W,
}

/// <summary>Whether the multigrid cycles run on their own or accelerate a Krylov method.</summary>
public enum MultigridAcceleration
{
    /// <summary>Plain multigrid cycles.</summary>
    None,

    /// <summary>
    /// Conjugate gradients preconditioned by one symmetric V-cycle per iteration (whatever <see cref="PoissonSolverOptions.Cycle"/>
    /// says): robust where plain cycles diverge, as for coefficients that jump across coarse-grid lines.
    /// </summary>
    ConjugateGradient,
}

/// <summary>Preconditioner of the BiCgStab iteration of <see cref="PoissonMethod.MathNet"/>.</summary>
public enum MathNetPreconditioner
{
    /// <summary>
    /// Incomplete LU factorisation without fill-in, computed by PdeKit in O(nonzeros) and applied inside MathNet's
    /// BiCgStab (MathNet's own <c>ILU0Preconditioner</c> is O(n^2) per setup and per application).
    /// </summary>
    Ilu0,

    /// <summary>Jacobi: the inverse of the diagonal (MathNet's <c>DiagonalPreconditioner</c>).</summary>
    Diagonal,
}

/// <summary>Settings of <see cref="PoissonSolver.Solve"/>; change them with <c>with</c>.</summary>
/// <remarks>
/// The stopping test is on the relative residual <c>||f - A u||_2 / ||f - A u_0||_2</c> over the active nodes,
/// where <c>A</c> is the discrete operator with the Dirichlet values in place and <c>u_0</c> is zero at the
/// active nodes: the denominator is the 2-norm of the linear system's right-hand side (f plus the boundary
/// terms), the same for every method and independent of any initial guess.
/// </remarks>
public sealed record PoissonSolverOptions
{
    /// <summary>The solver; <see cref="PoissonMethod.Auto"/> by default.</summary>
    public PoissonMethod Method { get; init; } = PoissonMethod.Auto;

    /// <summary>Relative residual to reach (see the remarks), in (0, 1); 1e-10 by default.</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>
    /// Most multigrid cycles (or CG iterations) after the full-multigrid start; 100 by default. The solver stops
    /// early at <see cref="Tolerance"/>, or at the rounding floor: when the last 3 cycles (20 CG iterations) have not
    /// brought the residual below 90 % of its smallest value before. The floor is about <c>1e-16 |u| / h^2</c>
    /// relative to f; measured for f = 1 on the unit square: 2e-12 on 513^2 nodes, 1e-11 on 1025^2.
    /// </summary>
    public int MaxCycles { get; init; } = 100;

    /// <summary>Most BiCgStab iterations of the MathNet method; 100000 by default. It also stops after 200 iterations without a new smallest residual.</summary>
    public int MaxIterations { get; init; } = 100_000;

    /// <summary>Preconditioner of the MathNet method's BiCgStab; ILU(0) by default.</summary>
    public MathNetPreconditioner Preconditioner { get; init; } = MathNetPreconditioner.Ilu0;

    /// <summary>
    /// The multigrid cycle; F by default. Measured residual reduction per cycle (Poisson, f = 1, zero start,
    /// 65^2 to 1025^2 nodes, (2,2) smoothing; geometric mean from the start until the residual is below 1e-9): unit square F 0.024 to 0.013, V 0.024 to 0.040; L-shape F 0.035 to
    /// 0.040, V 0.035 to 0.097, slowly growing with the number of levels as V-cycle theory for domains without
    /// full elliptic regularity predicts. W behaves as F here at more cost.
    /// </summary>
    public MultigridCycle Cycle { get; init; } = MultigridCycle.F;

    /// <summary>Plain cycles or multigrid-preconditioned conjugate gradients; plain by default.</summary>
    public MultigridAcceleration Acceleration { get; init; } = MultigridAcceleration.None;

    /// <summary>Red-black Gauss-Seidel sweeps before the coarse-grid correction; 2 by default.</summary>
    public int PreSmoothing { get; init; } = 2;

    /// <summary>Red-black Gauss-Seidel sweeps after the coarse-grid correction; 2 by default.</summary>
    public int PostSmoothing { get; init; } = 2;

    /// <summary>Start from a full-multigrid (nested iteration) approximation rather than from zero; true by default.</summary>
    public bool FullMultigridStart { get; init; } = true;

    /// <summary>Largest problem (active nodes) that <see cref="PoissonMethod.Auto"/> gives to MathNet; 1089 (33 x 33) by default.</summary>
    public int AutoMathNetMaxUnknowns { get; init; } = 1089;

    /// <summary>Threads for the multigrid kernels: -1 (the default) for all cores, 1 for serial. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Method))
        {
            throw new ArgumentException($"Unknown Poisson method {(int)Method}; use Auto, Multigrid or MathNet.", nameof(Method));
        }

        if (!(Tolerance > 0 && Tolerance < 1))
        {
            throw new ArgumentException(
                FormattableString.Invariant($"Tolerance must be a relative residual in (0, 1), got {Tolerance}."), nameof(Tolerance));
        }

        if (!Enum.IsDefined(Cycle))
        {
            throw new ArgumentException($"Unknown multigrid cycle {(int)Cycle}; use F, V or W.", nameof(Cycle));
        }

        if (!Enum.IsDefined(Acceleration))
        {
            throw new ArgumentException($"Unknown multigrid acceleration {(int)Acceleration}; use None or ConjugateGradient.", nameof(Acceleration));
        }

        if (!Enum.IsDefined(Preconditioner))
        {
            throw new ArgumentException($"Unknown preconditioner {(int)Preconditioner}; use Ilu0 or Diagonal.", nameof(Preconditioner));
        }

        CheckPositive(MaxCycles, nameof(MaxCycles));
        CheckPositive(MaxIterations, nameof(MaxIterations));
        if (PreSmoothing < 0 || PostSmoothing < 0 || PreSmoothing + PostSmoothing == 0)
        {
            throw new ArgumentException(
                $"PreSmoothing and PostSmoothing must be non-negative and not both zero, got {PreSmoothing} and {PostSmoothing}.",
                nameof(PreSmoothing));
        }

        if (AutoMathNetMaxUnknowns < 0)
        {
            throw new ArgumentException($"AutoMathNetMaxUnknowns must be non-negative, got {AutoMathNetMaxUnknowns}.", nameof(AutoMathNetMaxUnknowns));
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentException(
                $"MaxDegreeOfParallelism must be -1 (all cores) or positive, got {MaxDegreeOfParallelism}.", nameof(MaxDegreeOfParallelism));
        }
    }

    private static void CheckPositive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{name} must be at least 1, got {value}.", name);
        }
    }
}
