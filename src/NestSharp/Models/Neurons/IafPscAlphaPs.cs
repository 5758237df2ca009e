namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_psc_alpha_ps: the leaky integrate-and-fire neuron with alpha-shaped post-synaptic currents, for precise spike
/// times (NEST's "canonical" implementation). Spikes arrive at their precise times within a step, the threshold
/// crossing is located within the step by regula falsi and the spike leaves with that time (its offset), and
/// refractoriness ends at the spike's precise time plus t_ref.
/// <code>
/// dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_0)/C_m
/// dI_syn_X/dt = dI_X - I_syn_X/tau_syn_X,  d(dI_X)/dt = -dI_X/tau_syn_X + e/tau_syn_X · sum_k w_k δ(t - t_k)
/// V &gt;= V_th: spike at the crossing time, V = V_reset, clamped until t_spike + t_ref; V is never set below V_min.
/// </code>
/// A spike of weight w gives the current w·t/tau_syn·e^(1 - t/tau_syn) (peak w at t = tau_syn). Between events the
/// state is propagated exactly over the interval dt (V_m relative to E_L):
/// V ← P30(dt)·(I_e + I_0) + P31ex(dt)·dI_ex + P32ex(dt)·I_ex + P31in(dt)·dI_in + P32in(dt)·I_in + expm1(-dt/tau_m)·V + V
/// (not while refractory; then the V_min bound), I_X ← e^(-dt/tau_syn_X)·dt·dI_X + e^(-dt/tau_syn_X)·I_X,
/// dI_X ← e^(-dt/tau_syn_X)·dI_X, with P30(dt) = -tau_m/C_m·expm1(-dt/tau_m) and (P31X, P32X) NEST's IAFPropagatorAlpha.
/// A step without events uses the step's propagators. A step with events goes from event to event in the order of
/// their times (their offsets, largest first; the end of refractoriness before a spike at the same time): propagate to
/// the event (also over an interval of length 0, as NEST), check the threshold (regula falsi over that interval, from
/// the state at its start), then add e/tau_syn_X · weight·multiplicity to dI_ex (weight &gt;= 0) or dI_in; then the rest
/// of the step. The step's current input I_0 (CurrentEvents, receptor 0) changes at the end of the step. A node whose
/// V is at or above V_th when a slice starts (set so) fires at the start of the slice's first step.
/// <para>Parameters (units): C_m (pF), tau_m, tau_syn_ex, tau_syn_in, t_ref (ms), E_L, V_reset, V_th, V_min (mV),
/// I_e (pA); state V_m (mV, settable), read-only I_syn_ex, I_syn_in, dI_syn_ex, dI_syn_in (pA, pA/ms) and
/// is_refractory. Recordables: I_syn_ex, I_syn_in, V_m. Receptor 0 for spikes and currents. Sends precise spikes
/// (off_grid_spiking).</para>
/// <para>Spikes reach it through every synapse model with their sender's offset and the weight their synapse
/// transmitted (<see cref="IPreciseSpikeReceiver"/>), from poisson_generator_ps with their offsets, and from generators
/// that send on the grid (poisson_generator, gamma_sup_generator, spike_dilutor, ...) as one event per step and
/// connection at offset 0 with weight·multiplicity, as in NEST.</para>
/// <para>References: Morrison A, Straube S, Plesser HE, Diesmann M (2007) Exact subthreshold integration with continuous
/// spike times in discrete time neural network simulations. Neural Comput 19:47-79. Hanuschkin A, Kunkel S, Helias M,
/// Morrison A, Diesmann M (2010) A general and efficient method for incorporating precise spike times in globally
/// time-driven simulations. Front Neuroinform 4:113. NEST model documentation, iaf_psc_alpha_ps.</para>
/// </summary>
[NodeModelName("iaf_psc_alpha_ps")]
internal sealed class IafPscAlphaPs : PreciseIafGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly PreciseIafMembrane Membrane = new(Declared, double.NegativeInfinity);

    private static readonly Column TauSynEx = Declared.Parameter("tau_syn_ex", 2.0, "ms", Requirement.Positive(PreciseIafMembrane.AllTimeConstantsPositive));
    private static readonly Column TauSynIn = Declared.Parameter("tau_syn_in", 2.0, "ms", Requirement.Positive(PreciseIafMembrane.AllTimeConstantsPositive));

    // The synaptic state is read-only in NEST's status (only V_m is settable), so it is kept internal and shown by WriteStatus.
    private static readonly Column ISynEx = Declared.Internal("I_syn_ex");
    private static readonly Column ISynIn = Declared.Internal("I_syn_in");
    private static readonly Column DISynEx = Declared.Internal("dI_syn_ex");
    private static readonly Column DISynIn = Declared.Internal("dI_syn_in");

    static IafPscAlphaPs()
    {
        Declared.Recordable(ISynEx, ISynIn);
    }

    /// <summary>What a node's update needs, computed once per run from its parameters.</summary>
    private struct Propagators
    {
        public double TauM, Cm, TauEx, TauIn, InvTauM, InvCm, InvTauEx, InvTauIn, Ie, Theta, UMin, UReset;
        public double PscNormEx, PscNormIn, Expm1TauM, ExpTauEx, ExpTauIn, P30, P31Ex, P32Ex, P31In, P32In;
        public int RefractorySteps;
    }

    private readonly PropagatorSets<Propagators> _propagators = new();

    public IafPscAlphaPs(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Membrane)
    {
    }

    /// <summary>The status, with NEST's read-only synaptic state (and is_refractory).</summary>
    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        base.WriteStatus(local, status);
        int position = PositionOf(local);
        status["I_syn_ex"] = this[ISynEx][position];
        status["I_syn_in"] = this[ISynIn][position];
        status["dI_syn_ex"] = this[DISynEx][position];
        status["dI_syn_in"] = this[DISynIn][position];
    }

    public override void Prepare(SimulationContext context)
    {
        base.Prepare(context);
        var time = context.Time;
        double h = StepMs;
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double tauM = this[Membrane.TauM][i], c = this[Membrane.Cm][i], el = this[Membrane.EL][i];
            double tauEx = this[TauSynEx][i], tauIn = this[TauSynIn][i];
            double expm1TauM = NumericsHelper.ExpM1(-h / tauM);
            var (p31Ex, p32Ex) = ExactPropagators.Alpha(tauEx, tauM, c, h);
            var (p31In, p32In) = ExactPropagators.Alpha(tauIn, tauM, c, h);
            return new Propagators
            {
                TauM = tauM,
                Cm = c,
                TauEx = tauEx,
                TauIn = tauIn,
                InvTauM = 1.0 / tauM,
                InvCm = 1.0 / c,
                InvTauEx = 1.0 / tauEx,
                InvTauIn = 1.0 / tauIn,
                Ie = this[Membrane.Ie][i],
                Theta = this[Membrane.VTh][i] - el,
                UMin = this[Membrane.VMin][i] - el,
                UReset = this[Membrane.VReset][i] - el,
                PscNormEx = Math.E * (1.0 / tauEx),
                PscNormIn = Math.E * (1.0 / tauIn),
                Expm1TauM = expm1TauM,
                ExpTauEx = Math.Exp(-h / tauEx),
                ExpTauIn = Math.Exp(-h / tauIn),
                P30 = -tauM / c * expm1TauM,
                P31Ex = p31Ex,
                P32Ex = p32Ex,
                P31In = p31In,
                P32In = p32In,
                RefractorySteps = (int)time.MsToStepsCeil(this[Membrane.TRef][i]),
            };
        });
    }

    /// <summary>The state of one node while its step is integrated (NEST's S_ and the state at the last event, V_.*_before_).</summary>
    private struct NodeState
    {
        public double Y0, IEx, DIEx, IIn, DIIn, V;
        public bool Refractory;
        public double IExBefore, DIExBefore, IInBefore, DIInBefore, VBefore;

        /// <summary>Remembers the state as the start of the next interval.</summary>
        public void MarkStart()
        {
            IExBefore = IEx;
            DIExBefore = DIEx;
            IInBefore = IIn;
            DIInBefore = DIIn;
            VBefore = V;
        }

        /// <summary>NEST's propagate_: the exact propagation over <paramref name="dt"/> &gt;= 0 ms (V only when not refractory).</summary>
        public void Propagate(in Propagators p, double dt)
        {
            if (!Refractory)
            {
                double expm1TauM = NumericsHelper.ExpM1(-dt * p.InvTauM);
                double p30 = -p.TauM * p.InvCm * expm1TauM;
                var (p31Ex, p32Ex) = ExactPropagators.Alpha(p.TauEx, p.TauM, p.Cm, dt);
                var (p31In, p32In) = ExactPropagators.Alpha(p.TauIn, p.TauM, p.Cm, dt);
                V = p30 * (p.Ie + Y0) + p31Ex * DIEx + p32Ex * IEx + p31In * DIIn + p32In * IIn + V * expm1TauM + V;
                V = V < p.UMin ? p.UMin : V;
            }
            double expTauEx = Math.Exp(-dt * p.InvTauEx);
            double expTauIn = Math.Exp(-dt * p.InvTauIn);
            IEx = expTauEx * dt * DIEx + expTauEx * IEx;
            DIEx = expTauEx * DIEx;
            IIn = expTauIn * dt * DIIn + expTauIn * IIn;
            DIIn = expTauIn * DIIn;
        }
    }

    protected override void Advance(in ChunkStep s, SpikeBuffer spikes, int thread)
    {
        Span<double> arrived = s.Input(Membrane.Spikes);
        Span<double> currents = s.Input(Membrane.Currents);
        double[] y0 = this[Membrane.StepCurrent], iEx = this[ISynEx], dIEx = this[DISynEx], iIn = this[ISynIn], dIIn = this[DISynIn];
        double[] v = this[Membrane.Vm];
        double[] refractory = this[Membrane.IsRefractory];
        var propagators = _propagators.Select();
        double h = StepMs;
        long step = s.Step;
        for (int k = 0; k < arrived.Length; k++)
        {
            int i = s.Start + k;
            ref readonly Propagators p = ref propagators.Of(i);
            var n = new NodeState { Y0 = y0[i], IEx = iEx[i], DIEx = dIEx[i], IIn = iIn[i], DIIn = dIIn[i], V = v[i], Refractory = refractory[i] != 0.0 };
            n.MarkStart();

            // Refractoriness ending within this step comes as a pseudo-event at the last spike's offset.
            var stepEvents = TakeDue(i, step, thread, arrived[k], n.Refractory, p.RefractorySteps);

            if (stepEvents.None)
            {
                // No event: the step's propagators (V as NEST writes it, see test_iaf_ps_dc_t_accuracy), the V_min bound.
                if (!n.Refractory)
                {
                    n.V = p.P30 * (p.Ie + n.Y0) + p.P31Ex * n.DIEx + p.P32Ex * n.IEx + p.P31In * n.DIIn + p.P32In * n.IIn
                        + p.Expm1TauM * n.V + n.V;
                    n.V = n.V < p.UMin ? p.UMin : n.V;
                }
                n.IEx = p.ExpTauEx * h * n.DIEx + p.ExpTauEx * n.IEx;
                n.DIEx = p.ExpTauEx * n.DIEx;
                n.IIn = p.ExpTauIn * h * n.DIIn + p.ExpTauIn * n.IIn;
                n.DIIn = p.ExpTauIn * n.DIIn;
                if (n.V >= p.Theta) Fire(i, ref n, p, step, s.Lag, 0.0, h, spikes);
            }
            else
            {
                double since = h; // offsets count down from h at the step's start to 0 at its end
                while (stepEvents.Next(sumSimultaneous: false, out bool endOfRefractoriness, out double offset, out double weight))
                {
                    double ministep = since - offset;
                    n.Propagate(p, ministep);
                    if (n.V >= p.Theta) Fire(i, ref n, p, step, s.Lag, h - since, ministep, spikes);
                    if (endOfRefractoriness) n.Refractory = false;
                    else if (weight >= 0.0) n.DIEx += p.PscNormEx * weight;
                    else n.DIIn += p.PscNormIn * weight;
                    n.MarkStart();
                    since = offset;
                }
                if (since > 0)
                {
                    n.Propagate(p, since);
                    if (n.V >= p.Theta) Fire(i, ref n, p, step, s.Lag, h - since, since, spikes);
                }
            }

            iEx[i] = n.IEx;
            dIEx[i] = n.DIEx;
            iIn[i] = n.IIn;
            dIIn[i] = n.DIIn;
            v[i] = n.V;
            refractory[i] = n.Refractory ? 1.0 : 0.0;
            // The current input changes at the end of the step, after the threshold crossing is located.
            y0[i] = currents[k];
        }
    }

    /// <summary>
    /// NEST's emit_spike_: the potential crossed the threshold within the interval [t0, t0 + dt] of the step (ms from
    /// its start); regula falsi locates the crossing from the state at the interval's start, and the node fires then.
    /// </summary>
    private void Fire(int i, ref NodeState n, in Propagators p, long step, int lag, double t0, double dt, SpikeBuffer spikes)
    {
        double crossing = RegulaFalsi.Root(new Distance(p, n), dt);
        n.V = p.UReset;
        n.Refractory = true;
        MarkSpike(i, step, lag, StepMs - (t0 + crossing), spikes);
    }

    /// <summary>
    /// NEST's threshold_distance: V(t) - V_th from the state at the start of an interval (the step's input current and
    /// the synaptic state and V before), with the propagators evaluated for t.
    /// </summary>
    private readonly struct Distance(in Propagators p, in NodeState n) : IThresholdDistance
    {
        private readonly Propagators _p = p;
        private readonly double _y0 = n.Y0, _iEx = n.IExBefore, _dIEx = n.DIExBefore, _iIn = n.IInBefore, _dIIn = n.DIInBefore, _v = n.VBefore;

        public double At(double t)
        {
            double expm1TauM = NumericsHelper.ExpM1(-t * _p.InvTauM);
            double p30 = -_p.TauM * _p.InvCm * expm1TauM;
            var (p31Ex, p32Ex) = ExactPropagators.Alpha(_p.TauEx, _p.TauM, _p.Cm, t);
            var (p31In, p32In) = ExactPropagators.Alpha(_p.TauIn, _p.TauM, _p.Cm, t);
            double v = p30 * (_p.Ie + _y0) + p31Ex * _dIEx + p32Ex * _iEx + p31In * _dIIn + p32In * _iIn + _v * expm1TauM + _v;
            return v - _p.Theta;
        }
    }
}
