namespace NestSharp.Kernel.Communication;

/// <summary>
/// Several ranks in one process, each a thread with its own kernel, exchanging through memory (Arbor's local context):
/// the distribution logic (which rank owns which node, gathers, reductions) runs and is tested on any machine, without
/// MPI. Make one <see cref="InProcessWorld"/> and give each rank's kernel its <see cref="InProcessWorld.RankOf"/>; every
/// collective is entered by all ranks in the same order, as under MPI.
/// </summary>
internal sealed class InProcessCommunicator(InProcessWorld world, int rank) : ICommunicator
{
    public int Rank { get; } = rank;
    public int Size => world.Size;

    public int AllGather<T>(ReadOnlySpan<T> local, ref T[] all) where T : unmanaged
    {
        var parts = world.Exchange(Rank, MemoryMarshal.AsBytes(local).ToArray());
        int total = 0;
        foreach (var part in parts) total += part.Length;
        int items = total / Marshal.SizeOf<T>();
        if (all.Length < items) all = new T[Math.Max(items, all.Length * 2)];
        var destination = MemoryMarshal.AsBytes(all.AsSpan(0, items));
        int at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(destination[at..]);
            at += part.Length;
        }
        world.Done();
        return items;
    }

    public long Sum(long value) => Reduce(value, static (a, b) => a + b);
    public long Min(long value) => Reduce(value, Math.Min);
    public long Max(long value) => Reduce(value, Math.Max);

    private long Reduce(long value, Func<long, long, long> combine)
    {
        var parts = world.Exchange(Rank, BitConverter.GetBytes(value));
        long result = BitConverter.ToInt64(parts[0]);
        for (int r = 1; r < parts.Length; r++) result = combine(result, BitConverter.ToInt64(parts[r]));
        world.Done();
        return result;
    }
}

/// <summary>
/// The ranks of an in-process run: a board with one slot per rank and a barrier. A collective posts each rank's bytes,
/// waits for all, lets each rank read the board, and waits again before the board is reused.
/// </summary>
internal sealed class InProcessWorld : IDisposable
{
    private readonly byte[][] _board;
    private readonly Barrier _barrier;

    public InProcessWorld(int size)
    {
        Size = size;
        _board = new byte[size][];
        _barrier = new Barrier(size);
    }

    public int Size { get; }

    /// <summary>The communicator of rank <paramref name="rank"/>.</summary>
    public InProcessCommunicator RankOf(int rank) => new(this, rank);

    /// <summary>Posts this rank's bytes and returns every rank's, in rank order, once all have posted.</summary>
    public byte[][] Exchange(int rank, byte[] mine)
    {
        _board[rank] = mine;
        _barrier.SignalAndWait();
        return _board;
    }

    /// <summary>This rank has read the board; it may be reused once all have.</summary>
    public void Done() => _barrier.SignalAndWait();

    /// <summary>
    /// A rank gave up (a test's assertion failed on it between collectives): the others no longer wait for it, so they
    /// run on to their own end or failure instead of waiting in their next collective for ever.
    /// </summary>
    public void Leave() => _barrier.RemoveParticipant();

    public void Dispose() => _barrier.Dispose();
}
