using PdeKit.Reporting;

namespace PdeKit.Tests.Reporting;

public class StreamFunctionTests : TempFolderFixture
{
    private static readonly double[] X = Enumerable.Range(0, 23).Select(i => i * 0.1).ToArray();
    private static readonly double[] Y = Enumerable.Range(0, 9).Select(j => j * 0.05).ToArray();

    /// <summary>psi = x y + x^2 - 3 y^2: u = psi_y = x - 6 y, v = -psi_x = -(y + 2 x), linear, so the trapezoidal rule is exact.</summary>
    private static double Psi(double x, double y) => x * y + x * x - 3 * y * y;

    private static (double[,] U, double[,] V) Velocity(Func<int, int, bool> masked)
    {
        var u = new double[Y.Length, X.Length];
        var v = new double[Y.Length, X.Length];
        for (int j = 0; j < Y.Length; j++)
            for (int i = 0; i < X.Length; i++)
            {
                bool hole = masked(j, i);
                u[j, i] = hole ? double.NaN : X[i] - 6 * Y[j];
                v[j, i] = hole ? double.NaN : -(Y[j] + 2 * X[i]);
            }
        return (u, v);
    }

    [Test]
    public void ALinearFlowIsIntegratedExactlyAroundAHole()
    {
        static bool Hole(int j, int i) => j is >= 3 and <= 5 && i is >= 2 and <= 4;
        var (u, v) = Velocity(Hole);
        var psi = StreamFunction.FromVelocity(X, Y, u, v);
        for (int j = 0; j < Y.Length; j++)
            for (int i = 0; i < X.Length; i++)
            {
                if (Hole(j, i)) Assert.That(psi[j, i], Is.NaN);
                else Assert.That(psi[j, i], Is.EqualTo(Psi(X[i], Y[j]) - Psi(X[0], Y[0])).Within(1e-12), $"node ({i}, {j})");
            }

        var filled = StreamFunction.FillMasked(psi);
        Assert.That(filled.Cast<double>(), Is.All.Not.NaN);
        Assert.That(filled[4, 3], Is.InRange(psi.Cast<double>().Where(double.IsFinite).Min(), psi.Cast<double>().Where(double.IsFinite).Max()));
        Assert.That(filled[0, 0], Is.EqualTo(psi[0, 0]), "finite nodes keep their values");
        var levels = StreamFunction.Levels(psi, 4);
        Assert.That(levels, Has.Length.EqualTo(4).And.Ordered);
    }

    [Test]
    public void BadInputsAreNamed()
    {
        var (u, v) = Velocity((_, _) => false);
        Assert.That(() => StreamFunction.FromVelocity(X, Y.Reverse().ToArray(), u, v), Throws.ArgumentException.With.Message.Contains("y must be strictly increasing"));
        Assert.That(() => StreamFunction.FromVelocity(X, Y, u, new double[2, 2]), Throws.ArgumentException.With.Message.Contains("v has shape [2, 2]"));
        Assert.That(() => StreamFunction.FromVelocity([0.0], Y, u, v), Throws.ArgumentException.With.Message.Contains("at least 2 x 2"));
        Assert.That(() => StreamFunction.FillMasked(new double[,] { { double.NaN } }), Throws.ArgumentException.With.Message.Contains("no finite value"));
    }

    [Test]
    public void AFlowRunWithoutAFieldReferenceIsPlottedFromItsPrediction()
    {
        var (u, v) = Velocity((j, i) => j == 4 && i == 10);
        var p = new double[Y.Length, X.Length];
        for (int j = 0; j < Y.Length; j++)
            for (int i = 0; i < X.Length; i++) p[j, i] = double.IsNaN(u[j, i]) ? double.NaN : 1 - X[i];
        GridField F(string name, double[,] values) => new(name, X, Y, values) { XName = "x", TName = "y" };
        FieldCsv.Write(Path.Combine(Dir, "prediction.csv"), [F("u", u), F("v", v), F("p", p)]);
        File.WriteAllText(Path.Combine(Dir, "history.csv"), "step,loss,rel_l2,q_cD\n1,1.0,NaN,NaN\n2,0.5,NaN,3.5\n");
        // Without summary.json saying so, a missing reference.csv is still an error.
        Assert.That(() => RunPlots.DrawAll(Dir), Throws.InstanceOf<FileNotFoundException>().With.Message.Contains("reference.csv"));
        File.WriteAllText(Path.Combine(Dir, "summary.json"), "{\"fieldReference\": false, \"quantities\": [{\"name\": \"cD\", \"published\": 5.5795}]}");
        var names = RunPlots.DrawAll(Dir).Select(f => Path.GetFileName(f)).ToArray();
        Assert.That(names, Is.EqualTo(new[]
        {
            "field_u_prediction.png", "field_v_prediction.png", "field_p_prediction.png", "speed.png", "pressure.png",
            "centreline_horizontal.png", "centreline_vertical.png", "loss.png", "quantity_cD.png",
        }));
        foreach (var n in names) ReportingTestFiles.AssertPng(Path.Combine(Dir, n));
    }
}
