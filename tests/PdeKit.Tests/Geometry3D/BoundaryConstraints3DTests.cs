using PdeKit.Geometry;
using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Geometry3D;

/// <summary>Soft Dirichlet, Neumann and Robin terms on named parts of a 3D region, assembled by the trainer's assembler.</summary>
public class BoundaryConstraints3DTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    /// <summary>
    /// -Laplace(u) = f in a drilled cube ([0, 1]^3 minus a z cylinder of radius 1/4 through it) with u = x^2 y + sin(x + 2 z):
    /// value on the faces, flux and a Robin mix on the bore. With <paramref name="IgnoreNetwork"/> the ansatz is u + Shift.
    /// </summary>
    private sealed record Drilled(bool IgnoreNetwork, double Shift = 0) : IProblem
    {
        public static readonly Field U = Field.Scalar("u");
        public static readonly Region3D Shape = new Box((0, 1), (0, 1), (0, 1), faces: "faces") - new Cylinder(Axis3D.Z, 0.5, 0.5, 0.25, (-1, 2), side: "bore");

        public static Tensor Exact(Coords c) => c.X.square() * c.Y + (c.X + 2 * c.Z).sin();

        public static Tensor Flux(Coords c)
        {
            var n = c.Normals!;
            return n[.., 0..1] * (2 * c.X * c.Y + (c.X + 2 * c.Z).cos()) + n[.., 1..2] * c.X.square() + n[.., 2..3] * 2 * (c.X + 2 * c.Z).cos();
        }

        public string Name => "drilled-poisson";
        public Domain Domain { get; } = Domain.FromRegion(Shape);
        public IReadOnlyList<Field> Outputs => [U];
        public Tensor Ansatz(Coords c, Tensor net) => IgnoreNetwork ? Exact(c) + Shift + 0 * net : Exact(c) + net;
        public Tensor Residual(Coords c, Solution s) => s.Laplacian(U) - (2 * c.Y - 5 * (c.X + 2 * c.Z).sin());

        public IReadOnlyList<Constraint> Constraints =>
        [
            Constraint.Dirichlet("faces_value", U, Exact, 64, part: "faces"),
            Constraint.Neumann("bore_flux", U, Flux, 64, part: "bore"),
            Constraint.Robin("bore_robin", U, 2, 0.5, c => 2 * Exact(c) + 0.5 * Flux(c), 64, part: "bore"),
        ];

        public IReference Reference => new PointwiseReference("none", pts => new double[pts.Length, 1]);
        public IReadOnlyList<double[]> EvaluationAxes => [[0.1, 0.9], [0.1, 0.9], [0.1, 0.9]];
    }

    private static Dictionary<string, double> Terms(IProblem problem)
    {
        using var scope = NewDisposeScope();
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 8, Depth: 1));
        net.to(ScalarType.Float64);
        using var assembler = new ResidualAssembler(problem);
        assembler.PrepareConstraints(new Random(1), CPU, ScalarType.Float64);
        var points = PdeKit.Sampling.Sampler.Draw(PdeKit.Sampling.SamplerKind.Sobol, problem.Domain, 256, new Random(2), CPU, ScalarType.Float64);
        return assembler.Assemble(net, points).ToDictionary(t => t.Name, t => t.Mean.item<double>());
    }

    [Test]
    public void SoftTermsOnNamedPartsVanishForTheExactSolutionAndMeasureAShift()
    {
        var exact = Terms(new Drilled(IgnoreNetwork: true));
        Assert.That(exact.Keys, Is.EqualTo(new[] { "residual", "faces_value", "bore_flux", "bore_robin" }));
        foreach (var (name, value) in exact) Assert.That(value, Is.LessThan(1e-24), name);
        // u* + 0.1: the value term sees 0.1^2, the flux term nothing, the Robin term (2 * 0.1)^2.
        var shifted = Terms(new Drilled(IgnoreNetwork: true, Shift: 0.1));
        Assert.That(shifted["faces_value"], Is.EqualTo(0.01).Within(1e-12));
        Assert.That(shifted["bore_flux"], Is.LessThan(1e-24));
        Assert.That(shifted["bore_robin"], Is.EqualTo(0.04).Within(1e-12));
    }
}
