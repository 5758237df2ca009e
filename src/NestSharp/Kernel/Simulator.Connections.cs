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
        bool Wanted(int src, int tgt, int model) =>
            (sourceSet is null || (src < sourceSet.Length && sourceSet[src])) &&
            (targetSet is null || (tgt < targetSet.Length && targetSet[tgt])) &&
            (modelId is null || modelId == model);

        s.Connections.Consolidate();
        double h = s.Time.Resolution;
        var blocks = new List<(SynapseBlock Block, int Thread)>();
        long capacity = s.Connections.RecorderLinks.Count + s.Connections.MultimeterLinks.Count;
        for (int thread = 0; thread < s.Threads; thread++)
            foreach (var list in s.Connections.BlocksOf(thread))
                foreach (var block in list)
                {
                    if (modelId is not null && block.SynapseModelId != modelId) continue;
                    blocks.Add((block, thread));
                    capacity += block.Count;
                }
        var generators = s.Nodes.Groups.OfType<ILocalGenerator>().ToArray();
        foreach (var generator in generators)
            for (int local = 0; local < ((NodeGroup)generator).Count; local++) capacity += generator.TargetsOf(local).Count;
        if (capacity > Array.MaxLength) throw new KernelException($"{capacity} connections exceed what one SynapseCollection can hold; filter by source, target or model.");

        var table = new ConnectionTable((int)capacity);
        foreach (var (block, _) in blocks)
        {
            int blockRef = table.Blocks.Count;
            table.Blocks.Add(block);
            var time = s.Time;
            for (int si = 0; si < block.SourceCount; si++)
            {
                int src = block.SourceMin + si;
                if (sourceSet is not null && (src >= sourceSet.Length || !sourceSet[src])) continue;
                for (int i = block.Offsets[si]; i < block.Offsets[si + 1]; i++)
                {
                    var (group, local) = s.Nodes.LocateChannel(block.Channels[i]);
                    int tgt = group.FirstId + local;
                    if (targetSet is not null && (tgt >= targetSet.Length || !targetSet[tgt])) continue;
                    table.Add(src, tgt, block.Weights[i], time.StepToMs(block.Delays[i]), block.SynapseModelId, block.ReceptorAt(i), blockRef, i);
                }
            }
        }
        foreach (var generator in generators)
        {
            var group = (NodeGroup)generator;
            for (int local = 0; local < group.Count; local++)
                foreach (var t in generator.TargetsOf(local).All())
                    if (Wanted(group.FirstId + local, t.TargetId, t.SynapseModelId))
                        table.Add(group.FirstId + local, t.TargetId, t.Weight, s.Time.StepToMs(t.DelaySteps), t.SynapseModelId, t.Receptor, -1, -1);
        }
        foreach (var link in s.Connections.RecorderLinks)
            if (Wanted(link.Source, link.Recorder, link.SynapseModelId))
                table.Add(link.Source, link.Recorder, link.Weight, s.Time.StepToMs(link.DelaySteps), link.SynapseModelId, 0, -1, -1);
        foreach (var link in s.Connections.MultimeterLinks)
            if (Wanted(link.Meter, link.Target, link.SynapseModelId))
                table.Add(link.Meter, link.Target, link.Weight, s.Time.StepToMs(link.DelaySteps), link.SynapseModelId, 0, -1, -1);
        table.Seal();
        var models = s.Connections.Models;
        return new SynapseCollection(this, s.Connections.Version, table, id => models[id].Name);
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
            if (table.Block[i] < 0)
                throw new BadParameterException("weight", value,
                    $"the connection {table.Source[i]} -> {table.Target[i]} belongs to a device; only connections between spiking nodes can be changed");
        for (int i = 0; i < table.Count; i++)
        {
            var block = table.Blocks[table.Block[i]];
            int index = table.Index[i];
            var (group, local) = s.Nodes.LocateChannel(block.Channels[index]);
            int channel = group.SpikeChannel(local, table.Receptor[i], weights[i]);
            block.Channels[index] = channel < 0 ? ((channel & int.MaxValue) + group.ChannelBase) | NeuronGroup.CountingChannelFlag : channel + group.ChannelBase;
            block.Weights[index] = weights[i];
            table.Weight[i] = weights[i];
        }
    }
}
