namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_psc_exp_ps_lossless: iaf_psc_exp_ps with lossless threshold detection (Krishnan et al. 2018). The dynamics, the
/// precise input spikes, the propagation from event to event and the location of a crossing by regula falsi are
/// iaf_psc_exp_ps's; what differs is how a crossing within an interval is found. iaf_psc_exp_ps looks only at V at the
/// interval's end, so it misses a trajectory that rises above V_th and falls back below within one interval (a strong
/// input spike near threshold, at a coarse resolution). This model instead decides from the state at the interval's
/// start (V_0, I_0 = I_syn_ex + I_syn_in, I_e + the step's current input) which region of the state space it lies in,
/// and so whether the threshold is reached within the interval dt (NEST's is_spike_):
/// <code>
/// (tau_syn_ex = tau_syn_in = tau_s, y2 = V - E_L, theta = V_th - E_L, e_s = expm1(dt/tau_s), e_m = expm1(dt/tau_m),
///  e_ms = expm1(dt/tau_m - dt/tau_s))
/// f   = (tau_m tau_s I_0 e_ms + e_m (C_m theta (tau_m - tau_s) - I_e tau_m (tau_m - tau_s)) + C_m theta (tau_m - tau_s))
///       / (C_m (tau_m - tau_s))                                        V_0 &gt;= f: V(dt) &gt;= theta
/// g   = ((I_0 + I_e)(-tau_m² e_m + tau_m tau_s e_s) + tau_m C_m theta (e_m - e_s)) / (-C_m (tau_m - tau_s) e_s)
/// b   = tau_m/C_m I_e - tau_m tau_s/(C_m (tau_m - tau_s)) I_0
///       + tau_m²/(C_m (tau_m - tau_s)) I_0^(tau_s/tau_m) (C_m theta/tau_m - I_e)^(1 - tau_s/tau_m)   the envelope
/// NS1: V_0 &lt; g and V_0 &lt;= f: no spike.   S1: V_0 &gt;= f: the crossing lies in [0, dt].
/// NS2: V_0 &lt; b: no spike.                S2 (otherwise, the crossing iaf_psc_exp_ps misses): it lies before
///      t_max = tau_s²·ln(-tau_m² I_0 / (tau_m (tau_m - tau_s) I_e - tau_m tau_s I_0 - C_m (tau_m - tau_s) V_0))
/// </code>
/// (NEST's expressions, its factor tau_s² of t_max included), and regula falsi locates the crossing in [0, dt] or
/// [0, t_max]. The check runs from the state at the interval's start also while the node is refractory, as NEST's does.
/// <para>Update order per step (NEST's): if the refractoriness ends within the step, a pseudo-event at the last spike's
/// offset; the state at the step's start is kept. A step without events: V by the step's propagators (unless
/// refractory: V stays at V_reset) bounded below by V_min, the currents decayed, then the check over the whole step. A
/// step with events: from event to event (offsets from h down to 0; the end of refractoriness before a spike at the
/// same time): propagate the interval, check it from the state at its start, then the event (end of refractoriness, or
/// the spike's weight·multiplicity onto I_syn_ex if &gt;= 0, else onto I_syn_in), the state now the start of the next
/// interval; the rest of the step is checked, then propagated. Then the step's current input (receptor 0) is taken for
/// the next step. A node whose V is at or above V_th when a slice starts (set so) fires at the start of its first
/// step.</para>
/// <para>Parameters (units): C_m (pF), tau_m, tau_syn_ex, tau_syn_in, t_ref (ms), E_L, V_reset, V_th, V_min (mV),
/// I_e (pA); state V_m (mV), I_syn_ex, I_syn_in (pA); read-only I_syn (pA), is_refractory and offset (ms, of the last
/// spike). Recordables: V_m, I_syn, I_syn_ex, I_syn_in. Receptor 0 for spikes and currents. Sends precise spikes
/// (off_grid_spiking). Checks (NEST's, in its order where one value breaks one): V_reset &lt; V_th, V_reset &gt;= V_min,
/// C_m &gt; 0, t_ref &gt;= 0 (t_ref 0 is accepted, as in NEST, and leaves a node that fired refractory), tau_syn_ex ==
/// tau_syn_in, all time constants &gt; 0, tau_m different from the synaptic time constants.</para>
/// <para>References: Krishnan J, Porta Mana P, Helias M, Diesmann M, Di Napoli E (2018) Perfect detection of spikes in
/// the linear sub-threshold dynamics of point neurons. Front Neuroinform 11:75. NEST model documentation,
/// iaf_psc_exp_ps_lossless.</para>
/// </summary>
[NodeModelName("iaf_psc_exp_ps_lossless")]
internal sealed class IafPscExpPsLossless : ExpPsGroup<IafPscExpPsLossless.Constants>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly PreciseIafMembrane Membrane = new(Declared, double.NegativeInfinity, lossless: true);

    // Checked in Validate, in NEST's order (tau_syn_ex == tau_syn_in comes before their signs).
    private static readonly Column TauSynEx = Declared.Parameter("tau_syn_ex", 2.0, "ms");
    private static readonly Column TauSynIn = Declared.Parameter("tau_syn_in", 2.0, "ms");
    private static readonly Column ISynEx = Declared.State("I_syn_ex", 0.0, "pA");
    private static readonly Column ISynIn = Declared.State("I_syn_in", 0.0, "pA");

    static IafPscExpPsLossless()
    {
        Declared.ComputedRecordable("I_syn");
        Declared.Recordable(ISynEx);
        Declared.Recordable(ISynIn);
    }

    /// <summary>iaf_psc_exp_ps's propagators and the constants of the three bounds (NEST's V_.a*_, b*_, c*_).</summary>
    internal struct Constants : IExpPsRow<Constants>
    {
        public IafPscExpPs.Propagators Exp;
        public double A1, A2, A3, A4, B1, B2, B3, B4, C1, C2, C3, C4, C5, C6;

        public static ref readonly IafPscExpPs.Propagators PropagatorsOf(in Constants row) => ref row.Exp;

        public static double CrossingSpan(in Constants row, in IafPscExpPs.NodeState n, double dt) => CrossingBound(row, n, dt);
    }

    public IafPscExpPsLossless(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Membrane, ISynEx, ISynIn)
    {
    }

    protected override void Validate(in StatusRow row)
    {
        base.Validate(row);
        double tauM = row[Membrane.TauM], tauEx = row[TauSynEx], tauIn = row[TauSynIn];
        row.Require(tauEx == tauIn, TauSynIn,
            $"tau_syn_ex == tau_syn_in is required in the current implementation (tau_syn_ex = {tauEx}); if you need unequal time constants, use iaf_psc_exp_ps for now (github issue #921)");
        row.Require(tauEx > 0, TauSynEx, PreciseIafMembrane.AllTimeConstantsPositive);
        row.Require(tauIn > 0, TauSynIn, PreciseIafMembrane.AllTimeConstantsPositive);
        row.Require(tauM != tauEx && tauM != tauIn, Membrane.TauM,
            $"Membrane and synapse time constant(s) must differ (tau_syn_ex = {tauEx}, tau_syn_in = {tauIn})");
    }

    /// <summary>The status, with NEST's read-only I_syn and offset (of the last spike).</summary>
    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        base.WriteStatus(local, status);
        int position = PositionOf(local);
        status["I_syn"] = this[ISynEx][position] + this[ISynIn][position];
        status["offset"] = this[Membrane.LastSpikeOffset][position];
    }

    protected override double ReadComputedRecordable(int index, int position) => this[ISynEx][position] + this[ISynIn][position];

    public override void Prepare(SimulationContext context)
    {
        base.Prepare(context);
        var time = context.Time;
        double h = StepMs;
        Rows.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double tauM = this[Membrane.TauM][i], c = this[Membrane.Cm][i], tauEx = this[TauSynEx][i];
            var exp = IafPscExpPs.Propagators.For(tauM, c, tauEx, this[TauSynIn][i], this[Membrane.Ie][i],
                this[Membrane.EL][i], this[Membrane.VTh][i], this[Membrane.VMin][i], this[Membrane.VReset][i],
                this[Membrane.TRef][i], h, time);
            double theta = exp.Theta;
            return new Constants
            {
                Exp = exp,
                A1 = tauM * tauEx,
                A2 = tauM * (tauM - tauEx),
                A3 = c * theta * (tauM - tauEx),
                A4 = c * (tauM - tauEx),
                B1 = -tauM * tauM,
                B2 = tauM * tauEx,
                B3 = tauM * c * theta,
                B4 = -c * (tauM - tauEx),
                C1 = tauM / c,
                C2 = (-tauM * tauEx) / (c * (tauM - tauEx)),
                C3 = (tauM * tauM) / (c * (tauM - tauEx)),
                C4 = tauEx / tauM,
                C5 = (c * theta) / tauM,
                C6 = 1 - (tauEx / tauM),
            };
        });
    }

    /// <summary>
    /// NEST's is_spike_: from the state at the start of an interval of <paramref name="dt"/> ms, NaN when the threshold
    /// is not reached within it, else the end of the span [0, t] the crossing lies in (t = dt in region S1, t_max in S2).
    /// </summary>
    private static double CrossingBound(in Constants q, in IafPscExpPs.NodeState n, double dt)
    {
        ref readonly IafPscExpPs.Propagators p = ref q.Exp;
        double i0 = n.Y1ExBefore + n.Y1InBefore;
        double v0 = n.Y2Before;
        double expTauS = NumericsHelper.ExpM1(dt / p.TauEx);
        double expTauM = NumericsHelper.ExpM1(dt / p.TauM);
        double expTauMS = NumericsHelper.ExpM1(dt / p.TauM - dt / p.TauEx);
        double ie = n.Y0 + p.Ie;

        double f = (q.A1 * i0 * expTauMS + expTauM * (q.A3 - ie * q.A2) + q.A3) / q.A4;

        // NS1: below g and not above f.
        if (v0 < ((i0 + ie) * (q.B1 * expTauM + q.B2 * expTauS) + q.B3 * (expTauM - expTauS)) / (q.B4 * expTauS) && v0 <= f)
            return double.NaN;
        // S1: at or above f, V ends the interval at or above threshold.
        if (v0 >= f) return dt;
        // NS2: below the envelope b.
        if (v0 < q.C1 * ie + q.C2 * i0 + q.C3 * Math.Pow(i0, q.C4) * Math.Pow(q.C5 - ie, q.C6)) return double.NaN;
        // S2: the crossing a check of V at the interval's end misses, before the maximum of V.
        return q.A1 / p.TauM * p.TauEx * Math.Log(q.B1 * i0 / (q.A2 * ie - q.A1 * i0 - q.A4 * v0));
    }
}
