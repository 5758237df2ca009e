namespace NestSharp.Kernel.Communication;

/// <summary>
/// How the work is split: <see cref="Ranks"/> processes of <see cref="ThreadsPerRank"/> threads each. Virtual processes
/// are numbered as NEST numbers them: VP v runs on rank v mod Ranks as its thread v / Ranks, and node n belongs to
/// VP n mod Count (NEST's round-robin). Per-thread arrays of the kernel are indexed by <i>slot</i>, s = rank ·
/// ThreadsPerRank + thread, so that a process's slots are contiguous: this process runs slots
/// <see cref="FirstLocal"/> .. FirstLocal + ThreadsPerRank - 1.
/// </summary>
internal sealed record VirtualProcessLayout(int Ranks, int Rank, int ThreadsPerRank)
{
    public static VirtualProcessLayout SingleThread { get; } = new(1, 0, 1);

    /// <summary>The number of virtual processes (and of slots).</summary>
    public int Count => Ranks * ThreadsPerRank;

    /// <summary>The first slot of this process.</summary>
    public int FirstLocal => Rank * ThreadsPerRank;

    /// <summary>Whether <paramref name="slot"/> runs in this process.</summary>
    public bool IsLocal(int slot) => slot >= FirstLocal && slot < FirstLocal + ThreadsPerRank;

    /// <summary>This process's slots.</summary>
    public IEnumerable<int> Local => Enumerable.Range(FirstLocal, ThreadsPerRank);

    /// <summary>NEST's number of the virtual process that runs in <paramref name="slot"/>.</summary>
    public int VirtualProcessOfSlot(int slot) => slot % ThreadsPerRank * Ranks + slot / ThreadsPerRank;

    /// <summary>The slot of NEST's virtual process <paramref name="vp"/>.</summary>
    public int SlotOfVirtualProcess(int vp) => vp % Ranks * ThreadsPerRank + vp / Ranks;

    /// <summary>NEST's virtual process of node <paramref name="id"/> (id mod the number of virtual processes).</summary>
    public int VirtualProcessOfNode(long id) => (int)(id % Count);

    /// <summary>The slot that updates node <paramref name="id"/>.</summary>
    public int SlotOfNode(long id) => SlotOfVirtualProcess(VirtualProcessOfNode(id));

    /// <summary>The thread (within its process) of NEST's virtual process <paramref name="vp"/>.</summary>
    public int ThreadOfVirtualProcess(int vp) => vp / Ranks;
}
