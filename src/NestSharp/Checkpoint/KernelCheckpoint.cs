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

    /// <summary>
    /// Saves <paramref name="kernel"/> to <paramref name="path"/>. With several MPI processes every process takes part:
    /// each writes what only it holds (its neurons' state outside the shared columns, the connections of its targets,
    /// its part of the input ring and of the spike archive) to <see cref="PartPath"/>, rank 0 writes everything else and
    /// its own part to <paramref name="path"/>, which is renamed into place last, once every part is.
    /// </summary>
    public static void Save(KernelManager kernel, string path, string version, string description)
    {
        CheckSupported(kernel);
        // The spikes of the last slice, which a next run would deliver first, are delivered now: the file has them in
        // the input ring, in the plastic synapses and in the weight recorders, and the continued run is the same.
        kernel.Simulation.DeliverHeldSpikesAndRecordWeights();
        var communicator = kernel.VirtualProcesses.Communicator;
        int parts = communicator.Size, rank = communicator.Rank;
        // A number every part carries, so that parts of different saves are never combined.
        long token = parts == 1 ? 0 : communicator.Max(rank == 0 ? System.Random.Shared.NextInt64(1, long.MaxValue) : 0);
        string target = rank == 0 ? path : PartPath(path, rank, parts, token);
        string temporary = $"{target}.{Environment.ProcessId}.tmp";
        try
        {
            OnEveryProcess(communicator, "writing its part of the checkpoint", () =>
            {
                using var writer = new CheckpointWriter(new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), version);
                if (rank == 0) WriteMain(writer, kernel, description, parts, token);
                else WritePart(writer, kernel, parts, rank, token);
            });
            // The parts (named by the token, so the previous save's stay) are in place before the file that names them.
            OnEveryProcess(communicator, "renaming its part of the checkpoint", () =>
            {
                if (rank > 0) File.Move(temporary, target, overwrite: true);
            });
            OnEveryProcess(communicator, "renaming the checkpoint", () =>
            {
                if (rank == 0) File.Move(temporary, target, overwrite: true);
            });
        }
        catch
        {
            // Only a file that was created: deleting in a folder that does not exist would hide the first error.
            if (File.Exists(temporary)) File.Delete(temporary);
            throw;
        }
        if (rank > 0) DeleteEarlierParts(path, rank, target);
    }

    /// <summary>
    /// The file rank <paramref name="rank"/> of <paramref name="parts"/> processes writes its part of the checkpoint
    /// <paramref name="path"/> to, in the save marked <paramref name="token"/>.
    /// </summary>
    public static string PartPath(string path, int rank, int parts, long token) => $"{path}.part{rank}of{parts}.{token:x16}";

    /// <summary>Removes this rank's parts of earlier saves to <paramref name="path"/> (the checkpoint now names <paramref name="current"/>).</summary>
    private static void DeleteEarlierParts(string path, int rank, string current)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (string file in Directory.EnumerateFiles(folder, $"{Path.GetFileName(path)}.part{rank}of*"))
        {
            if (!file.EndsWith(".tmp", StringComparison.Ordinal) && Path.GetFullPath(file) != Path.GetFullPath(current)) File.Delete(file);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> on every process (<see cref="Collectives.OnEveryProcess"/>): another process's
    /// failure becomes an IOException here.
    /// </summary>
    private static void OnEveryProcess(ICommunicator communicator, string what, Action action) =>
        communicator.OnEveryProcess(action, () => new IOException($"Another MPI process failed {what}; the checkpoint was not written."));

    /// <summary>The checkpoint file itself: everything of a single process, or rank 0's of several.</summary>
    private static void WriteMain(CheckpointWriter writer, KernelManager kernel, string description, int parts, long token)
    {
        writer.Section("description", () => writer.Write(description));
        writer.Section("kernel", () =>
        {
            StatusCodec.Write(writer, Settings(kernel));
            writer.Write(kernel.VirtualProcesses.Threads);
            kernel.Simulation.SaveClock(writer);
            kernel.Random.SaveCheckpoint(writer);
            writer.Write(kernel.EventDelivery.LocalSpikeCounter);
            writer.Write(parts);
            writer.Write(token);
            writer.Write(kernel.EventDelivery.OffGridSpiking);
        });

        writer.Section("models", () => kernel.Models.SaveCopies(writer));
        writer.Section("nodes", () => kernel.Nodes.SaveCheckpoint(writer, neuronsOnly: false));
        writer.Section("model defaults", () => kernel.Models.SaveDefaults(writer));
        WriteLocal(writer, kernel);
        writer.Section("structural plasticity", () => kernel.Structural.SaveCheckpoint(writer));
        writer.Section("layers", () => kernel.Layers.SaveCheckpoint(writer));
        writer.Finish();
    }

    /// <summary>The part of rank <paramref name="rank"/> &gt; 0: what only this process holds.</summary>
    private static void WritePart(CheckpointWriter writer, KernelManager kernel, int parts, int rank, long token)
    {
        writer.Section("part", () =>
        {
            writer.Write(parts);
            writer.Write(rank);
            writer.Write(token);
            writer.Write(kernel.EventDelivery.LocalSpikeCounter);
        });
        writer.Section("nodes", () => kernel.Nodes.SaveCheckpoint(writer, neuronsOnly: true));
        writer.Section("per-process state", () => kernel.Nodes.SavePerProcess(writer));
        WriteLocal(writer, kernel);
        writer.Finish();
    }

    /// <summary>The sections every process writes: connections (of its targets), input ring and spike archive (of its neurons).</summary>
    private static void WriteLocal(CheckpointWriter writer, KernelManager kernel)
    {
        writer.Section("connections", () => kernel.Connections.SaveCheckpoint(writer));
        writer.Section("input ring", () => kernel.Simulation.SaveRing(writer));
        writer.Section("spike archive", () => kernel.Archive.SaveCheckpoint(writer));
    }

    /// <summary>
    /// A new kernel restored from <paramref name="path"/>, with <paramref name="threads"/> threads per process (null:
    /// as many as the saved kernel had). <paramref name="nodeCollections"/> makes the node collections status values
    /// hold, for the new kernel. A checkpoint of several processes is read with all its parts, by any number of
    /// processes: each takes every neuron's state from the part of the process that updated it.
    /// </summary>
    public static KernelManager Load(string path, ICommunicator communicator, int? threads,
        Func<KernelManager, Func<int[], NodeCollection>> nodeCollections)
    {
        using var reader = Open(path);
        var parts = new List<CheckpointReader> { reader };
        try
        {
            return Read(path, parts, communicator, threads, nodeCollections);
        }
        catch (NestException e) when (e is not BadCheckpointException)
        {
            throw reader.Bad($"restoring it failed: {e.Message.TrimEnd('.')} ({e.NestName})");
        }
        finally
        {
            for (int p = 1; p < parts.Count; p++) parts[p].Dispose();
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

    private static KernelManager Read(string path, List<CheckpointReader> parts, ICommunicator communicator, int? threads,
        Func<KernelManager, Func<int[], NodeCollection>> nodeCollections)
    {
        var reader = parts[0];
        reader.Section("description", () => reader.ReadString());
        var kernel = new KernelManager(communicator);
        var spikeCounters = new List<long>();
        int partCount = 1;
        long token = 0;
        reader.Section("kernel", () =>
        {
            var settings = StatusCodec.Read(reader, _ => throw reader.Bad("a kernel setting holds nodes"));
            int savedThreads = reader.ReadInt();
            kernel.SetStatus(new Dictionary<string, object> { ["local_num_threads"] = (long)(threads ?? savedThreads) });
            RestoreEpropLearningWindow(kernel, settings);
            kernel.SetStatus(settings);
            kernel.Simulation.RestoreClock(reader);
            kernel.Random.RestoreCheckpoint(reader);
            spikeCounters.Add(reader.ReadLong());
            partCount = reader.ReadInt();
            token = reader.ReadLong();
            if (partCount < 1) throw reader.Bad($"it names {partCount} parts");
            kernel.EventDelivery.OffGridSpiking = reader.ReadBool();
        });
        for (int p = 1; p < partCount; p++)
        {
            var part = Open(PartPath(path, p, partCount, token));
            parts.Add(part);
            int rank = p;
            part.Section("part", () =>
            {
                int count = part.ReadInt(), partRank = part.ReadInt();
                long partToken = part.ReadLong();
                if (count != partCount || partRank != rank || partToken != token)
                    throw part.Bad($"it is not part {rank} of the {partCount} of the checkpoint {path} (it belongs to another save)");
                spikeCounters.Add(part.ReadLong());
            });
        }
        // The spike counter is each process's own: kept per process when their number is the same, else rank 0 counts all.
        kernel.EventDelivery.LocalSpikeCounter = partCount == communicator.Size ? spikeCounters[communicator.Rank]
            : communicator.Rank == 0 ? spikeCounters.Sum() : 0;

        var context = new RestoreContext(kernel, new Nodes.StatusContext(kernel.Simulation.Time, kernel.Simulation.CurrentStep), nodeCollections(kernel));
        reader.Section("models", () => kernel.Models.RestoreCopies(reader));
        reader.Section("nodes", () => kernel.Nodes.RestoreCheckpoint(reader, context));
        for (int p = 1; p < partCount; p++)
        {
            var part = parts[p];
            part.Section("nodes", () => kernel.Nodes.RestoreNeurons(part, context with { Owned = OwnedBy(p, partCount) }));
            part.Section("per-process state", () => kernel.Nodes.RestorePerProcess(part));
        }
        reader.Section("model defaults", () => kernel.Models.RestoreDefaults(reader, context));

        foreach (var part in parts) part.BeginSection("connections");
        kernel.Connections.RestoreCheckpoint(parts);
        foreach (var part in parts) part.EndSection();
        for (int p = 0; p < partCount; p++)
        {
            var (part, owned) = (parts[p], OwnedBy(p, partCount));
            part.Section("input ring", () => kernel.Simulation.RestoreRing(part, owned));
        }
        for (int p = 0; p < partCount; p++)
        {
            var (part, owned) = (parts[p], OwnedBy(p, partCount));
            part.Section("spike archive", () => kernel.Archive.RestoreCheckpoint(part, owned));
        }
        reader.Section("structural plasticity", () => kernel.Structural.RestoreCheckpoint(reader));
        reader.Section("layers", () => kernel.Layers.RestoreCheckpoint(reader));
        foreach (var part in parts) part.Finish();
        if (communicator.Size > 1)
        {
            var gaps = ProcessGaps(kernel);
            if (gaps.Count > 0)
                throw new NestNotImplementedException($"Restoring {string.Join(", ", gaps)} is not implemented.");
        }
        return kernel;
    }

    /// <summary>
    /// The neurons whose state part <paramref name="part"/> of <paramref name="parts"/> holds: those its process
    /// updated (node n runs on rank n mod the number of processes, whatever the threads); null for a single part.
    /// </summary>
    private static Func<int, bool>? OwnedBy(int part, int parts) => parts == 1 ? null : id => id % parts == part;

    /// <summary>
    /// A learning window longer than the update interval (NEST checks the window against the interval only when the
    /// window is set, so shortening the interval afterwards leaves it so) cannot be set in one call: the window is set
    /// first, with an interval that allows it, and taken out of <paramref name="settings"/>, whose interval follows.
    /// </summary>
    private static void RestoreEpropLearningWindow(KernelManager kernel, Dictionary<string, object> settings)
    {
        if (!settings.TryGetValue("eprop_learning_window", out var w) || !settings.TryGetValue("eprop_update_interval", out var i)) return;
        double window = StatusValue.ToDouble("eprop_learning_window", w), interval = StatusValue.ToDouble("eprop_update_interval", i);
        if (window <= interval) return;
        kernel.SetStatus(new Dictionary<string, object> { ["eprop_update_interval"] = window, ["eprop_learning_window"] = window });
        settings.Remove("eprop_learning_window");
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
        var gaps = kernel.VirtualProcesses.Communicator.Size > 1 ? ProcessGaps(kernel) : new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in kernel.Nodes.Groups)
            if (!group.SupportsCheckpoint) gaps.Add($"{group.Model.Name} nodes");
        foreach (var model in kernel.Models.ChangedNodeModels)
            if (!model.Prototype.SupportsCheckpoint) gaps.Add($"the defaults of {model.Name}");
        foreach (var model in kernel.Models.SynapseModels)
            if (kernel.Connections.NumConnections(model.Id) > 0 && !model.Type.SupportsCheckpoint) gaps.Add($"{model.Name} connections");
        if (gaps.Count > 0)
            throw new NestNotImplementedException($"Checkpoints of {string.Join(", ", gaps)} are not implemented yet; nothing was written.");
    }

    /// <summary>What checkpoints keep in one process but not across several (named, with the reason, for the refusal).</summary>
    private static SortedSet<string> ProcessGaps(KernelManager kernel)
    {
        var gaps = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in kernel.Nodes.Groups)
        {
            if (group.NotKeptAcrossProcesses is { } reason) gaps.Add($"{group.Model.Name} nodes with several MPI processes ({reason})");
        }
        return gaps;
    }
}
