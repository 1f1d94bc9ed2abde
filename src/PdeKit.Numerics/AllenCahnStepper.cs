namespace PdeKit.Numerics;

/// <summary>
/// ETDRK4 time stepping of the Fourier pseudo-spectral Allen-Cahn system of <see cref="AllenCahnSolver"/>:
/// linear part <c>L = -D (pi k)^2</c> (the exact second derivative of Fourier mode k on the period [-1, 1)),
/// nonlinear part <c>N(u) = R (u - u^3)</c> evaluated pointwise on the grid, without dealiasing.
/// </summary>
internal sealed class AllenCahnStepper : SpectralEtdrk4Stepper
{
    private readonly double _reaction;
    private readonly double[] _grid;

    public AllenCahnStepper(int n, double diffusion, double reaction)
        : base(n, LinearSymbol(n, diffusion))
    {
        _reaction = reaction;
        _grid = new double[n];
    }

    protected override void Nonlinear(double[] re, double[] im, double[] outRe, double[] outIm)
    {
        Fft.Inverse(re, im, _grid);
        double r = _reaction;
        for (int j = 0; j < _grid.Length; j++)
        {
            double u = _grid[j];
            _grid[j] = r * (u - (u * u * u));
        }

        Fft.Forward(_grid, outRe, outIm);
    }

    private static double[] LinearSymbol(int n, double diffusion)
    {
        var linear = new double[(n / 2) + 1];
        for (int k = 0; k < linear.Length; k++)
        {
            double wavenumber = Math.PI * k;
            linear[k] = -diffusion * wavenumber * wavenumber;
        }

        return linear;
    }
}
