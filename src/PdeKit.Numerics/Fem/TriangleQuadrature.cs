namespace PdeKit.Numerics.Fem;

/// <summary>
/// Symmetric quadrature rules on a triangle in barycentric coordinates; weights sum to 1 (multiply by the
/// area). Degree 2: the three points (2/3, 1/6, 1/6) and permutations. Degree 4: Dunavant's six-point rule.
/// </summary>
internal static class TriangleQuadrature
{
    /// <summary>Exact for polynomials of degree 2: barycentric points (L0, L1, L2) and weights.</summary>
    public static readonly (double L0, double L1, double L2, double W)[] Degree2 =
    [
        (2.0 / 3, 1.0 / 6, 1.0 / 6, 1.0 / 3),
        (1.0 / 6, 2.0 / 3, 1.0 / 6, 1.0 / 3),
        (1.0 / 6, 1.0 / 6, 2.0 / 3, 1.0 / 3),
    ];

    /// <summary>Exact for polynomials of degree 4 (D. A. Dunavant, 1985).</summary>
    public static readonly (double L0, double L1, double L2, double W)[] Degree4 = Degree4Rule();

    private static (double, double, double, double)[] Degree4Rule()
    {
        const double A = 0.445948490915965, WA = 0.223381589678011;
        const double B = 0.091576213509771, WB = 0.109951743655322;
        return
        [
            (A, A, 1 - (2 * A), WA), (A, 1 - (2 * A), A, WA), (1 - (2 * A), A, A, WA),
            (B, B, 1 - (2 * B), WB), (B, 1 - (2 * B), B, WB), (1 - (2 * B), B, B, WB),
        ];
    }
}
