using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeKit.Training;

/// <summary>
/// L-BFGS with a strong-Wolfe line search (Nocedal and Wright, Algorithms 7.4, 3.5 and 3.6, with
/// cubic interpolation), over the flattened parameters. TorchSharp's built-in LBFGS has no line
/// search, which PINN training needs. Vectors stay on the parameters' device; scalars are doubles.
/// </summary>
public sealed class Lbfgs : IDisposable
{
    private readonly IReadOnlyList<Parameter> parameters;
    private readonly int history;
    private readonly List<(Tensor S, Tensor Y, double Rho)> pairs = [];
    private const double C1 = 1e-4, C2 = 0.9;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters to optimize (all of them, in a fixed order).</param>
    /// <param name="historySize">Number of curvature pairs kept.</param>
    public Lbfgs(IEnumerable<Parameter> parameters, int historySize = 50)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        this.parameters = parameters.ToList();
        if (this.parameters.Count == 0) throw new ArgumentException("L-BFGS needs at least one parameter", nameof(parameters));
        if (historySize < 1) throw new ArgumentOutOfRangeException(nameof(historySize), historySize, "history size must be positive");
        history = historySize;
    }

    /// <summary>Function evaluations made so far.</summary>
    public int Evaluations { get; private set; }

    /// <summary>
    /// Runs up to <paramref name="iterations"/> iterations. <paramref name="closure"/> must zero the
    /// gradients, compute the loss, call backward, and return the loss value.
    /// </summary>
    /// <param name="closure">Loss and gradient evaluation.</param>
    /// <param name="iterations">Maximum iterations.</param>
    /// <param name="onIteration">Called after each iteration with (iteration, loss); return false to stop.</param>
    /// <returns>The final loss.</returns>
    public double Minimize(Func<double> closure, int iterations, Func<int, double, bool>? onIteration = null)
    {
        ArgumentNullException.ThrowIfNull(closure);
        var x = Flatten(false).DetachFromDisposeScope();
        var (f, g) = Evaluate(closure, x);
        try
        {
            for (int it = 0; it < iterations; it++)
            {
                if (g.abs().max().Value() <= 1e-11) break;
                var d = Direction(g).DetachFromDisposeScope();
                double gtd = g.dot(d).Value();
                if (gtd > -1e-14) { d.Dispose(); ClearHistory(); continue; }
                double t0 = pairs.Count == 0 ? Math.Min(1.0, 1.0 / g.abs().sum().Value()) : 1.0;
                var (t, fNew, xNew, gNew) = StrongWolfe(closure, x, f, g, d, gtd, t0);
                var s = (xNew - x).DetachFromDisposeScope();
                var y = (gNew - g).DetachFromDisposeScope();
                double ys = y.dot(s).Value();
                if (ys > 1e-10)
                {
                    if (pairs.Count == history) { pairs[0].S.Dispose(); pairs[0].Y.Dispose(); pairs.RemoveAt(0); }
                    pairs.Add((s, y, 1.0 / ys));
                }
                else { s.Dispose(); y.Dispose(); }
                d.Dispose(); x.Dispose(); g.Dispose();
                x = xNew; g = gNew;
                double change = Math.Abs(fNew - f);
                f = fNew;
                if (onIteration is not null && !onIteration(it + 1, f)) break;
                if (change < 1e-12 * Math.Max(1, Math.Abs(f)) || t == 0) break;
            }
            Assign(x);
            return f;
        }
        finally
        {
            x.Dispose();
            g.Dispose();
        }
    }

    private Tensor Direction(Tensor g)
    {
        using var scope = NewDisposeScope();
        var q = -g;
        var alphas = new double[pairs.Count];
        for (int i = pairs.Count - 1; i >= 0; i--)
        {
            alphas[i] = pairs[i].Rho * pairs[i].S.dot(q).Value();
            q = q - alphas[i] * pairs[i].Y;
        }
        if (pairs.Count > 0)
        {
            var (s, y, _) = pairs[^1];
            q = q * (s.dot(y).Value() / y.dot(y).Value());
        }
        for (int i = 0; i < pairs.Count; i++)
        {
            double beta = pairs[i].Rho * pairs[i].Y.dot(q).Value();
            q = q + (alphas[i] - beta) * pairs[i].S;
        }
        return q.MoveToOuterDisposeScope();
    }

    private (double T, double F, Tensor X, Tensor G) StrongWolfe(Func<double> closure, Tensor x0, double f0, Tensor g0, Tensor d, double gtd0, double t)
    {
        double tPrev = 0, fPrev = f0, gtdPrev = gtd0;
        Tensor? gPrev = null, xPrev = null;
        for (int i = 0; i < 25; i++)
        {
            var xt = (x0 + t * d).DetachFromDisposeScope();
            var (ft, gt) = Evaluate(closure, xt);
            double gtdT = gt.dot(d).Value();
            if (ft > f0 + C1 * t * gtd0 || (i > 0 && ft >= fPrev) || !double.IsFinite(ft))
            {
                var r = Zoom(closure, x0, f0, gtd0, d, tPrev, fPrev, gtdPrev, xPrev, gPrev, t, ft, gtdT);
                xt.Dispose(); gt.Dispose();
                return r;
            }
            if (Math.Abs(gtdT) <= -C2 * gtd0) { xPrev?.Dispose(); gPrev?.Dispose(); return (t, ft, xt, gt); }
            if (gtdT >= 0)
            {
                var r = Zoom(closure, x0, f0, gtd0, d, t, ft, gtdT, xt, gt, tPrev, fPrev, gtdPrev);
                xPrev?.Dispose(); gPrev?.Dispose();
                return r;
            }
            xPrev?.Dispose(); gPrev?.Dispose();
            xPrev = xt; gPrev = gt; tPrev = t; fPrev = ft; gtdPrev = gtdT;
            t *= 2;
        }
        if (xPrev is not null && gPrev is not null) return (tPrev, fPrev, xPrev, gPrev);
        return (0, f0, x0.clone().DetachFromDisposeScope(), g0.clone().DetachFromDisposeScope());
    }

    // Zoom between lo (best so far, satisfies sufficient decrease) and hi.
    private (double T, double F, Tensor X, Tensor G) Zoom(Func<double> closure, Tensor x0, double f0, double gtd0, Tensor d,
        double tLo, double fLo, double gtdLo, Tensor? xLo, Tensor? gLo, double tHi, double fHi, double gtdHi)
    {
        xLo = xLo?.clone().DetachFromDisposeScope();
        gLo = gLo?.clone().DetachFromDisposeScope();
        for (int i = 0; i < 25; i++)
        {
            double t = Cubic(tLo, fLo, gtdLo, tHi, fHi, gtdHi);
            double lo = Math.Min(tLo, tHi), hi = Math.Max(tLo, tHi), w = hi - lo;
            if (!double.IsFinite(t) || t < lo + 0.1 * w || t > hi - 0.1 * w) t = (lo + hi) / 2;
            if (w * Math.Max(1, d.abs().max().Value()) < 1e-12) break;
            var xt = (x0 + t * d).DetachFromDisposeScope();
            var (ft, gt) = Evaluate(closure, xt);
            double gtdT = gt.dot(d).Value();
            if (ft > f0 + C1 * t * gtd0 || ft >= fLo || !double.IsFinite(ft))
            {
                tHi = t; fHi = ft; gtdHi = gtdT;
                xt.Dispose(); gt.Dispose();
                continue;
            }
            if (Math.Abs(gtdT) <= -C2 * gtd0) { xLo?.Dispose(); gLo?.Dispose(); return (t, ft, xt, gt); }
            if (gtdT * (tHi - tLo) >= 0) { tHi = tLo; fHi = fLo; gtdHi = gtdLo; }
            xLo?.Dispose(); gLo?.Dispose();
            tLo = t; fLo = ft; gtdLo = gtdT; xLo = xt; gLo = gt;
        }
        if (xLo is not null && gLo is not null) return (tLo, fLo, xLo, gLo);
        var (f, g) = Evaluate(closure, x0);
        return (0, f, x0.clone().DetachFromDisposeScope(), g);
    }

    // Minimizer of the cubic interpolating f and f' at t1 and t2 (Nocedal and Wright eq. 3.59).
    private static double Cubic(double t1, double f1, double g1, double t2, double f2, double g2)
    {
        double d1 = g1 + g2 - 3 * (f1 - f2) / (t1 - t2);
        double sq = d1 * d1 - g1 * g2;
        if (sq < 0) return double.NaN;
        double d2 = Math.Sign(t2 - t1) * Math.Sqrt(sq);
        return t2 - (t2 - t1) * (g2 + d2 - d1) / (g2 - g1 + 2 * d2);
    }

    private (double F, Tensor G) Evaluate(Func<double> closure, Tensor x)
    {
        Evaluations++;
        Assign(x);
        double f = closure();
        return (f, Flatten(true).DetachFromDisposeScope());
    }

    private void Assign(Tensor x)
    {
        using var _ = no_grad();
        long at = 0;
        foreach (var p in parameters)
        {
            long n = p.numel();
            p.copy_(x.narrow(0, at, n).view_as(p));
            at += n;
        }
    }

    private Tensor Flatten(bool gradients)
    {
        using var scope = NewDisposeScope();
        var parts = parameters.Select(p => gradients
            ? (p.grad is { } gr ? gr.reshape(-1) : zeros(p.numel(), dtype: p.dtype, device: p.device))
            : p.detach().reshape(-1)).ToList();
        return cat(parts, 0).detach().MoveToOuterDisposeScope();
    }

    private void ClearHistory()
    {
        foreach (var (s, y, _) in pairs) { s.Dispose(); y.Dispose(); }
        pairs.Clear();
    }

    /// <inheritdoc />
    public void Dispose() => ClearHistory();
}
