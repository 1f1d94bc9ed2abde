namespace PdeKit.Numerics;

/// <summary>
/// ETDRK4 time stepping of the semi-discrete periodic Burgers system of <see cref="BurgersFdSolver"/>, with
/// the state held as the discrete Fourier coefficients of the grid values.
/// </summary>
internal sealed class BurgersFdStepper
{
    private readonly int _n;
    private readonly double _h;
    private readonly double[] _linear;
    private readonly RealFft _fft;
    private readonly double[] _vr, _vi, _ar, _ai, _br, _bi;
    private readonly double[] _nvr, _nvi, _nar, _nai, _nbr, _nbi, _ncr, _nci;
    private readonly double[] _grid, _advection, _padded, _paddedSquare;
    private Etdrk4Coefficients? _coefficients;

    public BurgersFdStepper(int n, double h, double nu)
    {
        _n = n;
        _h = h;
        int modes = (n / 2) + 1;
        _linear = new double[modes];
        for (int k = 0; k < modes; k++)
        {
            _linear[k] = nu * CentralDifferences.SecondDerivativeSymbol(2.0 * Math.PI * k / n, h);
        }

        _fft = new RealFft(n);
        double[] New() => new double[modes];
        (_vr, _vi, _ar, _ai, _br, _bi) = (New(), New(), New(), New(), New(), New());
        (_nvr, _nvi, _nar, _nai, _nbr, _nbi, _ncr, _nci) = (New(), New(), New(), New(), New(), New(), New(), New());
        _grid = new double[n];
        _advection = new double[n];
        _padded = new double[n + (2 * CentralDifferences.HalfWidth)];
        _paddedSquare = new double[n + (2 * CentralDifferences.HalfWidth)];
    }

    public void SetState(ReadOnlySpan<double> values) => _fft.Forward(values, _vr, _vi);

    public void GetState(Span<double> values) => _fft.Inverse(_vr, _vi, values);

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

    private void Nonlinear(double[] re, double[] im, double[] outRe, double[] outIm)
    {
        _fft.Inverse(re, im, _grid);
        CentralDifferences.SkewSymmetricAdvection(_grid, _h, _advection, _padded, _paddedSquare);
        _fft.Forward(_advection, outRe, outIm);
    }
}
