using NestSharp.Kernel.Communication;

namespace NestSharp.Kernel;

/// <summary>
/// How the work is split (NEST's VPManager and MPIManager): this process's rank among the MPI processes, its threads,
/// and the virtual processes (VP = rank · threads + thread). Keys: local_num_threads and total_num_virtual_procs
/// (settable before any node exists), num_processes and mpi_rank.
/// </summary>
internal sealed class VirtualProcessManager(ICommunicator communicator) : IKernelManager
{
    private KernelManager _kernel = null!;

    public ICommunicator Communicator { get; } = communicator;

    public int Threads { get; private set; } = 1;

    /// <summary>This process's place among the virtual processes (ranks × threads).</summary>
    public VirtualProcessLayout Layout => new(Communicator.Size, Communicator.Rank, Threads);

    public IReadOnlyCollection<string> SettableKeys => ["local_num_threads", "total_num_virtual_procs"];

    public void Initialize(KernelManager kernel) => _kernel = kernel;

    public void GetStatus(Dictionary<string, object> status)
    {
        status["local_num_threads"] = (long)Threads;
        status["total_num_virtual_procs"] = (long)Layout.Count;
        status["num_processes"] = (long)Communicator.Size;
        status["mpi_rank"] = (long)Communicator.Rank;
    }

    public Action? StageStatus(KernelStatusChange change)
    {
        int threads = Threads;
        string key = "local_num_threads";
        object? given = null;
        if (change.TryClaim("local_num_threads", out var value))
        {
            threads = StatusValue.ToInt("local_num_threads", value);
            if (threads < 1) throw new BadPropertyException("local_num_threads", value, "the number of threads must be at least 1");
            if (threads > 1024) throw new BadPropertyException("local_num_threads", value, "at most 1024 threads are supported");
            given = value;
        }
        if (change.TryClaim("total_num_virtual_procs", out value))
        {
            int vps = StatusValue.ToInt("total_num_virtual_procs", value);
            int ranks = Communicator.Size;
            if (vps < ranks || vps % ranks != 0)
                throw new BadPropertyException("total_num_virtual_procs", value, $"must be a positive multiple of the number of processes ({ranks})");
            threads = vps / ranks;
            (key, given) = ("total_num_virtual_procs", value);
        }
        if (threads == Threads) return null;
        if (_kernel.Nodes.NodeCount > 0 || _kernel.Simulation.HasSimulated)
            throw new KernelException($"{key} = {given} cannot be set: the number of threads cannot change after nodes have been created. Call ResetKernel first.");
        return () => Threads = threads;
    }
}
