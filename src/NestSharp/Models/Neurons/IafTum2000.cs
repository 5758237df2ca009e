namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_tum_2000: iaf_psc_exp with the Tsodyks-Markram short-term plasticity of its outgoing synapses computed in the
/// neuron itself (Tsodyks, Uziel &amp; Markram 2000): the resources x, y, u are integrated once per sending neuron
/// instead of once per synapse, and each spike carries the released fraction Δ = u·x to its targets.
/// <code>
/// dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_0)/C_m
/// dI_syn_X/dt = -I_syn_X/tau_syn_X + sum_k s_k δ(t - t_k)   (+ the filtered current of receptor 1 on I_syn_ex)
/// at each own spike, from the last one (h_T = t_spike - t_last, t_last = 0 before the first):
///   u ← u·exp(-h_T/tau_fac) (0 when tau_fac = 0),  x ← x + Pxy·y - Pzz·(1 - x - y),  y ← y·exp(-h_T/tau_psc),
///   Pzz = expm1(-h_T/tau_rec),  Pxy = (Pzz·tau_rec - (exp(-h_T/tau_psc) - 1)·tau_psc)/(tau_psc - tau_rec),
///   u ← u + U(1 - u),  Δ = u·x,  x ← x - Δ,  y ← y + Δ.
/// </code>
/// The membrane and its update are iaf_psc_exp's (<see cref="IafPscExp"/>, with escape noise when delta &gt; 0). The
/// spike leaves with Δ as its offset (NEST's SpikeEvent offset, hence off-grid spiking: a spike recorder records
/// t_spike - Δ, as NEST's does). A spike arriving on receptor_type 1 contributes s = weight·multiplicity·offset
/// (Δ of an iaf_tum_2000 sender, 0 from senders on the grid); on receptor_type 0, s = weight·multiplicity. s &gt; 0 goes
/// to I_syn_ex, else to I_syn_in. Receptor 1 is a precise input (<see cref="IPreciseSpikeReceiver"/>): each spike's
/// offset and transmitted weight come with it, and s is added into the input of its arrival step.
/// Connections: between iaf_tum_2000 neurons only through receptor_type 1; to precise neurons of another model refused
/// (IllegalConnection), as in NEST.
/// <para>Parameters (units): C_m (pF), tau_m, tau_syn_ex, tau_syn_in, t_ref, tau_psc, tau_rec, tau_fac (ms), E_L,
/// V_reset, V_th (mV), I_e (pA), delta (mV), rho (1/s), U (1, in [0, 1]); state V_m (mV), x, y, u (1; x + y &lt;= 1,
/// u in [0, 1]). Recordables: V_m, I_syn_ex, I_syn_in. Current receptors 0 (direct) and 1 (filtered by tau_syn_ex).</para>
/// <para>References: Tsodyks M, Uziel A, Markram H (2000) Synchrony generation in recurrent networks with
/// frequency-dependent synapses. J Neurosci 20:RC50. NEST model documentation, iaf_tum_2000 (NEST 3.10).</para>
/// </summary>
[NodeModelName("iaf_tum_2000")]
internal sealed class IafTum2000 : NeuronGroup, IPreciseSpikeReceiver
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly IafMembrane Membrane = new(Declared);

    // tau_syn_ex, tau_syn_in, I_syn_ex, I_syn_in, spikes_ex and spikes_in (receptor 0; s > 0 excitatory, else inhibitory)
    private static readonly CurrentSynapses Synapses = new(Declared, IafMembrane.AllTimeConstantsPositive, SpikeRouting.BySignZeroInhibitory);
    private static readonly Column Delta = Declared.Parameter("delta", 0.0, "mV", Requirement.NonNegative("must not be negative"));
    private static readonly Column Rho = Declared.Parameter("rho", 0.01, "1/s", Requirement.NonNegative("must not be negative"));
    private static readonly Column TauFac = Declared.Parameter("tau_fac", 1000.0, "ms", Requirement.NonNegative("'tau_fac' must be >= 0"));
    private static readonly Column TauPsc = Declared.Parameter("tau_psc", 2.0, "ms", Requirement.Positive(IafMembrane.AllTimeConstantsPositive));
    private static readonly Column TauRec = Declared.Parameter("tau_rec", 400.0, "ms", Requirement.Positive(IafMembrane.AllTimeConstantsPositive));
    private static readonly Column U = Declared.Parameter("U", 0.5, "", UnitInterval("'U' must be in [0,1]"));

    /// <summary>The synaptic resources of the outgoing synapses: recovered (x), active (y), utilisation (u).</summary>
    private static readonly Column X = Declared.State("x", 0.0, "");
    private static readonly Column Y = Declared.State("y", 0.0, "");
    private static readonly Column UtilisationU = Declared.State("u", 0.0, "", UnitInterval("'u' must be in [0,1]"));

    /// <summary>The current inputs of receptors 0 and 1 in the step (NEST's i_0_ and i_1_).</summary>
    private static readonly Column Current0 = Declared.Internal("current_0");
    private static readonly Column Current1 = Declared.Internal("current_1");

    /// <summary>The time (ms) of the last spike, -1 before the first (NEST's ArchivingNode last spike time).</summary>
    private static readonly Column LastSpikeMs = Declared.Internal("last_spike_ms", -1.0);

    /// <summary>Spikes on receptor 1, counted; their offsets and weights come with <see cref="ReceivePrecise"/>.</summary>
    private static readonly InputChannel Facilitated = Declared.Input("spikes_stp");
    private static readonly InputChannel Currents0 = Declared.Input("currents_0");
    private static readonly InputChannel Currents1 = Declared.Input("currents_1");

    static IafTum2000()
    {
        Declared.CountingSpikeReceptor(1, Facilitated);
        Declared.CurrentReceptor(0, Currents0);
        Declared.CurrentReceptor(1, Currents1);
        Declared.Recordable(Membrane.Vm);
        Declared.Recordable(Synapses.ISynEx);
        Declared.Recordable(Synapses.ISynIn);
    }

    private static Requirement UnitInterval(string allowed) => new(static v => v >= 0.0 && v <= 1.0, allowed);

    private struct Propagators
    {
        public double P11Ex, P11In, P22, P21Ex, P21In, P20, Ie, Theta, VResetRel, Delta, EscapeRatePerStep;
        public double TauFac, TauPsc, TauRec, U;
        public int RefractorySteps;
    }

    private readonly PropagatorSets<Propagators> _propagators = new();
    private readonly int[] _refractory;
    private ulong _escapeNoiseKey;

    /// <summary>The context of the current run: its input ring receives what arrives on receptor 1.</summary>
    private SimulationContext? _context;

    public IafTum2000(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _refractory = CountersOutsideColumns();
        ArchivesStampsOnly = true; // NEST archives the step's end, not the offset's time
    }

    public override bool SupportsCheckpoint => true;

    /// <summary>NEST's is_off_grid: the spikes carry the released fraction as their offset.</summary>
    public override bool SendsOffGridSpikes => true;

    public bool UsesWeights => true;

    public bool TakesPreciseSpikesOn(int channel)
    {
        int first = ChannelOf(Facilitated);
        return channel >= first && channel < first + Count;
    }

    /// <summary>
    /// A spike on receptor 1: s = weight·multiplicity·offset goes into the excitatory (s &gt; 0) or inhibitory input
    /// of its arrival step, as NEST's handle adds it into its input buffer. Called by the thread owning the node.
    /// </summary>
    public void ReceivePrecise(int channel, long step, double offset, int multiplicity, double weight, long stamp, int receptor)
    {
        double s = weight * multiplicity * offset;
        int position = channel - ChannelOf(Facilitated);
        var ring = _context!.Ring;
        int target = ChannelOf(s > 0 ? Synapses.SpikesEx : Synapses.SpikesIn) + position;
        ring.Data[(long)ring.SlotOf(step) * ring.Channels + target] += s;
    }

    /// <summary>NEST's send_test_event: no spikes to precise neurons of another model.</summary>
    public override void CheckSpikeTarget(NodeGroup target)
    {
        if (target.Model != Model && target.SendsOffGridSpikes)
            throw new IllegalConnectionException($"{Model.Name} neurons cannot be connected to precise spiking neurons ({target.Model.Name}).");
    }

    /// <summary>NEST's handles_test_event: spikes from this model only on receptor_type 1.</summary>
    public override void CheckSpikeSource(NodeGroup source, int receptor)
    {
        if (receptor != 1 && source.Model == Model)
            throw new IllegalConnectionException($"{Model.Name} neurons must be connected via receptor_type 1, not {receptor}.");
    }

    protected override void Validate(in StatusRow row)
    {
        Membrane.Validate(row);
        row.Require(row[X] + row[Y] <= 1.0, X, $"x + y must be <= 1.0 (y = {row[Y]})");
    }

    public override void Prepare(SimulationContext context)
    {
        _context = context;
        double h = context.Time.Resolution;
        _escapeNoiseKey = RandomStream.Derive(context.SeedKey, 0x7_0D5_2000);
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double tauM = this[Membrane.TauM][i], c = this[Membrane.Cm][i], el = this[Membrane.EL][i];
            double p22 = Math.Exp(-h / tauM);
            return new Propagators
            {
                P11Ex = Math.Exp(-h / this[Synapses.TauSynEx][i]),
                P11In = Math.Exp(-h / this[Synapses.TauSynIn][i]),
                P22 = p22,
                P21Ex = ExactPropagators.Exponential(this[Synapses.TauSynEx][i], tauM, c, h),
                P21In = ExactPropagators.Exponential(this[Synapses.TauSynIn][i], tauM, c, h),
                P20 = tauM / c * (1.0 - p22),
                Ie = this[Membrane.Ie][i],
                Theta = this[Membrane.VTh][i] - el,
                VResetRel = this[Membrane.VReset][i] - el,
                Delta = this[IafTum2000.Delta][i],
                EscapeRatePerStep = this[Rho][i] * h * 1e-3,
                TauFac = this[TauFac][i],
                TauPsc = this[TauPsc][i],
                TauRec = this[TauRec][i],
                U = this[U][i],
                RefractorySteps = (int)context.Time.MsToStepsCeil(this[Membrane.TRef][i]),
            };
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread], context.Time));

    /// <summary>Calls <see cref="Advance"/> for each step (a struct, so that the step loop is compiled for this model).</summary>
    private readonly struct Stepper(IafTum2000 group, SpikeBuffer spikes, TimeGrid time) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, spikes, time);
    }

    /// <summary>One step of the nodes of a chunk, in NEST's order of operations.</summary>
    private void Advance(in ChunkStep s, SpikeBuffer spikes, TimeGrid time)
    {
        double[] v = this[Membrane.Vm], iEx = this[Synapses.ISynEx], iIn = this[Synapses.ISynIn], i0 = this[Current0], i1 = this[Current1];
        int[] refractory = _refractory;
        var propagators = _propagators.Select();
        Span<double> exIn = s.Input(Synapses.SpikesEx), inIn = s.Input(Synapses.SpikesIn);
        Span<double> cur0 = s.Input(Currents0), cur1 = s.Input(Currents1);
        for (int i = s.Start; i < s.End; i++)
        {
            int k = i - s.Start;
            ref readonly Propagators p = ref propagators.Of(i);
            if (refractory[i] == 0)
                v[i] = v[i] * p.P22 + iEx[i] * p.P21Ex + iIn[i] * p.P21In + (p.Ie + i0[i]) * p.P20;
            else
                refractory[i]--;

            iEx[i] *= p.P11Ex;
            iIn[i] *= p.P11In;
            iEx[i] += (1.0 - p.P11Ex) * i1[i];
            iEx[i] += exIn[k];
            iIn[i] += inIn[k];

            bool fires = p.Delta < 1e-10
                ? v[i] >= p.Theta
                : RandomStream.ToUnitInterval(RandomStream.At(RandomStream.Derive(_escapeNoiseKey, (ulong)IdOf(i)), (ulong)s.Step))
                    < p.EscapeRatePerStep * Math.Exp((v[i] - p.Theta) / p.Delta);
            if (fires)
            {
                refractory[i] = p.RefractorySteps;
                v[i] = p.VResetRel;
                double released = Release(i, p, time.StepToMs(s.Step + 1));
                spikes.Add(s.Lag, IdOf(i), 1, 1.0, released);
            }

            i0[i] = cur0[k];
            i1[i] = cur1[k];
        }
    }

    /// <summary>
    /// The Tsodyks dynamics of node <paramref name="i"/> from its last spike to this one at <paramref name="tSpike"/>
    /// (ms), in NEST's order; returns the released fraction Δ = u·x the spike carries.
    /// </summary>
    private double Release(int i, in Propagators p, double tSpike)
    {
        double tLast = this[LastSpikeMs][i];
        if (tLast < 0.0) tLast = 0.0;
        this[LastSpikeMs][i] = tSpike;
        double interval = tSpike - tLast;

        double puu = p.TauFac == 0.0 ? 0.0 : Math.Exp(-interval / p.TauFac);
        double pyy = Math.Exp(-interval / p.TauPsc);
        double pzz = NumericsHelper.LibmExpM1(-interval / p.TauRec);
        double pxy = (pzz * p.TauRec - (pyy - 1.0) * p.TauPsc) / (p.TauPsc - p.TauRec);

        double x = this[X][i], y = this[Y][i], u = this[UtilisationU][i];
        double z = 1.0 - x - y;
        u *= puu;
        x += pxy * y - pzz * z;
        y *= pyy;
        u += p.U * (1.0 - u);
        double released = u * x;
        x -= released;
        y += released;
        this[X][i] = x;
        this[Y][i] = y;
        this[UtilisationU][i] = u;
        return released;
    }
}
