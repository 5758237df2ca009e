using NestSharp.Kernel;
using NestSharp.Nodes;
using NestSharp.Numerics;
using NestSharp.Random;

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

    private static readonly Column Ie = Declared.Parameter("I_e", 0.0, "pA");
    private static readonly Column EL = Declared.Parameter("E_L", -70.0, "mV");
    private static readonly Column GL = Declared.Parameter("g_L", 4.0, "nS", Requirement.Positive("the membrane conductance must be strictly positive"));
    private static readonly Column Cm = Declared.Parameter("C_m", 80.0, "pF", Requirement.Positive("capacitance must be strictly positive"));
    private static readonly Column VReset = Declared.Parameter("V_reset", -55.0, "mV");
    private static readonly Column DeltaV = Declared.Parameter("Delta_V", 0.5, "mV", Requirement.Positive("must be strictly positive"));
    private static readonly Column VTStar = Declared.Parameter("V_T_star", -35.0, "mV");
    private static readonly Column Lambda0 = Declared.Parameter("lambda_0", 1.0, "1/s", Requirement.NonNegative("must not be negative"));
    private static readonly Column TRef = Declared.Parameter("t_ref", 4.0, "ms", Requirement.NonNegative("refractory time cannot be negative"));
    private static readonly Column TauSynEx = Declared.Parameter("tau_syn_ex", 2.0, "ms", Requirement.Positive("synaptic time constants must be strictly positive"));
    private static readonly Column TauSynIn = Declared.Parameter("tau_syn_in", 2.0, "ms", Requirement.Positive("synaptic time constants must be strictly positive"));
    private static readonly Column Vm = Declared.State("V_m", -70.0, "mV");

    /// <summary>The moving threshold and the summed spike-triggered current of the last step (read only in the status).</summary>
    private static readonly Column ESfa = Declared.Internal("E_sfa");
    private static readonly Column IStc = Declared.Internal("I_stc");

    private static readonly Column ISynEx = Declared.Internal("I_syn_ex");
    private static readonly Column ISynIn = Declared.Internal("I_syn_in");

    /// <summary>The current input of the previous step (NEST's I_stim), used in this step.</summary>
    private static readonly Column Current = Declared.Internal("current");

    /// <summary>Remaining refractory steps.</summary>
    private static readonly Column Refractory = Declared.Internal("refractory_steps");

    private static readonly InputChannel SpikesEx = Declared.Input("spikes_ex");
    private static readonly InputChannel SpikesIn = Declared.Input("spikes_in");
    private static readonly InputChannel Currents = Declared.Input("currents");

    static GifPscExp()
    {
        Declared.SignedSpikeReceptor(0, SpikesEx, SpikesIn, SpikeRouting.BySignZeroExcitatory);
        Declared.CurrentReceptor(0, Currents);
        Declared.Recordable(Vm);
        Declared.Recordable(ESfa);
        Declared.Recordable(IStc);
        Declared.Recordable(ISynEx);
        Declared.Recordable(ISynIn);
    }

    private struct Propagators
    {
        public double P11Ex, P11In, P21Ex, P21In, P33, P30, P31, Lambda0PerMs, Ie, EL, VReset, VTStar, DeltaV;
        public int RefractorySteps;
    }

    private readonly PropagatorSets<Propagators> _propagators = new();
    private readonly SpikeTriggeredElements _stc, _sfa;
    private readonly string[] _settableKeys;
    private ulong[] _nodeKeys = [];
    private double _h;

    public GifPscExp(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _stc = new SpikeTriggeredElements("tau_stc", "q_stc", count);
        _sfa = new SpikeTriggeredElements("tau_sfa", "q_sfa", count);
        _settableKeys = [.. base.SettableKeys, .. SpikeTriggeredElements.Keys(_stc, _sfa)];
    }

    public override IReadOnlyCollection<string> SettableKeys => _settableKeys;

    public override bool TakesArray(string key) => _stc.Owns(key) || _sfa.Owns(key);

    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        base.WriteStatus(local, status);
        int position = PositionOf(local);
        status["E_sfa"] = this[ESfa][position];
        status["I_stc"] = this[IStc][position];
        _stc.WriteStatus(position, status);
        _sfa.WriteStatus(position, status);
    }

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        int position = PositionOf(local);
        var scalars = new Dictionary<string, object>(values.Count);
        foreach (var (key, value) in values)
        {
            if (!TakesArray(key)) scalars[key] = value;
        }
        var stc = _stc.Stage(position, values);
        var sfa = _sfa.Stage(position, values);
        var commit = base.Stage(local, scalars, context);
        return () =>
        {
            commit();
            stc();
            sfa();
        };
    }

    public override void CopyDefaultsFrom(NodeGroup prototype)
    {
        base.CopyDefaultsFrom(prototype);
        var source = (GifPscExp)prototype;
        _stc.CopyDefaultsFrom(source._stc);
        _sfa.CopyDefaultsFrom(source._sfa);
    }

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        _h = h;
        ulong escapeKey = RandomStream.Derive(context.SeedKey, 0x61F_E5C0);
        _nodeKeys = new ulong[Count];
        for (int i = 0; i < Count; i++) _nodeKeys[i] = RandomStream.Derive(escapeKey, (ulong)IdOf(i));
        _stc.Prepare(h);
        _sfa.Prepare(h);
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double c = this[Cm][i], tauM = c / this[GL][i];
            return new Propagators
            {
                P11Ex = Math.Exp(-h / this[TauSynEx][i]),
                P11In = Math.Exp(-h / this[TauSynIn][i]),
                P21Ex = ExactPropagators.Exponential(this[TauSynEx][i], tauM, c, h),
                P21In = ExactPropagators.Exponential(this[TauSynIn][i], tauM, c, h),
                P33 = Math.Exp(-h / tauM),
                P30 = -1 / c * NumericsHelper.ExpM1(-h / tauM) * tauM,
                P31 = -NumericsHelper.ExpM1(-h / tauM),
                Lambda0PerMs = this[Lambda0][i] / 1000.0,
                Ie = this[GifPscExp.Ie][i],
                EL = this[GifPscExp.EL][i],
                VReset = this[GifPscExp.VReset][i],
                VTStar = this[GifPscExp.VTStar][i],
                DeltaV = this[GifPscExp.DeltaV][i],
                RefractorySteps = (int)context.Time.MsToStepsCeil(this[TRef][i]),
            };
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        var ring = context.Ring;
        var spikes = context.SpikesOfVp[thread];
        double h = _h;
        double[] v = this[Vm], eSfa = this[ESfa], iStc = this[IStc], iEx = this[ISynEx], iIn = this[ISynIn];
        double[] current = this[Current], refractory = this[Refractory];
        var sets = _propagators.Sets;
        var setOfNode = _propagators.SetOfNode;
        bool uniform = _propagators.IsUniform;
        int n = end - start;

        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            Span<double> exIn = ring.Row(step, ChannelOf(SpikesEx) + start, n);
            Span<double> inIn = ring.Row(step, ChannelOf(SpikesIn) + start, n);
            Span<double> currentIn = ring.Row(step, ChannelOf(Currents) + start, n);
            ref readonly Propagators p = ref sets[0];
            for (int k = 0; k < n; k++)
            {
                int i = start + k;
                if (!uniform) p = ref sets[setOfNode[i]];
                iStc[i] = _stc.SumAndDecay(i, 0.0);
                eSfa[i] = _sfa.SumAndDecay(i, p.VTStar);
                iEx[i] *= p.P11Ex;
                iIn[i] *= p.P11In;
                iEx[i] += exIn[k];
                iIn[i] += inIn[k];

                if (refractory[i] == 0.0)
                {
                    v[i] = p.P30 * (current[i] + p.Ie - iStc[i]) + p.P33 * v[i] + p.P31 * p.EL + iEx[i] * p.P21Ex + iIn[i] * p.P21In;
                    double lambda = p.Lambda0PerMs * Math.Exp((v[i] - eSfa[i]) / p.DeltaV);
                    if (lambda > 0.0
                        && RandomStream.ToUnitInterval(RandomStream.At(_nodeKeys[i], (ulong)step)) < -NumericsHelper.ExpM1(-lambda * h))
                    {
                        _stc.Kick(i);
                        _sfa.Kick(i);
                        refractory[i] = p.RefractorySteps;
                        spikes.Add(lag, IdOf(i));
                    }
                }
                else
                {
                    refractory[i]--;
                    v[i] = p.VReset;
                }

                current[i] = currentIn[k];
            }
            exIn.Clear();
            inIn.Clear();
            currentIn.Clear();
            RecordSamples(thread, step);
        }
    }
}
