namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_psc_exp_htum: leaky integrate-and-fire neuron with exponentially decaying post-synaptic currents and two
/// refractory periods (Hill &amp; Tononi 2005), integrated exactly on the time grid (Rotter &amp; Diesmann 1999).
/// <code>
/// dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_stim)/C_m
/// dI_syn_X/dt = -I_syn_X/tau_syn_X + sum_k w_k δ(t - t_k)
/// V &gt;= V_th outside the total refractory period: spike, V = V_reset; V is clamped for t_ref_abs and no spike can
/// follow within t_ref_tot (V integrates again between the two).
/// </code>
/// Per step h (y = V - E_L): y ← P22·y + P21ex·I_ex + P21in·I_in + P20·(I_e + I_stim) unless absolutely refractory,
/// with P22 = exp(-h/tau_m), P20 = tau_m/C_m·(1 - P22), P21X the exact current-to-voltage propagator; I_X ← P11X·I_X,
/// then spikes arriving in the step add their weight to I_X at once; the threshold is tested only outside the total
/// refractory period. Non-negative weights go to the excitatory synapse. A current input takes effect from the next
/// step. Both refractory times must last at least one step (checked when a simulation starts).
/// <para>Parameters (units): C_m (pF), tau_m, tau_syn_ex, tau_syn_in, t_ref_abs, t_ref_tot (ms), E_L, V_reset, V_th
/// (mV), I_e (pA); state V_m (mV). Recordables: V_m, I_syn_ex, I_syn_in; as in NEST, the recorded V_m is relative to
/// E_L (the status shows the absolute potential).</para>
/// <para>References: Hill S, Tononi G (2005) J Neurophysiol 93:1671-1698. Rotter S, Diesmann M (1999) Biol Cybern
/// 81:381-402. NEST model documentation, iaf_psc_exp_htum (NEST 3.10).</para>
/// </summary>
[NodeModelName("iaf_psc_exp_htum")]
internal sealed class IafPscExpHtum : NeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly Column Cm = Declared.Parameter("C_m", 250.0, "pF", Requirement.Positive("capacitance must be strictly positive"));
    private static readonly Column TauM = Declared.Parameter("tau_m", 10.0, "ms", Requirement.Positive(IafMembrane.AllTimeConstantsPositive));
    private static readonly Column TRefAbs = Declared.Parameter("t_ref_abs", 2.0, "ms", Requirement.Positive(IafMembrane.AllTimeConstantsPositive));
    private static readonly Column TRefTot = Declared.Parameter("t_ref_tot", 2.0, "ms", Requirement.Positive(IafMembrane.AllTimeConstantsPositive));
    private static readonly Column EL = Declared.Parameter("E_L", -70.0, "mV");
    private static readonly Column VReset = Declared.Parameter("V_reset", -70.0, "mV");
    private static readonly Column VTh = Declared.Parameter("V_th", -55.0, "mV");
    private static readonly Column Ie = Declared.Parameter("I_e", 0.0, "pA");
    // tau_syn_ex, tau_syn_in, I_syn_ex, I_syn_in, spikes_ex and spikes_in (receptor 0)
    private static readonly CurrentSynapses Synapses = new(Declared, IafMembrane.AllTimeConstantsPositive, SpikeRouting.BySignZeroExcitatory);

    /// <summary>V_m, stored relative to E_L.</summary>
    private static readonly Column Vm = Declared.StateRelativeTo(EL, "V_m", -70.0, "mV");

    /// <summary>The current input of the step (NEST's i_0_).</summary>
    private static readonly Column CurrentInput = Declared.Internal("current_input");

    private static readonly InputChannel Currents = Declared.CurrentInput("currents", 0);

    static IafPscExpHtum()
    {
        Declared.Recordable(Vm, Synapses.ISynEx, Synapses.ISynIn);
    }

    private struct Propagators
    {
        public ExpPscPropagators Exp;
        public double Theta, VResetRel;
        public int AbsoluteSteps, TotalSteps;
    }

    private readonly PropagatorSets<Propagators> _propagators = new();

    /// <summary>Steps left of the absolute and of the total refractory period.</summary>
    private readonly int[] _absolute, _total;

    public IafPscExpHtum(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _absolute = CountersOutsideColumns();
        _total = CountersOutsideColumns();
    }

    public override bool SupportsCheckpoint => true;

    /// <summary>NEST records this model's V_m relative to E_L: the stored value, without E_L added back.</summary>
    public override double ReadRecordable(int index, int position) =>
        index == 0 ? this[Vm][position] : base.ReadRecordable(index, position);

    protected override void Validate(in StatusRow row)
    {
        row.Require(row[VReset] < row[VTh], VReset, $"reset potential must be smaller than threshold (V_th = {row[VTh]})");
        row.Require(row[TRefAbs] <= row[TRefTot], TRefAbs,
            $"the absolute refractory time must not exceed the total refractory time (t_ref_tot = {row[TRefTot]})");
    }

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        double h = time.Resolution;
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double el = this[EL][i];
            var p = new Propagators
            {
                Exp = ExpPscPropagators.Of(this[TauM][i], this[Cm][i], this[Synapses.TauSynEx][i], this[Synapses.TauSynIn][i], this[Ie][i], h),
                Theta = this[VTh][i] - el,
                VResetRel = this[VReset][i] - el,
                AbsoluteSteps = (int)time.MsToStepsCeil(this[TRefAbs][i]),
                TotalSteps = (int)time.MsToStepsCeil(this[TRefTot][i]),
            };
            if (p.AbsoluteSteps < 1)
                throw new BadPropertyException("t_ref_abs", this[TRefAbs][i], $"the absolute refractory time must last at least one time step ({h} ms)");
            if (p.TotalSteps < 1)
                throw new BadPropertyException("t_ref_tot", this[TRefTot][i], $"the total refractory time must last at least one time step ({h} ms)");
            return p;
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread]));

    /// <summary>Calls <see cref="Advance"/> for each step (a struct, so that the step loop is compiled for this model).</summary>
    private readonly struct Stepper(IafPscExpHtum group, SpikeBuffer spikes) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, spikes);
    }

    /// <summary>One step of the nodes of a chunk, in NEST's order of operations.</summary>
    private void Advance(in ChunkStep s, SpikeBuffer spikes)
    {
        double[] v = this[Vm], iEx = this[Synapses.ISynEx], iIn = this[Synapses.ISynIn], i0 = this[CurrentInput];
        int[] absolute = _absolute, total = _total;
        var propagators = _propagators.Select();
        Span<double> exIn = s.Input(Synapses.SpikesEx), inIn = s.Input(Synapses.SpikesIn), curIn = s.Input(Currents);
        for (int i = s.Start; i < s.End; i++)
        {
            int k = i - s.Start;
            ref readonly Propagators p = ref propagators.Of(i);
            p.Exp.IntegrateUnlessRefractory(ref v[i], ref absolute[i], iEx[i], iIn[i], i0[i]);
            p.Exp.Decay(ref iEx[i], ref iIn[i]);
            iEx[i] += exIn[k];
            iIn[i] += inIn[k];

            if (total[i] == 0)
            {
                if (v[i] >= p.Theta)
                {
                    absolute[i] = p.AbsoluteSteps;
                    total[i] = p.TotalSteps;
                    v[i] = p.VResetRel;
                    spikes.Add(s.Lag, IdOf(i));
                }
            }
            else
            {
                total[i]--;
            }

            i0[i] = curIn[k];
        }
    }
}
