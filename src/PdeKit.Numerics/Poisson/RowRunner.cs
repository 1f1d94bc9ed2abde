namespace PdeKit.Numerics.Poisson;

/// <summary>
/// Runs a kernel over the rows of a grid level, split into contiguous row blocks on the thread pool when the level
/// is large enough to pay for it. The kernels write disjoint nodes and reduce per row, so results never depend on
/// the number of threads or the scheduling.
/// </summary>
internal sealed class RowRunner
{
    /// <summary>Levels with fewer nodes run on the calling thread (a parallel loop costs some microseconds).</summary>
    private const int MinParallelNodes = 1 << 14;

    private readonly ParallelOptions options;
    private readonly int blocksPerThread;

    public RowRunner(int maxDegreeOfParallelism)
    {
        Threads = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        options = new ParallelOptions { MaxDegreeOfParallelism = Threads };
        blocksPerThread = 2;
    }

    /// <summary>The number of threads the runner may use.</summary>
    public int Threads { get; }

    /// <summary>Calls <paramref name="body"/>(j0, j1) on row ranges covering <c>[rowStart, rowEnd)</c>.</summary>
    public void For<TState>(int rowStart, int rowEnd, long nodes, TState state, Action<TState, int, int> body)
    {
        int rows = rowEnd - rowStart;
        if (rows <= 0)
        {
            return;
        }

        if (Threads == 1 || nodes < MinParallelNodes || rows < 2 * Threads)
        {
            body(state, rowStart, rowEnd);
            return;
        }

        int blocks = Math.Min(rows, Threads * blocksPerThread);
        Parallel.For(0, blocks, options, b => body(state, BlockStart(rowStart, rows, blocks, b), BlockStart(rowStart, rows, blocks, b + 1)));
    }

    /// <summary>
    /// Calls <paramref name="inner"/>(j0, j1) on row blocks covering <c>[rowStart, rowEnd)</c> (in parallel), then,
    /// once all are done, <paramref name="seams"/>(j0, j1) on the same blocks one after the other: for kernels whose
    /// first and last rows of a block must wait for the neighbouring blocks.
    /// </summary>
    public void ForWithSeams<TState>(int rowStart, int rowEnd, long nodes, TState state, Action<TState, int, int> inner, Action<TState, int, int> seams)
    {
        int rows = rowEnd - rowStart;
        if (rows <= 0)
        {
            return;
        }

        int blocks = Threads == 1 || nodes < MinParallelNodes || rows < 2 * Threads ? 1 : Math.Min(rows, Threads * blocksPerThread);
        if (blocks == 1)
        {
            inner(state, rowStart, rowEnd);
        }
        else
        {
            Parallel.For(0, blocks, options, b => inner(state, BlockStart(rowStart, rows, blocks, b), BlockStart(rowStart, rows, blocks, b + 1)));
        }

        for (int b = 0; b < blocks; b++)
        {
            seams(state, BlockStart(rowStart, rows, blocks, b), BlockStart(rowStart, rows, blocks, b + 1));
        }
    }

    private static int BlockStart(int rowStart, int rows, int blocks, int b) => rowStart + (int)((long)rows * b / blocks);
}
