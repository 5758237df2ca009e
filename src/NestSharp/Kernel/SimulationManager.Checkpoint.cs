namespace NestSharp.Kernel;

// Checkpoints of the clock and of the input ring (the input that has arrived for the coming steps: spikes in flight
// and generators' input), the ring by node id and input block, so a restore onto another layout finds it.
internal sealed partial class SimulationManager
{
    public void SaveClock(CheckpointWriter writer)
    {
        writer.Write(CurrentStep);
        writer.Write(HasSimulated);
    }

    public void RestoreClock(CheckpointReader reader)
    {
        CurrentStep = reader.ReadLong();
        HasSimulated = reader.ReadBool();
    }

    public void SaveRing(CheckpointWriter writer)
    {
        var ring = _context?.Ring;
        int slots = ring is null || ring.Channels == 0 ? 0 : ring.Slots;
        writer.Write(slots);
        if (slots == 0) return;
        foreach (var group in _kernel.Nodes.Groups)
        {
            if (group is not NeuronGroup neurons) continue;
            var values = new double[neurons.Count * slots];
            writer.Write(neurons.InputBlocks);
            for (int block = 0; block < neurons.InputBlocks; block++)
            {
                for (int local = 0; local < neurons.Count; local++)
                {
                    int channel = neurons.RingChannelAt(block, neurons.PositionOf(local));
                    for (int k = 0; k < slots; k++) values[local * slots + k] = ring!.Data[(long)ring.SlotOf(CurrentStep + k) * ring.Channels + channel];
                }
                writer.Write(values);
            }
        }
    }

    /// <summary>
    /// Reads what <see cref="SaveRing"/> wrote; with <paramref name="owned"/> (a part of a checkpoint of several
    /// processes) only into the channels of the neurons it names, in the ring an earlier part began.
    /// </summary>
    public void RestoreRing(CheckpointReader reader, Func<int, bool>? owned)
    {
        int slots = reader.ReadInt();
        if (slots == 0) return;
        var nodes = _kernel.Nodes;
        var ring = owned is not null && _context?.Ring is { } earlier ? earlier : new InputRing(nodes.ChannelCount, slots);
        if (ring.Slots != slots || ring.Channels != nodes.ChannelCount)
            throw reader.Bad($"its parts hold input rings of {ring.Slots} and {slots} steps");
        foreach (var group in nodes.Groups)
        {
            if (group is not NeuronGroup neurons) continue;
            int blocks = reader.ReadInt();
            if (blocks != neurons.InputBlocks) throw reader.Bad($"{neurons.Model.Name} nodes {neurons.FirstId}-{neurons.LastId} have {blocks} input blocks in the file, {neurons.InputBlocks} here");
            var values = new double[neurons.Count * slots];
            for (int block = 0; block < blocks; block++)
            {
                reader.ReadDoubles(values);
                for (int local = 0; local < neurons.Count; local++)
                {
                    if (owned is not null && !owned(neurons.FirstId + local)) continue;
                    int channel = neurons.RingChannelAt(block, neurons.PositionOf(local));
                    for (int k = 0; k < slots; k++) ring.Data[(long)ring.SlotOf(CurrentStep + k) * ring.Channels + channel] = values[local * slots + k];
                }
            }
        }
        var layout = _kernel.VirtualProcesses.Layout;
        _context = new SimulationContext(Time, layout, _kernel.VirtualProcesses.Communicator, _kernel.Random.SeedKey) { Archive = _kernel.Archive, Nodes = _kernel.Nodes, Ring = ring };
    }
}
