namespace NestSharp.Models.Neurons;

/// <summary>
/// The membrane of NEST's adaptive exponential integrate-and-fire models (aeif_cond_exp, aeif_cond_alpha,
/// aeif_psc_exp, aeif_psc_alpha), declared into a model's schema once: C_m (pF), g_L (nS), E_L, V_reset, V_peak, V_th,
/// Delta_T (mV), t_ref, tau_w (ms), a (nS), b, I_e (pA), gsl_error_tol, and the state V_m (mV, stored as it is shown)
/// and w (pA), with NEST's defaults and checks. A model adds its synaptic parameters and state itself.
/// </summary>
internal sealed class AeifMembrane
{
    public const string AllTimeConstantsPositive = "all time constants must be strictly positive";

    public readonly Column Cm, GL, EL, VReset, VPeak, VTh, DeltaT, TRef, TauW, A, B, Ie, GslErrorTol;
    public readonly Column Vm, W;

    private readonly bool _peakCheckedFirst, _overflowCheckedLast;

    /// <param name="schema">The model's schema.</param>
    /// <param name="peakCheckedFirst">
    /// Whether the model checks V_peak &gt;= V_th before V_reset &lt; V_peak (aeif_cond_exp) or after (the others), so
    /// that a status failing both names the entry NEST names.
    /// </param>
    /// <param name="overflowCheckedLast">
    /// Whether the model checks the overflow of the exponential after both (aeif_cond_beta_multisynapse) rather than
    /// between them (the others).
    /// </param>
    public AeifMembrane(NeuronSchema schema, bool peakCheckedFirst, bool overflowCheckedLast = false)
    {
        _peakCheckedFirst = peakCheckedFirst;
        _overflowCheckedLast = overflowCheckedLast;
        Cm = schema.Parameter("C_m", 281.0, "pF", Requirement.Positive("capacitance must be strictly positive"));
        GL = schema.Parameter("g_L", 30.0, "nS");
        EL = schema.Parameter("E_L", -70.6, "mV");
        VReset = schema.Parameter("V_reset", -60.0, "mV");
        VPeak = schema.Parameter("V_peak", 0.0, "mV");
        VTh = schema.Parameter("V_th", -50.4, "mV");
        DeltaT = schema.Parameter("Delta_T", 2.0, "mV", Requirement.NonNegative("the slope factor cannot be negative"));
        TRef = schema.Parameter("t_ref", 0.0, "ms", Requirement.NonNegative("refractory time cannot be negative"));
        TauW = schema.Parameter("tau_w", 144.0, "ms", Requirement.Positive(AllTimeConstantsPositive));
        A = schema.Parameter("a", 4.0, "nS");
        B = schema.Parameter("b", 80.5, "pA");
        Ie = schema.Parameter("I_e", 0.0, "pA");
        GslErrorTol = schema.Parameter("gsl_error_tol", 1e-6, "", Requirement.Positive("the solver tolerance must be strictly positive"));
        Vm = schema.State("V_m", -70.6, "mV");
        W = schema.State("w", 0.0, "pA");
    }

    /// <summary>NEST's cross-checks of the membrane parameters, in the model's order.</summary>
    public void Validate(in StatusRow row)
    {
        if (_peakCheckedFirst) RequirePeakAboveThreshold(row);
        else RequireResetBelowPeak(row);
        if (!_overflowCheckedLast) RequireNoOverflowAtSpike(row);
        if (_peakCheckedFirst) RequireResetBelowPeak(row);
        else RequirePeakAboveThreshold(row);
        if (_overflowCheckedLast) RequireNoOverflowAtSpike(row);
    }

    private void RequireNoOverflowAtSpike(in StatusRow row)
    {
        if (!(row[DeltaT] > 0)) return;
        // exp((V_peak - V_th)/Delta_T) at the spike must stay representable, with a margin of 1e20.
        double maxExponent = Math.Log(double.MaxValue / 1e20);
        double exponent = (row[VPeak] - row[VTh]) / row[DeltaT];
        row.Require(exponent < maxExponent, DeltaT,
            $"(V_peak - V_th)/Delta_T = {exponent} would overflow the exponential at spike time (it must stay below {maxExponent}); increase Delta_T or reduce V_peak");
    }

    private void RequirePeakAboveThreshold(in StatusRow row) =>
        row.Require(row[VPeak] >= row[VTh], VPeak, $"V_peak >= V_th required (V_th = {row[VTh]})");

    private void RequireResetBelowPeak(in StatusRow row) =>
        row.Require(row[VReset] < row[VPeak], VReset, $"V_reset < V_peak required (V_peak = {row[VPeak]})");

    /// <summary>The membrane's constants of the node at storage position <paramref name="i"/>.</summary>
    /// <param name="columns">The group's storage, one array per column of the schema.</param>
    /// <param name="i">The node's storage position.</param>
    public Constants ConstantsOf(double[][] columns, int i) => new()
    {
        GL = columns[GL.Index][i],
        Cm = columns[Cm.Index][i],
        EL = columns[EL.Index][i],
        VTh = columns[VTh.Index][i],
        DeltaT = columns[DeltaT.Index][i],
        VPeak = columns[VPeak.Index][i],
        VReset = columns[VReset.Index][i],
        A = columns[A.Index][i],
        TauW = columns[TauW.Index][i],
        Ie = columns[Ie.Index][i],
    };

    /// <summary>
    /// What the right-hand side of the four models needs of the membrane, with the terms they share:
    /// <code>
    /// C_m dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) + (synaptic currents) - w + I_e + I_stim
    /// tau_w dw/dt = a (V - E_L) - w
    /// </code>
    /// with V = min(V_m, V_peak), or V = V_reset and dV/dt = 0 while refractory; Delta_T = 0 drops the exponential.
    /// </summary>
    internal struct Constants
    {
        public double GL, Cm, EL, VTh, DeltaT, VPeak, VReset, A, TauW, Ie;

        /// <summary>The potential the currents see: V_reset while refractory, else V_m bounded above by V_peak.</summary>
        public readonly double EffectivePotential(double vm, bool refractory) => refractory ? VReset : (VPeak < vm ? VPeak : vm);

        /// <summary>-g_L (V - E_L) plus the exponential spike current (pA), the start of C_m dV/dt.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double LeakAndSpikeCurrent(double v)
        {
            double spikeCurrent = DeltaT == 0.0 ? 0.0 : GL * DeltaT * Math.Exp((v - VTh) / DeltaT);
            return -GL * (v - EL) + spikeCurrent;
        }

        /// <summary>dw/dt (pA/ms).</summary>
        public readonly double AdaptationDerivative(double v, double w) => (A * (v - EL) - w) / TauW;
    }
}

/// <summary>
/// The synapses of aeif_cond_exp and aeif_cond_alpha, declared into a model's schema once: the reversal potentials
/// E_ex, E_in (mV), the time constants tau_syn_ex, tau_syn_in (ms) and the conductances g_ex, g_in (nS, not negative),
/// with NEST's defaults and checks.
/// </summary>
internal sealed class AeifConductances
{
    public readonly Column EEx, EIn, TauSynEx, TauSynIn, GEx, GIn;

    public AeifConductances(NeuronSchema schema)
    {
        EEx = schema.Parameter("E_ex", 0.0, "mV");
        EIn = schema.Parameter("E_in", -85.0, "mV");
        TauSynEx = schema.Parameter("tau_syn_ex", 0.2, "ms", Requirement.Positive(AeifMembrane.AllTimeConstantsPositive));
        TauSynIn = schema.Parameter("tau_syn_in", 2.0, "ms", Requirement.Positive(AeifMembrane.AllTimeConstantsPositive));
        GEx = schema.State("g_ex", 0.0, "nS", Requirement.NonNegative("conductances must not be negative"));
        GIn = schema.State("g_in", 0.0, "nS", Requirement.NonNegative("conductances must not be negative"));
    }
}

/// <summary>
/// The synapses of aeif_psc_exp and aeif_psc_alpha, declared into a model's schema once: the time constants
/// tau_syn_ex, tau_syn_in (ms) and the currents I_syn_ex, I_syn_in (pA, not negative), with NEST's defaults and checks.
/// </summary>
internal sealed class AeifCurrents
{
    public readonly Column TauSynEx, TauSynIn, ISynEx, ISynIn;

    public AeifCurrents(NeuronSchema schema)
    {
        TauSynEx = schema.Parameter("tau_syn_ex", 0.2, "ms", Requirement.Positive(AeifMembrane.AllTimeConstantsPositive));
        TauSynIn = schema.Parameter("tau_syn_in", 2.0, "ms", Requirement.Positive(AeifMembrane.AllTimeConstantsPositive));
        ISynEx = schema.State("I_syn_ex", 0.0, "pA", Requirement.NonNegative("synaptic currents must not be negative"));
        ISynIn = schema.State("I_syn_in", 0.0, "pA", Requirement.NonNegative("synaptic currents must not be negative"));
    }
}

/// <summary>
/// The inputs of the AdEx models with one excitatory and one inhibitory synapse: spikes_ex and spikes_in (receptor 0,
/// by the sign of the weight, a zero weight inhibitory) and the current input (receptor 0).
/// </summary>
internal sealed class AeifInputs
{
    public readonly InputChannel SpikesEx, SpikesIn, Currents;

    public AeifInputs(NeuronSchema schema)
    {
        SpikesEx = schema.Input("spikes_ex");
        SpikesIn = schema.Input("spikes_in");
        Currents = schema.Input("currents");
        schema.SignedSpikeReceptor(0, SpikesEx, SpikesIn, SpikeRouting.BySignZeroInhibitory);
        schema.CurrentReceptor(0, Currents);
    }
}

/// <summary>
/// The ODE system of an AdEx model as <see cref="AeifNeuronGroup{TSystem}"/> drives it: besides the right-hand side,
/// the current input of the step, whether the neuron is refractory (V held at V_reset), and how the spikes that arrived
/// in a step enter the synaptic state. V_m is the first component of the state vector and w the last.
/// </summary>
internal interface IAeifSystem<TSelf> : ICurrentDrivenOdeSystem where TSelf : struct, IAeifSystem<TSelf>
{
    /// <summary>Whether the neuron is refractory: V is V_reset in the equations and dV/dt = 0.</summary>
    bool Refractory { set; }

    /// <summary>
    /// Adds the spikes of a step to the synaptic state <paramref name="y"/> of a node whose system is
    /// <paramref name="system"/>: <paramref name="excitatory"/> is the sum of the positive weights,
    /// <paramref name="inhibitory"/> the sum of the others (zero or negative).
    /// </summary>
    static abstract void AddSpikes(in TSelf system, Span<double> y, double excitatory, double inhibitory);

    /// <summary>
    /// Gives <paramref name="system"/> the slow inward current of the step (pA) of a model that takes one
    /// (aeif_cond_alpha_astro, see <see cref="AeifNeuronGroup{TSystem}"/>'s slowCurrent); nothing for the others.
    /// </summary>
    static virtual void SetSlowCurrent(ref TSelf system, double current) { }
}

/// <summary>The constants of one parameter row of an AdEx model.</summary>
internal struct AeifConstants<TSystem> : IRkf45Row<AeifConstants<TSystem>, TSystem> where TSystem : struct, IAeifSystem<TSystem>
{
    public TSystem Dynamics;
    public ErrorControl Control;

    public static ref readonly TSystem SystemOf(in AeifConstants<TSystem> row) => ref row.Dynamics;

    public static ErrorControl ControlOf(in AeifConstants<TSystem> row) => row.Control;

    /// <summary>V_peak when Delta_T &gt; 0, V_th when Delta_T = 0 (then the model fires like an integrate-and-fire neuron).</summary>
    public double SpikeThreshold;

    public double VReset, B;
    public int RefractorySteps;
}

/// <summary>
/// Base of NEST's adaptive exponential integrate-and-fire models (Brette and Gerstner 2005) integrated by RKF45. With V
/// the membrane potential as the dynamics see it (V_reset while refractory, min(V_m, V_peak) otherwise),
/// <code>
/// C_m dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) + I_syn(V) - w + I_e + I_stim    (0 while refractory)
/// tau_w dw/dt = a (V - E_L) - w
/// </code>
/// and the model's synaptic equations (<typeparamref name="TSystem"/>). Each grid step h is covered by adaptive
/// Runge-Kutta-Fehlberg 4(5) steps (<see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>, error control on h·dy/dt with
/// eps_abs = eps_rel = gsl_error_tol, as NEST's GSL set-up). After every inner step, in this order: V_m &lt; -1e3 mV or
/// |w| &gt; 1e6 pA fails with NumericalInstability; a refractory neuron's V_m is set to V_reset; otherwise V_m at or
/// above the spike threshold (V_peak, or V_th when Delta_T = 0) is a spike: V_m = V_reset, w += b, and the neuron is
/// refractory for t_ref (rounded up to whole steps). At the end of the step the refractory count goes down, the
/// step's spikes enter the synaptic state, and the current input of the step takes effect from the next step.
/// </summary>
internal abstract class AeifNeuronGroup<TSystem> : Rkf45NeuronGroup<AeifConstants<TSystem>, TSystem>
    where TSystem : struct, IAeifSystem<TSystem>
{
    private readonly AeifMembrane _membrane;
    private readonly InputChannel _spikesEx, _spikesIn;

    /// <summary>Per node: the refractory steps left, counting the current one (NEST's r_).</summary>
    private readonly int[] _refractory;

    /// <summary>
    /// Per node, for a model with a slow inward current: the current of the step (what arrived on
    /// <see cref="_slowInput"/> in the step before, NEST's I_sic_); empty for the others.
    /// </summary>
    private readonly double[] _slowCurrent = [];

    private readonly InputChannel _slowInput;

    /// <param name="model">The node model the group is an instance of.</param>
    /// <param name="firstId">The node id of the group's first node.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's declared parameters, state, inputs and recordables.</param>
    /// <param name="membrane">The membrane columns declared into <paramref name="schema"/>.</param>
    /// <param name="inputs">The spike and current inputs declared into <paramref name="schema"/>.</param>
    /// <param name="slowCurrent">
    /// For a model with a slow inward current (aeif_cond_alpha_astro): the column keeping each node's current of the
    /// step, and the input whose value becomes it at the end of a step (as the current input does).
    /// </param>
    protected AeifNeuronGroup(NodeModel model, int firstId, int count, NeuronSchema schema, AeifMembrane membrane, AeifInputs inputs,
        (Column Column, InputChannel Input)? slowCurrent = null)
        : base(model, firstId, count, schema, inputs.Currents)
    {
        _membrane = membrane;
        _spikesEx = inputs.SpikesEx;
        _spikesIn = inputs.SpikesIn;
        _refractory = CountersOutsideColumns();
        if (slowCurrent is { } slow)
        {
            _slowCurrent = this[slow.Column];
            _slowInput = slow.Input;
        }
    }

    /// <summary>The model's ODE system for the parameters of the node at <paramref name="position"/>.</summary>
    protected abstract TSystem SystemOf(int position);

    protected override void Validate(in StatusRow row) => _membrane.Validate(row);

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        var m = _membrane;
        PrepareIntegration(context, time.StepToMs(1));
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i => new AeifConstants<TSystem>
        {
            Dynamics = SystemOf(i),
            Control = ErrorControl.OnDerivatives(this[m.GslErrorTol][i], this[m.GslErrorTol][i]),
            SpikeThreshold = this[m.DeltaT][i] > 0.0 ? this[m.VPeak][i] : this[m.VTh][i],
            VReset = this[m.VReset][i],
            B = this[m.B][i],
            RefractorySteps = (int)time.MsToStepsCeil(this[m.TRef][i]),
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        IntegrateWithInnerSteps(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>Spike, reset and refractoriness after every inner step; at the end the refractory count and the input spikes.</summary>
    private readonly struct Bookkeeping(AeifNeuronGroup<TSystem> group, SpikeBuffer spikes) : IInnerStepBookkeeping<AeifConstants<TSystem>, TSystem>
    {
        private const int YV = 0;

        /// <summary>The slow inward current of the step, if the model has one (refractoriness is set before each inner step).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Begin(int node, in AeifConstants<TSystem> constants, ref TSystem system)
        {
            if (group._slowCurrent.Length != 0) TSystem.SetSlowCurrent(ref system, group._slowCurrent[node]);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void BeforeInnerStep(int node, ref TSystem system) => system.Refractory = group._refractory[node] > 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AfterInnerStep(int node, in AeifConstants<TSystem> constants, Span<double> y, bool first, in GridStep step)
        {
            int yw = TSystem.Dimension - 1;
            if (y[YV] < -1e3 || y[yw] < -1e6 || y[yw] > 1e6) ThrowInstability(node, y[YV], y[yw], step.End);

            ref int refractory = ref group._refractory[node];
            if (refractory > 0)
            {
                y[YV] = constants.VReset;
            }
            else if (y[YV] >= constants.SpikeThreshold)
            {
                y[YV] = constants.VReset;
                y[yw] += constants.B;
                // One more than the refractory steps, as the count goes down at the end of this step already.
                refractory = constants.RefractorySteps > 0 ? constants.RefractorySteps + 1 : 0;
                spikes.Add(step.Lag, group.IdOf(node));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, in AeifConstants<TSystem> constants, Span<double> y, in GridStep step)
        {
            ref int refractory = ref group._refractory[node];
            if (refractory > 0) refractory--;
            TSystem.AddSpikes(constants.Dynamics, y, step.Input(group._spikesEx, node), step.Input(group._spikesIn, node));
            if (group._slowCurrent.Length != 0) group._slowCurrent[node] = step.Input(group._slowInput, node);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void ThrowInstability(int node, double v, double w, double time) =>
            throw new NumericalInstabilityException(
                $"{group.Model.Name} (node {group.IdOf(node)}): numerical instability at t = {time} ms (V_m = {v} mV, w = {w} pA; V_m must stay above -1000 mV and |w| below 1e6 pA).");
    }
}
