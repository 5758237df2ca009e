namespace NestSharp.Models.Neurons;

/// <summary>
/// aeif_psc_delta: adaptive exponential integrate-and-fire neuron (AdEx, Brette and Gerstner 2005) whose synaptic input
/// makes the membrane potential jump (delta-shaped post-synaptic currents). With V the membrane potential as the
/// dynamics see it (V_reset while refractory, min(V_m, V_peak) otherwise),
/// <code>
/// C_m dV/dt  = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) - w + I_e + I_stim + C_m sum_k J_k δ(t - t_k)
/// tau_w dw/dt = a (V - E_L) - w
/// </code>
/// (dV/dt = 0 while refractory; with Delta_T = 0 the exponential term vanishes and V_th is the firing threshold; J_k in
/// mV). The state [V_m, w] is integrated over each step h by adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL
/// set-up does (<see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>, error control on h·dy/dt with
/// eps_abs = eps_rel = gsl_error_tol; the right-hand side multiplies by 1/Delta_T, 1/C_m and 1/tau_w as NEST's does).
/// After every inner step, in this order: V_m &lt; -1e3 mV or |w| &gt; 1e6 pA fails with NumericalInstability; then,
/// when not refractory, the sum of the weights that arrived in the step is added to V_m (after the first inner step,
/// as NEST reads its spike buffer there and finds it empty after), and with <c>refractory_input</c> the input kept
/// from the refractory period too; when refractory, V_m is set to V_reset and the arriving weights are dropped, or with
/// <c>refractory_input</c> kept, each multiplied by a discount; then V_m at or above V_peak (V_th when Delta_T = 0) of
/// a neuron that is not refractory is a spike: V_m = V_reset, refractory for t_ref (rounded up to whole steps),
/// w += b. At the end of the step the refractory count goes down, and the current input of the step takes effect from
/// the next step.
/// <para>The discount is exp(-r h / tau_m) (tau_m = C_m / g_L, r the refractory steps left), as iaf_psc_delta's. NEST
/// 3.10 means the same but negates its unsigned refractory count, which wraps around: its factor is exp((2^32 - r) h /
/// tau_m), infinite, so there a refractory inner step without input makes the kept input NaN (0 · ∞) and V_m NaN for
/// good once the period ends. NestSharp does not copy that defect (a deliberate difference).</para>
/// <para>Parameters (units): C_m (pF), g_L (nS), E_L, V_reset, V_peak, V_th, Delta_T (mV), t_ref, tau_w (ms), a (nS),
/// b, I_e (pA), gsl_error_tol, refractory_input (bool); archiving: tau_minus, tau_minus_triplet, tau_Ca (ms),
/// beta_Ca. State: V_m (mV), w (pA), Ca. Recordables: V_m, w. Weights are the jumps of V_m in mV; spike and current
/// receptor 0.</para>
/// <para>References: Brette R, Gerstner W (2005) Adaptive exponential integrate-and-fire model as an effective
/// description of neuronal activity. J Neurophysiol 94:3637-3642. NEST model documentation, aeif_psc_delta (NEST 3.10).</para>
/// </summary>
[NodeModelName("aeif_psc_delta")]
internal sealed class AeifPscDelta : Rkf45NeuronGroup<AeifPscDelta.Constants, AeifPscDelta.Dynamics>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    // C_m, g_L, E_L, V_reset, V_peak, V_th, Delta_T, t_ref, tau_w, a, b, I_e, gsl_error_tol, V_m, w
    private static readonly AeifMembrane Membrane = new(Declared, peakCheckedFirst: false);

    private static readonly Column RefractoryInput = Declared.Flag("refractory_input", false);

    /// <summary>NEST's refr_spikes_buffer_: the input kept while refractory (refractory_input), discounted.</summary>
    private static readonly Column RefractorySpikes = Declared.Internal("refractory_spikes");

    // spikes (any sign) and currents, receptor 0
    private static readonly SpikeAndCurrentInputs Inputs = new(Declared);

    static AeifPscDelta()
    {
        Declared.Recordable(Membrane.Vm, Membrane.W);
    }

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YW = 1, StateSize = 2;

    /// <summary>The right-hand side of the two state equations, for one node's parameters and input.</summary>
    internal struct Dynamics : ICurrentDrivenOdeSystem
    {
        public static int Dimension => StateSize;

        public double GL, EL, VTh, DeltaT, VPeak, VReset, A, Ie;

        /// <summary>1/Delta_T, 1/C_m and 1/tau_w, by which NEST's right-hand side multiplies.</summary>
        public double DeltaTInv, CmInv, TauWInv;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim { readonly get; set; }

        /// <summary>Whether the neuron is refractory: V is V_reset in the equations and dV/dt = 0.</summary>
        public bool Refractory;

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = Refractory ? VReset : (VPeak < y[YV] ? VPeak : y[YV]);
            double w = y[YW];
            double spikeCurrent = DeltaT == 0.0 ? 0.0 : GL * DeltaT * Math.Exp((v - VTh) * DeltaTInv);

            f[YV] = Refractory ? 0.0 : (-GL * (v - EL) + spikeCurrent - w + Ie + IStim) * CmInv;
            f[YW] = (A * (v - EL) - w) * TauWInv;
        }
    }

    /// <summary>The constants of one parameter row, as the dynamics and the update use them.</summary>
    internal struct Constants : IRkf45Row<Constants, Dynamics>
    {
        public Dynamics Dynamics;
        public ErrorControl Control;

        /// <summary>V_peak when Delta_T &gt; 0, V_th when Delta_T = 0 (then the model fires like an integrate-and-fire neuron).</summary>
        public double SpikeThreshold;

        public double VReset, B;

        /// <summary>h (ms) and tau_m = C_m / g_L (ms), of NEST's discount of the input kept while refractory.</summary>
        public double H, TauM;

        public int RefractorySteps;
        public bool WithRefractoryInput;

        public static ref readonly Dynamics SystemOf(in Constants row) => ref row.Dynamics;

        public static ErrorControl ControlOf(in Constants row) => row.Control;
    }

    /// <summary>Per node: the refractory steps left, counting the current one (NEST's r_).</summary>
    private readonly int[] _refractory;

    public AeifPscDelta(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Inputs.Currents)
    {
        _refractory = CountersOutsideColumns();
        IntegratedState = [this[Membrane.Vm], this[Membrane.W]];
    }

    public override bool SupportsCheckpoint => true;

    protected override void Validate(in StatusRow row) => Membrane.Validate(row);

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        var m = Membrane;
        double h = time.StepToMs(1);
        PrepareIntegration(context, h);
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i => new Constants
        {
            Dynamics = new Dynamics
            {
                GL = this[m.GL][i], EL = this[m.EL][i], VTh = this[m.VTh][i], DeltaT = this[m.DeltaT][i],
                VPeak = this[m.VPeak][i], VReset = this[m.VReset][i], A = this[m.A][i], Ie = this[m.Ie][i],
                DeltaTInv = 1.0 / this[m.DeltaT][i], CmInv = 1.0 / this[m.Cm][i], TauWInv = 1.0 / this[m.TauW][i],
            },
            Control = ErrorControl.OnDerivatives(this[m.GslErrorTol][i], this[m.GslErrorTol][i]),
            SpikeThreshold = this[m.DeltaT][i] > 0.0 ? this[m.VPeak][i] : this[m.VTh][i],
            VReset = this[m.VReset][i],
            B = this[m.B][i],
            H = h,
            TauM = this[m.Cm][i] / this[m.GL][i],
            RefractorySteps = (int)time.MsToStepsCeil(this[m.TRef][i]),
            WithRefractoryInput = this[RefractoryInput][i] != 0.0,
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        IntegrateWithInnerSteps(new Bookkeeping(this, context.SpikesOfVp[thread], this[RefractorySpikes]), context, thread, sliceStart, from, to);

    /// <summary>Refractoriness before each inner step; input, spike and reset after it; the count at the end.</summary>
    private readonly struct Bookkeeping(AeifPscDelta group, SpikeBuffer spikes, double[] refractorySpikes) : IInnerStepBookkeeping<Constants, Dynamics>
    {
        /// <summary>Nothing: refractoriness is set before each inner step.</summary>
        public readonly void Begin(int node, in Constants constants, ref Dynamics system) { }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void BeforeInnerStep(int node, ref Dynamics system) => system.Refractory = group._refractory[node] > 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AfterInnerStep(int node, in Constants constants, Span<double> y, bool first, in GridStep step)
        {
            if (y[YV] < -1e3 || y[YW] < -1e6 || y[YW] > 1e6) ThrowInstability(node, y[YV], y[YW], step.End);

            // The step's input is read (and taken) after the first inner step; the later ones find nothing.
            double input = first ? step.Input(Inputs.Spikes, node) : 0.0;
            ref int refractory = ref group._refractory[node];
            ref double kept = ref refractorySpikes[node];
            if (refractory == 0)
            {
                y[YV] = y[YV] + input;
                if (constants.WithRefractoryInput && kept != 0.0)
                {
                    y[YV] += kept;
                    kept = 0.0;
                }
            }
            else
            {
                y[YV] = constants.VReset;
                // discounted for the decay until the end of the refractory period (not NEST 3.10's wrapped count, see the summary)
                if (constants.WithRefractoryInput) kept += input * Math.Exp(-refractory * constants.H / constants.TauM);
            }

            if (refractory == 0 && y[YV] >= constants.SpikeThreshold)
            {
                y[YV] = constants.VReset;
                // One more than the refractory steps, as the count goes down at the end of this step already.
                refractory = constants.RefractorySteps > 0 ? constants.RefractorySteps + 1 : 0;
                y[YW] += constants.B;
                spikes.Add(step.Lag, group.IdOf(node));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, in Constants constants, Span<double> y, in GridStep step)
        {
            ref int refractory = ref group._refractory[node];
            if (refractory > 0) refractory--;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void ThrowInstability(int node, double v, double w, double time) =>
            throw new NumericalInstabilityException(
                $"{group.Model.Name} (node {group.IdOf(node)}): numerical instability at t = {time} ms (V_m = {v} mV, w = {w} pA; V_m must stay above -1000 mV and |w| below 1e6 pA).");
    }
}
