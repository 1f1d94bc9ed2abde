using PdeKit.Numerics.Fem;

namespace PdeKit.Tests.Fem;

public class ConjugateGradientTests
{
    /// <summary>The 1D Laplacian tridiag(-1, 2, -1) of size n.</summary>
    private static CsrMatrix Laplacian1D(int n)
    {
        var start = new List<int> { 0 };
        var cols = new List<int>();
        var vals = new List<double>();
        for (int i = 0; i < n; i++)
        {
            if (i > 0) { cols.Add(i - 1); vals.Add(-1); }
            cols.Add(i); vals.Add(2);
            if (i < n - 1) { cols.Add(i + 1); vals.Add(-1); }
            start.Add(cols.Count);
        }

        return new CsrMatrix([.. start], [.. cols], [.. vals]);
    }

    [TestCase(Preconditioner.None)]
    [TestCase(Preconditioner.Jacobi)]
    [TestCase(Preconditioner.IncompleteCholesky)]
    public void SolvesTheOneDimensionalLaplacian(Preconditioner preconditioner)
    {
        const int N = 200;
        var a = Laplacian1D(N);
        var expected = Enumerable.Range(0, N).Select(i => Math.Sin(i * 0.1) + (i * 0.01)).ToArray();
        var b = new double[N];
        a.Multiply(expected, b);
        var x = new double[N];
        var result = ConjugateGradient.Solve(a, b, x, new ConjugateGradientOptions { Tolerance = 1e-13, Preconditioner = preconditioner });
        Assert.That(result.Converged, Is.True);
        Assert.That(x, Is.EqualTo(expected).Within(1e-8));
        if (preconditioner == Preconditioner.IncompleteCholesky)
        {
            // On a tridiagonal matrix IC(0) is the exact Cholesky factor: one iteration.
            Assert.That(result.Iterations, Is.EqualTo(1));
        }
    }

    [Test]
    public void ZeroRightHandSideGivesZero()
    {
        var x = new[] { 1.0, 2, 3 };
        var result = ConjugateGradient.Solve(Laplacian1D(3), new double[3], x);
        Assert.That(x, Is.EqualTo(new double[3]));
        Assert.That(result, Is.EqualTo(new ConjugateGradientResult(true, 0, 0, Preconditioner.IncompleteCholesky)));
    }

    [Test]
    public void CsrChecksItsArrays()
    {
        Assert.Throws<ArgumentException>(() => new CsrMatrix([0, 1], [0, 1], [1.0, 2]));
        Assert.Throws<ArgumentException>(() => new CsrMatrix([0, 2, 2], [1, 0], [1.0, 2]));
        Assert.Throws<ArgumentException>(() => new CsrMatrix([0, 1, 2], [0, 5], [1.0, 2]));
        var a = Laplacian1D(4);
        Assert.That((a[1, 0], a[1, 1], a[1, 3]), Is.EqualTo((-1.0, 2.0, 0.0)));
        Assert.That(a.IsSymmetric(), Is.True);
        Assert.That(a.NonZeroCount, Is.EqualTo(10));
        Assert.That(a.Diagonal(), Is.EqualTo(new[] { 2.0, 2, 2, 2 }));
        var e = Assert.Throws<ArgumentException>(() => ConjugateGradient.Solve(a, new double[3], new double[4]));
        Assert.That(e!.Message, Does.Contain("4 unknowns but b has 3"));
    }

    [Test]
    public void IndefiniteMatricesAreReported()
    {
        var a = new CsrMatrix([0, 1, 2], [0, 1], [1.0, -1]);
        var e = Assert.Throws<ArgumentException>(() => ConjugateGradient.Solve(a, new[] { 1.0, 1 }, new double[2], new ConjugateGradientOptions { Preconditioner = Preconditioner.None }));
        Assert.That(e!.Message, Does.Contain("not positive definite"));
    }
}
