using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeKit.Training;

/// <summary>
/// Adam (L2 weight decay) or AdamW (decoupled weight decay) over one flat buffer: every parameter and every
/// gradient is a view into a single [P] tensor, so one step is a fixed handful of kernels on the whole
/// model instead of a dozen per parameter. The step count, the bias corrections and the learning rate live
/// in device tensors, so a step issues no host-to-device copy and can be captured in a CUDA graph.
/// </summary>
/// <remarks>
/// The update is the one of Kingma and Ba (2015, Algorithm 1) with the bias corrections folded into the step
/// size and the denominator, as PyTorch's Adam does it: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
/// p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps). Unlike an optimizer whose zero_grad drops
/// gradients, a parameter that received no gradient in a step is updated with a zero gradient (its moments
/// decay and it keeps moving with them), as in a fused or foreach optimizer over a flat buffer.
/// </remarks>
public sealed class FusedAdam : IDisposable
{
    private readonly Parameter[] parameters;
    private readonly Tensor[] paramViews, gradViews;
    private readonly Tensor flat, flatGrad, m, v, step, lr;
    private readonly double beta1, beta2, eps, weightDecay;
    private readonly bool decoupled;
    private double learningRate;

    /// <summary>Moves <paramref name="parameters"/> into one flat buffer (their values are kept) and prepares the moments.</summary>
    /// <param name="parameters">Parameters, all of one dtype on one device.</param>
    /// <param name="learningRate">Learning rate.</param>
    /// <param name="beta1">First-moment decay.</param>
    /// <param name="beta2">Second-moment decay.</param>
    /// <param name="eps">Denominator guard.</param>
    /// <param name="weightDecay">Weight decay (0: none).</param>
    /// <param name="decoupled">True: AdamW (p *= 1 - lr wd before the step); false: Adam (g += wd p).</param>
    /// <exception cref="ArgumentException">No parameters, mixed dtypes or devices, or a bad hyperparameter.</exception>
    public FusedAdam(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 0, bool decoupled = false)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        this.parameters = parameters.ToArray();
        if (this.parameters.Length == 0) throw new ArgumentException("the fused optimizer needs at least one parameter", nameof(parameters));
        if (!(learningRate > 0) || !double.IsFinite(learningRate)) throw new ArgumentException($"learning rate must be a positive number (got {learningRate})", nameof(learningRate));
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentException($"beta1 must be in [0, 1) (got {beta1})", nameof(beta1));
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentException($"beta2 must be in [0, 1) (got {beta2})", nameof(beta2));
        if (!(eps > 0) || !double.IsFinite(eps)) throw new ArgumentException($"eps must be a positive number (got {eps})", nameof(eps));
        if (!(weightDecay >= 0) || !double.IsFinite(weightDecay)) throw new ArgumentException($"weight decay must be a non-negative number (got {weightDecay})", nameof(weightDecay));
        var first = this.parameters[0];
        foreach (var p in this.parameters)
        {
            if (p.dtype != first.dtype || p.device.ToString() != first.device.ToString())
                throw new ArgumentException($"the fused optimizer needs all parameters on one device with one dtype (got {first.dtype} on {first.device} and {p.dtype} on {p.device})", nameof(parameters));
            if (p.is_sparse) throw new ArgumentException("the fused optimizer does not handle sparse parameters", nameof(parameters));
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.learningRate = learningRate;
        long total = this.parameters.Sum(p => p.numel());
        var dtype = first.dtype;
        var device = first.device;
        flat = zeros(total, dtype: dtype, device: device);
        flatGrad = zeros(total, dtype: dtype, device: device);
        m = zeros(total, dtype: dtype, device: device);
        v = zeros(total, dtype: dtype, device: device);
        step = zeros([], dtype: ScalarType.Float64, device: device);
        lr = full([], learningRate, dtype: ScalarType.Float64, device: device);
        paramViews = new Tensor[this.parameters.Length];
        gradViews = new Tensor[this.parameters.Length];
        long offset = 0;
        using (no_grad())
        {
            for (int i = 0; i < this.parameters.Length; i++)
            {
                var p = this.parameters[i];
                long n = p.numel();
                paramViews[i] = flat.narrow(0, offset, n).view(p.shape);
                paramViews[i].copy_(p);
                p.set_(paramViews[i]);
                gradViews[i] = flatGrad.narrow(0, offset, n).view(p.shape);
                p.grad = gradViews[i];
                offset += n;
            }
        }
        foreach (var t in new[] { flat, flatGrad, m, v, step, lr }.Concat(paramViews).Concat(gradViews)) t.DetachFromDisposeScope();
    }

    /// <summary>
    /// The learning rate; setting it writes the device tensor in place (one fill kernel, no reallocation).
    /// </summary>
    /// <exception cref="ArgumentException">Not a positive number.</exception>
    public double LearningRate
    {
        get => learningRate;
        set
        {
            if (!(value > 0) || !double.IsFinite(value)) throw new ArgumentException($"learning rate must be a positive number (got {value})", nameof(value));
            learningRate = value;
            using (no_grad()) lr.fill_(value);
        }
    }

    /// <summary>Number of parameters (scalars) in the flat buffer.</summary>
    public long Size => flat.numel();

    /// <summary>Steps taken (read from the device: a synchronization on a GPU).</summary>
    public long Steps => (long)step.item<double>();

    /// <summary>The flat parameter buffer [P] (parameters are views into it).</summary>
    public Tensor Parameters => flat;

    /// <summary>The flat gradient buffer [P] (every parameter's grad is a view into it).</summary>
    public Tensor Gradients => flatGrad;

    /// <summary>Zeroes the flat gradient in place (one kernel) and re-attaches any gradient that was replaced.</summary>
    public void ZeroGrad()
    {
        using (no_grad()) flatGrad.zero_();
        for (int i = 0; i < parameters.Length; i++)
            if (!parameters[i].IsInvalid && !SameStorage(parameters[i].grad, gradViews[i])) parameters[i].grad = gradViews[i];
    }

    /// <summary>One Adam/AdamW step on the whole buffer.</summary>
    /// <exception cref="InvalidOperationException">A parameter was moved out of the flat buffer (e.g. by Module.to).</exception>
    public void Step()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        for (int i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].IsInvalid || !SameStorage(parameters[i], paramViews[i]))
                throw new InvalidOperationException($"parameter {i} no longer lives in the fused optimizer's buffer (was the model moved with .to() after the optimizer was made?); create the optimizer after moving the model");
            var g = parameters[i].grad;
            // A gradient tensor that replaced the view (e.g. a backward with create_graph) is copied back in.
            if (g is not null && !SameStorage(g, gradViews[i]))
            {
                gradViews[i].copy_(g);
                parameters[i].grad = gradViews[i];
            }
        }
        step.add_(1);
        var grad = flatGrad;
        if (weightDecay > 0)
        {
            if (decoupled) flat.mul_(1 - lr * weightDecay);
            else grad = grad + flat * weightDecay;
        }
        m.mul_(beta1).add_(grad, alpha: 1 - beta1);
        v.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
        var bc1 = 1 - (step * Math.Log(beta1)).exp();
        var bc2 = 1 - (step * Math.Log(beta2)).exp();
        var denom = (v.sqrt() / bc2.sqrt()).add_(eps);
        flat.sub_(m / denom * (lr / bc1));
    }

    /// <summary>Releases the buffers (the parameters keep the last values: they still share the flat storage).</summary>
    public void Dispose()
    {
        foreach (var t in gradViews) t.Dispose();
        foreach (var t in new[] { flatGrad, m, v, step, lr }) t.Dispose();
    }

    private static bool SameStorage(Tensor? a, Tensor b)
    {
        if (a is null) return false;
        if (a.storage_offset() != b.storage_offset() || a.numel() != b.numel()) return false;
        return a.dtype switch
        {
            ScalarType.Float32 => a.storage<float>().data_ptr() == b.storage<float>().data_ptr(),
            ScalarType.Float64 => a.storage<double>().data_ptr() == b.storage<double>().data_ptr(),
            _ => false,
        };
    }
}
