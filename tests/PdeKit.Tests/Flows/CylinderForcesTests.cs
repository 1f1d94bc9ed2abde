using PdeKit.Evaluation;
using PdeKit.Problems;
using PdeKit.Runtime;
using static TorchSharp.torch;

namespace PdeKit.Tests.Flows;

/// <summary>
/// The cylinder post-processing on analytic fields with known forces, independent of training. By the
/// divergence theorem over the disk (n out of the body is the disk's outward normal), a pressure p alone
/// gives F = -integral over the disk of grad p, and a velocity alone gives F = nu * integral of
/// (Laplace u + grad div u).
/// </summary>
public class CylinderForcesTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    private const double Cx = 0.2, Cy = 0.2, R = 0.05;

    [Test]
    public void AUniformPressureGivesNoForce()
    {
        var (fx, fy) = SurfaceForces.OnCircle(x => cat([0 * x[.., 0..1], 0 * x[.., 1..2], 7 + 0 * x[.., 0..1]], 1), Cx, Cy, R, 1e-3);
        Assert.That(Math.Abs(fx) + Math.Abs(fy), Is.LessThan(1e-14));
    }

    [Test]
    public void ALinearPressureAndAShearFlowGiveTheirKnownForces()
    {
        // p = a x + b y: F = -(a, b) pi r^2. u = ((y - cy)^2, 0): Laplace u = (2, 0), div u = 0, so F = (2 nu pi r^2, 0).
        const double a = 3, b = -2, nu = 0.1;
        Tensor Flow(Tensor x) => cat([(x[.., 1..2] - Cy).square(), 0 * x[.., 0..1], a * x[.., 0..1] + b * x[.., 1..2]], 1);
        var (fx, fy) = SurfaceForces.OnCircle(Flow, Cx, Cy, R, nu, points: 64);
        double area = Math.PI * R * R;
        Assert.That(fx, Is.EqualTo(-a * area + 2 * nu * area).Within(1e-15));
        Assert.That(fy, Is.EqualTo(-b * area).Within(1e-15));
        // u = (-2 x y, y^2 + x): div u = 0, Laplace u = (0, 2) -> F = (0, 2 nu area).
        Tensor Second(Tensor x) => cat([-2 * x[.., 0..1] * x[.., 1..2], x[.., 1..2].square() + x[.., 0..1], 0 * x[.., 0..1]], 1);
        var (gx, gy) = SurfaceForces.OnCircle(Second, Cx, Cy, R, nu, points: 64);
        Assert.That(gx, Is.EqualTo(0).Within(1e-15));
        Assert.That(gy, Is.EqualTo(2 * nu * area).Within(1e-15));
    }

    [Test]
    public void TheBenchmarkQuantitiesScaleTheForcesAndReadTheFrontAndBackPressures()
    {
        // p = a x: F_x = -a pi r^2, c_D = 2 F_x / (U_mean^2 D) with U_mean = 0.2, D = 0.1; delta-p = p(0.15) - p(0.25) = -0.1 a.
        const double a = -4;
        var problem = new NavierStokesCylinder();
        var q = problem.Quantities(x => cat([0 * x[.., 0..1], 0 * x[.., 0..1], a * x[.., 0..1]], 1));
        Assert.That(q.DragCoefficient, Is.EqualTo(2 * (-a * Math.PI * R * R) / (0.2 * 0.2 * 0.1)).Within(1e-12));
        Assert.That(q.LiftCoefficient, Is.EqualTo(0).Within(1e-14));
        Assert.That(q.PressureDifference, Is.EqualTo(-0.1 * a).Within(1e-15));
        // Schaefer and Turek (1996) / FeatFlow reference values for benchmark 2D-1.
        Assert.That(NavierStokesCylinder.Published, Is.EqualTo(new CylinderQuantities(5.5795, 0.010618, 0.11752)));
    }

    [Test]
    public void BadArgumentsAreRejected()
    {
        Tensor Flow(Tensor x) => x;
        Assert.That(() => SurfaceForces.OnCircle(Flow, Cx, Cy, R, 1e-3), Throws.ArgumentException.With.Message.Contains("[512, 3]"));
        Assert.That(() => SurfaceForces.OnCircle(Flow, Cx, Cy, -1, 1e-3), Throws.ArgumentException.With.Message.Contains("radius"));
        Assert.That(() => SurfaceForces.OnCircle(Flow, Cx, Cy, R, double.NaN), Throws.ArgumentException.With.Message.Contains("nu"));
        Assert.That(() => SurfaceForces.OnCircle(Flow, Cx, Cy, R, 1e-3, points: 4), Throws.ArgumentException.With.Message.Contains("8 quadrature"));
    }
}
