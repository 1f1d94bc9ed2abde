namespace PdeKit.Numerics.Poisson;

/// <summary>
/// Which nodes of a <see cref="UniformGrid2D"/> are unknowns (active) in a Poisson problem on an embedded
/// domain. Every other node, the rectangle's boundary always among them, holds a Dirichlet value; the inactive
/// neighbours of active nodes form the discrete boundary of the domain.
/// </summary>
/// <remarks>
/// The domain is the set of active nodes: a node is never half inside. Curved or oblique boundaries are thus
/// approximated by a staircase (first order in the boundary position); boundaries along grid lines, as those of
/// <see cref="LShape"/> on a grid whose spacing divides 1, are represented exactly. Instances are immutable.
/// </remarks>
public sealed class NodeMask
{
    private readonly bool[] active;

    private NodeMask(UniformGrid2D grid, bool[] active)
    {
        Grid = grid;
        this.active = active;
        int count = 0;
        var offsets = new int[grid.Ny + 1];
        var starts = new List<int>();
        var ends = new List<int>();
        for (int j = 0; j < grid.Ny; j++)
        {
            offsets[j] = starts.Count;
            int row = j * grid.Nx;
            int i = 0;
            while (i < grid.Nx)
            {
                if (!active[row + i])
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < grid.Nx && active[row + i])
                {
                    i++;
                }

                starts.Add(start);
                ends.Add(i - 1);
                count += i - start;
            }
        }

        offsets[grid.Ny] = starts.Count;
        ActiveCount = count;
        RunOffsets = offsets;
        RunStarts = [.. starts];
        RunEnds = [.. ends];
    }

    /// <summary>The grid the mask belongs to.</summary>
    public UniformGrid2D Grid { get; }

    /// <summary>Number of active nodes (unknowns).</summary>
    public int ActiveCount { get; }

    /// <summary>Whether node <c>(i, j)</c> is active (an unknown).</summary>
    /// <param name="i">Column index, 0 to <c>Nx - 1</c>.</param>
    /// <param name="j">Row index, 0 to <c>Ny - 1</c>.</param>
    /// <returns>True for an unknown, false for a Dirichlet node.</returns>
    public bool IsActive(int i, int j) => active[Grid.Index(i, j)];

    /// <summary>Row j's maximal runs of consecutive active nodes are runs <c>RunOffsets[j]</c> to <c>RunOffsets[j + 1] - 1</c>.</summary>
    internal int[] RunOffsets { get; }

    /// <summary>First column of each run.</summary>
    internal int[] RunStarts { get; }

    /// <summary>Last column of each run (inclusive).</summary>
    internal int[] RunEnds { get; }

    /// <summary>A copy of the flags, row-major (index <c>j Nx + i</c>).</summary>
    /// <returns>True where the node is active.</returns>
    public bool[] ToArray() => (bool[])active.Clone();

    /// <summary>All interior nodes of the rectangle are active: the plain Dirichlet problem on the rectangle.</summary>
    /// <param name="grid">The grid.</param>
    /// <returns>The mask.</returns>
    public static NodeMask Rectangle(UniformGrid2D grid) => FromPredicate(grid, static (_, _) => true);

    /// <summary>
    /// The nodes where <paramref name="inside"/> holds, among the interior nodes of the rectangle (its boundary
    /// nodes are always inactive, whatever the predicate says).
    /// </summary>
    /// <param name="grid">The grid.</param>
    /// <param name="inside">True where <c>(x, y)</c> lies in the open domain; nodes on the domain's boundary must give false.</param>
    /// <returns>The mask.</returns>
    /// <exception cref="ArgumentException">No interior node is inside.</exception>
    public static NodeMask FromPredicate(UniformGrid2D grid, Func<double, double, bool> inside)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(inside);
        var flags = new bool[grid.NodeCount];
        for (int j = 1; j < grid.Ny - 1; j++)
        {
            double y = grid.Y(j);
            for (int i = 1; i < grid.Nx - 1; i++)
            {
                flags[grid.Index(i, j)] = inside(grid.X(i), y);
            }
        }

        return Create(grid, flags, "the predicate is false at every interior node of " + grid);
    }

    /// <summary>A mask from explicit flags.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="active">One flag per node, row-major (index <c>j Nx + i</c>); the rectangle's boundary nodes must be false.</param>
    /// <returns>The mask (it keeps a copy of the flags).</returns>
    /// <exception cref="ArgumentException">The length is not <c>Nx Ny</c>, a boundary node is active, or no node is active.</exception>
    public static NodeMask FromArray(UniformGrid2D grid, bool[] active)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(active);
        if (active.Length != grid.NodeCount)
        {
            throw new ArgumentException(
                $"The mask has {active.Length} flags but the grid has {grid.Nx} x {grid.Ny} = {grid.NodeCount} nodes.", nameof(active));
        }

        for (int j = 0; j < grid.Ny; j++)
        {
            for (int i = 0; i < grid.Nx; i++)
            {
                bool onBoundary = i == 0 || j == 0 || i == grid.Nx - 1 || j == grid.Ny - 1;
                if (onBoundary && active[grid.Index(i, j)])
                {
                    throw new ArgumentException(
                        $"Node ({i}, {j}) lies on the rectangle's boundary and cannot be active: boundary nodes carry Dirichlet values.",
                        nameof(active));
                }
            }
        }

        return Create(grid, (bool[])active.Clone(), "every flag is false");
    }

    /// <summary>
    /// The L-shaped domain <c>(-1, 1)^2</c> minus <c>[0, 1) x (-1, 0]</c> (the quadrant x &gt;= 0, y &lt;= 0 removed,
    /// re-entrant corner at the origin). Nodes on the two re-entrant edges are inactive (Dirichlet).
    /// </summary>
    /// <param name="grid">A grid covering <c>[-1, 1]^2</c>, normally exactly it; with <c>n = 2^k + 1</c> nodes per
    /// side the re-entrant edges are grid lines on every multigrid level.</param>
    /// <returns>The mask.</returns>
    /// <exception cref="ArgumentException">No node of the grid is inside the L-shape.</exception>
    public static NodeMask LShape(UniformGrid2D grid)
    {
        ArgumentNullException.ThrowIfNull(grid);

        // A node within a tiny fraction of the spacing of an edge is on that edge (coordinates are rounded).
        double tol = 1e-9 * Math.Min(grid.Hx, grid.Hy);
        return FromPredicate(grid, (x, y) =>
            x > -1 + tol && x < 1 - tol && y > -1 + tol && y < 1 - tol && !(x > -tol && y < tol));
    }

    /// <summary>
    /// The mask on the grid with every other node in each direction (nodes <c>(2I, 2J)</c>): a coarse node is
    /// active when the fine node it coincides with is. The result may be empty.
    /// </summary>
    internal NodeMask Coarsen(UniformGrid2D coarse)
    {
        var flags = new bool[coarse.NodeCount];
        for (int jc = 1; jc < coarse.Ny - 1; jc++)
        {
            for (int ic = 1; ic < coarse.Nx - 1; ic++)
            {
                flags[coarse.Index(ic, jc)] = active[Grid.Index(2 * ic, 2 * jc)];
            }
        }

        return new NodeMask(coarse, flags);
    }

    private static NodeMask Create(UniformGrid2D grid, bool[] flags, string whyEmpty)
    {
        var mask = new NodeMask(grid, flags);
        if (mask.ActiveCount == 0)
        {
            throw new ArgumentException($"The mask has no active node: {whyEmpty}. The domain needs at least one interior node.");
        }

        return mask;
    }
}
