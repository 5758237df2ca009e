namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_chs_2007: the spike-response model of Carandini, Horton and Sincich (2007), in normalised units (rest 0,
/// threshold 1): the membrane potential is the sum of the postsynaptic potentials, the after-spike reset waveform and
/// an optional noise signal given in advance.
/// <code>
/// V_m = V_syn + V_spike + V_noise · noise[k]                 (k: the node's position in its noise signal)
/// V_syn: alpha-shaped PSPs, time to peak tau_epsp, peak V_epsp per unit weight
/// dV_spike/dt = -V_spike/tau_reset;   V_m &gt;= 1: spike, V_spike ← V_spike - V_reset, V_m ← V_m - V_reset
/// </code>
/// Per step h, in NEST's order: V_syn ← P22·V_syn + P21·i_syn; i_syn ← P11·i_syn, plus the weights of the spikes
/// arriving in the step; V_spike ← P30·V_spike; V_m as above (the noise term only when V_noise &gt; 0 and the signal is
/// not empty, and then it takes the signal's next value); the threshold test. P11 = P22 = exp(-h/tau_epsp), P30 =
/// exp(-h/tau_reset), P21 = V_epsp·e/C·P11·h/tau_epsp with C = 1. Spikes with a negative weight are ignored (as in
/// NEST); the model takes no current input. Setting <c>noise</c> starts the signal from its first value again; a run
/// needing more values than the signal has left is refused (NEST reads past the signal's end).
/// <para>Parameters (units normalised to the threshold): tau_epsp, tau_reset (ms), V_epsp, V_reset, V_noise, noise (a
/// list); state V_m. Recordables: V_m.</para>
/// <para>References: Carandini M, Horton JC, Sincich LC (2007) Thalamic filtering of retinal spike trains by
/// postsynaptic summation. J Vis 7(14):20. Rotter S, Diesmann M (1999) Biol Cybern 81:381-402. NEST model
/// documentation, iaf_chs_2007.</para>
/// </summary>
[NodeModelName("iaf_chs_2007")]
internal sealed class IafChs2007 : NeuronGroup
{
    /// <summary>The threshold (NEST's U_th), fixed in the normalised units.</summary>
    private const double Threshold = 1.0;

    /// <summary>The membrane capacitance (NEST's C_), fixed.</summary>
    private const double Capacitance = 1.0;

    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly Column VReset = Declared.Parameter("V_reset", 2.31, "", Requirement.NonNegative("Reset potential cannot be negative"));
    private static readonly Column VEpsp = Declared.Parameter("V_epsp", 0.77, "", Requirement.NonNegative("EPSP cannot be negative"));
    private static readonly Column TauEpsp = Declared.Parameter("tau_epsp", 8.5, "ms", Requirement.Positive("All time constants must be strictly positive"));
    private static readonly Column TauReset = Declared.Parameter("tau_reset", 15.4, "ms", Requirement.Positive("All time constants must be strictly positive"));
    private static readonly Column VNoise = Declared.Parameter("V_noise", 0.0, "");
    private static readonly Column Vm = Declared.State("V_m", 0.0, "");

    private static readonly Column ISyn = Declared.Internal("i_syn_ex");
    private static readonly Column VSyn = Declared.Internal("V_syn");
    private static readonly Column VSpike = Declared.Internal("V_spike");

    /// <summary>The position of the node's next noise value (a column, so that every process knows it after a run).</summary>
    private static readonly Column NoisePosition = Declared.Internal("noise_position");

    private static readonly InputChannel Spikes = Declared.Input("spikes");

    /// <summary>Spikes with a negative weight: NEST ignores them, so this input is cleared unread.</summary>
    private static readonly InputChannel IgnoredSpikes = Declared.Input("ignored_spikes");

    static IafChs2007()
    {
        Declared.SignedSpikeReceptor(0, Spikes, IgnoredSpikes, SpikeRouting.BySignZeroExcitatory);
        Declared.Recordable(Vm);
    }

    private struct Propagators
    {
        public double P11, P21, P22, P30, VReset, VNoise;
    }

    private readonly PropagatorSets<Propagators> _propagators = new();
    private readonly NoiseSignals _noise;

    public IafChs2007(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _noise = KeepOutsideColumns(new NoiseSignals(this, count));
    }

    public override bool SupportsCheckpoint => true;

    public override void CheckRun(long steps)
    {
        for (int i = 0; i < Count; i++)
        {
            if (this[VNoise][i] > 0.0) _noise.CheckLasts(i, (long)this[NoisePosition][i], steps, IdOf(i));
        }
    }

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double tauEpsp = this[TauEpsp][i];
            double p11 = Math.Exp(-h / tauEpsp);
            return new Propagators
            {
                P11 = p11,
                P22 = p11,
                P30 = Math.Exp(-h / this[TauReset][i]),
                P21 = this[VEpsp][i] * Math.Exp(1.0) / Capacitance * p11 * h / tauEpsp,
                VReset = this[VReset][i],
                VNoise = this[VNoise][i],
            };
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread]));

    /// <summary>Calls <see cref="Advance"/> for each step (a struct, so that the step loop is compiled for this model).</summary>
    private readonly struct Stepper(IafChs2007 group, SpikeBuffer spikes) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, spikes);
    }

    /// <summary>One step of the nodes of a chunk, in NEST's order of operations.</summary>
    private void Advance(in ChunkStep s, SpikeBuffer spikes)
    {
        double[] v = this[Vm], iSyn = this[ISyn], vSyn = this[VSyn], vSpike = this[VSpike], noisePosition = this[NoisePosition];
        var propagators = _propagators.Select();
        Span<double> arrived = s.Input(Spikes);
        for (int i = s.Start; i < s.End; i++)
        {
            ref readonly Propagators p = ref propagators.Of(i);
            vSyn[i] = vSyn[i] * p.P22 + iSyn[i] * p.P21;
            iSyn[i] *= p.P11;
            iSyn[i] += arrived[i - s.Start];
            vSpike[i] *= p.P30;
            double noise = p.VNoise > 0.0 ? _noise.Next(i, ref noisePosition[i], p.VNoise) : 0.0;
            v[i] = vSyn[i] + vSpike[i] + noise;
            if (v[i] >= Threshold)
            {
                vSpike[i] -= p.VReset;
                v[i] -= p.VReset;
                spikes.Add(s.Lag, IdOf(i));
            }
        }
    }

    /// <summary>
    /// Each node's noise signal (NEST's <c>noise</c>, a list of values of any length), kept outside the columns. A Set of
    /// <c>noise</c> starts the node's signal from its first value again (its <see cref="NoisePosition"/> back to 0).
    /// </summary>
    private sealed class NoiseSignals : IStateOutsideColumns
    {
        private const string Key = "noise";
        private readonly IafChs2007 _group;
        private readonly double[][] _signal;

        public NoiseSignals(IafChs2007 group, int count)
        {
            _group = group;
            _signal = new double[count][];
            Array.Fill(_signal, []);
        }

        public IReadOnlyList<string> Keys => [Key];

        public bool Owns(string key) => key == Key;

        public void WriteStatus(int position, Dictionary<string, object> status) =>
            status[Key] = (double[])_signal[position].Clone();

        public Action Stage(int position, IReadOnlyDictionary<string, object> values)
        {
            if (!values.TryGetValue(Key, out var value)) return static () => { };
            double[] signal = StatusValue.ToDoubleArray(Key, value);
            return () =>
            {
                _signal[position] = signal;
                _group[NoisePosition][position] = 0.0;
            };
        }

        public void CopyDefaultsFrom(IStateOutsideColumns prototype)
        {
            var defaults = (NoiseSignals)prototype;
            Array.Fill(_signal, defaults._signal[0]);
        }

        public void SaveCheckpoint(CheckpointWriter writer, NeuronGroup group)
        {
            for (int local = 0; local < group.Count; local++) writer.Write(_signal[group.PositionOf(local)]);
        }

        public void RestoreCheckpoint(CheckpointReader reader, NeuronGroup group)
        {
            for (int local = 0; local < group.Count; local++)
            {
                double[] signal = reader.ReadDoubles();
                if (group.Restores(local)) _signal[group.PositionOf(local)] = signal;
            }
        }

        /// <summary>
        /// Refuses a run of <paramref name="steps"/> steps that needs more values than the node's signal has left after
        /// <paramref name="next"/>.
        /// </summary>
        public void CheckLasts(int position, long next, long steps, long nodeId)
        {
            long left = _signal[position].Length - next;
            if (_signal[position].Length > 0 && left < steps)
            {
                throw new BadPropertyException(Key, $"{_signal[position].Length} values",
                    $"node {nodeId} has {left} values of its noise signal left, and the run of {steps} steps needs one per step (the noise signal must be at least as long as the simulation)");
            }
        }

        /// <summary>
        /// The node's value at <paramref name="next"/> times <paramref name="scale"/>, <paramref name="next"/> moving on
        /// (none when its signal is empty).
        /// </summary>
        public double Next(int position, ref double next, double scale)
        {
            double[] signal = _signal[position];
            if (signal.Length == 0) return 0.0;
            double value = scale * signal[(int)next];
            next += 1.0;
            return value;
        }
    }
}
