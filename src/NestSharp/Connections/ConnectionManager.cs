using NestSharp.Connections.Rules;
using NestSharp.Kernel;
using NestSharp.Kernel.Communication;
using NestSharp.Models.Devices;
using NestSharp.Models.Synapses;
using NestSharp.Nodes;
using NestSharp.Plasticity;
using NestSharp.Random;

namespace NestSharp.Connections;

/// <summary>
/// Synapse models and every connection: static synapses between spiking nodes (per thread, per model, compressed by
/// source), generator connections (kept by the generators, per target thread), and the connections of recorders.
/// A Connect call checks everything it can first, builds its connections aside, and commits them only if all succeed.
/// </summary>
internal sealed class ConnectionManager : Plasticity.Structural.StructuralPlasticityManager.IConnectionEditor
{
    private readonly NodeManager _nodes;
    private readonly Func<VirtualProcessLayout> _layout;
    private readonly ICommunicator _communicator;
    private readonly Func<TimeGrid> _time;
    private readonly SpikeArchive _archive;
    private readonly List<SynapseModel> _models = [];
    private readonly Dictionary<string, SynapseModel> _modelsByName = new(StringComparer.Ordinal);
    private List<SynapseBlock>[][] _blocks = [];
    private readonly List<RecorderLink> _recorderLinks = [];
    private readonly List<MultimeterLink> _multimeterLinks = [];
    private readonly List<long> _countByModel = [];

    /// <summary>A spiking node's link to a spike recorder.</summary>
    internal readonly record struct RecorderLink(int Source, int Recorder, int SynapseModelId, int DelaySteps, double Weight);

    /// <summary>A multimeter's link to a neuron.</summary>
    internal readonly record struct MultimeterLink(int Meter, int Target, int SynapseModelId, int DelaySteps, double Weight);

    public ConnectionManager(NodeManager nodes, Func<VirtualProcessLayout> layout, Func<TimeGrid> time, SpikeArchive archive, ICommunicator communicator)
    {
        _nodes = nodes;
        _layout = layout;
        _communicator = communicator;
        _time = time;
        _archive = archive;
        SynapseType[] builtIn =
        [
            new StaticSynapse("static_synapse"),
            new StaticSynapse("static_synapse_hpc"),
            new StdpSynapseType<StdpSoftBoundRule>("stdp_synapse", homogeneous: false),
            new StdpSynapseType<StdpSoftBoundRule>("stdp_synapse_hom", homogeneous: true),
            new StdpSynapseType<StdpPowerLawRule>("stdp_pl_synapse_hom", homogeneous: true),
            new StdpSynapseType<StdpPowerLawRule>("stdp_pl_synapse_hom_hpc", homogeneous: true),
            new ClopathSynapse(ClopathSynapse.ModelName),
            new UrbanczikSynapse(UrbanczikSynapse.ModelName),
        ];
        foreach (var type in builtIn) AddModel(new SynapseModel(type.Name, type, _models.Count));
    }

    public long ConnectCalls { get; private set; }

    /// <summary>Bumped whenever connections change, so stale synapse collections can be told apart.</summary>
    public long Version { get; private set; }

    public int MinDelaySteps { get; private set; } = int.MaxValue;
    public int MaxDelaySteps { get; private set; }
    public bool HasConnections => MaxDelaySteps > 0;

    public IEnumerable<string> ModelNames => _modelsByName.Keys;
    public IReadOnlyList<SynapseModel> Models => _models;
    public IReadOnlyList<RecorderLink> RecorderLinks => _recorderLinks;
    public IReadOnlyList<MultimeterLink> MultimeterLinks => _multimeterLinks;

    public long TotalConnections => _countByModel.Sum();

    public long NumConnections(int modelId) => _countByModel[modelId];

    public bool HasModel(string name) => _modelsByName.ContainsKey(name);

    public SynapseModel Model(string name) =>
        _modelsByName.TryGetValue(name, out var m) ? m : throw new UnknownModelException(name, _modelsByName.Keys);

    public SynapseModel AddCopy(string original, string newName) => AddModel(Model(original).Copy(newName, _models.Count));

    private SynapseModel AddModel(SynapseModel model)
    {
        _models.Add(model);
        _modelsByName.Add(model.Name, model);
        _countByModel.Add(0);
        return model;
    }

    /// <summary>The synapse blocks of a thread (one list per synapse model).</summary>
    public List<SynapseBlock>[] BlocksOf(int thread)
    {
        EnsureBlockTables();
        return _blocks[thread];
    }

    private void EnsureBlockTables()
    {
        int threads = _layout().Count;
        if (_blocks.Length != threads)
            _blocks = Enumerable.Range(0, threads).Select(_ => Array.Empty<List<SynapseBlock>>()).ToArray();
        for (int t = 0; t < threads; t++)
        {
            if (_blocks[t].Length < _models.Count)
            {
                var grown = new List<SynapseBlock>[_models.Count];
                Array.Copy(_blocks[t], grown, _blocks[t].Length);
                for (int m = _blocks[t].Length; m < grown.Length; m++) grown[m] = [];
                _blocks[t] = grown;
            }
        }
    }

    /// <summary>Merges each thread's blocks of a model into one (called before a run and before reading connections).</summary>
    public void Consolidate()
    {
        EnsureBlockTables();
        foreach (var perModel in _blocks)
            foreach (var list in perModel)
                if (list.Count > 1)
                {
                    var merged = SynapseBlock.Merge(list);
                    list.Clear();
                    list.Add(merged);
                }
    }

    private enum LinkKind { Synapse, Generator, SpikeRecorder, Multimeter }

    /// <summary>
    /// Connects as the rule says. When <paramref name="created"/> is given, the (source, target) pair of every new
    /// synapse between neurons is added to it (for binding synaptic elements).
    /// </summary>
    public void Connect(int[] sources, int[] targets, ConnSpec spec, SynSpec syn, ulong seedKey, List<(int Source, int Target)>? created = null)
    {
        spec.Validate();
        var model = Model(syn.SynapseModel);
        foreach (var key in syn.Other.Keys)
        {
            if (model.Type.CommonParameters.Any(p => p.Key == key))
                throw new BadParameterException(key, syn.Other[key], $"'{key}' is common to all connections of '{model.Name}'; set it with SetDefaults or CopyModel");
            if (!model.Type.ConnectionParameters.Any(p => p.Key == key))
                throw new UnknownParameterException($"synapse model '{model.Name}'", key, ["synapse_model", .. model.Keys]);
        }
        var kind = ClassifyLink(sources, targets);
        if (model.Type.ReadsPostSynapticHistory && kind != LinkKind.Synapse)
            throw new IllegalConnectionException($"'{model.Name}' is a plastic synapse and connects neurons only; to make devices' spikes plastic, connect them through a parrot_neuron.");
        if (model.Type.ReadsPostSynapticHistory)
            foreach (var g in sources.Select(id => _nodes.Locate(id).Group).Distinct())
                if (g is not NeuronGroup)
                    throw new IllegalConnectionException($"'{model.Name}' is a plastic synapse; its sources must be neurons, not {g.Model.Name} (connect through a parrot_neuron).");
        if (kind == LinkKind.Synapse)
            foreach (var g in targets.Select(id => _nodes.Locate(id).Group).Distinct()) model.Type.CheckTarget((NeuronGroup)g);
        var layout = _layout();
        var grid = _time();
        ulong callKey = RandomStream.Derive(seedKey, 0xC0_44EC7, (ulong)ConnectCalls);

        var targetOwner = new int[targets.Length];
        for (int i = 0; i < targets.Length; i++)
        {
            var (g, local) = _nodes.Locate(targets[i]);
            targetOwner[i] = g.OwnerThread(local);
        }
        if (kind is LinkKind.SpikeRecorder or LinkKind.Multimeter) Array.Fill(targetOwner, 0);
        var context = new RuleContext(sources, targets, targetOwner, callKey, spec);
        var rule = ConnectionRule.For(spec);
        rule.Check(context);

        long? arrayLength = rule.ArrayLength(context);
        var weight = ValueSource.From("weight", syn.Weight, model.Weight, callKey, arrayLength);
        var delay = ValueSource.From("delay", syn.Delay, model.Delay, callKey, arrayLength);
        var receptor = ValueSource.From("receptor_type", syn.ReceptorType, model.ReceptorType, callKey, arrayLength);
        if (syn.ReceptorType is Parameter) throw new BadParameterException("receptor_type", "a random parameter", "receptor_type must be a number or an array of numbers");
        foreach (double d in delay.KnownValues) DelaySteps(d, grid);
        CheckReceptors(kind, sources, targets, receptor);
        var connectionValues = new ValueSource[model.Type.ConnectionParameters.Count];
        for (int i = 0; i < connectionValues.Length; i++)
        {
            string key = model.Type.ConnectionParameters[i].Key;
            connectionValues[i] = ValueSource.From(key, syn.Other.GetValueOrDefault(key), model.ConnectionDefaults[i], callKey, arrayLength);
            foreach (double v in connectionValues[i].KnownValues) model.Type.Validate(key, v);
        }

        var built = kind switch
        {
            LinkKind.Synapse => BuildSynapses(context, rule, model, weight, delay, receptor, connectionValues, layout, grid),
            LinkKind.Generator => BuildGeneratorLinks(context, rule, model, weight, delay, receptor, layout, grid),
            _ => BuildRecorderLinks(context, rule, model, weight, delay, grid, kind),
        };
        built.Commit();
        if (created is not null)
            foreach (var block in built.Blocks)
                for (int si = 0; si < block.SourceCount; si++)
                    for (int i = block.Offsets[si]; i < block.Offsets[si + 1]; i++)
                        created.Add((block.SourceMin + si, TargetOf(block, i)));
        // Every process builds the connections of its own targets; counts and delay extrema are over all of them.
        // Recorder connections exist on every process (each records all spikes), so they count once.
        bool everywhere = kind is LinkKind.SpikeRecorder or LinkKind.Multimeter;
        long count = everywhere ? built.Count : _communicator.Sum(built.Count);
        int minDelay = (int)_communicator.Min(built.Count > 0 ? built.MinDelay : int.MaxValue);
        int maxDelay = (int)_communicator.Max(built.Count > 0 ? built.MaxDelay : 0);
        _countByModel[model.Id] += count;
        if (count > 0)
        {
            MinDelaySteps = Math.Min(MinDelaySteps, minDelay);
            MaxDelaySteps = Math.Max(MaxDelaySteps, maxDelay);
        }
        ConnectCalls++;
        Version++;
    }

    private sealed record Built(long Count, int MinDelay, int MaxDelay, Action Commit)
    {
        /// <summary>The new synapse blocks (empty for device connections).</summary>
        public IReadOnlyList<SynapseBlock> Blocks { get; init; } = [];
    }

    private LinkKind ClassifyLink(int[] sources, int[] targets)
    {
        var sourceKinds = sources.Select(id => _nodes.Locate(id).Group).Distinct().ToList();
        var targetKinds = targets.Select(id => _nodes.Locate(id).Group).Distinct().ToList();
        bool Spiking(NodeGroup g) => g is NeuronGroup or SpikeGenerator;
        foreach (var g in sourceKinds)
            if (g is SpikeRecorder)
                throw new IllegalConnectionException($"{g.Model.Name} is a recorder and cannot be the source of a connection.");
        foreach (var g in targetKinds)
            if (g.ElementType == ElementType.Stimulator)
                throw new IllegalConnectionException($"{g.Model.Name} is a stimulator and cannot be the target of a connection.");
            else if (g is Multimeter)
                throw new IllegalConnectionException($"{g.Model.Name} samples neurons: connect it as the source (Connect(multimeter, neurons)).");

        if (targetKinds.All(g => g is SpikeRecorder))
        {
            if (sourceKinds.All(Spiking)) return LinkKind.SpikeRecorder;
            throw new IllegalConnectionException($"spike_recorder records spiking nodes (neurons, spike_generator), not {string.Join(", ", sourceKinds.Where(g => !Spiking(g)).Select(g => g.Model.Name).Distinct())}; connect generators to a parrot_neuron and record that.");
        }
        if (targetKinds.Any(g => g is SpikeRecorder))
            throw new IllegalConnectionException("A Connect call cannot mix spike recorders with other targets.");
        if (sourceKinds.All(g => g is Multimeter)) return LinkKind.Multimeter;
        if (sourceKinds.All(g => g is ILocalGenerator)) return LinkKind.Generator;
        if (sourceKinds.All(Spiking)) return LinkKind.Synapse;
        throw new IllegalConnectionException(
            $"A Connect call cannot mix these source models: {string.Join(", ", sourceKinds.Select(g => g.Model.Name).Distinct())}.");
    }

    private void CheckReceptors(LinkKind kind, int[] sources, int[] targets, ValueSource receptor)
    {
        if (kind is not (LinkKind.Synapse or LinkKind.Generator)) return;
        bool currents = kind == LinkKind.Generator && sources.Any(id => _nodes.Locate(id).Group is ILocalGenerator { SendsCurrent: true });
        var receptors = receptor.KnownValues.Distinct().ToArray();
        foreach (var group in targets.Select(id => _nodes.Locate(id).Group).Distinct().OfType<NeuronGroup>())
            foreach (double r in receptors)
            {
                if (r != Math.Floor(r) || r < 0) throw new BadParameterException("receptor_type", r, "must be a non-negative integer");
                if (currents) group.CurrentChannel(0, (int)r);
                else group.SpikeChannel(0, (int)r, 1.0);
            }
    }

    private static int DelaySteps(double delayMs, TimeGrid grid)
    {
        long steps = grid.DelayToSteps(delayMs);
        if (!(delayMs >= 0) || steps < 1)
            throw new BadParameterException("delay", delayMs, $"delay must be greater than or equal to the resolution ({grid.Resolution} ms)");
        if (steps > SynapseBlock.MaxDelaySteps)
            throw new BadParameterException("delay", delayMs, $"delays up to {SynapseBlock.MaxDelaySteps} steps ({SynapseBlock.MaxDelaySteps * grid.Resolution} ms) are supported");
        return (int)steps;
    }

    private Built BuildSynapses(RuleContext context, ConnectionRule rule, SynapseModel model, ValueSource weight,
        ValueSource delay, ValueSource receptor, ValueSource[] connectionValues, VirtualProcessLayout layout, TimeGrid grid)
    {
        int threads = layout.Count;
        var targetGroups = new NeuronGroup[context.Targets.Length];
        var targetLocal = new int[context.Targets.Length];
        for (int i = 0; i < targetGroups.Length; i++)
        {
            var (g, local) = _nodes.Locate(context.Targets[i]);
            targetGroups[i] = (NeuronGroup)g;
            targetLocal[i] = local;
        }
        int sourceMin = context.Sources.Length == 0 ? 0 : context.Sources.Min();
        int sourceMax = context.Sources.Length == 0 ? -1 : context.Sources.Max();
        var blocks = new SynapseBlock?[threads];
        var minDelay = new int[threads];
        var maxDelay = new int[threads];
        RunPerThread(layout, t =>
        {
            var counter = new CountingSink(context.Sources, sourceMin, sourceMax);
            rule.Generate(context, t, counter);
            var offsets = counter.Offsets();
            if (offsets[^1] == 0) return;
            var block = new SynapseBlock(model.Id, model.Type.Layout, sourceMin, offsets);
            var filler = new FillingSink(context, block, targetGroups, targetLocal, weight, delay, receptor, connectionValues, model.Type, grid);
            rule.Generate(context, t, filler);
            blocks[t] = block;
            minDelay[t] = filler.MinDelay;
            maxDelay[t] = filler.MaxDelay;
        });
        long count = blocks.Sum(b => (long)(b?.Count ?? 0));
        int min = int.MaxValue, max = 0;
        for (int t = 0; t < threads; t++)
            if (blocks[t] is not null) { min = Math.Min(min, minDelay[t]); max = Math.Max(max, maxDelay[t]); }
        return new Built(count, min, max, () =>
        {
            EnsureBlockTables();
            for (int t = 0; t < threads; t++)
                if (blocks[t] is { } b)
                {
                    _blocks[t][model.Id].Add(b);
                    if (model.Type.ReadsPostSynapticHistory) RegisterWithTargets(b, grid);
                }
        }) { Blocks = blocks.OfType<SynapseBlock>().ToArray() };
    }

    /// <summary>Tells each target of new plastic synapses to keep its spike history for them (from t_lastspike - delay on).</summary>
    private void RegisterWithTargets(SynapseBlock block, TimeGrid grid)
    {
        int[] targets = block.Indices[0];
        int lastSpike = block.Layout.StateIndex("t_lastspike");
        for (int i = 0; i < block.Count; i++)
        {
            double delayMs = grid.StepToMs(block.Delays[i]);
            _archive.Register(targets[i], block.State[lastSpike][i] - delayMs, delayMs);
        }
    }

    /// <summary>Runs <paramref name="work"/> for every local virtual process in parallel; an error of one is rethrown as it was.</summary>
    private static void RunPerThread(VirtualProcessLayout layout, Action<int> work)
    {
        try
        {
            Parallel.For(layout.FirstLocal, layout.FirstLocal + layout.ThreadsPerRank,
                new ParallelOptions { MaxDegreeOfParallelism = layout.ThreadsPerRank }, work);
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is NestException) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
    }

    private sealed class CountingSink(int[] sources, int sourceMin, int sourceMax) : ConnectionSink
    {
        private readonly int[] _counts = new int[Math.Max(0, sourceMax - sourceMin + 1)];

        public override void Add(int sourceIndex, int targetIndex, int unitId, int ordinal, long arrayIndex) =>
            _counts[sources[sourceIndex] - sourceMin]++;

        public int[] Offsets()
        {
            var offsets = new int[_counts.Length + 1];
            for (int i = 0; i < _counts.Length; i++) offsets[i + 1] = checked(offsets[i] + _counts[i]);
            return offsets;
        }
    }

    private sealed class FillingSink(RuleContext context, SynapseBlock block, NeuronGroup[] targetGroups, int[] targetLocal,
        ValueSource weight, ValueSource delay, ValueSource receptor, ValueSource[] connectionValues, SynapseType type, TimeGrid grid)
        : ConnectionSink
    {
        private readonly double[] _values = new double[connectionValues.Length];
        private readonly int[] _cursor = (int[])block.Offsets.Clone();
        private readonly int _constantDelay = delay.IsConstant ? DelaySteps(delay.Constant, grid) : 0;
        public int MinDelay { get; private set; } = int.MaxValue;
        public int MaxDelay { get; private set; }

        public override void Add(int sourceIndex, int targetIndex, int unitId, int ordinal, long arrayIndex)
        {
            int at = _cursor[context.Sources[sourceIndex] - block.SourceMin]++;
            double w = weight.ValueFor(unitId, ordinal, arrayIndex);
            int d = delay.IsConstant ? _constantDelay : DelaySteps(delay.ValueFor(unitId, ordinal, arrayIndex), grid);
            int r = receptor.IsConstant ? (int)receptor.Constant : (int)receptor.ValueFor(unitId, ordinal, arrayIndex);
            var group = targetGroups[targetIndex];
            block.Channels[at] = group.RingChannel(group.SpikeChannel(targetLocal[targetIndex], r, w));
            block.Weights[at] = w;
            block.Delays[at] = (ushort)d;
            block.SetReceptor(at, r);
            if (_values.Length > 0)
            {
                for (int c = 0; c < _values.Length; c++)
                {
                    _values[c] = connectionValues[c].ValueFor(unitId, ordinal, arrayIndex);
                    if (!connectionValues[c].IsConstant) type.Validate(connectionValues[c].Name, _values[c]);
                }
                type.Initialise(block, at, _values, context.Targets[targetIndex]);
            }
            if (d < MinDelay) MinDelay = d;
            if (d > MaxDelay) MaxDelay = d;
        }
    }

    private Built BuildGeneratorLinks(RuleContext context, ConnectionRule rule, SynapseModel model, ValueSource weight,
        ValueSource delay, ValueSource receptor, VirtualProcessLayout layout, TimeGrid grid)
    {
        var staged = new List<(DeviceTargets Targets, int Thread, DeviceTarget Target)>();
        int min = int.MaxValue, max = 0;
        var sink = new ActionSink((s, t, unit, ordinal, index) =>
        {
            var (sourceGroup, sourceLocal) = _nodes.Locate(context.Sources[s]);
            var generator = (ILocalGenerator)sourceGroup;
            var (targetGroup, targetLocal) = _nodes.Locate(context.Targets[t]);
            var neuron = (NeuronGroup)targetGroup;
            double w = weight.ValueFor(unit, ordinal, index);
            int d = DelaySteps(delay.ValueFor(unit, ordinal, index), grid);
            int r = (int)receptor.ValueFor(unit, ordinal, index);
            int channel = generator.SendsCurrent ? neuron.CurrentChannel(targetLocal, r) : neuron.SpikeChannel(targetLocal, r, w);
            channel = neuron.RingChannel(channel);
            staged.Add((generator.TargetsOf(sourceLocal), neuron.OwnerThread(targetLocal), new DeviceTarget
            {
                TargetId = context.Targets[t], Channel = channel, Weight = w, DelaySteps = d, Receptor = r, SynapseModelId = model.Id,
            }));
            min = Math.Min(min, d);
            max = Math.Max(max, d);
        });
        foreach (int vp in layout.Local) rule.Generate(context, vp, sink);
        return new Built(staged.Count, min, max, () =>
        {
            foreach (var (targets, thread, target) in staged)
            {
                targets.EnsureThreads(layout.Count);
                targets.Add(thread, target);
            }
        });
    }

    private Built BuildRecorderLinks(RuleContext context, ConnectionRule rule, SynapseModel model, ValueSource weight,
        ValueSource delay, TimeGrid grid, LinkKind kind)
    {
        var recorders = new List<RecorderLink>();
        var meters = new List<MultimeterLink>();
        int min = int.MaxValue, max = 0;
        var sink = new ActionSink((s, t, unit, ordinal, index) =>
        {
            int d = DelaySteps(delay.ValueFor(unit, ordinal, index), grid);
            double w = weight.ValueFor(unit, ordinal, index);
            if (kind == LinkKind.SpikeRecorder) recorders.Add(new RecorderLink(context.Sources[s], context.Targets[t], model.Id, d, w));
            else meters.Add(new MultimeterLink(context.Sources[s], context.Targets[t], model.Id, d, w));
            min = Math.Min(min, d);
            max = Math.Max(max, d);
        });
        rule.Generate(context, 0, sink);
        if (kind == LinkKind.Multimeter) CheckRecordables(meters);
        return new Built(recorders.Count + meters.Count, min, max, () =>
        {
            _recorderLinks.AddRange(recorders);
            _multimeterLinks.AddRange(meters);
        });
    }

    private void CheckRecordables(List<MultimeterLink> links)
    {
        foreach (var link in links)
        {
            var (mg, ml) = _nodes.Locate(link.Meter);
            var meter = ((Multimeter)mg).Nodes[ml];
            var (tg, _) = _nodes.Locate(link.Target);
            if (tg is not NeuronGroup neuron)
                throw new IllegalConnectionException($"multimeter can only sample neurons, not {tg.Model.Name}.");
            foreach (var name in meter.RecordFrom)
                if (neuron.RecordableIndex(name) < 0)
                    throw new IllegalConnectionException(
                        $"{neuron.Model.Name} has no recordable '{name}'. Its recordables: {string.Join(", ", neuron.Recordables)}.");
        }
    }

    private sealed class ActionSink(Action<int, int, int, int, long> add) : ConnectionSink
    {
        public override void Add(int sourceIndex, int targetIndex, int unitId, int ordinal, long arrayIndex) =>
            add(sourceIndex, targetIndex, unitId, ordinal, arrayIndex);
    }

    // ---------------------------------------------------------------- editing single synapses (structural plasticity, Disconnect)

    /// <summary>The target of synapse <paramref name="index"/> of a block.</summary>
    private int TargetOf(SynapseBlock block, int index)
    {
        var (group, local) = _nodes.LocateChannel(block.Channels[index]);
        return group.FirstId + local;
    }

    /// <summary>The targets of <paramref name="source"/>'s synapses of a model, sorted (collective: from all processes).</summary>
    public List<int> TargetsOf(int source, string model)
    {
        int id = Model(model).Id;
        EnsureBlockTables();
        var targets = new List<int>();
        foreach (var perModel in _blocks)
            foreach (var block in perModel[id])
            {
                var (first, last) = block.RangeOf(source);
                for (int i = first; i < last; i++) targets.Add(TargetOf(block, i));
            }
        return SortedFromAllProcesses(targets);
    }

    private List<int> SortedFromAllProcesses(List<int> local)
    {
        if (_communicator.Size > 1)
        {
            int[] all = [];
            int n = _communicator.AllGather(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(local), ref all);
            local = [.. all.AsSpan(0, n)];
        }
        local.Sort();
        return local;
    }

    /// <summary>The sources of <paramref name="target"/>'s synapses of a model, sorted (collective: from all processes).</summary>
    public List<int> SourcesOf(int target, string model)
    {
        int id = Model(model).Id;
        EnsureBlockTables();
        var sources = new List<int>();
        foreach (var perModel in _blocks)
            foreach (var block in perModel[id])
                for (int s = 0; s < block.SourceCount; s++)
                    for (int i = block.Offsets[s]; i < block.Offsets[s + 1]; i++)
                        if (TargetOf(block, i) == target) sources.Add(block.SourceMin + s);
        return SortedFromAllProcesses(sources);
    }

    /// <summary>
    /// Removes the first (oldest) synapse of <paramref name="model"/> from source to target, if any (collective: the
    /// process that owns the target removes it, every process counts it).
    /// </summary>
    public bool RemoveOne(int source, int target, string model)
    {
        var synapseModel = Model(model);
        bool removed = RemoveLocal(source, target, synapseModel);
        if (_communicator.Size > 1) removed = _communicator.Sum(removed ? 1 : 0) > 0;
        if (!removed) return false;
        _countByModel[synapseModel.Id]--;
        Version++;
        return true;
    }

    private bool RemoveLocal(int source, int target, SynapseModel synapseModel)
    {
        EnsureBlockTables();
        foreach (var perModel in _blocks)
        {
            var list = perModel[synapseModel.Id];
            for (int b = 0; b < list.Count; b++)
            {
                var (first, last) = list[b].RangeOf(source);
                for (int i = first; i < last; i++)
                {
                    if (TargetOf(list[b], i) != target) continue;
                    if (synapseModel.Type.ReadsPostSynapticHistory) _archive.Of(target)?.Unregister();
                    list[b] = list[b].Without(i);
                    return true;
                }
            }
        }
        return false;
    }

    void Plasticity.Structural.StructuralPlasticityManager.IConnectionEditor.RemoveOne(int source, int target, string model) =>
        RemoveOne(source, target, model);

    public void ConnectPairs(int[] sources, int[] targets, string model, ulong seedKey) =>
        Connect(sources, targets, Rule.OneToOne(), new SynSpec { SynapseModel = model }, seedKey);
}
