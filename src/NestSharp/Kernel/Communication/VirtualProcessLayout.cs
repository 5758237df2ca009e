namespace NestSharp.Kernel.Communication;

/// <summary>
/// How the work is split: <see cref="Ranks"/> processes of <see cref="ThreadsPerRank"/> threads each, numbered as
/// NEST's virtual processes (VP = rank · threads + thread). Every node belongs to one VP, which updates it and owns
/// its incoming connections; this process runs the VPs <see cref="FirstLocal"/> .. FirstLocal + ThreadsPerRank - 1.
/// </summary>
internal sealed record VirtualProcessLayout(int Ranks, int Rank, int ThreadsPerRank)
{
    public static VirtualProcessLayout SingleThread { get; } = new(1, 0, 1);

    public int Count => Ranks * ThreadsPerRank;
    public int FirstLocal => Rank * ThreadsPerRank;
    public bool IsLocal(int vp) => vp >= FirstLocal && vp < FirstLocal + ThreadsPerRank;
    public IEnumerable<int> Local => Enumerable.Range(FirstLocal, ThreadsPerRank);
}
