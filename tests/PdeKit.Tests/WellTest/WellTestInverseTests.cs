using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Numerics.Reservoir;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Training;

namespace PdeKit.Tests.WellTest;

public class WellTestInverseTests
{
    private static readonly WellTestSetup Lee = WellTestInverse.LeeExample212Setup;
    private static readonly WellTestModelParameters Truth = new(7, 5, 0.01, null);

    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [Test]
    public void NoiselessSyntheticDataAreTheFiniteDifferenceModel()
    {
        var problem = WellTestInverse.Synthetic(Lee, Truth, count: 12, noise: 0, firstHour: 0.1, lastHour: 100);
        var model = WellTestModel.PressureDrop(Lee, Truth, problem.Hours.ToArray());
        Assert.That(problem.PressureDrop, Is.EqualTo(model).AsCollection.Within(1e-12));
        // The observation values are the same drops in the problem's p_D0 units.
        var obs = problem.Observations.Single();
        Assert.That(obs.Values.Select(problem.ToPsi), Is.EqualTo(model).AsCollection.Within(1e-9));
        Assert.That(obs.Points.Select(p => p[0]), Is.All.EqualTo(0.0), "observed at the well, ln r_D = 0");
        Assert.That(obs.Measure, Is.Not.Null);
        Assert.That(problem.TrueUnknowns["kappa"], Is.EqualTo(7 / problem.K0).Within(1e-12));
    }

    [Test]
    public void UnknownsRoundTripToModelParametersAndStartFromTheClassicalGuess()
    {
        var problem = WellTestInverse.Synthetic(Lee, Truth, count: 12, noise: 0.01);
        var back = problem.ToParameters(problem.ToUnknowns(Truth));
        Assert.That(back.Permeability, Is.EqualTo(7).Within(1e-12));
        Assert.That(back.Skin, Is.EqualTo(5).Within(1e-12));
        Assert.That(back.Storage, Is.EqualTo(0.01).Within(1e-14));
        var start = problem.Unknowns.ToDictionary(u => u.Name, u => u.Initial);
        Assert.That(start["kappa"], Is.EqualTo(1.0), "k0 is the semilog guess");
        Assert.That(problem.K0, Is.EqualTo(problem.Guess.Permeability));
        Assert.That(start["skin"], Is.EqualTo(problem.Guess.Skin));
        Assert.That(problem.Unknowns.Single(u => u.Name == "skin").Positive, Is.False, "skin may be negative");
        var noStorage = WellTestInverse.Synthetic(Lee, Truth with { Storage = 0 }, count: 12, fitStorage: false);
        Assert.That(noStorage.Unknowns.Select(u => u.Name), Is.EqualTo(new[] { "kappa", "skin" }));
    }

    [Test]
    public void BadInputIsNamed()
    {
        double[] t = [1, 2, 3], dp = [10, 20, 30];
        Assert.That(() => new WellTestInverse(Lee, t, [1.0, 2.0], Truth), Throws.ArgumentException.With.Message.Contains("3 times and 2 pressures"));
        Assert.That(() => new WellTestInverse(Lee, [1, 3, 2], dp, Truth), Throws.ArgumentException.With.Message.Contains("strictly ascending"));
        Assert.That(() => new WellTestInverse(Lee, [0, 1, 2], dp, Truth), Throws.ArgumentException.With.Message.Contains("finite and positive"));
        Assert.That(() => new WellTestInverse(Lee, t, [10, double.NaN, 30], Truth), Throws.ArgumentException.With.Message.Contains("pressure drop 1 is not finite"));
        Assert.That(() => new WellTestInverse(Lee, t, dp, Truth with { OuterRadius = 1500 }), Throws.ArgumentException.With.Message.Contains("infinite-acting"));
        Assert.That(() => new WellTestInverse(Lee with { Porosity = double.NaN }, t, dp, Truth), Throws.InstanceOf<ArgumentException>());
        Assert.That(() => WellTestInverse.Synthetic(Lee, Truth, count: 2), Throws.ArgumentException.With.Message.Contains("count"));
        Assert.That(() => new WellTestInverse(Lee, t, dp, Truth, start: new WellTestModelParameters(double.NaN, 0, 0, null)), Throws.ArgumentException.With.Message.Contains("start parameters are invalid"));
        Assert.That(() => new WellTestInverse(Lee, t, dp, Truth, start: new WellTestModelParameters(7, 0, -1, null)), Throws.ArgumentException.With.Message.Contains("start parameters are invalid"));
        Assert.That(() => WellTestInverse.Synthetic(Lee, Truth, noise: -0.1), Throws.ArgumentException.With.Message.Contains("noise"));
    }

    [Test]
    public void AShortTrainingFromAFarStartMovesKAndSkinTowardTheTruth()
    {
        // Noise-free samples after wellbore storage has died out (10 to 100 h): radial flow with skin. The start
        // (k = 12 md, S = 0) is far from the truth (7 md, 5). A short training (3x16, 200 Adam + 150 L-BFGS) does not
        // converge (measured: k 5.0 md, S 1.5, rms 7.3 psi), but it must move k most of the way and fit the data to about 1%;
        // the accuracy is checked by the Heavy test below and measured in the README.
        var problem = WellTestInverse.Synthetic(Lee, Truth with { Storage = 0 }, count: 12, noise: 0, firstHour: 10, lastHour: 100, fitStorage: false,
            start: new WellTestModelParameters(12, 0, 0, null));
        var options = ShortTraining.Small with { Points = 256, AdamSteps = 200, LbfgsIterations = 150, Weighting = new WeightingOptions { Balancing = LossBalancing.GradNorm } };
        var (k, skin, rms) = Train(problem, options);
        Assert.That(Math.Abs(k - 7), Is.LessThan(0.5 * 5), "k at least half of the way from 12 to 7 md");
        Assert.That(Math.Abs(skin - 5), Is.LessThan(5), "S moved toward 5 from 0");
        Assert.That(rms, Is.LessThan(0.02 * problem.PressureDrop.Max()), "the data are fitted to 2% of the largest drop");
    }

    [Test]
    [Category("Heavy")]
    public void ThePinnEstimateMatchesTheRegressionOfTheFiniteDifferenceModelOnNoisyData()
    {
        // 50 samples with 1% noise over the infinite-acting period, started far from the truth (k = 12 md, S = 0); the PINN
        // (quick preset, 1000 Adam + 1000 L-BFGS, as in the README's Lee run) against the Levenberg-Marquardt regression of
        // the FD model on the same samples and against the truth.
        var problem = WellTestInverse.Synthetic(Lee, Truth with { Storage = 0 }, count: 50, noise: 0.01, firstHour: 10, lastHour: 100, fitStorage: false,
            start: new WellTestModelParameters(12, 0, 0, null));
        var lm = WellTestFit.Fit(Lee, problem.Hours.ToArray(), problem.PressureDrop.Select(d => Lee.InitialPressure - d).ToArray(), WellTestBoundary.Infinite, fitStorage: false);
        var (k, skin, rms) = Train(problem, DiffusivityPresets.InverseQuick with { Device = DeviceChoice.Cpu, EvalEvery = 0, AdamSteps = 1000, LbfgsIterations = 1000 });
        TestContext.Out.WriteLine($"regression k {lm.Parameters.Permeability:F4} ± {lm.StandardErrors[0]:F4} md, S {lm.Parameters.Skin:F3} ± {lm.StandardErrors[1]:F3}, rms {lm.RmsPsi:F2} psi");
        // Measured (2026-11-23): PINN k 7.444 md, S 5.81, rms 8.71 psi; regression 7.514 ± 0.450 md, 5.94 ± 0.80, rms 8.71 psi.
        // One log cycle of 1%-noisy data pins k to about 6% (the regression's standard error), so both are checked
        // against the truth within two of those standard errors, and against each other more tightly.
        Assert.That(k, Is.EqualTo(lm.Parameters.Permeability).Within(2).Percent);
        Assert.That(skin, Is.EqualTo(lm.Parameters.Skin).Within(0.3));
        Assert.That(Math.Abs(k - 7), Is.LessThan(2 * lm.StandardErrors[0]));
        Assert.That(Math.Abs(lm.Parameters.Permeability - 7), Is.LessThan(2 * lm.StandardErrors[0]));
        Assert.That(rms, Is.LessThan(1.5 * lm.RmsPsi));
    }

    private static (double K, double Skin, double RmsPsi) Train(WellTestInverse problem, TrainingOptions options)
    {
        var result = new Trainer(problem, options).Train();
        using var network = result.Network;
        var fitted = problem.ToParameters(network.UnknownValues());
        double rms = Cli.WellTestPinnFit.RmsPsi(Cli.WellTestPinnFit.WellDrop(problem, network, problem.DataPoints), problem);
        TestContext.Out.WriteLine($"k0 {problem.K0:F4}, start S {problem.Guess.Skin:F3}; PINN k {fitted.Permeability:F4} md, S {fitted.Skin:F3}, rms {rms:F2} psi of drops up to {problem.PressureDrop.Max():F0} psi");
        return (fitted.Permeability, fitted.Skin, rms);
    }
}
