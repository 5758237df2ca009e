using NestSharp.Nodes;
using NestSharp.Random;

namespace NestSharp.Connections;

/// <summary>
/// GetConnections and the weight edits of a <see cref="SynapseCollection"/>: the connections of this process (synapse
/// blocks, generator connections, recording links), filtered by source, target and model, ordered source by source,
/// then by target, then as stored (the same order for any number of threads), and gathered from all processes.
/// </summary>
internal static class ConnectionQuery
{
    /// <summary>A connection of a generator or recorder.</summary>
    private readonly record struct DeviceConnection(int Source, int Target, double Weight, int DelaySteps, int Model, int Receptor);

    public static SynapseCollection Run(Simulator api, Kernel.KernelManager kernel, int[]? sources, int[]? targets, string? synapseModel)
    {
        var connections = kernel.Connections;
        var nodes = kernel.Nodes;
        var store = connections.Store;
        int? modelId = synapseModel is null ? null : kernel.Models.SynapseModel(synapseModel).Id;
        var sourceSet = Membership(sources, nodes.NodeCount);
        var targetSet = Membership(targets, nodes.NodeCount);
        bool SourceWanted(int id) => sourceSet is null || (id < sourceSet.Length && sourceSet[id]);
        bool TargetWanted(int id) => targetSet is null || (id < targetSet.Length && targetSet[id]);

        connections.Consolidate();
        var blocks = new List<SynapseBlock>();
        foreach (int vp in kernel.VirtualProcesses.Layout.Local)
        {
            foreach (var list in store.Of(vp))
            {
                foreach (var block in list)
                    if (modelId is null || block.SynapseModelId == modelId) blocks.Add(block);
            }
        }

        // Connections kept outside synapse blocks (generators, recorders): few, collected directly.
        var devices = new List<DeviceConnection>();
        foreach (var group in nodes.Groups)
        {
            if (group is not ILocalGenerator generator) continue;
            for (int local = 0; local < group.Count; local++)
            {
                foreach (var t in generator.TargetsOf(local).All())
                    devices.Add(new(group.FirstId + local, t.TargetId, t.Weight, t.DelaySteps, t.SynapseModelId, t.Receptor));
            }
        }
        // Recording links exist in every process; with several, rank 0 reports them.
        var communicator = kernel.VirtualProcesses.Communicator;
        if (communicator.Rank == 0)
        {
            foreach (var link in connections.SpikeRecordingLinks)
                devices.Add(new(link.Source, link.Recorder, link.Weight, link.DelaySteps, link.SynapseModelId, 0));
            var samplingLinks = connections.SamplingLinks;
            var samplingReceptors = connections.RecordingLinks.SamplingReceptors;
            for (int i = 0; i < samplingLinks.Count; i++)
            {
                var link = samplingLinks[i];
                devices.Add(new(link.Sampler, link.Target, link.Weight, link.DelaySteps, link.SynapseModelId, samplingReceptors[i]));
            }
        }
        devices.RemoveAll(d => !SourceWanted(d.Source) || !TargetWanted(d.Target) || (modelId is not null && d.Model != modelId));
        devices.Sort(static (a, b) => a.Source.CompareTo(b.Source));

        // Count first, so the table is allocated once at its size.
        long count = devices.Count;
        foreach (var block in blocks)
        {
            for (int si = 0; si < block.SourceCount; si++)
            {
                if (!SourceWanted(block.SourceMin + si)) continue;
                if (targetSet is null)
                {
                    count += block.Offsets[si + 1] - block.Offsets[si];
                }
                else
                {
                    for (int i = block.Offsets[si]; i < block.Offsets[si + 1]; i++)
                        if (TargetWanted(store.TargetOf(block, i))) count++;
                }
            }
        }

        if (count > Array.MaxLength) throw new KernelException($"{count} connections exceed what one SynapseCollection can hold; filter by source, target or model.");

        // Source by source, the connections of every block and device ordered by target (then as stored), so the
        // order does not depend on how the targets are split over threads.
        var table = new ConnectionTable((int)count);
        table.Blocks.AddRange(blocks);
        int minSource = int.MaxValue, maxSource = int.MinValue;
        foreach (var block in blocks)
        {
            minSource = Math.Min(minSource, block.SourceMin);
            maxSource = Math.Max(maxSource, block.SourceMin + block.SourceCount - 1);
        }
        if (devices.Count > 0)
        {
            minSource = Math.Min(minSource, devices[0].Source);
            maxSource = Math.Max(maxSource, devices[^1].Source);
        }
        var pending = new List<(int Target, int Block, int Index, int Device)>();
        int nextDevice = 0;
        for (int src = minSource; src <= maxSource && count > 0; src++)
        {
            pending.Clear();
            if (SourceWanted(src))
            {
                for (int b = 0; b < blocks.Count; b++)
                {
                    var (first, last) = blocks[b].RangeOf(src);
                    for (int i = first; i < last; i++)
                    {
                        int tgt = store.TargetOf(blocks[b], i);
                        if (TargetWanted(tgt)) pending.Add((tgt, b, i, -1));
                    }
                }
            }

            while (nextDevice < devices.Count && devices[nextDevice].Source == src)
            {
                pending.Add((devices[nextDevice].Target, -1, -1, nextDevice));
                nextDevice++;
            }
            if (pending.Count == 0) continue;
            if (pending.Count > 1)
            {
                pending.Sort(static (a, b) =>
                    a.Target != b.Target ? a.Target.CompareTo(b.Target) :
                    a.Block != b.Block ? a.Block.CompareTo(b.Block) :
                    a.Index != b.Index ? a.Index.CompareTo(b.Index) : a.Device.CompareTo(b.Device));
            }

            foreach (var (tgt, b, i, d) in pending)
            {
                if (d >= 0)
                {
                    var device = devices[d];
                    table.Add(src, tgt, device.Weight, device.DelaySteps, device.Model, device.Receptor, -1, -1);
                }
                else
                {
                    var block = blocks[b];
                    table.Add(src, tgt, block.Weights[i], block.Delays[i], block.SynapseModelId, block.ReceptorAt(i), b, i);
                }
            }
        }
        if (communicator.Size > 1) table = table.Gathered(communicator);
        var models = kernel.Models.SynapseModels;
        var time = kernel.Simulation.Time;
        return new SynapseCollection(api, connections.Version, table, id => models[id].Name, steps => time.StepToMs(steps));
    }

    private static bool[]? Membership(int[]? ids, int nodeCount)
    {
        if (ids is null) return null;
        var set = new bool[nodeCount + 1];
        foreach (int id in ids) set[id] = true;
        return set;
    }

    /// <summary>Sets the weight of every connection of <paramref name="table"/>: one value, one per connection, or random.</summary>
    public static void SetWeights(Kernel.KernelManager kernel, ConnectionTable table, long version, object value)
    {
        if (version != kernel.Connections.Version)
            throw new KernelException("The connections changed since this SynapseCollection was made; call GetConnections again.");
        var weights = new double[table.Count];
        switch (value)
        {
            case Parameter p:
                ulong key = kernel.Random.NextOperationKey(0x5E7_3E16);
                for (int i = 0; i < weights.Length; i++)
                {
                    var stream = new RandomStream(RandomStream.Derive(key, (ulong)i));
                    weights[i] = p.Draw(ref stream);
                }
                break;
            case System.Collections.IEnumerable and not string:
                var array = StatusValue.ToDoubleArray("weight", value);
                if (array.Length != weights.Length)
                    throw new BadPropertyException("weight", value, $"an array needs one weight per connection ({weights.Length}), got {array.Length}");
                weights = array;
                break;
            default:
                Array.Fill(weights, StatusValue.ToDouble("weight", value));
                break;
        }
        for (int i = 0; i < table.Count; i++)
        {
            if (table.Block[i] == -1)
            {
                throw new BadPropertyException("weight", value,
                    $"the connection {table.Source[i]} -> {table.Target[i]} belongs to a device; only connections between spiking nodes can be changed");
            }
        }

        for (int i = 0; i < table.Count; i++)
        {
            if (table.Block[i] == ConnectionTable.Remote) continue; // stored, and set, by another process
            var block = table.Blocks[table.Block[i]];
            int index = table.Index[i];
            var (group, position) = kernel.Nodes.LocateChannel(block.Channels[index]);
            block.Channels[index] = group.RingChannel(group.SpikeChannelAt(position, table.Receptor[i], weights[i]));
            block.Weights[index] = weights[i];
            table.Weight[i] = weights[i];
        }
    }
}
