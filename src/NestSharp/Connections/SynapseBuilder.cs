using NestSharp.Connections.Rules;
using NestSharp.Kernel.Communication;
using NestSharp.Models.Synapses;

namespace NestSharp.Connections;

/// <summary>
/// The values of one Connect call's connections: weight, delay, receptor and the model's per-connection parameters.
/// <paramref name="StatusSet"/>: whether NEST sets each new connection's status (its syn_spec gives more than weight
/// and delay), which runs the model's checks of a connection's status and sets what they set (urbanczik's w_init).
/// <paramref name="StreamKey"/>: the key from which each new synapse's own random stream derives (with the rule's
/// unit and ordinal of the connection, so that it does not depend on the number of threads), for models that keep one.
/// </summary>
internal sealed record ConnectionValues(ValueSource Weight, ValueSource Delay, ValueSource Receptor, ValueSource[] PerConnection,
    bool StatusSet = false, ulong StreamKey = 0);

/// <summary>
/// Builds the synapse blocks of one Connect call between spiking nodes, without touching the network: each local
/// virtual process replays the rule twice, first counting its connections per source (the offsets), then filling a
/// block of exactly that size in creation order. The blocks are added to the store only when the whole call has
/// succeeded.
/// </summary>
internal static class SynapseBuilder
{
    public static (SynapseBlock?[] Blocks, int MinDelay, int MaxDelay) Build(RuleContext context, ConnectionRule rule, SynapseModel model,
        ConnectionValues values, NodeManager nodes, VirtualProcessLayout layout, DelayRule delays)
    {
        int threads = layout.Count;
        var targetGroups = new NeuronGroup[context.Targets.Length];
        var targetPositions = new int[context.Targets.Length];
        for (int i = 0; i < targetGroups.Length; i++)
        {
            var (g, local) = nodes.Locate(context.Targets[i]);
            targetGroups[i] = (NeuronGroup)g;
            targetPositions[i] = targetGroups[i].PositionOf(local);
        }
        int sourceMin = context.Sources.Length == 0 ? 0 : context.Sources.Min();
        int sourceMax = context.Sources.Length == 0 ? -1 : context.Sources.Max();
        // Delays known in advance decide the block's delay width; random ones widen it when one needs to.
        bool wide = values.Delay.KnownValues.Any(d => delays.Steps(d) > SynapseBlock.MaxNarrowDelaySteps);
        var blocks = new SynapseBlock?[threads];
        var minDelay = new int[threads];
        var maxDelay = new int[threads];
        RunPerThread(layout, rule.PlannedConnections(context) <= SmallRequest, t =>
        {
            var counter = new CountingSink(context.Sources, sourceMin, sourceMax);
            rule.Generate(context, t, counter);
            var offsets = counter.Offsets();
            if (offsets[^1] == 0) return;
            var block = new SynapseBlock(model.Id, model.Type.Schema.Layout, sourceMin, offsets, wide);
            var filler = new FillingSink(context, block, targetGroups, targetPositions, values, model, delays);
            filler.StartSharedValues();
            try
            {
                rule.Generate(context, t, filler);
            }
            catch (NestException)
            {
                filler.Flush(); // an error of an earlier connection than the rule's comes first, as without the batches
                throw;
            }
            filler.Flush();
            filler.KeepSharedValues();
            blocks[t] = block;
            minDelay[t] = filler.MinDelay;
            maxDelay[t] = filler.MaxDelay;
        });
        int min = int.MaxValue, max = 0;
        for (int t = 0; t < threads; t++)
            if (blocks[t] is not null) { min = Math.Min(min, minDelay[t]); max = Math.Max(max, maxDelay[t]); }
        return (blocks, min, max);
    }

    /// <summary>
    /// A delay in whole steps (NEST's rounding), checked against the resolution and what a synapse can hold (the
    /// kernel's further rules are <see cref="DelayChecker.Rule"/>'s).
    /// </summary>
    public static int DelaySteps(double delayMs, TimeGrid grid) => new DelayRule(grid, 1, SynapseBlock.MaxDelaySteps, false, null).Steps(delayMs);

    /// <summary>
    /// The receptor_type of one connection. Numbers and arrays are checked before the connections are made; a value
    /// drawn from a random parameter (NEST's examples draw ports with uniform_int) must be a non-negative whole number.
    /// </summary>
    public static int ReceptorTypeOf(ValueSource receptor, int unitId, int ordinal, long arrayIndex) =>
        receptor.IsConstant ? (int)receptor.Constant : CheckedReceptorType(receptor.ValueFor(unitId, ordinal, arrayIndex));

    /// <summary>A receptor_type value as a port number: it must be a non-negative whole number (BadProperty).</summary>
    public static int CheckedReceptorType(double receptorType)
    {
        if (receptorType != Math.Floor(receptorType) || receptorType < 0)
            throw new BadPropertyException("receptor_type", receptorType, "must be a non-negative integer");
        return (int)receptorType;
    }

    /// <summary>The receptor port NEST reports for a connection on <paramref name="receptorType"/> of <paramref name="target"/>.</summary>
    /// <remarks>
    /// NEST's rule (the port a model's handles_test_event returns): models that name their receptors
    /// (receptor_types, such as pp_cond_exp_mc_urbanczik) number their ports from 0 for each kind of event, so the port
    /// is the receptor_type minus the model's smallest receptor_type for that kind (spikes or currents); the other
    /// models report the receptor_type itself.
    /// </remarks>
    public static int ReceptorPort(NeuronGroup target, int receptorType, bool current)
    {
        var schema = target.Schema;
        if (schema.ReceptorNames.Count == 0 || target.ReportsReceptorTypesAsPorts) return receptorType;
        int smallest = int.MaxValue;
        if (current)
        {
            foreach (int r in schema.CurrentReceptors.Keys) smallest = Math.Min(smallest, r);
        }
        else
        {
            foreach (int r in schema.SpikeReceptors.Keys) smallest = Math.Min(smallest, r);
        }
        return smallest == int.MaxValue ? receptorType : receptorType - smallest;
    }

    /// <summary>
    /// Up to this many planned connections a Connect call builds the blocks of the virtual processes one after the
    /// other on the calling thread: handing a few connections to the thread pool costs more than making them (a loop
    /// of single-pair Connect calls, as NEST's gap-junction example makes 15,000 of them). The blocks are the same
    /// either way.
    /// </summary>
    private const double SmallRequest = 4096;

    /// <summary>
    /// Runs <paramref name="work"/> for every local virtual process, in parallel unless <paramref name="small"/> or
    /// there is one; an error of one is rethrown as it was.
    /// </summary>
    private static void RunPerThread(VirtualProcessLayout layout, bool small, Action<int> work)
    {
        if (small || layout.ThreadsPerRank == 1)
        {
            for (int t = layout.FirstLocal; t < layout.FirstLocal + layout.ThreadsPerRank; t++) work(t);
            return;
        }
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

    /// <summary>
    /// Writes each connection at its place in the block (its source's next free slot). The places are random in a
    /// block of up to hundreds of megabytes, so the sink takes the connections in batches: on arrival it asks for the
    /// cache lines of the connection's place, and fills the batch's places, in arrival order, once the batch is full (or
    /// at <see cref="Flush"/>), when most of those lines have come in.
    /// </summary>
    private sealed class FillingSink(RuleContext context, SynapseBlock block, NeuronGroup[] targetGroups, int[] targetPositions,
        ConnectionValues values, SynapseModel model, DelayRule delays) : ConnectionSink
    {
        private const int BatchSize = 64;

        private readonly record struct Pending(int SourceIndex, int TargetIndex, int UnitId, int Ordinal, long ArrayIndex, int At);

        private readonly Pending[] _batch = new Pending[BatchSize];
        private int _batched;

        private readonly SynapseType _type = model.Type;
        private readonly SecondaryEventType? _carries = (model.Type as SecondarySynapseType)?.Carries;
        private readonly ValueSource _weight = values.Weight, _delay = values.Delay, _receptor = values.Receptor;
        private readonly ValueSource[] _perConnectionSources = values.PerConnection;
        private readonly double[] _perConnection = new double[values.PerConnection.Length];
        private readonly bool _plastic = block.State.Length > 0 || block.Indices.Length > 0 || block.Runs is not null;
        private readonly bool _statusSet = values.StatusSet;
        private readonly int[] _cursor = (int[])block.Offsets.Clone();

        // The columns the synapses of a source share (SynapseBlock.Runs): when the Connect call gives them one value for
        // all, one run per source holds it; otherwise each synapse's value is kept here until the block is full.
        private readonly double[] _sharedValues = new double[block.Layout.SourceNames.Length];
        private double[][]? _sharedPerSynapse;

        private readonly int _constantDelay = values.Delay.IsConstant ? delays.Steps(values.Delay.Constant) : 0;
        /// <summary>Sets up the shared columns of the block (before the first connection).</summary>
        public void StartSharedValues()
        {
            if (_sharedValues.Length == 0) return;
            bool uniform = true;
            var constants = new double[_perConnectionSources.Length];
            for (int k = 0; k < constants.Length; k++)
            {
                if (_type.Schema.ColumnOfPerConnection(k).BySource) uniform &= _perConnectionSources[k].IsConstant;
                if (_perConnectionSources[k].IsConstant) constants[k] = _perConnectionSources[k].Constant;
            }
            if (uniform)
            {
                _type.Schema.SourceValues(constants, _sharedValues);
                block.SetRuns(SourceRuns.Uniform(block.Offsets, _sharedValues));
                return;
            }
            _sharedPerSynapse = new double[_sharedValues.Length][];
            for (int c = 0; c < _sharedPerSynapse.Length; c++) _sharedPerSynapse[c] = new double[block.Count];
        }

        /// <summary>After the last connection: the runs of the shared values given per connection.</summary>
        public void KeepSharedValues()
        {
            if (_sharedPerSynapse is not null) block.SetRuns(SourceRuns.FromSynapses(block.Offsets, _sharedPerSynapse));
        }

        public int MinDelay { get; private set; } = int.MaxValue;
        public int MaxDelay { get; private set; }

        // The ring channel at storage position 0 for the last (group, receptor, weight sign): position i's is that + i.
        private NeuronGroup? _routedGroup;
        private int _routedReceptor = -1, _routedSign = 2, _routedChannel, _routedPort;
        private bool _routedNumbered;

        // Whether the last target group's spike receptors vary per node (then checked per target).
        private NeuronGroup? _checkedGroup;
        private bool _checkedVaries;

        public override void Add(int sourceIndex, int targetIndex, int unitId, int ordinal, long arrayIndex)
        {
            int at = _cursor[context.Sources[sourceIndex] - block.SourceMin]++;
            PrefetchPlace(at);
            _batch[_batched++] = new Pending(sourceIndex, targetIndex, unitId, ordinal, arrayIndex, at);
            if (_batched == BatchSize) Flush();
        }

        /// <summary>Fills the places of the connections taken so far.</summary>
        public void Flush()
        {
            int n = _batched;
            _batched = 0;
            for (int i = 0; i < n; i++) Fill(in _batch[i]);
        }

        private void PrefetchPlace(int at)
        {
            CacheHints.Prefetch(block.Channels, at);
            CacheHints.Prefetch(block.Weights, at);
            if (block.NarrowDelays is { } narrow) CacheHints.Prefetch(narrow, at);
            else CacheHints.Prefetch(block.WideDelays!, at);
            if (!_plastic) return;
            foreach (double[] column in block.State) CacheHints.Prefetch(column, at);
            foreach (int[] column in block.Indices) CacheHints.Prefetch(column, at);
        }

        private void Fill(in Pending p)
        {
            var (sourceIndex, targetIndex, unitId, ordinal, arrayIndex, at) = p;
            // Constant weights and delays (the usual case) skip the general reading.
            var site = _weight.IsConstant && _delay.IsConstant ? ParameterSite.None : context.SiteOf(sourceIndex, targetIndex);
            double w = _weight.IsConstant ? _weight.Constant : _weight.ValueFor(unitId, ordinal, arrayIndex, site);
            int d = _delay.IsConstant ? _constantDelay : delays.Steps(_delay.ValueFor(unitId, ordinal, arrayIndex, site));
            int r = ReceptorTypeOf(_receptor, unitId, ordinal, arrayIndex);
            var group = targetGroups[targetIndex];
            if (!ReferenceEquals(group, _checkedGroup)) (_checkedGroup, _checkedVaries) = (group, group.ReceptorsVaryPerNode);
            if (_checkedVaries) group.CheckSpikeReceptorAt(targetPositions[targetIndex], r);
            int sign = w > 0 ? 1 : w < 0 ? -1 : 0;
            if (!ReferenceEquals(group, _routedGroup) || r != _routedReceptor || sign != _routedSign)
            {
                _routedChannel = group.RingChannel(_carries is null ? group.SpikeChannelAt(0, r, w) : group.SecondaryChannelAt(_carries, 0, r, w));
                _routedPort = ReceptorPort(group, r, current: false);
                _routedNumbered = group.NumbersConnectionsOn(r);
                (_routedGroup, _routedReceptor, _routedSign) = (group, r, sign);
            }
            block.Channels[at] = _routedChannel + targetPositions[targetIndex];
            block.Weights[at] = w;
            block.SetDelay(at, d);
            block.SetReceptor(at, r, _routedNumbered ? group.StageConnectionPort(targetPositions[targetIndex], r) : _routedPort);
            if (_plastic)
            {
                for (int c = 0; c < _perConnection.Length; c++)
                {
                    _perConnection[c] = _perConnectionSources[c].ValueFor(unitId, ordinal, arrayIndex);
                    if (!_perConnectionSources[c].IsConstant) _type.Schema.Check(_perConnectionSources[c].Name, _perConnection[c]);
                }
                if (_statusSet) _type.CheckStatus(w, _perConnection);
                ulong streamKey = Random.RandomStream.Derive(values.StreamKey, (ulong)(uint)unitId, (ulong)(uint)ordinal);
                _type.Schema.Initialise(block, at, _perConnection, streamKey);
                if (_sharedPerSynapse is not null)
                {
                    _type.Schema.SourceValues(_perConnection, _sharedValues);
                    for (int c = 0; c < _sharedValues.Length; c++) _sharedPerSynapse[c][at] = _sharedValues[c];
                }
                _type.OnCreated(block, at, _statusSet, model);
            }
            if (d < MinDelay) MinDelay = d;
            if (d > MaxDelay) MaxDelay = d;
        }
    }
}
