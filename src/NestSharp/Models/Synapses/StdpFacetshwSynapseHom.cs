namespace NestSharp.Models.Synapses;

/// <summary>
/// stdp_facetshw_synapse_hom (and stdp_facetshw_synapse_hom_hpc): spike-timing dependent plasticity with the
/// constraints of the FACETS (BrainScaleS) neuromorphic hardware (Pfeil et al. 2012): 4-bit weights, a reduced
/// symmetric nearest-neighbour pairing, and weight updates only when the hardware's STDP controller visits a synapse.
/// <para>Each synapse accumulates two charges. At a pre-synaptic spike at t_pre (dendritic delay d, previous
/// pre-synaptic spike t_last), if the target spiked at some t_post with t_last - d &lt; t_post &lt;= t_pre - d:
/// <code>
/// a_causal  ← a_causal  + exp((t_last - (t_first + d)) / tau_plus)        t_first: the first of those post spikes
/// a_acausal ← a_acausal + exp(((t_latest + d) - t_pre) / tau_minus_stdp)  t_latest: the last of them
/// </code>
/// Before that, if t_pre &gt; next_readout_time the controller processes the synapse: the weight becomes its table
/// index k = round(w / weight_per_lut_entry) (weight_per_lut_entry = Wmax / 15), two evaluation bits are computed
/// from the charges and the thresholds a_thresh_th, a_thresh_tl with the configuration bits c = configbit_0 and
/// configbit_1:
/// <code>
/// eval(c) = (a_thresh_tl + c[2]·a_causal + c[1]·a_acausal) / (1 + c[2] + c[1]) &gt; (a_thresh_th + c[0]·a_causal + c[3]·a_acausal) / (1 + c[0] + c[3])
/// </code>
/// (true, false) maps k through lookuptable_0, (false, true) through lookuptable_1, (true, true) through lookuptable_2
/// (each resetting a_causal and a_acausal to 0 where reset_pattern's pair of bits for that table says so), (false,
/// false) leaves k; next_readout_time advances by readout_cycle_duration until it lies at or after t_pre, and the
/// weight becomes k · weight_per_lut_entry. The spike is transmitted with that weight.</para>
/// <para>A synapse is counted at its first spike: it gets synapse_id = no_synapses, no_synapses grows by one,
/// readout_cycle_duration becomes int((no_synapses - 1) / synapses_per_driver + 1) · driver_readout_time and the
/// synapse's first readout is at int(synapse_id / synapses_per_driver) · driver_readout_time. NEST counts on each
/// thread separately (its threads keep their own copy of the common properties), so its numbering depends on the
/// thread count. NestSharp counts once per model, in the order NEST's single thread does: within a slice, sources by
/// node id, each source's spikes by time, then the source's synapses by target id (multapses in the order they were
/// made; a single NEST thread visits a source's synapses in the order Connect made them, which is target order for
/// connections made source by source). This runs serially before the threads deliver the slice (<see cref="PrepareSlice"/>);
/// a synapse transmitting in the same slice sees the readout_cycle_duration NEST's single thread would have reached
/// at that point. So the results equal NEST's with one thread, for any number of threads. With several MPI processes
/// each process counts its own synapses (as in NEST, whose source notes the same).</para>
/// <para>Common parameters (SetDefaults or CopyModel only; NEST checks only the array sizes and table entries):
/// tau_plus (ms, 20), tau_minus_stdp (ms, 20), Wmax (100; setting it sets weight_per_lut_entry = Wmax / 15 unless
/// the same call gives weight_per_lut_entry), weight_per_lut_entry, no_synapses (0), synapses_per_driver (50),
/// driver_readout_time (ms, 15), readout_cycle_duration (ms; recomputed whenever no_synapses, synapses_per_driver or
/// driver_readout_time is set), lookuptable_0/1/2 (16 integers in [0, 15]; defaults: "intermediate Gütig" tables for
/// 4 bits and 36 pairs, and the identity), configbit_0 ([0, 0, 1, 0]), configbit_1 ([0, 1, 0, 0]) (4 integers each),
/// reset_pattern (6 integers, all 1). Per connection: weight (1), delay, a_causal (0), a_acausal (0), a_thresh_th
/// (21.835), a_thresh_tl (21.835), synapse_id (0), init_flag (false; Connect does not take it, as NEST's does not),
/// next_readout_time (ms, 0).</para>
/// <para>Where NEST's behaviour is undefined NestSharp refuses: a weight whose table index is negative, or beyond the
/// table when a table is used (NEST reads outside the table), synapses_per_driver = 0 at a synapse's first spike
/// (NEST divides by zero) and a readout_cycle_duration that is not positive when a synapse is processed (NEST loops
/// forever).</para>
/// <para>References: Pfeil T, Potjans TC, Schrader S, Potjans W, Schemmel J, Diesmann M, Meier K (2012) Is a 4-bit
/// synaptic weight resolution enough? Front Neurosci 6:90. Schemmel J, Grübl A, Meier K, Müller E (2006) Implementing
/// synaptic plasticity in a VLSI spiking neural network model. IJCNN 2006. Morrison A, Diesmann M, Gerstner W (2008)
/// Biol Cybern 98:459-478.</para>
/// </summary>
[SynapseModelName("stdp_facetshw_synapse_hom", Labelled = true)]
[SynapseModelName("stdp_facetshw_synapse_hom_hpc")]
internal sealed class StdpFacetshwSynapseHom(string name) : HistoryReadingSynapseType(name)
{
    private const int TableSize = 16;

    private static readonly SynapseSchema Declared = new();

    private static readonly CommonParameter TauPlus = Declared.CommonParameter("tau_plus", 20.0);
    private static readonly CommonParameter TauMinus = Declared.CommonParameter("tau_minus_stdp", 20.0);
    private static readonly CommonParameter Wmax = Declared.CommonParameter("Wmax", 100.0);
    private static readonly CommonParameter WeightPerLutEntry = Declared.CommonParameter("weight_per_lut_entry", 100.0 / (TableSize - 1));
    private static readonly CommonParameter NoSynapses = Declared.CommonParameter("no_synapses", 0.0, integer: true);
    private static readonly CommonParameter SynapsesPerDriver = Declared.CommonParameter("synapses_per_driver", 50.0, integer: true);
    private static readonly CommonParameter DriverReadoutTime = Declared.CommonParameter("driver_readout_time", 15.0);
    private static readonly CommonParameter ReadoutCycleDuration =
        Declared.CommonParameter("readout_cycle_duration", ReadoutCycle(0, 50, 15.0));

    private static readonly CommonArray[] LookupTables =
    [
        Declared.CommonIntegerArray("lookuptable_0", [2, 3, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 14, 15], CheckTable("lookuptable_0")),
        Declared.CommonIntegerArray("lookuptable_1", [0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 12, 13], CheckTable("lookuptable_1")),
        Declared.CommonIntegerArray("lookuptable_2", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], CheckTable("lookuptable_2")),
    ];
    private static readonly CommonArray ConfigBit0 = Declared.CommonIntegerArray("configbit_0", [0, 0, 1, 0], CheckLength("configbit_0", 4, "configuration bits"));
    private static readonly CommonArray ConfigBit1 = Declared.CommonIntegerArray("configbit_1", [0, 1, 0, 0], CheckLength("configbit_1", 4, "configuration bits"));
    private static readonly CommonArray ResetPattern = Declared.CommonIntegerArray("reset_pattern", [1, 1, 1, 1, 1, 1], CheckLength("reset_pattern", 6, "reset bits"));

    private static readonly SynapseColumn ACausal = Declared.Parameter("a_causal", 0.0);
    private static readonly SynapseColumn AAcausal = Declared.Parameter("a_acausal", 0.0);
    private static readonly SynapseColumn AThreshTh = Declared.Parameter("a_thresh_th", 21.835);
    private static readonly SynapseColumn AThreshTl = Declared.Parameter("a_thresh_tl", 21.835);
    private static readonly SynapseColumn SynapseId = Declared.Parameter("synapse_id", 0.0, integer: true);
    private static readonly SynapseColumn InitFlag = Declared.FlagParameter("init_flag", false);
    private static readonly SynapseColumn NextReadoutTime = Declared.Parameter("next_readout_time", 0.0);
    private static readonly SynapseColumn LastSpike = Declared.State("t_lastspike");

    static StdpFacetshwSynapseHom() => Declared.WithoutSize();

    /// <summary>What the serial preparation of a slice leaves for the threads, per model; and the count of uncounted synapses.</summary>
    private sealed class ModelState
    {
        /// <summary>readout_cycle_duration before the slice's first spikes were counted.</summary>
        public double CycleAtStart;

        /// <summary>Where readout_cycle_duration changed in the slice, in the order of the count.</summary>
        public CycleChange[] Changes = new CycleChange[4];
        public int ChangeCount;

        /// <summary>Synapses of the model not counted yet (init_flag false), valid while <see cref="CountedAt"/> is the type's version.</summary>
        public long Uncounted;
        public long CountedAt = -1;
    }

    /// <summary>
    /// readout_cycle_duration became <paramref name="Cycle"/> when synapse <paramref name="Index"/> (of the block of
    /// <paramref name="Target"/>) was counted at the spike of <paramref name="Source"/> at <paramref name="Lag"/>.
    /// </summary>
    private readonly record struct CycleChange(int Source, int Lag, int Target, int Index, double Cycle);

    private readonly ConditionalWeakTable<SynapseModel, ModelState> _states = [];

    /// <summary>Changes whenever synapses are made or their status is set (so the uncounted synapses are counted again).</summary>
    private long _version;

    private Spike[] _bySource = [];
    private readonly List<(int Target, int Index, SynapseBlock Block)> _firstSpikes = [];

    protected override SynapseSchema DeclaredSchema => Declared;

    public override bool SupportsCheckpoint => true;

    protected override StoredColumn LastSpikeColumn => LastSpike;

    public override bool ChangesCommonValuesInDelivery => true;

    /// <summary>NEST's readout_cycle_duration: int((n - 1) / per_driver + 1) · driver_readout_time (a C int of an out-of-range or NaN value is int.MinValue, as on x86).</summary>
    private static double ReadoutCycle(double noSynapses, double synapsesPerDriver, double driverReadoutTime)
    {
        double drivers = (noSynapses - 1.0) / synapsesPerDriver + 1.0;
        int whole = drivers is > -2147483649.0 and < 2147483648.0 ? (int)drivers : int.MinValue;
        return whole * driverReadoutTime;
    }

    private static Action<long[]> CheckTable(string key) => table =>
    {
        if (table.Length != TableSize)
            throw new BadPropertyException(key, table, $"a look-up table needs 2^4 = {TableSize} entries, got {table.Length}");
        foreach (long entry in table)
        {
            if (entry is < 0 or >= TableSize)
                throw new BadPropertyException(key, table, $"every look-up table entry must be an integer in [0,15], got {entry}");
        }
    };

    private static Action<long[]> CheckLength(string key, int length, string what) => array =>
    {
        if (array.Length != length) throw new BadPropertyException(key, array, $"needs exactly {length} {what}, got {array.Length}");
    };

    public override void DeriveCommon(IEnumerable<string> given, double[] common, long[][] arrays)
    {
        bool wmax = false, perEntry = false, cycle = false;
        foreach (string key in given)
        {
            wmax |= key == "Wmax";
            perEntry |= key == "weight_per_lut_entry";
            cycle |= key is "no_synapses" or "synapses_per_driver" or "driver_readout_time";
        }
        if (wmax && !perEntry) common[WeightPerLutEntry.Index] = common[Wmax.Index] / (arrays[LookupTables[0].Index].Length - 1);
        if (cycle)
        {
            common[ReadoutCycleDuration.Index] =
                ReadoutCycle(common[NoSynapses.Index], common[SynapsesPerDriver.Index], common[DriverReadoutTime.Index]);
        }
    }

    public override void CheckTarget(NeuronGroup target)
    {
        if (target.ElementType != ElementType.Neuron)
            throw new IllegalConnectionException($"'{Name}' reads its target's spike history; {target.Model.Name} keeps none.");
        RequireArchivingTarget(target);
    }

    public override void CheckConnect(SynapseModel model, IEnumerable<string> synSpecKeys, int threads)
    {
        foreach (string key in synSpecKeys)
        {
            if (key == "init_flag")
            {
                throw new BadPropertyException(key, "(any value)",
                    $"Connect does not take 'init_flag' of '{model.Name}' (NEST's Connect takes no boolean synapse parameter): set it on the connections or with SetDefaults");
            }
        }
    }

    public override void OnCreated(SynapseBlock block, int index, bool statusSet, SynapseModel model) => Interlocked.Increment(ref _version);

    public override void OnStatusSet(SynapseBlock block, int index) => Interlocked.Increment(ref _version);

    /// <summary>
    /// Counts the synapses that transmit their first spike in this slice (see the class summary for the order) and
    /// notes where readout_cycle_duration changes, for <see cref="Deliver"/>.
    /// </summary>
    public override void PrepareSlice(SynapseModel model, IReadOnlyList<SynapseBlock> blocks, ReadOnlySpan<Spike> spikes, long sliceStart, TimeGrid time,
        int[] nodeOfChannel)
    {
        var state = _states.GetValue(model, static _ => new ModelState());
        double[] common = model.CommonValues;
        state.CycleAtStart = common[ReadoutCycleDuration.Index];
        state.ChangeCount = 0;
        if (spikes.Length == 0) return;
        long version = Interlocked.Read(ref _version);
        if (state.CountedAt != version)
        {
            state.Uncounted = 0;
            foreach (var block in blocks)
            {
                double[] flags = block.State[InitFlag.Index];
                for (int i = 0; i < block.Count; i++) if (flags[i] == 0) state.Uncounted++;
            }
            state.CountedAt = version;
        }
        if (state.Uncounted == 0) return;

        if (_bySource.Length < spikes.Length) _bySource = new Spike[Math.Max(spikes.Length, 2 * _bySource.Length)];
        var bySource = _bySource.AsSpan(0, spikes.Length);
        spikes.CopyTo(bySource);
        bySource.Sort(static (a, b) => a.Source != b.Source ? a.Source.CompareTo(b.Source) : a.Lag.CompareTo(b.Lag));

        double count = common[NoSynapses.Index], cycle = common[ReadoutCycleDuration.Index];
        double perDriver = common[SynapsesPerDriver.Index], readoutTime = common[DriverReadoutTime.Index];
        foreach (ref readonly var spike in bySource)
        {
            _firstSpikes.Clear();
            foreach (var block in blocks)
            {
                var (first, last) = block.RangeOf(spike.Source);
                double[] flags = block.State[InitFlag.Index];
                int[] channels = block.Channels;
                for (int i = first; i < last; i++) if (flags[i] == 0) _firstSpikes.Add((nodeOfChannel[channels[i] & int.MaxValue], i, block));
            }
            if (_firstSpikes.Count == 0) continue;
            _firstSpikes.Sort(static (a, b) => a.Target != b.Target ? a.Target.CompareTo(b.Target) : a.Index.CompareTo(b.Index));
            foreach (var (target, index, block) in _firstSpikes)
            {
                if (perDriver == 0)
                {
                    throw new BadPropertyException("synapses_per_driver", 0L,
                        $"'{model.Name}' needs synapses_per_driver other than 0 when a synapse transmits its first spike (NEST divides by it)");
                }
                long id = (long)count;
                count++;
                double newCycle = ReadoutCycle(count, perDriver, readoutTime);
                block.State[SynapseId.Index][index] = id;
                block.State[InitFlag.Index][index] = 1.0;
                block.State[NextReadoutTime.Index][index] = (int)(id / (long)perDriver) * readoutTime;
                state.Uncounted--;
                // Bitwise comparison: a NaN cycle counts as a change once.
                if (BitConverter.DoubleToInt64Bits(newCycle) != BitConverter.DoubleToInt64Bits(cycle))
                {
                    if (state.ChangeCount == state.Changes.Length) Array.Resize(ref state.Changes, 2 * state.Changes.Length);
                    state.Changes[state.ChangeCount++] = new CycleChange(spike.Source, spike.Lag, target, index, newCycle);
                }
                cycle = newCycle;
            }
        }
        common[NoSynapses.Index] = count;
        common[ReadoutCycleDuration.Index] = cycle;
    }

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
    {
        var state = _states.GetValue(model, static _ => new ModelState());
        Deliver(new Rule(block, context, model, state), block, spikes, context, model);
    }

    /// <summary>The rule over the columns of one block, with the model's common values and this slice's readout cycles.</summary>
    private readonly struct Rule : IPlasticityRule
    {
        private readonly double[] _aCausal, _aAcausal, _thresholdTh, _thresholdTl, _nextReadout, _lastSpike;
        private readonly long[] _configBit0, _configBit1, _reset, _table0, _table1, _table2;
        private readonly double _tauPlus, _tauMinus, _perEntry, _cycleAtStart;
        private readonly CycleChange[] _changes;
        private readonly int _changeCount;
        private readonly SynapseBlock _block;
        private readonly SpikeArchive _archive;
        private readonly TimeGrid _time;
        private readonly long _sliceStart;
        private readonly string _model;

        public Rule(SynapseBlock block, in DeliveryContext context, SynapseModel model, ModelState state)
        {
            _aCausal = block.State[ACausal.Index];
            _aAcausal = block.State[AAcausal.Index];
            _thresholdTh = block.State[AThreshTh.Index];
            _thresholdTl = block.State[AThreshTl.Index];
            _nextReadout = block.State[NextReadoutTime.Index];
            _lastSpike = block.State[LastSpike.Index];
            double[] common = model.CommonValues;
            long[][] arrays = model.CommonArrays;
            _configBit0 = arrays[ConfigBit0.Index];
            _configBit1 = arrays[ConfigBit1.Index];
            _reset = arrays[ResetPattern.Index];
            _table0 = arrays[LookupTables[0].Index];
            _table1 = arrays[LookupTables[1].Index];
            _table2 = arrays[LookupTables[2].Index];
            _tauPlus = common[TauPlus.Index];
            _tauMinus = common[TauMinus.Index];
            _perEntry = common[WeightPerLutEntry.Index];
            _cycleAtStart = state.CycleAtStart;
            _changes = state.Changes;
            _changeCount = state.ChangeCount;
            _block = block;
            _archive = context.Archive;
            _time = context.Time;
            _sliceStart = context.SliceStart;
            _model = model.Name;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Transmit(int synapse, double weight, int target, double tSpike, int delaySteps)
        {
            double w = weight;
            if (tSpike > _nextReadout[synapse]) w = Readout(synapse, w, target, tSpike);

            var history = _archive.Of(target)!;
            double dendriticDelay = _time.DelayStepsToMs(delaySteps);
            double tLast = _lastSpike[synapse];
            var (from, to) = history.Read(tLast - dendriticDelay, tSpike - dendriticDelay);
            if (from != to)
            {
                // Nearest neighbours: the first post-synaptic spike since the last pre-synaptic one, and the latest.
                _aCausal[synapse] += Math.Exp((tLast - (history.At(from).T + dendriticDelay)) / _tauPlus);
                _aAcausal[synapse] += Math.Exp((history.At(to - 1).T + dendriticDelay - tSpike) / _tauMinus);
            }
            _lastSpike[synapse] = tSpike;
            return w;
        }

        /// <summary>The STDP controller processes the synapse: the weight through a look-up table, the next readout time.</summary>
        private double Readout(int synapse, double weight, int target, double tSpike)
        {
            double entry = Math.Round(weight / _perEntry, MidpointRounding.AwayFromZero);
            if (!(entry >= 0 && entry <= uint.MaxValue)) throw OutsideTable(synapse, weight, target, entry);
            long k = (long)entry;
            bool eval0 = Evaluate(synapse, _configBit0), eval1 = Evaluate(synapse, _configBit1);
            if (eval0 || eval1)
            {
                int table = eval0 && eval1 ? 2 : eval0 ? 0 : 1;
                long[] lookup = table == 0 ? _table0 : table == 1 ? _table1 : _table2;
                if (k >= lookup.Length) throw OutsideTable(synapse, weight, target, entry);
                k = lookup[k];
                if (_reset[2 * table] != 0) _aCausal[synapse] = 0;
                if (_reset[2 * table + 1] != 0) _aAcausal[synapse] = 0;
            }
            double cycle = CycleAt(synapse, target, tSpike);
            if (!(cycle > 0))
            {
                throw new BadPropertyException("readout_cycle_duration", cycle,
                    $"'{_model}' needs a positive readout_cycle_duration when a synapse is processed (NEST would loop forever)");
            }
            while (tSpike > _nextReadout[synapse]) _nextReadout[synapse] += cycle;
            return k * _perEntry;
        }

        /// <summary>NEST's evaluation bit for one set of configuration bits.</summary>
        private bool Evaluate(int synapse, long[] c)
        {
            double causal = _aCausal[synapse], acausal = _aAcausal[synapse];
            return (_thresholdTl[synapse] + c[2] * causal + c[1] * acausal) / (1 + c[2] + c[1])
                > (_thresholdTh[synapse] + c[0] * causal + c[3] * acausal) / (1 + c[0] + c[3]);
        }

        /// <summary>readout_cycle_duration as NEST's single thread has it when this synapse transmits the spike at <paramref name="tSpike"/>.</summary>
        private double CycleAt(int synapse, int target, double tSpike)
        {
            if (_changeCount == 0) return _cycleAtStart;
            int source = _block.SourceOf(synapse);
            int lag = (int)(_time.MsToTics(tSpike) / _time.TicsPerStep - _sliceStart - 1);
            // The last change at or before this transmission (the changes are in the order of the count).
            int lo = 0, hi = _changeCount;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                ref readonly var change = ref _changes[mid];
                int order = change.Source != source ? change.Source.CompareTo(source)
                    : change.Lag != lag ? change.Lag.CompareTo(lag)
                    : change.Target != target ? change.Target.CompareTo(target)
                    : change.Index.CompareTo(synapse);
                if (order <= 0) lo = mid + 1;
                else hi = mid;
            }
            return lo == 0 ? _cycleAtStart : _changes[lo - 1].Cycle;
        }

        private BadPropertyException OutsideTable(int synapse, double weight, int target, double entry) => new("weight", weight,
            $"the weight of the '{_model}' connection {_block.SourceOf(synapse)} -> {target} is look-up table entry {entry}, " +
            $"outside the tables' 0..{_table0.Length - 1} (weights must lie in [0, Wmax])");
    }
}
