namespace PdeKit.Numerics;

/// <summary>
/// Radix-2 fast Fourier transform of real data of a power-of-two length n, through one complex transform
/// of length n/2 (even samples as real parts, odd samples as imaginary parts). The spectrum is the n/2 + 1
/// non-negative frequencies, unnormalised forward (<c>X_k = Sum_j x_j exp(-2 pi i j k / n)</c>); the inverse
/// divides by n. An instance holds scratch buffers: one instance per thread.
/// </summary>
internal sealed class RealFft
{
    private readonly int _half;
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly double[] _splitCos;
    private readonly double[] _splitSin;
    private readonly int[] _bitReversed;
    private readonly double[] _re;
    private readonly double[] _im;

    public RealFft(int n)
    {
        if (n < 4 || (n & (n - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "The FFT length must be a power of two, at least 4.");
        }

        Length = n;
        _half = n / 2;
        _cos = new double[_half / 2];
        _sin = new double[_half / 2];
        for (int k = 0; k < _cos.Length; k++)
        {
            _cos[k] = Math.Cos(2.0 * Math.PI * k / _half);
            _sin[k] = Math.Sin(2.0 * Math.PI * k / _half);
        }

        _splitCos = new double[_half + 1];
        _splitSin = new double[_half + 1];
        for (int k = 0; k <= _half; k++)
        {
            _splitCos[k] = Math.Cos(2.0 * Math.PI * k / n);
            _splitSin[k] = Math.Sin(2.0 * Math.PI * k / n);
        }

        int bits = System.Numerics.BitOperations.Log2((uint)_half);
        _bitReversed = new int[_half];
        for (int i = 0; i < _half; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _bitReversed[i] = r;
        }

        _re = new double[_half];
        _im = new double[_half];
    }

    /// <summary>The real transform length n.</summary>
    public int Length { get; }

    /// <summary>Spectrum of <paramref name="x"/> (length n) into re/im (length n/2 + 1 each).</summary>
    public void Forward(ReadOnlySpan<double> x, Span<double> re, Span<double> im)
    {
        int m = _half;
        for (int j = 0; j < m; j++)
        {
            _re[_bitReversed[j]] = x[2 * j];
            _im[_bitReversed[j]] = x[(2 * j) + 1];
        }

        Butterflies(inverse: false);
        for (int k = 0; k <= m; k++)
        {
            int a = k % m;
            int b = (m - k) % m;
            double ar = _re[a], ai = _im[a], br = _re[b], bi = -_im[b];
            double er = 0.5 * (ar + br), ei = 0.5 * (ai + bi);

            // O = (a - conj(Z_{m-k})) / (2i); X_k = E + exp(-2 pi i k / n) O.
            double or = 0.5 * (ai - bi), oi = -0.5 * (ar - br);
            double c = _splitCos[k], s = _splitSin[k];
            re[k] = er + ((c * or) + (s * oi));
            im[k] = ei + ((c * oi) - (s * or));
        }
    }

    /// <summary>Real signal of length n from its non-negative-frequency spectrum (re/im of length n/2 + 1).</summary>
    public void Inverse(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<double> x)
    {
        int m = _half;
        for (int k = 0; k < m; k++)
        {
            double ar = re[k], ai = im[k], br = re[m - k], bi = -im[m - k];
            double er = 0.5 * (ar + br), ei = 0.5 * (ai + bi);
            double dr = 0.5 * (ar - br), di = 0.5 * (ai - bi);

            // O = (X_k - conj(X_{m-k})) exp(2 pi i k / n) / 2; Z_k = E + i O.
            double c = _splitCos[k], s = _splitSin[k];
            double or = (c * dr) - (s * di), oi = (c * di) + (s * dr);
            _re[_bitReversed[k]] = er - oi;
            _im[_bitReversed[k]] = ei + or;
        }

        Butterflies(inverse: true);
        double scale = 1.0 / m;
        for (int j = 0; j < m; j++)
        {
            x[2 * j] = _re[j] * scale;
            x[(2 * j) + 1] = _im[j] * scale;
        }
    }

    /// <summary>In-place decimation-in-time butterflies on bit-reversed input (no scaling).</summary>
    private void Butterflies(bool inverse)
    {
        int m = _half;
        double sign = inverse ? 1.0 : -1.0;
        double[] re = _re, im = _im;
        for (int length = 2; length <= m; length <<= 1)
        {
            int half = length >> 1;
            int stride = m / length;
            for (int start = 0; start < m; start += length)
            {
                for (int j = 0; j < half; j++)
                {
                    int t = j * stride;
                    double wr = _cos[t];
                    double wi = sign * _sin[t];
                    int a = start + j, b = a + half;
                    double tr = (wr * re[b]) - (wi * im[b]);
                    double ti = (wr * im[b]) + (wi * re[b]);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
