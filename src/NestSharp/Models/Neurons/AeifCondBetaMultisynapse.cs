namespace NestSharp.Models.Neurons;

/// <summary>
/// aeif_cond_beta_multisynapse: adaptive exponential integrate-and-fire neuron (AdEx, Brette and Gerstner 2005) with
/// any number of receptor ports, each a conductance with its own reversal potential and a beta-shaped (difference of
/// exponentials) time course. With V the membrane potential as the dynamics see it (V_reset while refractory,
/// min(V_m, V_peak) otherwise) and n the number of ports,
/// <code>
/// C_m dV/dt  = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) + sum_k g_k (E_rev[k] - V) - w + I_e + I_stim
/// tau_w dw/dt = a (V - E_L) - w
/// d(dg_k)/dt = -dg_k / tau_rise[k],   dg_k/dt = dg_k - g_k / tau_decay[k]         (k = 1 .. n)
/// </code>
/// (dV/dt = 0 while refractory; with Delta_T = 0 the exponential term vanishes and V_th is the firing threshold). The
/// state y = [V_m, w, dg_1, g_1, ..., dg_n, g_n] (2 + 2n components per node) is integrated over each step h by
/// adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does (<see cref="Rkf45Integrator"/>, error control on
/// h·dy/dt with eps_abs = eps_rel = gsl_error_tol), the inner step size carrying over from step to step. After every
/// inner step, in this order: V_m &lt; -1e3 mV or |w| &gt; 1e6 pA fails with NumericalInstability; a refractory
/// neuron's V_m is set to V_reset; otherwise V_m at or above V_peak (V_th when Delta_T = 0) is a spike: V_m = V_reset,
/// w += b, refractory for t_ref. At the end of the step the refractory count goes down, the spikes that arrived on
/// port k add their weight (nS) times <see cref="BetaNormalization.Factor"/>(tau_rise[k], tau_decay[k]) to dg_k, so
/// that a weight w makes g_k peak at w (the alpha function when tau_rise[k] = tau_decay[k]), and the current input of
/// the step takes effect from the next step.
/// <para>Weights must not be negative (each port's reversal potential sets the sign of its effect): a step whose spikes
/// sum to a negative weight on a port fails with BadProperty during the simulation. NEST checks every spike as it is
/// delivered; here the check is on a port's sum per step, so a negative weight offset by positive ones arriving in the
/// same step goes unnoticed.</para>
/// <para>The status shows dg and g (nS/ms, nS) with as many elements as the state had in the node's last run (one
/// before the first), as NEST sizes the state only before a run; the recordables g_1 .. g_n follow n_receptors at once.</para>
/// <para>Parameters (units): C_m (pF), g_L (nS), E_L, V_reset, V_peak, V_th, Delta_T (mV), t_ref, tau_w (ms), a (nS),
/// b, I_e (pA), gsl_error_tol; arrays E_rev (mV), tau_rise, tau_decay (ms), one element per receptor port, of equal
/// length (all three given when the length changes), time constants &gt; 0 with tau_rise &lt;= tau_decay; read-only
/// n_receptors and has_connections (a spike connection reached the node: the number of ports can then no longer be
/// reduced); archiving: tau_minus, tau_minus_triplet, tau_Ca (ms), beta_Ca. State: V_m (mV), w (pA), Ca; read-only dg,
/// g. Spike receptors 1 .. n_receptors; current receptor 0. Recordables: V_m, w, g_1 .. g_n.</para>
/// <para>References: Brette R, Gerstner W (2005) Adaptive exponential integrate-and-fire model as an effective
/// description of neuronal activity. J Neurophysiol 94:3637-3642. Roth A, van Rossum MCW (2010) Modeling synapses. In
/// De Schutter E (ed) Computational Modeling Methods for Neuroscientists, MIT Press. NEST model documentation,
/// aeif_cond_beta_multisynapse (NEST 3.10).</para>
/// </summary>
[NodeModelName("aeif_cond_beta_multisynapse")]
internal sealed class AeifCondBetaMultisynapse : NeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly AeifMembrane Membrane = new(Declared, peakCheckedFirst: true, overflowCheckedLast: true);

    private static readonly ArrayColumn ERev = Declared.ArrayParameter("E_rev", [0.0], "mV");
    private static readonly ArrayColumn TauRise = Declared.ArrayParameter("tau_rise", [2.0], "ms");
    private static readonly ArrayColumn TauDecay = Declared.ArrayParameter("tau_decay", [20.0], "ms");

    /// <summary>NEST's r_: the refractory steps left, counting the current one.</summary>
    private static readonly Column Refractory = Declared.Internal("refractory_steps");

    /// <summary>NEST's I_stim_: the current input of the step (pA), what arrived on the current channel in the step before.</summary>
    private static readonly Column CurrentInput = Declared.Internal("current_input");

    /// <summary>NEST's IntegrationStep_: the inner step size to try next (ms), 0 until the node's first run.</summary>
    private static readonly Column InnerStep = Declared.Internal("inner_step");

    /// <summary>NEST's (y_.size() - 2) / 2: the ports the state had in the node's last run (1 before the first).</summary>
    private static readonly Column PortsInLastRun = Declared.Internal("ports_in_last_run", 1.0);

    private static readonly PortColumn Dg = Declared.PortVariable("dg", "dg");
    private static readonly PortColumn G = Declared.PortVariable("g", "g");

    private static readonly InputChannel Currents = Declared.CurrentInput("currents", 0);

    static AeifCondBetaMultisynapse()
    {
        Declared.PortsSizedBy(ERev, "n_receptors");
        Declared.Recordable(Membrane.Vm, Membrane.W);
        Declared.PortRecordable(G, "g_");
    }

    /// <summary>Positions in the integrated state vector (NEST's order): V_m, w, then dg_k, g_k of port k at 2k, 2k + 1.</summary>
    private const int YV = 0, YW = 1, FirstPort = 2;

    /// <summary>The right-hand side of the 2 + 2n state equations, for one node's parameters and input.</summary>
    internal struct Dynamics : IOdeSystem
    {
        public double GL, Cm, EL, VTh, DeltaT, VPeak, VReset, A, TauW, Ie;

        /// <summary>The node's port arrays as of the run (never changed in place).</summary>
        public double[] ERev, TauRise, TauDecay;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim;

        /// <summary>Whether the neuron is refractory: V is V_reset in the equations and dV/dt = 0.</summary>
        public bool Refractory;

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = Refractory ? VReset : (VPeak < y[YV] ? VPeak : y[YV]);
            double w = y[YW];
            double[] eRev = ERev;
            double iSyn = 0.0;
            for (int k = 0; k < eRev.Length; k++) iSyn += y[FirstPort + 2 * k + 1] * (eRev[k] - v);
            double spikeCurrent = DeltaT == 0.0 ? 0.0 : DeltaT * GL * Math.Exp((v - VTh) / DeltaT);

            f[YV] = Refractory ? 0.0 : (-GL * (v - EL) + spikeCurrent + iSyn - w + Ie + IStim) / Cm;
            f[YW] = (A * (v - EL) - w) / TauW;
            double[] tauRise = TauRise, tauDecay = TauDecay;
            for (int k = 0; k < eRev.Length; k++)
            {
                int dg = FirstPort + 2 * k;
                f[dg] = -y[dg] / tauRise[k];
                f[dg + 1] = y[dg] - y[dg + 1] / tauDecay[k];
            }
        }
    }

    /// <summary>What one node's run computes once from its parameters.</summary>
    private struct Constants
    {
        public Dynamics Dynamics;
        public ErrorControl Control;

        /// <summary>V_peak when Delta_T &gt; 0, V_th when Delta_T = 0 (then the model fires like an integrate-and-fire neuron).</summary>
        public double SpikeThreshold;

        public double B;
        public int RefractorySteps;

        /// <summary>Per port: the jump of dg per nS of weight.</summary>
        public double[] Jump;
    }

    private Constants[] _constants = [];

    /// <summary>Per port (index k - 1): the dg and g values of every node, and the ring channel of storage position 0.</summary>
    private double[][] _dg = [], _g = [];
    private int[] _portChannel = [];

    /// <summary>Per virtual process: an integrator per number of ports of the group's nodes (null for numbers none has), and a state vector.</summary>
    private Rkf45Integrator?[][] _integrators = [];
    private double[][] _y = [];

    private double _resolution;

    public AeifCondBetaMultisynapse(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared) { }

    /// <summary>Every state of the model is in its columns and port variables (refractory count, inner step, current, dg, g).</summary>
    public override bool SupportsCheckpoint => true;

    protected override void Validate(in StatusRow row)
    {
        bool eRevSet = row.IsSet(ERev), tauRiseSet = row.IsSet(TauRise), tauDecaySet = row.IsSet(TauDecay);
        if (eRevSet || tauRiseSet || tauDecaySet)
        {
            ReadOnlySpan<double> eRev = row.Array(ERev), tauRise = row.Array(TauRise), tauDecay = row.Array(TauDecay);
            int previous = row.PreviousPorts;
            bool lengthChanged = eRev.Length != previous || tauRise.Length != previous || tauDecay.Length != previous;
            var named = eRevSet ? ERev : tauRiseSet ? TauRise : TauDecay;
            row.Require(!lengthChanged || (eRevSet && tauRiseSet && tauDecaySet), named,
                $"when the number of receptor ports changes (n_receptors = {previous}), E_rev, tau_rise and tau_decay must all be given");
            row.Require(eRev.Length == tauRise.Length && eRev.Length == tauDecay.Length, named,
                $"E_rev, tau_rise and tau_decay must have the same length (they have {eRev.Length}, {tauRise.Length}, {tauDecay.Length})");
            row.Require(tauRise.Length >= previous || !row.HasConnections, named,
                $"the neuron has connections, therefore the number of receptor ports cannot be reduced below {previous}");
            for (int k = 0; k < tauRise.Length; k++)
            {
                row.Require(tauRise[k] > 0 && tauDecay[k] > 0, tauRise[k] > 0 ? TauDecay : TauRise,
                    $"all synaptic time constants must be strictly positive (port {k + 1}: tau_rise = {tauRise[k]}, tau_decay = {tauDecay[k]})");
                row.Require(tauDecay[k] >= tauRise[k], TauRise,
                    $"the rise time must not exceed the decay time (port {k + 1}: tau_rise = {tauRise[k]}, tau_decay = {tauDecay[k]})");
            }
        }
        Membrane.Validate(row);
    }

    protected override int PortsInState(int position) => (int)this[PortsInLastRun][position];

    public override void Prepare(SimulationContext context)
    {
        PreparePorts();
        var time = context.Time;
        _resolution = time.StepToMs(1);
        int ports = PortCount, maxPorts = 0;
        _dg = new double[ports][];
        _g = new double[ports][];
        _portChannel = new int[ports];
        for (int k = 0; k < ports; k++)
        {
            _dg[k] = PortState(Dg, k + 1);
            _g[k] = PortState(G, k + 1);
            _portChannel[k] = PortChannel(k + 1);
        }
        _constants = new Constants[Count];
        double[] innerStep = this[InnerStep], portsInLastRun = this[PortsInLastRun];
        for (int i = 0; i < Count; i++)
        {
            _constants[i] = ConstantsOf(i, time);
            int own = _constants[i].Jump.Length;
            maxPorts = Math.Max(maxPorts, own);
            portsInLastRun[i] = own;
            if (innerStep[i] == 0.0) innerStep[i] = _resolution;
        }
        _integrators = new Rkf45Integrator?[context.VirtualProcesses][];
        _y = new double[context.VirtualProcesses][];
        for (int vp = 0; vp < _integrators.Length; vp++)
        {
            _integrators[vp] = new Rkf45Integrator?[maxPorts + 1];
            _y[vp] = new double[FirstPort + 2 * maxPorts];
        }
        for (int i = 0; i < Count; i++)
        {
            int own = _constants[i].Jump.Length;
            for (int vp = 0; vp < _integrators.Length; vp++) _integrators[vp][own] ??= new Rkf45Integrator(FirstPort + 2 * own);
        }
    }

    private Constants ConstantsOf(int i, TimeGrid time)
    {
        var m = Membrane;
        double[] eRev = ArrayOf(ERev, i), tauRise = ArrayOf(TauRise, i), tauDecay = ArrayOf(TauDecay, i);
        var jump = new double[eRev.Length];
        for (int k = 0; k < jump.Length; k++) jump[k] = BetaNormalization.Factor(tauRise[k], tauDecay[k]);
        double tolerance = this[m.GslErrorTol][i];
        return new Constants
        {
            Dynamics = new Dynamics
            {
                GL = this[m.GL][i], Cm = this[m.Cm][i], EL = this[m.EL][i], VTh = this[m.VTh][i], DeltaT = this[m.DeltaT][i],
                VPeak = this[m.VPeak][i], VReset = this[m.VReset][i], A = this[m.A][i], TauW = this[m.TauW][i], Ie = this[m.Ie][i],
                ERev = eRev, TauRise = tauRise, TauDecay = tauDecay,
            },
            Control = ErrorControl.OnDerivatives(tolerance, tolerance),
            SpikeThreshold = this[m.DeltaT][i] > 0.0 ? this[m.VPeak][i] : this[m.VTh][i],
            B = this[m.B][i],
            RefractorySteps = (int)time.MsToStepsCeil(this[m.TRef][i]),
            Jump = jump,
        };
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
        double[] v = this[Membrane.Vm], w = this[Membrane.W], refractory = this[Refractory], current = this[CurrentInput],
            innerSteps = this[InnerStep];
        double[][] dgs = _dg, gs = _g;
        int[] portChannel = _portChannel;
        var constants = _constants;
        double h = _resolution;
        int n = end - start;
        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            int row = ring.SlotOf(step) * ring.Channels;
            Span<double> currentIn = ring.Row(step, ChannelOf(Currents) + start, n);
            for (int i = start; i < end; i++)
            {
                ref Constants c = ref constants[i];
                double[] jump = c.Jump;
                int ports = jump.Length;
                Span<double> y = buffer.AsSpan(0, FirstPort + 2 * ports);
                y[YV] = v[i];
                y[YW] = w[i];
                for (int k = 0; k < ports; k++)
                {
                    y[FirstPort + 2 * k] = dgs[k][i];
                    y[FirstPort + 2 * k + 1] = gs[k][i];
                }

                var integrator = integrators[ports]!;
                ref Dynamics system = ref c.Dynamics;
                system.IStim = current[i];
                double t = 0.0, innerStep = innerSteps[i];
                while (t < h)
                {
                    system.Refractory = refractory[i] > 0;
                    integrator.Evolve(ref system, c.Control, ref t, h, ref innerStep, y);
                    if (y[YV] < -1e3 || y[YW] < -1e6 || y[YW] > 1e6) ThrowInstability(i, y[YV], y[YW], step);
                    if (refractory[i] > 0)
                    {
                        y[YV] = system.VReset;
                    }
                    else if (y[YV] >= c.SpikeThreshold)
                    {
                        y[YV] = system.VReset;
                        y[YW] += c.B;
                        // One more than the refractory steps, as the count goes down at the end of this step already.
                        refractory[i] = c.RefractorySteps > 0 ? c.RefractorySteps + 1 : 0;
                        spikes.Add(lag, IdOf(i));
                    }
                }
                innerSteps[i] = innerStep;
                if (refractory[i] > 0) refractory[i]--;

                v[i] = y[YV];
                w[i] = y[YW];
                for (int k = 0; k < ports; k++)
                {
                    double weight = data[row + portChannel[k] + i];
                    if (weight < 0.0) ThrowNegativeWeight(i, k + 1, weight);
                    dgs[k][i] = y[FirstPort + 2 * k] + weight * jump[k];
                    gs[k][i] = y[FirstPort + 2 * k + 1];
                }
                current[i] = currentIn[i - start];
            }
            currentIn.Clear();
            for (int k = 0; k < portChannel.Length; k++) ring.Row(step, portChannel[k] + start, n).Clear();
            RecordSamples(thread, step);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowInstability(int position, double v, double w, long step) =>
        throw new NumericalInstabilityException(
            $"{Model.Name} (node {IdOf(position)}): numerical instability in step {step} (V_m = {v} mV, w = {w} pA; V_m must stay above -1000 mV and |w| below 1e6 pA).");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNegativeWeight(int position, int port, double weight) =>
        throw new BadPropertyException("weight", weight,
            $"{Model.Name} (node {IdOf(position)}): the spikes arriving on receptor port {port} sum to a negative weight; the conductance-based ports take non-negative weights only");
}
