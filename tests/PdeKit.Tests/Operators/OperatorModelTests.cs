using System.Numerics;
using PdeKit.Operators;
using PdeKit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Operators;

public class OperatorModelTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [Test]
    public void SpectralConv1d_matches_a_direct_dft()
    {
        manual_seed(1);
        const int b = 2, cin = 3, cout = 2, n = 16, m = 5;
        var layer = new SpectralConv1d(cin, cout, m);
        layer.to(ScalarType.Float64);
        var x = randn(b, cin, n, dtype: ScalarType.Float64);
        var y = layer.forward(x);
        var xs = x.data<double>().ToArray();
        var w = layer.Weight.data<double>().ToArray();
        var ys = y.data<double>().ToArray();
        for (int s = 0; s < b; s++)
        {
            for (int o = 0; o < cout; o++)
            {
                var spectrum = new Complex[m];
                for (int k = 0; k < m; k++)
                {
                    for (int i = 0; i < cin; i++)
                    {
                        Complex xk = 0;
                        for (int j = 0; j < n; j++) xk += xs[(((s * cin) + i) * n) + j] * Complex.Exp(new Complex(0, -2 * Math.PI * j * k / n));
                        int wi = (((i * cout) + o) * m) + k;
                        spectrum[k] += xk * new Complex(w[2 * wi], w[(2 * wi) + 1]);
                    }
                }

                for (int j = 0; j < n; j++)
                {
                    // Real inverse of a Hermitian spectrum with modes 0..m-1: (1/n) [Re Y_0 + 2 Sum_{k>0} Re(Y_k e^{2 pi i j k/n})].
                    double expected = spectrum[0].Real;
                    for (int k = 1; k < m; k++) expected += 2 * (spectrum[k] * Complex.Exp(new Complex(0, 2 * Math.PI * j * k / n))).Real;
                    Assert.That(ys[(((s * cout) + o) * n) + j], Is.EqualTo(expected / n).Within(1e-12));
                }
            }
        }
    }

    [Test]
    public void SpectralConv2d_matches_a_direct_dft()
    {
        manual_seed(2);
        const int cin = 2, cout = 2, n1 = 8, n2 = 6, m = 3;
        var layer = new SpectralConv2d(cin, cout, m, m);
        layer.to(ScalarType.Float64);
        var x = randn(1, cin, n1, n2, dtype: ScalarType.Float64);
        var ys = layer.forward(x).data<double>().ToArray();
        var xs = x.data<double>().ToArray();
        var wp = layer.WeightPositive.data<double>().ToArray();
        var wn = layer.WeightNegative.data<double>().ToArray();
        int half = (n2 / 2) + 1;
        for (int o = 0; o < cout; o++)
        {
            // Y(k1, k2) on the retained modes, zero elsewhere (full rows k1 = 0..n1-1, half columns k2 = 0..n2/2).
            var spectrum = new Complex[n1, half];
            for (int k1 = 0; k1 < n1; k1++)
            {
                bool positive = k1 < m, negative = k1 >= n1 - m;
                if (!positive && !negative) continue;
                for (int k2 = 0; k2 < m; k2++)
                {
                    for (int i = 0; i < cin; i++)
                    {
                        Complex xk = 0;
                        for (int j1 = 0; j1 < n1; j1++)
                        {
                            for (int j2 = 0; j2 < n2; j2++) xk += xs[(((i * n1) + j1) * n2) + j2] * Complex.Exp(new Complex(0, -2 * Math.PI * (((double)j1 * k1 / n1) + ((double)j2 * k2 / n2))));
                        }

                        int row = positive ? k1 : k1 - (n1 - m);
                        int wi = (((((i * cout) + o) * m) + row) * m) + k2;
                        var weights = positive ? wp : wn;
                        spectrum[k1, k2] += xk * new Complex(weights[2 * wi], weights[(2 * wi) + 1]);
                    }
                }
            }

            for (int j1 = 0; j1 < n1; j1++)
            {
                // Inverse complex DFT along axis 1, then the real inverse (Hermitian in k2) along axis 2.
                var g = new Complex[half];
                for (int k2 = 0; k2 < half; k2++)
                {
                    for (int k1 = 0; k1 < n1; k1++) g[k2] += spectrum[k1, k2] * Complex.Exp(new Complex(0, 2 * Math.PI * j1 * k1 / n1));
                    g[k2] /= n1;
                }

                for (int j2 = 0; j2 < n2; j2++)
                {
                    double expected = g[0].Real + (g[half - 1] * Complex.Exp(new Complex(0, Math.PI * j2))).Real;
                    for (int k2 = 1; k2 < half - 1; k2++) expected += 2 * (g[k2] * Complex.Exp(new Complex(0, 2 * Math.PI * j2 * k2 / n2))).Real;
                    Assert.That(ys[(((o * n1) + j1) * n2) + j2], Is.EqualTo(expected / n2).Within(1e-12));
                }
            }
        }
    }

    [Test]
    public void A_fourier_layer_is_resolution_invariant_on_band_limited_input()
    {
        manual_seed(3);
        var spectral = new SpectralConv1d(2, 3, 6);
        var skip = nn.Conv1d(2, 3, 1);
        spectral.to(ScalarType.Float64);
        skip.to(ScalarType.Float64);
        Tensor Sample(int n)
        {
            var x = arange(n, dtype: ScalarType.Float64) / n;
            var c0 = sin(2 * Math.PI * x) + (0.3 * cos(6 * Math.PI * x)) + 0.2;
            var c1 = cos(4 * Math.PI * x) - (0.5 * sin(10 * Math.PI * x));
            return stack([c0, c1]).unsqueeze(0);
        }

        Tensor Layer(Tensor v) => nn.functional.gelu(spectral.forward(v) + skip.forward(v));
        var coarse = Layer(Sample(32));
        var fine = Layer(Sample(128));
        var subsampled = fine[.., .., TensorIndex.Slice(0, null, 4)];
        Assert.That((coarse - subsampled).abs().max().item<double>(), Is.LessThan(1e-12));

        // Modes above the retained ones are cut: a resolution-independent low-pass, not an identity.
        Assert.That((spectral.forward(Sample(32)) - spectral.forward(Sample(128))[.., .., TensorIndex.Slice(0, null, 4)]).abs().max().item<double>(), Is.LessThan(1e-12));
    }

    [Test]
    public void A_2d_fourier_layer_is_resolution_invariant_on_band_limited_input()
    {
        manual_seed(4);
        var spectral = new SpectralConv2d(1, 2, 4, 4);
        spectral.to(ScalarType.Float64);
        Tensor Sample(int n)
        {
            var x = (arange(n, dtype: ScalarType.Float64) / n).unsqueeze(1);
            var y = (arange(n, dtype: ScalarType.Float64) / n).unsqueeze(0);
            return (sin(2 * Math.PI * x) * cos(4 * Math.PI * y) + cos(6 * Math.PI * (x + y))).unsqueeze(0).unsqueeze(0);
        }

        var coarse = spectral.forward(Sample(16));
        var fine = spectral.forward(Sample(48))[.., .., TensorIndex.Slice(0, null, 3), TensorIndex.Slice(0, null, 3)];
        Assert.That((coarse - fine).abs().max().item<double>(), Is.LessThan(1e-12));
    }

    [Test]
    public void Fno_shapes_gradients_padding_and_conditioning()
    {
        manual_seed(5);
        var fno1 = new Fno(1, 1, 1, new FnoOptions { Modes = 4, Width = 8, Layers = 2, ProjectionWidth = 16 }, periodicGrid: true);
        var x1 = randn(3, 1, 32);
        var y1 = fno1.forward(x1);
        Assert.That(y1.shape, Is.EqualTo(new long[] { 3, 1, 32 }));
        Assert.That(fno1.forward(randn(2, 1, 64)).shape, Is.EqualTo(new long[] { 2, 1, 64 }), "any resolution");
        y1.square().mean().backward();
        Assert.That(fno1.parameters().All(p => p.grad is not null), "every parameter gets a gradient");

        var fno2 = new Fno(2, 1, 1, new FnoOptions { Modes = 3, Width = 6, Layers = 2, ProjectionWidth = 8, Padding = 0.2 }, periodicGrid: false);
        Assert.That(fno2.forward(randn(2, 1, 11, 11)).shape, Is.EqualTo(new long[] { 2, 1, 11, 11 }));

        var conditioned = new Fno(1, 1, 1, new FnoOptions { Modes = 4, Width = 8, Layers = 2, ConditioningParameters = 1 }, periodicGrid: true);
        var input = randn(2, 1, 16);
        var a = conditioned.Forward(input, tensor(new float[] { 0.1f, 0.1f }).reshape(2, 1));
        var b = conditioned.Forward(input, tensor(new float[] { 0.1f, 0.5f }).reshape(2, 1));
        Assert.That((a[0] - b[0]).abs().max().item<float>(), Is.EqualTo(0f), "sample 0 has the same parameter");
        Assert.That((a[1] - b[1]).abs().max().item<float>(), Is.GreaterThan(1e-6f), "the parameter changes the output");

        Assert.That(Assert.Throws<ArgumentException>(() => fno1.forward(randn(2, 2, 16)))!.Message, Does.Contain("[batch, 1, n]"));
        Assert.That(Assert.Throws<ArgumentException>(() => conditioned.forward(input))!.Message, Does.Contain("PDE parameters"));
        Assert.Throws<ArgumentException>(() => _ = new Fno(3, 1, 1, new FnoOptions(), true));
        Assert.Throws<ArgumentException>(() => _ = new Fno(1, 1, 1, new FnoOptions { Padding = double.NaN }, true));
    }

    [Test]
    public void DeepONet_resamples_inputs_to_its_sensors()
    {
        manual_seed(6);
        var net = new DeepONet(new DeepONetOptions { Sensors = 16, Width = 16, Depth = 2, Basis = 8 }, periodicGrid: true);
        net.to(ScalarType.Float64);
        var x16 = (arange(16, dtype: ScalarType.Float64) / 16).reshape(1, 1, -1);
        var x64 = (arange(64, dtype: ScalarType.Float64) / 64).reshape(1, 1, -1);
        var at16 = net.forward(sin(2 * Math.PI * x16));
        var at64 = net.forward(sin(2 * Math.PI * x64));
        Assert.That(at64.shape, Is.EqualTo(new long[] { 1, 1, 64 }));
        // The sensors sit on the 64-point grid, so the branch sees identical values and the outputs agree there.
        Assert.That((at16 - at64[.., .., TensorIndex.Slice(0, null, 4)]).abs().max().item<double>(), Is.LessThan(1e-12));
        Assert.That(Assert.Throws<ArgumentException>(() => net.forward(randn(1, 2, 16, dtype: ScalarType.Float64)))!.Message, Does.Contain("[batch, 1, n]"));
    }

    [Test]
    public void A_saved_fno_reloads_to_the_same_outputs()
    {
        manual_seed(7);
        var options = new FnoOptions { Modes = 3, Width = 4, Layers = 2, ProjectionWidth = 8, Padding = 0.1 };
        var model = new Fno(2, 1, 1, options, periodicGrid: false);
        var x = randn(2, 1, 9, 9);
        var expected = model.forward(x);
        string path = Path.Combine(Path.GetTempPath(), $"pdekit-fno-{Guid.NewGuid():N}.bin");
        try
        {
            model.save(path);
            manual_seed(8);
            var other = new Fno(2, 1, 1, options, periodicGrid: false);
            Assert.That((other.forward(x) - expected).abs().max().item<float>(), Is.GreaterThan(0f), "a fresh model differs");
            other.load(path);
            Assert.That((other.forward(x) - expected).abs().max().item<float>(), Is.EqualTo(0f));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
