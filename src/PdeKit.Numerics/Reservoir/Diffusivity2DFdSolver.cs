namespace PdeKit.Numerics.Reservoir;

/// <summary>
/// Finite-volume reference solver for heterogeneous two-dimensional diffusivity on a rectangle,
/// <c>c(x, y) dp/dt = div(k(x, y) grad p) + f(x, y, t)</c> plus point wells, with a Dirichlet or no-flow
/// condition on each side and an initial pressure p0(x, y).
/// </summary>
/// <remarks>
/// <para>
/// Space: cell-centred finite volumes on the <see cref="Diffusivity2DGrid"/>; the transmissibility of a face
/// between two cells uses the harmonic mean of their k (<c>T = 2 k1 k2 / (k1 + k2) * area / spacing</c>), a
/// Dirichlet face the half-cell distance to the boundary (<c>T = k area / (spacing/2)</c>). k and c are
/// cell values (sampled at centres when given as functions), f is sampled at the centres, and a well's rate
/// goes into the cell that holds it. The scheme is second order for smooth coefficients and exact for
/// piecewise-linear steady profiles across layers whose interfaces lie on cell faces.
/// </para>
/// <para>
/// Time: variable-step BDF2 (first step backward Euler), A-stable and damping, second order; the steps are at
/// most <see cref="MaxTimeStep"/>, shortened to land exactly on every requested time, and never grow by more
/// than a factor 2.25. The source f is taken at the end of each step. Each step solves the symmetric positive
/// definite system <c>(a0 M + dt A) p = rhs</c> (M = diag(c V)) by conjugate gradients preconditioned with the
/// incomplete Cholesky factorisation IC(0) of the five-point matrix, started from the linear extrapolation of
/// the last two states, to a relative residual <see cref="Tolerance"/>. With no Dirichlet side the stored
/// volume <c>sum c p V</c> changes by exactly the integrated sources up to the solver tolerance and round-off
/// (BDF2 and backward Euler integrate linear growth exactly).
/// </para>
/// <para>
/// Instances are immutable after initialisation; <see cref="Solve"/> may run concurrently on one instance.
/// </para>
/// </remarks>
public sealed class Diffusivity2DFdSolver
{
    private const double GrowthCap = 1.8;
    private const double StretchFraction = 0.8;

    private readonly double[,] permeability;
    private readonly double[,] storage;
    private readonly Diffusivity2DCoefficient storageCoefficient = Diffusivity2DCoefficient.Constant(1.0);
    private readonly IReadOnlyList<Diffusivity2DWell> wells = [];

    /// <summary>Creates a solver on <paramref name="grid"/> with permeability <paramref name="permeability"/>; set the rest by initialisers.</summary>
    /// <param name="grid">The rectangle and its cells.</param>
    /// <param name="permeability">k, finite and positive in every cell.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">k is not finite and positive in some cell, or a cell grid of the wrong shape.</exception>
    public Diffusivity2DFdSolver(Diffusivity2DGrid grid, Diffusivity2DCoefficient permeability)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(permeability);
        Grid = grid;
        this.permeability = permeability.OnCells(grid, nameof(permeability));
        storage = storageCoefficient.OnCells(grid, nameof(Storage));
    }

    /// <summary>The rectangle and its cells.</summary>
    public Diffusivity2DGrid Grid { get; }

    /// <summary>The permeability k on the cells (a copy), indexed [j, i].</summary>
    public double[,] Permeability => (double[,])permeability.Clone();

    /// <summary>The storage coefficient c, finite and positive in every cell; default 1.</summary>
    /// <exception cref="ArgumentException">c is not finite and positive in some cell, or a cell grid of the wrong shape.</exception>
    public Diffusivity2DCoefficient Storage
    {
        get => storageCoefficient;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Storage));
            storage = value.OnCells(Grid, nameof(Storage));
            storageCoefficient = value;
        }
    }

    /// <summary>The storage coefficient on the cells (a copy), indexed [j, i].</summary>
    public double[,] StorageCells => (double[,])storage.Clone();

    /// <summary>The initial pressure p0(x, y), sampled at the cell centres; null for zero.</summary>
    public Func<double, double, double>? Initial { get; init; }

    /// <summary>The volumetric source f(x, y, t), sampled at the cell centres; null for none.</summary>
    public Func<double, double, double, double>? Source { get; init; }

    /// <summary>Point wells (constant rates); empty by default.</summary>
    /// <exception cref="ArgumentException">A well lies outside the rectangle or has a rate that is not finite.</exception>
    public IReadOnlyList<Diffusivity2DWell> Wells
    {
        get => wells;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Wells));
            for (int w = 0; w < value.Count; w++)
            {
                Diffusivity2DWell well = value[w] ?? throw new ArgumentException($"Wells[{w}] is null.", nameof(Wells));
                if (!Grid.Contains(well.X, well.Y))
                {
                    throw new ArgumentException($"Wells[{w}] at ({well.X}, {well.Y}) lies outside the rectangle.", nameof(Wells));
                }

                if (!double.IsFinite(well.Rate))
                {
                    throw new ArgumentException($"Wells[{w}] has a rate that is not finite: {well.Rate}.", nameof(Wells));
                }
            }

            wells = [.. value];
        }
    }

    /// <summary>Condition on the side x = X0; default no flow.</summary>
    public Diffusivity2DBoundary West { get; init; } = Diffusivity2DBoundary.NoFlow;

    /// <summary>Condition on the side x = X1; default no flow.</summary>
    public Diffusivity2DBoundary East { get; init; } = Diffusivity2DBoundary.NoFlow;

    /// <summary>Condition on the side y = Y0; default no flow.</summary>
    public Diffusivity2DBoundary South { get; init; } = Diffusivity2DBoundary.NoFlow;

    /// <summary>Condition on the side y = Y1; default no flow.</summary>
    public Diffusivity2DBoundary North { get; init; } = Diffusivity2DBoundary.NoFlow;

    /// <summary>The longest time step, finite and positive; null for 1/100 of the last requested time.</summary>
    public double? MaxTimeStep
    {
        get;
        init => field = value is not { } dt || (double.IsFinite(dt) && dt > 0)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxTimeStep), value, $"MaxTimeStep must be finite and positive, got {value}.");
    }

    /// <summary>Relative residual <c>|r| / |rhs|</c> at which conjugate gradients stop, in [1e-15, 1e-2]; default 1e-11.</summary>
    public double Tolerance
    {
        get;
        init => field = value is >= 1e-15 and <= 1e-2
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Tolerance), value, $"Tolerance must be in [1e-15, 1e-2], got {value}.");
    } = 1e-11;

    /// <summary>Conjugate-gradient iterations allowed per step (at least 1); default 10000.</summary>
    public int MaxIterations
    {
        get;
        init => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxIterations), value, $"MaxIterations must be at least 1, got {value}.");
    } = 10_000;

    /// <summary>Solves up to the last requested time and returns p on the cell centres at the requested times.</summary>
    /// <param name="times">Output times: finite, non-negative, strictly ascending, at least one (0 returns p0).</param>
    /// <returns>The field with interpolation and solver statistics.</returns>
    /// <exception cref="ArgumentException">Bad times, a boundary condition that is null, or p0 or f not finite somewhere.</exception>
    /// <exception cref="InvalidOperationException">Conjugate gradients did not reach the tolerance within <see cref="MaxIterations"/>.</exception>
    public Diffusivity2DField Solve(ReadOnlySpan<double> times)
    {
        Grids.ValidateOutputTimes(times);
        ArgumentNullException.ThrowIfNull(West, nameof(West));
        ArgumentNullException.ThrowIfNull(East, nameof(East));
        ArgumentNullException.ThrowIfNull(South, nameof(South));
        ArgumentNullException.ThrowIfNull(North, nameof(North));
        int nx = Grid.Nx, ny = Grid.Ny, n = nx * ny;
        double dx = Grid.Dx, dy = Grid.Dy, area = Grid.CellArea;

        // Transmissibilities: tx[k] joins cell k and k + 1 (i < nx - 1), ty[k] joins k and k + nx (j < ny - 1).
        var tx = new double[n];
        var ty = new double[n];
        var boundaryDiagonal = new double[n];
        var boundaryRhs = new double[n];
        var capacity = new double[n];
        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                int k = (j * nx) + i;
                double kc = permeability[j, i];
                capacity[k] = storage[j, i] * area;
                if (i < nx - 1)
                {
                    tx[k] = 2 * kc * permeability[j, i + 1] / (kc + permeability[j, i + 1]) * dy / dx;
                }

                if (j < ny - 1)
                {
                    ty[k] = 2 * kc * permeability[j + 1, i] / (kc + permeability[j + 1, i]) * dx / dy;
                }

                AddBoundary(i == 0 ? West : null, 2 * kc * dy / dx);
                AddBoundary(i == nx - 1 ? East : null, 2 * kc * dy / dx);
                AddBoundary(j == 0 ? South : null, 2 * kc * dx / dy);
                AddBoundary(j == ny - 1 ? North : null, 2 * kc * dx / dy);

                void AddBoundary(Diffusivity2DBoundary? side, double transmissibility)
                {
                    if (side is { IsDirichlet: true })
                    {
                        boundaryDiagonal[k] += transmissibility;
                        boundaryRhs[k] += transmissibility * side.Value;
                    }
                }
            }
        }

        var wellRate = new double[n];
        foreach (Diffusivity2DWell well in wells)
        {
            (int i, int j) = Grid.CellOf(well.X, well.Y);
            wellRate[(j * nx) + i] += well.Rate;
        }

        double[] xc = Grid.XCentres(), yc = Grid.YCentres();
        var current = new double[n];
        if (Initial is { } p0)
        {
            for (int j = 0; j < ny; j++)
            {
                for (int i = 0; i < nx; i++)
                {
                    double v = p0(xc[i], yc[j]);
                    current[(j * nx) + i] = double.IsFinite(v)
                        ? v
                        : throw new ArgumentException($"Initial is not finite at ({xc[i]}, {yc[j]}): {v}.", nameof(Initial));
                }
            }
        }

        var system = new Pcg(nx, ny, tx, ty, Tolerance, MaxIterations);
        var previous = new double[n];
        var rhs = new double[n];
        var guess = new double[n];
        var fields = new double[times.Length][,];
        var stored = new double[times.Length];
        double maxStep = MaxTimeStep ?? (times[^1] / 100);
        double t = 0, previousStep = 0;
        bool first = true;
        int steps = 0;
        for (int output = 0; output < times.Length; output++)
        {
            double target = times[output];
            while (t < target)
            {
                double step = first ? maxStep : Math.Min(maxStep, GrowthCap * previousStep);
                double remaining = target - t;
                bool lands = step >= StretchFraction * remaining;
                if (lands)
                {
                    step = remaining;
                }
                else if (step > 0.5 * remaining)
                {
                    step = 0.5 * remaining;
                }

                double omega = first ? 0.0 : step / previousStep;
                double a0 = (1 + (2 * omega)) / (1 + omega), a1 = 1 + omega, a2 = omega * omega / (1 + omega);
                double tNext = lands ? target : t + step;
                for (int k = 0; k < n; k++)
                {
                    rhs[k] = (capacity[k] * ((a1 * current[k]) - (a2 * previous[k]))) + (step * (boundaryRhs[k] + wellRate[k]));
                    guess[k] = current[k] + (omega * (current[k] - previous[k]));
                }

                if (Source is { } f)
                {
                    for (int j = 0; j < ny; j++)
                    {
                        for (int i = 0; i < nx; i++)
                        {
                            double v = f(xc[i], yc[j], tNext);
                            rhs[(j * nx) + i] += double.IsFinite(v)
                                ? step * area * v
                                : throw new ArgumentException($"Source is not finite at ({xc[i]}, {yc[j]}, t = {tNext}): {v}.", nameof(Source));
                        }
                    }
                }

                system.Prepare(a0, step, capacity, boundaryDiagonal);
                system.Solve(rhs, guess, tNext);
                (previous, current) = (current, previous);
                Array.Copy(guess, current, n);
                t = tNext;
                previousStep = step;
                first = false;
                steps++;
            }

            var values = new double[ny, nx];
            double total = 0;
            for (int j = 0; j < ny; j++)
            {
                for (int i = 0; i < nx; i++)
                {
                    values[j, i] = current[(j * nx) + i];
                    total += capacity[(j * nx) + i] * current[(j * nx) + i];
                }
            }

            fields[output] = values;
            stored[output] = total;
        }

        return new Diffusivity2DField(Grid, times.ToArray(), fields, stored)
        {
            TimeSteps = steps,
            TotalIterations = system.TotalIterations,
            MaxIterationsPerStep = system.MaxIterationsPerStep,
            MaxRelativeResidual = system.MaxRelativeResidual,
        };
    }

    /// <summary>
    /// The five-point SPD system <c>diag + dt A</c> with IC(0)-preconditioned conjugate gradients, matrix-free.
    /// </summary>
    private sealed class Pcg(int nx, int ny, double[] tx, double[] ty, double tolerance, int maxIterations)
    {
        private readonly int n = nx * ny;
        private readonly double[] diagonal = new double[nx * ny];
        private readonly double[] pivot = new double[nx * ny];
        private readonly double[] r = new double[nx * ny];
        private readonly double[] z = new double[nx * ny];
        private readonly double[] p = new double[nx * ny];
        private readonly double[] q = new double[nx * ny];
        private double dt;

        public long TotalIterations { get; private set; }

        public int MaxIterationsPerStep { get; private set; }

        public double MaxRelativeResidual { get; private set; }

        /// <summary>Sets the matrix <c>a0 diag(capacity) + dt (A + boundary)</c> and factorises IC(0).</summary>
        public void Prepare(double a0, double step, double[] capacity, double[] boundary)
        {
            dt = step;
            for (int k = 0; k < n; k++)
            {
                int i = k % nx;
                double sum = boundary[k] + tx[k] + ty[k];
                if (i > 0)
                {
                    sum += tx[k - 1];
                }

                if (k >= nx)
                {
                    sum += ty[k - nx];
                }

                diagonal[k] = (a0 * capacity[k]) + (dt * sum);
            }

            // IC(0) of a five-point matrix: pivot_k = d_k - w_k^2 / pivot_{k-1} - s_k^2 / pivot_{k-nx}.
            for (int k = 0; k < n; k++)
            {
                double d = diagonal[k];
                if (k % nx > 0)
                {
                    double w = dt * tx[k - 1];
                    d -= w * w / pivot[k - 1];
                }

                if (k >= nx)
                {
                    double s = dt * ty[k - nx];
                    d -= s * s / pivot[k - nx];
                }

                pivot[k] = d;
            }
        }

        /// <summary>Solves in place: <paramref name="x"/> holds the first guess on entry and the solution on exit.</summary>
        public void Solve(double[] b, double[] x, double time)
        {
            double bNorm = Math.Sqrt(Dot(b, b));
            if (bNorm == 0)
            {
                Array.Clear(x);
                return;
            }

            Multiply(x, q);
            for (int k = 0; k < n; k++)
            {
                r[k] = b[k] - q[k];
            }

            double rNorm = Math.Sqrt(Dot(r, r));
            int iterations = 0;
            if (rNorm > tolerance * bNorm)
            {
                Precondition(r, z);
                Array.Copy(z, p, n);
                double rz = Dot(r, z);
                while (true)
                {
                    Multiply(p, q);
                    double alpha = rz / Dot(p, q);
                    for (int k = 0; k < n; k++)
                    {
                        x[k] += alpha * p[k];
                        r[k] -= alpha * q[k];
                    }

                    iterations++;
                    rNorm = Math.Sqrt(Dot(r, r));
                    if (rNorm <= tolerance * bNorm)
                    {
                        break;
                    }

                    if (iterations >= maxIterations || !double.IsFinite(rNorm))
                    {
                        throw new InvalidOperationException(
                            $"Conjugate gradients did not converge at t = {time}: relative residual {rNorm / bNorm:E3} after {iterations} "
                            + $"iterations (Tolerance = {tolerance:E1}, MaxIterations = {maxIterations}).");
                    }

                    Precondition(r, z);
                    double rzNext = Dot(r, z);
                    double beta = rzNext / rz;
                    rz = rzNext;
                    for (int k = 0; k < n; k++)
                    {
                        p[k] = z[k] + (beta * p[k]);
                    }
                }
            }

            TotalIterations += iterations;
            MaxIterationsPerStep = Math.Max(MaxIterationsPerStep, iterations);
            MaxRelativeResidual = Math.Max(MaxRelativeResidual, rNorm / bNorm);
        }

        private void Multiply(double[] v, double[] result)
        {
            for (int j = 0, k = 0; j < ny; j++)
            {
                for (int i = 0; i < nx; i++, k++)
                {
                    double sum = diagonal[k] * v[k];
                    if (i > 0)
                    {
                        sum -= dt * tx[k - 1] * v[k - 1];
                    }

                    if (i < nx - 1)
                    {
                        sum -= dt * tx[k] * v[k + 1];
                    }

                    if (j > 0)
                    {
                        sum -= dt * ty[k - nx] * v[k - nx];
                    }

                    if (j < ny - 1)
                    {
                        sum -= dt * ty[k] * v[k + nx];
                    }

                    result[k] = sum;
                }
            }
        }

        /// <summary>z = (P + L) P^-1 (P + L^T) \ v with P the IC(0) pivots and L the strictly lower part.</summary>
        private void Precondition(double[] v, double[] result)
        {
            for (int j = 0, k = 0; j < ny; j++)
            {
                for (int i = 0; i < nx; i++, k++)
                {
                    double s = v[k];
                    if (i > 0)
                    {
                        s += dt * tx[k - 1] * result[k - 1];
                    }

                    if (j > 0)
                    {
                        s += dt * ty[k - nx] * result[k - nx];
                    }

                    result[k] = s / pivot[k];
                }
            }

            for (int j = ny - 1, k = n - 1; j >= 0; j--)
            {
                for (int i = nx - 1; i >= 0; i--, k--)
                {
                    double s = 0;
                    if (i < nx - 1)
                    {
                        s += dt * tx[k] * result[k + 1];
                    }

                    if (j < ny - 1)
                    {
                        s += dt * ty[k] * result[k + nx];
                    }

                    result[k] += s / pivot[k];
                }
            }
        }

        private double Dot(double[] a, double[] b)
        {
            double sum = 0;
            for (int k = 0; k < n; k++)
            {
                sum += a[k] * b[k];
            }

            return sum;
        }
    }
}
