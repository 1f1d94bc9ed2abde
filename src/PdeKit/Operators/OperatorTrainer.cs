using System.Diagnostics;
using PdeKit.Numerics.Operators;
using PdeKit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Operators;

/// <summary>
/// Trains neural operators on <see cref="OperatorDataset"/>s: mini-batches on the device, Adam with weight decay and a
/// per-epoch learning-rate schedule, relative L2 loss in physical units (normalisation owned by the
/// <see cref="OperatorDataProcessor"/>), an optional PINO term (Darcy residual by finite differences on the output
/// grid), and periodic test evaluation. Each step runs in its own dispose scope.
/// </summary>
public static class OperatorTrainer
{
    /// <summary>Trains <paramref name="model"/> in place.</summary>
    /// <param name="model">The operator; moved to the options' device.</param>
    /// <param name="processor">Data handling and normalisation (fitted on <paramref name="train"/>).</param>
    /// <param name="train">Training data.</param>
    /// <param name="test">Test data (any resolution the model and processor accept).</param>
    /// <param name="options">Settings.</param>
    /// <param name="onEpoch">Called after each epoch, or null.</param>
    /// <returns>The history, one record per epoch.</returns>
    /// <exception cref="ArgumentException">Bad options, data of another problem, or PINO on Burgers.</exception>
    public static IReadOnlyList<OperatorEpochRecord> Train(
        OperatorModel model, OperatorDataProcessor processor, OperatorDataset train, OperatorDataset test, OperatorTrainingOptions options, Action<OperatorEpochRecord>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.PinoWeight > 0 && train.Problem != OperatorProblem.Darcy)
        {
            throw new ArgumentException("The PINO loss is implemented for Darcy (the residual of u(., T) is not available for the Burgers map u0 -> u(T)); set pinoWeight=0.");
        }

        CheckConditioning(model, train);
        var device = TorchRuntime.ResolveDevice(options.Device);
        model.to(device);
        var (xs, ys) = processor.ToTensors(train, device);
        using var inputs = xs;
        using var outputs = ys;
        using var ps = Conditioning(model, processor, train, device);
        var parameters = model.parameters().ToArray();
        using var adam = optim.Adam(parameters, options.LearningRate, weight_decay: options.WeightDecay);
        var random = new Random(options.Seed);
        var history = new List<OperatorEpochRecord>();
        var watch = Stopwatch.StartNew();
        int n = train.Count;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            double lr = options.RateAt(epoch);
            foreach (var g in adam.ParamGroups) g.LearningRate = lr;
            model.train();
            var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
            double total = 0, dataTotal = 0, pdeTotal = 0;
            for (int start = 0; start < n; start += options.BatchSize)
            {
                using var scope = NewDisposeScope();
                int count = Math.Min(options.BatchSize, n - start);
                var index = tensor(order.AsSpan(start, count).ToArray().Select(i => (long)i).ToArray(), device: device);
                var x = xs.index_select(0, index);
                var y = ys.index_select(0, index);
                var prediction = processor.Decode(model.Forward(processor.Encode(x), ps?.index_select(0, index)));
                var dataLoss = OperatorLosses.RelativeL2(prediction, y);
                var loss = dataLoss;
                Tensor? pdeLoss = null;
                if (options.PinoWeight > 0)
                {
                    pdeLoss = OperatorLosses.DarcyResidual(x, prediction).square().mean();
                    loss = dataLoss + (options.PinoWeight * pdeLoss);
                }

                adam.zero_grad();
                loss.backward();
                adam.step();
                total += loss.item<float>() * count;
                dataTotal += dataLoss.item<float>() * count;
                pdeTotal += (pdeLoss?.item<float>() ?? 0) * count;
            }

            bool evaluate = (epoch + 1) % options.EvaluateEvery == 0 || epoch == options.Epochs - 1;
            double testError = evaluate ? Evaluate(model, processor, test, device, options.BatchSize).MeanRelativeL2 : double.NaN;
            var record = new OperatorEpochRecord(epoch + 1, watch.Elapsed.TotalSeconds, lr, total / n, dataTotal / n, pdeTotal / n, testError);
            history.Add(record);
            onEpoch?.Invoke(record);
        }

        return history;
    }

    /// <summary>Evaluates a model on a data set (any resolution): mean and per-sample relative L2 errors, predictions, inference time.</summary>
    /// <param name="model">The operator (on <paramref name="device"/>).</param>
    /// <param name="processor">The fitted processor.</param>
    /// <param name="data">The data.</param>
    /// <param name="device">Device of the model.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <returns>The evaluation.</returns>
    public static OperatorEvaluation Evaluate(OperatorModel model, OperatorDataProcessor processor, OperatorDataset data, Device device, int batchSize = 50)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        CheckConditioning(model, data);
        model.eval();
        var errors = new double[data.Count];
        var predictions = new double[data.Inputs.Length];
        int m = data.SampleLength;
        var (xs, ys) = processor.ToTensors(data, device);
        using var inputs = xs;
        using var outputs = ys;
        using var ps = Conditioning(model, processor, data, device);
        var watch = Stopwatch.StartNew();
        using (no_grad())
        {
            for (int start = 0; start < data.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                int count = Math.Min(batchSize, data.Count - start);
                var x = xs[start..(start + count)];
                var prediction = processor.Decode(model.Forward(processor.Encode(x), ps?[start..(start + count)]));
                var e = OperatorLosses.PerSampleRelativeL2(prediction, ys[start..(start + count)]).to(ScalarType.Float64).cpu().data<double>().ToArray();
                e.CopyTo(errors, start);
                prediction.to(ScalarType.Float64).cpu().data<double>().ToArray().CopyTo(predictions, (long)start * m);
            }
        }

        double seconds = watch.Elapsed.TotalSeconds;
        model.train();
        return new OperatorEvaluation(data.Resolution, data.Count, errors.Average(), errors, predictions, seconds);
    }

    private static void CheckConditioning(OperatorModel model, OperatorDataset data)
    {
        int p = data.Conditioning is null ? 0 : data.Conditioning.Length / data.Count;
        if (model.ConditioningParameters != p)
        {
            throw new ArgumentException($"The model is conditioned on {model.ConditioningParameters} PDE parameter(s) but the data carry {p} per sample.");
        }
    }

    /// <summary>The data's per-sample PDE parameters, normalised by the processor, on the device; null for unconditioned models.</summary>
    private static Tensor? Conditioning(OperatorModel model, OperatorDataProcessor processor, OperatorDataset data, Device device)
    {
        if (model.ConditioningParameters == 0 || data.Conditioning is null) return null;
        using var raw = tensor(data.Conditioning, dtype: ScalarType.Float64).reshape(data.Count, model.ConditioningParameters);
        using var encoded = processor.EncodeParameters(raw);
        return encoded.to(ScalarType.Float32).to(device);
    }
}
