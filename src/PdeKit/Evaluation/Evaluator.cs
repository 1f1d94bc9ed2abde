using PdeKit.Models;
using PdeKit.Numerics;
using PdeKit.Physics;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Evaluation;

/// <summary>Error of one output field against the reference.</summary>
/// <param name="Field">Field name.</param>
/// <param name="RelativeL2">||pred - ref||_2 / ||ref||_2 over the evaluation grid (its points inside the domain's region, if any).</param>
/// <param name="MaxAbs">max |pred - ref|.</param>
public sealed record FieldError(string Field, double RelativeL2, double MaxAbs);

/// <summary>Predictions and reference values on the problem's evaluation grid (mean-free outputs with their means removed, see <see cref="IProblem.MeanFreeOutputs"/>).</summary>
/// <param name="Axes">Grid values per axis; point index = sum_k i_k * stride_k with axis 0 fastest.</param>
/// <param name="Predicted">[points, outputs]; NaN at points outside the domain's region.</param>
/// <param name="Reference">[points, outputs]; NaN at points outside the domain's region.</param>
/// <param name="Errors">Per-field errors, over the points inside.</param>
public sealed record Evaluation(IReadOnlyList<double[]> Axes, double[,] Predicted, double[,] Reference, IReadOnlyList<FieldError> Errors)
{
    /// <summary>Per grid point, whether it lies inside the domain's region; null for a box domain (every point counts).</summary>
    public IReadOnlyList<bool>? Inside { get; init; }

    /// <summary>
    /// False when the problem has no field reference (<see cref="NoFieldReference"/>): <see cref="Reference"/> is then all
    /// NaN and <see cref="Errors"/> is empty (no relative L2 was evaluated).
    /// </summary>
    public bool HasFieldReference { get; init; } = true;

    /// <summary>The benchmark quantities with their published values (empty unless the problem is <see cref="IBenchmarkQuantities"/>).</summary>
    public IReadOnlyList<QuantityValue> Quantities { get; init; } = [];
}

/// <summary>
/// Evaluates a model against the problem's reference on its evaluation grid; the reference is computed
/// once. For a domain with a region, grid points outside it are skipped: neither the model nor the
/// reference is evaluated there, their values are NaN (a masked heatmap), and errors cover the inside points.
/// A problem without a field reference (<see cref="NoFieldReference"/>) is predicted on the grid but no errors
/// are computed; a problem with benchmark quantities (<see cref="IBenchmarkQuantities"/>) has them computed too.
/// </summary>
public sealed class Evaluator
{
    private readonly IProblem problem;
    private readonly double[][] points;
    private readonly double[,] reference;
    private readonly bool[]? inside;
    private readonly int[] active;
    private readonly int[] meanFree;
    private readonly int[][] slices;
    private readonly IReadOnlyList<Field> fields;
    private readonly IReadOnlyList<BenchmarkQuantity> quantities;

    /// <summary>Builds the grid and evaluates the reference on it.</summary>
    public Evaluator(IProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        this.problem = problem;
        var axes = problem.EvaluationAxes;
        if (axes.Count != problem.Domain.Dimension)
            throw new ArgumentException($"{problem.Name}: {axes.Count} evaluation axes for a {problem.Domain.Dimension}-dimensional domain");
        points = GridPoints(axes);
        fields = problem.ReportedFields();
        if (fields.Count == 0) throw new ArgumentException($"{problem.Name}: the problem reports no fields");
        HasFieldReference = problem.Reference is not NoFieldReference;
        quantities = BenchmarkQuantityEvaluation.Declared(problem);
        if (!HasFieldReference && quantities.Count == 0)
            throw new ArgumentException($"{problem.Name} has neither a field reference nor benchmark quantities: there is nothing to validate it against");
        if (!problem.Domain.HasRegion)
        {
            active = Enumerable.Range(0, points.Length).ToArray();
            reference = HasFieldReference ? problem.Reference.Evaluate(points) : NaNs(points.Length, fields.Count);
        }
        else
        {
            inside = points.Select(problem.Domain.Contains).ToArray();
            active = Enumerable.Range(0, points.Length).Where(i => inside[i]).ToArray();
            if (active.Length == 0) throw new ArgumentException($"{problem.Name}: none of the {points.Length} evaluation points lies inside the region {(object?)problem.Domain.Solid ?? problem.Domain.Region}");
            reference = HasFieldReference
                ? Scatter(problem.Reference.Evaluate(active.Select(i => points[i]).ToArray()), active, points.Length, problem.Name)
                : NaNs(points.Length, fields.Count);
        }
        if (reference.GetLength(0) != points.Length || reference.GetLength(1) != fields.Count)
            throw new InvalidOperationException($"{problem.Name}: the reference returned [{reference.GetLength(0)}, {reference.GetLength(1)}], expected [{points.Length}, {fields.Count}] (one column per reported field: {string.Join(", ", fields)})");
        meanFree = problem.MeanFreeOutputs.Select(f =>
        {
            int k = fields.ToList().IndexOf(f);
            return k >= 0 ? k : throw new ArgumentException($"{problem.Name}: the mean-free output {f} is not one of its reported fields ({string.Join(", ", fields)})");
        }).ToArray();
        int time = problem.Domain.IsTimeDependent ? problem.Domain.IndexOf("t") : -1;
        slices = active.GroupBy(i => time < 0 ? 0.0 : points[i][time]).Select(g => g.ToArray()).ToArray();
        RemoveMeans(reference);
    }

    /// <summary>Subtracts, for each mean-free output, its mean over the inside points of each time slice.</summary>
    private void RemoveMeans(double[,] values)
    {
        foreach (int k in meanFree)
            foreach (var slice in slices)
            {
                double mean = slice.Average(i => values[i, k]);
                foreach (int i in slice) values[i, k] -= mean;
            }
    }

    /// <summary>False when the problem has no field reference (<see cref="NoFieldReference"/>): no field errors are computed.</summary>
    public bool HasFieldReference { get; }

    /// <summary>The problem's benchmark quantities (empty unless it is <see cref="IBenchmarkQuantities"/>).</summary>
    public IReadOnlyList<BenchmarkQuantity> QuantityDefinitions => quantities;

    /// <summary>The evaluation points, [N][d], axis 0 fastest.</summary>
    public IReadOnlyList<double[]> Points => points;

    /// <summary>Per evaluation point, whether it lies inside the domain's region; null for a box domain.</summary>
    public IReadOnlyList<bool>? Inside => inside;

    /// <summary>The fields compared, in column order: the problem's <see cref="ReportedFieldsExtensions.ReportedFields"/>.</summary>
    public IReadOnlyList<Field> Fields => fields;

    /// <summary>
    /// Predicts on the grid in batches and compares with the reference (when the problem has one); computes the
    /// benchmark quantities when <paramref name="quantities"/> is set and the problem has them. Plain outputs are
    /// predicted without building a graph; <see cref="IProblem.Derived"/> fields are computed from an autograd
    /// solution per batch (the graph dies with the batch's dispose scope).
    /// </summary>
    public Evaluation Evaluate(PinnNetwork network, int batch = 32768, bool quantities = true)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch), batch, "the evaluation batch must hold at least one point");
        var p = network.parameters().First();
        var derived = problem.Derived;
        int n = active.Length, d = problem.Domain.Dimension, m = fields.Count;
        var predicted = inside is null ? new double[points.Length, m] : NaNs(points.Length, m);
        using (derived is null ? no_grad() : enable_grad())
        {
            for (int start = 0; start < n; start += batch)
            {
                using var scope = NewDisposeScope();
                int count = Math.Min(batch, n - start);
                var flat = new double[count * d];
                for (int i = 0; i < count; i++)
                    for (int j = 0; j < d; j++) flat[i * d + j] = points[active[start + i]][j];
                var x = tensor(flat, [count, d]).to(p.dtype).to(p.device);
                var y = (derived is null ? network.forward(x) : Derive(network, derived, x)).to(ScalarType.Float64).cpu().data<double>().ToArray();
                for (int i = 0; i < count; i++)
                    for (int k = 0; k < m; k++) predicted[active[start + i], k] = y[i * m + k];
            }
        }
        RemoveMeans(predicted);
        var errors = new List<FieldError>();
        for (int k = 0; k < m && HasFieldReference; k++)
        {
            var pr = inside is null ? Column(predicted, k) : active.Select(i => predicted[i, k]).ToArray();
            var rf = inside is null ? Column(reference, k) : active.Select(i => reference[i, k]).ToArray();
            errors.Add(new FieldError(fields[k].Name, ErrorMetrics.RelativeL2(pr, rf), ErrorMetrics.MaxAbs(pr, rf)));
        }
        return new Evaluation(problem.EvaluationAxes, predicted, reference, errors)
        {
            Inside = inside,
            HasFieldReference = HasFieldReference,
            Quantities = quantities ? BenchmarkQuantityEvaluation.Compute(problem, network) : [],
        };
    }

    /// <summary>An [n, m] array of NaN (masked grid points; the reference of a problem without a field reference).</summary>
    private static double[,] NaNs(int n, int m)
    {
        var a = new double[n, m];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < m; k++) a[i, k] = double.NaN;
        return a;
    }

    /// <summary>The derived fields at points [N, d] (no gradient): [N, fields], detached.</summary>
    private Tensor Derive(PinnNetwork network, DerivedFields derived, Tensor x)
    {
        var leaf = x.detach().requires_grad_(true);
        var coords = new Coords(leaf, problem.Domain) { Unknowns = network.Unknowns() };
        var solution = new AutogradSolution(problem.Domain, problem.Outputs, leaf, network.forward(leaf));
        var y = derived.Compute(coords, solution);
        if (y.dim() != 2 || y.shape[0] != x.shape[0] || y.shape[1] != fields.Count)
            throw new InvalidOperationException($"{problem.Name}: the derived fields have shape [{string.Join(", ", y.shape)}], expected [{x.shape[0]}, {fields.Count}] ({string.Join(", ", fields)})");
        return y.detach();
    }

    /// <summary>Rows of <paramref name="values"/> placed at <paramref name="rows"/> of an [n, outputs] array of NaN.</summary>
    private static double[,] Scatter(double[,] values, int[] rows, int n, string name)
    {
        if (values.GetLength(0) != rows.Length)
            throw new InvalidOperationException($"{name}: the reference returned {values.GetLength(0)} rows for {rows.Length} points inside the region");
        int m = values.GetLength(1);
        var full = NaNs(n, m);
        for (int r = 0; r < rows.Length; r++)
            for (int k = 0; k < m; k++) full[rows[r], k] = values[r, k];
        return full;
    }

    /// <summary>Column k of a [N, m] array.</summary>
    public static double[] Column(double[,] a, int k)
    {
        ArgumentNullException.ThrowIfNull(a);
        var c = new double[a.GetLength(0)];
        for (int i = 0; i < c.Length; i++) c[i] = a[i, k];
        return c;
    }

    /// <summary>Tensor-product grid points, axis 0 fastest.</summary>
    public static double[][] GridPoints(IReadOnlyList<double[]> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        int total = axes.Aggregate(1, (acc, a) => acc * a.Length);
        if (total == 0) throw new ArgumentException("an evaluation axis is empty");
        var pts = new double[total][];
        for (int i = 0; i < total; i++)
        {
            pts[i] = new double[axes.Count];
            int rem = i;
            for (int k = 0; k < axes.Count; k++)
            {
                pts[i][k] = axes[k][rem % axes[k].Length];
                rem /= axes[k].Length;
            }
        }
        return pts;
    }
}
