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
internal sealed class GifCondExpMultisynapse : NeuronGroup
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

    /// <summary>NEST's IntegrationStep_: the inner step size to try next (ms), 0 until the node's first run.</summary>
    private static readonly Column InnerStep = Declared.Internal("inner_step");

    /// <summary>The ports' conductances (nS), shown read-only as g.</summary>
    private static readonly PortColumn G = Declared.PortVariable("g", "g");

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
    private double _h;

    /// <summary>Per port (index r - 1): the g values of every node, and the ring channel of storage position 0.</summary>
    private double[][] _g = [];
    private int[] _portChannel = [];

    /// <summary>Per virtual process: an integrator per number of ports of the group's nodes (null for numbers none has), and a state vector.</summary>
    private Rkf45Integrator?[][] _integrators = [];
    private double[][] _y = [];

    public GifCondExpMultisynapse(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _adaptation = KeepOutsideColumns(new GifAdaptation(count, this[Membrane.ESfa], this[Membrane.IStc]));
    }

    public override bool SupportsCheckpoint => true;

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
        PreparePorts();
        var time = context.Time;
        double h = time.StepToMs(1);
        _h = h;
        _adaptation.Prepare(context, this, h);
        int ports = PortCount, maxPorts = 0;
        _g = new double[ports][];
        _portChannel = new int[ports];
        for (int r = 0; r < ports; r++)
        {
            _g[r] = PortState(G, r + 1);
            _portChannel[r] = PortChannel(r + 1);
        }
        _constants = new Constants[Count];
        double[] innerStep = this[InnerStep];
        for (int i = 0; i < Count; i++)
        {
            var m = Membrane.ConstantsOf(Columns, i, time);
            double[] tauSyn = ArrayOf(TauSyn, i);
            _constants[i] = new Constants
            {
                Membrane = m,
                Control = ErrorControl.OnValues(this[GslErrorTol][i], 0.0),
                Dynamics = new Dynamics
                {
                    GL = m.GL, EL = m.EL, Cm = m.Cm, Ie = m.Ie, VReset = m.VReset, ERev = ArrayOf(ERev, i), TauSyn = tauSyn,
                },
            };
            maxPorts = Math.Max(maxPorts, tauSyn.Length);
            if (innerStep[i] == 0.0) innerStep[i] = h;
        }
        _integrators = new Rkf45Integrator?[context.VirtualProcesses][];
        _y = new double[context.VirtualProcesses][];
        for (int vp = 0; vp < _integrators.Length; vp++)
        {
            _integrators[vp] = new Rkf45Integrator?[maxPorts + 1];
            _y[vp] = new double[1 + maxPorts];
        }
        for (int i = 0; i < Count; i++)
        {
            int own = _constants[i].Dynamics.TauSyn.Length;
            for (int vp = 0; vp < _integrators.Length; vp++) _integrators[vp][own] ??= new Rkf45Integrator(1 + own);
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        var ring = context.Ring;
        double[] data = ring.Data;
        var spikes = context.SpikesOfVp[thread];
        var integrators = _integrators[thread];
        double[] buffer = _y[thread];
        double[] v = this[Membrane.Vm], eSfa = this[Membrane.ESfa], iStc = this[Membrane.IStc];
        double[] current = this[Current], refractory = this[Membrane.RefractorySteps], innerSteps = this[InnerStep];
        double[][] gs = _g;
        int[] portChannel = _portChannel;
        var constants = _constants;
        var adaptation = _adaptation;
        double h = _h;
        int n = end - start;
        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            int row = ring.SlotOf(step) * ring.Channels;
            Span<double> currentIn = ring.Row(step, ChannelOf(Currents) + start, n);
            for (int i = start; i < end; i++)
            {
                ref Constants c = ref constants[i];
                ref Dynamics system = ref c.Dynamics;
                int ports = system.TauSyn.Length;
                double stc = adaptation.SpikeTriggeredCurrent(i);
                iStc[i] = stc;
                eSfa[i] = adaptation.Threshold(i, c.Membrane.VTStar);

                Span<double> y = buffer.AsSpan(0, 1 + ports);
                y[YV] = v[i];
                for (int r = 0; r < ports; r++) y[1 + r] = gs[r][i];
                system.IStim = current[i];
                system.Stc = stc;
                system.Refractory = refractory[i] > 0;
                var integrator = integrators[ports]!;
                double t = 0.0, innerStep = innerSteps[i];
                while (t < h) integrator.Evolve(ref system, c.Control, ref t, h, ref innerStep, y);
                innerSteps[i] = innerStep;

                for (int r = 0; r < ports; r++)
                {
                    double weight = data[row + portChannel[r] + i];
                    if (weight < 0.0) ThrowNegativeWeight(i, r + 1, weight);
                    gs[r][i] = y[1 + r] + weight;
                }

                if (refractory[i] == 0.0)
                {
                    if (adaptation.Fires(i, step, y[YV], eSfa[i], c.Membrane, h))
                    {
                        refractory[i] = c.Membrane.RefractorySteps;
                        spikes.Add(lag, IdOf(i));
                    }
                }
                else
                {
                    refractory[i]--;
                    y[YV] = c.Membrane.VReset;
                }
                v[i] = y[YV];
                current[i] = currentIn[i - start];
            }
            currentIn.Clear();
            for (int r = 0; r < portChannel.Length; r++) ring.Row(step, portChannel[r] + start, n).Clear();
            RecordSamples(thread, step);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNegativeWeight(int position, int port, double weight) =>
        throw new BadPropertyException("weight", weight,
            $"{Model.Name} (node {IdOf(position)}): the spikes arriving on receptor port {port} sum to a negative weight; synaptic weights for conductance-based multisynapse models must be non-negative");
}
