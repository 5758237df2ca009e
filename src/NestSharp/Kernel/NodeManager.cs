namespace NestSharp.Kernel;

/// <summary>
/// The nodes of the network (NEST's NodeManager): groups in id order, found by id in O(log groups), the input
/// channels they take in the kernel's input ring, and the nodes' status. Keys network_size and time_construction_create
/// (with _cpu).
/// </summary>
internal sealed class NodeManager : IKernelManager
{
    /// <summary>Node status keys NEST reports but no one sets.</summary>
    private static readonly string[] ReadOnlyKeys =
        ["global_id", "model", "element_type", "recordables", "receptor_types", "events", "thread", "vp", "local", "filenames",
            "thread_local_id", "model_id", "t_spike", "archiver_length", "node_uses_wfr", "post_trace", "histogram", "histogram_correction",
            "count_histogram", "covariance", "count_covariance"];

    private readonly List<NodeGroup> _groups = [];
    private readonly List<int> _groupFirstIds = [];
    private readonly List<NeuronGroup> _neuronGroups = [];
    private readonly List<int> _neuronChannelBases = [];
    private KernelManager _kernel = null!;

    /// <summary>Time spent in Create calls since ResetKernel (time_construction_create and its _cpu).</summary>
    private readonly KernelStopwatch _createClock = new();

    public IReadOnlyCollection<string> SettableKeys => [];

    public void Initialize(KernelManager kernel) => _kernel = kernel;

    public void GetStatus(Dictionary<string, object> status)
    {
        status["network_size"] = (long)NodeCount;
        _createClock.WriteStatus(status, "time_construction_create");
    }

    public Action? StageStatus(KernelStatusChange change) => null;

    public IReadOnlyList<NodeGroup> Groups => _groups;
    public int NodeCount { get; private set; }

    /// <summary>Input channels allocated to neuron groups so far (the width of the kernel's input ring).</summary>
    public int ChannelCount { get; private set; }

    /// <summary>
    /// Creates <paramref name="count"/> nodes of <paramref name="model"/> with the next ids; <paramref name="parameters"/>
    /// (one dictionary for all) or <paramref name="perNode"/> (one each) are checked before anything is added.
    /// </summary>
    public NodeGroup Create(NodeModel model, int count, IReadOnlyDictionary<string, object>? parameters,
        IReadOnlyList<IReadOnlyDictionary<string, object>>? perNode = null)
    {
        using var measured = _createClock.Measure();
        CheckRoomFor(model, count);
        var group = model.Instantiate(NodeCount + 1, count, _kernel.VirtualProcesses.Layout);
        var commits = new List<Action>();
        if (parameters is not null && parameters.Count > 0)
            commits.AddRange(StageForNodes(Enumerable.Range(group.FirstId, count).ToArray(), _ => group, parameters));
        if (perNode is not null)
        {
            for (int i = 0; i < perNode.Count; i++)
                commits.Add(StageNode(group, i, perNode[i], $"node {group.FirstId + i} ({model.Name})"));
        }

        foreach (var commit in commits) commit();
        // NEST's node_uses_wfr: the kernel's use_wfr when the node is made, for models that support waveform relaxation.
        group.UsesWaveformRelaxation = group.SupportsWaveformRelaxation && _kernel.Simulation.WaveformRelaxation.Use;
        Add(group);
        // as NEST, after the nodes were made: the model's defaults decide, not the parameters given to Create
        if (model.Prototype.SendsOffGridSpikes) _kernel.EventDelivery.OffGridSpiking = true;
        return group;
    }

    /// <summary>Fails at once, before allocating, when <paramref name="count"/> more nodes exceed the ids or the memory there is.</summary>
    public void CheckRoomFor(NodeModel model, long count)
    {
        if (count < 1) throw new BadParameterException("n", count, "the number of nodes must be at least 1");
        long room = int.MaxValue - (long)NodeCount;
        if (count > room)
            throw new BadParameterException("n", count, $"node ids are 32-bit: at most {room} more nodes can be created (the network has {NodeCount})");
        long needed = count * model.Prototype.BytesPerNode;
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes - GC.GetTotalMemory(false);
        if (needed > available)
        {
            throw new BadParameterException("n", count,
                $"{count} nodes of {model.Name} need about {needed / (double)(1L << 30):F1} GiB; {available / (double)(1L << 30):F1} GiB of memory are available");
        }
    }

    private void Add(NodeGroup group)
    {
        if (group is NeuronGroup neurons)
        {
            neurons.ChannelBase = ChannelCount;
            ChannelCount = checked(ChannelCount + neurons.ChannelsPerNode * group.Count);
            // A group without declared inputs (cm_default: port blocks only) owns no range of its own.
            if (neurons.ChannelsPerNode > 0)
            {
                _neuronGroups.Add(neurons);
                _neuronChannelBases.Add(neurons.ChannelBase);
            }
            if (neurons.UsesPortBlocks) neurons.AttachPortAllocator(AllocatePortBlock);
        }
        _groups.Add(group);
        _groupFirstIds.Add(group.FirstId);
        NodeCount += group.Count;
    }

    /// <summary>
    /// A block of one input channel per node of <paramref name="group"/> at the end of the ring, for a receptor port that
    /// appeared (NeuronSchema.PortsSizedBy); returns its first channel. Blocks are never moved or freed.
    /// </summary>
    private int AllocatePortBlock(NeuronGroup group)
    {
        int start = ChannelCount;
        ChannelCount = checked(ChannelCount + group.Count);
        _neuronGroups.Add(group);
        _neuronChannelBases.Add(start);
        return start;
    }

    /// <summary>The group holding node <paramref name="id"/> and the node's index in it.</summary>
    public (NodeGroup Group, int Local) Locate(int id)
    {
        if (id < 1 || id > NodeCount) throw new UnknownNodeException($"Node with id {id} does not exist (the network has {NodeCount} nodes).");
        int i = _groupFirstIds.BinarySearch(id);
        if (i < 0) i = ~i - 1;
        var group = _groups[i];
        return (group, id - group.FirstId);
    }

    /// <summary>NEST's virtual process of node <paramref name="id"/> (id mod the number of virtual processes).</summary>
    public int VirtualProcessOf(int id) => _kernel.VirtualProcesses.Layout.VirtualProcessOfNode(id);

    /// <summary>The neuron group and storage position behind an encoded input channel.</summary>
    public (NeuronGroup Group, int Position) LocateChannel(int encodedChannel)
    {
        int channel = encodedChannel & int.MaxValue;
        int i = _neuronChannelBases.BinarySearch(channel);
        if (i < 0) i = ~i - 1;
        if (i < 0) throw new InvalidOperationException($"channel {channel} belongs to no neuron");
        var group = _neuronGroups[i];
        return (group, (channel - _neuronChannelBases[i]) % group.Count);
    }

    /// <summary>
    /// Before a run: tells each neuron group which of its inputs generators send into (<see cref="ILocalGenerator"/>:
    /// every connection from a generator to a neuron is one of their targets), and gives each connection of a generator
    /// that sends spikes on the grid to a precise neuron's counting input that neuron (<see cref="DeviceTarget.PreciseNeuron"/>).
    /// </summary>
    public void NoteGeneratorTargets()
    {
        foreach (var group in _neuronGroups) group.ClearGeneratorInputs();
        foreach (var group in Groups)
        {
            if (group is not ILocalGenerator generator) continue;
            bool sendsGridSpikes = !generator.SendsCurrent && !group.SendsOffGridSpikes;
            for (int local = 0; local < group.Count; local++)
            {
                var targets = generator.TargetsOf(local);
                for (int thread = 0; thread < targets.Threads; thread++)
                {
                    foreach (ref var target in targets.OfThread(thread))
                    {
                        if (target.Recorder is not null) continue;
                        var neuron = LocateChannel(target.Channel).Group;
                        neuron.NoteGeneratorInput(target.Channel);
                        target.PreciseNeuron = sendsGridSpikes && target.Channel < 0
                            && neuron is IPreciseSpikeReceiver { UsesWeights: true } receiver
                            && receiver.TakesPreciseSpikesOn(target.Channel & int.MaxValue) ? receiver : null;
                    }
                }
            }
        }
    }

    /// <summary>The node id of the neuron behind an encoded input channel.</summary>
    public int NodeOfChannel(int encodedChannel)
    {
        var (group, position) = LocateChannel(encodedChannel);
        return group.IdOf(position);
    }

    /// <summary>The node id of the neuron behind each input channel, indexed by channel (<see cref="ChannelCount"/> entries).</summary>
    public int[] NodeOfEachChannel()
    {
        var nodeOf = new int[ChannelCount];
        for (int i = 0; i < _neuronGroups.Count; i++)
        {
            var group = _neuronGroups[i];
            int first = _neuronChannelBases[i], end = i + 1 < _neuronChannelBases.Count ? _neuronChannelBases[i + 1] : ChannelCount;
            for (int channel = first; channel < end; channel++) nodeOf[channel] = group.IdOf((channel - first) % group.Count);
        }
        return nodeOf;
    }

    /// <summary>The channel an event of <paramref name="weight"/> goes to, for the neuron behind <paramref name="channel"/>.</summary>
    public int RerouteChannel(int channel, int receptor, double weight)
    {
        var (group, position) = LocateChannel(channel);
        return group.RingChannel(group.SpikeChannelAt(position, receptor, weight));
    }

    /// <summary>Whether <paramref name="nodes"/> is a single device that records weights (a synapse model's weight recorder).</summary>
    public bool RecordsWeights(NodeCollection nodes) =>
        nodes.Count == 1 && Locate(nodes.Ids[0]) is var (group, local) && group is IRecorderGroup recorders && recorders.RecorderOf(local) is IWeightSink;

    /// <summary>The spike list of node <paramref name="id"/> if it hands neuromodulatory spikes to synapses (a volume_transmitter), else null.</summary>
    public NeuromodulatorySpikes? VolumeTransmitterSpikes(int id) =>
        Locate(id) is (INeuromodulatorSource source, var local) ? source.SpikesOf(local) : null;

    // ---------------------------------------------------------------- status

    private static string ElementTypeName(ElementType type) => type switch
    {
        ElementType.Neuron => "neuron",
        ElementType.Stimulator => "stimulator",
        ElementType.Other => "other",
        _ => "recorder",
    };

    /// <summary>A model's defaults as GetDefaults shows them.</summary>
    public Dictionary<string, object> DefaultsOf(NodeModel model)
    {
        var status = new Dictionary<string, object>(StringComparer.Ordinal);
        model.Prototype.WriteStatus(0, status);
        status["model"] = model.Name;
        status["element_type"] = ElementTypeName(model.Prototype.ElementType);
        status["global_id"] = 0L;
        status["model_id"] = (long)model.Id;
        status["frozen"] = false;
        status["local"] = true;
        // NEST's prototypes are made when use_wfr has its default, true.
        status["node_uses_wfr"] = model.Prototype.SupportsWaveformRelaxation;
        status["thread"] = -1L;
        status["vp"] = -1L;
        status["thread_local_id"] = -1L;
        if (model.Prototype is NeuronGroup { IsArchivingNode: true })
        {
            status["synaptic_elements"] = _kernel.Structural.DefaultElementsStatus(model);
            status["t_spike"] = -1.0;
            status["archiver_length"] = 0L;
            status["post_trace"] = 0.0;
        }
        return status;
    }

    /// <summary>The status of node <paramref name="id"/>, as GetStatus shows it.</summary>
    public Dictionary<string, object> StatusOf(int id)
    {
        var (group, local) = Locate(id);
        var status = new Dictionary<string, object>(StringComparer.Ordinal);
        group.WriteStatus(local, status);
        status["global_id"] = (long)id;
        status["model"] = group.Model.Name;
        status["element_type"] = ElementTypeName(group.ElementType);
        status["frozen"] = group.IsFrozen(local);
        status["model_id"] = (long)group.Model.Id;
        status["node_uses_wfr"] = group.UsesWaveformRelaxation;
        var layout = _kernel.VirtualProcesses.Layout;
        // A node with proxies (neurons, spike_train_injector, the correlation detectors, a sinusoidal generator with one
        // train) lives on one virtual process in NEST; a device without (one copy per thread) shows its copy on the
        // first thread of this process.
        int vp = group.HasProxies ? layout.VirtualProcessOfNode(id) : layout.VirtualProcessOfSlot(layout.FirstLocal);
        status["local"] = layout.IsLocal(layout.SlotOfVirtualProcess(vp));
        status["thread"] = (long)layout.ThreadOfVirtualProcess(vp);
        status["vp"] = (long)vp;
        status["thread_local_id"] = id <= _threadLocalIdsUpTo ? (long)ThreadLocalId(id, vp) : -1L;
        if (group is NeuronGroup { IsArchivingNode: true })
        {
            status["synaptic_elements"] = _kernel.Structural.ElementsStatus(id);
            status["t_spike"] = _kernel.Archive.LastSpike(id);
            status["archiver_length"] = (long)(_kernel.Archive.Of(id)?.Count ?? 0);
            status["post_trace"] = _kernel.Archive.Of(id)?.LastTrace ?? 0.0;
        }
        return status;
    }

    /// <summary>
    /// Status key <paramref name="key"/> of each node of <paramref name="ids"/> (ascending), as <see cref="StatusOf"/>
    /// shows it, into <paramref name="values"/>: null where a node has no such key. The keys every node has and the
    /// columns of neuron models are read directly, a run of nodes of one group at a time; other keys from each node's
    /// whole status.
    /// </summary>
    public void ValuesOf(ReadOnlySpan<int> ids, string key, Span<object?> values)
    {
        int start = 0;
        while (start < ids.Length)
        {
            var (group, _) = Locate(ids[start]);
            int end = start + 1;
            while (end < ids.Length && ids[end] <= group.LastId) end++;
            ReadRun(group, ids[start..end], key, values[start..end]);
            start = end;
        }
    }

    private void ReadRun(NodeGroup group, ReadOnlySpan<int> ids, string key, Span<object?> values)
    {
        switch (key)
        {
            case "global_id":
                for (int k = 0; k < ids.Length; k++) values[k] = (long)ids[k];
                return;
            case "model":
                values.Fill(group.Model.Name);
                return;
            case "model_id":
                values.Fill((long)group.Model.Id);
                return;
            case "element_type":
                values.Fill(ElementTypeName(group.ElementType));
                return;
            case "node_uses_wfr":
                values.Fill(group.UsesWaveformRelaxation);
                return;
            case "frozen":
                for (int k = 0; k < ids.Length; k++) values[k] = group.IsFrozen(ids[k] - group.FirstId);
                return;
        }
        if (!KeysOfTheKernel.Contains(key))
        {
            var locals = new int[ids.Length];
            for (int k = 0; k < ids.Length; k++) locals[k] = ids[k] - group.FirstId;
            if (group.TryReadStatusValues(key, locals, values)) return;
        }
        for (int k = 0; k < ids.Length; k++) values[k] = StatusOf(ids[k]).GetValueOrDefault(key);
    }

    /// <summary>The keys <see cref="StatusOf"/> writes over the group's status, besides those <see cref="ReadRun"/> computes.</summary>
    private static readonly HashSet<string> KeysOfTheKernel =
        ["local", "thread", "vp", "thread_local_id", "synaptic_elements", "t_spike", "archiver_length", "post_trace"];

    // NEST gives nodes their thread-local ids at Connect and Prepare; nodes created since show -1.
    private int _threadLocalIdsUpTo;

    /// <summary>Gives every node created so far its thread-local id (NEST does this at Connect and Prepare).</summary>
    public void AssignThreadLocalIds() => _threadLocalIdsUpTo = NodeCount;

    /// <summary>
    /// NEST's thread_local_id: how many nodes the thread of <paramref name="vp"/> holds before node <paramref name="id"/>
    /// (its nodes with proxies of lower id, and every device without proxies of lower id, as each thread has a copy of
    /// such a device).
    /// </summary>
    private int ThreadLocalId(int id, int vp)
    {
        int vps = _kernel.VirtualProcesses.Layout.Count;
        int before = 0;
        foreach (var group in _groups)
        {
            if (group.FirstId >= id) break;
            int last = Math.Min(group.LastId, id - 1);
            before += group.HasProxies ? CountCongruent(group.FirstId, last, vp, vps) : last - group.FirstId + 1;
        }
        return before;
    }

    /// <summary>How many integers in [first, last] leave remainder <paramref name="remainder"/> when divided by <paramref name="modulus"/>.</summary>
    private static int CountCongruent(int first, int last, int remainder, int modulus)
    {
        static int UpTo(int n, int r, int m) => n < r ? 0 : (n - r) / m + 1;
        return UpTo(last, remainder, modulus) - UpTo(first - 1, remainder, modulus);
    }

    /// <summary>Sets the same values (or arrays with one value per node, or random parameters) on every node of <paramref name="ids"/>.</summary>
    public void SetStatus(int[] ids, IReadOnlyDictionary<string, object> values)
    {
        RefuseRecordersWhilePrepared(ids, _ => values);
        var commits = StageForNodes(ids, id => Locate(id).Group, values);
        foreach (var commit in commits) commit();
        RepreparePrepared(ids);
    }

    /// <summary>Sets one dictionary per node.</summary>
    public void SetStatus(int[] ids, IReadOnlyList<IReadOnlyDictionary<string, object>> perNode)
    {
        if (perNode.Count != ids.Length)
            throw new BadPropertyException("params", $"{perNode.Count} dictionaries", $"give one dictionary per node ({ids.Length})");
        var commits = new List<Action>();
        for (int i = 0; i < perNode.Count; i++)
        {
            var (group, local) = Locate(ids[i]);
            commits.Add(StageNode(group, local, perNode[i], $"node {ids[i]} ({group.Model.Name})"));
        }
        RefuseRecordersWhilePrepared(ids, i => perNode[i]);
        foreach (var commit in commits) commit();
        RepreparePrepared(ids);
    }

    /// <summary>As NEST: a recorder's parameters are fixed between Prepare and Cleanup (node i is given valuesOf(i)).</summary>
    private void RefuseRecordersWhilePrepared(int[] ids, Func<int, IReadOnlyDictionary<string, object>> valuesOf)
    {
        if (!_kernel.Simulation.IsPrepared) return;
        for (int i = 0; i < ids.Length; i++)
        {
            var group = Locate(ids[i]).Group;
            if (group.ElementType != ElementType.Recorder) continue;
            foreach (var (key, value) in valuesOf(i))
            {
                throw new BadPropertyException(key, value,
                    $"the parameters of recorder {ids[i]} ({group.Model.Name}) cannot be changed between Prepare and Cleanup");
            }
        }
    }

    /// <summary>
    /// Between Prepare and Cleanup, the groups of <paramref name="ids"/> derive their constants again (propagators,
    /// rates, integration constants), so that a change takes effect at the next Run; their state is kept.
    /// </summary>
    private void RepreparePrepared(int[] ids)
    {
        if (!_kernel.Simulation.IsPrepared) return;
        var groups = new List<NodeGroup>();
        foreach (int id in ids)
        {
            var group = Locate(id).Group;
            if (!groups.Contains(group)) groups.Add(group);
        }
        _kernel.Simulation.Reprepare(groups);
    }

    /// <summary>
    /// Checks <paramref name="values"/> for every node (a value for all, an array with one entry per node, or a
    /// <see cref="Parameter"/> drawn per node from the node's keyed stream) and returns the commits. A run of nodes of a
    /// neuron model whose keys are all its columns is checked and written column by column
    /// (<see cref="NeuronGroup.StageColumns"/>: the same checks in the same order, one commit for the run); other nodes
    /// node by node.
    /// </summary>
    private List<Action> StageForNodes(int[] ids, Func<int, NodeGroup> groupOf, IReadOnlyDictionary<string, object> values)
    {
        if (ids.Length == 0) return [];
        ulong operationKey = _kernel.Random.NextOperationKey(0x5E7_57A7);
        var firstGroup = groupOf(ids[0]);
        var keys = new List<NodeKeyValues>(values.Count);
        foreach (var (key, value) in values)
        {
            // A key the model does not have is NEST's unknown-key error (in StageNode), whatever its value's length.
            bool known = firstGroup.SettableKeys.Contains(key) || key is "frozen" or "synaptic_elements" or "synaptic_elements_param";
            if (known && value is Array array && (!firstGroup.TakesArray(key) || IsArrayOfArrays(array)))
            {
                if (array.Length != ids.Length)
                    throw new BadPropertyException(key, value, $"an array gives one value per node and needs {ids.Length} entries, got {array.Length}");
                keys.Add(NodeKeyValues.PerNode(key, array));
            }
            else if (value is Parameter parameter)
            {
                ulong streamPart = StreamPart(key, values);
                keys.Add(NodeKeyValues.Drawn(key, i =>
                {
                    var stream = new RandomStream(RandomStream.Derive(operationKey, (ulong)ids[i], streamPart));
                    return parameter.Draw(ref stream, _kernel.Layers.SiteOfNode(ids[i]));
                }));
            }
            else
            {
                keys.Add(NodeKeyValues.Same(key, value));
            }
        }
        var commits = new List<Action>();
        var nodeValues = new Dictionary<string, object>(keys.Count);
        for (int start = 0, end; start < ids.Length; start = end)
        {
            var group = groupOf(ids[start]);
            end = start + 1;
            while (end < ids.Length && ids[end] >= group.FirstId && ids[end] <= group.LastId) end++;
            if (group is NeuronGroup neurons && neurons.CanStageColumns(keys))
            {
                var locals = new int[end - start];
                for (int i = start; i < end; i++) locals[i - start] = ids[i] - group.FirstId;
                commits.Add(neurons.StageColumns(locals, start, keys));
                continue;
            }
            for (int i = start; i < end; i++)
            {
                nodeValues.Clear();
                foreach (var key in keys) nodeValues[key.Key] = key.At(i);
                commits.Add(StageNode(group, ids[i] - group.FirstId, nodeValues, $"node {ids[i]} ({group.Model.Name})"));
            }
        }
        return commits;
    }

    /// <summary>
    /// Tells apart the streams of the random keys of one Set: the key's length, and above it the key's rank among the
    /// keys of the same length that take a parameter, in ordinal order, so that two keys never draw the same numbers.
    /// </summary>
    private static ulong StreamPart(string key, IReadOnlyDictionary<string, object> values)
    {
        ulong rank = 0;
        foreach (var (other, value) in values)
        {
            if (value is Parameter && other.Length == key.Length && string.CompareOrdinal(other, key) < 0) rank++;
        }
        return (uint)key.Length | (rank << 32);
    }

    private static bool IsArrayOfArrays(Array array) =>
        array.GetType().GetElementType()!.IsArray ||
        (array.GetType().GetElementType() == typeof(object) && array.Length > 0 && array.Cast<object>().All(e => e is Array));

    /// <summary>Checks keys against the model and stages the change of one node (node 0 of a prototype for defaults).</summary>
    public Action StageNode(NodeGroup group, int local, IReadOnlyDictionary<string, object> values, string owner)
    {
        var accepted = new Dictionary<string, object>(values.Count);
        Action? elements = null;
        Action? freeze = null;
        foreach (var (key, value) in values)
        {
            if (key is "synaptic_elements" or "synaptic_elements_param" && group is NeuronGroup { IsArchivingNode: true })
            {
                // A prototype (first id 0) holds a model's defaults: the elements the model's new nodes receive.
                var staged = group.FirstId == 0
                    ? _kernel.Structural.StageDefaultElements(group.Model, key, value, owner)
                    : _kernel.Structural.StageElements(group, local, key, value, owner);
                // As NEST, given both, synaptic_elements (a new set) wins over synaptic_elements_param; both are checked.
                if (elements is null || key == "synaptic_elements") elements = staged;
            }
            else if (key == "frozen")
            {
                bool frozen = StatusValue.ToBool(key, value);
                if (group.FirstId == 0)
                    throw new UnaccessedDictionaryEntryException(owner, key, group.SettableKeys);
                if (frozen && !group.CanFreeze)
                    throw new BadPropertyException(key, value, $"{group.Model.Name} cannot be frozen");
                freeze = () => group.SetFrozen(local, frozen);
            }
            else if (group.SettableKeys.Contains(key))
            {
                accepted[key] = value;
            }
            else if (_kernel.Settings.DictMissIsError)
            {
                // NEST leaves read-only keys unaccessed, as unknown ones.
                throw new UnaccessedDictionaryEntryException(owner, key, group.SettableKeys,
                    ReadOnlyKeys.Contains(key) ? "it is a read-only property" : null);
            }
            else
            {
                Console.Error.WriteLine($"NestSharp warning: {owner} has no parameter '{key}'; ignored (dict_miss_is_error is false).");
            }
        }
        var commit = group.Stage(local, accepted, new StatusContext(_kernel.Simulation.Time, _kernel.Simulation.CurrentStep, _kernel.Simulation.IsPrepared, _kernel.Simulation.Eprop.UpdateInterval));
        return () =>
        {
            commit();
            elements?.Invoke();
            freeze?.Invoke();
        };
    }

    /// <summary>
    /// Writes every group: its model, its size and its nodes' state (<see cref="NodeGroup.SaveState"/>); with
    /// <paramref name="neuronsOnly"/> only the neuron groups, each after its first id (a process's part of a checkpoint
    /// of several: what the other processes do not share, <see cref="RestoreNeurons"/>).
    /// </summary>
    public void SaveCheckpoint(Checkpoint.CheckpointWriter writer, bool neuronsOnly)
    {
        var groups = neuronsOnly ? _groups.Where(g => g is NeuronGroup).ToArray() : [.. _groups];
        writer.Write(groups.Length);
        foreach (var group in groups)
        {
            if (neuronsOnly) writer.Write(group.FirstId);
            writer.Write(group.Model.Name);
            writer.Write(group.Count);
            group.SaveState(writer);
        }
    }

    /// <summary>Creates the groups a checkpoint holds, in their order (so with their ids), and restores their nodes.</summary>
    public void RestoreCheckpoint(Checkpoint.CheckpointReader reader, Checkpoint.RestoreContext context)
    {
        for (int groups = reader.ReadInt(), g = 0; g < groups; g++)
        {
            var model = _kernel.Models.NodeModel(reader.ReadString());
            var group = Create(model, reader.ReadInt(), null);
            group.RestoreState(reader, context);
        }
    }

    /// <summary>
    /// Writes the state only this process has of the groups saying <see cref="NodeGroup.SavesPerProcess"/> (a process's
    /// part of a checkpoint of several), each after its first id, model and size.
    /// </summary>
    public void SavePerProcess(Checkpoint.CheckpointWriter writer)
    {
        var groups = _groups.Where(g => g.SavesPerProcess).ToArray();
        writer.Write(groups.Length);
        foreach (var group in groups)
        {
            writer.Write(group.FirstId);
            writer.Write(group.Model.Name);
            writer.Write(group.Count);
            group.SavePerProcess(writer);
        }
    }

    /// <summary>Adds what another process's <see cref="SavePerProcess"/> wrote to the groups already restored.</summary>
    public void RestorePerProcess(Checkpoint.CheckpointReader reader)
    {
        for (int groups = reader.ReadInt(), g = 0; g < groups; g++)
        {
            ReadPartGroup(reader, "per-process state of ", group => group.SavesPerProcess).RestorePerProcess(reader);
        }
    }

    /// <summary>
    /// Reads the neuron groups another process's part holds (<see cref="SaveCheckpoint"/> with neuronsOnly) into the
    /// groups already restored, taking the state of the nodes <see cref="Checkpoint.RestoreContext.Owned"/> names.
    /// </summary>
    public void RestoreNeurons(Checkpoint.CheckpointReader reader, Checkpoint.RestoreContext context)
    {
        for (int groups = reader.ReadInt(), g = 0; g < groups; g++)
        {
            ReadPartGroup(reader, "", group => group is NeuronGroup).RestoreState(reader, context);
        }
    }

    /// <summary>
    /// Reads the header of a group in another process's part (first id, model, count) and returns the restored group it
    /// names, which must start at that id, match the model and count, and be of the kind <paramref name="expected"/> accepts.
    /// </summary>
    private NodeGroup ReadPartGroup(Checkpoint.CheckpointReader reader, string what, Func<NodeGroup, bool> expected)
    {
        int firstId = reader.ReadInt();
        string model = reader.ReadString();
        int count = reader.ReadInt();
        if (firstId < 1 || firstId > NodeCount) throw reader.Bad($"a part names node {firstId}, which the checkpoint does not have");
        var (group, local) = Locate(firstId);
        if (local != 0 || group.Model.Name != model || group.Count != count || !expected(group))
            throw reader.Bad($"a part holds {what}{count} {model} nodes from {firstId}, which the checkpoint does not");
        return group;
    }
}
