using NestSharp.Models.Synapses;
using HhPscAlphaRow = NestSharp.Models.Neurons.HhAlphaCurrentRow<NestSharp.Models.Neurons.HhPscAlpha.Dynamics, NestSharp.Models.Neurons.HhPscAlpha.Layout>;

namespace NestSharp.Models.Neurons;

/// <summary>
/// hh_psc_alpha_clopath: the Hodgkin-Huxley neuron with alpha-shaped post-synaptic currents of hh_psc_alpha, with the
/// low-pass filtered membrane potentials that voltage-based STDP (clopath_synapse) reads (Clopath et al. 2010):
/// <code>
/// C_m dV/dt = -(g_Na m³h (V - E_Na) + g_K n⁴ (V - E_K) + g_L (V - E_L)) + I_stim + I_e + I_syn_ex + I_syn_in
/// dx/dt     = alpha_x(V) (1 - x) - beta_x(V) x                                   (x = m, h, n; as hh_psc_alpha)
/// d(dI_X)/dt = -dI_X / tau_syn_X,   dI_syn_X/dt = dI_X - I_syn_X / tau_syn_X          (X = ex, in)
/// tau_u_bar_plus dū+/dt = V - ū+,   tau_u_bar_minus dū-/dt = V - ū-,   tau_u_bar_bar dū̄/dt = ū- - ū̄
/// </code>
/// Each step h is integrated with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does
/// (<see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>, error control on the values with an absolute tolerance of 1e-3),
/// the inner step size carrying over from step to step. After the step, in this order: spikes arriving in the step add
/// w · e/tau_syn_X to dI_ex (positive weights) or dI_in (the others); V_m, ū+, ū- and ū̄ are written to the neuron's
/// <see cref="ClopathHistory"/>; a refractory neuron counts down, else the neuron spikes when V_m is at least 0 mV and
/// lower than at the start of the step, and is then refractory for t_ref (V_m is not reset); a current input takes
/// effect from the next step. V_m starts at -65 mV with m, h, n at their steady state there; ū+, ū-, ū̄ start at 0 mV
/// (NEST's initial state).
/// <para>Parameters (units): t_ref (ms), g_Na, g_K, g_L (nS), C_m (pF), E_Na, E_K, E_L (mV), tau_syn_ex, tau_syn_in,
/// tau_u_bar_plus, tau_u_bar_minus, tau_u_bar_bar (ms), I_e (pA); Clopath rule: A_LTP (1/mV²), A_LTD (1/mV),
/// A_LTD_const (bool), theta_plus, theta_minus (mV), u_ref_squared (mV²), delay_u_bars (ms); archiving: tau_minus,
/// tau_minus_triplet, tau_Ca (ms), beta_Ca. State: V_m, u_bar_plus, u_bar_minus, u_bar_bar (mV), Act_m, Inact_h, Act_n,
/// Ca. Recordables: V_m, I_syn_ex, I_syn_in (pA; not in the status), Act_m, Inact_h, Act_n, u_bar_plus, u_bar_minus,
/// u_bar_bar.</para>
/// <para>References: Hodgkin AL, Huxley AF (1952) J Physiol 117:500-544. Gerstner W, Kistler WM (2002) Spiking Neuron
/// Models, Cambridge University Press. Clopath C, Büsing L, Vasilaki E, Gerstner W (2010) Connectivity reflects coding:
/// a model of voltage-based STDP with homeostasis. Nat Neurosci 13:344-352. Clopath C, Gerstner W (2010) Voltage and
/// spike timing interact in STDP - a unified model. Front Synaptic Neurosci 2:25. NEST model documentation,
/// hh_psc_alpha_clopath (NEST 3.10).</para>
/// </summary>
[NodeModelName("hh_psc_alpha_clopath")]
internal sealed class HhPscAlphaClopath : Rkf45NeuronGroup<HhPscAlphaClopath.Constants, HhPscAlphaClopath.Dynamics>, IKeepsHistory<ClopathHistory>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    // t_ref, g_Na, g_K, g_L, C_m, E_Na, E_K, E_L, tau_syn_ex, tau_syn_in, I_e; V_m and the gates; the synaptic currents;
    // the refractory count; spikes_ex, spikes_in and currents (receptor 0): as hh_psc_alpha
    private static readonly HhPscAlphaMembrane Membrane = new(Declared);

    // tau_u_bar_plus, tau_u_bar_minus, tau_u_bar_bar, A_LTP, A_LTD, A_LTD_const, theta_plus, theta_minus, u_ref_squared,
    // delay_u_bars and the state u_bar_plus, u_bar_minus, u_bar_bar: as aeif_psc_delta_clopath
    private static readonly ClopathArchiving Clopath = new(Declared, tauUBarPlus: 114.0, uBarInitial: 0.0);

    static HhPscAlphaClopath()
    {
        Membrane.DeclareRecordables(Declared);
        Declared.Recordable(Clopath.UBarPlus, Clopath.UBarMinus, Clopath.UBarBar);
    }

    /// <summary>Positions of the filtered potentials in the integrated state vector, after hh_psc_alpha's eight (NEST's order).</summary>
    private const int YUBarPlus = 8, YUBarMinus = 9, YUBarBar = 10, StateSize = 11;

    /// <summary>The right-hand side of the eleven state equations: hh_psc_alpha's eight, then ū+, ū-, ū̄.</summary>
    internal struct Dynamics : ICurrentDrivenOdeSystem
    {
        public static int Dimension => StateSize;

        public HhPscAlpha.Dynamics Hh;
        public ClopathArchiving.FilterTimeConstants Filters;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim { readonly get => Hh.IStim; set => Hh.IStim = value; }

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            Hh.Derivatives(t, y[..HhPscAlpha.Dynamics.Dimension], f[..HhPscAlpha.Dynamics.Dimension]);
            Filters.Derivatives(y[HhPscAlpha.YV], y, f, YUBarPlus);
        }
    }

    /// <summary>The constants of a parameter row: hh_psc_alpha's (jumps, t_ref in steps) with this model's dynamics.</summary>
    internal struct Constants : IRkf45Row<Constants, Dynamics>
    {
        public Dynamics Dynamics;
        public HhPscAlphaRow Hh;

        public static ref readonly Dynamics SystemOf(in Constants row) => ref row.Dynamics;

        public static ErrorControl ControlOf(in Constants row) => Control;
    }

    /// <summary>NEST's error control of this model: gsl_odeiv_control_y_new(1e-3, 0).</summary>
    private static readonly ErrorControl Control = ErrorControl.OnValues(1e-3, 0.0);

    private readonly ClopathHistory?[] _histories;

    public HhPscAlphaClopath(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Membrane.Inputs.Currents)
    {
        _histories = new ClopathHistory?[count];
        var m = Membrane;
        IntegratedState =
        [
            this[m.Gates.Vm], this[m.Gates.ActM], this[m.Gates.InactH], this[m.Gates.ActN], this[m.DISynEx], this[m.ISynEx],
            this[m.DISynIn], this[m.ISynIn], this[Clopath.UBarPlus], this[Clopath.UBarMinus], this[Clopath.UBarBar],
        ];
    }

    public override bool SupportsCheckpoint => true;

    protected override void SaveModelState(CheckpointWriter writer)
    {
        base.SaveModelState(writer);
        WriteInIdOrder(writer, _histories, history => history.SaveCheckpoint(writer));
    }

    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context)
    {
        base.RestoreModelState(reader, context);
        ReadInIdOrder(reader, _histories, ClopathHistory.Restore);
    }

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        PrepareIntegration(context, time.StepToMs(1));
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            var hh = Membrane.ConstantsOf(column => this[column], i, time);
            return new Constants
            {
                Dynamics = new Dynamics
                {
                    Hh = hh.Dynamics,
                    Filters = Clopath.FiltersOf(column => this[column], i),
                },
                Hh = hh,
            };
        });

        AttachHistories(context, _histories, i => Clopath.NewHistory(column => this[column], i, context),
            (i, history, incoming) => Clopath.Configure(column => this[column], i, history, incoming, Resolution));
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Integrate(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>Around the integration of a node over a step: the input, then spikes in, the history, refractoriness and spikes out.</summary>
    private readonly struct Bookkeeping(HhPscAlphaClopath group, SpikeBuffer spikes) : IGridStepBookkeeping<Constants, Dynamics>
    {
        /// <summary>Nothing: the dynamics read no discrete state (refractoriness only blocks the spike detection).</summary>
        public readonly void Begin(int node, in Constants constants, ref Dynamics system) { }

        /// <summary>The node's V_m column still holds the potential at the start of the step (y is stored after this).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, in Constants constants, Span<double> y, in GridStep step)
        {
            var m = Membrane;
            HhPscAlphaRow.AddSpikes(constants.Hh, y, step.Input(m.Inputs.SpikesEx, node), step.Input(m.Inputs.SpikesIn, node));
            group._histories[node]!.Write(step.End, y[HhPscAlpha.YV], y[YUBarPlus], y[YUBarMinus], y[YUBarBar]);
            if (HhGates.PeakPassed(ref group[m.RefractorySteps][node], constants.Hh.RefractorySteps, y[HhPscAlpha.YV], group[m.Gates.Vm][node], 0.0))
                spikes.Add(step.Lag, group.IdOf(node));
        }
    }
}
