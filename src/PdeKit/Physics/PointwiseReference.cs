namespace PdeKit.Physics;

/// <summary>A reference given by a function of the points (an exact formula or an interpolated solver field).</summary>
/// <param name="Name">Short name shown in reports.</param>
/// <param name="Function">Maps points [N][d] to values [N, outputs].</param>
public sealed record PointwiseReference(string Name, Func<double[][], double[,]> Function) : IReference
{
    /// <inheritdoc />
    public double[,] Evaluate(double[][] points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return Function(points);
    }

    /// <summary>A reference for one scalar output from a vectorised f(x, t).</summary>
    public static PointwiseReference ScalarXT(string name, Func<double[], double[], double[]> f) => new(name, points =>
    {
        var x = points.Select(p => p[0]).ToArray();
        var t = points.Select(p => p[1]).ToArray();
        var u = f(x, t);
        var result = new double[u.Length, 1];
        for (int i = 0; i < u.Length; i++) result[i, 0] = u[i];
        return result;
    });
}
