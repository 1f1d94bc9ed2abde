namespace PdeKit.Numerics;

/// <summary>
/// Fourier pseudo-spectral reference solver for the Allen-Cahn equation <c>u_t = D u_xx + R (u - u^3)</c> on
/// x in [-1, 1] with periodic boundaries, by default with <c>D = 1e-4</c>, <c>R = 5</c> and
/// <c>u(x, 0) = x^2 cos(pi x)</c> (the benchmark of Raissi et al., J. Comput. Phys. 378, 2019).
/// </summary>
/// <remarks>
/// <para>
/// Space: <see cref="Modes"/> equally spaced points <c>x_j = -1 + 2 j / Modes</c> on the period [-1, 1), the
/// diffusion by the exact second derivative of the trigonometric interpolant (<c>-(pi k)^2</c> for mode k) and
/// the reaction pointwise on the grid (collocation; dealiasing the cubic changed nothing measurable).
/// Time: ETDRK4 (Cox-Matthews, fourth order; Kassam-Trefethen contour-integral coefficients), exact for the
/// diffusion, with steps of at most <see cref="Dt"/> shortened so that every requested time is hit exactly.
/// </para>
/// <para>
/// Accuracy for the default problem (relative L2 over the 512 x 201 <see cref="AllenCahnEvaluationGrid"/>):
/// the time error is at the rounding level (about 1e-12 at dt = 5e-4; observed order 4). The space error
/// comes from the initial data, which are only continuous as a periodic function (a corner at x = +-1,
/// where u0' jumps from -2 to 2): the corner is narrower than any grid at early times and the error falls
/// as <c>Modes^-2</c>. Differences between refinements: 8.3e-6 (512 vs 1024 modes), 2.7e-6 (1024 vs 2048),
/// 7.0e-7 (2048 vs 4096), largest at x = +-1 for t &lt; 0.2; at t = 1 they are 1.9e-7, 1.5e-10, 3.8e-11.
/// The default of 2048 modes is thus about 1e-6 from the converged solution; 512 modes (the grid of the
/// published data set) give about 1e-5, and 256 modes do not resolve the interfaces (width about
/// <c>sqrt(2 D / R)</c> = 0.006) and converge to a wrong state.
/// </para>
/// <para>
/// Cost: 8 real FFTs of length <see cref="Modes"/> per step, plus new ETDRK4 coefficients for every output
/// interval whose step size differs from the previous one (about as much as ten steps); with the defaults
/// about a second for t in [0, 1] on one core. The reaction is explicit and its rate is
/// <c>R (3 u^2 - 1)</c>: keep <c>Dt R (3 max u^2 - 1)</c> of order one or less (0.005 for data in [-1, 1]
/// with the defaults); data far outside [-1, 1] need a smaller step, and a step far too large ends in an
/// <see cref="InvalidOperationException"/>. Instances are immutable; <see cref="Solve"/> may run
/// concurrently on one instance.
/// </para>
/// </remarks>
public sealed class AllenCahnSolver
{
    /// <summary>Creates a solver.</summary>
    /// <param name="diffusion">Diffusion coefficient D, finite and non-negative; the benchmark uses 1e-4.</param>
    /// <param name="reaction">Reaction rate R, finite and non-negative; the benchmark uses 5.</param>
    /// <param name="modes">Number of grid points (Fourier modes) on the period [-1, 1), a power of two, at least 16.</param>
    /// <param name="dt">Largest time step, finite and positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range; the message names it.</exception>
    public AllenCahnSolver(double diffusion = 1e-4, double reaction = 5.0, int modes = 2048, double dt = 5e-4)
    {
        if (!double.IsFinite(diffusion) || diffusion < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(diffusion), diffusion, $"The diffusion coefficient must be finite and non-negative, got diffusion = {diffusion}.");
        }

        if (!double.IsFinite(reaction) || reaction < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(reaction), reaction, $"The reaction rate must be finite and non-negative, got reaction = {reaction}.");
        }

        if (modes < 16 || (modes & (modes - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(modes), modes, $"modes must be a power of two and at least 16 (the solver uses FFTs), got modes = {modes}.");
        }

        if (!double.IsFinite(dt) || dt <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dt), dt, $"The time step dt must be finite and positive, got dt = {dt}.");
        }

        Diffusion = diffusion;
        Reaction = reaction;
        Modes = modes;
        Dt = dt;
    }

    /// <summary>The diffusion coefficient D.</summary>
    public double Diffusion { get; }

    /// <summary>The reaction rate R.</summary>
    public double Reaction { get; }

    /// <summary>The number of grid points (Fourier modes) on the period [-1, 1); the returned grid has <c>Modes + 1</c> points.</summary>
    public int Modes { get; }

    /// <summary>The largest time step; steps are shortened to land on the requested times.</summary>
    public double Dt { get; }

    /// <summary>Solves from the initial condition up to the last requested time and returns u at the requested times.</summary>
    /// <param name="times">Output times: finite, non-negative, strictly ascending, at least one; the first may be 0.</param>
    /// <param name="initial">
    /// Initial condition u(x, 0), called at the grid points of [-1, 1) and returning finite values; default
    /// <c>x^2 cos(pi x)</c>. It is treated as 2-periodic.
    /// </param>
    /// <returns>
    /// The field on <c>x_j = -1 + 2 j / Modes</c>, j = 0..Modes (the last column, x = 1, repeats x = -1 by
    /// periodicity, so interpolation covers all of [-1, 1]), at exactly the requested times;
    /// <c>U[i, j] = u(x_j, times[i])</c>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// times is empty, not strictly ascending, negative or not finite, or initial returned a value that is not finite.
    /// </exception>
    /// <exception cref="InvalidOperationException">The solution stopped being finite (the time step is too large for the data).</exception>
    public SpaceTimeField Solve(ReadOnlySpan<double> times, Func<double, double>? initial = null)
    {
        Grids.ValidateOutputTimes(times);
        initial ??= static x => x * x * double.CosPi(x);
        int n = Modes;
        var x = new double[n + 1];
        for (int j = 0; j <= n; j++)
        {
            x[j] = -1.0 + (2.0 * j / n);
        }

        var physical = new double[n];
        for (int j = 0; j < n; j++)
        {
            physical[j] = initial(x[j]);
            if (!double.IsFinite(physical[j]))
            {
                throw new ArgumentException(
                    $"The initial condition must return finite values; initial({x[j]}) = {physical[j]}.", nameof(initial));
            }
        }

        var stepper = new AllenCahnStepper(n, Diffusion, Reaction);
        stepper.SetState(physical);
        var u = new double[times.Length, n + 1];
        double now = 0;
        for (int i = 0; i < times.Length; i++)
        {
            double span = times[i] - now;
            if (span > 0)
            {
                int steps = (int)Math.Ceiling((span / Dt) - 1e-9);
                stepper.Advance(span / steps, steps);
                now = times[i];
                stepper.GetState(physical);
                CheckFinite(physical, now);
            }

            for (int j = 0; j < n; j++)
            {
                u[i, j] = physical[j];
            }

            u[i, n] = physical[0];
        }

        return new SpaceTimeField(x, times.ToArray(), u);
    }

    private void CheckFinite(ReadOnlySpan<double> values, double time)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new InvalidOperationException(
                    $"The solution stopped being finite by t = {time}: the time step dt = {Dt} is too large for the data "
                    + $"(the explicit reaction needs dt R (3 max u^2 - 1) of order one or less); use a smaller dt.");
            }
        }
    }
}
