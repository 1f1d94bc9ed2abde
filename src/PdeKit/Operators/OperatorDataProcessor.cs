using System.Text.Json;
using PdeKit.Numerics.Operators;
using static TorchSharp.torch;

namespace PdeKit.Operators;

/// <summary>How a <see cref="OperatorDataProcessor"/> normalises inputs and outputs.</summary>
public enum NormalizationMode
{
    /// <summary>One mean and standard deviation over all samples and points (works at any resolution).</summary>
    Global,

    /// <summary>A mean and standard deviation per grid point (the FNO reference code's choice; only at the training resolution).</summary>
    PerPoint,

    /// <summary>No normalisation.</summary>
    None,
}

/// <summary>Mean and standard deviation of a unit-Gaussian normaliser, JSON-serialisable.</summary>
/// <param name="Mode">How the statistics were taken.</param>
/// <param name="Resolution">Points per axis of the statistics (PerPoint only).</param>
/// <param name="Mean">One value (Global) or one per point (PerPoint).</param>
/// <param name="Std">Same layout as <paramref name="Mean"/>, positive.</param>
public sealed record NormalizerState(NormalizationMode Mode, int Resolution, double[] Mean, double[] Std);

/// <summary>
/// Owns the data handling of operator training: turns <see cref="OperatorDataset"/>s into channel-first tensors
/// (<c>[N, 1, R]</c> or <c>[N, 1, R, R]</c>), and the unit-Gaussian normalisation of inputs and outputs, fitted once on
/// the training data and saved with the model. The model sees normalised inputs and produces normalised outputs;
/// <see cref="Decode"/> maps them back to physical units, in which losses and errors are computed.
/// </summary>
public sealed class OperatorDataProcessor
{
    private const double Epsilon = 1e-8;

    private OperatorDataProcessor(OperatorProblem problem, NormalizerState input, NormalizerState output, NormalizerState? parameters)
    {
        Problem = problem;
        Input = input;
        Output = output;
        Parameters = parameters;
    }

    /// <summary>The problem the statistics belong to.</summary>
    public OperatorProblem Problem { get; }

    /// <summary>Input normaliser.</summary>
    public NormalizerState Input { get; }

    /// <summary>Output normaliser.</summary>
    public NormalizerState Output { get; }

    /// <summary>Normaliser of the per-sample PDE parameters (one mean and std per parameter), or null for unconditioned data.</summary>
    public NormalizerState? Parameters { get; }

    /// <summary>Fits the normalisers on a training set.</summary>
    /// <param name="train">Training data.</param>
    /// <param name="mode">Normalisation mode.</param>
    /// <returns>The processor.</returns>
    public static OperatorDataProcessor Fit(OperatorDataset train, NormalizationMode mode)
    {
        ArgumentNullException.ThrowIfNull(train);
        NormalizerState? parameters = null;
        if (train.Conditioning is { } c)
        {
            int p = c.Length / train.Count;
            var mean = new double[p];
            var std = new double[p];
            for (int k = 0; k < p; k++)
            {
                var column = Enumerable.Range(0, train.Count).Select(i => c[(i * p) + k]).ToArray();
                mean[k] = column.Average();
                std[k] = Math.Sqrt(column.Sum(v => (v - mean[k]) * (v - mean[k])) / column.Length);
                if (std[k] < Epsilon) std[k] = 1; // one value only: centre it, do not blow it up
            }

            parameters = new NormalizerState(NormalizationMode.Global, 0, mean, std);
        }

        return new OperatorDataProcessor(train.Problem, Statistics(train.Inputs, train, mode), Statistics(train.Outputs, train, mode), parameters);
    }

    /// <summary>Normalises per-sample PDE parameters <c>[B, P]</c> (column-wise unit Gaussian from the training data).</summary>
    /// <param name="parameters">Parameters in physical units.</param>
    /// <returns>Normalised parameters.</returns>
    /// <exception cref="ArgumentException">The processor was fitted on unconditioned data, or P differs.</exception>
    public Tensor EncodeParameters(Tensor parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (Parameters is null) throw new ArgumentException("This processor was fitted on data without PDE parameters.", nameof(parameters));
        if (parameters.dim() != 2 || parameters.shape[1] != Parameters.Mean.Length) throw new ArgumentException($"Expected PDE parameters [batch, {Parameters.Mean.Length}]; got [{string.Join(", ", parameters.shape)}].", nameof(parameters));
        var mean = tensor(Parameters.Mean, dtype: parameters.dtype, device: parameters.device);
        var std = tensor(Parameters.Std, dtype: parameters.dtype, device: parameters.device);
        return (parameters - mean) / std;
    }

    /// <summary>The data set as tensors on a device: inputs and outputs <c>[N, 1, R(, R)]</c>, float32, not normalised.</summary>
    /// <param name="data">The data.</param>
    /// <param name="device">Target device.</param>
    /// <returns>(inputs, outputs).</returns>
    /// <exception cref="ArgumentException">The data belong to another problem.</exception>
    public (Tensor Inputs, Tensor Outputs) ToTensors(OperatorDataset data, Device device)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Problem != Problem) throw new ArgumentException($"This processor was fitted on {Problem} data; got {data.Problem}.", nameof(data));
        long[] shape = data.Problem == OperatorProblem.Burgers ? [data.Count, 1, data.Resolution] : [data.Count, 1, data.Resolution, data.Resolution];
        Tensor Make(double[] values) => tensor(values, dtype: ScalarType.Float64).reshape(shape).to(ScalarType.Float32).to(device);
        return (Make(data.Inputs), Make(data.Outputs));
    }

    /// <summary>Normalises inputs <c>[B, 1, R(, R)]</c>.</summary>
    /// <param name="inputs">Inputs in physical units.</param>
    /// <returns>Normalised inputs.</returns>
    public Tensor Encode(Tensor inputs) => Apply(Input, inputs, decode: false);

    /// <summary>Maps normalised outputs <c>[B, 1, R(, R)]</c> back to physical units.</summary>
    /// <param name="outputs">Normalised model outputs.</param>
    /// <returns>Outputs in physical units.</returns>
    public Tensor Decode(Tensor outputs) => Apply(Output, outputs, decode: true);

    /// <summary>Writes the normalisers as JSON.</summary>
    /// <param name="path">File to write.</param>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(new SavedState(Problem, Input, Output, Parameters)));

    /// <summary>Reads normalisers written by <see cref="Save"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The processor.</returns>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a normaliser file.</exception>
    public static OperatorDataProcessor Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Normaliser file not found: {path}", path);
        var state = JsonSerializer.Deserialize<SavedState>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty.");
        if (state.Input is null || state.Output is null) throw new InvalidDataException($"{path} is not a normaliser file.");
        return new OperatorDataProcessor(state.Problem, state.Input, state.Output, state.Parameters);
    }

    private static NormalizerState Statistics(double[] values, OperatorDataset data, NormalizationMode mode)
    {
        if (mode == NormalizationMode.None) return new NormalizerState(mode, data.Resolution, [0.0], [1.0]);
        if (mode == NormalizationMode.Global)
        {
            double mean = values.Average();
            double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
            return new NormalizerState(mode, data.Resolution, [mean], [std + Epsilon]);
        }

        int m = data.SampleLength, n = data.Count;
        var means = new double[m];
        var stds = new double[m];
        for (int p = 0; p < m; p++)
        {
            double s = 0;
            for (int i = 0; i < n; i++) s += values[(i * m) + p];
            means[p] = s / n;
            double q = 0;
            for (int i = 0; i < n; i++) q += (values[(i * m) + p] - means[p]) * (values[(i * m) + p] - means[p]);
            stds[p] = Math.Sqrt(q / n) + Epsilon;
        }

        return new NormalizerState(mode, data.Resolution, means, stds);
    }

    private static Tensor Apply(NormalizerState state, Tensor x, bool decode)
    {
        ArgumentNullException.ThrowIfNull(x);
        Tensor mean, std;
        if (state.Mode == NormalizationMode.PerPoint)
        {
            if (x.shape[^1] != state.Resolution) throw new ArgumentException($"Per-point normalisation was fitted at resolution {state.Resolution}; got data at {x.shape[^1]}. Use Global normalisation for other resolutions.", nameof(x));
            long[] shape = [1, 1, .. x.shape[2..]];
            mean = tensor(state.Mean, dtype: x.dtype, device: x.device).reshape(shape);
            std = tensor(state.Std, dtype: x.dtype, device: x.device).reshape(shape);
        }
        else
        {
            mean = tensor(state.Mean[0], dtype: x.dtype, device: x.device);
            std = tensor(state.Std[0], dtype: x.dtype, device: x.device);
        }

        return decode ? (x * std) + mean : (x - mean) / std;
    }

    private sealed record SavedState(OperatorProblem Problem, NormalizerState Input, NormalizerState Output, NormalizerState? Parameters);
}
