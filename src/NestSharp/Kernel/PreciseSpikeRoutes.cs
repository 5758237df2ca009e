namespace NestSharp.Kernel;

/// <summary>
/// The delivery path of spikes to precise receivers (<see cref="IPreciseSpikeReceiver"/>), beside the grid-based one.
/// The synapse types deliver every spike as before (a precise input is a counting channel of the ring, so they add its
/// multiplicity there); after them, for each virtual process, this pass hands each spike that reaches a precise input
/// through a synapse to its receiver with the spike's offset and its arrival step. It goes only over the synapses that
/// end on precise inputs: per delivery block a table by source of those synapses, built when the virtual process's
/// delivery blocks change (before a run, after a structural-plasticity update). Without precise receivers the kernel
/// makes no instance and grid delivery runs exactly as it did; with them, grid delivery still does the same work and
/// this pass costs one look-up per spike and block plus one call per precise synapse it passes. Each spike goes with
/// the weight its synapse transmitted (times the spike's weight factor), read as the synapse type says
/// (<see cref="SynapseType.WeightForPreciseTargets"/>): static synapses transmit every spike with their stored
/// weight; every other type logs each spike it transmits to a counting input with its weight
/// (<see cref="PreciseWeightLog"/>, with where each block's entries start). The pass reads a route's entries in the
/// same order (spike, then synapse), skipping those of counting inputs that are not precise; a synapse with no entry
/// for a spike did not transmit it (bernoulli_synapse, quantal_stp_synapse), and its receiver gets nothing. Each spike
/// goes with its sender and stamp (<see cref="IPreciseSpikeReceiver.ReceiveFrom"/>; binary neurons decode by them) and
/// with its connection's receptor_type, or, for receivers that number their connections
/// (<see cref="IPreciseSpikeReceiver.ReadsConnectionPorts"/>), the connection's reported receptor port.
/// A synapse whose delay is not a whole number of steps (cont_delay_synapse: d steps less an offset o &lt; h, the
/// resolution) adds o to the spike's offset: the spike arrives d steps later with offset + o, or d - 1 steps later
/// with offset + o - h when that sum reaches h (NEST's cont_delay_synapse::send).
/// </summary>
internal sealed class PreciseSpikeRoutes(NodeManager nodes, IReadOnlyList<Models.Synapses.SynapseModel> synapseModels, int virtualProcesses,
    double resolution)
{
    /// <summary>
    /// The synapses of one block that end on precise inputs, by source (CSR over the block's sources), and the block's
    /// delay offsets (<see cref="SynapseType.DelayOffset"/>) if its model has them.
    /// </summary>
    private sealed record BlockRoutes(int[] Offsets, int[] Synapses, int[] Channels, IPreciseSpikeReceiver[] Receivers, bool[] ReadPorts,
        PreciseWeight Weight, double[]? DelayOffsets);

    /// <summary>A virtual process's weight log and where each delivery block's entries start (one more: the end).</summary>
    public sealed record Log(PreciseWeightLog Weights)
    {
        public int[] Starts { get; set; } = [];
    }

    private readonly Log?[] _logs = new Log?[virtualProcesses];

    /// <summary>
    /// The weight log of virtual process <paramref name="vp"/>, emptied for a delivery of <paramref name="blocks"/>
    /// blocks of the spikes stored at the start of <paramref name="slice"/>.
    /// </summary>
    public Log LogOf(int vp, int blocks, Spike[] slice)
    {
        var log = _logs[vp] ??= new Log(new PreciseWeightLog());
        log.Weights.Begin(slice);
        if (log.Starts.Length != blocks + 1) log.Starts = new int[blocks + 1];
        return log;
    }

    private readonly SynapseBlock[]?[] _tableOf = new SynapseBlock[]?[virtualProcesses];
    private readonly BlockRoutes?[][] _routesOf = new BlockRoutes?[virtualProcesses][];

    /// <summary>Hands the spikes of the slice to the precise receivers of virtual process <paramref name="vp"/>.</summary>
    public void Deliver(int vp, SynapseBlock[] blocks, ReadOnlySpan<Spike> spikes, long sliceStart, InputRing ring)
    {
        if (!ReferenceEquals(_tableOf[vp], blocks))
        {
            _routesOf[vp] = Array.ConvertAll(blocks, RoutesOf);
            _tableOf[vp] = blocks;
        }
        var routes = _routesOf[vp];
        var log = _logs[vp]!;
        var logged = log.Weights;
        log.Starts[blocks.Length] = logged.Count;
        for (int b = 0; b < blocks.Length; b++)
        {
            if (routes[b] is not { } route) continue;
            var block = blocks[b];
            int sourceMin = block.SourceMin, sourceCount = block.SourceCount;
            int entry = log.Starts[b], entriesEnd = log.Starts[b + 1];
            for (int k = 0; k < spikes.Length; k++)
            {
                ref readonly var spike = ref spikes[k];
                int s = spike.Source - sourceMin;
                if ((uint)s >= (uint)sourceCount) continue;
                for (int j = route.Offsets[s]; j < route.Offsets[s + 1]; j++)
                {
                    int synapse = route.Synapses[j];
                    double weight;
                    if (route.Weight == PreciseWeight.Stored)
                    {
                        weight = block.Weights[synapse] * spike.WeightFactor;
                    }
                    else
                    {
                        // Entries come by spike, then synapse: pass those before (spike k, this synapse).
                        while (entry < entriesEnd && (logged.SpikeAt(entry) < k || (logged.SpikeAt(entry) == k && logged.SynapseAt(entry) < synapse))) entry++;
                        if (entry == entriesEnd || logged.SpikeAt(entry) != k || logged.SynapseAt(entry) != synapse) continue; // not transmitted
                        weight = logged.WeightAt(entry++);
                    }
                    long arrival = sliceStart + spike.Lag + block.DelayAt(synapse);
                    double offset = spike.Offset;
                    if (route.DelayOffsets is { } delayOffsets)
                    {
                        offset += delayOffsets[synapse];
                        if (offset >= resolution)
                        {
                            arrival--;
                            offset -= resolution;
                        }
                    }
                    int receptor = route.ReadPorts[j] ? block.PortAt(synapse) : block.ReceptorAt(synapse);
                    route.Receivers[j].ReceiveFrom(ring, spike.Source, sliceStart + spike.Lag + 1, receptor, route.Channels[j], arrival, offset, spike.Multiplicity, weight);
                }
            }
        }
    }

    /// <summary>The synapses of <paramref name="block"/> that end on precise inputs, or null when there are none.</summary>
    private BlockRoutes? RoutesOf(SynapseBlock block)
    {
        var offsets = new int[block.SourceCount + 1];
        var synapses = new List<int>();
        var channels = new List<int>();
        var receivers = new List<IPreciseSpikeReceiver>();
        var readPorts = new List<bool>();
        for (int s = 0; s < block.SourceCount; s++)
        {
            for (int i = block.Offsets[s]; i < block.Offsets[s + 1]; i++)
            {
                int encoded = block.Channels[i];
                if (encoded >= 0) continue; // precise inputs count spikes
                int channel = encoded & int.MaxValue;
                if (nodes.LocateChannel(channel).Group is not IPreciseSpikeReceiver receiver || !receiver.TakesPreciseSpikesOn(channel)) continue;
                synapses.Add(i);
                channels.Add(channel);
                receivers.Add(receiver);
                readPorts.Add(receiver.ReadsConnectionPorts);
            }
            offsets[s + 1] = synapses.Count;
        }
        if (synapses.Count == 0) return null;
        var type = synapseModels[block.SynapseModelId].Type;
        return new BlockRoutes(offsets, [.. synapses], [.. channels], [.. receivers], [.. readPorts], type.WeightForPreciseTargets,
            type.DelayOffset is { } delayOffset ? block.State[delayOffset.Index] : null);
    }
}
