namespace PdeKit.Numerics.Operators;

/// <summary>
/// Seeded samples of Gaussian random fields with the Matérn-like covariance <c>sigma^2 (-Laplace + tau^2 I)^(-alpha)</c>,
/// drawn by their Karhunen-Loève expansion: the eigenfunctions of the Laplacian with the boundary conditions of the
/// domain, each multiplied by the square root of its covariance eigenvalue and an independent standard normal.
/// The constant mode is left out (the fields have zero mean over the domain), as in the FNO paper's data.
/// </summary>
/// <remarks>
/// The FNO paper (Li et al., ICLR 2021, section 5) draws the Burgers initial data from <c>N(0, 625 (-Laplace + 25 I)^-2)</c>
/// (sigma^2 = 625, tau = 5, alpha = 2) with periodic boundary conditions, and the Darcy permeability from
/// <c>N(0, (-Laplace + 9 I)^-2)</c> (tau = 3, alpha = 2) with zero Neumann conditions, thresholded to 12 and 3.
/// Samples are reproducible: sample <c>i</c> of seed <c>s</c> is a pure function of <c>(s, i)</c>, so data sets can be
/// generated in parallel and regenerated bit for bit.
/// </remarks>
public sealed record GaussianRandomField
{
    /// <summary>Creates the covariance <c>sigma2 (-Laplace + tau^2 I)^(-alpha)</c>.</summary>
    /// <param name="sigma2">Variance scale sigma^2, positive.</param>
    /// <param name="tau">Inverse length scale tau, non-negative.</param>
    /// <param name="alpha">Smoothness exponent alpha, greater than 0.5 (1D) or 1 (2D) for a field with finite variance.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite or out of range.</exception>
    public GaussianRandomField(double sigma2, double tau, double alpha)
    {
        if (!double.IsFinite(sigma2) || sigma2 <= 0) throw new ArgumentOutOfRangeException(nameof(sigma2), sigma2, "The GRF variance scale sigma^2 must be finite and positive.");
        if (!double.IsFinite(tau) || tau < 0) throw new ArgumentOutOfRangeException(nameof(tau), tau, "The GRF parameter tau must be finite and non-negative.");
        if (!double.IsFinite(alpha) || alpha <= 0.5) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The GRF exponent alpha must be finite and greater than 0.5.");
        Sigma2 = sigma2;
        Tau = tau;
        Alpha = alpha;
    }

    /// <summary>The FNO paper's Burgers initial-data field, <c>625 (-Laplace + 25 I)^-2</c>.</summary>
    public static GaussianRandomField FnoBurgers { get; } = new(625, 5, 2);

    /// <summary>The FNO paper's Darcy permeability field before thresholding, <c>(-Laplace + 9 I)^-2</c>.</summary>
    public static GaussianRandomField FnoDarcy { get; } = new(1, 3, 2);

    /// <summary>Variance scale sigma^2.</summary>
    public double Sigma2 { get; }

    /// <summary>Inverse length scale tau.</summary>
    public double Tau { get; }

    /// <summary>Smoothness exponent alpha.</summary>
    public double Alpha { get; }

    /// <summary>Covariance eigenvalue for the Laplacian eigenvalue <paramref name="laplaceEigenvalue"/> (&gt;= 0).</summary>
    /// <param name="laplaceEigenvalue">Eigenvalue of <c>-Laplace</c>, e.g. <c>(2 pi k)^2</c>.</param>
    /// <returns><c>sigma^2 (lambda + tau^2)^(-alpha)</c>.</returns>
    public double Eigenvalue(double laplaceEigenvalue) => Sigma2 * Math.Pow(laplaceEigenvalue + (Tau * Tau), -Alpha);

    /// <summary>
    /// A periodic sample on [0, 1) at the <paramref name="n"/> points <c>x_j = j / n</c>, with every Fourier mode the
    /// grid carries below the Nyquist frequency: <c>u(x) = Sum_k sqrt(2 lambda_k) (xi_k cos 2 pi k x + eta_k sin 2 pi k x)</c>.
    /// </summary>
    /// <param name="n">Number of grid points, a power of two, at least 4.</param>
    /// <param name="seed">Data-set seed.</param>
    /// <param name="index">Sample index within the data set, non-negative.</param>
    /// <returns>The <paramref name="n"/> values.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n is not a power of two of at least 4, or a negative index.</exception>
    public double[] SamplePeriodic1D(int n, int seed, int index)
    {
        if (n < 4 || (n & (n - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(n), n, "The periodic GRF grid size must be a power of two, at least 4.");
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var rng = new StandardNormal(seed, index);
        int modes = (n / 2) + 1;
        var re = new double[modes];
        var im = new double[modes];

        // x_j = (1/n) [X_0 + 2 Re Sum_{0<k<n/2} X_k e^{2 pi i j k / n}]: X_k = (n/2) sqrt(2 lambda_k) (xi - i eta).
        for (int k = 1; k < n / 2; k++)
        {
            double amplitude = 0.5 * n * Math.Sqrt(2 * Eigenvalue(4 * Math.PI * Math.PI * k * k));
            re[k] = amplitude * rng.Next();
            im[k] = -amplitude * rng.Next();
        }

        var values = new double[n];
        new RealFft(n).Inverse(re, im, values);
        return values;
    }

    /// <summary>
    /// A sample on the unit square with zero Neumann conditions, at the nodes <c>(i h, j h)</c>, <c>h = 1/(n-1)</c>:
    /// <c>psi = Sum_{0 &lt;= k,l &lt; modes, (k,l) != 0} sqrt(lambda_kl) xi_kl phi_k(x) phi_l(y)</c> with the orthonormal
    /// cosines <c>phi_0 = 1</c>, <c>phi_k = sqrt(2) cos(pi k x)</c>. The truncation <paramref name="modes"/> does not depend
    /// on <paramref name="n"/>, so one (seed, index) gives the same function at every resolution.
    /// </summary>
    /// <param name="n">Nodes per side, at least 2.</param>
    /// <param name="seed">Data-set seed.</param>
    /// <param name="index">Sample index, non-negative.</param>
    /// <param name="modes">Cosine modes per direction, at least 2.</param>
    /// <returns>Values in row-major order, <c>[j * n + i]</c> at <c>(x_i, y_j)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n or modes too small, or a negative index.</exception>
    public double[] SampleNeumannSquare(int n, int seed, int index, int modes = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(modes, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var rng = new StandardNormal(seed, index);
        var coefficient = new double[modes, modes];
        for (int k = 0; k < modes; k++)
        {
            for (int l = 0; l < modes; l++)
            {
                double xi = rng.Next(); // drawn for every (k, l) so the stream does not depend on which modes are skipped
                if (k == 0 && l == 0) continue;
                coefficient[k, l] = Math.Sqrt(Eigenvalue(Math.PI * Math.PI * ((k * k) + (l * l)))) * xi;
            }
        }

        // phi[k, i] = phi_k(x_i); separable sums: A[k, j] = Sum_l c[k, l] phi_l(y_j), psi[i, j] = Sum_k phi_k(x_i) A[k, j].
        var phi = new double[modes, n];
        for (int k = 0; k < modes; k++)
        {
            for (int i = 0; i < n; i++)
            {
                phi[k, i] = k == 0 ? 1.0 : Math.Sqrt(2) * Math.Cos(Math.PI * k * i / (n - 1));
            }
        }

        var a = new double[modes, n];
        for (int k = 0; k < modes; k++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int l = 0; l < modes; l++) s += coefficient[k, l] * phi[l, j];
                a[k, j] = s;
            }
        }

        var values = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int k = 0; k < modes; k++) s += phi[k, i] * a[k, j];
                values[(j * n) + i] = s;
            }
        }

        return values;
    }
}

/// <summary>Standard normal numbers (Box-Muller) from a generator seeded by a data-set seed and a sample index.</summary>
internal sealed class StandardNormal
{
    private readonly Random _random;
    private double? _spare;

    public StandardNormal(int seed, int index)
    {
        // A fixed mix of (seed, index): System.Random(int) is deterministic across runs and platforms.
        unchecked
        {
            uint h = ((uint)seed * 0x9E3779B1u) ^ ((uint)index * 0x85EBCA77u) ^ 0xC2B2AE3Du;
            h ^= h >> 15;
            h *= 0x2C1B3C6Du;
            h ^= h >> 12;
            _random = new Random((int)(h & 0x7FFFFFFF));
        }
    }

    public double Next()
    {
        if (_spare is { } s)
        {
            _spare = null;
            return s;
        }

        double u1 = 1.0 - _random.NextDouble(); // (0, 1]
        double u2 = _random.NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        _spare = r * Math.Sin(2 * Math.PI * u2);
        return r * Math.Cos(2 * Math.PI * u2);
    }
}
