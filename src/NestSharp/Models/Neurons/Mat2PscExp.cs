namespace NestSharp.Models.Neurons;

/// <summary>
/// mat2_psc_exp: leaky integrate-and-fire neuron with exponential post-synaptic currents and a multi-timescale adaptive
/// threshold (MAT); the membrane potential is not reset after a spike.
/// <code>
/// dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_stim)/C_m
/// dI_syn_X/dt = -I_syn_X/tau_syn_X + sum_k w_k δ(t - t_k)
/// V_th = omega + H_1 + H_2,   dH_j/dt = -H_j/tau_j,   on a spike H_j ← H_j + alpha_j
/// V &gt;= V_th and not refractory: spike (then no spike for t_ref; V is not reset)
/// </code>
/// Per step h (V relative to E_L): V ← V·expm1(-h/tau_m) + V + P21ex·I_ex + P21in·I_in + P20·(I_e + I_stim), the
/// threshold components decay, the synaptic currents decay and take the spikes of the step; then the threshold is
/// checked (outside the refractory period) and the current input of the step takes effect from the next step.
/// Weights &gt;= 0 go to the excitatory synapse. tau_m must differ from tau_syn_ex and tau_syn_in; t_ref must be at
/// least one step.
/// <para>Parameters (units): C_m (pF), tau_m, tau_syn_ex, tau_syn_in, t_ref, tau_1, tau_2 (ms), E_L, omega, alpha_1,
/// alpha_2 (mV), I_e (pA); state V_m, V_th_alpha_1, V_th_alpha_2 (mV); V_th (mV, read only). Recordables: V_m, V_th.</para>
/// <para>References: Kobayashi R, Tsubo Y, Shinomoto S (2009) Made-to-order spiking neuron model equipped with a
/// multi-timescale adaptive threshold. Front Comput Neurosci 3:9. Rotter S, Diesmann M (1999) Biol Cybern 81:381-402.
/// NEST model documentation, mat2_psc_exp.</para>
/// </summary>
[NodeModelName("mat2_psc_exp")]
internal sealed class Mat2PscExp : NeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly MatMembrane Membrane = new(Declared, cm: 100.0, tauM: 5.0, alpha1: 37.0, alpha2: 2.0, omega: 19.0);

    private struct Propagators
    {
        public double P11Ex, P11In, P22ExpM1, P21Ex, P21In, P20, P11Th, P22Th, Ie, Omega, Alpha1, Alpha2;
        public int RefractorySteps;
    }

    private readonly PropagatorSets<Propagators> _propagators = new();

    public Mat2PscExp(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared) { }

    public override bool SupportsCheckpoint => true;

    protected override void Validate(in StatusRow row) => Membrane.Validate(row);

    protected override void OnStatusSet(int position) => UpdateThreshold(position);

    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        base.WriteStatus(local, status);
        status["V_th"] = this[Membrane.VTh][PositionOf(local)];
    }

    /// <summary>The whole threshold as NEST computes it for the status and the recordable.</summary>
    private void UpdateThreshold(int i) =>
        this[Membrane.VTh][i] = Membrane.ThresholdOf(Columns, i);

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double tauM = this[Membrane.TauM][i], c = this[Membrane.Cm][i];
            double tauEx = this[Membrane.TauSynEx][i], tauIn = this[Membrane.TauSynIn][i];
            double p11Ex = Math.Exp(-h / tauEx), p11In = Math.Exp(-h / tauIn), p22ExpM1 = NumericsHelper.LibmExpM1(-h / tauM);
            long refractory = context.Time.MsToStepsCeil(this[Membrane.TRef][i]);
            if (refractory < 1)
                throw new BadPropertyException("t_ref", this[Membrane.TRef][i], "the refractory time must be at least one time step");
            return new Propagators
            {
                P11Ex = p11Ex,
                P11In = p11In,
                P22ExpM1 = p22ExpM1,
                P21Ex = -tauM / (c * (1.0 - tauM / tauEx)) * p11Ex * NumericsHelper.LibmExpM1(h * (1.0 / tauEx - 1.0 / tauM)),
                P21In = -tauM / (c * (1.0 - tauM / tauIn)) * p11In * NumericsHelper.LibmExpM1(h * (1.0 / tauIn - 1.0 / tauM)),
                P20 = -tauM / c * p22ExpM1,
                P11Th = Math.Exp(-h / this[Membrane.Tau1][i]),
                P22Th = Math.Exp(-h / this[Membrane.Tau2][i]),
                Ie = this[Membrane.Ie][i],
                Omega = this[Membrane.Omega][i],
                Alpha1 = this[Membrane.Alpha1][i],
                Alpha2 = this[Membrane.Alpha2][i],
                RefractorySteps = (int)refractory,
            };
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread]));

    /// <summary>Calls <see cref="Advance"/> for each step (a struct, so that the step loop is compiled for this model).</summary>
    private readonly struct Stepper(Mat2PscExp group, SpikeBuffer spikes) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, spikes);
    }

    /// <summary>One step of the nodes of a chunk, in NEST's order of operations.</summary>
    private void Advance(in ChunkStep s, SpikeBuffer spikes)
    {
        double[] v = this[Membrane.Vm], h1 = this[Membrane.VThAlpha1], h2 = this[Membrane.VThAlpha2], threshold = this[Membrane.VTh];
        double[] el = this[Membrane.EL], iEx = this[Membrane.ISynEx], iIn = this[Membrane.ISynIn], current = this[Membrane.Current], refractory = this[Membrane.RefractorySteps];
        var propagators = _propagators.Select();
        Span<double> exIn = s.Input(Membrane.SpikesEx), inIn = s.Input(Membrane.SpikesIn), currentIn = s.Input(Membrane.Currents);
        for (int i = s.Start; i < s.End; i++)
        {
            int k = i - s.Start;
            ref readonly Propagators p = ref propagators.Of(i);
            v[i] = v[i] * p.P22ExpM1 + v[i] + iEx[i] * p.P21Ex + iIn[i] * p.P21In + (p.Ie + current[i]) * p.P20;
            h1[i] *= p.P11Th;
            h2[i] *= p.P22Th;
            iEx[i] *= p.P11Ex;
            iIn[i] *= p.P11In;
            iEx[i] += exIn[k];
            iIn[i] += inIn[k];

            if (MatMembrane.Fires(ref refractory[i], ref h1[i], ref h2[i], v[i], p.Omega + h2[i] + h1[i], p.RefractorySteps, p.Alpha1, p.Alpha2))
                spikes.Add(s.Lag, IdOf(i));

            threshold[i] = el[i] + p.Omega + h1[i] + h2[i];
            current[i] = currentIn[k];
        }
    }
}
