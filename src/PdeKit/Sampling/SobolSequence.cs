namespace PdeKit.Sampling;

/// <summary>
/// The Sobol low-discrepancy sequence in up to 8 dimensions, by Gray-code construction. Primitive
/// polynomials and initial direction numbers are those of Joe and Kuo (2008), "Constructing Sobol
/// sequences with better two-dimensional projections" (new-joe-kuo-6.21201, first rows).
/// </summary>
public static class SobolSequence
{
    // (degree s, coefficient a, initial m_1..m_s) for dimensions 2..8; dimension 1 is van der Corput.
    private static readonly (int S, int A, int[] M)[] Table =
    [
        (1, 0, [1]),
        (2, 1, [1, 3]),
        (3, 1, [1, 3, 1]),
        (3, 2, [1, 1, 1]),
        (4, 1, [1, 1, 3, 3]),
        (4, 4, [1, 3, 5, 13]),
        (5, 2, [1, 1, 5, 5, 17]),
    ];

    /// <summary>Largest dimension supported.</summary>
    public const int MaxDimension = 8;

    private const int Bits = 32;

    /// <summary>The first <paramref name="n"/> points (starting at the origin), row-major [n * d] in [0, 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">d outside 1..8 or n outside 1..2^31.</exception>
    public static double[] Generate(int n, int d)
    {
        if (d < 1 || d > MaxDimension) throw new ArgumentOutOfRangeException(nameof(d), d, $"Sobol points are available in 1..{MaxDimension} dimensions");
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "the number of points must be positive");
        var v = new uint[d, Bits];
        for (int k = 0; k < Bits; k++) v[0, k] = 1u << (Bits - 1 - k);
        for (int j = 1; j < d; j++)
        {
            var (s, a, m) = Table[j - 1];
            for (int k = 0; k < s; k++) v[j, k] = (uint)m[k] << (Bits - 1 - k);
            for (int k = s; k < Bits; k++)
            {
                uint x = v[j, k - s] ^ (v[j, k - s] >> s);
                for (int l = 1; l < s; l++)
                    if (((a >> (s - 1 - l)) & 1) != 0) x ^= v[j, k - l];
                v[j, k] = x;
            }
        }
        var result = new double[n * d];
        var state = new uint[d];
        for (int i = 1; i < n; i++)
        {
            int c = System.Numerics.BitOperations.TrailingZeroCount(~(uint)(i - 1));
            for (int j = 0; j < d; j++)
            {
                state[j] ^= v[j, c];
                result[i * d + j] = state[j] / 4294967296.0;
            }
        }
        return result;
    }
}
