using PdeKit.Physics;
using PdeKit.Runtime;
using static TorchSharp.torch;

namespace PdeKit.Tests.Core;

public class SolutionTests
{
    private static readonly Field U = Field.Scalar("u");
    private static readonly Field V = Field.Scalar("v");
    private static readonly Domain XT = Domain.SpaceTime((-1, 1), (0, 1));

    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    // u = sin(x) e^-t + x^3 t^2 and v = x t: derivatives in closed form.
    private static (AutogradSolution S, Tensor X, Tensor T) Build()
    {
        var pts = (rand(64, 2, dtype: ScalarType.Float64) * tensor(new[] { 2.0, 1.0 }, dtype: ScalarType.Float64) - tensor(new[] { 1.0, 0.0 }, dtype: ScalarType.Float64)).requires_grad_(true);
        var c = new Coords(pts, XT);
        var u = c.X.sin() * (-c.T).exp() + c.X.pow(3) * c.T.square();
        var v = c.X * c.T;
        var s = new AutogradSolution(XT, [U, V], pts, cat([u, v], 1));
        return (s, pts[.., 0..1].detach(), pts[.., 1..2].detach());
    }

    private static void Close(Tensor actual, Tensor expected) =>
        Assert.That((actual - expected).abs().max().item<double>(), Is.LessThan(1e-12));

    [Test]
    public void FirstSecondThirdAndMixedDerivativesMatchClosedForms()
    {
        using var scope = NewDisposeScope();
        var (s, x, t) = Build();
        Close(s[U], x.sin() * (-t).exp() + x.pow(3) * t.square());
        Close(s.Dx(U), x.cos() * (-t).exp() + 3 * x.square() * t.square());
        Close(s.Dt(U), -x.sin() * (-t).exp() + 2 * x.pow(3) * t);
        Close(s.Dxx(U), -x.sin() * (-t).exp() + 6 * x * t.square());
        Close(s.D(U, "x", "t"), -x.cos() * (-t).exp() + 6 * x.square() * t);
        Close(s.D(U, "x", "x", "x"), -x.cos() * (-t).exp() + 6 * t.square());
        Close(s.D(U, "t", "t"), x.sin() * (-t).exp() + 2 * x.pow(3));
        Close(s.Dx(V), t);
        Close(s.D(V, "x", "t"), ones_like(t, dtype: ScalarType.Float64));
        Close(s.Laplacian(U), s.Dxx(U));
    }

    [Test]
    public void DerivativesAreMemoizedAndMixedOrderDoesNotMatter()
    {
        using var scope = NewDisposeScope();
        var (s, _, _) = Build();
        var a = s.D(U, "x", "t");
        int calls = s.GradCalls;
        var b = s.D(U, "t", "x");
        Assert.That(ReferenceEquals(a, b), Is.True);
        _ = s.Dx(U);
        _ = s.Dt(U);
        Assert.That(s.GradCalls, Is.EqualTo(calls), "u_x and u_t come from the gradient already taken for u_xt");
        Assert.That(calls, Is.EqualTo(2), "one gradient of u, one of u_x");
    }

    [Test]
    public void UnknownFieldsAndAxesAreClearErrors()
    {
        using var scope = NewDisposeScope();
        var (s, _, _) = Build();
        Assert.That(Assert.Throws<ArgumentException>(() => s.D(Field.Scalar("p"), "x"))!.Message, Does.Contain("not an output"));
        Assert.That(Assert.Throws<ArgumentException>(() => s.Dy(U))!.Message, Does.Contain("no axis 'y'"));
    }

    [Test]
    public void CoordsAndSolutionRejectWrongShapes()
    {
        using var scope = NewDisposeScope();
        Assert.That(Assert.Throws<ArgumentException>(() => new Coords(zeros(10, 3), XT))!.Message, Does.Contain("[N, 2]"));
        var pts = zeros(10, 2).requires_grad_(true);
        Assert.Throws<ArgumentException>(() => new AutogradSolution(XT, [U], pts, zeros(10, 2)));
        Assert.Throws<ArgumentException>(() => new AutogradSolution(XT, [U], zeros(10, 2), zeros(10, 1)));
    }
}
