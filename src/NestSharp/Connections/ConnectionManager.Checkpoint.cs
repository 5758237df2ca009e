namespace NestSharp.Connections;

// Checkpoints of the connections, independent of the virtual processes: each synapse with its source, its target's id
// and input block (not the ring channel, which depends on where the target is stored), its weight, delay, receptor
// and state; the generators' and recorders' links; the counters and the delay extrema. A restore builds each virtual
// process's block from the synapses of its targets, keeping their order per source.
internal sealed partial class ConnectionManager
{
    /// <summary>The synapses of one block of a checkpoint, in the order written.</summary>
    private sealed record SynapseRows(int[] Sources, int[] Targets, int[] Inputs, int[] Delays, double[] Weights,
        byte[] Receptors, byte[] Ports, double[][] States, int[][] Indices)
    {
        public int Count => Sources.Length;
    }

    public void SaveCheckpoint(CheckpointWriter writer)
    {
        Store.Consolidate();
        writer.Write(ConnectCalls);
        writer.Write(Version);
        WritePairs(writer, _countByModel.Select(p => (p.Key, p.Value)));
        WritePairs(writer, _stimulatorSynapseModel.Select(p => (p.Key, (long)p.Value)));
        Delays.SaveCheckpoint(writer);

        var nodes = _kernel.Nodes;
        int models = _kernel.Models.SynapseModels.Count;
        int vps = _kernel.VirtualProcesses.Layout.Count;
        writer.Write(models);
        for (int m = 0; m < models; m++)
        {
            var blocks = Enumerable.Range(0, vps).Select(vp => Store.BlockOf(vp, m)).OfType<SynapseBlock>().ToArray();
            writer.Write(blocks.Length);
            foreach (var block in blocks) WriteBlock(writer, block, nodes);
        }

        var generators = nodes.Groups.Where(g => g is ILocalGenerator).ToArray();
        writer.Write(generators.Length);
        foreach (var group in generators)
        {
            writer.Write(group.FirstId);
            for (int local = 0; local < group.Count; local++)
            {
                var links = ((ILocalGenerator)group).TargetsOf(local).All().ToArray();
                writer.Write(links.Length);
                foreach (var link in links)
                {
                    writer.Write(link.TargetId);
                    writer.Write(link.Recorder is not null);
                    writer.Write(link.Recorder is null ? InputOf(nodes, link.Channel) : 0);
                    writer.Write(link.Weight);
                    writer.Write(link.DelaySteps);
                    writer.Write(link.Receptor);
                    writer.Write(link.SynapseModelId);
                }
            }
        }

        writer.Write(RecordingLinks.SpikeLinks.Count);
        foreach (var link in RecordingLinks.SpikeLinks) WriteLink(writer, link.Source, link.Recorder, link.SynapseModelId, link.DelaySteps, link.Weight);
        writer.Write(RecordingLinks.SamplingLinks.Count);
        foreach (var link in RecordingLinks.SamplingLinks) WriteLink(writer, link.Sampler, link.Target, link.SynapseModelId, link.DelaySteps, link.Weight);
    }

    /// <summary>
    /// Reads the connections section of every part of a checkpoint (one for a single process): the counters, delay
    /// extrema and recording links every process shares from the first, the synapses and generator links of each
    /// process's targets from all, keeping those whose targets this process holds.
    /// </summary>
    public void RestoreCheckpoint(IReadOnlyList<CheckpointReader> parts)
    {
        var reader = parts[0];
        ConnectCalls = reader.ReadLong();
        Version = reader.ReadLong();
        foreach (var (key, value) in ReadPairs(reader)) _countByModel[key] = value;
        foreach (var (key, value) in ReadPairs(reader)) _stimulatorSynapseModel[key] = (int)value;
        Delays.RestoreCheckpoint(reader);
        for (int p = 1; p < parts.Count; p++)
        {
            // Shared by every process: the first part's are taken.
            parts[p].ReadLong();
            parts[p].ReadLong();
            ReadPairs(parts[p]);
            ReadPairs(parts[p]);
            new DelayChecker(_kernel).RestoreCheckpoint(parts[p]);
        }

        var nodes = _kernel.Nodes;
        var layout = _kernel.VirtualProcesses.Layout;
        int models = _kernel.Models.SynapseModels.Count;
        foreach (var part in parts)
        {
            int saved = part.ReadInt();
            if (saved != models) throw part.Bad($"it has {saved} synapse models, the restored kernel {models}");
        }
        EnsureTables();
        for (int m = 0; m < models; m++)
        {
            var type = _kernel.Models.SynapseModels[m].Type;
            var rows = new List<SynapseRows>();
            foreach (var part in parts)
                for (int blocks = part.ReadInt(), b = 0; b < blocks; b++) rows.Add(ReadBlock(part, type.Schema.Layout));
            foreach (var (slot, block) in BuildBlocks(m, type, rows, layout, nodes)) Store.Add(slot, block);
        }

        foreach (var part in parts) RestoreGeneratorLinks(part, nodes, layout);

        var spikeLinks = new List<SpikeRecordingLink>();
        var samplingLinks = new List<SamplingLink>();
        for (int p = 0; p < parts.Count; p++)
        {
            // Recording links exist on every process: the first part's are taken.
            var part = parts[p];
            for (int n = part.ReadInt(), i = 0; i < n; i++)
            {
                var link = new SpikeRecordingLink(part.ReadInt(), part.ReadInt(), part.ReadInt(), part.ReadInt(), part.ReadDouble());
                if (p == 0) spikeLinks.Add(link);
            }
            for (int n = part.ReadInt(), i = 0; i < n; i++)
            {
                var link = new SamplingLink(part.ReadInt(), part.ReadInt(), part.ReadInt(), part.ReadInt(), part.ReadDouble());
                if (p == 0) samplingLinks.Add(link);
            }
        }
        RecordingLinks.Commit(new RecordingLinks.Staged(spikeLinks, samplingLinks, 0, 0));
    }

    /// <summary>The links of the generators that send locally (to their targets on this process's threads).</summary>
    private void RestoreGeneratorLinks(CheckpointReader reader, Kernel.NodeManager nodes, Kernel.Communication.VirtualProcessLayout layout)
    {
        for (int generators = reader.ReadInt(), g = 0; g < generators; g++)
        {
            var (group, _) = nodes.Locate(reader.ReadInt());
            var generator = group as ILocalGenerator ?? throw reader.Bad($"node {group.FirstId} ({group.Model.Name}) is not a generator");
            for (int local = 0; local < group.Count; local++)
            {
                var targets = generator.TargetsOf(local);
                targets.EnsureThreads(layout.Count);
                for (int links = reader.ReadInt(), l = 0; l < links; l++)
                {
                    int targetId = reader.ReadInt();
                    bool toRecorder = reader.ReadBool();
                    int input = reader.ReadInt();
                    var (targetGroup, targetLocal) = nodes.Locate(targetId);
                    var target = new DeviceTarget
                    {
                        TargetId = targetId, Weight = reader.ReadDouble(), DelaySteps = reader.ReadInt(), Receptor = reader.ReadInt(),
                        SynapseModelId = reader.ReadInt(),
                    };
                    int slot = targetGroup.OwnerThread(targetLocal);
                    if (!layout.IsLocal(slot)) continue;
                    if (toRecorder)
                    {
                        int sender = group.FirstId + local;
                        target.Recorder = new RecorderRoute((ISpikeSink)((IRecorderGroup)targetGroup).RecorderOf(targetLocal), sender,
                            nodes.VirtualProcessOf(sender), _kernel.Simulation.Time);
                    }
                    else
                    {
                        target.Channel = ChannelOf(nodes, targetId, input);
                    }
                    targets.Add(slot, target);
                }
            }
        }
    }

    /// <summary>
    /// One block: its sources as CSR offsets, each synapse's target id, input block, delay, weight, receptor, port and
    /// state; columns with few distinct values (delays, input blocks, the weights of a static model) as a palette.
    /// </summary>
    private static void WriteBlock(CheckpointWriter writer, SynapseBlock block, Kernel.NodeManager nodes)
    {
        int n = block.Count;
        writer.Write(block.SourceMin);
        writer.Write(block.Offsets);
        var ints = new int[n];
        for (int i = 0; i < n; i++) ints[i] = nodes.NodeOfChannel(block.Channels[i]);
        writer.Write(ints);
        for (int i = 0; i < n; i++) ints[i] = InputOf(nodes, block.Channels[i]);
        writer.WritePacked(ints);
        for (int i = 0; i < n; i++) ints[i] = block.DelayAt(i);
        writer.WritePacked(ints);
        writer.WritePacked(block.Weights);
        writer.Write(block.Receptors ?? []);
        writer.Write(block.Ports ?? []);
        foreach (var column in block.State) writer.WritePacked(column);
        foreach (var column in block.Indices) writer.Write(column);
    }

    private static SynapseRows ReadBlock(CheckpointReader reader, SynapseLayout layout)
    {
        int sourceMin = reader.ReadInt();
        int[] offsets = reader.ReadInts();
        if (offsets.Length < 2 || offsets[0] != 0) throw reader.Bad("a synapse block's source offsets are damaged");
        int n = offsets[^1];
        var sources = new int[n];
        for (int s = 0; s + 1 < offsets.Length; s++)
        {
            if (offsets[s + 1] < offsets[s] || offsets[s + 1] > n) throw reader.Bad("a synapse block's source offsets are damaged");
            sources.AsSpan(offsets[s], offsets[s + 1] - offsets[s]).Fill(sourceMin + s);
        }
        var targets = Exactly(reader, reader.ReadInts(), n);
        var inputs = Exactly(reader, reader.ReadPackedInts(), n);
        var delays = Exactly(reader, reader.ReadPackedInts(), n);
        var weights = Exactly(reader, reader.ReadPackedDoubles(), n);
        var receptors = reader.ReadBytes();
        var ports = reader.ReadBytes();
        var states = new double[layout.StateNames.Length][];
        for (int c = 0; c < states.Length; c++) states[c] = Exactly(reader, reader.ReadPackedDoubles(), n);
        var indices = new int[layout.IndexNames.Length][];
        for (int c = 0; c < indices.Length; c++) indices[c] = Exactly(reader, reader.ReadInts(), n);
        return new SynapseRows(sources, targets, inputs, delays, weights,
            receptors.Length == 0 ? new byte[n] : Exactly(reader, receptors, n), ports.Length == 0 ? new byte[n] : Exactly(reader, ports, n),
            states, indices);
    }

    private static T[] Exactly<T>(CheckpointReader reader, T[] values, int n) =>
        values.Length == n ? values : throw reader.Bad($"a synapse column holds {values.Length} values where {n} were expected");

    /// <summary>The blocks of the restored layout: each synapse goes to its target's slot, in file order per source.</summary>
    private static List<(int Slot, SynapseBlock Block)> BuildBlocks(int modelId, SynapseType type, List<SynapseRows> blocks,
        Kernel.Communication.VirtualProcessLayout layout, Kernel.NodeManager nodes)
    {
        var result = new List<(int, SynapseBlock)>();
        int slots = layout.Count;
        var count = new int[slots];
        var sourceMin = new int[slots];
        var sourceMax = new int[slots];
        var wide = new bool[slots];
        Array.Fill(sourceMin, int.MaxValue);
        Array.Fill(sourceMax, -1);
        var slotOf = new int[blocks.Count][];
        for (int b = 0; b < blocks.Count; b++)
        {
            var rows = blocks[b];
            slotOf[b] = new int[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                int slot = slotOf[b][i] = layout.SlotOfNode(rows.Targets[i]);
                count[slot]++;
                sourceMin[slot] = Math.Min(sourceMin[slot], rows.Sources[i]);
                sourceMax[slot] = Math.Max(sourceMax[slot], rows.Sources[i]);
                wide[slot] |= rows.Delays[i] > SynapseBlock.MaxNarrowDelaySteps;
            }
        }
        var offsets = new int[slots][];
        for (int slot = 0; slot < slots; slot++)
            if (count[slot] > 0 && layout.IsLocal(slot)) offsets[slot] = new int[sourceMax[slot] - sourceMin[slot] + 2];
        for (int b = 0; b < blocks.Count; b++)
        {
            for (int i = 0; i < blocks[b].Count; i++)
                if (offsets[slotOf[b][i]] is { } of) of[blocks[b].Sources[i] - sourceMin[slotOf[b][i]] + 1]++;
        }
        var built = new SynapseBlock?[slots];
        var cursor = new int[slots][];
        for (int slot = 0; slot < slots; slot++)
        {
            if (offsets[slot] is not { } of) continue;
            for (int s = 1; s < of.Length; s++) of[s] += of[s - 1];
            built[slot] = new SynapseBlock(modelId, type.Schema.Layout, sourceMin[slot], of, wide[slot]);
            cursor[slot] = (int[])of.Clone();
        }
        for (int b = 0; b < blocks.Count; b++)
        {
            var rows = blocks[b];
            for (int i = 0; i < rows.Count; i++)
            {
                int slot = slotOf[b][i];
                if (built[slot] is not { } block) continue;
                int k = cursor[slot][rows.Sources[i] - block.SourceMin]++;
                block.Channels[k] = ChannelOf(nodes, rows.Targets[i], rows.Inputs[i]);
                block.Weights[k] = rows.Weights[i];
                block.SetDelay(k, rows.Delays[i]);
                block.SetReceptor(k, rows.Receptors[i], rows.Ports[i]);
                for (int c = 0; c < rows.States.Length; c++) block.State[c][k] = rows.States[c][i];
                for (int c = 0; c < rows.Indices.Length; c++) block.Indices[c][k] = rows.Indices[c][i];
            }
        }
        for (int slot = 0; slot < slots; slot++)
            if (built[slot] is { } block) result.Add((slot, block));
        return result;
    }

    /// <summary>A ring channel as its target's input block, with the counting flag kept in the sign bit.</summary>
    private static int InputOf(Kernel.NodeManager nodes, int encodedChannel)
    {
        var (group, _) = nodes.LocateChannel(encodedChannel);
        var (block, _) = group.ChannelAddress(encodedChannel & int.MaxValue);
        return block | (encodedChannel & NeuronGroup.CountingChannelFlag);
    }

    /// <summary>The ring channel of input block <paramref name="input"/> (as <see cref="InputOf"/> gives it) of node <paramref name="target"/>.</summary>
    private static int ChannelOf(Kernel.NodeManager nodes, int target, int input)
    {
        var (group, local) = nodes.Locate(target);
        var neurons = (NeuronGroup)group;
        return neurons.RingChannelAt(input & int.MaxValue, neurons.PositionOf(local)) | (input & NeuronGroup.CountingChannelFlag);
    }

    private static void WriteLink(CheckpointWriter writer, int a, int b, int model, int delay, double weight)
    {
        writer.Write(a);
        writer.Write(b);
        writer.Write(model);
        writer.Write(delay);
        writer.Write(weight);
    }

    private static void WritePairs(CheckpointWriter writer, IEnumerable<(int Key, long Value)> pairs)
    {
        var sorted = pairs.OrderBy(p => p.Key).ToArray();
        writer.Write(sorted.Length);
        foreach (var (key, value) in sorted)
        {
            writer.Write(key);
            writer.Write(value);
        }
    }

    private static (int Key, long Value)[] ReadPairs(CheckpointReader reader)
    {
        var pairs = new (int Key, long Value)[reader.ReadInt()];
        for (int i = 0; i < pairs.Length; i++) pairs[i] = (reader.ReadInt(), reader.ReadLong());
        return pairs;
    }
}
