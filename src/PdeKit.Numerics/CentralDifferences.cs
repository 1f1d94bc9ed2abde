namespace PdeKit.Numerics;

/// <summary>
/// Sixth-order central finite differences on a uniform periodic grid, and their Fourier symbols (the
/// eigenvalues of the circulant difference matrices).
/// </summary>
internal static class CentralDifferences
{
    /// <summary>Design order of accuracy of both stencils.</summary>
    public const int Order = 6;

    /// <summary>Stencil half-width.</summary>
    public const int HalfWidth = 3;

    // u_x ~ (1/h) Sum_k a_k (u_{j+k} - u_{j-k}), k = 1..3.
    private const double A1 = 3.0 / 4.0;
    private const double A2 = -3.0 / 20.0;
    private const double A3 = 1.0 / 60.0;

    // u_xx ~ (1/h^2) (B0 u_j + Sum_k b_k (u_{j+k} + u_{j-k})), k = 1..3.
    private const double B0 = -49.0 / 18.0;
    private const double B1 = 3.0 / 2.0;
    private const double B2 = -3.0 / 20.0;
    private const double B3 = 1.0 / 90.0;

    /// <summary>
    /// Eigenvalue of the periodic second-difference matrix for the Fourier mode of angle
    /// <c>theta = k h</c>: <c>(B0 + 2 Sum_k b_k cos(k theta)) / h^2</c> (non-positive).
    /// </summary>
    public static double SecondDerivativeSymbol(double theta, double h) =>
        (B0 + (2.0 * ((B1 * Math.Cos(theta)) + (B2 * Math.Cos(2 * theta)) + (B3 * Math.Cos(3 * theta))))) / (h * h);

    /// <summary>
    /// The skew-symmetric (energy-conserving) advection term <c>-(1/3) (D(u^2) + u D u)</c>, which equals
    /// <c>-u u_x</c> for smooth u, with D the sixth-order central first difference on the periodic grid.
    /// <paramref name="padded"/> and <paramref name="paddedSquare"/> are scratch of length n + 6.
    /// </summary>
    public static void SkewSymmetricAdvection(
        ReadOnlySpan<double> u, double h, Span<double> result, Span<double> padded, Span<double> paddedSquare)
    {
        int n = u.Length;
        const int g = HalfWidth;
        for (int j = 0; j < n; j++)
        {
            padded[j + g] = u[j];
        }

        for (int k = 0; k < g; k++)
        {
            padded[k] = u[n - g + k];
            padded[n + g + k] = u[k];
        }

        for (int j = 0; j < padded.Length; j++)
        {
            paddedSquare[j] = padded[j] * padded[j];
        }

        double scale = -1.0 / (3.0 * h);
        for (int j = 0; j < n; j++)
        {
            int c = j + g;
            double du = (A1 * (padded[c + 1] - padded[c - 1])) + (A2 * (padded[c + 2] - padded[c - 2]))
                + (A3 * (padded[c + 3] - padded[c - 3]));
            double dw = (A1 * (paddedSquare[c + 1] - paddedSquare[c - 1])) + (A2 * (paddedSquare[c + 2] - paddedSquare[c - 2]))
                + (A3 * (paddedSquare[c + 3] - paddedSquare[c - 3]));
            result[j] = scale * (dw + (padded[c] * du));
        }
    }
}
