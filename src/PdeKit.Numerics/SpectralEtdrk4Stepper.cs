namespace PdeKit.Numerics;

/// <summary>
/// ETDRK4 time stepping (Cox-Matthews, coefficients from <see cref="Etdrk4Coefficients"/>) of a periodic
/// semi-discrete system <c>v' = L v + N(v)</c> whose linear part L is diagonal in the discrete Fourier basis
/// of n grid values. The state is held as the n/2 + 1 non-negative-frequency coefficients of the grid values
/// (<see cref="RealFft"/> convention); a derived class supplies the nonlinear term. Not thread-safe: one
/// instance per solve.
/// </summary>
internal abstract class SpectralEtdrk4Stepper
{
    private readonly double[] _linear;
    private readonly double[] _vr, _vi, _ar, _ai, _br, _bi;
    private readonly double[] _nvr, _nvi, _nar, _nai, _nbr, _nbi, _ncr, _nci;
    private Etdrk4Coefficients? _coefficients;

    /// <param name="n">Number of grid values, a power of two.</param>
    /// <param name="linear">Symbol of L per non-negative frequency k = 0..n/2 (length n/2 + 1), real.</param>
    protected SpectralEtdrk4Stepper(int n, double[] linear)
    {
        if (linear.Length != (n / 2) + 1)
        {
            throw new ArgumentException($"The linear symbol needs n/2 + 1 = {(n / 2) + 1} values, got {linear.Length}.", nameof(linear));
        }

        _linear = linear;
        Fft = new RealFft(n);
        int modes = linear.Length;
        double[] New() => new double[modes];
        (_vr, _vi, _ar, _ai, _br, _bi) = (New(), New(), New(), New(), New(), New());
        (_nvr, _nvi, _nar, _nai, _nbr, _nbi, _ncr, _nci) = (New(), New(), New(), New(), New(), New(), New(), New());
    }

    /// <summary>The transform of the grid values, for use by <see cref="Nonlinear"/>.</summary>
    protected RealFft Fft { get; }

    public void SetState(ReadOnlySpan<double> values) => Fft.Forward(values, _vr, _vi);

    public void GetState(Span<double> values) => Fft.Inverse(_vr, _vi, values);

    /// <summary>Takes <paramref name="steps"/> ETDRK4 steps of size <paramref name="dt"/>.</summary>
    public void Advance(double dt, int steps)
    {
        if (_coefficients is null || Math.Abs(_coefficients.Dt - dt) > 1e-13 * dt)
        {
            _coefficients = new Etdrk4Coefficients(_linear, dt);
        }

        var c = _coefficients;
        double[] e = c.E, e2 = c.E2, q = c.Q, f1 = c.F1, f2 = c.F2, f3 = c.F3;
        int modes = _linear.Length;
        for (int s = 0; s < steps; s++)
        {
            Nonlinear(_vr, _vi, _nvr, _nvi);
            for (int k = 0; k < modes; k++)
            {
                _ar[k] = (e2[k] * _vr[k]) + (q[k] * _nvr[k]);
                _ai[k] = (e2[k] * _vi[k]) + (q[k] * _nvi[k]);
            }

            Nonlinear(_ar, _ai, _nar, _nai);
            for (int k = 0; k < modes; k++)
            {
                _br[k] = (e2[k] * _vr[k]) + (q[k] * _nar[k]);
                _bi[k] = (e2[k] * _vi[k]) + (q[k] * _nai[k]);
            }

            Nonlinear(_br, _bi, _nbr, _nbi);

            // Third stage c = E2 a + Q (2 Nb - Nv), stored over b.
            for (int k = 0; k < modes; k++)
            {
                _br[k] = (e2[k] * _ar[k]) + (q[k] * ((2.0 * _nbr[k]) - _nvr[k]));
                _bi[k] = (e2[k] * _ai[k]) + (q[k] * ((2.0 * _nbi[k]) - _nvi[k]));
            }

            Nonlinear(_br, _bi, _ncr, _nci);
            for (int k = 0; k < modes; k++)
            {
                _vr[k] = (e[k] * _vr[k]) + (f1[k] * _nvr[k]) + (2.0 * f2[k] * (_nar[k] + _nbr[k])) + (f3[k] * _ncr[k]);
                _vi[k] = (e[k] * _vi[k]) + (f1[k] * _nvi[k]) + (2.0 * f2[k] * (_nai[k] + _nbi[k])) + (f3[k] * _nci[k]);
            }
        }
    }

    /// <summary>The nonlinear term N: spectrum of N(v) into outRe/outIm from the spectrum of v in re/im.</summary>
    protected abstract void Nonlinear(double[] re, double[] im, double[] outRe, double[] outIm);
}
