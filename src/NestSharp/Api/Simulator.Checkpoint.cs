using NestSharp.Kernel.Communication;

namespace NestSharp;

// Checkpoint and restore (NestSharp's own; NEST has none).
public sealed partial class Simulator
{
    /// <summary>
    /// Saves the complete state of the simulation to <paramref name="path"/> between Simulate calls: kernel settings and
    /// clock, models made with CopyModel or changed with SetDefaults, every node's parameters and state, every
    /// connection with its weight, delay and plastic state, the input arriving in the coming steps (spikes in flight),
    /// the spike archive and the recorders' events. Loading the file and simulating on gives results bitwise equal to
    /// simulating on without the stop, with any number of threads. The file is written to a temporary name and then
    /// renamed, so an interrupted save leaves an earlier checkpoint of the same name intact. A network holding
    /// something checkpoints do not keep yet is refused (NotImplemented) before anything is written.
    /// <paramref name="description"/> is kept with it (for example what made the network), for
    /// <see cref="ReadCheckpointDescription"/>.
    /// </summary>
    public void SaveCheckpoint(string path, string description = "") => KernelCheckpoint.Save(_kernel, path, Version, description);

    /// <summary>
    /// The description a checkpoint was saved with, read without restoring it. A file that is not a NestSharp
    /// checkpoint of this format raises <see cref="BadCheckpointException"/>.
    /// </summary>
    public static string ReadCheckpointDescription(string path) => KernelCheckpoint.ReadDescription(path);

    /// <summary>
    /// Replaces this simulator's kernel with the one saved in <paramref name="path"/>, with
    /// <paramref name="localNumThreads"/> threads (default: as many as the saved simulation had). Node collections
    /// made before belong to the replaced kernel (as after ResetKernel); <see cref="Nodes"/> gives collections of the
    /// restored nodes. A file that is not a NestSharp checkpoint of this format, or is truncated or damaged, raises
    /// <see cref="BadCheckpointException"/> and leaves the simulator as it was.
    /// </summary>
    public void LoadCheckpoint(string path, int? localNumThreads = null)
    {
        if (localNumThreads is < 1) throw new BadParameterException("local_num_threads", localNumThreads, "the number of threads must be at least 1");
        var communicator = _communicator ?? (MpiCommunicator.LaunchedByMpirun ? MpiCommunicator.World : LocalCommunicator.Instance);
        long generation = _generation + 1;
        var kernel = KernelCheckpoint.Load(path, communicator, localNumThreads, restored => ids => CollectionOf(restored, generation, ids));
        if (_kernel.Simulation.IsPrepared) _kernel.Simulation.Cleanup();
        _kernel = kernel;
        _generation = generation;
    }

    /// <summary>The NestSharp version written into checkpoints.</summary>
    private static string Version =>
        typeof(Simulator).Assembly.GetName().Version?.ToString() ?? "unknown";

    private NodeCollection CollectionOf(KernelManager kernel, long generation, int[] ids)
    {
        var models = new List<(int, string)>();
        for (int k = 0; k < ids.Length; k++)
        {
            string model = kernel.Nodes.Locate(ids[k]).Group.Model.Name;
            if (models.Count == 0 || models[^1].Item2 != model) models.Add((k, model));
        }
        return new NodeCollection(this, generation, ids, [.. models]);
    }
}
