using NestSharp.Connections.Rules;
using NestSharp.Models.Synapses;

namespace NestSharp.Connections;

/// <summary>A spiking node's link to a spike-recording device.</summary>
internal readonly record struct SpikeRecordingLink(int Source, int Recorder, int SynapseModelId, int DelaySteps, double Weight, int Receptor = 0);

/// <summary>A sampling device's link to a neuron it samples.</summary>
internal readonly record struct SamplingLink(int Sampler, int Target, int SynapseModelId, int DelaySteps, double Weight);

/// <summary>
/// Every connection (NEST's ConnectionManager): synapses between spiking nodes (per virtual process and synapse model,
/// compressed by source, in the <see cref="SynapseStore"/>), generator connections (kept by the generators, per target
/// thread), and the links of recording devices. A Connect call checks everything it can first, builds its connections
/// aside, and commits them only if all succeed. Also GetConnections, the reads and edits of synapse collections, and
/// Disconnect. Keys num_connections, min_delay and max_delay (settable together, before any connection, as NEST),
/// connection_rules, time_construction_connect (with _cpu), use_compressed_spikes, keep_source_table.
/// </summary>
internal sealed partial class ConnectionManager : IKernelManager, Plasticity.Structural.StructuralPlasticityManager.IConnectionEditor
{
    private readonly Dictionary<int, long> _countByModel = [];

    /// <summary>The synapse model of each stimulating device's first connection (NEST's first_syn_id_): all its connections use it.</summary>
    private readonly Dictionary<int, int> _stimulatorSynapseModel = [];
    private Kernel.KernelManager _kernel = null!;

    public SynapseStore Store { get; private set; } = null!;

    /// <summary>The edits of the synapse store that synapse collections follow.</summary>
    public ConnectionEdits Edits { get; } = new();

    /// <summary>The delays connections may have, and the extrema of those made.</summary>
    public DelayChecker Delays { get; private set; } = null!;

    public long ConnectCalls { get; private set; }

    /// <summary>Bumped whenever connections change.</summary>
    public long Version { get; private set; }

    public int MinDelaySteps => Delays.MinSteps;
    public int MaxDelaySteps => Delays.MaxSteps;
    public bool HasConnections => Delays.HasConnections;

    /// <summary>Time spent in Connect calls since ResetKernel (time_construction_connect and its _cpu).</summary>
    private readonly Kernel.KernelStopwatch _connectClock = new();

    /// <summary>The links of recording devices (spike recorders and samplers) to the nodes they record.</summary>
    public RecordingLinks RecordingLinks { get; private set; } = null!;

    public IReadOnlyList<SpikeRecordingLink> SpikeRecordingLinks => RecordingLinks.SpikeLinks;
    public IReadOnlyList<SamplingLink> SamplingLinks => RecordingLinks.SamplingLinks;

    /// <summary>The connections of every process (the same on each): what the kernel's checks for "connections exist" read.</summary>
    public long TotalConnections => _countByModel.Values.Sum();

    /// <summary>The connections of synapse model <paramref name="modelId"/> on every process.</summary>
    public long NumConnections(int modelId) => _countByModel.GetValueOrDefault(modelId);

    /// <summary>
    /// The connections this process holds, NEST's <c>num_connections</c> (kernel status and GetDefaults of a synapse
    /// model): on each process its own, summed over the processes by a user who wants the total.
    /// </summary>
    public long LocalConnections()
    {
        long sum = 0;
        foreach (int modelId in _countByModel.Keys) sum += LocalConnections(modelId);
        return sum;
    }

    /// <summary>
    /// The connections of synapse model <paramref name="modelId"/> this process holds. As in NEST, a synapse and a
    /// generator's link count where their target lives, a spike recorder's link where the recorded neuron lives, a
    /// sampler's link where the sampled neuron lives; links of devices to devices count on every process.
    /// </summary>
    public long LocalConnections(int modelId)
    {
        var communicator = _kernel.VirtualProcesses.Communicator;
        if (communicator.Size == 1) return _countByModel.GetValueOrDefault(modelId);
        long count = 0;
        foreach (var block in Store.OfModel(modelId)) count += block.Count;
        foreach (var group in _kernel.Nodes.Groups)
        {
            if (group is not ILocalGenerator generator) continue;
            for (int local = 0; local < group.Count; local++)
            {
                foreach (var link in generator.TargetsOf(local).All())
                    if (link.SynapseModelId == modelId) count++;
            }
        }
        foreach (var link in RecordingLinks.SpikeLinks)
            if (link.SynapseModelId == modelId && HeldHere(link.Source)) count++;
        foreach (var link in RecordingLinks.SamplingLinks)
            if (link.SynapseModelId == modelId && HeldHere(link.Target)) count++;
        return count;
    }

    /// <summary>Whether node <paramref name="id"/> is a neuron of this process or a device (which every process has).</summary>
    private bool HeldHere(int id)
    {
        var group = _kernel.Nodes.Locate(id).Group;
        if (group.ElementType != ElementType.Neuron) return true;
        var layout = _kernel.VirtualProcesses.Layout;
        return layout.IsLocal(layout.SlotOfNode(id));
    }

    public IReadOnlyCollection<string> SettableKeys => ["keep_source_table", "max_delay", "min_delay", "use_compressed_spikes"];

    /// <summary>
    /// NEST's use_compressed_spikes (default true): in NEST, whether the spike exchange addresses sources with several
    /// targets on a thread once. NestSharp's delivery always goes source by source through compressed (CSR) blocks, so
    /// the setting is kept and reported, and changes nothing.
    /// </summary>
    public bool UseCompressedSpikes { get; private set; } = true;

    /// <summary>
    /// NEST's keep_source_table (default true): in NEST, whether the table of each connection's source survives the
    /// first Simulate (false saves memory, and cannot be combined with structural plasticity). NestSharp's blocks are
    /// ordered by source, so the sources are kept in any case: the setting is checked as NEST checks it, kept and
    /// reported, and changes nothing else.
    /// </summary>
    public bool KeepSourceTable { get; private set; } = true;

    public void Initialize(Kernel.KernelManager kernel)
    {
        _kernel = kernel;
        Store = new SynapseStore(kernel.Nodes, Edits);
        RecordingLinks = new RecordingLinks(kernel.Nodes);
        Delays = new DelayChecker(kernel);
        foreach (var model in kernel.Models.SynapseModels) model.Delays = Delays;
    }

    public void GetStatus(Dictionary<string, object> status)
    {
        var (min, max) = Delays.StatusMs();
        status["num_connections"] = LocalConnections();
        status["min_delay"] = min;
        status["max_delay"] = max;
        status["connection_rules"] = Catalog.ConnectionRules.Keys.Order(StringComparer.Ordinal).ToArray();
        status["use_compressed_spikes"] = UseCompressedSpikes;
        status["keep_source_table"] = KeepSourceTable;
        _connectClock.WriteStatus(status, "time_construction_connect");
    }

    public Action? StageStatus(KernelStatusChange change)
    {
        var delays = Delays.Stage(change);
        bool compressed = UseCompressedSpikes, keep = KeepSourceTable;
        bool changed = false;
        if (change.TryClaim("use_compressed_spikes", out var value))
        {
            compressed = value is bool b ? b : throw new TypeMismatchException("use_compressed_spikes", value, "a boolean");
            changed = true;
        }
        if (change.TryClaim("keep_source_table", out value))
        {
            keep = value is bool b ? b : throw new TypeMismatchException("keep_source_table", value, "a boolean");
            if (!keep && _kernel.Structural.Enabled)
                throw new KernelException("keep_source_table cannot be set to false while structural plasticity is enabled.");
            changed = true;
        }
        if (!changed) return delays;
        return () =>
        {
            delays?.Invoke();
            UseCompressedSpikes = compressed;
            KeepSourceTable = keep;
        };
    }

    /// <summary>
    /// The smallest and largest delay (steps) of any connection, or of any synapse structural plasticity may create;
    /// the user's min_delay and max_delay when set; after the first simulation, those it used.
    /// </summary>
    public (int Min, int Max) DelayExtrema()
    {
        if (Delays.Simulated is { } simulated) return simulated;
        if (Delays.UserSet) return Delays.UserSteps;
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

    internal enum LinkKind { Synapse, Generator, SpikeRecording, Sampling }

    /// <summary>
    /// Connects <paramref name="sources"/> to <paramref name="targets"/> as the rule says, with the synapse model and
    /// values of <paramref name="syn"/>. A syn_spec that names pre- and post-synaptic elements binds the new synapses
    /// to them (structural plasticity then treats them as its own).
    /// </summary>
    public void Connect(int[] sources, int[] targets, ConnSpec spec, SynSpec syn) => Connect(sources, targets, spec, [syn]);

    /// <summary>
    /// Connects as the rule says, with one synapse of each of <paramref name="syns"/> per connection of the rule
    /// (NEST's collocated synapses).
    /// </summary>
    public void Connect(int[] sources, int[] targets, ConnSpec spec, IReadOnlyList<SynSpec> syns)
    {
        using var measured = _connectClock.Measure();
        var plain = new SynSpec[syns.Count];
        string? preElement = null, postElement = null;
        for (int i = 0; i < syns.Count; i++)
        {
            var (pre, post, remaining) = Plasticity.Structural.StructuralPlasticityManager.SynapticElementsOf(syns[i], spec.Rule);
            plain[i] = remaining;
            if (pre is null) continue;
            if (syns.Count > 1) throw new KernelException("Structural plasticity can only be used with a single syn_spec.");
            (preElement, postElement) = (pre, post);
        }
        var created = preElement is null ? null : new List<(int Source, int Target)>();
        Connect(sources, targets, spec, plain, _kernel.Random.SeedKey, created);
        if (created is not null) _kernel.Structural.Bind(created, preElement!, postElement!);
        _kernel.Nodes.AssignThreadLocalIds();
    }

    /// <summary>
    /// Connects by a spatial rule (NEST's ConnectLayers), bound to the positions of <paramref name="sources"/> and
    /// <paramref name="targets"/>, with one synapse of each of <paramref name="syns"/> per connection.
    /// </summary>
    public void ConnectSpatial(int[] sources, int[] targets, SpatialRule rule, IReadOnlyList<SynSpec> syns)
    {
        using var measured = _connectClock.Measure();
        Connect(sources, targets, rule.Spec, [.. syns], _kernel.Random.SeedKey, null, rule);
        _kernel.Nodes.AssignThreadLocalIds();
    }

    /// <summary>The models and values of one syn_spec of a Connect call.</summary>
    private sealed record Plan(SynapseModel Model, ConnectionValues Values);

    /// <summary>
    /// Connects as the rule says. When <paramref name="created"/> is given, the (source, target) pair of every new
    /// synapse between neurons is added to it (for binding synaptic elements).
    /// </summary>
    private void Connect(int[] sources, int[] targets, ConnSpec spec, SynSpec[] syns, ulong seedKey,
        List<(int Source, int Target)>? created, SpatialRule? spatial = null)
    {
        if (sources.Length == 0) throw new IllegalConnectionException("Creation of connection is not possible: presynaptic nodes cannot be an empty NodeCollection.");
        if (targets.Length == 0) throw new IllegalConnectionException("Creation of connection is not possible: postsynaptic nodes cannot be an empty NodeCollection.");
        var rule = spatial ?? Catalog.CreateRule(spec);
        if (spec.MakeSymmetric && !rule.SupportsSymmetric)
            throw new NestNotImplementedException($"The connection rule '{spec.Rule}' does not support symmetric connections (make_symmetric); only one_to_one and symmetric_pairwise_bernoulli do.");
        var staged = Stage(sources, targets, spec, syns, CallKey(seedKey), rule, spatial?.Positions);
        Commit(staged, created);
        ConnectCalls++;
        Version++;
    }

    /// <summary>The key of the next Connect call's random streams.</summary>
    private ulong CallKey(ulong seedKey) => RandomStream.Derive(seedKey, 0xC0_44EC7, (ulong)ConnectCalls);

    /// <summary>
    /// The connections of one Connect call, built and checked but not yet in the store: its rule context (after the
    /// rule's checks), the plans of its syn_specs, the builds, and the stimulating devices among its sources.
    /// </summary>
    private sealed record Staged(RuleContext Context, Plan[] Plans, List<Built> Built, List<int> Stimulators);

    /// <summary>Checks and builds the connections <paramref name="rule"/> makes, drawing from streams keyed by <paramref name="callKey"/>; nothing changes until <see cref="Commit"/>.</summary>
    private Staged Stage(int[] sources, int[] targets, ConnSpec spec, SynSpec[] syns, ulong callKey, ConnectionRule rule, SpatialPositions? positions)
    {
        var layout = _kernel.VirtualProcesses.Layout;
        var grid = _kernel.Simulation.Time;
        var delays = Delays.Rule();

        var forward = Direction(sources, targets, callKey, positions);
        CheckSignals(sources, targets, rule);
        if (spec.MakeSymmetric) CheckSignals(targets, sources, rule);
        rule.Check(forward.Context);
        CheckProxies(rule, forward.Context);
        var shape = rule.ArrayShape(forward.Context);
        var plans = new Plan[syns.Length];
        CheckSymmetricRequirement(sources, targets, spec, rule, syns);
        for (int i = 0; i < syns.Length; i++) plans[i] = PlanOf(syns[i], spec, callKey, shape, delays, i);
        if (spec.MakeSymmetric)
        {
            // NEST makes the backward connections of make_symmetric even when the forward ones failed, and reports the
            // last failure: for secondary events (a gap junction from a neuron without them) the backward check comes first.
            foreach (var plan in plans)
                if (plan.Model.Type is SecondarySynapseType) CheckEvents(plan.Model, targets, sources);
        }
        CheckBudget(rule, forward.Context, plans, spec.MakeSymmetric ? 2 : 1, layout);
        var stimulators = CheckSingleSynapseModel(sources, plans);

        var built = new List<Built>();
        foreach (var plan in plans) built.AddRange(Build(forward, rule, plan, layout, grid, delays));
        if (spec.MakeSymmetric)
        {
            // make_symmetric: then every target back to its source, with the same values.
            var backward = Direction(targets, sources, callKey);
            var reversed = rule.Reversed;
            reversed.Check(backward.Context);
            foreach (var plan in plans) built.AddRange(Build(backward, reversed, plan, layout, grid, delays));
        }
        return new Staged(forward.Context, plans, built, stimulators);
    }

    /// <summary>
    /// NEST's check of synapse models that require symmetric connections (<see cref="SynapseType.RequiresSymmetric"/>):
    /// make_symmetric, or all_to_all from a population onto itself with every parameter a single number.
    /// </summary>
    private void CheckSymmetricRequirement(int[] sources, int[] targets, ConnSpec spec, ConnectionRule rule, SynSpec[] syns)
    {
        static bool Scalar(object? value) => value is null or double or float or int or long or short or byte or bool or string;
        foreach (var syn in syns)
        {
            var model = _kernel.Models.SynapseModel(syn.SynapseModel);
            if (!model.Type.RequiresSymmetric || spec.MakeSymmetric) continue;
            bool scalar = Scalar(syn.Weight) && Scalar(syn.Delay) && Scalar(syn.ReceptorType) && syn.Other.Values.All(Scalar);
            if (rule.SymmetricOntoItself && scalar && sources.AsSpan().SequenceEqual(targets)) continue;
            throw new BadPropertyException("make_symmetric", false,
                $"'{model.Name}' requires symmetric connections. Connections with this synapse model can only be created as one-to-one connections with \"make_symmetric\" set to true or as all-to-all connections with equal source and target populations and default or scalar parameters");
        }
    }

    /// <summary>
    /// Puts staged connections into the store and counts them. When <paramref name="created"/> is given, the (source,
    /// target) pair of every new synapse between neurons is added to it.
    /// </summary>
    private void Commit(Staged staged, List<(int Source, int Target)>? created)
    {
        var built = staged.Built;
        foreach (var b in built) b.Commit();
        foreach (int id in staged.Stimulators) _stimulatorSynapseModel.TryAdd(id, staged.Plans[0].Model.Id);
        if (created is not null)
        {
            foreach (var block in built.SelectMany(b => b.Blocks))
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
        foreach (var b in built)
        {
            bool everywhere = b.Kind is LinkKind.SpikeRecording or LinkKind.Sampling;
            long count = everywhere ? b.Count : communicator.Sum(b.Count);
            int minDelay = (int)communicator.Min(b.Count > 0 ? b.MinDelay : int.MaxValue);
            int maxDelay = (int)communicator.Max(b.Count > 0 ? b.MaxDelay : 0);
            _countByModel[b.ModelId] = NumConnections(b.ModelId) + count;
            if (count > 0) Delays.Extend(minDelay, maxDelay);
        }
    }

    /// <summary>
    /// Fails before anything is drawn when the call's connections (each syn_spec's, <paramref name="directions"/> times
    /// with make_symmetric) would not fit in memory (<see cref="ConnectionBudget"/>).
    /// </summary>
    private static void CheckBudget(ConnectionRule rule, RuleContext context, Plan[] plans, int directions, Kernel.Communication.VirtualProcessLayout layout)
    {
        double perSpec = rule.PlannedConnections(context) * directions;
        double bytes = 0;
        foreach (var plan in plans) bytes += ConnectionBudget.BytesPerConnection(plan.Model);
        string models = string.Join(", ", plans.Select(p => p.Model.Name).Distinct());
        ConnectionBudget.Check(rule.Spec.Rule, perSpec * plans.Length, bytes / plans.Length, models, layout);
    }

    /// <summary>
    /// As NEST's check_connection: a source's events must mean what the target takes them to mean (spikes of spiking
    /// neurons, or the state changes of binary neurons; <see cref="SignalType"/>). one_to_one pairs sources and targets
    /// by position; every other rule may connect any source to any target, so each pair of their models is checked.
    /// </summary>
    private void CheckSignals(int[] sources, int[] targets, ConnectionRule rule)
    {
        var nodes = _kernel.Nodes;
        if (rule.PairsByPosition && sources.Length == targets.Length)
        {
            NodeGroup? lastSource = null, lastTarget = null;
            for (int i = 0; i < sources.Length; i++)
            {
                var source = nodes.Locate(sources[i]).Group;
                var target = nodes.Locate(targets[i]).Group;
                if (ReferenceEquals(source, lastSource) && ReferenceEquals(target, lastTarget)) continue;
                CheckSignal(source, target);
                (lastSource, lastTarget) = (source, target);
            }
            return;
        }
        var targetGroups = DistinctGroups(targets).ToList();
        foreach (var source in DistinctGroups(sources))
        {
            foreach (var target in targetGroups) CheckSignal(source, target);
        }
    }

    private static void CheckSignal(NodeGroup source, NodeGroup target)
    {
        if ((source.SendsSignal & target.ReceivesSignal) != 0) return;
        throw new IllegalConnectionException(
            $"Source and target neuron are not compatible (e.g., spiking vs binary neuron): {source.Model.Name} sends {Describe(source.SendsSignal)}, {target.Model.Name} takes {Describe(target.ReceivesSignal)}.");
    }

    private static string Describe(SignalType signal) => signal switch
    {
        SignalType.Spike => "spikes of spiking neurons",
        SignalType.Binary => "state changes of binary neurons",
        _ => "spikes and binary state changes",
    };

    /// <summary>A rule that needs targets with proxies (all but one_to_one and all_to_all) cannot connect to devices, as in NEST.</summary>
    private void CheckProxies(ConnectionRule rule, RuleContext context)
    {
        if (!rule.RequiresProxies || rule.PlannedConnections(context) == 0) return;
        foreach (var g in DistinctGroups(context.Targets))
        {
            if (g.HasProxies) continue;
            throw new IllegalConnectionException(
                $"Creation of connection is not possible: the rule '{rule.Spec.Rule}' cannot connect to nodes without proxies (usually devices), such as {g.Model.Name}.");
        }
    }

    /// <summary>One direction of a Connect call: its rule context, and what kind of connection each source makes.</summary>
    private sealed record DirectionPlan(RuleContext Context, LinkKind[] Kinds, LinkKind[] KindOfSource);

    private DirectionPlan Direction(int[] sources, int[] targets, ulong callKey, SpatialPositions? positions = null)
    {
        var nodes = _kernel.Nodes;
        var kindOfSource = Classify(sources, targets);
        var kinds = kindOfSource.Distinct().Order().ToArray();
        var targetOwner = new int[targets.Length];
        if (kinds.Any(k => k is LinkKind.Synapse or LinkKind.Generator))
        {
            for (int i = 0; i < targets.Length; i++)
            {
                var (g, local) = nodes.Locate(targets[i]);
                targetOwner[i] = g.OwnerThread(local);
            }
        }
        return new DirectionPlan(new RuleContext(sources, targets, targetOwner, callKey) { Positions = positions }, kinds, kindOfSource);
    }

    /// <summary>Checks one syn_spec against its model and reads its values (random draws of spec <paramref name="index"/> of collocated synapses are its own).</summary>
    private Plan PlanOf(SynSpec syn, ConnSpec spec, ulong callKey, ArrayShape? shape, DelayRule delays, int index)
    {
        var model = _kernel.Models.SynapseModel(syn.SynapseModel);
        var schema = model.Type.Schema;
        foreach (var key in syn.Other.Keys)
        {
            if (schema.IsCommon(key))
                throw new NestNotImplementedException($"Synapse parameter '{key}' of '{model.Name}' can only be set via SetDefaults() or CopyModel().");
            if (schema.IndexOfPerConnection(key) < 0)
                throw new UnaccessedDictionaryEntryException($"synapse model '{model.Name}' in a syn_spec", key, ["delay", "receptor_type", "synapse_model", "weight", .. schema.PerConnection.Select(p => p.Key)]);
        }
        model.Type.CheckConnect(model, syn.Other.Keys, _kernel.VirtualProcesses.Layout.ThreadsPerRank);
        if (syn.Weight is not null && model.Type.NoWeightReason is { } noWeight)
            throw new BadPropertyException("weight", syn.Weight, noWeight);
        if (syn.Delay is not null && model.Type.NoDelayReason is { } noDelay)
            throw new BadPropertyException("delay", syn.Delay, noDelay);
        if (schema.HasCommonWeight && syn.Weight is not null)
            throw new NestNotImplementedException($"Synapse parameter 'weight' of '{model.Name}' can only be set via SetDefaults() or CopyModel().");
        if (spec.MakeSymmetric && (syn.Weight is Parameter || syn.Delay is Parameter || syn.Other.Values.Any(v => v is Parameter)))
            throw new NestNotImplementedException("Symmetric connections (make_symmetric) require parameters that can be reset: numbers or arrays, not random parameters.");
        var values = new ConnectionValues(
            ValueSource.From("weight", syn.Weight, model.Weight, callKey, shape, index, nanIsDefault: true),
            ValueSource.From("delay", syn.Delay, model.Delay, callKey, shape, index, nanIsDefault: true),
            ValueSource.From("receptor_type", syn.ReceptorType, model.ReceptorType, callKey, shape, index),
            new ValueSource[schema.PerConnection.Count],
            StatusSet: syn.ReceptorType is not null || syn.Other.Count > 0,
            StreamKey: RandomStream.Derive(callKey, 0x5EED_5715, (ulong)index));
        foreach (double d in values.Delay.KnownValues) delays.Steps(d);
        for (int i = 0; i < values.PerConnection.Length; i++)
        {
            string key = schema.PerConnection[i].Key;
            values.PerConnection[i] = ValueSource.From(key, syn.Other.GetValueOrDefault(key), model.ConnectionDefaults[i], callKey, shape, index);
            foreach (double v in values.PerConnection[i].KnownValues) schema.Check(key, v);
        }
        return new Plan(model, values);
    }

    private sealed record Built(LinkKind Kind, int ModelId, long Count, int MinDelay, int MaxDelay, Action Commit)
    {
        /// <summary>The new synapse blocks (empty for device connections).</summary>
        public IReadOnlyList<SynapseBlock> Blocks { get; init; } = [];
    }

    /// <summary>Builds the connections of one syn_spec in one direction, one build per kind of source.</summary>
    private List<Built> Build(DirectionPlan direction, ConnectionRule rule, Plan plan, Kernel.Communication.VirtualProcessLayout layout,
        TimeGrid grid, DelayRule delays)
    {
        var context = direction.Context;
        var model = plan.Model;
        var result = new List<Built>();
        foreach (var kind in direction.Kinds)
        {
            // Sources of another kind are left out by replaying the whole rule (so the connections and draws are the call's).
            var kindRule = rule;
            bool[]? include = null;
            if (direction.Kinds.Length > 1)
            {
                include = Array.ConvertAll(direction.KindOfSource, k => k == kind);
                kindRule = new SourceFilteredRule(rule, include);
            }
            var kindSources = include is null ? context.Sources : context.Sources.Where((_, i) => include[i]).ToArray();
            foreach (var group in DistinctGroups(kindSources)) model.Type.CheckSource(group);
            if (kind == LinkKind.Generator) CheckGeneratorEvents(model, kindSources, context.Targets);
            if (kind == LinkKind.Synapse)
            {
                CheckEvents(model, kindSources, context.Targets);
                foreach (var group in DistinctGroups(context.Targets))
                {
                    model.Type.CheckTarget((NeuronGroup)group);
                }
            }
            CheckReceptors(kind, kindSources, context.Targets, plan.Values.Receptor, (model.Type as SecondarySynapseType)?.Carries);
            if (kind == LinkKind.Synapse) CheckSpikePairs(kindSources, context.Targets, plan.Values.Receptor);
            else if (kind == LinkKind.Generator) CheckGeneratorSpikeSources(kindSources, context.Targets, plan.Values.Receptor);
            result.Add(kind switch
            {
                LinkKind.Synapse => BuildSynapses(context, kindRule, model, plan.Values, layout, grid, delays),
                LinkKind.Generator => BuildGeneratorLinks(context, kindRule, model, plan.Values, layout, grid, delays),
                _ => BuildRecordingLinks(context, kindRule, model, plan.Values, grid, kind),
            });
        }
        return result;
    }

    /// <summary>
    /// As NEST: every connection from a stimulating device uses the synapse model of its first one. Returns the
    /// stimulating devices among <paramref name="sources"/>.
    /// </summary>
    private List<int> CheckSingleSynapseModel(int[] sources, Plan[] plans)
    {
        var stimulators = new List<int>();
        foreach (var group in DistinctGroups(sources))
        {
            if (group.ElementType != ElementType.Stimulator) continue;
            foreach (int id in sources)
            {
                if (id < group.FirstId || id > group.LastId) continue;
                stimulators.Add(id);
                int first = _stimulatorSynapseModel.TryGetValue(id, out int model) ? model : plans[0].Model.Id;
                foreach (var plan in plans)
                {
                    if (plan.Model.Id == first) continue;
                    throw new IllegalConnectionException(
                        $"All outgoing connections from a device must use the same synapse type: {group.Model.Name} {id} connects " +
                        $"through '{_kernel.Models.SynapseModels[first].Name}', not '{plan.Model.Name}'.");
                }
            }
        }
        return stimulators;
    }

    private IEnumerable<NodeGroup> DistinctGroups(int[] ids) => ids.Select(id => _kernel.Nodes.Locate(id).Group).Distinct();

    private static bool RecordsSpikes(NodeGroup g) => g is IRecorderGroup r && r.RecorderOf(0) is ISpikeSink;

    private static bool Samples(NodeGroup g) => g is IRecorderGroup r && r.RecorderOf(0) is ISampler;

    private static bool DrawsSpikesForEachTarget(NodeGroup g) => g.EmitsSpikes || g is ILocalGenerator { SendsCurrent: false } and not ISecondaryEventGenerator;

    /// <summary>What kind of connection each source makes to <paramref name="targets"/> (checking that the nodes can be connected).</summary>
    private LinkKind[] Classify(int[] sources, int[] targets)
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
            if (g is ISpikeRelayGroup)
            {
                if (sourceGroups.Find(s => !DrawsSpikesForEachTarget(s)) is { } other)
                {
                    throw new IllegalConnectionException(
                        $"{other.Model.Name} cannot connect to {g.Model.Name}: it takes spikes only (from neurons, spike generators or another {g.Model.Name}), no currents or data logging requests.");
                }
            }
            else if (g.ElementType == ElementType.Stimulator && !(g is ISampledGroup && sourceGroups.All(Samples)))
            {
                throw new IllegalConnectionException($"{g.Model.Name} is a stimulator and cannot be the target of a connection.");
            }
            else if (Samples(g))
            {
                throw new IllegalConnectionException($"{g.Model.Name} samples neurons: connect it as the source (Connect({g.Model.Name}, neurons)).");
            }
            else if (g.ElementType == ElementType.Neuron && g is not NeuronGroup)
            {
                throw new IllegalConnectionException($"{g.Model.Name} emits spikes only and does not support spike input: it cannot be the target of a connection.");
            }
            else if (g.ElementType == ElementType.Other && sourceGroups.Find(s => s.ElementType != ElementType.Neuron) is { } device)
            {
                throw new IllegalConnectionException(
                    $"{device.Model.Name} cannot connect to {g.Model.Name}: only neurons send to a node that serves all threads (no device to a global receiver).");
            }
            else if (g is IRecorderGroup && !RecordsSpikes(g))
            {
                throw new IllegalConnectionException(
                    $"{g.Model.Name} is not connected to: it records the synapses of a synapse model that names it as its weight recorder (CopyModel or SetDefaults).");
            }
        }

        var kindOfGroup = new Dictionary<NodeGroup, LinkKind>();
        if (targetGroups.All(RecordsSpikes))
        {
            if (!sourceGroups.All(DrawsSpikesForEachTarget))
            {
                throw new IllegalConnectionException(
                    $"{string.Join(", ", targetGroups.Select(g => g.Model.Name).Distinct())} records spiking nodes (neurons, spike generators), not {string.Join(", ", sourceGroups.Where(g => !DrawsSpikesForEachTarget(g)).Select(g => g.Model.Name).Distinct())}.");
            }
            // A recorder of a generator that draws a train for each target gets its own draw, as one more target.
            foreach (var g in sourceGroups) kindOfGroup[g] = g.EmitsSpikes ? LinkKind.SpikeRecording : LinkKind.Generator;
        }
        else if (targetGroups.Any(RecordsSpikes))
        {
            throw new IllegalConnectionException("A Connect call cannot mix spike recorders with other targets.");
        }
        else
        {
            foreach (var g in sourceGroups)
            {
                // A generator that sends one train to all its targets (sinusoidal_poisson_generator without
                // individual_spike_trains) emits spikes like a neuron, though it could also serve targets locally.
                kindOfGroup[g] = Samples(g) ? LinkKind.Sampling
                    : g.EmitsSpikes || g.SendsSecondaryEvents ? LinkKind.Synapse
                    : g is ILocalGenerator ? LinkKind.Generator
                    : throw new IllegalConnectionException($"{g.Model.Name} cannot be the source of a connection.");
            }
        }
        var nodes = _kernel.Nodes;
        return Array.ConvertAll(sources, id => kindOfGroup[nodes.Locate(id).Group]);
    }

    /// <summary>
    /// NEST's check_connection for what the events of a synapse model are: a model carrying secondary events needs
    /// sources that send them and targets that take them (<see cref="NodeGroup.SendsSecondary"/>,
    /// <see cref="NodeGroup.ReceivesSecondary"/>); a spike synapse needs sources that send spikes and targets that take
    /// them (not rate neurons).
    /// </summary>
    private void CheckEvents(SynapseModel model, int[] sources, int[] targets)
    {
        if (model.Type is SecondarySynapseType secondary)
        {
            var type = secondary.Carries;
            foreach (var source in DistinctGroups(sources))
            {
                if (!source.SendsSecondary(type))
                    throw new IllegalConnectionException($"The source node does not support {type.Name} output: {source.Model.Name} cannot send through '{model.Name}'.");
            }
            foreach (var target in DistinctGroups(targets))
            {
                if (!target.ReceivesSecondary(type))
                    throw new IllegalConnectionException($"The target node or synapse model does not support {type.Name} input: {target.Model.Name} cannot receive through '{model.Name}'.");
            }
            return;
        }
        foreach (var source in DistinctGroups(sources))
        {
            if (!source.EmitsSpikes)
                throw new IllegalConnectionException($"Source node does not send output: {source.Model.Name} sends no spikes through '{model.Name}'.");
        }
        foreach (var target in DistinctGroups(targets))
        {
            if (!target.TakesSpikes)
                throw new IllegalConnectionException($"The target node or synapse model does not support spike input: {target.Model.Name} takes no spikes through '{model.Name}'.");
        }
    }

    /// <summary>
    /// NEST's check_connection for the links of generators: through a synapse model carrying secondary events the
    /// generator must send that kind and the targets take it (<see cref="CheckEvents"/>; a spike or current generator
    /// is refused as a source); a generator sending a secondary event (<see cref="ISecondaryEventGenerator"/>) needs
    /// such a model, as NEST's test event, which no spike synapse carries.
    /// </summary>
    private void CheckGeneratorEvents(SynapseModel model, int[] sources, int[] targets)
    {
        if (model.Type is SecondarySynapseType)
        {
            CheckEvents(model, sources, targets);
            return;
        }
        foreach (var source in DistinctGroups(sources))
        {
            if (source is ISecondaryEventGenerator generator)
            {
                throw new IllegalConnectionException(
                    $"The target node or synapse model does not support {generator.Sends.Name} input: '{model.Name}' carries no {generator.Sends.Name} events of {source.Model.Name}.");
            }
        }
    }

    /// <summary>
    /// NEST's handles_test_event for the receptor_type values known before the connections are made, once per target
    /// group: spike receptors, current receptors of generators, or the receptors of the secondary events the synapse
    /// model carries (<paramref name="carries"/>, <see cref="NeuronGroup.SecondaryChannelAt"/>).
    /// </summary>
    private void CheckReceptors(LinkKind kind, int[] sources, int[] targets, ValueSource receptor, SecondaryEventType? carries)
    {
        if (kind is not (LinkKind.Synapse or LinkKind.Generator)) return;
        bool currents = kind == LinkKind.Generator && sources.Any(id => _kernel.Nodes.Locate(id).Group is ILocalGenerator { SendsCurrent: true });
        bool secondary = kind == LinkKind.Generator && sources.Any(id => _kernel.Nodes.Locate(id).Group is ISecondaryEventGenerator);
        if (kind == LinkKind.Generator && !secondary && DistinctGroups(targets).FirstOrDefault(g => !g.TakesSpikes) is { } rate)
            throw new IllegalConnectionException($"The target node or synapse model does not support {(currents ? "current" : "spike")} input: {rate.Model.Name} takes neither.");
        var receptors = receptor.KnownValues.Distinct().ToArray();
        foreach (var group in DistinctGroups(targets).OfType<NeuronGroup>())
        {
            foreach (double value in receptors)
            {
                int r = SynapseBuilder.CheckedReceptorType(value);
                // Receptors that vary per node are checked per target node as the connections are made.
                bool perNode = currents ? group.CurrentReceptorsVaryPerNode : group.ReceptorsVaryPerNode;
                if (perNode) continue;
                if (currents) group.CurrentChannel(0, r);
                else if (carries is not null && kind == LinkKind.Synapse) group.SecondaryChannelAt(carries, 0, r, 1.0);
                else group.SpikeChannel(0, r, 1.0);
            }
        }
    }

    /// <summary>
    /// The checks of NEST's send_test_event and handles_test_event that depend on both ends of a spike connection
    /// (<see cref="NodeGroup.CheckSpikeTarget"/>, <see cref="NeuronGroup.CheckSpikeSource"/>), once per pair of groups
    /// and receptor.
    /// </summary>
    private void CheckSpikePairs(int[] sources, int[] targets, ValueSource receptor)
    {
        var receptors = receptor.KnownValues.Distinct().ToArray();
        var targetGroups = DistinctGroups(targets).OfType<NeuronGroup>().ToArray();
        foreach (var source in DistinctGroups(sources))
        {
            foreach (var target in targetGroups)
            {
                source.CheckSpikeTarget(target);
                foreach (double value in receptors) target.CheckSpikeSource(source, SynapseBuilder.CheckedReceptorType(value));
            }
        }
    }

    /// <summary>NEST's handles_test_event with a spike generator as the sender (<see cref="NeuronGroup.CheckSpikeSource"/>), once per pair of groups and receptor.</summary>
    private void CheckGeneratorSpikeSources(int[] sources, int[] targets, ValueSource receptor)
    {
        var receptors = receptor.KnownValues.Distinct().ToArray();
        var targetGroups = DistinctGroups(targets).OfType<NeuronGroup>().ToArray();
        foreach (var source in DistinctGroups(sources))
        {
            if (source is not ILocalGenerator { SendsCurrent: false } || source is ISecondaryEventGenerator) continue;
            foreach (var target in targetGroups)
                foreach (double value in receptors) target.CheckSpikeSource(source, SynapseBuilder.CheckedReceptorType(value));
        }
    }

    private Built BuildSynapses(RuleContext context, ConnectionRule rule, SynapseModel model, ConnectionValues values,
        Kernel.Communication.VirtualProcessLayout layout, TimeGrid grid, DelayRule delays)
    {
        var targetNeurons = DistinctGroups(context.Targets).OfType<NeuronGroup>().ToArray();
        foreach (var g in targetNeurons) g.BeginConnect();
        var (blocks, min, max) = SynapseBuilder.Build(context, rule, model, values, _kernel.Nodes, layout, delays);
        long count = blocks.Sum(b => (long)(b?.Count ?? 0));
        if (!model.Type.HasDelay && count > 0)
        {
            // As NEST: connections without delay count for the delay extrema with wfr_comm_interval (the resolution
            // without waveform relaxation), which thereby bounds the length of a slice.
            min = max = (int)grid.DelayToSteps(_kernel.Simulation.WaveformRelaxation.CommInterval);
        }
        bool marksTargets = Array.Exists(targetNeurons, g => g.HasPorts);
        bool numbered = Array.Exists(targetNeurons, g => g.NumbersConnections);
        void Commit()
        {
            EnsureTables();
            for (int vp = 0; vp < blocks.Length; vp++)
            {
                if (blocks[vp] is { } block)
                {
                    Store.Add(vp, block);
                    if (marksTargets) MarkPortTargets(block);
                    if (numbered) CommitNumberedPorts(block);
                    if (model.Type.ReadsPostSynapticHistory) RegisterWithTargets(block, model.Type, grid);
                }
            }
        }
        return new Built(LinkKind.Synapse, model.Id, count, min, max, Commit) { Blocks = blocks.OfType<SynapseBlock>().ToArray() };
    }

    /// <summary>Records on the targets with receptor ports that a spike connection reached them (NEST's has_connections).</summary>
    private void MarkPortTargets(SynapseBlock block)
    {
        var nodes = _kernel.Nodes;
        for (int i = 0; i < block.Count; i++)
        {
            var (group, position) = nodes.LocateChannel(block.Channels[i]);
            group.MarkSpikeConnection(position);
        }
    }

    /// <summary>Tells the targets that number their connections which ports the new synapses took (<see cref="NeuronGroup.CommitConnectionPort"/>).</summary>
    private void CommitNumberedPorts(SynapseBlock block)
    {
        var nodes = _kernel.Nodes;
        for (int i = 0; i < block.Count; i++)
        {
            var (group, position) = nodes.LocateChannel(block.Channels[i]);
            if (group.NumbersConnectionsOn(block.ReceptorAt(i))) group.CommitConnectionPort(position, block.PortAt(i));
        }
    }

    /// <summary>Tells each target of new plastic synapses to keep its spike history for them (from t_lastspike - delay on).</summary>
    private void RegisterWithTargets(SynapseBlock block, SynapseType type, TimeGrid grid)
    {
        var nodes = _kernel.Nodes;
        for (int i = 0; i < block.Count; i++)
        {
            double delayMs = grid.DelayStepsToMs(block.DelayAt(i));
            _kernel.Archive.Register(nodes.NodeOfChannel(block.Channels[i]), type.LastSpikeTime(block, i) - delayMs, delayMs);
        }
    }

    private Built BuildGeneratorLinks(RuleContext context, ConnectionRule rule, SynapseModel model, ConnectionValues values,
        Kernel.Communication.VirtualProcessLayout layout, TimeGrid grid, DelayRule delays)
    {
        var nodes = _kernel.Nodes;
        var staged = new List<(DeviceTargets Targets, int Thread, DeviceTarget Target)>();
        var portTargets = new List<(NeuronGroup Neuron, int Position)>();
        int min = int.MaxValue, max = 0;
        var sink = new ActionSink((s, t, unit, ordinal, index) =>
        {
            var (sourceGroup, sourceLocal) = nodes.Locate(context.Sources[s]);
            var generator = (ILocalGenerator)sourceGroup;
            var (targetGroup, targetLocal) = nodes.Locate(context.Targets[t]);
            var site = context.SiteOf(s, t); // spatial parameters (distance, positions) of a device layer's connection
            double w = values.Weight.ValueFor(unit, ordinal, index, site);
            int d = delays.Steps(values.Delay.ValueFor(unit, ordinal, index, site));
            int r = SynapseBuilder.ReceptorTypeOf(values.Receptor, unit, ordinal, index);
            int channel = 0;
            RecorderRoute? recorder = null;
            if (targetGroup is IRecorderGroup recorders)
            {
                // Served by the first thread only, so that one thread writes the recorder's events while updating.
                int sender = context.Sources[s];
                recorder = new RecorderRoute((ISpikeSink)recorders.RecorderOf(targetLocal), sender, nodes.VirtualProcessOf(sender), grid);
            }
            else
            {
                var neuron = (NeuronGroup)targetGroup;
                channel = generator.SendsCurrent ? neuron.CurrentChannel(targetLocal, r) : neuron.SpikeChannel(targetLocal, r, w);
                channel = neuron.RingChannel(channel);
                if (neuron.HasPorts && !generator.SendsCurrent) portTargets.Add((neuron, neuron.PositionOf(targetLocal)));
            }
            staged.Add((generator.TargetsOf(sourceLocal), targetGroup.OwnerThread(targetLocal), new DeviceTarget
            {
                TargetId = context.Targets[t], Channel = channel, Weight = w, DelaySteps = d, Receptor = r, SynapseModelId = model.Id,
                Recorder = recorder,
            }));
            min = Math.Min(min, d);
            max = Math.Max(max, d);
        });
        foreach (int vp in layout.Local) rule.Generate(context, vp, sink);
        return new Built(LinkKind.Generator, model.Id, staged.Count, min, max, () =>
        {
            foreach (var (targets, thread, target) in staged)
            {
                targets.EnsureThreads(layout.Count);
                targets.Add(thread, target);
            }
            foreach (var (neuron, position) in portTargets) neuron.MarkSpikeConnection(position);
        });
    }

    private Built BuildRecordingLinks(RuleContext context, ConnectionRule rule, SynapseModel model, ConnectionValues values, TimeGrid grid, LinkKind kind)
    {
        var staged = RecordingLinks.Stage(context, rule, model, values, grid, sampling: kind == LinkKind.Sampling);
        return new Built(kind, model.Id, staged.Count, staged.MinDelay, staged.MaxDelay, () => RecordingLinks.Commit(staged));
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
        Connect(sources, targets, spec, [syn], seedKey, null);

    /// <summary>
    /// Removes the connections <paramref name="rule"/> (one_to_one or all_to_all) of <paramref name="synapseModel"/>
    /// from <paramref name="pre"/> to <paramref name="post"/>, one synapse per pair (NEST's Disconnect); pairs without
    /// such a synapse are an error, checked first. Synaptic elements of structural-plasticity synapse models are freed.
    /// </summary>
    public void Disconnect(int[] pre, int[] post, string rule, string synapseModel, string? preElement = null, string? postElement = null)
    {
        _kernel.Models.SynapseModel(synapseModel);
        var freed = _kernel.Structural.ElementsFreedByDisconnect(synapseModel, preElement, postElement);
        if (!Catalog.DisconnectingRules.TryGetValue(rule, out var pairsOf))
        {
            string supported = string.Join(" and ", Catalog.DisconnectingRules.Keys.Order(StringComparer.Ordinal));
            throw Catalog.ConnectionRules.ContainsKey(rule)
                ? new NestNotImplementedException($"Disconnect cannot remove connections by the rule '{rule}': only {supported} can.")
                : new BadPropertyException("rule", rule, $"Disconnect supports {supported}");
        }
        var pairs = pairsOf(pre, post);
        var needed = pairs.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        foreach (var ((source, target), count) in needed)
        {
            int have = TargetsOf(source, synapseModel).Count(t => t == target);
            if (have < count)
            {
                throw new InexistentConnectionException(
                    $"Deletion of connection is not possible because it does not exist: there is no {synapseModel} connection from node {source} to node {target} to remove.");
            }
        }
        foreach (var (source, target) in pairs)
        {
            RemoveOne(source, target, synapseModel);
            if (freed is var (preName, postName)) _kernel.Structural.Unbind(source, target, preName, postName);
        }
    }

    /// <summary>
    /// Removes the connections of <paramref name="table"/>'s rows <paramref name="rows"/> (NEST's Disconnect of a
    /// synapse collection): every one must exist and be a synapse between spiking nodes (connections of devices cannot
    /// be removed, as in NEST); checked first, then all are removed.
    /// </summary>
    public void Disconnect(ConnectionTable table, IReadOnlyList<int> rows)
    {
        Consolidate();
        Edits.CatchUp(table);
        var local = new Dictionary<(int Vp, int Model), List<int>>();
        foreach (int row in rows)
        {
            var kind = table.Kind[row];
            if (kind is ConnectionKind.Synapse or ConnectionKind.Remote)
            {
                if (kind == ConnectionKind.Synapse)
                {
                    var key = (table.Vp[row], table.Model[row]);
                    if (!local.TryGetValue(key, out var indices)) local[key] = indices = [];
                    indices.Add(table.Index[row]);
                }
                continue;
            }
            string what = kind == ConnectionKind.Removed ? "it was removed already" : "connections of devices cannot be removed";
            throw new InexistentConnectionException(
                $"Deletion of connection is not possible because it does not exist: {table.Source[row]} -> {table.Target[row]} ({what}).");
        }
        foreach (var ((vp, modelId), indices) in local)
        {
            var distinct = indices.Distinct().ToArray();
            if (distinct.Length != indices.Count)
                throw new InexistentConnectionException("Deletion of connection is not possible because it does not exist: a connection is listed twice.");
        }

        var models = _kernel.Models.SynapseModels;
        var removedPerModel = new long[models.Count];
        foreach (var ((vp, modelId), indices) in local)
        {
            var block = Store.BlockOf(vp, modelId)!;
            var type = models[modelId].Type;
            foreach (int i in indices)
            {
                if (type.ReadsPostSynapticHistory) _kernel.Archive.Of(Store.TargetOf(block, i))?.Unregister();
                removedPerModel[modelId]++;
            }
            Store.RemoveAt(vp, modelId, indices);
        }
        // Rows stored by other processes are removed there; every process counts every removal.
        var communicator = _kernel.VirtualProcesses.Communicator;
        for (int m = 0; m < models.Count; m++)
        {
            long removed = communicator.Size > 1 ? communicator.Sum(removedPerModel[m]) : removedPerModel[m];
            if (removed != 0) _countByModel[m] = NumConnections(m) - removed;
        }
        foreach (int row in rows)
        {
            if (_kernel.Structural.ElementsFreedByDisconnect(models[table.Model[row]].Name, null, null) is var (preName, postName))
                _kernel.Structural.Unbind(table.Source[row], table.Target[row], preName, postName);
        }
        Edits.CatchUp(table);
        Version++;
    }
}
