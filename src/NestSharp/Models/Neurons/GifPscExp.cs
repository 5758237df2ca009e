namespace NestSharp.Models.Neurons;

/// <summary>
/// gif_psc_exp: generalized integrate-and-fire neuron (Mensi et al. 2012, Pozzorini et al. 2015) with exponential
/// post-synaptic currents: a leaky membrane with spike-triggered currents (stc), a threshold that moves after spikes
/// (spike-frequency adaptation, sfa), and stochastic spiking by escape noise.
/// <code>
/// C_m·dV/dt = -g_L·(V - E_L) - I_stc + I_syn_ex + I_syn_in + I_e + I_stim
/// I_stc = sum_j stc_j,   dstc_j/dt = -stc_j/tau_stc_j,  on a spike stc_j ← stc_j + q_stc_j
/// E_sfa = V_T_star + sum_j sfa_j,   dsfa_j/dt = -sfa_j/tau_sfa_j,  on a spike sfa_j ← sfa_j + q_sfa_j
/// lambda(t) = lambda_0·exp((V - E_sfa)/Delta_V): the neuron fires in a step with probability 1 - exp(-lambda·h)
/// after a spike: V = V_reset for t_ref (from the next step on)
/// </code>
/// Per step h: I_stc and E_sfa are formed from their elements, which then decay; the synaptic currents decay and take
/// the spikes of the step; outside the refractory period V advances exactly from the values at the start of the step
/// (the stc elements before their decay) and one uniform number from the neuron's keyed random stream decides the spike;
/// in it V is held at V_reset. The current input of the step takes effect from the next step. Weights &gt;= 0 go to the
/// excitatory synapse.
/// <para>Parameters (units): C_m (pF), g_L (nS), E_L, V_reset, V_T_star, Delta_V (mV), lambda_0 (1/s), t_ref,
/// tau_syn_ex, tau_syn_in (ms), I_e (pA); arrays tau_stc (ms), q_stc (pA), tau_sfa (ms), q_sfa (mV) of equal lengths in
/// pairs; state V_m (mV); E_sfa (mV) and I_stc (pA) read only. Recordables: V_m, E_sfa, I_stc, I_syn_ex, I_syn_in.</para>
/// <para>References: Mensi S et al. (2012) Parameter extraction and classification of three cortical neuron types
/// reveals two distinct adaptation mechanisms. J Neurophysiol 107:1756-1775. Pozzorini C et al. (2015) Automated
/// high-throughput characterization of single neurons by means of simplified spiking models. PLoS Comput Biol
/// 11:e1004275. NEST model documentation, gif_psc_exp.</para>
/// </summary>
[NodeModelName("gif_psc_exp")]
internal sealed class GifPscExp : NeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    // I_e, E_L, g_L, C_m, V_reset, Delta_V, V_T_star, lambda_0, t_ref, V_m, E_sfa, I_stc, shared with gif_cond_exp
    private static readonly GifMembrane Membrane = new(Declared);

    // tau_syn_ex, tau_syn_in, I_syn_ex, I_syn_in, spikes_ex and spikes_in (receptor 0)
    private static readonly CurrentSynapses Synapses = new(Declared, "synaptic time constants must be strictly positive", SpikeRouting.BySignZeroExcitatory);

    /// <summary>The current input of the previous step (NEST's I_stim), used in this step.</summary>
    private static readonly Column Current = Declared.Internal("current");

    private static readonly InputChannel Currents = Declared.CurrentInput("currents", 0);

    static GifPscExp()
    {
        Declared.Recordable(Membrane.Vm, Membrane.ESfa, Membrane.IStc, Synapses.ISynEx, Synapses.ISynIn);
    }

    private struct Propagators
    {
        public GifMembrane.Constants Membrane;
        public double P11Ex, P11In, P21Ex, P21In, P33, P30, P31;
    }

    private readonly PropagatorSets<Propagators> _propagators = new();
    private readonly GifAdaptation _adaptation;
    private double _h;

    public GifPscExp(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _adaptation = KeepOutsideColumns(new GifAdaptation(count, this[Membrane.ESfa], this[Membrane.IStc]));
    }

    public override bool SupportsCheckpoint => true;

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        _h = h;
        _adaptation.Prepare(context, this, h);
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            var membrane = Membrane.ConstantsOf(Columns, i, context.Time);
            double c = membrane.Cm, tauM = c / membrane.GL;
            return new Propagators
            {
                Membrane = membrane,
                P11Ex = Math.Exp(-h / this[Synapses.TauSynEx][i]),
                P11In = Math.Exp(-h / this[Synapses.TauSynIn][i]),
                P21Ex = ExactPropagators.Exponential(this[Synapses.TauSynEx][i], tauM, c, h),
                P21In = ExactPropagators.Exponential(this[Synapses.TauSynIn][i], tauM, c, h),
                P33 = Math.Exp(-h / tauM),
                P30 = -1 / c * NumericsHelper.ExpM1(-h / tauM) * tauM,
                P31 = -NumericsHelper.ExpM1(-h / tauM),
            };
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread]));

    /// <summary>Calls <see cref="Advance"/> for each step (a struct, so that the step loop is compiled for this model).</summary>
    private readonly struct Stepper(GifPscExp group, SpikeBuffer spikes) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, spikes);
    }

    /// <summary>One step of the nodes of a chunk, in NEST's order of operations.</summary>
    private void Advance(in ChunkStep s, SpikeBuffer spikes)
    {
        double h = _h;
        double[] v = this[Membrane.Vm], eSfa = this[Membrane.ESfa], iStc = this[Membrane.IStc], iEx = this[Synapses.ISynEx], iIn = this[Synapses.ISynIn];
        double[] current = this[Current], refractory = this[Membrane.RefractorySteps];
        var adaptation = _adaptation;
        var propagators = _propagators.Select();
        Span<double> exIn = s.Input(Synapses.SpikesEx), inIn = s.Input(Synapses.SpikesIn), currentIn = s.Input(Currents);
        for (int i = s.Start; i < s.End; i++)
        {
            int k = i - s.Start;
            ref readonly Propagators p = ref propagators.Of(i);
            ref readonly GifMembrane.Constants m = ref p.Membrane;
            iStc[i] = adaptation.SpikeTriggeredCurrent(i);
            eSfa[i] = adaptation.Threshold(i, m.VTStar);
            iEx[i] *= p.P11Ex;
            iIn[i] *= p.P11In;
            iEx[i] += exIn[k];
            iIn[i] += inIn[k];

            if (refractory[i] == 0.0)
            {
                v[i] = p.P30 * (current[i] + m.Ie - iStc[i]) + p.P33 * v[i] + p.P31 * m.EL + iEx[i] * p.P21Ex + iIn[i] * p.P21In;
                if (adaptation.Fires(i, s.Step, v[i], eSfa[i], m, h))
                {
                    refractory[i] = m.RefractorySteps;
                    spikes.Add(s.Lag, IdOf(i));
                }
            }
            else
            {
                refractory[i]--;
                v[i] = m.VReset;
            }

            current[i] = currentIn[k];
        }
    }
}
