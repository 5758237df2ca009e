namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_psc_delta: leaky integrate-and-fire neuron whose synaptic input makes the membrane potential jump (delta-shaped
/// post-synaptic currents), integrated exactly on the time grid (Rotter &amp; Diesmann 1999).
/// <code>
/// dV/dt = -(V - E_L)/tau_m + (I_e + I_stim)/C_m + sum_k w_k δ(t - t_k)     (w_k in mV)
/// V &gt;= V_th: spike, V = V_reset, clamped for t_ref; V is bounded below by V_min.
/// </code>
/// Per step h, with y = V - E_L, when not refractory: y ← P30·(I_stim + I_e) + P33·y + (sum of the weights arriving in
/// the step), P33 = exp(-h/tau_m), P30 = tau_m/C_m·(1 - P33); then y ← max(y, V_min - E_L). A current input takes
/// effect from the next step. While refractory, arriving spikes are dropped, unless <c>refractory_input</c> is true:
/// then each is kept, discounted by exp(-r·h/tau_m) for the r refractory steps left, and the sum is added to y in the
/// first step after the refractory period.
/// <para>With <c>ignore_and_spike</c> true the neuron ignores its threshold and fires at fixed times instead: first
/// <c>ignore_and_spike_offset</c> after its creation (or after the offset was last set), then every
/// <c>ignore_and_spike_interval</c>, with the usual reset and refractoriness (NEST's ignore-and-spike mechanism, for
/// benchmarks).</para>
/// <para>Parameters (units): C_m (pF), tau_m, t_ref (ms), E_L, V_reset, V_th, V_min (mV), I_e (pA),
/// refractory_input (bool); state V_m (mV). Recordables: V_m. Weights are the jumps of V_m in mV.</para>
/// <para>References: Rotter S, Diesmann M (1999) Biol Cybern 81:381-402. Diesmann M et al. (2001) Neurocomputing
/// 38-40:565-571. NEST model documentation, iaf_psc_delta (NEST 3.10).</para>
/// </summary>
[NodeModelName("iaf_psc_delta")]
internal sealed class IafPscDelta : NeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly IafMembrane Membrane = new(Declared);

    private static readonly Column VMin = Declared.Parameter("V_min", -double.MaxValue, "mV");
    private static readonly Column RefractoryInput = Declared.Flag("refractory_input", false);

    /// <summary>The current input of the step (NEST's y0).</summary>
    private static readonly Column CurrentInput = Declared.Internal("current_input");

    /// <summary>The discounted input that arrived while refractory (refractory_input).</summary>
    private static readonly Column RefractorySpikes = Declared.Internal("refractory_spikes");

    /// <summary>
    /// Steps left to the next forced spike of the ignore-and-spike mechanism; negative until it is started from
    /// ignore_and_spike_offset (before the first run, and again whenever the offset is set).
    /// </summary>
    private static readonly Column StepsToForcedSpike = Declared.Internal("steps_to_forced_spike", -1.0);

    private static readonly SpikeAndCurrentInputs Inputs = new(Declared);

    static IafPscDelta()
    {
        Declared.Recordable(Membrane.Vm);
    }

    private struct Propagators
    {
        public double P33, P30, Ie, Theta, VResetRel, LowerBound, H, TauM;
        public bool WithRefractoryInput, IgnoreAndSpike;
        public int RefractorySteps;
        public long ForcedSpikeOffsetSteps, ForcedSpikeIntervalSteps;
    }

    private readonly PropagatorSets<Propagators> _propagators = new();
    private readonly int[] _refractory;

    public IafPscDelta(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _refractory = CountersOutsideColumns();
    }

    public override bool SupportsCheckpoint => true;

    protected override void Validate(in StatusRow row) => Membrane.Validate(row);

    /// <summary>Setting ignore_and_spike_offset (even to its value) restarts the count-down to the next forced spike, as in NEST.</summary>
    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        var commit = base.Stage(local, values, context);
        if (!values.ContainsKey(Schema.NameOf(NeuronSchema.Archiving.IgnoreAndSpikeOffset))) return commit;
        int position = PositionOf(local);
        return () =>
        {
            commit();
            this[StepsToForcedSpike][position] = -1.0;
        };
    }

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        double h = time.Resolution;
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double tauM = this[Membrane.TauM][i], el = this[Membrane.EL][i];
            double p33 = Math.Exp(-h / tauM);
            return new Propagators
            {
                P33 = p33,
                P30 = 1 / this[Membrane.Cm][i] * (1 - p33) * tauM,
                Ie = this[Membrane.Ie][i],
                Theta = this[Membrane.VTh][i] - el,
                VResetRel = this[Membrane.VReset][i] - el,
                LowerBound = this[VMin][i] - el,
                H = h,
                TauM = tauM,
                WithRefractoryInput = this[RefractoryInput][i] != 0.0,
                IgnoreAndSpike = this[NeuronSchema.Archiving.IgnoreAndSpike][i] != 0.0,
                RefractorySteps = (int)time.MsToStepsCeil(this[Membrane.TRef][i]),
                ForcedSpikeOffsetSteps = time.MsToStepsCeil(this[NeuronSchema.Archiving.IgnoreAndSpikeOffset][i]),
                ForcedSpikeIntervalSteps = time.MsToStepsCeil(this[NeuronSchema.Archiving.IgnoreAndSpikeInterval][i]),
            };
        });
        double[] stepsToForcedSpike = this[StepsToForcedSpike];
        for (int i = 0; i < Count; i++)
        {
            if (stepsToForcedSpike[i] < 0) stepsToForcedSpike[i] = _propagators.Sets[_propagators.SetOfNode[i]].ForcedSpikeOffsetSteps;
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread]));

    /// <summary>Calls <see cref="Advance"/> for each step (a struct, so that the step loop is compiled for this model).</summary>
    private readonly struct Stepper(IafPscDelta group, SpikeBuffer spikes) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, spikes);
    }

    /// <summary>One step of the nodes of a chunk, in NEST's order of operations.</summary>
    private void Advance(in ChunkStep s, SpikeBuffer spikes)
    {
        double[] y3 = this[Membrane.Vm], y0 = this[CurrentInput], refractorySpikes = this[RefractorySpikes];
        double[] stepsToForcedSpike = this[StepsToForcedSpike];
        int[] refractory = _refractory;
        var propagators = _propagators.Select();
        Span<double> spikeIn = s.Input(Inputs.Spikes), currentIn = s.Input(Inputs.Currents);
        for (int i = s.Start; i < s.End; i++)
        {
            int k = i - s.Start;
            ref readonly Propagators p = ref propagators.Of(i);
            if (refractory[i] == 0)
            {
                y3[i] = p.P30 * (y0[i] + p.Ie) + p.P33 * y3[i] + spikeIn[k];
                if (p.WithRefractoryInput && refractorySpikes[i] != 0.0)
                {
                    y3[i] += refractorySpikes[i];
                    refractorySpikes[i] = 0.0;
                }
                if (y3[i] < p.LowerBound) y3[i] = p.LowerBound;
            }
            else
            {
                if (p.WithRefractoryInput) refractorySpikes[i] += spikeIn[k] * Math.Exp(-refractory[i] * p.H / p.TauM);
                refractory[i]--;
            }

            bool fires;
            if (p.IgnoreAndSpike)
            {
                fires = --stepsToForcedSpike[i] == 0;
                if (fires) stepsToForcedSpike[i] = p.ForcedSpikeIntervalSteps;
            }
            else
            {
                fires = y3[i] >= p.Theta;
            }
            if (fires)
            {
                refractory[i] = p.RefractorySteps;
                y3[i] = p.VResetRel;
                spikes.Add(s.Lag, IdOf(i));
            }

            y0[i] = currentIn[k];
        }
    }
}
