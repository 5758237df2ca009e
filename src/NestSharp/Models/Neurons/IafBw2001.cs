namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_bw_2001: leaky integrate-and-fire neuron with conductance-based AMPA, GABA and NMDA synapses after Brunel and
/// Wang (2001), with the NMDA dynamics approximated so that one summed NMDA gating variable per neuron suffices.
/// <code>
/// C_m dV/dt = -g_L (V - E_L) - I_AMPA - I_GABA - I_NMDA + I_stim
/// I_AMPA = (V - E_ex) s_AMPA,   I_GABA = (V - E_in) s_GABA,   I_NMDA = (V - E_ex) s_NMDA / (1 + [Mg2+] exp(-0.062 V) / 3.57)
/// ds_X/dt = -s_X / tau_X   (X = AMPA, GABA; tau_decay_NMDA for s_NMDA)
/// </code>
/// The weights carry the conductances (nS): a spike on receptor AMPA (1) or GABA (2) adds weight · multiplicity to
/// s_AMPA or s_GABA. A spike on NMDA (3) adds weight · multiplicity · Δ to s_NMDA, where Δ is what its sender (an
/// iaf_bw_2001 neuron, the only allowed NMDA source: IllegalConnection otherwise) computed at the spike from its own
/// presynaptic NMDA variable s_pre, decayed since its last spike:
/// <code>
/// s_pre ← s_pre exp(-(t_spike - t_last) / tau_decay_NMDA),   Δ = k_0 + k_1 s_pre,   s_pre ← s_pre + Δ
/// k_0 = (alpha tau_rise_NMDA)^(tau_rise_NMDA/tau_decay_NMDA) γ(1 - tau_rise_NMDA/tau_decay_NMDA, alpha tau_rise_NMDA)
/// k_1 = expm1(-alpha tau_rise_NMDA)          (γ: the lower incomplete gamma function; t_last = -1 ms before the first)
/// </code>
/// As in NEST, Δ travels as the spike's offset (NEST's SpikeEvent offset, hence off-grid spiking: a spike recorder
/// records t_spike - Δ unless it records in steps, which NEST's documentation asks for); receptor 3 is a precise input
/// (<see cref="IPreciseSpikeReceiver"/>) that gets each spike's offset and transmitted weight, whatever the synapse.
/// Each grid step h is integrated with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does
/// (<see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>; error control on the values, absolute tolerance gsl_error_tol).
/// After the step, in NEST's order: the currents of the last evaluation of the dynamics (the state at the end of the
/// step) are kept as I_AMPA, I_GABA, I_NMDA; the step's spikes are added to s_AMPA, s_GABA, s_NMDA; a refractory neuron
/// counts down with V_m held at V_reset, else V_m &gt;= V_th is a spike (V_m = V_reset, refractory for t_ref, Δ as
/// above); the current input takes effect from the next step. The membrane is not clamped within the step.
/// <para>Parameters (units): E_L, E_ex, E_in, V_th, V_reset (mV), C_m (pF), g_L (nS), t_ref, tau_AMPA, tau_GABA,
/// tau_decay_NMDA, tau_rise_NMDA (ms), alpha (1/ms), conc_Mg2 (mM), gsl_error_tol. State: V_m (mV), s_AMPA, s_GABA,
/// s_NMDA (nS), I_NMDA, I_AMPA, I_GABA (pA). Recordables: V_m, s_AMPA, s_GABA, s_NMDA, I_NMDA, I_AMPA, I_GABA.
/// Receptors: AMPA 1, GABA 2, NMDA 3 (spikes, reported as these ports), currents on 0.</para>
/// <para>References: Wang X-J (1999) Synaptic basis of cortical persistent activity: the importance of NMDA receptors
/// to working memory. J Neurosci 19:9587-9603. Brunel N, Wang X-J (2001) Effects of neuromodulation in a cortical
/// network model of object working memory dominated by recurrent inhibition. J Comput Neurosci 11:63-85. Wang X-J
/// (2002) Probabilistic decision making by slow reverberation in cortical circuits. Neuron 36:955-968. NEST model
/// documentation, iaf_bw_2001 (NEST 3.10).</para>
/// </summary>
[NodeModelName("iaf_bw_2001")]
internal sealed class IafBw2001 : Rkf45NeuronGroup<IafBw2001.Dynamics, IafBw2001.Dynamics>, IPreciseSpikeReceiver
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly BrunelWangMembrane Membrane = new(Declared);

    private static readonly Column SNmda = Declared.State("s_NMDA", 0.0, "nS");
    private static readonly Column INmda = Declared.State("I_NMDA", 0.0, "pA");
    private static readonly Column IAmpa = Declared.State("I_AMPA", 0.0, "pA");
    private static readonly Column IGaba = Declared.State("I_GABA", 0.0, "pA");

    /// <summary>The presynaptic NMDA variable s_pre (NEST's s_NMDA_pre) and the time of the last spike (ms, -1 before the first).</summary>
    private static readonly Column SNmdaPre = Declared.Internal("s_NMDA_pre");
    private static readonly Column LastSpikeMs = Declared.Internal("last_spike_ms", -1.0);

    /// <summary>NMDA spikes, counted; weight · multiplicity · offset of each comes with <see cref="ReceivePrecise"/> into <see cref="NmdaInput"/>.</summary>
    private static readonly InputChannel NmdaSpikes = Declared.Input("spikes_NMDA_counted");
    private static readonly InputChannel NmdaInput = Declared.Input("spikes_NMDA");

    static IafBw2001()
    {
        Membrane.DeclareNmda(Declared, NmdaSpikes, SNmda, INmda, IAmpa, IGaba);
    }

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YAmpa = 1, YGaba = 2, YNmda = 3;

    /// <summary>The right-hand side for one node's parameters and current input; also the constants of a parameter row.</summary>
    internal struct Dynamics : ICurrentDrivenOdeSystem, IRkf45Row<Dynamics, Dynamics>
    {
        public static int Dimension => 4;

        public BrunelWangMembrane.Constants Membrane;
        public double TauDecayNmda;

        /// <summary>The jump of s_pre at a spike: k_0 + k_1 s_pre.</summary>
        public double K0, K1;

        public long RefractorySteps;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim { readonly get; set; }

        public static ref readonly Dynamics SystemOf(in Dynamics row) => ref row;

        public static ErrorControl ControlOf(in Dynamics row) => row.Membrane.Control;

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = y[YV];
            double iSyn = Membrane.Ampa(v, y[YAmpa]) + Membrane.Gaba(v, y[YGaba]) + Membrane.Nmda(v, y[YNmda]);
            f[YV] = Membrane.Dvdt(v, iSyn, IStim);
            f[YAmpa] = -y[YAmpa] / Membrane.TauAmpa;
            f[YNmda] = -y[YNmda] / TauDecayNmda;
            f[YGaba] = -y[YGaba] / Membrane.TauGaba;
        }
    }

    /// <summary>The context of the current run: its input ring receives what arrives on receptor NMDA.</summary>
    private SimulationContext? _context;

    public IafBw2001(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Membrane.Currents)
    {
        IntegratedState = [this[Membrane.Vm], this[Membrane.SAmpa], this[Membrane.SGaba], this[SNmda]];
        ArchivesStampsOnly = true; // NEST archives the step's end, not the offset's time
    }

    public override bool SupportsCheckpoint => true;

    /// <summary>NEST's is_off_grid: the spikes carry the NMDA jump Δ as their offset.</summary>
    public override bool SendsOffGridSpikes => true;

    public override bool ReportsReceptorTypesAsPorts => true;

    public bool UsesWeights => true;

    public bool TakesPreciseSpikesOn(int channel)
    {
        int first = ChannelOf(NmdaSpikes);
        return channel >= first && channel < first + Count;
    }

    /// <summary>
    /// A spike on NMDA: weight · multiplicity · offset goes into the NMDA input of its arrival step, as NEST's handle
    /// adds it into the NMDA buffer. Called by the thread owning the node.
    /// </summary>
    public void ReceivePrecise(int channel, long step, double offset, int multiplicity, double weight, long stamp, int receptor)
    {
        var ring = _context!.Ring;
        int target = ChannelOf(NmdaInput) + channel - ChannelOf(NmdaSpikes);
        ring.Data[(long)ring.SlotOf(step) * ring.Channels + target] += weight * multiplicity * offset;
    }

    /// <summary>NEST's handles_test_event: NMDA spikes only from neurons of this model's class.</summary>
    public override void CheckSpikeSource(NodeGroup source, int receptor)
    {
        if (receptor == BrunelWangMembrane.Nmda && source.GetType() != GetType())
        {
            throw new IllegalConnectionException(
                $"For NMDA synapses in {Model.Name}, pre-synaptic neuron must also be of type {Model.Name} (not {source.Model.Name}).");
        }
    }

    protected override void Validate(in StatusRow row) => Membrane.Validate(row);

    public override void Prepare(SimulationContext context)
    {
        _context = context;
        var time = context.Time;
        PrepareIntegration(context, time.StepToMs(1));
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            var membrane = Membrane.ConstantsOf(Columns, i);
            double tauRise = this[Membrane.TauRiseNmda][i], tauDecay = this[Membrane.TauDecayNmda][i], alpha = this[Membrane.Alpha][i];
            double alphaTau = alpha * tauRise, riseOverDecay = tauRise / tauDecay;
            if (!(1 - riseOverDecay > 0))
            {
                throw new KernelException(
                    $"{Model.Name}: the NMDA jump needs the lower incomplete gamma function of 1 - tau_rise_NMDA/tau_decay_NMDA > 0 (tau_rise_NMDA = {tauRise}, tau_decay_NMDA = {tauDecay}).");
            }
            return new Dynamics
            {
                Membrane = membrane,
                TauDecayNmda = tauDecay,
                K1 = NumericsHelper.LibmExpM1(-alpha * tauRise),
                K0 = Math.Pow(alphaTau, riseOverDecay) * GammaFunctions.LowerIncomplete(1 - riseOverDecay, alphaTau),
                RefractorySteps = time.MsToStepsCeil(this[Membrane.TRef][i]),
            };
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Integrate(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>After the integration of a node over a step: the currents, the spikes in, refractoriness and threshold, the spike out.</summary>
    private readonly struct Bookkeeping(IafBw2001 group, SpikeBuffer spikes) : IGridStepBookkeeping<Dynamics, Dynamics>
    {
        public void Begin(int node, in Dynamics constants, ref Dynamics system) { }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, in Dynamics c, Span<double> y, in GridStep step)
        {
            double v = y[YV];
            group[IAmpa][node] = c.Membrane.Ampa(v, y[YAmpa]);
            group[IGaba][node] = c.Membrane.Gaba(v, y[YGaba]);
            group[INmda][node] = c.Membrane.Nmda(v, y[YNmda]);

            y[YAmpa] += step.Input(Membrane.AmpaSpikes, node);
            y[YGaba] += step.Input(Membrane.GabaSpikes, node);
            y[YNmda] += step.Input(NmdaInput, node);

            if (BrunelWangMembrane.RefractoryOrThreshold(c.Membrane, c.RefractorySteps, ref group[Membrane.RefractorySteps][node], ref y[YV]))
            {
                double tLast = group[LastSpikeMs][node], tSpike = step.End;
                group[LastSpikeMs][node] = tSpike;
                ref double pre = ref group[SNmdaPre][node];
                pre *= Math.Exp(-(tSpike - tLast) / c.TauDecayNmda);
                double delta = c.K0 + c.K1 * pre;
                pre += delta;
                spikes.Add(step.Lag, group.IdOf(node), 1, 1.0, delta);
            }
        }
    }
}
