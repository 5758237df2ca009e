namespace NestSharp.Models.Neurons;

/// <summary>
/// gif_psc_exp_multisynapse: generalized integrate-and-fire neuron (Mensi et al. 2012, Pozzorini et al. 2015) with any
/// number of receptor ports, each an exponentially decaying post-synaptic current with its own time constant; membrane,
/// spike-triggered current (stc), moving threshold (sfa) and escape noise as gif_psc_exp (<see cref="GifMembrane"/>,
/// <see cref="GifAdaptation"/>).
/// <code>
/// C_m·dV/dt = -g_L·(V - E_L) - I_stc + sum_r I_syn_r + I_e + I_stim
/// dI_syn_r/dt = -I_syn_r/tau_syn[r] + sum_k w_k δ(t - t_k)   for spikes on receptor r = 1 .. n_receptors
/// I_stc = sum_j stc_j,   E_sfa = V_T_star + sum_j sfa_j  (elements decaying with tau_stc_j, tau_sfa_j, jumping by q on a spike)
/// lambda(t) = lambda_0·exp((V - E_sfa)/Delta_V): the neuron fires in a step with probability 1 - exp(-lambda·h)
/// </code>
/// Per step h, in NEST's order: I_stc and E_sfa are formed from their elements, which then decay; for r = 1 .. n the
/// port's effect P21_r·I_syn_r is summed (the current before this step's decay, unlike gif_psc_exp, which uses the
/// current after it and the step's spikes, so a spike here reaches V one step later), then I_syn_r decays and takes the
/// spikes of the step; outside the refractory period V ← P30·(I_stim + I_e - I_stc) + P33·V + P31·E_L + the summed
/// effects and one uniform number from the node's keyed stream decides the spike; in it V is held at V_reset. The current
/// input of the step takes effect from the next step. Weights of either sign go to the port they are sent to.
/// <para>Parameters (units): C_m (pF), g_L (nS), E_L, V_reset, V_T_star, Delta_V (mV), lambda_0 (1/s), t_ref (ms), I_e
/// (pA); arrays tau_syn (ms, one receptor port per element, each &gt; 0), tau_stc (ms), q_stc (pA), tau_sfa (ms), q_sfa
/// (mV) of equal lengths in pairs; read-only n_receptors and has_connections (a spike connection reached the node: the
/// number of ports can then no longer be reduced). State: V_m (mV); E_sfa (mV) and I_stc (pA) read only. Spike
/// receptors 1 .. n_receptors; current receptor 0. Recordables (as NEST's): V_m, E_sfa, I_stc.</para>
/// <para>References: Mensi S et al. (2012) J Neurophysiol 107:1756-1775. Pozzorini C et al. (2015) PLoS Comput Biol
/// 11:e1004275. NEST model documentation, gif_psc_exp_multisynapse (NEST 3.10).</para>
/// </summary>
[NodeModelName("gif_psc_exp_multisynapse")]
internal sealed class GifPscExpMultisynapse : PortNeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    // I_e, E_L, g_L, C_m, V_reset, Delta_V, V_T_star, lambda_0, t_ref, V_m, E_sfa, I_stc, shared with gif_psc_exp
    private static readonly GifMembrane Membrane = new(Declared);

    private static readonly ArrayColumn TauSyn = Declared.ArrayParameter("tau_syn", [2.0], "ms", Requirement.Positive("all synaptic time constants must be > 0"));

    /// <summary>The current input of the previous step (NEST's I_stim), used in this step.</summary>
    private static readonly Column Current = Declared.Internal("current");

    /// <summary>The ports' currents (pA), not shown in the status (as in NEST).</summary>
    private static readonly PortColumn ISyn = Declared.PortVariable("i_syn");

    private static readonly InputChannel Currents = Declared.CurrentInput("currents", 0);

    static GifPscExpMultisynapse()
    {
        Declared.PortsSizedBy(TauSyn, "n_receptors");
        Declared.Recordable(Membrane.Vm, Membrane.ESfa, Membrane.IStc);
    }

    private readonly GifAdaptation _adaptation;
    private double _h;

    // Per node: the membrane's constants and propagators, and its number of ports in the run.
    private GifMembrane.Constants[] _membrane = [];
    private double[] _p33 = [], _p30 = [], _p31 = [];
    private int[] _ports = [];

    // Per port (index r - 1), per node: the synaptic propagators and the currents.
    private double[][] _p11 = [], _p21 = [], _iSyn = [];

    public GifPscExpMultisynapse(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Currents)
    {
        _adaptation = KeepOutsideColumns(new GifAdaptation(count, this[Membrane.ESfa], this[Membrane.IStc]));
    }

    public override bool SupportsCheckpoint => true;

    protected override void Validate(in StatusRow row)
    {
        if (row.IsSet(TauSyn))
        {
            int ports = row.Array(TauSyn).Length;
            row.Require(ports >= row.PreviousPorts || !row.HasConnections, TauSyn,
                $"the neuron has connections, therefore the number of ports cannot be reduced below {row.PreviousPorts}");
        }
    }

    public override void Prepare(SimulationContext context)
    {
        PreparePortInputs();
        double h = context.Time.Resolution;
        _h = h;
        _adaptation.Prepare(context, this, h);
        int ports = PortCount;
        _membrane = new GifMembrane.Constants[Count];
        (_p33, _p30, _p31, _ports) = (new double[Count], new double[Count], new double[Count], new int[Count]);
        (_p11, _p21, _iSyn) = (new double[ports][], new double[ports][], new double[ports][]);
        for (int r = 0; r < ports; r++)
        {
            (_p11[r], _p21[r]) = (new double[Count], new double[Count]);
            _iSyn[r] = PortState(ISyn, r + 1);
        }
        for (int i = 0; i < Count; i++)
        {
            var m = Membrane.ConstantsOf(Columns, i, context.Time);
            _membrane[i] = m;
            double c = m.Cm, tauM = c / m.GL;
            _p33[i] = Math.Exp(-h / tauM);
            _p30[i] = -1 / c * NumericsHelper.ExpM1(-h / tauM) * tauM;
            _p31[i] = -NumericsHelper.ExpM1(-h / tauM);
            double[] tauSyn = ArrayOf(TauSyn, i);
            _ports[i] = tauSyn.Length;
            for (int r = 0; r < tauSyn.Length; r++)
            {
                _p11[r][i] = Math.Exp(-h / tauSyn[r]);
                _p21[r][i] = ExactPropagators.Exponential(tauSyn[r], tauM, c, h);
            }
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        var ring = context.Ring;
        var spikes = context.SpikesOfVp[thread];
        double[] v = this[Membrane.Vm], eSfa = this[Membrane.ESfa], iStc = this[Membrane.IStc];
        double[] current = this[Current], refractory = this[Membrane.RefractorySteps];
        double[] p33 = _p33, p30 = _p30, p31 = _p31;
        double[][] p11 = _p11, p21 = _p21, iSyn = _iSyn;
        int[] ports = _ports;
        var membrane = _membrane;
        var adaptation = _adaptation;
        double h = _h;
        for (int lag = from; lag < to; lag++)
        {
            var s = BeginStep(ring, start, end, sliceStart, lag);
            for (int i = start; i < end; i++)
            {
                ref readonly GifMembrane.Constants m = ref membrane[i];
                iStc[i] = adaptation.SpikeTriggeredCurrent(i);
                eSfa[i] = adaptation.Threshold(i, m.VTStar);

                double synapticEffect = 0.0;
                for (int r = 0; r < ports[i]; r++)
                {
                    synapticEffect += p21[r][i] * iSyn[r][i];
                    iSyn[r][i] = p11[r][i] * iSyn[r][i];
                    iSyn[r][i] += s.Arriving(r, i);
                }

                if (refractory[i] == 0.0)
                {
                    v[i] = p30[i] * (current[i] + m.Ie - iStc[i]) + p33[i] * v[i] + p31[i] * m.EL + synapticEffect;
                    if (adaptation.Fires(i, s.Step, v[i], eSfa[i], m, h))
                    {
                        refractory[i] = m.RefractorySteps;
                        spikes.Add(lag, IdOf(i));
                    }
                }
                else
                {
                    refractory[i]--;
                    v[i] = m.VReset;
                }

                current[i] = s.CurrentInput[i - start];
            }
            EndStep(s, thread);
        }
    }
}
