using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PdeKit.Models;

/// <summary>Builds networks from <see cref="ModelOptions"/>.</summary>
public static class Networks
{
    /// <summary>Creates a network mapping [N, inputs] to [N, outputs]. Weights are Glorot-normal, biases zero.</summary>
    public static Module<Tensor, Tensor> Create(ModelOptions options, int inputs, int outputs)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (inputs < 1 || outputs < 1) throw new ArgumentException($"inputs and outputs must be positive (got {inputs}, {outputs})");
        Module<Tensor, Tensor>? embedding = options.FourierFeatures > 0 ? new FourierFeatures(inputs, options.FourierFeatures, options.FourierSigma) : null;
        int width0 = options.FourierFeatures > 0 ? 2 * options.FourierFeatures : inputs;
        Module<Tensor, Tensor> body = options.Kind switch
        {
            ModelKind.Mlp => new Mlp(width0, options.Width, options.Depth, outputs, options.Activation),
            ModelKind.ModifiedMlp => new ModifiedMlp(width0, options.Width, options.Depth, outputs, options.Activation),
            _ => throw new ArgumentException($"unknown model kind {options.Kind}"),
        };
        return embedding is null ? body : Sequential(("embed", embedding), ("body", body));
    }

    internal static Tensor Apply(Activation a, Tensor x) => a switch
    {
        Activation.Tanh => x.tanh(),
        Activation.Sin => x.sin(),
        Activation.Gelu => functional.gelu(x),
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    internal static Linear Dense(int inputs, int outputs)
    {
        var layer = Linear(inputs, outputs);
        using (no_grad())
        {
            init.xavier_normal_(layer.weight!);
            init.zeros_(layer.bias!);
        }
        return layer;
    }
}

/// <summary>A fully connected network with <c>depth</c> hidden layers.</summary>
public sealed class Mlp : Module<Tensor, Tensor>, IJetModule
{
    private readonly ModuleList<Linear> layers = new();
    private readonly Activation activation;

    /// <summary>Creates the network.</summary>
    public Mlp(int inputs, int width, int depth, int outputs, Activation activation) : base(nameof(Mlp))
    {
        this.activation = activation;
        layers.Add(Networks.Dense(inputs, width));
        for (int i = 1; i < depth; i++) layers.Add(Networks.Dense(width, width));
        layers.Add(Networks.Dense(width, outputs));
        RegisterComponents();
    }

    /// <summary>Forward pass: x [N, inputs] to [N, outputs].</summary>
    public override Tensor forward(Tensor x)
    {
        var h = x;
        for (int i = 0; i < layers.Count - 1; i++) h = Networks.Apply(activation, layers[i].forward(h));
        return layers[^1].forward(h);
    }

    /// <inheritdoc />
    public Jet Forward(Jet input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var h = input;
        for (int i = 0; i < layers.Count - 1; i++) h = h.Linear(layers[i].weight!, layers[i].bias).Activate(activation);
        return h.Linear(layers[^1].weight!, layers[^1].bias);
    }
}

/// <summary>
/// The modified MLP of Wang, Teng and Perdikaris (2021, "Understanding and mitigating gradient flow
/// pathologies in physics-informed neural networks"): encoders U = s(W_u x), V = s(W_v x) and hidden
/// updates H = (1 - Z) * U + Z * V with Z = s(W h).
/// </summary>
public sealed class ModifiedMlp : Module<Tensor, Tensor>, IJetModule
{
    private readonly Linear encoderU, encoderV;
    private readonly ModuleList<Linear> layers = new();
    private readonly Linear output;
    private readonly Activation activation;

    /// <summary>Creates the network.</summary>
    public ModifiedMlp(int inputs, int width, int depth, int outputs, Activation activation) : base(nameof(ModifiedMlp))
    {
        this.activation = activation;
        encoderU = Networks.Dense(inputs, width);
        encoderV = Networks.Dense(inputs, width);
        layers.Add(Networks.Dense(inputs, width));
        for (int i = 1; i < depth; i++) layers.Add(Networks.Dense(width, width));
        output = Networks.Dense(width, outputs);
        RegisterComponents();
    }

    /// <summary>Forward pass: x [N, inputs] to [N, outputs].</summary>
    public override Tensor forward(Tensor x)
    {
        var u = Networks.Apply(activation, encoderU.forward(x));
        var v = Networks.Apply(activation, encoderV.forward(x));
        var h = x;
        foreach (var layer in layers)
        {
            var z = Networks.Apply(activation, layer.forward(h));
            h = (1 - z) * u + z * v;
        }
        return output.forward(h);
    }

    /// <inheritdoc />
    public Jet Forward(Jet input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var u = input.Linear(encoderU.weight!, encoderU.bias).Activate(activation);
        var v = input.Linear(encoderV.weight!, encoderV.bias).Activate(activation);
        var h = input;
        foreach (var layer in layers)
        {
            var z = h.Linear(layer.weight!, layer.bias).Activate(activation);
            h = u + z * (v - u); // = (1 - z) u + z v with one jet product
        }
        return h.Linear(output.weight!, output.bias);
    }
}

/// <summary>Random Fourier features [cos(2 pi B x), sin(2 pi B x)] with fixed B ~ N(0, sigma^2) (Tancik et al. 2020).</summary>
public sealed class FourierFeatures : Module<Tensor, Tensor>, IJetModule
{
    /// <summary>Creates the embedding; B is a buffer (saved in checkpoints, not trained).</summary>
    public FourierFeatures(int inputs, int features, double sigma) : base(nameof(FourierFeatures))
    {
        register_buffer("B", randn(inputs, features) * sigma);
    }

    // Looked up by name: Module.to(...) replaces buffers, so a field holding the first tensor would go stale.
    private Tensor Frequencies => get_buffer("B")!;

    /// <summary>x [N, inputs] to [N, 2 features].</summary>
    public override Tensor forward(Tensor x)
    {
        var proj = 2 * Math.PI * x.matmul(Frequencies);
        return cat([proj.cos(), proj.sin()], 1);
    }

    /// <inheritdoc />
    public Jet Forward(Jet input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var proj = input.MatMul(Frequencies).Scale(2 * Math.PI);
        return Jet.Concat([proj.Cos(), proj.Sin()]);
    }
}
