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
    }
}
