namespace PdeKit.Numerics;

/// <summary>
/// A scalar field sampled on a tensor grid in space and time, <c>U[i, j] = u(X[j], T[i])</c>, with
/// interpolation: local Lagrange polynomials of degree 5 (six nearest nodes) in x and linear in t between
/// stored times (exact rows at stored times).
/// </summary>
/// <param name="X">Spatial nodes, finite and strictly ascending, at least one.</param>
/// <param name="T">Times, finite and strictly ascending, at least one.</param>
/// <param name="U">Values indexed [time index, x index], of shape [T.Length, X.Length].</param>
public sealed record SpaceTimeField(double[] X, double[] T, double[,] U)
{
    private const int StencilPoints = 6;
    private const int DerivativeStencilPoints = 8;

    /// <summary>Spatial nodes, strictly ascending.</summary>
    public double[] X { get; init; } = CheckAxis(X, nameof(X));

    /// <summary>Times, strictly ascending.</summary>
    public double[] T { get; init; } = CheckAxis(T, nameof(T));

    /// <summary>Values indexed [time index, x index].</summary>
    public double[,] U { get; init; } = CheckValues(U, X, T);

    /// <summary>
    /// u(x, t): degree-5 Lagrange interpolation in x on the six nearest nodes (fewer near a boundary of a
    /// small grid, shifted inwards near the ends), linear in t between the two neighbouring stored times.
    /// </summary>
    /// <param name="x">Position within [X[0], X[^1]].</param>
    /// <param name="t">Time within [T[0], T[^1]].</param>
    /// <returns>The interpolated value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">x or t lies outside the grid.</exception>
    public double Interpolate(double x, double t) => Evaluate(x, t, derivative: false);

    /// <summary>
    /// u_x(x, t): the derivative of the local degree-7 Lagrange interpolant on the eight nearest nodes
    /// (seventh-order accurate on a uniform grid), linear in t between stored times.
    /// </summary>
    /// <param name="x">Position within [X[0], X[^1]].</param>
    /// <param name="t">Time within [T[0], T[^1]].</param>
    /// <returns>The interpolated derivative.</returns>
    /// <exception cref="ArgumentOutOfRangeException">x or t lies outside the grid.</exception>
    public double InterpolateDx(double x, double t) => Evaluate(x, t, derivative: true);

    /// <summary>The field on the tensor grid of <paramref name="x"/> and <paramref name="t"/>, by <see cref="Interpolate"/>.</summary>
    /// <param name="x">Positions within [X[0], X[^1]].</param>
    /// <param name="t">Times within [T[0], T[^1]].</param>
    /// <returns>Values indexed [t index, x index], shape [t.Length, x.Length].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A point lies outside the grid.</exception>
    public double[,] Resample(ReadOnlySpan<double> x, ReadOnlySpan<double> t)
    {
        var result = new double[t.Length, x.Length];
        for (int i = 0; i < t.Length; i++)
        {
            for (int j = 0; j < x.Length; j++)
            {
                result[i, j] = Interpolate(x[j], t[i]);
            }
        }

        return result;
    }

    private double Evaluate(double x, double t, bool derivative)
    {
        double[] times = T;
        if (!(t >= times[0] && t <= times[^1]))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, $"t must lie within the stored times [{times[0]}, {times[^1]}].");
        }

        int index = Array.BinarySearch(times, t);
        if (index >= 0)
        {
            return InSpace(index, x, derivative);
        }

        int upper = ~index;
        int lower = upper - 1;
        double weight = (t - times[lower]) / (times[upper] - times[lower]);
        return ((1.0 - weight) * InSpace(lower, x, derivative)) + (weight * InSpace(upper, x, derivative));
    }

    private double InSpace(int row, double x, bool derivative)
    {
        double[] nodes = X;
        if (!(x >= nodes[0] && x <= nodes[^1]))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"x must lie within the grid [{nodes[0]}, {nodes[^1]}].");
        }

        int count = Math.Min(derivative ? DerivativeStencilPoints : StencilPoints, nodes.Length);
        int index = Array.BinarySearch(nodes, x);
        int interval = index >= 0 ? Math.Min(index, nodes.Length - 2) : ~index - 1;
        int first = Math.Clamp(interval - ((count / 2) - 1), 0, nodes.Length - count);
        double sum = 0;
        for (int a = first; a < first + count; a++)
        {
            sum += U[row, a] * (derivative ? LagrangeDerivative(nodes, first, count, a, x) : Lagrange(nodes, first, count, a, x));
        }

        return sum;
    }

    private static double Lagrange(double[] nodes, int first, int count, int a, double x)
    {
        double product = 1.0;
        for (int b = first; b < first + count; b++)
        {
            if (b != a)
            {
                product *= (x - nodes[b]) / (nodes[a] - nodes[b]);
            }
        }

        return product;
    }

    private static double LagrangeDerivative(double[] nodes, int first, int count, int a, double x)
    {
        double sum = 0.0;
        for (int m = first; m < first + count; m++)
        {
            if (m == a)
            {
                continue;
            }

            double product = 1.0 / (nodes[a] - nodes[m]);
            for (int b = first; b < first + count; b++)
            {
                if (b != a && b != m)
                {
                    product *= (x - nodes[b]) / (nodes[a] - nodes[b]);
                }
            }

            sum += product;
        }

        return sum;
    }

    private static double[] CheckAxis(double[] axis, string name)
    {
        ArgumentNullException.ThrowIfNull(axis, name);
        if (axis.Length == 0)
        {
            throw new ArgumentException($"{name} must have at least one point.", name);
        }

        for (int i = 0; i < axis.Length; i++)
        {
            if (!double.IsFinite(axis[i]) || (i > 0 && axis[i] <= axis[i - 1]))
            {
                throw new ArgumentException($"{name} must be finite and strictly ascending; {name}[{i}] = {axis[i]}.", name);
            }
        }

        return axis;
    }

    private static double[,] CheckValues(double[,] values, double[] x, double[] t)
    {
        ArgumentNullException.ThrowIfNull(values, nameof(U));
        if (values.GetLength(0) != t.Length || values.GetLength(1) != x.Length)
        {
            throw new ArgumentException(
                $"U has shape [{values.GetLength(0)}, {values.GetLength(1)}] but must be [T.Length, X.Length] = [{t.Length}, {x.Length}] (indexed [time, x]).",
                nameof(U));
        }

        return values;
    }
}
