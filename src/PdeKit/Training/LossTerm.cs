using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Training;

/// <summary>A named loss term: squared residuals per point, and the points they belong to.</summary>
/// <param name="Name">Name used in logs and the history CSV, e.g. "residual".</param>
/// <param name="Squared">Squared residual per point, shape [N].</param>
/// <param name="Coords">The points, [N, d] (causal weighting needs their times).</param>
/// <param name="IsResidual">True for PDE residual terms (causal weighting applies to these only); false for constraint terms.</param>
public sealed record LossTerm(string Name, Tensor Squared, Coords Coords, bool IsResidual = true)
{
    /// <summary>Mean squared residual (scalar tensor).</summary>
    public Tensor Mean => Squared.mean();
}
