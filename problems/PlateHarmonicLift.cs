using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// A harmonic lift for the plate with wells (<see cref="PlateAnsatz.Harmonic"/>): H = a1 h1 - a2 h2, with h_i the
/// Green's function of the strip 0 &lt; x &lt; 2 (zero on both ends, unbounded in y) with its pole at well i's centre,
/// plus a small correction that makes the well pressures exact on the circles.
/// </summary>
/// <remarks>
/// w = exp(i pi z / 2) maps the strip onto the upper half plane, where the Green's function with pole w0 is
/// ln |w - conj(w0)| - ln |w - w0|; with a = exp(-pi y / 2) and angle pi x / 2 this is
/// h = ln(a^2 + a0^2 - 2 a a0 cos(pi (x + x0) / 2)) / 2 - ln(a^2 + a0^2 - 2 a a0 cos(pi (x - x0) / 2)) / 2,
/// harmonic away from the pole and exactly zero at x = 0 and x = 2. a1 and a2 solve the 2 x 2 least-squares fit of H to
/// 1 on circle 1 and -1 on circle 2 (means over 256 points each); the remaining mismatch m_i(theta) = v_i - H at the
/// circle point of angle theta is carried into the domain by the radial log-profile cutoff b_i of the log-profile
/// variant, g = H + sum_i b_i m_i(theta_i). Only the correction has a Laplacian; |m_i| is at most 0.085 on hole1 and
/// 0.12 on hole2 (the sealed top and bottom, which the strip's function ignores, bend its level sets).
/// </remarks>
public sealed class PlateHarmonicLift
{
    private readonly (double Cx, double Cy, double Radius, double Rho, double Value)[] wells;
    private readonly double a1, a2;

    /// <summary>Fits the lift to the wells.</summary>
    /// <param name="wells">Centre, radius, cutoff radius rho and pressure of each of the two wells.</param>
    public PlateHarmonicLift((double Cx, double Cy, double Radius, double Rho, double Value)[] wells)
    {
        this.wells = wells;
        // Means of h1 and h2 over each circle: [m11 -m12; m21 -m22] (a1, a2) = (v1, v2).
        double Mean(int pole, int circle)
        {
            var (cx, cy, r, _, _) = wells[circle];
            double sum = 0;
            for (int k = 0; k < 256; k++)
            {
                double t = 2 * Math.PI * (k + 0.5) / 256;
                sum += Green(cx + r * Math.Cos(t), cy + r * Math.Sin(t), wells[pole].Cx, wells[pole].Cy);
            }
            return sum / 256;
        }
        double m11 = Mean(0, 0), m12 = Mean(1, 0), m21 = Mean(0, 1), m22 = Mean(1, 1);
        double det = -m11 * m22 + m12 * m21;
        a1 = (-wells[0].Value * m22 + m12 * wells[1].Value) / det;
        a2 = (m11 * wells[1].Value - m21 * wells[0].Value) / det;
    }

    /// <summary>The strip's Green's function with pole (x0, y0) at (x, y).</summary>
    public static double Green(double x, double y, double x0, double y0)
    {
        double a = Math.Exp(-Math.PI * y / 2), b = Math.Exp(-Math.PI * y0 / 2);
        double far = a * a + b * b - 2 * a * b * Math.Cos(Math.PI * (x + x0) / 2);
        double near = a * a + b * b - 2 * a * b * Math.Cos(Math.PI * (x - x0) / 2);
        return 0.5 * Math.Log(far / near);
    }

    private static Tensor Green(Tensor x, Tensor y, double x0, double y0)
    {
        var a = (-Math.PI / 2 * y).exp();
        double b = Math.Exp(-Math.PI * y0 / 2);
        var common = a.square() + b * b;
        var far = common - 2 * b * a * (Math.PI / 2 * (x + x0)).cos();
        var near = common - 2 * b * a * (Math.PI / 2 * (x - x0)).cos();
        return 0.5 * (far.log() - near.log());
    }

    /// <summary>The harmonic part a1 h1 - a2 h2 at (x, y), any matching shapes.</summary>
    public Tensor Harmonic(Tensor x, Tensor y) => a1 * Green(x, y, wells[0].Cx, wells[0].Cy) - a2 * Green(x, y, wells[1].Cx, wells[1].Cy);

    /// <summary>The harmonic part at a point (for tests and the fit).</summary>
    public double Harmonic(double x, double y) => a1 * Green(x, y, wells[0].Cx, wells[0].Cy) - a2 * Green(x, y, wells[1].Cx, wells[1].Cy);

    /// <summary>g = H + sum_i b_i (v_i - H(projection onto circle i)), [N, 1].</summary>
    /// <param name="x">x, [N, 1].</param>
    /// <param name="y">y, [N, 1].</param>
    /// <param name="cutoff">b_i of (x, y) for well i (1 on its circle, 0 from rho_i on, C2).</param>
    public Tensor Evaluate(Tensor x, Tensor y, Func<int, Tensor> cutoff)
    {
        var g = Harmonic(x, y);
        for (int i = 0; i < wells.Length; i++)
        {
            var (cx, cy, r, _, v) = wells[i];
            var scale = r * ((x - cx).square() + (y - cy).square() + 1e-300).rsqrt();
            var mismatch = v - Harmonic(cx + scale * (x - cx), cy + scale * (y - cy));
            g = g + cutoff(i) * mismatch;
        }
        return g;
    }
}
