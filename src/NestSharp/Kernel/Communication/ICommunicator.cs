namespace NestSharp.Kernel.Communication;

/// <summary>
/// What the kernel exchanges between processes. Nothing outside this folder knows whether MPI is there: a single
/// process uses <see cref="LocalCommunicator"/>, processes started by mpirun use <see cref="MpiCommunicator"/>.
/// Every call is collective: all ranks make it, in the same order.
/// </summary>
internal interface ICommunicator
{
    int Rank { get; }
    int Size { get; }

    /// <summary>
    /// Gathers every rank's items into <paramref name="all"/> in rank order (grown when too small, otherwise reused)
    /// and returns how many there are in total.
    /// </summary>
    int AllGather<T>(ReadOnlySpan<T> local, ref T[] all) where T : unmanaged;

    /// <summary>The sum over all ranks.</summary>
    long Sum(long value);

    /// <summary>The minimum over all ranks.</summary>
    long Min(long value);

    /// <summary>The maximum over all ranks.</summary>
    long Max(long value);
}

/// <summary>Collective steps built from the communicator's calls.</summary>
internal static class Collectives
{
    /// <summary>
    /// Runs <paramref name="action"/> on this process and learns whether it failed on any (one collective call): its
    /// own failure is rethrown, another process's failure becomes <paramref name="otherFailed"/>'s exception, on every
    /// process alike, so that no process is left waiting in a later collective for one that gave up.
    /// </summary>
    public static void OnEveryProcess(this ICommunicator communicator, Action action, Func<Exception> otherFailed)
    {
        Exception? failure = null;
        try
        {
            action();
        }
        catch (Exception e)
        {
            failure = e;
        }
        long failed = communicator.Size > 1 ? communicator.Sum(failure is null ? 0 : 1) : 0;
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        if (failed > 0) throw otherFailed();
    }
}

/// <summary>A single process: every collective returns its own input.</summary>
internal sealed class LocalCommunicator : ICommunicator
{
    public static LocalCommunicator Instance { get; } = new();

    public int Rank => 0;
    public int Size => 1;

    public int AllGather<T>(ReadOnlySpan<T> local, ref T[] all) where T : unmanaged
    {
        if (all.Length < local.Length) all = new T[Math.Max(local.Length, all.Length * 2)];
        local.CopyTo(all);
        return local.Length;
    }

    public long Sum(long value) => value;
    public long Min(long value) => value;
    public long Max(long value) => value;
}
