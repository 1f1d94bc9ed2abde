namespace PdeKit.Operators;

/// <summary>Architecture of a Fourier neural operator (defaults: the FNO paper's 1D Burgers network).</summary>
public sealed record FnoOptions
{
    /// <summary>Retained Fourier modes per axis (default 16; the paper: 16 for Burgers, 12 for Darcy).</summary>
    public int Modes { get; init; } = 16;

    /// <summary>Channels of the Fourier layers (default 64; the paper: 64 for Burgers, 32 for Darcy).</summary>
    public int Width { get; init; } = 64;

    /// <summary>Number of Fourier layers (default 4).</summary>
    public int Layers { get; init; } = 4;

    /// <summary>Hidden channels of the projection (default 128).</summary>
    public int ProjectionWidth { get; init; } = 128;

    /// <summary>
    /// Zero padding appended at the end of each spatial axis after lifting, as a fraction of the grid (default 0: the
    /// data are periodic). Non-periodic data such as Darcy want about 0.1, so the FFT does not wrap the boundary around.
    /// </summary>
    public double Padding { get; init; }

    /// <summary>Number of PDE parameters the network is conditioned on (default 0; e.g. 1 for nu).</summary>
    public int ConditioningParameters { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A size below 1 or a padding outside [0, 1].</exception>
    public void Validate()
    {
        if (Modes < 1 || Width < 1 || Layers < 1 || ProjectionWidth < 1) throw new ArgumentException($"FNO sizes must be positive (modes {Modes}, width {Width}, layers {Layers}, projection {ProjectionWidth}).");
        if (!(Padding >= 0 && Padding <= 1)) throw new ArgumentException($"FNO padding {Padding} must be a fraction in [0, 1].");
        if (ConditioningParameters < 0) throw new ArgumentException($"FNO conditioning parameters {ConditioningParameters} must be non-negative.");
    }
}
