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
        var entries = new List<SynapseCollection.ConnectionEntry>();
        for (int thread = 0; thread < s.Threads; thread++)
        {
            foreach (var list in s.Connections.BlocksOf(thread))
            {
                foreach (var block in list)
                {
                    for (int si = 0; si < block.SourceCount; si++)
                    {
                        int src = block.SourceMin + si;
                        if (sourceSet is not null && (src >= sourceSet.Length || !sourceSet[src])) continue;
                        for (int i = block.Offsets[si]; i < block.Offsets[si + 1]; i++)
                        {
                            var (group, local) = s.Nodes.LocateChannel(block.Channels[i]);
                            int tgt = group.FirstId + local;
                            if (!Wanted(src, tgt, block.SynapseModelId)) continue;
                            entries.Add(new(src, tgt, block.Weights[i], block.Delays[i] * h, block.SynapseModelId, block.ReceptorAt(i), block, i, thread));
                        }
                    }
                }
            }
        }
        foreach (var group in s.Nodes.Groups)
        {
            if (group is not ILocalGenerator generator) continue;
            for (int local = 0; local < group.Count; local++)
                foreach (var t in generator.TargetsOf(local).All())
                    if (Wanted(group.FirstId + local, t.TargetId, t.SynapseModelId))
                        entries.Add(new(group.FirstId + local, t.TargetId, t.Weight, t.DelaySteps * h, t.SynapseModelId, t.Receptor, null, -1, -1));
        }
        foreach (var link in s.Connections.RecorderLinks)
            if (Wanted(link.Source, link.Recorder, link.SynapseModelId))
                entries.Add(new(link.Source, link.Recorder, link.Weight, link.DelaySteps * h, link.SynapseModelId, 0, null, -1, -1));
        foreach (var link in s.Connections.MultimeterLinks)
            if (Wanted(link.Meter, link.Target, link.SynapseModelId))
                entries.Add(new(link.Meter, link.Target, link.Weight, link.DelaySteps * h, link.SynapseModelId, 0, null, -1, -1));
        // Ordered by source, then target, then creation: the same order for any number of threads.
        entries = entries.OrderBy(e => e.Source).ThenBy(e => e.Target).ToList();
        var models = s.Connections.Models;
        return new SynapseCollection(this, s.Connections.Version, entries, id => models[id].Name);
    }

    private bool[]? Membership(NodeCollection? nodes)
    {
        if (nodes is null) return null;
        var set = new bool[_state.Nodes.NodeCount + 1];
        foreach (int id in nodes.IdArray) set[id] = true;
        return set;
    }

    internal void SetConnectionWeights(SynapseCollection connections, long version, object value)
    {
        var s = _state;
        EnsureNotPrepared("Setting connection weights");
        if (version != s.Connections.Version)
            throw new KernelException("The connections changed since this SynapseCollection was made; call GetConnections again.");
        var entries = connections.Entries;
        var weights = new double[entries.Count];
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
        for (int i = 0; i < entries.Count; i++)
            if (entries[i].Block is null)
                throw new BadParameterException("weight", value,
                    $"the connection {entries[i].Source} -> {entries[i].Target} belongs to a device; only connections between spiking nodes can be changed");
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var block = e.Block!;
            var (group, local) = s.Nodes.LocateChannel(block.Channels[e.Index]);
            int channel = group.SpikeChannel(local, e.Receptor, weights[i]);
            block.Channels[e.Index] = channel < 0 ? ((channel & int.MaxValue) + group.ChannelBase) | NeuronGroup.CountingChannelFlag : channel + group.ChannelBase;
            block.Weights[e.Index] = weights[i];
        }
    }
}
