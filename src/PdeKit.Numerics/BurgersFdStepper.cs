namespace PdeKit.Numerics;

/// <summary>
/// ETDRK4 time stepping of the semi-discrete periodic Burgers system of <see cref="BurgersFdSolver"/>, with
/// the state held as the discrete Fourier coefficients of the grid values.
/// </summary>
internal sealed class BurgersFdStepper : SpectralEtdrk4Stepper
{
    private readonly double _h;
    private readonly double[] _grid, _advection, _padded, _paddedSquare;

    public BurgersFdStepper(int n, double h, double nu)
        : base(n, LinearSymbol(n, h, nu))
    {
        _h = h;
        _grid = new double[n];
        _advection = new double[n];
        _padded = new double[n + (2 * CentralDifferences.HalfWidth)];
        _paddedSquare = new double[n + (2 * CentralDifferences.HalfWidth)];
    }

    protected override void Nonlinear(double[] re, double[] im, double[] outRe, double[] outIm)
    {
        Fft.Inverse(re, im, _grid);
        CentralDifferences.SkewSymmetricAdvection(_grid, _h, _advection, _padded, _paddedSquare);
        Fft.Forward(_advection, outRe, outIm);
    }

    private static double[] LinearSymbol(int n, double h, double nu)
    {
        var linear = new double[(n / 2) + 1];
        for (int k = 0; k < linear.Length; k++)
        {
            linear[k] = nu * CentralDifferences.SecondDerivativeSymbol(2.0 * Math.PI * k / n, h);
        }

        return linear;
    }
}
