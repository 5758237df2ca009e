namespace NestSharp.Models.Neurons;

/// <summary>
/// amat2_psc_exp: the MAT neuron of <c>mat2_psc_exp</c> with a further, voltage-dependent threshold component (AMAT);
/// the membrane potential is not reset after a spike.
/// <code>
/// dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_stim)/C_m
/// dI_syn_X/dt = -I_syn_X/tau_syn_X + sum_k w_k δ(t - t_k)
/// V_th = omega + H_1 + H_2 + H_v,   dH_j/dt = -H_j/tau_j,   on a spike H_j ← H_j + alpha_j
/// d²H_v/dt² = -2/tau_v·dH_v/dt - H_v/tau_v² + beta/tau_v·dV/dt   (H_v is V filtered twice by exp(-t/tau_v), scaled by beta)
/// V &gt;= V_th and not refractory: spike (then no spike for t_ref; V is not reset)
/// </code>
/// The linear system (I_ex, I_in, V, H_1, H_2, dH_v, H_v) is integrated exactly: per step h, H_v, then its derivative,
/// then V advance by NEST's propagators from the values at the start of the step; the threshold components decay, the
/// synaptic currents decay and take the spikes of the step; the threshold is checked outside the refractory period, and
/// the current input of the step takes effect from the next step. Weights &gt;= 0 go to the excitatory synapse.
/// tau_m, tau_syn_ex, tau_syn_in and tau_v must differ from one another (tau_syn_ex may equal tau_syn_in); t_ref must be
/// at least one step.
/// <para>Parameters (units): C_m (pF), tau_m, tau_syn_ex, tau_syn_in, t_ref, tau_1, tau_2, tau_v (ms), E_L, omega,
/// alpha_1, alpha_2 (mV), beta (1/ms), I_e (pA); state V_m, V_th_alpha_1, V_th_alpha_2, V_th_v (mV); V_th (mV, read
/// only). Recordables: V_m, V_th, V_th_v, I_syn_ex, I_syn_in.</para>
/// <para>References: Kobayashi R, Tsubo Y, Shinomoto S (2009) Front Comput Neurosci 3:9. Yamauchi S, Kim H, Shinomoto
/// S (2011) Elemental spiking neuron model for reproducing diverse firing patterns and predicting precise firing times.
/// Front Comput Neurosci 5:42. Rotter S, Diesmann M (1999) Biol Cybern 81:381-402. NEST model documentation,
/// amat2_psc_exp.</para>
/// </summary>
[NodeModelName("amat2_psc_exp")]
internal sealed class Amat2PscExp : NeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly MatMembrane Membrane = new(Declared, cm: 200.0, tauM: 10.0, alpha1: 10.0, alpha2: 0.0, omega: 5.0);

    private static readonly Column Beta = Declared.Parameter("beta", 0.0, "1/ms");
    private static readonly Column TauV = Declared.Parameter("tau_v", 5.0, "ms", Requirement.Positive(MatMembrane.AllTimeConstantsPositive));
    private static readonly Column VThV = Declared.State("V_th_v", 0.0, "mV");

    /// <summary>The derivative of V_th_v (NEST's V_th_dv).</summary>
    private static readonly Column VThDv = Declared.Internal("V_th_dv");

    static Amat2PscExp()
    {
        Declared.Recordable(VThV, Membrane.ISynEx, Membrane.ISynIn);
    }

    private struct Propagators
    {
        public double P11, P22, P33, P44, P55, P66, P77, P30, P31, P32, P60, P61, P62, P63, P70, P71, P72, P73, P76;
        public double Ie, Omega, Alpha1, Alpha2;
        public int RefractorySteps;
    }

    private readonly PropagatorSets<Propagators> _propagators = new();

    public Amat2PscExp(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared) { }

    public override bool SupportsCheckpoint => true;

    protected override void Validate(in StatusRow row)
    {
        Membrane.Validate(row);
        row.Require(row[Membrane.TauM] != row[TauV], TauV, $"tau_v must differ from the membrane time constant (tau_m = {row[Membrane.TauM]})");
        row.Require(row[TauV] != row[Membrane.TauSynEx], TauV, $"tau_v must differ from the synaptic time constants (tau_syn_ex = {row[Membrane.TauSynEx]})");
        row.Require(row[TauV] != row[Membrane.TauSynIn], TauV, $"tau_v must differ from the synaptic time constants (tau_syn_in = {row[Membrane.TauSynIn]})");
    }

    protected override void OnStatusSet(int position) => UpdateThreshold(position);

    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        base.WriteStatus(local, status);
        status["V_th"] = this[Membrane.VTh][PositionOf(local)];
    }

    /// <summary>The whole threshold as NEST computes it for the status and the recordable.</summary>
    private void UpdateThreshold(int i) =>
        this[Membrane.VTh][i] = Membrane.ThresholdOf(Columns, i) + this[VThV][i];

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double c = this[Membrane.Cm][i], beta = this[Beta][i], taum = this[Membrane.TauM][i];
            double tauE = this[Membrane.TauSynEx][i], tauI = this[Membrane.TauSynIn][i], tauV = this[TauV][i];
            double eE = Math.Exp(-h / tauE), eI = Math.Exp(-h / tauI), em = Math.Exp(-h / taum);
            double e1 = Math.Exp(-h / this[Membrane.Tau1][i]), e2 = Math.Exp(-h / this[Membrane.Tau2][i]), eV = Math.Exp(-h / tauV);
            long refractory = context.Time.MsToStepsCeil(this[Membrane.TRef][i]);
            if (refractory < 1)
                throw new BadPropertyException("t_ref", this[Membrane.TRef][i], "the refractory time must be at least one time step");
            return new Propagators
            {
                P11 = eE,
                P22 = eI,
                P33 = em,
                P44 = e1,
                P55 = e2,
                P66 = eV,
                P77 = eV,
                P30 = (taum - em * taum) / c,
                P31 = ((eE - em) * tauE * taum) / (c * (tauE - taum)),
                P32 = ((eI - em) * tauI * taum) / (c * (tauI - taum)),
                P60 = (beta * (em - eV) * taum * tauV) / (c * (taum - tauV)),
                P61 = VoltageThresholdFromCurrent(beta, c, tauE, taum, tauV, eE, em, eV),
                P62 = VoltageThresholdFromCurrent(beta, c, tauI, taum, tauV, eI, em, eV),
                P63 = (beta * (-em + eV) * tauV) / (taum - tauV),
                P70 = (beta * taum * tauV * (em * taum * tauV - eV * (h * (taum - tauV) + taum * tauV))) / (c * NumericsHelper.Squared(taum - tauV)),
                P71 = VoltageThresholdFromCurrentSecond(beta, c, h, tauE, taum, tauV, eE, em, eV),
                P72 = VoltageThresholdFromCurrentSecond(beta, c, h, tauI, taum, tauV, eI, em, eV),
                P73 = (beta * tauV * (-(em * taum * tauV) + eV * (h * (taum - tauV) + taum * tauV))) / NumericsHelper.Squared(taum - tauV),
                P76 = eV * h,
                Ie = this[Membrane.Ie][i],
                Omega = this[Membrane.Omega][i],
                Alpha1 = this[Membrane.Alpha1][i],
                Alpha2 = this[Membrane.Alpha2][i],
                RefractorySteps = (int)refractory,
            };
        });
    }

    /// <summary>The propagator from a synaptic current (time constant tauS) to the derivative of V_th_v.</summary>
    private static double VoltageThresholdFromCurrent(double beta, double c, double tauS, double taum, double tauV, double eS, double em, double eV) =>
        (beta * tauS * taum * tauV * (eV * (-tauS + taum) + em * (tauS - tauV) + eS * (-taum + tauV)))
        / (c * (tauS - taum) * (tauS - tauV) * (taum - tauV));

    /// <summary>The propagator from a synaptic current (time constant tauS) to V_th_v.</summary>
    private static double VoltageThresholdFromCurrentSecond(double beta, double c, double h, double tauS, double taum, double tauV, double eS, double em, double eV) =>
        (beta * tauS * taum * tauV
            * ((em * taum * NumericsHelper.Squared(tauS - tauV) - eS * tauS * NumericsHelper.Squared(taum - tauV)) * tauV
                - eV * (tauS - taum) * (h * (tauS - tauV) * (taum - tauV) + tauS * taum * tauV - Math.Pow(tauV, 3))))
        / (c * (tauS - taum) * NumericsHelper.Squared(tauS - tauV) * NumericsHelper.Squared(taum - tauV));

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread]));

    /// <summary>Calls <see cref="Advance"/> for each step (a struct, so that the step loop is compiled for this model).</summary>
    private readonly struct Stepper(Amat2PscExp group, SpikeBuffer spikes) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, spikes);
    }

    /// <summary>One step of the nodes of a chunk, in NEST's order of operations.</summary>
    private void Advance(in ChunkStep s, SpikeBuffer spikes)
    {
        double[] v = this[Membrane.Vm], h1 = this[Membrane.VThAlpha1], h2 = this[Membrane.VThAlpha2], hv = this[VThV], dhv = this[VThDv];
        double[] threshold = this[Membrane.VTh], el = this[Membrane.EL];
        double[] iEx = this[Membrane.ISynEx], iIn = this[Membrane.ISynIn], current = this[Membrane.Current], refractory = this[Membrane.RefractorySteps];
        var propagators = _propagators.Select();
        Span<double> exIn = s.Input(Membrane.SpikesEx), inIn = s.Input(Membrane.SpikesIn), currentIn = s.Input(Membrane.Currents);
        for (int i = s.Start; i < s.End; i++)
        {
            int k = i - s.Start;
            ref readonly Propagators p = ref propagators.Of(i);
            double drive = p.Ie + current[i];
            hv[i] = drive * p.P70 + iEx[i] * p.P71 + iIn[i] * p.P72 + v[i] * p.P73 + dhv[i] * p.P76 + hv[i] * p.P77;
            dhv[i] = drive * p.P60 + iEx[i] * p.P61 + iIn[i] * p.P62 + v[i] * p.P63 + dhv[i] * p.P66;
            v[i] = drive * p.P30 + iEx[i] * p.P31 + iIn[i] * p.P32 + v[i] * p.P33;
            h1[i] *= p.P44;
            h2[i] *= p.P55;
            iEx[i] *= p.P11;
            iIn[i] *= p.P22;
            iEx[i] += exIn[k];
            iIn[i] += inIn[k];

            if (MatMembrane.Fires(ref refractory[i], ref h1[i], ref h2[i], v[i], p.Omega + h2[i] + h1[i] + hv[i], p.RefractorySteps, p.Alpha1, p.Alpha2))
                spikes.Add(s.Lag, IdOf(i));

            threshold[i] = el[i] + p.Omega + h1[i] + h2[i] + hv[i];
            current[i] = currentIn[k];
        }
    }
}
