namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_psc_exp_ps: the leaky integrate-and-fire neuron with exponential post-synaptic currents, for precise spike
/// times (NEST's "canonical" implementation). Spikes arrive at their precise times within a step, the threshold
/// crossing is located within the step by regula falsi and the spike leaves with that time (its offset), and
/// refractoriness ends at the spike's precise time plus t_ref.
/// <code>
/// dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_0)/C_m
/// dI_syn_X/dt = -I_syn_X/tau_syn_X + sum_k w_k δ(t - t_k)
/// V &gt;= V_th: spike at the crossing time, V = V_reset, clamped until t_spike + t_ref; V is never set below V_min
///            in a step without input.
/// </code>
/// Between events the state is propagated exactly over the interval dt (y2 = V - E_L):
/// y2 ← P20(dt)·(I_e + I_0) + P21ex(dt)·I_ex + P21in(dt)·I_in + e^(-dt/tau_m)·y2 (not while refractory),
/// I_X ← e^(-dt/tau_syn_X)·I_X, with P20(dt) = -tau_m/C_m·expm1(-dt/tau_m) and P21X(dt) NEST's IAFPropagatorExp. A
/// step without events uses the step's propagators (V as expm1(-h/tau_m)·y2 + y2, then the V_min bound). A step with
/// events goes from event to event in the order of their times (their offsets, largest first; the end of
/// refractoriness before a spike at the same time): propagate to the event, check the threshold (regula falsi over
/// that interval, from the state at its start), then add the spike's weight·multiplicity to I_ex (weight &gt;= 0) or I_in;
/// then the rest of the step. The step's current input I_0 (CurrentEvents, receptor 0) changes at the end of the step.
/// A node whose V is at or above V_th when a slice starts (set so) fires at the start of the slice's first step.
/// <para>Parameters (units): C_m (pF), tau_m, tau_syn_ex, tau_syn_in, t_ref (ms), E_L, V_reset, V_th, V_min (mV),
/// I_e (pA); state V_m (mV), I_syn_ex, I_syn_in (pA), is_refractory (read-only). Recordables: V_m. Receptor 0 for
/// spikes and currents. Sends precise spikes (off_grid_spiking).</para>
/// <para>Spikes reach it through every synapse model with their sender's offset and the weight their synapse
/// transmitted (<see cref="IPreciseSpikeReceiver"/>), from poisson_generator_ps with their offsets, and from generators
/// that send on the grid (poisson_generator, gamma_sup_generator, spike_dilutor, ...) as one event per step and
/// connection at offset 0 with weight·multiplicity, as in NEST.</para>
/// <para>References: Morrison A, Straube S, Plesser HE, Diesmann M (2007) Exact subthreshold integration with continuous
/// spike times in discrete time neural network simulations. Neural Comput 19:47-79. Hanuschkin A, Kunkel S, Helias M,
/// Morrison A, Diesmann M (2010) A general and efficient method for incorporating precise spike times in globally
/// time-driven simulations. Front Neuroinform 4:113. NEST model documentation, iaf_psc_exp_ps.</para>
/// </summary>
[NodeModelName("iaf_psc_exp_ps")]
internal sealed class IafPscExpPs : ExpPsGroup<IafPscExpPs.Propagators>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly PreciseIafMembrane Membrane = new(Declared, double.NegativeInfinity);

    private static readonly Column TauSynEx = Declared.Parameter("tau_syn_ex", 2.0, "ms", Requirement.Positive(PreciseIafMembrane.AllTimeConstantsPositive));
    private static readonly Column TauSynIn = Declared.Parameter("tau_syn_in", 2.0, "ms", Requirement.Positive(PreciseIafMembrane.AllTimeConstantsPositive));
    private static readonly Column ISynEx = Declared.State("I_syn_ex", 0.0, "pA");
    private static readonly Column ISynIn = Declared.State("I_syn_in", 0.0, "pA");

    /// <summary>What a node's update needs, computed once per run from its parameters (also iaf_psc_exp_ps_lossless's).</summary>
    internal struct Propagators : IExpPsRow<Propagators>
    {
        public double TauM, Cm, TauEx, TauIn, Ie, Theta, UMin, UReset;
        public double Expm1TauM, ExpTauEx, ExpTauIn, P20, P21Ex, P21In;
        public int RefractorySteps;

        /// <summary>NEST's pre_run_hook for step <paramref name="h"/> (ms) from the parameters (user values, V's in mV).</summary>
        public static Propagators For(double tauM, double c, double tauEx, double tauIn, double ie, double el, double vTh,
            double vMin, double vReset, double tRef, double h, TimeGrid time)
        {
            return new Propagators
            {
                TauM = tauM,
                Cm = c,
                TauEx = tauEx,
                TauIn = tauIn,
                Ie = ie,
                Theta = vTh - el,
                UMin = vMin - el,
                UReset = vReset - el,
                Expm1TauM = NumericsHelper.LibmExpM1(-h / tauM),
                ExpTauEx = Math.Exp(-h / tauEx),
                ExpTauIn = Math.Exp(-h / tauIn),
                P20 = -tauM / c * NumericsHelper.ExpM1(-h / tauM),
                P21Ex = ExactPropagators.Exponential(tauEx, tauM, c, h),
                P21In = ExactPropagators.Exponential(tauIn, tauM, c, h),
                RefractorySteps = (int)time.MsToStepsCeil(tRef),
            };
        }

        public static ref readonly Propagators PropagatorsOf(in Propagators row) => ref row;

        /// <summary>The threshold is crossed within the interval when V ends it at or above V_th.</summary>
        public static double CrossingSpan(in Propagators row, in NodeState n, double dt) => n.Y2 >= row.Theta ? dt : double.NaN;
    }

    public IafPscExpPs(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Membrane, ISynEx, ISynIn)
    {
    }

    public override void Prepare(SimulationContext context)
    {
        base.Prepare(context);
        var time = context.Time;
        double h = StepMs;
        Rows.Build(Columns, Schema.ParameterColumns, Count, i => Propagators.For(
            this[Membrane.TauM][i], this[Membrane.Cm][i], this[TauSynEx][i], this[TauSynIn][i], this[Membrane.Ie][i],
            this[Membrane.EL][i], this[Membrane.VTh][i], this[Membrane.VMin][i], this[Membrane.VReset][i],
            this[Membrane.TRef][i], h, time));
    }

    /// <summary>The state of one node while its step is integrated (NEST's S_ and the state at the last event, V_.*_before_).</summary>
    internal struct NodeState
    {
        public double Y0, Y1Ex, Y1In, Y2;
        public bool Refractory;
        public double Y1ExBefore, Y1InBefore, Y2Before;

        /// <summary>Remembers the state as the start of the next interval.</summary>
        public void MarkStart()
        {
            Y1ExBefore = Y1Ex;
            Y1InBefore = Y1In;
            Y2Before = Y2;
        }

        /// <summary>
        /// A step without events: the step's propagators (V as NEST writes it, see test_iaf_ps_dc_t_accuracy, bounded
        /// below by V_min; V only when not refractory).
        /// </summary>
        public void PropagateWholeStep(in Propagators p)
        {
            if (!Refractory)
            {
                Y2 = p.P20 * (p.Ie + Y0) + p.P21Ex * Y1Ex + p.P21In * Y1In + p.Expm1TauM * Y2 + Y2;
                Y2 = Y2 < p.UMin ? p.UMin : Y2;
            }
            Y1Ex *= p.ExpTauEx;
            Y1In *= p.ExpTauIn;
        }

        /// <summary>NEST's propagate_: the exact propagation over <paramref name="dt"/> &gt; 0 ms (V only when not refractory).</summary>
        public void Propagate(in Propagators p, double dt)
        {
            if (!Refractory)
            {
                double p20 = -p.TauM / p.Cm * NumericsHelper.ExpM1(-dt / p.TauM);
                double p21Ex = ExactPropagators.Exponential(p.TauEx, p.TauM, p.Cm, dt);
                double p21In = ExactPropagators.Exponential(p.TauIn, p.TauM, p.Cm, dt);
                Y2 = p20 * (p.Ie + Y0) + p21Ex * Y1Ex + p21In * Y1In + Y2 * Math.Exp(-dt / p.TauM);
            }
            Y1Ex *= Math.Exp(-dt / p.TauEx);
            Y1In *= Math.Exp(-dt / p.TauIn);
        }
    }

    /// <summary>
    /// NEST's threshold_distance: V(t) - V_th from the state at the start of an interval (y0, I_ex, I_in, y2 before),
    /// with the propagators evaluated for t.
    /// </summary>
    internal readonly struct Distance(in Propagators p, double y0, double y1Ex, double y1In, double y2) : IThresholdDistance
    {
        private readonly Propagators _p = p;

        public double At(double t)
        {
            double p20 = -_p.TauM / _p.Cm * NumericsHelper.ExpM1(-t / _p.TauM);
            double p21Ex = ExactPropagators.Exponential(_p.TauEx, _p.TauM, _p.Cm, t);
            double p21In = ExactPropagators.Exponential(_p.TauIn, _p.TauM, _p.Cm, t);
            return p20 * (_p.Ie + y0) + p21Ex * y1Ex + p21In * y1In + y2 * Math.Exp(-t / _p.TauM) - _p.Theta;
        }
    }
}
