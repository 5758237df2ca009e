using NestSharp.Connections.Rules;
using NestSharp.Kernel;
using NestSharp.Models.Synapses;
using NestSharp.Nodes;
using NestSharp.Random;

namespace NestSharp.Connections;

/// <summary>A spiking node's link to a spike-recording device.</summary>
internal readonly record struct SpikeRecordingLink(int Source, int Recorder, int SynapseModelId, int DelaySteps, double Weight);

/// <summary>A sampling device's link to a neuron it samples.</summary>
internal readonly record struct SamplingLink(int Sampler, int Target, int SynapseModelId, int DelaySteps, double Weight);

/// <summary>
/// Every connection (NEST's ConnectionManager): synapses between spiking nodes (per virtual process and synapse model,
/// compressed by source, in the <see cref="SynapseStore"/>), generator connections (kept by the generators, per target
/// thread), and the links of recording devices. A Connect call checks everything it can first, builds its connections
/// aside, and commits them only if all succeed. Also GetConnections and the edits of connections. Keys
/// num_connections, min_delay, max_delay, connection_rules, time_construction_connect.
/// </summary>
internal sealed class ConnectionManager : IKernelManager, Plasticity.Structural.StructuralPlasticityManager.IConnectionEditor
{
    private readonly Dictionary<int, long> _countByModel = [];
    private Kernel.KernelManager _kernel = null!;

    public SynapseStore Store { get; private set; } = null!;

    public long ConnectCalls { get; private set; }

    /// <summary>Bumped whenever connections change, so stale synapse collections can be told apart.</summary>
    public long Version { get; private set; }

    public int MinDelaySteps { get; private set; } = int.MaxValue;
    public int MaxDelaySteps { get; private set; }
    public bool HasConnections => MaxDelaySteps > 0;
    public TimeSpan ConnectTime { get; private set; }

    /// <summary>The links of recording devices (spike recorders and samplers) to the nodes they record.</summary>
    public RecordingLinks RecordingLinks { get; private set; } = null!;

    public IReadOnlyList<SpikeRecordingLink> SpikeRecordingLinks => RecordingLinks.SpikeLinks;
    public IReadOnlyList<SamplingLink> SamplingLinks => RecordingLinks.SamplingLinks;

    public long TotalConnections => _countByModel.Values.Sum();

    public long NumConnections(int modelId) => _countByModel.GetValueOrDefault(modelId);

    public IReadOnlyCollection<string> SettableKeys => [];

    public void Initialize(Kernel.KernelManager kernel)
    {
        _kernel = kernel;
        Store = new SynapseStore(kernel.Nodes);
        RecordingLinks = new RecordingLinks(kernel.Nodes);
    }

    public void GetStatus(Dictionary<string, object> status)
    {
        var time = _kernel.Simulation.Time;
        var (min, max) = DelayExtrema();
        status["num_connections"] = TotalConnections;
        status["min_delay"] = time.StepToMs(min);
        status["max_delay"] = time.StepToMs(max);
        status["connection_rules"] = Catalog.ConnectionRules.Keys.Order(StringComparer.Ordinal).ToArray();
        status["time_construction_connect"] = ConnectTime.TotalSeconds;
    }

    public Action? StageStatus(KernelStatusChange change) => null;

    /// <summary>The smallest and largest delay (steps) of any connection, or of any synapse structural plasticity may create.</summary>
    public (int Min, int Max) DelayExtrema()
    {
        int min = HasConnections ? MinDelaySteps : int.MaxValue;
        int max = HasConnections ? MaxDelaySteps : 0;
        // As NEST, the default delays of the registered structural-plasticity synapses count, enabled or not.
        foreach (var builder in _kernel.Structural.Builders)
        {
            int d = (int)_kernel.Simulation.Time.DelayToSteps(_kernel.Models.SynapseModel(builder.SynapseModel).Delay);
            min = Math.Min(min, d);
            max = Math.Max(max, d);
        }

        return min == int.MaxValue ? (1, 1) : (min, max);
    }

    private void EnsureTables() => Store.EnsureTables(_kernel.VirtualProcesses.Layout.Count, _kernel.Models.SynapseModels.Count);

    /// <summary>Before a run (and after structural changes): the synapse tables each local virtual process delivers through.</summary>
    public void PrepareDelivery(int virtualProcesses, Kernel.Communication.VirtualProcessLayout layout)
    {
        EnsureTables();
        Store.PrepareDelivery(layout);
    }

    /// <summary>The synapse blocks virtual process <paramref name="vp"/> delivers through, one per synapse model, in model order.</summary>
    public SynapseBlock[] BlocksToDeliver(int vp) => Store.DeliveryTable(vp);

    /// <summary>Merges the blocks of each Connect call (before reading connections).</summary>
    public void Consolidate()
    {
        EnsureTables();
        Store.Consolidate();
    }

    private enum LinkKind { Synapse, Generator, SpikeRecording, Sampling }

    /// <summary>
    /// Connects <paramref name="sources"/> to <paramref name="targets"/> as the rule says, with the synapse model and
    /// values of <paramref name="syn"/>. A syn_spec that names pre- and post-synaptic elements binds the new synapses
    /// to them (structural plasticity then treats them as its own).
    /// </summary>
    public void Connect(int[] sources, int[] targets, ConnSpec spec, SynSpec syn)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (preElement, postElement, plain) = Plasticity.Structural.StructuralPlasticityManager.SynapticElementsOf(syn, spec.Rule);
        var created = preElement is null ? null : new List<(int Source, int Target)>();
        Connect(sources, targets, spec, plain, _kernel.Random.SeedKey, created);
        if (created is not null) _kernel.Structural.Bind(created, preElement!, postElement!);
        ConnectTime += clock.Elapsed;
    }

    /// <summary>
    /// Connects as the rule says. When <paramref name="created"/> is given, the (source, target) pair of every new
    /// synapse between neurons is added to it (for binding synaptic elements).
    /// </summary>
    private void Connect(int[] sources, int[] targets, ConnSpec spec, SynSpec syn, ulong seedKey, List<(int Source, int Target)>? created)
    {
        var rule = Catalog.CreateRule(spec);
        var model = _kernel.Models.SynapseModel(syn.SynapseModel);
        var schema = model.Type.Schema;
        foreach (var key in syn.Other.Keys)
        {
            if (schema.Common.Any(p => p.Key == key))
                throw new BadPropertyException(key, syn.Other[key], $"'{key}' is common to all connections of '{model.Name}'; set it with SetDefaults or CopyModel");
            if (!schema.PerConnection.Any(p => p.Key == key))
                throw new UnaccessedDictionaryEntryException($"synapse model '{model.Name}'", key, ["synapse_model", .. model.Keys]);
        }
        var nodes = _kernel.Nodes;
        foreach (var group in DistinctGroups(sources)) model.Type.CheckSource(group);
        var kind = Classify(sources, targets);
        if (kind == LinkKind.Synapse)
            foreach (var group in DistinctGroups(targets)) model.Type.CheckTarget((NeuronGroup)group);
        var layout = _kernel.VirtualProcesses.Layout;
        var grid = _kernel.Simulation.Time;
        ulong callKey = RandomStream.Derive(seedKey, 0xC0_44EC7, (ulong)ConnectCalls);

        var targetOwner = new int[targets.Length];
        for (int i = 0; i < targets.Length; i++)
        {
            var (g, local) = nodes.Locate(targets[i]);
            targetOwner[i] = g.OwnerThread(local);
        }
        if (kind is LinkKind.SpikeRecording or LinkKind.Sampling) Array.Fill(targetOwner, 0);
        var context = new RuleContext(sources, targets, targetOwner, callKey);
        rule.Check(context);

        long? arrayLength = rule.ArrayLength(context);
        if (syn.ReceptorType is Parameter) throw new BadPropertyException("receptor_type", "a random parameter", "receptor_type must be a number or an array of numbers");
        var values = new ConnectionValues(
            ValueSource.From("weight", syn.Weight, model.Weight, callKey, arrayLength),
            ValueSource.From("delay", syn.Delay, model.Delay, callKey, arrayLength),
            ValueSource.From("receptor_type", syn.ReceptorType, model.ReceptorType, callKey, arrayLength),
            new ValueSource[schema.PerConnection.Count]);
        foreach (double d in values.Delay.KnownValues) SynapseBuilder.DelaySteps(d, grid);
        CheckReceptors(kind, sources, targets, values.Receptor);
        for (int i = 0; i < values.PerConnection.Length; i++)
        {
            string key = schema.PerConnection[i].Key;
            values.PerConnection[i] = ValueSource.From(key, syn.Other.GetValueOrDefault(key), model.ConnectionDefaults[i], callKey, arrayLength);
            foreach (double v in values.PerConnection[i].KnownValues) schema.Check(key, v);
        }

        var built = kind switch
        {
            LinkKind.Synapse => BuildSynapses(context, rule, model, values, layout, grid),
            LinkKind.Generator => BuildGeneratorLinks(context, rule, model, values, layout, grid),
            _ => BuildRecordingLinks(context, rule, model, values, grid, kind),
        };
        built.Commit();
        if (created is not null)
        {
            foreach (var block in built.Blocks)
            {
                for (int si = 0; si < block.SourceCount; si++)
                {
                    for (int i = block.Offsets[si]; i < block.Offsets[si + 1]; i++)
                        created.Add((block.SourceMin + si, Store.TargetOf(block, i)));
                }
            }
        }
        // Every process builds the connections of its own targets; counts and delay extrema are over all of them.
        // Recording links exist on every process (each records all spikes), so they count once.
        var communicator = _kernel.VirtualProcesses.Communicator;
        bool everywhere = kind is LinkKind.SpikeRecording or LinkKind.Sampling;
        long count = everywhere ? built.Count : communicator.Sum(built.Count);
        int minDelay = (int)communicator.Min(built.Count > 0 ? built.MinDelay : int.MaxValue);
        int maxDelay = (int)communicator.Max(built.Count > 0 ? built.MaxDelay : 0);
        _countByModel[model.Id] = NumConnections(model.Id) + count;
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

    private IEnumerable<NodeGroup> DistinctGroups(int[] ids) => ids.Select(id => _kernel.Nodes.Locate(id).Group).Distinct();

    private static bool RecordsSpikes(NodeGroup g) => g is IRecorderGroup r && r.RecorderOf(0) is ISpikeSink;

    private static bool Samples(NodeGroup g) => g is IRecorderGroup r && r.RecorderOf(0) is ISampler;

    private LinkKind Classify(int[] sources, int[] targets)
    {
        var sourceGroups = DistinctGroups(sources).ToList();
        var targetGroups = DistinctGroups(targets).ToList();
        foreach (var g in sourceGroups)
        {
            if (g is IRecorderGroup && !Samples(g))
                throw new IllegalConnectionException($"{g.Model.Name} is a recorder and cannot be the source of a connection.");
        }

        foreach (var g in targetGroups)
        {
            if (g.ElementType == ElementType.Stimulator && !(g is ISampledGroup && sourceGroups.All(Samples)))
            {
                throw new IllegalConnectionException($"{g.Model.Name} is a stimulator and cannot be the target of a connection.");
            }
            else if (Samples(g))
            {
                throw new IllegalConnectionException($"{g.Model.Name} samples neurons: connect it as the source (Connect({g.Model.Name}, neurons)).");
            }
            else if (g is IRecorderGroup && !RecordsSpikes(g))
            {
                throw new IllegalConnectionException(
                    $"{g.Model.Name} is not connected to: it records the synapses of a synapse model that names it as its weight recorder (CopyModel or SetDefaults).");
            }
        }

        if (targetGroups.All(RecordsSpikes))
        {
            if (sourceGroups.All(g => g.EmitsSpikes)) return LinkKind.SpikeRecording;
            throw new IllegalConnectionException($"{string.Join(", ", targetGroups.Select(g => g.Model.Name).Distinct())} records spiking nodes (neurons, spike generators), not {string.Join(", ", sourceGroups.Where(g => !g.EmitsSpikes).Select(g => g.Model.Name).Distinct())}; connect generators to a parrot neuron and record that.");
        }
        if (targetGroups.Any(RecordsSpikes))
            throw new IllegalConnectionException("A Connect call cannot mix spike recorders with other targets.");
        if (sourceGroups.All(Samples)) return LinkKind.Sampling;
        if (sourceGroups.All(g => g is ILocalGenerator)) return LinkKind.Generator;
        if (sourceGroups.All(g => g.EmitsSpikes)) return LinkKind.Synapse;
        throw new IllegalConnectionException(
            $"A Connect call cannot mix these source models: {string.Join(", ", sourceGroups.Select(g => g.Model.Name).Distinct())}.");
    }

    private void CheckReceptors(LinkKind kind, int[] sources, int[] targets, ValueSource receptor)
    {
        if (kind is not (LinkKind.Synapse or LinkKind.Generator)) return;
        bool currents = kind == LinkKind.Generator && sources.Any(id => _kernel.Nodes.Locate(id).Group is ILocalGenerator { SendsCurrent: true });
        var receptors = receptor.KnownValues.Distinct().ToArray();
        foreach (var group in DistinctGroups(targets).OfType<NeuronGroup>())
        {
            foreach (double r in receptors)
            {
                if (r != Math.Floor(r) || r < 0) throw new BadPropertyException("receptor_type", r, "must be a non-negative integer");
                if (currents) group.CurrentChannel(0, (int)r);
                else group.SpikeChannel(0, (int)r, 1.0);
            }
        }
    }

    private Built BuildSynapses(RuleContext context, ConnectionRule rule, SynapseModel model, ConnectionValues values,
        Kernel.Communication.VirtualProcessLayout layout, TimeGrid grid)
    {
        var (blocks, min, max) = SynapseBuilder.Build(context, rule, model, values, _kernel.Nodes, layout, grid);
        long count = blocks.Sum(b => (long)(b?.Count ?? 0));
        void Commit()
        {
            EnsureTables();
            for (int vp = 0; vp < blocks.Length; vp++)
            {
                if (blocks[vp] is { } block)
                {
                    Store.Add(vp, block);
                    if (model.Type.ReadsPostSynapticHistory) RegisterWithTargets(block, model.Type, grid);
                }
            }
        }
        return new Built(count, min, max, Commit) { Blocks = blocks.OfType<SynapseBlock>().ToArray() };
    }

    /// <summary>Tells each target of new plastic synapses to keep its spike history for them (from t_lastspike - delay on).</summary>
    private void RegisterWithTargets(SynapseBlock block, SynapseType type, TimeGrid grid)
    {
        int[] targets = block.Indices[SynapseSchema.TargetColumn];
        for (int i = 0; i < block.Count; i++)
        {
            double delayMs = grid.StepToMs(block.Delays[i]);
            _kernel.Archive.Register(targets[i], type.LastSpikeTime(block, i) - delayMs, delayMs);
        }
    }

    private Built BuildGeneratorLinks(RuleContext context, ConnectionRule rule, SynapseModel model, ConnectionValues values,
        Kernel.Communication.VirtualProcessLayout layout, TimeGrid grid)
    {
        var nodes = _kernel.Nodes;
        var staged = new List<(DeviceTargets Targets, int Thread, DeviceTarget Target)>();
        int min = int.MaxValue, max = 0;
        var sink = new ActionSink((s, t, unit, ordinal, index) =>
        {
            var (sourceGroup, sourceLocal) = nodes.Locate(context.Sources[s]);
            var generator = (ILocalGenerator)sourceGroup;
            var (targetGroup, targetLocal) = nodes.Locate(context.Targets[t]);
            var neuron = (NeuronGroup)targetGroup;
            double w = values.Weight.ValueFor(unit, ordinal, index);
            int d = SynapseBuilder.DelaySteps(values.Delay.ValueFor(unit, ordinal, index), grid);
            int r = (int)values.Receptor.ValueFor(unit, ordinal, index);
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

    private Built BuildRecordingLinks(RuleContext context, ConnectionRule rule, SynapseModel model, ConnectionValues values, TimeGrid grid, LinkKind kind)
    {
        var staged = RecordingLinks.Stage(context, rule, model, values, grid, sampling: kind == LinkKind.Sampling);
        return new Built(staged.Count, staged.MinDelay, staged.MaxDelay, () => RecordingLinks.Commit(staged));
    }

    internal sealed class ActionSink(Action<int, int, int, int, long> add) : ConnectionSink
    {
        public override void Add(int sourceIndex, int targetIndex, int unitId, int ordinal, long arrayIndex) =>
            add(sourceIndex, targetIndex, unitId, ordinal, arrayIndex);
    }

    // ---------------------------------------------------------------- queries and edits

    /// <summary>The connections GetConnections reports (see <see cref="ConnectionQuery"/>).</summary>
    public SynapseCollection GetConnections(Simulator kernel, int[]? sources, int[]? targets, string? synapseModel) =>
        ConnectionQuery.Run(kernel, _kernel, sources, targets, synapseModel);

    /// <summary>The targets of <paramref name="source"/>'s synapses of a model, sorted (collective: from all processes).</summary>
    public List<int> TargetsOf(int source, string model)
    {
        EnsureTables();
        return SortedFromAllProcesses(Store.TargetsOf(source, _kernel.Models.SynapseModel(model).Id));
    }

    /// <summary>The sources of <paramref name="target"/>'s synapses of a model, sorted (collective: from all processes).</summary>
    public List<int> SourcesOf(int target, string model)
    {
        EnsureTables();
        return SortedFromAllProcesses(Store.SourcesOf(target, _kernel.Models.SynapseModel(model).Id));
    }

    private List<int> SortedFromAllProcesses(List<int> local)
    {
        var communicator = _kernel.VirtualProcesses.Communicator;
        if (communicator.Size > 1)
        {
            int[] all = [];
            int n = communicator.AllGather(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(local), ref all);
            local = [.. all.AsSpan(0, n)];
        }
        local.Sort();
        return local;
    }

    /// <summary>
    /// Removes the first (oldest) synapse of <paramref name="model"/> from source to target, if any (collective: the
    /// process that owns the target removes it, every process counts it).
    /// </summary>
    public bool RemoveOne(int source, int target, string model)
    {
        var synapseModel = _kernel.Models.SynapseModel(model);
        EnsureTables();
        bool removed = Store.RemoveOne(source, target, synapseModel.Id);
        if (removed && synapseModel.Type.ReadsPostSynapticHistory) _kernel.Archive.Of(target)?.Unregister();
        var communicator = _kernel.VirtualProcesses.Communicator;
        if (communicator.Size > 1) removed = communicator.Sum(removed ? 1 : 0) > 0;
        if (!removed) return false;
        _countByModel[synapseModel.Id] = NumConnections(synapseModel.Id) - 1;
        Version++;
        return true;
    }

    void Plasticity.Structural.StructuralPlasticityManager.IConnectionEditor.RemoveOne(int source, int target, string model) =>
        RemoveOne(source, target, model);

    void Plasticity.Structural.StructuralPlasticityManager.IConnectionEditor.Connect(int[] sources, int[] targets, ConnSpec spec, SynSpec syn, ulong seedKey) =>
        Connect(sources, targets, spec, syn, seedKey, null);

    /// <summary>
    /// Removes the connections <paramref name="rule"/> ("one_to_one" or "all_to_all") of <paramref name="synapseModel"/>
    /// from <paramref name="pre"/> to <paramref name="post"/>, one synapse per pair (NEST's Disconnect); pairs without
    /// such a synapse are an error, checked first. Synaptic elements of structural-plasticity synapse models are freed.
    /// </summary>
    public void Disconnect(int[] pre, int[] post, string rule, string synapseModel, string? preElement = null, string? postElement = null)
    {
        _kernel.Models.SynapseModel(synapseModel);
        var freed = _kernel.Structural.ElementsFreedByDisconnect(synapseModel, preElement, postElement);
        var pairs = rule switch
        {
            "one_to_one" when pre.Length == post.Length => pre.Zip(post).ToList(),
            "one_to_one" => throw new BadPropertyException("rule", rule, $"one_to_one needs collections of the same size ({pre.Length} and {post.Length})"),
            "all_to_all" => pre.SelectMany(a => post.Select(b => (a, b))).ToList(),
            _ when Catalog.ConnectionRules.ContainsKey(rule) => throw new NestNotImplementedException($"Disconnect cannot remove connections by the rule '{rule}': only one_to_one and all_to_all can."),
            _ => throw new BadPropertyException("rule", rule, "Disconnect supports one_to_one and all_to_all"),
        };
        var needed = pairs.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        foreach (var ((source, target), count) in needed)
        {
            int have = TargetsOf(source, synapseModel).Count(t => t == target);
            if (have < count)
                throw new KernelException($"Disconnect: there is no {synapseModel} connection from node {source} to node {target} to remove.");
        }
        foreach (var (source, target) in pairs)
        {
            RemoveOne(source, target, synapseModel);
            if (freed is var (preName, postName)) _kernel.Structural.Unbind(source, target, preName, postName);
        }
    }
}
