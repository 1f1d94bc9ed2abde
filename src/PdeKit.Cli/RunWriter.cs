using System.Text.Json;
using PdeKit.Evaluation;
using PdeKit.Physics;
using PdeKit.Reporting;
using PdeKit.Training;

namespace PdeKit.Cli;

/// <summary>
/// Writes a run directory. Everything goes to a staging folder beside the target, which replaces the
/// target only when the run has finished, so a failed or interrupted run leaves nothing half-written.
/// </summary>
internal sealed class RunWriter : IDisposable
{
    private readonly Dictionary<string, HistoryCsvWriter> histories = new(StringComparer.Ordinal);
    private bool committed;

    internal RunWriter(string target)
    {
        Target = Path.GetFullPath(target);
        if (Directory.Exists(Target) && Directory.EnumerateFileSystemEntries(Target).Any() && !File.Exists(Path.Combine(Target, "spec.json")))
            throw new ArgumentException($"--out {target} exists and is not a PdeKit run directory (no spec.json); choose another folder");
        Staging = $"{Target}.partial-{Environment.ProcessId}";
        if (Directory.Exists(Staging)) Directory.Delete(Staging, true);
        Directory.CreateDirectory(Staging);
    }

    internal string Target { get; }

    internal string Staging { get; }

    internal string PathOf(string file) => Path.Combine(Staging, file);

    internal void WriteJson<T>(string file, T value) => File.WriteAllText(PathOf(file), JsonSerializer.Serialize(value, OptionsBinder.Json));

    /// <summary>Appends a record to history.csv, or to <paramref name="file"/> (e.g. a curriculum stage's history).</summary>
    internal void Append(TrainingRecord r, string file = "history.csv")
    {
        if (!histories.TryGetValue(file, out var history))
        {
            var columns = new List<string> { "step", "lbfgs", "time_s", "lr", "loss" };
            columns.AddRange(r.Terms.Keys.Select(k => "loss_" + k));
            columns.AddRange(r.Weights.Keys.Select(k => "weight_" + k));
            columns.AddRange(r.Unknowns.Keys.Select(k => "unknown_" + k));
            columns.Add("rel_l2");
            columns.AddRange(r.Quantities.Keys.Select(k => "q_" + k));
            history = new HistoryCsvWriter(PathOf(file), columns);
            histories[file] = history;
        }
        var row = new Dictionary<string, double>
        {
            ["step"] = r.Step,
            ["lbfgs"] = r.Phase == "lbfgs" ? 1 : 0,
            ["time_s"] = r.TimeSeconds,
            ["lr"] = r.LearningRate,
            ["loss"] = r.Loss,
            ["rel_l2"] = r.RelativeL2,
        };
        foreach (var (k, v) in r.Terms) row["loss_" + k] = v;
        foreach (var (k, v) in r.Weights) row["weight_" + k] = v;
        foreach (var (k, v) in r.Unknowns) row["unknown_" + k] = v;
        foreach (var (k, v) in r.Quantities) row["q_" + k] = v;
        history.Append(row);
    }

    /// <summary>
    /// prediction.csv and reference.csv on the 2D evaluation grid ((x, t) or (x, y); for (x, y, t) problems the last time,
    /// for (x, y, z) problems the mid-plane z slice, with fields3d.vtu for the whole grid's points inside), and fields.vtu
    /// for spatial fields. Without a field reference only the prediction is written (no reference.csv, and fields.vtu
    /// holds the predicted fields without reference and error arrays).
    /// </summary>
    internal void WriteFields(IProblem problem, Evaluation.Evaluation eval)
    {
        var names = problem.Domain.Axes.Select(a => a.Name).ToArray();
        var axes = eval.Axes;
        if (names.SequenceEqual(["x", "y", "z"])) WritePointCloud(problem, eval);
        double[,] predictedValues = eval.Predicted, referenceValues = eval.Reference;
        var inside = eval.Inside;
        if (axes.Count == 3 && (problem.Domain.Axes[2].IsTime || names[2] == "z"))
        {
            // (x, y, t) problems: the fields at the last evaluation time; (x, y, z) problems: the grid plane nearest
            // the middle of z (a masked mid-plane slice); either as an (x, y) field.
            int slice = problem.Domain.Axes[2].IsTime ? axes[2].Length - 1 : MiddleIndex(axes[2]);
            int n2 = axes[0].Length * axes[1].Length, offset = n2 * slice, m = eval.Predicted.GetLength(1);
            predictedValues = new double[n2, m];
            referenceValues = new double[n2, m];
            for (int i = 0; i < n2; i++)
                for (int k = 0; k < m; k++)
                {
                    predictedValues[i, k] = eval.Predicted[offset + i, k];
                    referenceValues[i, k] = eval.Reference[offset + i, k];
                }
            inside = eval.Inside is { } all ? all.Skip(offset).Take(n2).ToArray() : null;
            axes = [axes[0], axes[1]];
            names = [names[0], names[1]];
        }
        if (axes.Count != 2) return;
        var predicted = Fields(problem, axes, predictedValues, names);
        var reference = Fields(problem, axes, referenceValues, names);
        FieldCsv.Write(PathOf("prediction.csv"), predicted);
        if (eval.HasFieldReference) FieldCsv.Write(PathOf("reference.csv"), reference);
        if (names[1] == "t") return;
        // Spatial (x, y) fields also go to fields.vtu for ParaView: prediction, reference and error on the
        // grid's cells inside the domain.
        int nx = axes[0].Length, ny = axes[1].Length;
        bool[,]? mask = null;
        if (inside is { } flags)
        {
            mask = new bool[ny, nx];
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) mask[j, i] = flags[j * nx + i];
        }
        var vtk = new List<VtkField>();
        for (int k = 0; k < predicted.Count; k++)
        {
            vtk.Add(VtkField.FromGrid(predicted[k].Name, predicted[k].Values));
            if (!eval.HasFieldReference) continue;
            var error = new double[ny, nx];
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) error[j, i] = predicted[k].Values[j, i] - reference[k].Values[j, i];
            vtk.Add(VtkField.FromGrid(predicted[k].Name + "_reference", reference[k].Values));
            vtk.Add(VtkField.FromGrid(predicted[k].Name + "_error", error));
        }
        Vtk.WriteGrid(PathOf("fields.vtu"), axes[0], axes[1], vtk, mask);
    }

    /// <summary>fields3d.vtu: the evaluation grid's points inside the domain with prediction, reference and error per field (the prediction only without a field reference).</summary>
    private void WritePointCloud(IProblem problem, Evaluation.Evaluation eval)
    {
        var axes = eval.Axes;
        int nx = axes[0].Length, ny = axes[1].Length, n = eval.Predicted.GetLength(0);
        var keep = Enumerable.Range(0, n).Where(i => eval.Inside is null || eval.Inside[i]).ToArray();
        var x = keep.Select(i => axes[0][i % nx]).ToArray();
        var y = keep.Select(i => axes[1][i / nx % ny]).ToArray();
        var z = keep.Select(i => axes[2][i / (nx * ny)]).ToArray();
        var fields = new List<VtkField>();
        var reported = problem.ReportedFields();
        for (int k = 0; k < reported.Count; k++)
        {
            string name = reported[k].Name;
            fields.Add(new VtkField(name, keep.Select(i => eval.Predicted[i, k]).ToArray()));
            if (!eval.HasFieldReference) continue;
            fields.Add(new VtkField(name + "_reference", keep.Select(i => eval.Reference[i, k]).ToArray()));
            fields.Add(new VtkField(name + "_error", keep.Select(i => eval.Predicted[i, k] - eval.Reference[i, k]).ToArray()));
        }
        Vtk.WritePoints(PathOf("fields3d.vtu"), x, y, z, fields);
    }

    /// <summary>Index of the grid value nearest the middle of the axis' range.</summary>
    internal static int MiddleIndex(double[] axis)
    {
        double middle = (axis[0] + axis[^1]) / 2;
        int best = 0;
        for (int i = 1; i < axis.Length; i++)
            if (Math.Abs(axis[i] - middle) < Math.Abs(axis[best] - middle)) best = i;
        return best;
    }

    internal static List<GridField> Fields(IProblem problem, IReadOnlyList<double[]> axes, double[,] values, IReadOnlyList<string>? axisNames = null)
    {
        var names = axisNames ?? problem.Domain.Axes.Select(a => a.Name).ToArray();
        int nx = axes[0].Length, nt = axes[1].Length;
        var list = new List<GridField>();
        var reported = problem.ReportedFields();
        for (int k = 0; k < reported.Count; k++)
        {
            var grid = new double[nt, nx];
            for (int it = 0; it < nt; it++)
                for (int ix = 0; ix < nx; ix++) grid[it, ix] = values[it * nx + ix, k];
            list.Add(new GridField(reported[k].Name, axes[0], axes[1], grid) { XName = names[0], TName = names[1] });
        }
        return list;
    }

    /// <summary>Moves the staging folder into place.</summary>
    internal void Commit()
    {
        DisposeHistories();
        if (Directory.Exists(Target)) Directory.Delete(Target, true);
        Directory.Move(Staging, Target);
        committed = true;
    }

    private void DisposeHistories()
    {
        foreach (var h in histories.Values) h.Dispose();
        histories.Clear();
    }

    public void Dispose()
    {
        DisposeHistories();
        if (!committed && Directory.Exists(Staging)) Directory.Delete(Staging, true);
    }
}
