namespace PdeKit.Models;

/// <summary>Network architecture.</summary>
public enum ModelKind
{
    /// <summary>Plain fully connected network.</summary>
    Mlp,

    /// <summary>The modified MLP of Wang, Teng and Perdikaris (2021) with two gating encoders.</summary>
    ModifiedMlp,
}

/// <summary>Hidden-layer activation.</summary>
public enum Activation
{
    /// <summary>tanh.</summary>
    Tanh,

    /// <summary>sin.</summary>
    Sin,

    /// <summary>GELU.</summary>
    Gelu,
}

/// <summary>Network settings; change with <c>with</c> for ablations.</summary>
/// <param name="Kind">Architecture.</param>
/// <param name="Width">Neurons per hidden layer.</param>
/// <param name="Depth">Number of hidden layers.</param>
/// <param name="Activation">Hidden activation.</param>
/// <param name="FourierFeatures">Number of random Fourier features (0 = none); the embedding has 2x this width.</param>
/// <param name="FourierSigma">Standard deviation of the Fourier feature frequencies (in normalized coordinates).</param>
public sealed record ModelOptions(
    ModelKind Kind = ModelKind.Mlp,
    int Width = 64,
    int Depth = 4,
    Activation Activation = Activation.Tanh,
    int FourierFeatures = 0,
    double FourierSigma = 1.0)
{
    /// <summary>Checks the settings; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (Width < 1) throw new ArgumentException($"model width must be at least 1 (got {Width})");
        if (Depth < 1) throw new ArgumentException($"model depth must be at least 1 (got {Depth})");
        if (FourierFeatures < 0) throw new ArgumentException($"the number of Fourier features cannot be negative (got {FourierFeatures})");
        if (FourierFeatures > 0 && !(FourierSigma > 0 && double.IsFinite(FourierSigma)))
            throw new ArgumentException($"Fourier sigma must be a positive number (got {FourierSigma})");
        if (Interfaces is null) throw new ArgumentException("model interfaces cannot be null (use an empty list for one network)");
        if (Interfaces.Any(v => !double.IsFinite(v))) throw new ArgumentException($"model interfaces must be finite numbers (got {string.Join("; ", Interfaces)})");
        for (int i = 1; i < Interfaces.Length; i++)
            if (!(Interfaces[i] > Interfaces[i - 1])) throw new ArgumentException($"model interfaces must increase strictly (got {string.Join("; ", Interfaces)})");
        if (Interfaces.Length > 0 && string.IsNullOrWhiteSpace(SplitAxis)) throw new ArgumentException("model splitAxis must name the axis the interfaces cut");
        if (InterfacePoints < 1) throw new ArgumentException($"model interfacePoints must be at least 1 (got {InterfacePoints})");
    }

    /// <summary>
    /// Domain decomposition: positions along <see cref="SplitAxis"/> (in the problem's coordinates) where
    /// the domain is cut into subdomains, each with its own network of this architecture; empty (the
    /// default) means one network. Continuity of the solution and of its derivative across each interface
    /// (for a second-order equation: pressure and flux) enters training as the loss terms "interface_k".
    /// </summary>
    public double[] Interfaces { get; init; } = [];

    /// <summary>The axis the <see cref="Interfaces"/> cut (default "x").</summary>
    public string SplitAxis { get; init; } = "x";

    /// <summary>Points per interface for the continuity terms (drawn once per run).</summary>
    public int InterfacePoints { get; init; } = 256;
}
