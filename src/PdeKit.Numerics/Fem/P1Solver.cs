using PdeKit.Numerics.Meshes;

namespace PdeKit.Numerics.Fem;

/// <summary>A finite-element solution: nodal values and how the linear solve went.</summary>
/// <param name="Values">u at each mesh node (the P1 interpolant's coefficients); exact data g at Dirichlet nodes.</param>
/// <param name="DirichletNodes">How many nodes carried Dirichlet data.</param>
/// <param name="Solve">The conjugate-gradient statistics.</param>
public sealed record P1Solution(double[] Values, int DirichletNodes, ConjugateGradientResult Solve);

/// <summary>
/// Linear (P1) finite elements on a <see cref="TriangleMesh"/> for <see cref="EllipticProblem"/>: assembles the
/// stiffness matrix of the free nodes in CSR form (coefficient at triangle centroids, load with a degree-2
/// rule), eliminates the Dirichlet nodes symmetrically, and solves with preconditioned conjugate gradients.
/// </summary>
public static class P1Solver
{
    /// <summary>Solves <paramref name="problem"/> on <paramref name="mesh"/>.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <param name="problem">Coefficient, source, Dirichlet data and parts.</param>
    /// <param name="options">Linear solver settings; null for the defaults (IC(0), relative tolerance 1e-10).</param>
    /// <returns>Nodal values and solver statistics.</returns>
    /// <exception cref="ArgumentException">A Dirichlet part is unknown, no node carries Dirichlet data, or a coefficient, source or boundary value is not finite (or a is not positive); the message says where.</exception>
    /// <exception cref="InvalidOperationException">Conjugate gradients did not reach the tolerance within the iteration limit.</exception>
    public static P1Solution Solve(TriangleMesh mesh, EllipticProblem problem, ConjugateGradientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(problem.Source, nameof(problem.Source));
        ArgumentNullException.ThrowIfNull(problem.Dirichlet, nameof(problem.Dirichlet));
        int n = mesh.NodeCount;
        var dirichletNodes = mesh.BoundaryNodes(problem.DirichletParts);
        if (dirichletNodes.Length == 0)
        {
            throw new ArgumentException($"{mesh.SourceName}: no node carries Dirichlet data; the pure Neumann problem is singular.", nameof(problem));
        }

        var u = new double[n];
        var free = new int[n]; // index among the free nodes, or -1 on the Dirichlet boundary
        foreach (int i in dirichletNodes)
        {
            free[i] = -1;
            u[i] = Checked(problem.Dirichlet(mesh.X[i], mesh.Y[i]), "Dirichlet value g", mesh.X[i], mesh.Y[i]);
        }

        int nFree = 0;
        for (int i = 0; i < n; i++)
        {
            free[i] = free[i] < 0 ? -1 : nFree++;
        }

        var (matrix, rhs) = P1Assembly.Assemble(mesh, problem, free, nFree, u);
        var freeValues = new double[nFree];
        var result = ConjugateGradient.Solve(matrix, rhs, freeValues, options);
        if (!result.Converged)
        {
            throw new InvalidOperationException(
                $"{mesh.SourceName}: conjugate gradients stopped after {result.Iterations} iterations at relative residual "
                + $"{result.RelativeResidual:G3}, above the tolerance {(options ?? new()).Tolerance:G3}; raise MaxIterations or the tolerance.");
        }

        for (int i = 0; i < n; i++)
        {
            if (free[i] >= 0)
            {
                u[i] = freeValues[free[i]];
            }
        }

        return new P1Solution(u, dirichletNodes.Length, result);
    }

    /// <summary>Throws unless a user function returned a finite number.</summary>
    internal static double Checked(double value, string what, double x, double y)
        => double.IsFinite(value) ? value : throw new ArgumentException($"The {what} is {value} at ({x}, {y}); it must be finite.");
}
