using PdeKit.Numerics.Poisson;

namespace PdeKit.Numerics.NavierStokes;

/// <summary>
/// Pressure of a steady incompressible flow from its velocity and vorticity: the pressure Poisson equation
/// <c>Laplace(p) = 2 (u_x v_y - u_y v_x)</c> with the Neumann data of the momentum equation,
/// <c>dp/dn = n . (-(u . grad) u + (1/Re) (-omega_y, omega_x))</c>, normalised to zero mean over the rectangle.
/// </summary>
/// <remarks>
/// Discretisation: node-centred finite volumes (a whole cell around an interior node, half cells on the sides,
/// quarter cells at the corners) with two-point fluxes: the 5-point Laplacian inside and the second-order ghost-node
/// treatment of the Neumann data on the sides, as a symmetric positive semidefinite system whose null space is the
/// constants. The right-hand side is made compatible by removing its mean (the discrete mismatch of the source and
/// the boundary flux, which vanishes as the grid is refined), the system is solved by Jacobi-preconditioned conjugate
/// gradients, and the constant is fixed by the zero trapezoidal mean. Derivatives of u, v and omega are second-order
/// central differences inside and second-order one-sided ones on the sides.
/// </remarks>
internal static class PressureRecovery
{
    /// <summary>The zero-mean pressure at every node.</summary>
    internal static double[] Solve(UniformGrid2D g, double re, double[] u, double[] v, double[] omega)
    {
        int nx = g.Nx, ny = g.Ny, n = g.NodeCount;
        double hx = g.Hx, hy = g.Hy, nu = 1 / re;
        var ux = DerivativeX(g, u);
        var uy = DerivativeY(g, u);
        var vx = DerivativeX(g, v);
        var vy = DerivativeY(g, v);
        var wx = DerivativeX(g, omega);
        var wy = DerivativeY(g, omega);
        var b = new double[n];
        var diag = new double[n];
        for (int j = 0; j < ny; j++)
        {
            double wyj = j == 0 || j == ny - 1 ? 0.5 : 1;
            for (int i = 0; i < nx; i++)
            {
                double wxi = i == 0 || i == nx - 1 ? 0.5 : 1;
                int p = g.Index(i, j);
                double f = 2 * ((ux[p] * vy[p]) - (uy[p] * vx[p]));

                // Components of grad p from the momentum equation at this node.
                double px = -((u[p] * ux[p]) + (v[p] * uy[p])) - (nu * wy[p]);
                double py = -((u[p] * vx[p]) + (v[p] * vy[p])) + (nu * wx[p]);

                // Integral of Laplace(p) over the control volume = fluxes through its faces: K p = (boundary flux) - f V, K = -A.
                double rhs = -f * wxi * wyj * hx * hy;
                if (i == 0)
                {
                    rhs += -px * wyj * hy;
                }

                if (i == nx - 1)
                {
                    rhs += px * wyj * hy;
                }

                if (j == 0)
                {
                    rhs += -py * wxi * hx;
                }

                if (j == ny - 1)
                {
                    rhs += py * wxi * hx;
                }

                b[p] = rhs;
                double d = 0;
                if (i > 0)
                {
                    d += wyj * hy / hx;
                }

                if (i < nx - 1)
                {
                    d += wyj * hy / hx;
                }

                if (j > 0)
                {
                    d += wxi * hx / hy;
                }

                if (j < ny - 1)
                {
                    d += wxi * hx / hy;
                }

                diag[p] = d;
            }
        }

        double mean = b.Average();
        for (int p = 0; p < n; p++)
        {
            b[p] -= mean;
        }

        var pressure = ConjugateGradient(g, b, diag);
        double sum = 0, weight = 0;
        for (int j = 0; j < ny; j++)
        {
            double wyj = j == 0 || j == ny - 1 ? 0.5 : 1;
            for (int i = 0; i < nx; i++)
            {
                double w = (i == 0 || i == nx - 1 ? 0.5 : 1) * wyj;
                sum += w * pressure[g.Index(i, j)];
                weight += w;
            }
        }

        double shift = sum / weight;
        for (int p = 0; p < n; p++)
        {
            pressure[p] -= shift;
        }

        return pressure;
    }

    /// <summary>y = K x with K = -A, the symmetric positive semidefinite finite-volume operator.</summary>
    private static void Apply(UniformGrid2D g, double[] x, double[] y)
    {
        int nx = g.Nx, ny = g.Ny;
        double hx = g.Hx, hy = g.Hy;
        for (int j = 0; j < ny; j++)
        {
            double cx = (j == 0 || j == ny - 1 ? 0.5 : 1) * hy / hx;
            for (int i = 0; i < nx; i++)
            {
                double cy = (i == 0 || i == nx - 1 ? 0.5 : 1) * hx / hy;
                int p = g.Index(i, j);
                double s = 0;
                if (i > 0)
                {
                    s += cx * (x[p] - x[p - 1]);
                }

                if (i < nx - 1)
                {
                    s += cx * (x[p] - x[p + 1]);
                }

                if (j > 0)
                {
                    s += cy * (x[p] - x[p - nx]);
                }

                if (j < ny - 1)
                {
                    s += cy * (x[p] - x[p + nx]);
                }

                y[p] = s;
            }
        }
    }

    private static double[] ConjugateGradient(UniformGrid2D g, double[] b, double[] diag)
    {
        int n = b.Length;
        var x = new double[n];
        var r = (double[])b.Clone();
        var z = new double[n];
        var q = new double[n];
        for (int k = 0; k < n; k++)
        {
            z[k] = r[k] / diag[k];
        }

        var d = (double[])z.Clone();
        double rz = Dot(r, z);
        double norm0 = Math.Sqrt(Dot(b, b));
        if (norm0 == 0)
        {
            return x;
        }

        int maxIterations = 20 * (g.Nx + g.Ny) + 1000;
        for (int it = 0; it < maxIterations; it++)
        {
            Apply(g, d, q);
            double alpha = rz / Dot(d, q);
            for (int k = 0; k < n; k++)
            {
                x[k] += alpha * d[k];
                r[k] -= alpha * q[k];
            }

            if (Math.Sqrt(Dot(r, r)) <= 1e-12 * norm0)
            {
                return x;
            }

            for (int k = 0; k < n; k++)
            {
                z[k] = r[k] / diag[k];
            }

            double rzNew = Dot(r, z);
            double beta = rzNew / rz;
            rz = rzNew;
            for (int k = 0; k < n; k++)
            {
                d[k] = z[k] + (beta * d[k]);
            }
        }

        throw new InvalidOperationException(
            $"The pressure Poisson solve did not converge in {maxIterations} conjugate-gradient iterations on {g}.");
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++)
        {
            s += a[k] * b[k];
        }

        return s;
    }

    /// <summary>d/dx at every node: central inside, second-order one-sided on the left and right sides.</summary>
    internal static double[] DerivativeX(UniformGrid2D g, double[] f)
    {
        int nx = g.Nx;
        double h = g.Hx;
        var d = new double[f.Length];
        for (int j = 0; j < g.Ny; j++)
        {
            int r = j * nx;
            for (int i = 1; i < nx - 1; i++)
            {
                d[r + i] = (f[r + i + 1] - f[r + i - 1]) / (2 * h);
            }

            d[r] = ((-3 * f[r]) + (4 * f[r + 1]) - f[r + 2]) / (2 * h);
            d[r + nx - 1] = ((3 * f[r + nx - 1]) - (4 * f[r + nx - 2]) + f[r + nx - 3]) / (2 * h);
        }

        return d;
    }

    /// <summary>d/dy at every node: central inside, second-order one-sided on the bottom and top sides.</summary>
    internal static double[] DerivativeY(UniformGrid2D g, double[] f)
    {
        int nx = g.Nx, ny = g.Ny;
        double h = g.Hy;
        var d = new double[f.Length];
        for (int i = 0; i < nx; i++)
        {
            for (int j = 1; j < ny - 1; j++)
            {
                d[(j * nx) + i] = (f[((j + 1) * nx) + i] - f[((j - 1) * nx) + i]) / (2 * h);
            }

            d[i] = ((-3 * f[i]) + (4 * f[nx + i]) - f[(2 * nx) + i]) / (2 * h);
            int top = (ny - 1) * nx;
            d[top + i] = ((3 * f[top + i]) - (4 * f[top - nx + i]) + f[top - (2 * nx) + i]) / (2 * h);
        }

        return d;
    }
}
