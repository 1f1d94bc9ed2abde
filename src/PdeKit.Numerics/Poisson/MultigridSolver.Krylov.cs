namespace PdeKit.Numerics.Poisson;

/// <summary>Conjugate gradients preconditioned by one symmetric multigrid V-cycle.</summary>
/// <remarks>
/// The 5-point operator is symmetric positive definite over the active nodes, and a V-cycle with adjoint pre- and
/// post-smoothing, restriction proportional to the transposed prolongation, symmetric coarse operators and an exact
/// coarsest solve is a symmetric positive (semi-)definite preconditioner, so preconditioned CG applies (Tatebe, "The multigrid preconditioned
/// conjugate gradient method", 6th Copper Mountain Conference on Multigrid Methods, NASA CP 3224, 1993). CG removes
/// the few error components the cycle handles badly, which is what goes wrong for coefficients that jump across
/// lines of the coarse grids and for strongly anisotropic grids; on smooth problems it saves a cycle or two.
/// Always a V-cycle: a W- or F-cycle repeats coarse cycles, and two steps of a divergent iteration (error
/// propagation with eigenvalues below -1) make an indefinite preconditioner. Measured: a W-cycle gave
/// <c>r . z &lt; 0</c> for a coefficient jumping by 1000 across x = 0.3, where the V-cycle converged.
/// </remarks>
internal sealed partial class MultigridSolver
{
    /// <summary>CG minimises the energy norm of the error; its residual may rise for a few iterations.</summary>
    private const int StagnationWindow = 20;

    private int ConjugateGradient(double reference, List<double> history)
    {
        PoissonLevel finest = levels[0];

        // The preconditioner runs on a copy of the finest operator with its own arrays: F = r, U = z.
        PoissonLevel[] pc = [finest.WithOwnArrays(), .. levels[1..]];
        PoissonLevel work = pc[0];
        int n = finest.Grid.NodeCount;
        double[] r = finest.R, d = new double[n], q = new double[n], zero = new double[n];

        StencilKernels.Residual(finest, runner);
        Precondition(pc, r);
        Array.Copy(work.U, d, n);
        double rz = NodeVectors.Dot(finest, runner, r, work.U);
        int iterations = 0;
        while (history[^1] > options.Tolerance && iterations < options.MaxCycles)
        {
            // q = A d (d is zero at the inactive nodes): the residual of d for a zero right-hand side, negated.
            StencilKernels.Residual(finest, runner, d, zero, q);
            double dq = -NodeVectors.Dot(finest, runner, d, q);
            if (!(dq > 0) || !(rz > 0))
            {
                // Converged to rounding (or a non-positive direction, which an SPD system cannot give).
                break;
            }

            NodeVectors.Axpy(finest, runner, rz / dq, d, finest.U);
            iterations++;

            // The true residual rather than the recursive update r -= alpha A d: one more pass, but the history
            // reports what the iterate achieves, and near the rounding floor the two drift apart.
            double relative = StencilKernels.Residual(finest, runner) / reference;
            CheckFinite(relative, iterations);
            history.Add(relative);
            if (relative <= options.Tolerance || Stagnates(history, StagnationWindow))
            {
                break;
            }

            Precondition(pc, r);
            double rzNext = NodeVectors.Dot(finest, runner, r, work.U);
            NodeVectors.NewDirection(finest, runner, work.U, rzNext / rz, d);
            rz = rzNext;
        }

        return iterations;
    }

    /// <summary><c>pc[0].U = M r</c>: one symmetric cycle from zero for the residual equation.</summary>
    private void Precondition(PoissonLevel[] pc, double[] r)
    {
        Array.Copy(r, pc[0].F, r.Length);
        Array.Clear(pc[0].U);
        Cycle(pc, 0, MultigridCycle.V, symmetric: true);
    }
}
