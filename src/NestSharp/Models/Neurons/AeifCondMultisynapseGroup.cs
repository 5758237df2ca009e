namespace NestSharp.Models.Neurons;

/// <summary>
/// What NEST's conductance-based AdEx models with receptor ports (aeif_cond_alpha_multisynapse,
/// aeif_cond_beta_multisynapse) keep besides the membrane and their port arrays, declared into a model's schema once,
/// after the arrays: the refractory count, the current input and the inner step size (hidden), the number of ports the
/// state had in the last run, the port state dg and g (shown as read-only arrays), the current input (receptor 0), the
/// spike receptors 1 .. n_receptors sized by E_rev, and the recordables V_m, w, g_1 .. g_n.
/// </summary>
internal sealed class AeifMultisynapsePorts
{
    /// <summary>NEST's r_: the refractory steps left, counting the current one.</summary>
    public readonly Column RefractorySteps;

    /// <summary>NEST's I_stim_: the current input of the step (pA), what arrived on the current channel in the step before.</summary>
    public readonly Column CurrentInput;

    /// <summary>The inner step size, the ports of the last run and the port state dg, g.</summary>
    public readonly ConductancePortColumns Conductances;

    public readonly InputChannel Currents;

    /// <param name="schema">The model's schema, with the membrane and the port arrays declared.</param>
    /// <param name="membrane">The membrane declared into <paramref name="schema"/>.</param>
    /// <param name="eRev">The array of reversal potentials, whose length is the number of ports.</param>
    public AeifMultisynapsePorts(NeuronSchema schema, AeifMembrane membrane, ArrayColumn eRev)
    {
        RefractorySteps = schema.Internal("refractory_steps");
        CurrentInput = schema.Internal("current_input");
        Conductances = new ConductancePortColumns(schema, rise: true, sizedBeforeRun: true);
        Currents = schema.CurrentInput("currents", 0);
        schema.PortsSizedBy(eRev, "n_receptors");
        schema.Recordable(membrane.Vm, membrane.W);
        schema.PortRecordable(Conductances.G, "g_");
    }
}

/// <summary>
/// Base of NEST's conductance-based AdEx models with any number of receptor ports (aeif_cond_alpha_multisynapse,
/// aeif_cond_beta_multisynapse). With V the membrane potential as the dynamics see it (V_reset while refractory,
/// min(V_m, V_peak) otherwise) and n the number of ports,
/// <code>
/// C_m dV/dt  = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) + sum_k g_k (E_rev[k] - V) - w + I_e + I_stim
/// tau_w dw/dt = a (V - E_L) - w
/// d(dg_k)/dt = -dg_k / tau_rise[k],   dg_k/dt = dg_k - g_k / tau_decay[k]         (k = 1 .. n)
/// </code>
/// (dV/dt = 0 while refractory; with Delta_T = 0 the exponential term vanishes and V_th is the firing threshold;
/// tau_rise = tau_decay = tau_syn for the alpha model). The state y = [V_m, w, dg_1, g_1, ..., dg_n, g_n] (2 + 2n
/// components per node) is integrated over each step h by adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up
/// does (<see cref="Rkf45Integrator"/>, error control on h·dy/dt with eps_abs = eps_rel = gsl_error_tol), the inner step
/// size carrying over from step to step. After every inner step, in this order: V_m &lt; -1e3 mV or |w| &gt; 1e6 pA
/// fails with NumericalInstability; a refractory neuron's V_m is set to V_reset; otherwise V_m at or above V_peak (V_th
/// when Delta_T = 0) is a spike: V_m = V_reset, w += b, refractory for t_ref. At the end of the step the refractory
/// count goes down, the spikes that arrived on port k add their weight (nS) times the model's jump factor of port k to
/// dg_k, and the current input of the step takes effect from the next step.
/// <para>Weights must not be negative (each port's reversal potential sets the sign of its effect): a step whose spikes
/// sum to a negative weight on a port fails with BadProperty during the simulation. NEST checks every spike as it is
/// delivered; here the check is on a port's sum per step, so a negative weight offset by positive ones arriving in the
/// same step goes unnoticed.</para>
/// <para>The status shows dg and g (nS/ms, nS) with as many elements as the state had in the node's last run (one
/// before the first), as NEST sizes the state only before a run; the recordables g_1 .. g_n follow n_receptors at once.
/// As the state's dimension is per node, the group keeps one integrator per (virtual process, number of ports).</para>
/// </summary>
internal abstract class AeifCondMultisynapseGroup : ConductancePortGroup
{
    /// <summary>Positions in the integrated state vector (NEST's order): V_m, w, then dg_k, g_k of port k at 2k, 2k + 1.</summary>
    private const int YV = 0, YW = 1, FirstPort = 2;

    private readonly AeifMembrane _membrane;
    private readonly AeifMultisynapsePorts _ports;

    /// <summary>The right-hand side of the 2 + 2n state equations, for one node's parameters and input.</summary>
    private struct Dynamics : IOdeSystem
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
            KernelDerivatives(y, f, FirstPort, TauRise, TauDecay);
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

    /// <summary>A node's port arrays as the dynamics read them, and the jump of dg per nS of weight of each port.</summary>
    /// <param name="ERev">The reversal potentials (mV).</param>
    /// <param name="TauRise">The time constants of dg (ms).</param>
    /// <param name="TauDecay">The time constants of g (ms).</param>
    /// <param name="Jump">The jump of dg per nS of weight (1/ms).</param>
    protected readonly record struct PortConstants(double[] ERev, double[] TauRise, double[] TauDecay, double[] Jump);

    private Constants[] _constants = [];

    /// <param name="model">The node model the group is an instance of.</param>
    /// <param name="firstId">The node id of the group's first node.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's declared parameters, state, inputs and recordables.</param>
    /// <param name="membrane">The membrane columns declared into <paramref name="schema"/>.</param>
    /// <param name="ports">The port state and inputs declared into <paramref name="schema"/>.</param>
    protected AeifCondMultisynapseGroup(NodeModel model, int firstId, int count, NeuronSchema schema, AeifMembrane membrane, AeifMultisynapsePorts ports)
        : base(model, firstId, count, schema, ports.Currents, ports.Conductances, FirstPort)
    {
        _membrane = membrane;
        _ports = ports;
    }

    /// <summary>The port arrays of the node at storage position <paramref name="position"/> and the jumps they give.</summary>
    protected abstract PortConstants PortsOf(int position);

    /// <summary>
    /// The checks of a Set that gives any of the port arrays <paramref name="arrays"/> (E_rev, then the model's time
    /// constants), each failure naming the first array given: when the number of ports changes they must be given
    /// together, all must have the same length, and a neuron with connections keeps at least its ports. Returns whether
    /// any was given.
    /// </summary>
    protected bool RequirePortArrays(in StatusRow row, params ReadOnlySpan<ArrayColumn> arrays)
    {
        int previous = row.PreviousPorts, ports = row.Array(arrays[0]).Length;
        bool allGiven = true, lengthChanged = false, sameLength = true;
        ArrayColumn? named = null;
        foreach (var array in arrays)
        {
            if (row.IsSet(array)) named ??= array;
            else allGiven = false;
            lengthChanged |= row.Array(array).Length != previous;
            sameLength &= row.Array(array).Length == ports;
        }
        if (named is not { } first) return false;

        if (lengthChanged && !allGiven)
            row.Require(false, first, $"when the number of receptor ports changes (n_receptors = {previous}), {NamesOf(arrays)} must be given together");
        if (!sameLength)
        {
            var lengths = new int[arrays.Length];
            for (int k = 0; k < arrays.Length; k++) lengths[k] = row.Array(arrays[k]).Length;
            row.Require(false, first, $"{NamesOf(arrays)} must have the same length (they have {string.Join(", ", lengths)})");
        }
        row.Require(ports >= previous || !row.HasConnections, first,
            $"the neuron has connections, therefore the number of receptor ports cannot be reduced below {previous}");
        return true;
    }

    /// <summary>"a, b and c": the names of <paramref name="arrays"/> for a message.</summary>
    private string NamesOf(ReadOnlySpan<ArrayColumn> arrays)
    {
        var names = new string[arrays.Length];
        for (int k = 0; k < arrays.Length; k++) names[k] = Schema.Arrays[arrays[k].Index].Name;
        return string.Join(", ", names[..^1]) + " and " + names[^1];
    }

    public override void Prepare(SimulationContext context)
    {
        PreparePortInputs();
        var time = context.Time;
        _constants = new Constants[Count];
        for (int i = 0; i < Count; i++) _constants[i] = ConstantsOf(i, time);
        PrepareIntegration(context, time.StepToMs(1));
    }

    private Constants ConstantsOf(int i, TimeGrid time)
    {
        var m = _membrane;
        var ports = PortsOf(i);
        double tolerance = this[m.GslErrorTol][i];
        return new Constants
        {
            Dynamics = new Dynamics
            {
                GL = this[m.GL][i], Cm = this[m.Cm][i], EL = this[m.EL][i], VTh = this[m.VTh][i], DeltaT = this[m.DeltaT][i],
                VPeak = this[m.VPeak][i], VReset = this[m.VReset][i], A = this[m.A][i], TauW = this[m.TauW][i], Ie = this[m.Ie][i],
                ERev = ports.ERev, TauRise = ports.TauRise, TauDecay = ports.TauDecay,
            },
            Control = ErrorControl.OnDerivatives(tolerance, tolerance),
            SpikeThreshold = this[m.DeltaT][i] > 0.0 ? this[m.VPeak][i] : this[m.VTh][i],
            B = this[m.B][i],
            RefractorySteps = (int)time.MsToStepsCeil(this[m.TRef][i]),
            Jump = ports.Jump,
        };
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        IntegratePortsWithInnerSteps<Bookkeeping, Dynamics>(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>
    /// The AdEx steps around the integration: V_m and w into the state, the refractory state before each inner step,
    /// the instability check, reset and spike after each, and at the end the refractory count, V_m, w, the ports with
    /// the spikes of the step (non-negative) and the current input.
    /// </summary>
    private readonly struct Bookkeeping(AeifCondMultisynapseGroup group, SpikeBuffer spikes) : IPortInnerStepBookkeeping<Dynamics>
    {
        private readonly double[] _v = group[group._membrane.Vm], _w = group[group._membrane.W];
        private readonly double[] _refractory = group[group._ports.RefractorySteps], _current = group[group._ports.CurrentInput];
        private readonly Constants[] _constants = group._constants;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ref Dynamics Begin(int node, Span<double> y, out ErrorControl control)
        {
            ref Constants c = ref _constants[node];
            y[YV] = _v[node];
            y[YW] = _w[node];
            c.Dynamics.IStim = _current[node];
            control = c.Control;
            return ref c.Dynamics;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void BeforeInnerStep(int node, ref Dynamics system) => system.Refractory = _refractory[node] > 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AfterInnerStep(int node, ref Dynamics system, Span<double> y, in PortStep step)
        {
            double[] refractory = _refractory;
            if (y[YV] < -1e3 || y[YW] < -1e6 || y[YW] > 1e6) group.ThrowInstability(node, y[YV], y[YW], step.Step);
            if (refractory[node] > 0)
            {
                y[YV] = system.VReset;
            }
            else if (y[YV] >= _constants[node].SpikeThreshold)
            {
                ref Constants c = ref _constants[node];
                y[YV] = system.VReset;
                y[YW] += c.B;
                // One more than the refractory steps, as the count goes down at the end of this step already.
                refractory[node] = c.RefractorySteps > 0 ? c.RefractorySteps + 1 : 0;
                spikes.Add(step.Lag, group.IdOf(node));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, Span<double> y, in PortStep step, PortIntegration ports)
        {
            if (_refractory[node] > 0) _refractory[node]--;
            _v[node] = y[YV];
            _w[node] = y[YW];
            double[] jump = _constants[node].Jump;
            int negative = ports.Store(node, y, step, jump, jump.Length, nonNegative: true);
            if (negative >= 0) group.ThrowNegativeWeight(node, negative + 1, step.Arriving(negative, node));
            _current[node] = step.CurrentInput[node - step.Start];
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
