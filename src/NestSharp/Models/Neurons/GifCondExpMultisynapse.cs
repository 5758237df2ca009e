namespace NestSharp.Models.Neurons;

/// <summary>
/// gif_cond_exp_multisynapse: generalized integrate-and-fire neuron (Mensi et al. 2012, Pozzorini et al. 2015) with any
/// number of receptor ports, each an exponentially decaying conductance with its own time constant and reversal
/// potential; membrane, spike-triggered current (stc), moving threshold (sfa) and escape noise as gif_cond_exp
/// (<see cref="GifMembrane"/>, <see cref="GifAdaptation"/>).
/// <code>
/// C_m·dV/dt = -g_L·(V - E_L) - sum_r g_r·(V - E_rev[r]) - I_stc + I_e + I_stim
/// dg_r/dt = -g_r/tau_syn[r]   (r = 1 .. n_receptors)
/// I_stc = sum_j stc_j,   E_sfa = V_T_star + sum_j sfa_j  (elements decaying with tau_stc_j, tau_sfa_j, jumping by q on a spike)
/// lambda(t) = lambda_0·exp((V - E_sfa)/Delta_V): the neuron fires in a step with probability 1 - exp(-lambda·h)
/// </code>
/// Per step h, in NEST's order: I_stc and E_sfa are formed from their elements, which then decay; y = [V, g_1 .. g_n] is
/// integrated over the step with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does
/// (<see cref="Rkf45Integrator"/>, error control on the values with an absolute tolerance of gsl_error_tol, the inner
/// step size carrying over from step to step), I_stc held at its value of the step and, while the neuron is refractory,
/// V = V_reset in the equations with dV/dt = 0; then the spikes of the step add their weight (nS) to g_r of their port;
/// a neuron that is not refractory draws one uniform number from its keyed stream to decide the spike, after which it
/// is refractory for t_ref; a refractory one counts down with V_m set to V_reset. The current input of the step takes
/// effect from the next step. With one port, E_rev = [E_ex] and tau_syn = [tau_syn_ex] it is gif_cond_exp with
/// excitatory input only, bit for bit.
/// <para>Weights must not be negative: a step whose spikes sum to a negative weight on a port fails with BadProperty
/// during the simulation (NEST checks each spike as it is delivered, so here a negative weight offset by positive ones
/// arriving in the same step goes unnoticed).</para>
/// <para>Parameters (units): C_m (pF), g_L (nS), E_L, V_reset, V_T_star, Delta_V (mV), lambda_0 (1/s), t_ref (ms), I_e
/// (pA), gsl_error_tol; arrays tau_syn (ms, each &gt; 0) and E_rev (mV), one element per receptor port, of equal length
/// (both given when the length changes), tau_stc (ms), q_stc (pA), tau_sfa (ms), q_sfa (mV) of equal lengths in pairs;
/// read-only n_receptors and has_connections (a spike connection reached the node: the number of ports can then no
/// longer be reduced). State: V_m (mV); read-only E_sfa (mV), I_stc (pA), g (nS, per port). Spike receptors 1 ..
/// n_receptors; current receptor 0. Recordables (as NEST's): V_m, E_sfa, I_stc.</para>
/// <para>References: Mensi S et al. (2012) J Neurophysiol 107:1756-1775. Pozzorini C et al. (2015) PLoS Comput Biol
/// 11:e1004275. NEST model documentation, gif_cond_exp_multisynapse (NEST 3.10).</para>
/// </summary>
[NodeModelName("gif_cond_exp_multisynapse")]
internal sealed class GifCondExpMultisynapse : ConductancePortGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    // I_e, E_L, g_L, C_m, V_reset, Delta_V, V_T_star, lambda_0, t_ref, V_m, E_sfa, I_stc, shared with gif_cond_exp
    private static readonly GifMembrane Membrane = new(Declared);

    private static readonly ArrayColumn TauSyn = Declared.ArrayParameter("tau_syn", [2.0], "ms");
    private static readonly ArrayColumn ERev = Declared.ArrayParameter("E_rev", [0.0], "mV");

    /// <summary>As gif_cond_exp: NEST accepts any value but aborts (negative) or never finishes a step (zero) with it; NestSharp refuses both.</summary>
    private static readonly Column GslErrorTol = Declared.Parameter("gsl_error_tol", 1e-3, "", Requirement.Positive("the solver tolerance must be strictly positive"));

    /// <summary>The current input of the previous step (NEST's I_stim), used in this step.</summary>
    private static readonly Column Current = Declared.Internal("current");

    /// <summary>The inner step size and the ports' conductances (nS), shown read-only as g.</summary>
    private static readonly ConductancePortColumns Ports = new(Declared, rise: false, sizedBeforeRun: false);

    private static readonly InputChannel Currents = Declared.CurrentInput("currents", 0);

    static GifCondExpMultisynapse()
    {
        Declared.PortsSizedBy(TauSyn, "n_receptors");
        Declared.Recordable(Membrane.Vm, Membrane.ESfa, Membrane.IStc);
    }

    /// <summary>Position of V in the integrated state vector; g_r is at r (NEST's order).</summary>
    private const int YV = 0;

    /// <summary>The right-hand side of the 1 + n state equations, for one node's parameters and input.</summary>
    private struct Dynamics : IOdeSystem
    {
        public double GL, EL, Cm, Ie, VReset;

        /// <summary>The node's port arrays as of the run (never changed in place).</summary>
        public double[] ERev, TauSyn;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim;

        /// <summary>The spike-triggered current of this step (pA).</summary>
        public double Stc;

        public bool Refractory;

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = Refractory ? VReset : y[YV];
            double[] eRev = ERev, tauSyn = TauSyn;
            double iSyn = 0.0;
            for (int r = 0; r < eRev.Length; r++) iSyn += -(y[1 + r] * (v - eRev[r]));
            double leak = GL * (v - EL);
            f[YV] = Refractory ? 0.0 : (-leak + IStim + Ie + iSyn - Stc) / Cm;
            for (int r = 0; r < tauSyn.Length; r++) f[1 + r] = -y[1 + r] / tauSyn[r];
        }
    }

    /// <summary>What one node's run computes once from its parameters.</summary>
    private struct Constants
    {
        public Dynamics Dynamics;
        public GifMembrane.Constants Membrane;
        public ErrorControl Control;
    }

    private readonly GifAdaptation _adaptation;
    private Constants[] _constants = [];

    public GifCondExpMultisynapse(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Currents, Ports, 1)
    {
        _adaptation = KeepOutsideColumns(new GifAdaptation(count, this[Membrane.ESfa], this[Membrane.IStc]));
    }

    protected override void Validate(in StatusRow row)
    {
        bool tauSet = row.IsSet(TauSyn), eRevSet = row.IsSet(ERev);
        if (!tauSet && !eRevSet) return;
        ReadOnlySpan<double> tauSyn = row.Array(TauSyn), eRev = row.Array(ERev);
        int previous = row.PreviousPorts;
        var named = tauSet ? TauSyn : ERev;
        row.Require((eRev.Length == previous && tauSyn.Length == previous) || (tauSet && eRevSet), named,
            $"if the number of receptor ports is changed (n_receptors = {previous}), both arrays E_rev and tau_syn must be provided");
        row.Require(eRev.Length == tauSyn.Length, named,
            $"the reversal potential and synaptic time constant arrays must have the same size (E_rev has {eRev.Length}, tau_syn {tauSyn.Length})");
        row.Require(tauSyn.Length >= previous || !row.HasConnections, named,
            $"the neuron has connections, therefore the number of ports cannot be reduced below {previous}");
        for (int r = 0; r < tauSyn.Length; r++)
            row.Require(tauSyn[r] > 0, TauSyn, $"all synaptic time constants must be strictly positive (port {r + 1}: tau_syn = {tauSyn[r]})");
    }

    public override void Prepare(SimulationContext context)
    {
        PreparePortInputs();
        var time = context.Time;
        double h = time.StepToMs(1);
        _adaptation.Prepare(context, this, h);
        _constants = new Constants[Count];
        for (int i = 0; i < Count; i++)
        {
            var m = Membrane.ConstantsOf(Columns, i, time);
            _constants[i] = new Constants
            {
                Membrane = m,
                Control = ErrorControl.OnValues(this[GslErrorTol][i], 0.0),
                Dynamics = new Dynamics
                {
                    GL = m.GL, EL = m.EL, Cm = m.Cm, Ie = m.Ie, VReset = m.VReset, ERev = ArrayOf(ERev, i), TauSyn = ArrayOf(TauSyn, i),
                },
            };
        }
        PrepareIntegration(context, h);
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        IntegratePorts<Bookkeeping, Dynamics>(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>
    /// The GIF steps around the integration: the spike-triggered current and threshold of the step, V and the inputs,
    /// then the ports with the spikes of the step (non-negative), the spike draw or the refractory count, V and the
    /// current input.
    /// </summary>
    private readonly struct Bookkeeping(GifCondExpMultisynapse group, SpikeBuffer spikes) : IPortBookkeeping<Dynamics>
    {
        private readonly double[] _v = group[Membrane.Vm], _eSfa = group[Membrane.ESfa], _iStc = group[Membrane.IStc];
        private readonly double[] _current = group[Current], _refractory = group[Membrane.RefractorySteps];
        private readonly Constants[] _constants = group._constants;
        private readonly GifAdaptation _adaptation = group._adaptation;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ref Dynamics Begin(int node, Span<double> y, out ErrorControl control)
        {
            ref Constants c = ref _constants[node];
            ref Dynamics system = ref c.Dynamics;
            double stc = _adaptation.SpikeTriggeredCurrent(node);
            _iStc[node] = stc;
            _eSfa[node] = _adaptation.Threshold(node, c.Membrane.VTStar);

            y[YV] = _v[node];
            system.IStim = _current[node];
            system.Stc = stc;
            system.Refractory = _refractory[node] > 0;
            control = c.Control;
            return ref system;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, Span<double> y, in PortStep step, PortIntegration ports)
        {
            ref Constants c = ref _constants[node];
            int negative = ports.Store(node, y, step, null, c.Dynamics.TauSyn.Length, nonNegative: true);
            if (negative >= 0) group.ThrowNegativeWeight(node, negative + 1, step.Arriving(negative, node));

            double[] refractory = _refractory;
            if (refractory[node] == 0.0)
            {
                if (_adaptation.Fires(node, step.Step, y[YV], _eSfa[node], c.Membrane, group.Resolution))
                {
                    refractory[node] = c.Membrane.RefractorySteps;
                    spikes.Add(step.Lag, group.IdOf(node));
                }
            }
            else
            {
                refractory[node]--;
                y[YV] = c.Membrane.VReset;
            }
            _v[node] = y[YV];
            _current[node] = step.CurrentInput[node - step.Start];
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNegativeWeight(int position, int port, double weight) =>
        throw new BadPropertyException("weight", weight,
            $"{Model.Name} (node {IdOf(position)}): the spikes arriving on receptor port {port} sum to a negative weight; synaptic weights for conductance-based multisynapse models must be non-negative");
}
