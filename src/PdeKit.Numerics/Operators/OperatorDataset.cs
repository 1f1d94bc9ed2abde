namespace PdeKit.Numerics.Operators;

/// <summary>Which operator-learning problem a data set holds.</summary>
public enum OperatorProblem
{
    /// <summary>Periodic viscous Burgers on [0, 1): <c>u(., 0) -&gt; u(., T)</c>, samples of shape [R].</summary>
    Burgers,

    /// <summary>Darcy flow on the unit square: permeability <c>a -&gt; u</c>, samples of shape [R, R].</summary>
    Darcy,
}

/// <summary>
/// Input/output pairs of an operator at one resolution: <c>Inputs</c> and <c>Outputs</c> hold <c>Count</c> samples of
/// <c>R</c> (Burgers) or <c>R x R</c> (Darcy, row-major <c>[j * R + i]</c> at <c>(x_i, y_j)</c>) float64 values each,
/// sample after sample. <c>Parameters</c> are the generator's numeric attributes (seed, nu, ...).
/// </summary>
public sealed record OperatorDataset
{
    /// <summary>Creates a data set and checks the array sizes.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="resolution">Points per axis R.</param>
    /// <param name="count">Number of samples.</param>
    /// <param name="inputs">Count * R^d input values.</param>
    /// <param name="outputs">Count * R^d output values.</param>
    /// <param name="parameters">Numeric attributes of the generator.</param>
    /// <exception cref="ArgumentException">A size does not match or a value is not finite.</exception>
    public OperatorDataset(OperatorProblem problem, int resolution, int count, double[] inputs, double[] outputs, IReadOnlyDictionary<string, double> parameters)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(resolution, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Problem = problem;
        Resolution = resolution;
        Count = count;
        long expected = (long)count * SampleSize(problem, resolution);
        if (inputs.Length != expected || outputs.Length != expected)
        {
            throw new ArgumentException($"A {problem} data set of {count} samples at resolution {resolution} needs {expected} input and output values; got {inputs.Length} and {outputs.Length}.");
        }

        int bad = Array.FindIndex(inputs, v => !double.IsFinite(v));
        if (bad >= 0) throw new ArgumentException($"Input value {bad} (sample {bad / SampleSize(problem, resolution)}) is not finite: {inputs[bad]}.", nameof(inputs));
        bad = Array.FindIndex(outputs, v => !double.IsFinite(v));
        if (bad >= 0) throw new ArgumentException($"Output value {bad} (sample {bad / SampleSize(problem, resolution)}) is not finite: {outputs[bad]}.", nameof(outputs));
        Inputs = inputs;
        Outputs = outputs;
        Parameters = parameters;
    }

    /// <summary>The problem.</summary>
    public OperatorProblem Problem { get; }

    /// <summary>Points per axis.</summary>
    public int Resolution { get; }

    /// <summary>Number of samples.</summary>
    public int Count { get; }

    /// <summary>Input values (Burgers: u(x, 0); Darcy: the permeability a), sample-major.</summary>
    public double[] Inputs { get; }

    /// <summary>Output values (Burgers: u(x, T); Darcy: the pressure u), sample-major.</summary>
    public double[] Outputs { get; }

    /// <summary>Numeric attributes of the generator (seed, nu, time, GRF parameters ...).</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>
    /// Per-sample PDE parameters for parameter-conditioned operators, <c>Count * P</c> values sample-major (e.g. nu of
    /// each sample when data sets of several viscosities are joined by <see cref="Concat"/>), or null.
    /// </summary>
    public double[]? Conditioning { get; init; }

    /// <summary>
    /// Joins data sets of one problem and resolution, tagging each sample with the values of the named parameters of the
    /// set it came from (from <see cref="Parameters"/>), for a parameter-conditioned operator.
    /// </summary>
    /// <param name="sets">At least one data set, same problem and resolution.</param>
    /// <param name="conditionOn">Parameter names, e.g. ["nu"]; each must be in every set's parameters.</param>
    /// <returns>The joined data set with <see cref="Conditioning"/> set.</returns>
    /// <exception cref="ArgumentException">Empty or mismatched sets, or a missing parameter.</exception>
    public static OperatorDataset Concat(IReadOnlyList<OperatorDataset> sets, IReadOnlyList<string> conditionOn)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(conditionOn);
        if (sets.Count == 0) throw new ArgumentException("Give at least one data set to join.", nameof(sets));
        var first = sets[0];
        if (sets.Any(s => s.Problem != first.Problem || s.Resolution != first.Resolution)) throw new ArgumentException("Joined data sets must share the problem and the resolution.", nameof(sets));
        var conditioning = new List<double>();
        foreach (var s in sets)
        {
            var values = conditionOn.Select(name => s.Parameters.TryGetValue(name, out var v) ? v : throw new ArgumentException($"A data set has no parameter '{name}' (has: {string.Join(", ", s.Parameters.Keys)}).", nameof(conditionOn))).ToArray();
            for (int i = 0; i < s.Count; i++) conditioning.AddRange(values);
        }

        return new OperatorDataset(first.Problem, first.Resolution, sets.Sum(s => s.Count), sets.SelectMany(s => s.Inputs).ToArray(), sets.SelectMany(s => s.Outputs).ToArray(), first.Parameters)
        {
            Conditioning = conditionOn.Count == 0 ? null : conditioning.ToArray(),
        };
    }

    /// <summary>Values per sample: R (Burgers) or R^2 (Darcy).</summary>
    public int SampleLength => SampleSize(Problem, Resolution);

    /// <summary>The grid coordinates along one axis: <c>j / R</c> (periodic Burgers) or <c>j / (R - 1)</c> (Darcy nodes).</summary>
    /// <returns>R coordinates.</returns>
    public double[] Axis() => Enumerable.Range(0, Resolution).Select(j => Problem == OperatorProblem.Burgers ? (double)j / Resolution : (double)j / (Resolution - 1)).ToArray();

    /// <summary>The first <paramref name="count"/> samples starting at <paramref name="start"/>, as a new data set.</summary>
    /// <param name="start">First sample.</param>
    /// <param name="count">Number of samples.</param>
    /// <returns>The slice.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the data set.</exception>
    public OperatorDataset Slice(int start, int count)
    {
        if (start < 0 || count < 1 || start + count > Count) throw new ArgumentOutOfRangeException(nameof(count), $"Samples {start}..{start + count - 1} are outside the data set's {Count} samples.");
        int m = SampleLength;
        int p = Conditioning is null ? 0 : Conditioning.Length / Count;
        return new OperatorDataset(Problem, Resolution, count, Inputs.AsSpan(start * m, count * m).ToArray(), Outputs.AsSpan(start * m, count * m).ToArray(), Parameters)
        {
            Conditioning = Conditioning?.AsSpan(start * p, count * p).ToArray(),
        };
    }

    internal static int SampleSize(OperatorProblem problem, int resolution) => problem == OperatorProblem.Burgers ? resolution : resolution * resolution;
}
