using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Training;
using static TorchSharp.torch;

namespace PdeKit.Tests.Flows;

/// <summary>
/// The lid-driven cavity at Re = 100 with the uniform lid, trained on the CPU (minutes: Heavy), against the
/// published centre-line velocity of Ghia, Ghia and Shin (J. Comput. Phys. 48, 387-411, 1982, Table I:
/// u along the vertical line x = 0.5, 129 x 129 multigrid solution), which needs no finite-difference
/// reference in this repository.
/// </summary>
public class CavityTrainingTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    // (y, u) from Ghia et al. 1982, Table I, Re = 100.
    private static readonly (double Y, double U)[] GhiaRe100 =
    [
        (0.9531, 0.68717), (0.8516, 0.23151), (0.7344, 0.00332), (0.6172, -0.13641), (0.5000, -0.20581),
        (0.4531, -0.21090), (0.2813, -0.15662), (0.1719, -0.10150), (0.1016, -0.06434), (0.0547, -0.03717),
    ];

    [Test]
    [Category("Heavy")]
    public void TheRe100CentreLineVelocityFollowsGhia()
    {
        var problem = new NavierStokesCavity(100, CavityLid.Uniform);
        var options = NavierStokesPresets.Quick with { Device = DeviceChoice.Cpu, EvalEvery = 0 };
        var result = new Trainer(problem, options).Train();
        using var net = result.Network;
        double worst = 0;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            var pts = tensor(GhiaRe100.SelectMany(g => new[] { 0.5, g.Y }).ToArray(), [GhiaRe100.Length, 2]);
            var u = net.forward(pts)[.., 0].data<double>().ToArray();
            for (int i = 0; i < u.Length; i++)
            {
                TestContext.Out.WriteLine($"y {GhiaRe100[i].Y:F4}: u {u[i]:F5} (Ghia {GhiaRe100[i].U:F5})");
                worst = Math.Max(worst, Math.Abs(u[i] - GhiaRe100[i].U));
            }
        }
        TestContext.Out.WriteLine($"cavity Re 100, {result.WallSeconds:F0} s: max |u - u_Ghia| on x = 0.5: {worst:F4}");
        // Measured with the quick preset (113 s, loaded 2-core CPU): 0.081 with the corner weighting (radius 0.05),
        // 0.27 without it (cornerRadius: 0; the vortex had not formed). Far from converged either way.
        Assert.That(worst, Is.LessThan(0.15));
    }
}
