using NestSharp.Connections;
using NestSharp.Models.Devices;
using NestSharp.Nodes;
using NestSharp.Random;

namespace NestSharp;

public sealed partial class Simulator
{
    /// <summary>
    /// The connections from <paramref name="source"/> to <paramref name="target"/> of <paramref name="synapseModel"/>
    /// (each filter optional), as NEST's GetConnections.
    /// </summary>
    public SynapseCollection GetConnections(NodeCollection? source = null, NodeCollection? target = null, string? synapseModel = null)
    {
        var s = _state;
        if (source is not null) CheckCollection(source);
        if (target is not null) CheckCollection(target);
        int? modelId = synapseModel is null ? null : s.Connections.Model(synapseModel).Id;
        var sourceSet = Membership(source);
        var targetSet = Membership(target);
        bool SourceWanted(int id) => sourceSet is null || (id < sourceSet.Length && sourceSet[id]);
        bool TargetWanted(int id) => targetSet is null || (id < targetSet.Length && targetSet[id]);

        s.Connections.Consolidate();
        var blocks = new List<SynapseBlock>();
        foreach (int vp in s.Layout.Local)
            foreach (var list in s.Connections.BlocksOf(vp))
                foreach (var block in list)
                    if (modelId is null || block.SynapseModelId == modelId) blocks.Add(block);

        // Connections kept outside synapse blocks (generators, recorders): few, collected directly.
        var devices = new List<DeviceConnection>();
        foreach (var group in s.Nodes.Groups)
        {
            if (group is not ILocalGenerator generator) continue;
            for (int local = 0; local < group.Count; local++)
                foreach (var t in generator.TargetsOf(local).All())
                    devices.Add(new(group.FirstId + local, t.TargetId, t.Weight, t.DelaySteps, t.SynapseModelId, t.Receptor));
        }
        // Recorder connections exist in every process; with several, rank 0 reports them.
        if (s.Communicator.Rank == 0)
        {
            foreach (var link in s.Connections.RecorderLinks)
                devices.Add(new(link.Source, link.Recorder, link.Weight, link.DelaySteps, link.SynapseModelId, 0));
            foreach (var link in s.Connections.MultimeterLinks)
                devices.Add(new(link.Meter, link.Target, link.Weight, link.DelaySteps, link.SynapseModelId, 0));
        }
        devices.RemoveAll(d => !SourceWanted(d.Source) || !TargetWanted(d.Target) || (modelId is not null && d.Model != modelId));
        devices.Sort(static (a, b) => a.Source.CompareTo(b.Source));

        // Count first, so the table is allocated once at its size.
        long count = devices.Count;
        foreach (var block in blocks)
            for (int si = 0; si < block.SourceCount; si++)
            {
                if (!SourceWanted(block.SourceMin + si)) continue;
                if (targetSet is null) count += block.Offsets[si + 1] - block.Offsets[si];
                else
                    for (int i = block.Offsets[si]; i < block.Offsets[si + 1]; i++)
                        if (TargetWanted(TargetOf(block, i))) count++;
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
                for (int b = 0; b < blocks.Count; b++)
                {
                    var (first, last) = blocks[b].RangeOf(src);
                    for (int i = first; i < last; i++)
                    {
                        int tgt = TargetOf(blocks[b], i);
                        if (TargetWanted(tgt)) pending.Add((tgt, b, i, -1));
                    }
                }
            while (nextDevice < devices.Count && devices[nextDevice].Source == src)
            {
                pending.Add((devices[nextDevice].Target, -1, -1, nextDevice));
                nextDevice++;
            }
            if (pending.Count == 0) continue;
            if (pending.Count > 1) pending.Sort(static (a, b) =>
                a.Target != b.Target ? a.Target.CompareTo(b.Target) :
                a.Block != b.Block ? a.Block.CompareTo(b.Block) :
                a.Index != b.Index ? a.Index.CompareTo(b.Index) : a.Device.CompareTo(b.Device));
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
        if (s.Communicator.Size > 1) table = table.Gathered(s.Communicator);
        var models = s.Connections.Models;
        var time = s.Time;
        return new SynapseCollection(this, s.Connections.Version, table, id => models[id].Name, steps => time.StepToMs(steps));
    }

    /// <summary>A connection of a generator or recorder.</summary>
    private readonly record struct DeviceConnection(int Source, int Target, double Weight, int DelaySteps, int Model, int Receptor);

    private int TargetOf(SynapseBlock block, int index)
    {
        var (group, local) = _state.Nodes.LocateChannel(block.Channels[index]);
        return group.FirstId + local;
    }

    private bool[]? Membership(NodeCollection? nodes)
    {
        if (nodes is null) return null;
        var set = new bool[_state.Nodes.NodeCount + 1];
        foreach (int id in nodes.IdArray) set[id] = true;
        return set;
    }

    internal void SetConnectionWeights(ConnectionTable table, long version, object value)
    {
        var s = _state;
        EnsureNotPrepared("Setting connection weights");
        if (version != s.Connections.Version)
            throw new KernelException("The connections changed since this SynapseCollection was made; call GetConnections again.");
        var weights = new double[table.Count];
        switch (value)
        {
            case Parameter p:
                ulong key = RandomStream.Derive(s.Context.SeedKey, 0x5E7_3E16, (ulong)s.RandomOperations++);
                for (int i = 0; i < weights.Length; i++)
                {
                    var stream = new RandomStream(RandomStream.Derive(key, (ulong)i));
                    weights[i] = p.Draw(ref stream);
                }
                break;
            case System.Collections.IEnumerable and not string:
                var array = StatusValue.ToDoubleArray("weight", value);
                if (array.Length != weights.Length)
                    throw new BadParameterException("weight", value, $"an array needs one weight per connection ({weights.Length}), got {array.Length}");
                weights = array;
                break;
            default:
                Array.Fill(weights, StatusValue.ToDouble("weight", value));
                break;
        }
        for (int i = 0; i < table.Count; i++)
            if (table.Block[i] == -1)
                throw new BadParameterException("weight", value,
                    $"the connection {table.Source[i]} -> {table.Target[i]} belongs to a device; only connections between spiking nodes can be changed");
        for (int i = 0; i < table.Count; i++)
        {
            if (table.Block[i] == ConnectionTable.Remote) continue; // stored, and set, by another process
            var block = table.Blocks[table.Block[i]];
            int index = table.Index[i];
            var (group, local) = s.Nodes.LocateChannel(block.Channels[index]);
            block.Channels[index] = group.RingChannel(group.SpikeChannel(local, table.Receptor[i], weights[i]));
            block.Weights[index] = weights[i];
            table.Weight[i] = weights[i];
        }
    }
}
