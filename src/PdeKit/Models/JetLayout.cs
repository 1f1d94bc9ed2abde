using static TorchSharp.torch;

namespace PdeKit.Models;

/// <summary>
/// Which derivatives a <see cref="Jet"/> carries: channel 0 is the value, then first partials d/dx_i,
/// then second partials d2/dx_i dx_j (i &lt;= j, mixed included). Every second partial's two first
/// partials are present (the chain rule of the second order needs them), so the set is closed.
/// </summary>
public sealed class JetLayout
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Device, ScalarType Type), Tensor> biasMasks = [];
    private readonly Dictionary<string, (Tensor I, Tensor J, Tensor FirstAxes, Tensor SecondI, Tensor SecondJ)> indices = new(StringComparer.Ordinal);
    private readonly object gate = new();

    private JetLayout(int dimension, List<int[]> channels)
    {
        Dimension = dimension;
        Channels = channels;
        for (int c = 0; c < channels.Count; c++) index[Key(channels[c])] = c;
        FirstCount = channels.Count(a => a.Length == 1);
        SecondCount = channels.Count(a => a.Length == 2);
        FirstAxes = [.. channels.Where(a => a.Length == 1).Select(a => (long)a[0])];
        var seconds = channels.Where(a => a.Length == 2).ToList();
        SecondAxisI = [.. seconds.Select(a => (long)a[0])];
        SecondAxisJ = [.. seconds.Select(a => (long)a[1])];
        SecondChannelI = [.. seconds.Select(a => (long)index[Key([a[0]])] - 1)];
        SecondChannelJ = [.. seconds.Select(a => (long)index[Key([a[1]])] - 1)];
        // (first partials are channels 1..F, so channel - 1 indexes them)
        SecondIsDiagonal = seconds.All(a => a[0] == a[1]);
        SecondFirstStart = SecondChannelI.Length > 0 ? (int)SecondChannelI[0] : 0;
        SecondFirstsAreContiguous = SecondChannelI.Select((c, k) => c == SecondFirstStart + k).All(ok => ok);
    }

    /// <summary>True when every second partial is a pure one, d2/dx_i^2 (no mixed partials).</summary>
    internal bool SecondIsDiagonal { get; }

    /// <summary>True when the first partials along the second partials' axes are consecutive partial channels from <see cref="SecondFirstStart"/>.</summary>
    internal bool SecondFirstsAreContiguous { get; }

    /// <summary>See <see cref="SecondFirstsAreContiguous"/>.</summary>
    internal int SecondFirstStart { get; }

    /// <summary>Number of input axes d.</summary>
    public int Dimension { get; }

    /// <summary>The channels' axis multisets (sorted), value first: [], [i]..., [i, j]....</summary>
    public IReadOnlyList<int[]> Channels { get; }

    /// <summary>Number of channels K (value + first + second partials).</summary>
    public int Count => Channels.Count;

    /// <summary>Number of first-partial channels.</summary>
    public int FirstCount { get; }

    /// <summary>Number of second-partial channels.</summary>
    public int SecondCount { get; }

    /// <summary>Axis of each first-partial channel, in channel order.</summary>
    internal long[] FirstAxes { get; }

    /// <summary>Axes i and j of each second-partial channel, in channel order.</summary>
    internal long[] SecondAxisI { get; }

    /// <inheritdoc cref="SecondAxisI"/>
    internal long[] SecondAxisJ { get; }

    /// <summary>Index among the partials (channel - 1) of d/dx_i and of d/dx_j for each second-partial channel.</summary>
    internal long[] SecondChannelI { get; }

    /// <inheritdoc cref="SecondChannelI"/>
    internal long[] SecondChannelJ { get; }

    /// <summary>
    /// The smallest closed layout holding the requested derivatives (axis index lists of order 0, 1 or 2, any
    /// order of axes: derivatives commute).
    /// </summary>
    /// <exception cref="ArgumentException">An axis outside [0, d) or a derivative of order above 2.</exception>
    public static JetLayout For(int dimension, IEnumerable<int[]> requested)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "a jet needs at least one input axis");
        ArgumentNullException.ThrowIfNull(requested);
        var firsts = new SortedSet<int>();
        var seconds = new SortedSet<(int, int)>();
        foreach (var axes in requested)
        {
            ArgumentNullException.ThrowIfNull(axes);
            if (axes.Length > 2) throw new ArgumentException($"a jet carries derivatives up to order 2; d^{axes.Length} along axes ({string.Join(", ", axes)}) was requested", nameof(requested));
            foreach (var a in axes)
                if (a < 0 || a >= dimension) throw new ArgumentException($"axis index {a} is outside [0, {dimension})", nameof(requested));
            var s = axes.Order().ToArray();
            foreach (var a in s) firsts.Add(a);
            if (s.Length == 2) seconds.Add((s[0], s[1]));
        }
        var channels = new List<int[]> { Array.Empty<int>() };
        channels.AddRange(firsts.Select(a => new[] { a }));
        channels.AddRange(seconds.Select(p => new[] { p.Item1, p.Item2 }));
        return new JetLayout(dimension, channels);
    }

    /// <summary>All first and second partials of d inputs: K = 1 + d + d(d+1)/2 channels.</summary>
    public static JetLayout Full(int dimension)
    {
        var all = new List<int[]>();
        for (int i = 0; i < dimension; i++)
            for (int j = i; j < dimension; j++) all.Add([i, j]);
        return For(dimension, all);
    }

    /// <summary>The channel of the derivative along <paramref name="axes"/> (any order), or -1 if the jet does not carry it.</summary>
    public int IndexOf(IReadOnlyCollection<int> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        return index.TryGetValue(Key(axes.Order()), out var c) ? c : -1;
    }

    /// <summary>
    /// The first partials of the input map s = (x - shift) * scale, [F, 1, d]: scale_i in column i for the
    /// partial along x_i. One multiply by a cached 0/1 selector.
    /// </summary>
    /// <param name="scale">Scale [1, d].</param>
    internal Tensor InputSeeds(Tensor scale)
    {
        Tensor selector;
        lock (gate)
        {
            var key = (scale.device.ToString() + "/seeds", scale.dtype);
            if (!biasMasks.TryGetValue(key, out selector!) || selector.IsInvalid)
            {
                var host = new double[FirstCount * Dimension];
                for (int c = 0; c < FirstAxes.Length; c++) host[c * Dimension + FirstAxes[c]] = 1;
                selector = tensor(host, [FirstCount, 1, Dimension]).to(scale.dtype).to(scale.device).DetachFromDisposeScope();
                biasMasks[key] = selector;
            }
        }
        return selector * scale;
    }

    /// <summary>The Taylor coefficients of the second-partial channels, [S, 1, 1]: 1/2 for d2/dx_i^2, 1 for a mixed partial.</summary>
    internal Tensor TaylorCoefficients(Device device, ScalarType type)
    {
        lock (gate)
        {
            var key = (device.ToString() + "/taylor", type);
            if (!biasMasks.TryGetValue(key, out var c) || c.IsInvalid)
            {
                var host = Channels.Where(a => a.Length == 2).Select(a => a[0] == a[1] ? 0.5 : 1.0).ToArray();
                c = tensor(host, [host.Length, 1, 1]).to(type).to(device).DetachFromDisposeScope();
                biasMasks[key] = c;
            }
            return c;
        }
    }

    /// <summary>Index tensors on <paramref name="device"/>: the first-partial channels of each second partial, and the axes of each channel.</summary>
    internal (Tensor I, Tensor J, Tensor FirstAxes, Tensor SecondI, Tensor SecondJ) Indices(Device device)
    {
        lock (gate)
        {
            var key = device.ToString();
            if (!indices.TryGetValue(key, out var t) || t.I.IsInvalid)
            {
                static Tensor Make(long[] v, Device d) => tensor(v, ScalarType.Int64).to(d).DetachFromDisposeScope();
                t = (Make(SecondChannelI, device), Make(SecondChannelJ, device), Make(FirstAxes, device), Make(SecondAxisI, device), Make(SecondAxisJ, device));
                indices[key] = t;
            }
            return t;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(" ", Channels.Select(a => a.Length == 0 ? "u" : "d" + string.Concat(a.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

    private static string Key(IEnumerable<int> sortedAxes) => string.Join(',', sortedAxes);
}
