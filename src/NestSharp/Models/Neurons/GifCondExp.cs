namespace NestSharp.Models.Neurons;

/// <summary>
/// gif_cond_exp: generalized integrate-and-fire neuron (Mensi et al. 2012, Pozzorini et al. 2015) with exponentially
/// decaying synaptic conductances: a leaky membrane with spike-triggered currents (stc), a threshold that moves after
/// spikes (spike-frequency adaptation, sfa), and stochastic spiking by escape noise.
/// <code>
/// C_m·dV/dt = -g_L·(V - E_L) - g_ex·(V - E_ex) - g_in·(V - E_in) - I_stc + I_e + I_stim
/// dg_ex/dt = -g_ex/tau_syn_ex,   dg_in/dt = -g_in/tau_syn_in
/// I_stc = sum_j stc_j,   dstc_j/dt = -stc_j/tau_stc_j,  on a spike stc_j ← stc_j + q_stc_j
/// E_sfa = V_T_star + sum_j sfa_j,   dsfa_j/dt = -sfa_j/tau_sfa_j,  on a spike sfa_j ← sfa_j + q_sfa_j
/// lambda(t) = lambda_0·exp((V - E_sfa)/Delta_V): the neuron fires in a step with probability 1 - exp(-lambda·h)
/// </code>
/// Per step h: I_stc and E_sfa are formed from their elements, which then decay; V, g_ex and g_in are integrated over
/// the step with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does (<see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>,
/// error control on the values with an absolute tolerance of gsl_error_tol), I_stc held at its value of the step and,
/// while the neuron is refractory, V = V_reset with dV/dt = 0; then the spikes of the step add their weight (nS) to g_ex
/// when &gt;= 0 and its magnitude to g_in otherwise; a neuron that is not refractory draws one uniform number from its
/// keyed random stream to decide the spike (<see cref="GifAdaptation"/>), after which it is refractory for t_ref; a
/// refractory one counts down with V_m set to V_reset. The current input of the step takes effect from the next step.
/// <para>Parameters (units): C_m (pF), g_L (nS), E_L, V_reset, V_T_star, Delta_V, E_ex, E_in (mV), lambda_0 (1/s),
/// t_ref, tau_syn_ex, tau_syn_in (ms), I_e (pA), gsl_error_tol; arrays tau_stc (ms), q_stc (pA), tau_sfa (ms), q_sfa
/// (mV) of equal lengths in pairs. State: V_m (mV), g_ex, g_in (nS); E_sfa (mV) and I_stc (pA) read only.
/// Recordables: V_m, E_sfa, I_stc, g_ex, g_in.</para>
/// <para>References: Mensi S et al. (2012) Parameter extraction and classification of three cortical neuron types
/// reveals two distinct adaptation mechanisms. J Neurophysiol 107:1756-1775. Pozzorini C et al. (2015) Automated
/// high-throughput characterization of single neurons by means of simplified spiking models. PLoS Comput Biol
/// 11:e1004275. NEST model documentation, gif_cond_exp (NEST 3.10).</para>
/// </summary>
[NodeModelName("gif_cond_exp")]
internal sealed class GifCondExp : Rkf45NeuronGroup<GifCondExp.Constants, GifCondExp.Dynamics>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    // I_e, E_L, g_L, C_m, V_reset, Delta_V, V_T_star, lambda_0, t_ref, V_m, E_sfa, I_stc, shared with gif_psc_exp
    private static readonly GifMembrane Membrane = new(Declared);

    private static readonly Column TauSynEx = Declared.Parameter("tau_syn_ex", 2.0, "ms", Requirement.Positive("synaptic time constants must be strictly positive"));
    private static readonly Column TauSynIn = Declared.Parameter("tau_syn_in", 2.0, "ms", Requirement.Positive("synaptic time constants must be strictly positive"));
    private static readonly Column EEx = Declared.Parameter("E_ex", 0.0, "mV");
    private static readonly Column EIn = Declared.Parameter("E_in", -85.0, "mV");

    /// <summary>
    /// NEST accepts any value but aborts (negative) or never finishes a step (zero) with it; NestSharp refuses both.
    /// </summary>
    private static readonly Column GslErrorTol = Declared.Parameter("gsl_error_tol", 1e-3, "", Requirement.Positive("the solver tolerance must be strictly positive"));

    // g_ex, g_in, spikes_ex, spikes_in and currents (receptor 0)
    private static readonly ConductanceInputs Inputs = new(Declared, SpikeRouting.BySignZeroExcitatory);

    static GifCondExp()
    {
        Declared.Recordable(Membrane.Vm, Membrane.ESfa, Membrane.IStc, Inputs.GEx, Inputs.GIn);
    }

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YGEx = 1, YGIn = 2;

    /// <summary>The right-hand side for one node's parameters, its current input, I_stc and whether it is refractory.</summary>
    internal struct Dynamics : ICurrentDrivenOdeSystem
    {
        public static int Dimension => 3;

        public double GL, EL, Cm, Ie, VReset, EEx, EIn, TauSynEx, TauSynIn;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim { readonly get; set; }

        /// <summary>The spike-triggered current of this step (pA).</summary>
        public double Stc;

        public bool Refractory;

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = Refractory ? VReset : y[YV];
            double excitation = y[YGEx] * (v - EEx);
            double inhibition = y[YGIn] * (v - EIn);
            double leak = GL * (v - EL);
            f[YV] = Refractory ? 0.0 : (-leak + IStim + Ie - excitation - inhibition - Stc) / Cm;
            f[YGEx] = -y[YGEx] / TauSynEx;
            f[YGIn] = -y[YGIn] / TauSynIn;
        }
    }

    /// <summary>The constants of one parameter row.</summary>
    internal struct Constants : IRkf45Row<Constants, Dynamics>
    {
        public Dynamics Dynamics;
        public GifMembrane.Constants Membrane;
        public ErrorControl Control;

        public static ref readonly Dynamics SystemOf(in Constants row) => ref row.Dynamics;

        public static ErrorControl ControlOf(in Constants row) => row.Control;
    }

    private readonly GifAdaptation _adaptation;

    public GifCondExp(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Inputs.Currents)
    {
        IntegratedState = [this[Membrane.Vm], this[Inputs.GEx], this[Inputs.GIn]];
        _adaptation = KeepOutsideColumns(new GifAdaptation(count, this[Membrane.ESfa], this[Membrane.IStc]));
    }

    public override bool SupportsCheckpoint => true;

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        double h = time.StepToMs(1);
        PrepareIntegration(context, h);
        _adaptation.Prepare(context, this, h);
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            var membrane = Membrane.ConstantsOf(Columns, i, time);
            return new Constants
            {
                Membrane = membrane,
                Control = ErrorControl.OnValues(this[GslErrorTol][i], 0.0),
                Dynamics = new Dynamics
                {
                    GL = membrane.GL, EL = membrane.EL, Cm = membrane.Cm, Ie = membrane.Ie, VReset = membrane.VReset,
                    EEx = this[EEx][i], EIn = this[EIn][i], TauSynEx = this[TauSynEx][i], TauSynIn = this[TauSynIn][i],
                },
            };
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Integrate(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>Around the integration of a node over a step: the adaptation and input first, then spikes in and out.</summary>
    private readonly struct Bookkeeping(GifCondExp group, SpikeBuffer spikes) : IGridStepBookkeeping<Constants, Dynamics>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Begin(int node, in Constants constants, ref Dynamics system)
        {
            double stc = group._adaptation.SpikeTriggeredCurrent(node);
            group[Membrane.IStc][node] = stc;
            group[Membrane.ESfa][node] = group._adaptation.Threshold(node, constants.Membrane.VTStar);
            system.Stc = stc;
            system.Refractory = group[Membrane.RefractorySteps][node] > 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, in Constants constants, Span<double> y, in GridStep step)
        {
            y[YGEx] += step.Input(Inputs.SpikesEx, node);
            y[YGIn] -= step.Input(Inputs.SpikesIn, node);
            ref double refractory = ref group[Membrane.RefractorySteps][node];
            if (refractory == 0.0)
            {
                if (group._adaptation.Fires(node, step.Index, y[YV], group[Membrane.ESfa][node], constants.Membrane, group.Resolution))
                {
                    refractory = constants.Membrane.RefractorySteps;
                    spikes.Add(step.Lag, group.IdOf(node));
                }
            }
            else
            {
                refractory--;
                y[YV] = constants.Membrane.VReset;
            }
        }
    }
}
