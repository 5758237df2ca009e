using NestSharp.Kernel.Communication;

namespace NestSharp.Checkpoint;

/// <summary>
/// Saves a kernel between Simulate calls and restores it into a new kernel, section by section along the managers:
/// the kernel settings and clock, the model copies, the nodes with their state, the models' defaults, the connections,
/// the input ring, the spike archive, the structural plasticity. Everything is stored by node id, so a kernel with another number of threads
/// restores it and continues as the saved one would have. A save is refused, before anything is written, when the
/// network holds something checkpoints do not keep yet; a restore builds a new kernel and returns it only when the
/// whole file was read and checked.
/// </summary>
internal static class KernelCheckpoint
{
    /// <summary>
    /// Kernel keys a checkpoint does not set again: the clock (restored with the state), the layout (chosen when
    /// restoring), what the connections fix, and the structural-plasticity settings (restored with its state, after the
    /// models they name).
    /// </summary>
    private static readonly HashSet<string> NotRestoredKeys = new(
        ["biological_time", "local_num_threads", "total_num_virtual_procs", "min_delay", "max_delay", "rng_type", "structural_plasticity_synapses",
            "structural_plasticity_update_interval"],
        StringComparer.Ordinal);

    public static void Save(KernelManager kernel, string path, string version, string description)
    {
        CheckSupported(kernel);
        string temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var writer = new CheckpointWriter(new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), version))
            {
                writer.Section("description", () => writer.Write(description));
                writer.Section("kernel", () =>
                {
                    StatusCodec.Write(writer, Settings(kernel));
                    writer.Write(kernel.VirtualProcesses.Threads);
                    kernel.Simulation.SaveClock(writer);
                    kernel.Random.SaveCheckpoint(writer);
                    writer.Write(kernel.EventDelivery.LocalSpikeCounter);
                });

                writer.Section("models", () => kernel.Models.SaveCopies(writer));
                writer.Section("nodes", () => kernel.Nodes.SaveCheckpoint(writer));
                writer.Section("model defaults", () => kernel.Models.SaveDefaults(writer));
                writer.Section("connections", () => kernel.Connections.SaveCheckpoint(writer));
                writer.Section("input ring", () => kernel.Simulation.SaveRing(writer));
                writer.Section("spike archive", () => kernel.Archive.SaveCheckpoint(writer));
                writer.Section("structural plasticity", () => kernel.Structural.SaveCheckpoint(writer));
                writer.Finish();
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// A new kernel restored from <paramref name="path"/>, with <paramref name="threads"/> threads per process (null:
    /// as many as the saved kernel had). <paramref name="nodeCollections"/> makes the node collections status values
    /// hold, for the new kernel.
    /// </summary>
    public static KernelManager Load(string path, ICommunicator communicator, int? threads,
        Func<KernelManager, Func<int[], NodeCollection>> nodeCollections)
    {
        using var reader = Open(path);
        try
        {
            return Read(reader, communicator, threads, nodeCollections);
        }
        catch (NestException e) when (e is not BadCheckpointException)
        {
            throw reader.Bad($"restoring it failed: {e.Message.TrimEnd('.')} ({e.NestName})");
        }
    }

    /// <summary>The description the checkpoint at <paramref name="path"/> was saved with (its first section).</summary>
    public static string ReadDescription(string path)
    {
        using var reader = Open(path);
        string description = "";
        reader.Section("description", () => description = reader.ReadString());
        return description;
    }

    private static CheckpointReader Open(string path)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadCheckpointException(path, e.Message.TrimEnd('.'));
        }
        try
        {
            return new CheckpointReader(stream, path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static KernelManager Read(CheckpointReader reader, ICommunicator communicator, int? threads,
        Func<KernelManager, Func<int[], NodeCollection>> nodeCollections)
    {
        reader.Section("description", () => reader.ReadString());
        var kernel = new KernelManager(communicator);
        reader.Section("kernel", () =>
        {
            var settings = StatusCodec.Read(reader, _ => throw reader.Bad("a kernel setting holds nodes"));
            int savedThreads = reader.ReadInt();
            kernel.SetStatus(new Dictionary<string, object> { ["local_num_threads"] = (long)(threads ?? savedThreads) });
            kernel.SetStatus(settings);
            kernel.Simulation.RestoreClock(reader);
            kernel.Random.RestoreCheckpoint(reader);
            kernel.EventDelivery.LocalSpikeCounter = reader.ReadLong();
        });

        var context = new RestoreContext(kernel, new Nodes.StatusContext(kernel.Simulation.Time, kernel.Simulation.CurrentStep), nodeCollections(kernel));
        reader.Section("models", () => kernel.Models.RestoreCopies(reader));
        reader.Section("nodes", () => kernel.Nodes.RestoreCheckpoint(reader, context));
        reader.Section("model defaults", () => kernel.Models.RestoreDefaults(reader, context));

        reader.Section("connections", () => kernel.Connections.RestoreCheckpoint(reader));
        reader.Section("input ring", () => kernel.Simulation.RestoreRing(reader));
        reader.Section("spike archive", () => kernel.Archive.RestoreCheckpoint(reader));
        reader.Section("structural plasticity", () => kernel.Structural.RestoreCheckpoint(reader));
        reader.Finish();
        return kernel;
    }

    /// <summary>The settable kernel keys a checkpoint sets again, with their values.</summary>
    private static Dictionary<string, object> Settings(KernelManager kernel)
    {
        var status = kernel.GetStatus();
        var settings = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var manager in kernel.Managers)
        {
            foreach (var key in manager.SettableKeys)
                if (!NotRestoredKeys.Contains(key) && status.TryGetValue(key, out var value)) settings[key] = value;
        }
        return settings;
    }

    /// <summary>Refuses, naming every reason, a kernel whose state a checkpoint would not keep whole.</summary>
    private static void CheckSupported(KernelManager kernel)
    {
        if (kernel.Simulation.IsPrepared)
            throw new KernelException("A checkpoint is saved between Simulate calls, not between Prepare and Cleanup: call Cleanup first.");
        var gaps = new SortedSet<string>(StringComparer.Ordinal);
        if (kernel.VirtualProcesses.Communicator.Size > 1) gaps.Add("simulations with several MPI processes");
        if (kernel.Layers.Any) gaps.Add("node positions (spatial networks)");
        foreach (var group in kernel.Nodes.Groups)
            if (!group.SupportsCheckpoint) gaps.Add($"{group.Model.Name} nodes");
        foreach (var model in kernel.Models.ChangedNodeModels)
            if (!model.Prototype.SupportsCheckpoint) gaps.Add($"the defaults of {model.Name}");
        foreach (var model in kernel.Models.SynapseModels)
            if (kernel.Connections.NumConnections(model.Id) > 0 && !model.Type.SupportsCheckpoint) gaps.Add($"{model.Name} connections");
        if (gaps.Count > 0)
            throw new NestNotImplementedException($"Checkpoints of {string.Join(", ", gaps)} are not implemented yet; nothing was written.");
    }
}
