using System.Runtime.CompilerServices;
using NestSharp.Kernel;
using NestSharp.Nodes;
using NestSharp.Numerics;

namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_cond_alpha: leaky integrate-and-fire neuron with alpha-shaped synaptic conductances (Kuhn et al. 2004).
/// <code>
/// C_m dV/dt = -g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in) + I_stim + I_e
/// d(dg_X)/dt = -dg_X / tau_syn_X,   dg_X/dt = dg_X - g_X / tau_syn_X          (X = ex, in)
/// </code>
/// A spike of weight w makes g_X(t) = w · (t/tau_syn_X) · exp(1 - t/tau_syn_X), peaking at w (nS) after tau_syn_X: it
/// adds w · e/tau_syn_X to dg_X. The currents see V = min(V_m, V_th), and V = V_reset with dV/dt = 0 while the neuron
/// is refractory. Each step h is integrated with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does
/// (<see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>, error control on the values with an absolute tolerance of 1e-3),
/// the inner step size carrying over from step to step. After the step, in this order: a refractory neuron counts down
/// with V_m held at V_reset, else V_m &gt;= V_th is a spike (V_m = V_reset, refractory for t_ref); spikes arriving in
/// the step add to dg_ex (positive weights) or dg_in (the magnitude of the others); a current input takes effect from
/// the next step.
/// <para>Parameters (units): V_th, V_reset, E_L, E_ex, E_in (mV), t_ref, tau_syn_ex, tau_syn_in (ms), g_L (nS),
/// C_m (pF), I_e (pA). State: V_m (mV), g_ex, g_in (nS), dg_ex, dg_in (nS/ms). Recordables: V_m, g_ex, g_in,
/// t_ref_remaining (ms).</para>
/// <para>References: Meffin H, Burkitt AN, Grayden DB (2004) J Comput Neurosci 16:159-175. Bernander O, Douglas RJ,
/// Martin KAC, Koch C (1991) Synaptic background activity influences spatiotemporal integration in single pyramidal
/// cells. PNAS 88:11569-11573. Kuhn A, Aertsen A, Rotter S (2004) Neuronal integration of synaptic input in the
/// fluctuation-driven regime. J Neurosci 24:2345-2356. NEST model documentation, iaf_cond_alpha (NEST 3.10).</para>
/// </summary>
[NodeModelName("iaf_cond_alpha")]
internal sealed class IafCondAlpha : Rkf45NeuronGroup<IafCondAlpha.Constants, IafCondAlpha.Dynamics>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly IafCondMembrane Membrane = new(Declared);

    private static readonly Column TauSynEx = Declared.Parameter("tau_syn_ex", 0.2, "ms", Requirement.Positive(IafCondMembrane.AllTimeConstantsPositive));
    private static readonly Column TauSynIn = Declared.Parameter("tau_syn_in", 2.0, "ms", Requirement.Positive(IafCondMembrane.AllTimeConstantsPositive));

    private static readonly Column GEx = Declared.State("g_ex", 0.0, "nS");
    private static readonly Column DGEx = Declared.State("dg_ex", 0.0, "nS/ms");
    private static readonly Column GIn = Declared.State("g_in", 0.0, "nS");
    private static readonly Column DGIn = Declared.State("dg_in", 0.0, "nS/ms");

    private static readonly InputChannel SpikesEx = Declared.Input("spikes_ex");
    private static readonly InputChannel SpikesIn = Declared.Input("spikes_in");
    private static readonly InputChannel Currents = Declared.Input("currents");

    /// <summary>The index of t_ref_remaining among the recordables.</summary>
    private const int RefractoryRecordable = 3;

    static IafCondAlpha()
    {
        Declared.SignedSpikeReceptor(0, SpikesEx, SpikesIn, SpikeRouting.BySignZeroInhibitory);
        Declared.CurrentReceptor(0, Currents);
        Declared.Recordable(Membrane.Vm);
        Declared.Recordable(GEx);
        Declared.Recordable(GIn);
        Declared.Recordable(Membrane.RefractorySteps, "t_ref_remaining");
    }

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YDGEx = 1, YGEx = 2, YDGIn = 3, YGIn = 4;

    /// <summary>The right-hand side for one node's parameters, its current input and whether it is refractory.</summary>
    internal struct Dynamics : IFixedDimensionOdeSystem
    {
        public static int Dimension => 5;

        public IafCondMembrane.Constants Membrane;
        public double TauSynEx, TauSynIn;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim;

        public bool Refractory;

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = Membrane.EffectivePotential(y[YV], Refractory);
            double iSynEx = y[YGEx] * (v - Membrane.EEx);
            double iSynIn = y[YGIn] * (v - Membrane.EIn);
            double iLeak = Membrane.GL * (v - Membrane.EL);
            f[YV] = Refractory ? 0.0 : (-iLeak - iSynEx - iSynIn + IStim + Membrane.Ie) / Membrane.Cm;
            f[YDGEx] = -y[YDGEx] / TauSynEx;
            f[YGEx] = y[YDGEx] - y[YGEx] / TauSynEx;
            f[YDGIn] = -y[YDGIn] / TauSynIn;
            f[YGIn] = y[YDGIn] - y[YGIn] / TauSynIn;
        }
    }

    /// <summary>The dynamics of a parameter row and the jumps of dg_ex and dg_in per unit weight (e/tau_syn).</summary>
    internal struct Constants
    {
        public Dynamics Dynamics;
        public double JumpEx, JumpIn;
    }

    public IafCondAlpha(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Currents)
    {
        IntegratedState = [this[Membrane.Vm], this[DGEx], this[GEx], this[DGIn], this[GIn]];
    }

    public override bool SupportsCheckpoint => true;

    protected override void Validate(in StatusRow row) => Membrane.Validate(row);

    /// <summary>t_ref_remaining is the remaining refractory steps in ms.</summary>
    public override double ReadRecordable(int index, int position) =>
        index == RefractoryRecordable ? Resolution * this[Membrane.RefractorySteps][position] : base.ReadRecordable(index, position);

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        PrepareIntegration(context, time.StepToMs(1));
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i => new Constants
        {
            Dynamics = new Dynamics
            {
                Membrane = Membrane.ConstantsOf(Columns, i, time),
                TauSynEx = this[TauSynEx][i],
                TauSynIn = this[TauSynIn][i],
            },
            JumpEx = Math.E / this[TauSynEx][i],
            JumpIn = Math.E / this[TauSynIn][i],
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Integrate(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>Around the integration of a node over a step: the input and refractoriness, then spikes out and in.</summary>
    private readonly struct Bookkeeping(IafCondAlpha group, SpikeBuffer spikes) : IGridStepBookkeeping<Constants, Dynamics>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Dynamics Begin(int node, in Constants constants, double current, out ErrorControl control)
        {
            control = IafCondMembrane.Control;
            var dynamics = constants.Dynamics;
            dynamics.IStim = current;
            dynamics.Refractory = group[Membrane.RefractorySteps][node] > 0;
            return dynamics;
        }

        public void BeforeInnerStep(int node, ref Dynamics system) { }

        public void AfterInnerStep(int node, in Constants constants, Span<double> y, bool first, in GridStep step) { }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, in Constants constants, Span<double> y, in GridStep step)
        {
            if (IafCondMembrane.RefractoryOrThreshold(constants.Dynamics.Membrane, ref group[Membrane.RefractorySteps][node], ref y[YV]))
                spikes.Add(step.Lag, group.IdOf(node));
            y[YDGEx] += step.Input(SpikesEx, node) * constants.JumpEx;
            y[YDGIn] += -step.Input(SpikesIn, node) * constants.JumpIn;
        }
    }
}
