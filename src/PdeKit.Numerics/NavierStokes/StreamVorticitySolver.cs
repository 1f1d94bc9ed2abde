using PdeKit.Numerics.Poisson;

namespace PdeKit.Numerics.NavierStokes;

/// <summary>How the vorticity on a no-slip wall is obtained from the stream function.</summary>
public enum WallVorticityFormula
{
    /// <summary>
    /// Jensen's formula <c>omega_w = -(8 psi_1 - psi_2 - 7 psi_w - 6 h dpsi/dn) / (2 h^2)</c>: exact for a stream function
    /// cubic in the wall distance (so for plane Poiseuille flow), second order locally.
    /// </summary>
    Jensen,

    /// <summary>
    /// Thom's formula <c>omega_w = -2 (psi_1 - psi_w - h dpsi/dn) / h^2</c>: first order locally, second order in the
    /// solution (Huang and Wetton 1996); the more robust of the two near singular lid corners.
    /// </summary>
    Thom,
}

/// <summary>
/// Boundary data of a steady stream-function/vorticity problem on a rectangle (node arrays of the grid, only the
/// boundary entries read).
/// </summary>
/// <param name="Grid">The node grid.</param>
/// <param name="Psi">Stream function on the boundary (Dirichlet data of <c>-Laplace(psi) = omega</c>).</param>
/// <param name="U">x velocity on the boundary.</param>
/// <param name="V">y velocity on the boundary.</param>
/// <param name="WallSides">Which sides are no-slip walls (left, right, bottom, top): their vorticity comes from the wall
/// formula; on the other sides (inflow, outflow) it is <paramref name="Omega"/>.</param>
/// <param name="Omega">Vorticity on the sides that are not walls (ignored on walls; may be null when all four are walls).</param>
internal sealed record StreamVorticityBoundary(
    UniformGrid2D Grid, double[] Psi, double[] U, double[] V, (bool Left, bool Right, bool Bottom, bool Top) WallSides, double[]? Omega);

/// <summary>Settings of the pseudo-time march.</summary>
/// <param name="Re">Reynolds number (1 / kinematic viscosity in the problem's units).</param>
/// <param name="Tolerance">Stop when the steady residual (see <see cref="StreamVorticitySolver"/>) is at most this.</param>
/// <param name="MaxSteps">Most pseudo-time steps.</param>
/// <param name="Wall">Wall vorticity formula.</param>
/// <param name="Cfl">Pseudo-time step in units of the explicit stability limit.</param>
internal sealed record StreamVorticitySettings(double Re, double Tolerance, int MaxSteps, WallVorticityFormula Wall, double Cfl);

/// <summary>
/// Steady incompressible Navier-Stokes in stream-function/vorticity form on a node grid:
/// <c>u d(omega)/dx + v d(omega)/dy = (1/Re) Laplace(omega)</c>, <c>-Laplace(psi) = omega</c>, <c>u = dpsi/dy</c>,
/// <c>v = -dpsi/dx</c>, all with second-order central differences, marched to steady state in pseudo-time.
/// </summary>
/// <remarks>
/// <para>
/// One step: wall vorticity from the wall formula and the current psi; the central residual
/// <c>R = -(u omega_x + v omega_y) + Laplace(omega)/Re</c> at the interior nodes; an implicit update
/// <c>(I - dt Lx)(I - dt Ly) d(omega) = dt R</c> with the first-order upwind operators <c>Lx</c>, <c>Ly</c> (diagonally
/// dominant tridiagonal systems, solved line by line: approximate factorisation in delta form, so the converged
/// solution is that of the central scheme whatever dt); then <c>-Laplace(d psi) = omega + Laplace_h(psi)</c> with
/// <c>d psi = 0</c> on the boundary by <see cref="PoissonSolver"/> (multigrid on <c>2^k + 1</c> grids).
/// </para>
/// <para>
/// Stopping rule: the steady residual is <c>max |R|</c> over the interior nodes, in units of <c>U^2 / L^2</c> (velocity
/// and length scales of the caller's data, 1 for the unit cavity with a unit lid speed); the march stops when it is at
/// most the tolerance.
/// </para>
/// </remarks>
internal static class StreamVorticitySolver
{
    /// <summary>The converged node fields.</summary>
    internal sealed record Result(double[] Psi, double[] Omega, double[] U, double[] V, int Steps, double Residual, bool Converged);

    /// <summary>Marches to steady state from rest (psi, omega zero inside).</summary>
    internal static Result Solve(StreamVorticityBoundary bc, StreamVorticitySettings s)
    {
        var g = bc.Grid;
        int nx = g.Nx, ny = g.Ny;
        double hx = g.Hx, hy = g.Hy, nu = 1 / s.Re;
        int n = g.NodeCount;
        var psi = new double[n];
        var omega = new double[n];
        var u = new double[n];
        var v = new double[n];
        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                if (i == 0 || j == 0 || i == nx - 1 || j == ny - 1)
                {
                    int p = g.Index(i, j);
                    psi[p] = bc.Psi[p];
                    u[p] = bc.U[p];
                    v[p] = bc.V[p];
                    if (bc.Omega is not null)
                    {
                        omega[p] = bc.Omega[p];
                    }
                }
            }
        }

        // Pseudo-time step: Cfl times the explicit limit of the upwind scheme with the boundary's largest speed.
        double speed = Math.Max(1e-12, Math.Max(bc.U.Max(Math.Abs), bc.V.Max(Math.Abs)));
        double dt = s.Cfl / ((speed / hx) + (speed / hy) + (2 * nu / (hx * hx)) + (2 * nu / (hy * hy)));
        var residual = new double[n];
        var delta = new double[n];
        var rhs = new double[n];
        var poisson = PoissonSolver.Prepare(new PoissonProblem(g, (_, _) => 0, (_, _) => 0),
            new PoissonSolverOptions { Method = PoissonMethod.Multigrid, Tolerance = 1e-6, MaxDegreeOfParallelism = 1 });
        int steps = 0;
        double r = double.PositiveInfinity, first = 0;
        var lineA = new double[Math.Max(nx, ny)];
        var lineB = new double[Math.Max(nx, ny)];
        var lineC = new double[Math.Max(nx, ny)];
        var lineD = new double[Math.Max(nx, ny)];
        while (true)
        {
            WallVorticity(bc, s.Wall, psi, omega);
            r = Residual(g, nu, u, v, omega, residual);
            if (steps == 0)
            {
                first = r;
            }

            if (!double.IsFinite(r) || r > 1e6 * Math.Max(first, 1))
            {
                throw new InvalidOperationException(
                    $"The stream-function/vorticity march diverged at step {steps} (residual {r}, {first} at the start); lower the pseudo-time step (Cfl).");
            }

            if (r <= s.Tolerance || steps >= s.MaxSteps)
            {
                break;
            }

            steps++;

            // x sweep: (I - dt Lx) w = dt R, row by row.
            for (int j = 1; j < ny - 1; j++)
            {
                int m = nx - 2;
                for (int k = 0; k < m; k++)
                {
                    int p = g.Index(k + 1, j);
                    double up = Math.Max(u[p], 0), um = Math.Min(u[p], 0);
                    lineA[k] = -dt * ((nu / (hx * hx)) + (up / hx));
                    lineC[k] = -dt * ((nu / (hx * hx)) - (um / hx));
                    lineB[k] = 1 - lineA[k] - lineC[k];
                    lineD[k] = dt * residual[p];
                }

                Thomas(lineA, lineB, lineC, lineD, m);
                for (int k = 0; k < m; k++)
                {
                    rhs[g.Index(k + 1, j)] = lineD[k];
                }
            }

            // y sweep: (I - dt Ly) d = w, column by column.
            for (int i = 1; i < nx - 1; i++)
            {
                int m = ny - 2;
                for (int k = 0; k < m; k++)
                {
                    int p = g.Index(i, k + 1);
                    double vp = Math.Max(v[p], 0), vm = Math.Min(v[p], 0);
                    lineA[k] = -dt * ((nu / (hy * hy)) + (vp / hy));
                    lineC[k] = -dt * ((nu / (hy * hy)) - (vm / hy));
                    lineB[k] = 1 - lineA[k] - lineC[k];
                    lineD[k] = rhs[p];
                }

                Thomas(lineA, lineB, lineC, lineD, m);
                for (int k = 0; k < m; k++)
                {
                    delta[g.Index(i, k + 1)] = lineD[k];
                }
            }

            for (int j = 1; j < ny - 1; j++)
            {
                for (int i = 1; i < nx - 1; i++)
                {
                    int p = g.Index(i, j);
                    omega[p] += delta[p];
                }
            }

            UpdateStreamFunction(g, psi, omega, poisson, rhs);
            Velocities(g, psi, u, v);
        }

        WallVorticity(bc, s.Wall, psi, omega);
        FillCorners(g, bc.WallSides, omega);
        OpenSideVelocities(g, bc.WallSides, psi, u, v);
        return new Result(psi, omega, u, v, steps, r, r <= s.Tolerance);
    }

    /// <summary>Solves <c>-Laplace(d) = omega + Laplace_h(psi)</c>, <c>d = 0</c> on the boundary, and adds d to psi.</summary>
    private static void UpdateStreamFunction(UniformGrid2D g, double[] psi, double[] omega, PreparedPoissonSolver solver, double[] work)
    {
        int nx = g.Nx, ny = g.Ny;
        double ihx2 = 1 / (g.Hx * g.Hx), ihy2 = 1 / (g.Hy * g.Hy);
        Array.Clear(work);
        for (int j = 1; j < ny - 1; j++)
        {
            for (int i = 1; i < nx - 1; i++)
            {
                int p = g.Index(i, j);
                double lap = ((psi[p - 1] - (2 * psi[p]) + psi[p + 1]) * ihx2) + ((psi[p - nx] - (2 * psi[p]) + psi[p + nx]) * ihy2);
                work[p] = omega[p] + lap;
            }
        }

        var d = solver.Solve(work).Values;
        for (int p = 0; p < psi.Length; p++)
        {
            psi[p] += d[p];
        }
    }

    /// <summary>Interior velocities <c>u = dpsi/dy</c>, <c>v = -dpsi/dx</c> by central differences (boundary values stay).</summary>
    internal static void Velocities(UniformGrid2D g, double[] psi, double[] u, double[] v)
    {
        int nx = g.Nx;
        double i2hx = 0.5 / g.Hx, i2hy = 0.5 / g.Hy;
        for (int j = 1; j < g.Ny - 1; j++)
        {
            for (int i = 1; i < nx - 1; i++)
            {
                int p = g.Index(i, j);
                u[p] = (psi[p + nx] - psi[p - nx]) * i2hy;
                v[p] = -(psi[p + 1] - psi[p - 1]) * i2hx;
            }
        }
    }

    /// <summary>
    /// Velocity on the sides that are not walls (corners excluded) from psi, as inside: central differences along the
    /// side, second-order one-sided across it, so that the velocity field is one consistent discrete field (the
    /// pressure recovery differentiates it).
    /// </summary>
    private static void OpenSideVelocities(UniformGrid2D g, (bool Left, bool Right, bool Bottom, bool Top) walls, double[] psi, double[] u, double[] v)
    {
        int nx = g.Nx, ny = g.Ny;
        double hx = g.Hx, hy = g.Hy;
        for (int j = 1; j < ny - 1; j++)
        {
            if (!walls.Left)
            {
                int p = g.Index(0, j);
                u[p] = (psi[p + nx] - psi[p - nx]) / (2 * hy);
                v[p] = -((-3 * psi[p]) + (4 * psi[p + 1]) - psi[p + 2]) / (2 * hx);
            }

            if (!walls.Right)
            {
                int p = g.Index(nx - 1, j);
                u[p] = (psi[p + nx] - psi[p - nx]) / (2 * hy);
                v[p] = -((3 * psi[p]) - (4 * psi[p - 1]) + psi[p - 2]) / (2 * hx);
            }
        }

        for (int i = 1; i < nx - 1; i++)
        {
            if (!walls.Bottom)
            {
                int p = g.Index(i, 0);
                u[p] = ((-3 * psi[p]) + (4 * psi[p + nx]) - psi[p + (2 * nx)]) / (2 * hy);
                v[p] = -(psi[p + 1] - psi[p - 1]) / (2 * hx);
            }

            if (!walls.Top)
            {
                int p = g.Index(i, ny - 1);
                u[p] = ((3 * psi[p]) - (4 * psi[p - nx]) + psi[p - (2 * nx)]) / (2 * hy);
                v[p] = -(psi[p + 1] - psi[p - 1]) / (2 * hx);
            }
        }
    }

    /// <summary>The central steady residual at the interior nodes into <paramref name="r"/>; returns its max norm.</summary>
    internal static double Residual(UniformGrid2D g, double nu, double[] u, double[] v, double[] w, double[] r)
    {
        int nx = g.Nx;
        double ihx2 = 1 / (g.Hx * g.Hx), ihy2 = 1 / (g.Hy * g.Hy), i2hx = 0.5 / g.Hx, i2hy = 0.5 / g.Hy;
        double max = 0;
        for (int j = 1; j < g.Ny - 1; j++)
        {
            for (int i = 1; i < nx - 1; i++)
            {
                int p = g.Index(i, j);
                double wx = (w[p + 1] - w[p - 1]) * i2hx, wy = (w[p + nx] - w[p - nx]) * i2hy;
                double lap = ((w[p - 1] - (2 * w[p]) + w[p + 1]) * ihx2) + ((w[p - nx] - (2 * w[p]) + w[p + nx]) * ihy2);
                double value = (nu * lap) - (u[p] * wx) - (v[p] * wy);
                r[p] = value;
                max = Math.Max(max, Math.Abs(value));
                if (double.IsNaN(value))
                {
                    return double.NaN;
                }
            }
        }

        return max;
    }

    /// <summary>Vorticity on the wall sides (corners excluded) from the wall formula.</summary>
    private static void WallVorticity(StreamVorticityBoundary bc, WallVorticityFormula formula, double[] psi, double[] omega)
    {
        var g = bc.Grid;
        int nx = g.Nx, ny = g.Ny;
        double hx = g.Hx, hy = g.Hy;
        if (bc.WallSides.Bottom)
        {
            for (int i = 1; i < nx - 1; i++)
            {
                int p = g.Index(i, 0);
                omega[p] = Wall(formula, psi[p], psi[p + nx], psi[p + (2 * nx)], bc.U[p], hy);
            }
        }

        if (bc.WallSides.Top)
        {
            for (int i = 1; i < nx - 1; i++)
            {
                int p = g.Index(i, ny - 1);
                omega[p] = Wall(formula, psi[p], psi[p - nx], psi[p - (2 * nx)], -bc.U[p], hy);
            }
        }

        if (bc.WallSides.Left)
        {
            for (int j = 1; j < ny - 1; j++)
            {
                int p = g.Index(0, j);
                omega[p] = Wall(formula, psi[p], psi[p + 1], psi[p + 2], -bc.V[p], hx);
            }
        }

        if (bc.WallSides.Right)
        {
            for (int j = 1; j < ny - 1; j++)
            {
                int p = g.Index(nx - 1, j);
                omega[p] = Wall(formula, psi[p], psi[p - 1], psi[p - 2], bc.V[p], hx);
            }
        }
    }

    /// <summary>
    /// The wall vorticity <c>-d2psi/dn2</c> from psi on the wall and the two next nodes inward and the inward normal
    /// derivative <paramref name="dPsiDn"/> of psi (the tangential velocity, signed).
    /// </summary>
    private static double Wall(WallVorticityFormula formula, double psi0, double psi1, double psi2, double dPsiDn, double h) =>
        formula == WallVorticityFormula.Thom
            ? -2 * (psi1 - psi0 - (h * dPsiDn)) / (h * h)
            : -((8 * psi1) - psi2 - (7 * psi0) - (6 * h * dPsiDn)) / (2 * h * h);

    /// <summary>
    /// Vorticity at the corners where two walls meet (used by no stencil of the march) as the mean of the two
    /// neighbours along the walls, for output; other corners keep their prescribed values.
    /// </summary>
    private static void FillCorners(UniformGrid2D g, (bool Left, bool Right, bool Bottom, bool Top) walls, double[] omega)
    {
        int nx = g.Nx, ny = g.Ny;
        if (walls.Left && walls.Bottom)
        {
            omega[g.Index(0, 0)] = 0.5 * (omega[g.Index(1, 0)] + omega[g.Index(0, 1)]);
        }

        if (walls.Right && walls.Bottom)
        {
            omega[g.Index(nx - 1, 0)] = 0.5 * (omega[g.Index(nx - 2, 0)] + omega[g.Index(nx - 1, 1)]);
        }

        if (walls.Left && walls.Top)
        {
            omega[g.Index(0, ny - 1)] = 0.5 * (omega[g.Index(1, ny - 1)] + omega[g.Index(0, ny - 2)]);
        }

        if (walls.Right && walls.Top)
        {
            omega[g.Index(nx - 1, ny - 1)] = 0.5 * (omega[g.Index(nx - 2, ny - 1)] + omega[g.Index(nx - 1, ny - 2)]);
        }
    }

    /// <summary>Solves a tridiagonal system in place (d holds the solution); a, b, c are the sub-, main and super-diagonal.</summary>
    private static void Thomas(double[] a, double[] b, double[] c, double[] d, int m)
    {
        for (int k = 1; k < m; k++)
        {
            double f = a[k] / b[k - 1];
            b[k] -= f * c[k - 1];
            d[k] -= f * d[k - 1];
        }

        d[m - 1] /= b[m - 1];
        for (int k = m - 2; k >= 0; k--)
        {
            d[k] = (d[k] - (c[k] * d[k + 1])) / b[k];
        }
    }
}
