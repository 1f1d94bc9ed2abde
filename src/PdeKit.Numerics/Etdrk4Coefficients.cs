using System.Numerics;

namespace PdeKit.Numerics;

/// <summary>
/// Per-mode coefficients of the fourth-order exponential time differencing Runge-Kutta scheme ETDRK4
/// (Cox and Matthews, J. Comput. Phys. 176, 2002) for <c>v' = L v + N(v)</c> with a diagonal real L,
/// computed by the contour-integral averages of Kassam and Trefethen (SIAM J. Sci. Comput. 26, 2005),
/// which avoid the cancellation of the closed forms for small <c>L dt</c>.
/// </summary>
internal sealed class Etdrk4Coefficients
{
    private const int ContourPoints = 32;

    public Etdrk4Coefficients(ReadOnlySpan<double> linear, double dt)
    {
        Dt = dt;
        int n = linear.Length;
        E = new double[n];
        E2 = new double[n];
        Q = new double[n];
        F1 = new double[n];
        F2 = new double[n];
        F3 = new double[n];
        var roots = new Complex[ContourPoints];
        for (int j = 0; j < ContourPoints; j++)
        {
            roots[j] = Complex.Exp(new Complex(0, Math.PI * (j + 0.5) / ContourPoints));
        }

        for (int k = 0; k < n; k++)
        {
            double z = linear[k] * dt;
            E[k] = Math.Exp(z);
            E2[k] = Math.Exp(z / 2);
            Complex q = 0, f1 = 0, f2 = 0, f3 = 0;
            foreach (Complex r in roots)
            {
                Complex lr = z + r;
                Complex e = Complex.Exp(lr);
                Complex lr3 = lr * lr * lr;
                q += (Complex.Exp(lr / 2) - 1) / lr;
                f1 += (-4 - lr + (e * (4 - (3 * lr) + (lr * lr)))) / lr3;
                f2 += (2 + lr + (e * (-2 + lr))) / lr3;
                f3 += (-4 - (3 * lr) - (lr * lr) + (e * (4 - lr))) / lr3;
            }

            Q[k] = dt * q.Real / ContourPoints;
            F1[k] = dt * f1.Real / ContourPoints;
            F2[k] = dt * f2.Real / ContourPoints;
            F3[k] = dt * f3.Real / ContourPoints;
        }
    }

    public double Dt { get; }

    public double[] E { get; }

    public double[] E2 { get; }

    public double[] Q { get; }

    public double[] F1 { get; }

    public double[] F2 { get; }

    public double[] F3 { get; }
}
