namespace NestSharp.Connections;

// Checkpoints of the connections, independent of the virtual processes: each synapse with its source, its target's id
// and input block (not the ring channel, which depends on where the target is stored), its weight, delay, receptor
// and state; the generators' and recorders' links; the counters and the delay extrema. A restore reads each saved
// block straight into a block of the new layout (channels from per-node tables, columns copied whole); a block whose
// targets now lie on several virtual processes (another number of them) is split, keeping the order per source.
internal sealed partial class ConnectionManager
{
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
        var targets = new SavedTargets(nodes);
        for (int m = 0; m < models; m++)
        {
            var blocks = Enumerable.Range(0, vps).Select(vp => Store.BlockOf(vp, m)).OfType<SynapseBlock>().ToArray();
            writer.Write(blocks.Length);
            foreach (var block in blocks) WriteBlock(writer, block, targets);
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
        foreach (var link in RecordingLinks.SpikeLinks)
        {
            WriteLink(writer, link.Source, link.Recorder, link.SynapseModelId, link.DelaySteps, link.Weight);
            writer.Write(link.Receptor);
        }
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
        var channels = new RestoredChannels(nodes, layout);
        for (int m = 0; m < models; m++)
        {
            var synapseLayout = _kernel.Models.SynapseModels[m].Type.Schema.Layout;
            foreach (var part in parts)
            {
                for (int blocks = part.ReadInt(), b = 0; b < blocks; b++)
                {
                    var (block, slot, slots) = ReadBlock(part, m, synapseLayout, channels);
                    if (block.Count == 0) continue;
                    if (slots is null)
                    {
                        if (layout.IsLocal(slot)) Store.Add(slot, block);
                        continue;
                    }
                    foreach (var (pieceSlot, piece) in SplitBySlot(block, slots, layout)) Store.Add(pieceSlot, piece);
                }
            }
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
                var link = new SpikeRecordingLink(part.ReadInt(), part.ReadInt(), part.ReadInt(), part.ReadInt(), part.ReadDouble(), part.ReadInt());
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
    private static void WriteBlock(CheckpointWriter writer, SynapseBlock block, SavedTargets targets)
    {
        int n = block.Count;
        writer.Write(block.SourceMin);
        writer.Write(block.Offsets);
        var ints = new int[n];
        targets.NodesOf(block.Channels, ints);
        writer.Write(ints);
        targets.InputsOf(block.Channels, ints);
        writer.WritePacked(ints);
        if (block.NarrowDelays is { } narrow)
        {
            for (int i = 0; i < n; i++) ints[i] = narrow[i];
        }
        else
        {
            block.WideDelays!.CopyTo(ints, 0);
        }
        writer.WritePacked(ints);
        writer.WritePacked(block.Weights);
        writer.Write(block.Receptors ?? []);
        writer.Write(block.Ports ?? []);
        foreach (var column in block.State) writer.WritePacked(column);
        foreach (var column in block.Indices) writer.Write(column);
        if (block.Runs is { } runs)
        {
            writer.Write(runs.First);
            writer.Write(runs.OfSource);
            foreach (var column in runs.Values) writer.WritePacked(column);
        }
    }

    /// <summary>
    /// The node and input block behind every ring channel, as tables by channel (built once per save), so that the
    /// synapses' channels become target ids and input blocks without a search per synapse.
    /// </summary>
    private sealed class SavedTargets
    {
        private readonly int[] _nodeOf;
        private readonly int[] _inputOf;

        public SavedTargets(Kernel.NodeManager nodes)
        {
            _nodeOf = new int[nodes.ChannelCount];
            _inputOf = new int[nodes.ChannelCount];
            foreach (var group in nodes.Groups)
            {
                if (group is not NeuronGroup neurons) continue;
                for (int input = 0; input < neurons.InputBlocks; input++)
                {
                    for (int local = 0; local < neurons.Count; local++)
                    {
                        int channel = neurons.RingChannelAt(input, neurons.PositionOf(local));
                        _nodeOf[channel] = neurons.FirstId + local;
                        _inputOf[channel] = input;
                    }
                }
            }
        }

        /// <summary>The target id of each of <paramref name="channels"/> (encoded ring channels) into <paramref name="into"/>.</summary>
        public void NodesOf(int[] channels, int[] into)
        {
            for (int i = 0; i < channels.Length; i++) into[i] = _nodeOf[channels[i] & int.MaxValue];
        }

        /// <summary>The input block of each of <paramref name="channels"/>, with the counting flag kept in the sign bit, into <paramref name="into"/>.</summary>
        public void InputsOf(int[] channels, int[] into)
        {
            for (int i = 0; i < channels.Length; i++) into[i] = _inputOf[channels[i] & int.MaxValue] | (channels[i] & NeuronGroup.CountingChannelFlag);
        }
    }

    /// <summary>
    /// One saved block read straight into a block of this layout: target ids and input blocks become ring channels
    /// through <paramref name="channels"/>, the other columns are read into the block's own. Slot is where all its
    /// synapses belong now, or Slots (one per synapse) when they belong to several.
    /// </summary>
    private static (SynapseBlock Block, int Slot, int[]? Slots) ReadBlock(CheckpointReader reader, int modelId, SynapseLayout layout,
        RestoredChannels channels)
    {
        int sourceMin = reader.ReadInt();
        int[] offsets = reader.ReadInts();
        if (offsets.Length < 2 || offsets[0] != 0) throw reader.Bad("a synapse block's source offsets are damaged");
        int n = offsets[^1];
        for (int s = 0; s + 1 < offsets.Length; s++)
            if (offsets[s + 1] < offsets[s] || offsets[s + 1] > n) throw reader.Bad("a synapse block's source offsets are damaged");
        var block = new SynapseBlock(modelId, layout, sourceMin, offsets);
        reader.ReadInts(block.Channels);
        var inputs = reader.ReadPackedIntsKept();
        if (inputs.Count != n) throw reader.Bad($"a synapse column holds {inputs.Count} values where {n} were expected");
        var (slot, slots) = channels.Place(reader, block.Channels, inputs);
        ReadDelays(reader, block);
        reader.ReadPackedDoubles(block.Weights);
        byte[] receptors = reader.ReadBytes();
        int[] ports = reader.ReadInts();
        block.SetReceptorColumns(receptors.Length == 0 ? null : Exactly(reader, receptors, n), ports.Length == 0 ? null : Exactly(reader, ports, n));
        foreach (var column in block.State) reader.ReadPackedDoubles(column);
        foreach (var column in block.Indices) reader.ReadInts(column);
        if (layout.SourceNames.Length > 0)
        {
            int[] first = reader.ReadInts(), ofSource = reader.ReadInts();
            var values = new double[layout.SourceNames.Length][];
            for (int c = 0; c < values.Length; c++) values[c] = reader.ReadPackedDoubles();
            block.SetRuns(SourceRuns.FromSaved(first, ofSource, values, offsets) ?? throw reader.Bad("a synapse block's runs of shared values are damaged"));
        }
        return (block, slot, slots);
    }

    /// <summary>The delays of a saved block into <paramref name="block"/>: 16 bits each while they fit.</summary>
    private static void ReadDelays(CheckpointReader reader, SynapseBlock block)
    {
        var delays = reader.ReadPackedIntsKept();
        if (delays.Count != block.Count) throw reader.Bad($"a synapse column holds {delays.Count} values where {block.Count} were expected");
        if (delays.Palette is { } palette)
        {
            var indices = delays.Indices!;
            if (Array.TrueForAll(palette, d => (uint)d <= SynapseBlock.MaxNarrowDelaySteps))
            {
                var narrowPalette = Array.ConvertAll(palette, d => (ushort)d);
                var narrow = block.NarrowDelays!;
                for (int i = 0; i < indices.Length; i++) narrow[i] = narrowPalette[indices[i]];
                return;
            }
            block.Widen();
            var wide = block.WideDelays!;
            for (int i = 0; i < indices.Length; i++) wide[i] = palette[indices[i]];
            return;
        }
        var values = delays.Values!;
        for (int i = 0; i < values.Length; i++) block.SetDelay(i, values[i]);
    }

    private static T[] Exactly<T>(CheckpointReader reader, T[] values, int n) =>
        values.Length == n ? values : throw reader.Bad($"a synapse column holds {values.Length} values where {n} were expected");

    /// <summary>
    /// The synapses of <paramref name="block"/>, read from a layout with another number of virtual processes, as one
    /// block per local slot of this layout (<paramref name="slots"/>: each synapse's), in the block's order per source.
    /// </summary>
    private static List<(int Slot, SynapseBlock Block)> SplitBySlot(SynapseBlock block, int[] slots, Kernel.Communication.VirtualProcessLayout layout)
    {
        int count = layout.Count;
        var sizes = new int[count];
        var sourceMin = new int[count];
        var sourceMax = new int[count];
        var wide = new bool[count];
        Array.Fill(sourceMin, int.MaxValue);
        Array.Fill(sourceMax, -1);
        for (int s = 0; s < block.SourceCount; s++)
        {
            int source = block.SourceMin + s;
            for (int i = block.Offsets[s]; i < block.Offsets[s + 1]; i++)
            {
                int slot = slots[i];
                sizes[slot]++;
                sourceMin[slot] = Math.Min(sourceMin[slot], source);
                sourceMax[slot] = Math.Max(sourceMax[slot], source);
                wide[slot] |= block.DelayAt(i) > SynapseBlock.MaxNarrowDelaySteps;
            }
        }
        var offsets = new int[count][];
        for (int slot = 0; slot < count; slot++)
            if (sizes[slot] > 0 && layout.IsLocal(slot)) offsets[slot] = new int[sourceMax[slot] - sourceMin[slot] + 2];
        for (int s = 0; s < block.SourceCount; s++)
        {
            for (int i = block.Offsets[s]; i < block.Offsets[s + 1]; i++)
                if (offsets[slots[i]] is { } of) of[block.SourceMin + s - sourceMin[slots[i]] + 1]++;
        }
        var built = new SynapseBlock?[count];
        var cursor = new int[count][];
        for (int slot = 0; slot < count; slot++)
        {
            if (offsets[slot] is not { } of) continue;
            for (int s = 1; s < of.Length; s++) of[s] += of[s - 1];
            built[slot] = new SynapseBlock(block.SynapseModelId, block.Layout, sourceMin[slot], of, wide[slot]);
            cursor[slot] = (int[])of.Clone();
        }
        bool receptors = block.Receptors is not null || block.Ports is not null;
        var runs = block.Runs;
        var pieceRuns = new SourceRuns.Builder?[count];
        for (int slot = 0; slot < count && runs is not null; slot++)
            if (built[slot] is { } piece) pieceRuns[slot] = new SourceRuns.Builder(runs.Values.Length, piece.SourceCount);
        Span<double> shared = stackalloc double[runs?.Values.Length ?? 0];
        for (int s = 0, run = 0; s < block.SourceCount; s++)
        {
            for (int i = block.Offsets[s]; i < block.Offsets[s + 1]; i++)
            {
                if (runs is not null)
                {
                    while (runs.First[run + 1] <= i) run++;
                    for (int c = 0; c < shared.Length; c++) shared[c] = runs.Values[c][run];
                    pieceRuns[slots[i]]?.Append(block.SourceMin + s - built[slots[i]]!.SourceMin, 1, shared);
                }
                if (built[slots[i]] is not { } piece) continue;
                int k = cursor[slots[i]][block.SourceMin + s - piece.SourceMin]++;
                piece.Channels[k] = block.Channels[i];
                piece.Weights[k] = block.Weights[i];
                piece.SetDelay(k, block.DelayAt(i));
                if (receptors) piece.SetReceptor(k, block.ReceptorAt(i), block.PortAt(i));
                for (int c = 0; c < block.State.Length; c++) piece.State[c][k] = block.State[c][i];
                for (int c = 0; c < block.Indices.Length; c++) piece.Indices[c][k] = block.Indices[c][i];
            }
        }
        var result = new List<(int, SynapseBlock)>();
        for (int slot = 0; slot < count; slot++)
        {
            if (built[slot] is not { } piece) continue;
            if (pieceRuns[slot] is { } pieceRun) piece.SetRuns(pieceRun.Finish());
            result.Add((slot, piece));
        }
        return result;
    }

    /// <summary>
    /// The ring channel of every node's input blocks and the slot of every node in the restored layout, as tables by
    /// node id (built once per restore, one table per input block met), so that a saved block's targets become
    /// channels without a search per synapse.
    /// </summary>
    private sealed class RestoredChannels
    {
        private readonly Kernel.NodeManager _nodes;
        private readonly int[] _slotOf;
        private readonly Dictionary<int, int[]> _byInput = [];

        public RestoredChannels(Kernel.NodeManager nodes, Kernel.Communication.VirtualProcessLayout layout)
        {
            _nodes = nodes;
            _slotOf = new int[nodes.NodeCount + 1];
            for (int id = 1; id <= nodes.NodeCount; id++) _slotOf[id] = layout.SlotOfNode(id);
        }

        /// <summary>The ring channel of input block <paramref name="input"/> per node id (-1 where a node has none).</summary>
        private int[] OfInput(int input)
        {
            if (_byInput.TryGetValue(input, out var table)) return table;
            table = new int[_slotOf.Length];
            Array.Fill(table, -1);
            foreach (var group in _nodes.Groups)
            {
                if (group is not NeuronGroup neurons || input >= neurons.InputBlocks) continue;
                for (int local = 0; local < neurons.Count; local++) table[neurons.FirstId + local] = neurons.RingChannelAt(input, neurons.PositionOf(local));
            }
            return _byInput[input] = table;
        }

        /// <summary>
        /// Turns the target ids in <paramref name="channels"/> with their <paramref name="inputs"/> (input block and
        /// counting flag) into ring channels; returns the slot all targets lie on, or each synapse's slot when they lie
        /// on several.
        /// </summary>
        public (int Slot, int[]? Slots) Place(CheckpointReader reader, int[] channels, PackedInts inputs)
        {
            int first = -1;
            int[]? slots = null;
            int[] palette = inputs.Palette ?? [];
            var tables = new int[palette.Length][];
            for (int k = 0; k < palette.Length; k++) tables[k] = OfInput(palette[k] & int.MaxValue);
            for (int i = 0; i < channels.Length; i++)
            {
                int target = channels[i];
                if (target < 1 || target >= _slotOf.Length) throw reader.Bad($"a synapse targets node {target}, which the checkpoint does not have");
                int input;
                int[] table;
                if (inputs.Indices is { } indices)
                {
                    input = palette[indices[i]];
                    table = tables[indices[i]];
                }
                else
                {
                    input = inputs.Values![i];
                    table = OfInput(input & int.MaxValue);
                }
                int channel = table[target];
                if (channel < 0) throw reader.Bad($"a synapse targets input block {input & int.MaxValue} of node {target}, which has none");
                channels[i] = channel | (input & NeuronGroup.CountingChannelFlag);
                int slot = _slotOf[target];
                if (first < 0)
                {
                    first = slot;
                }
                else if (slot != first && slots is null)
                {
                    slots = new int[channels.Length];
                    slots.AsSpan(0, i).Fill(first);
                }
                if (slots is not null) slots[i] = slot;
            }
            return (first, slots);
        }
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
