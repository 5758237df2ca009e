using Constants = NestSharp.Models.Neurons.HhAlphaCurrentRow<NestSharp.Models.Neurons.HhPscAlpha.Dynamics, NestSharp.Models.Neurons.HhPscAlpha.Layout>;

namespace NestSharp.Models.Neurons;

/// <summary>
/// hh_psc_alpha: Hodgkin-Huxley neuron with alpha-shaped post-synaptic currents (Gerstner &amp; Kistler 2002).
/// <code>
/// C_m dV/dt = -(g_Na m³h (V - E_Na) + g_K n⁴ (V - E_K) + g_L (V - E_L)) + I_stim + I_e + I_syn_ex + I_syn_in
/// dx/dt     = alpha_x(V) (1 - x) - beta_x(V) x                                   (x = m, h, n; rates in 1/ms)
/// alpha_n = 0.01 (V + 55) / (1 - exp(-(V + 55)/10)),   beta_n = 0.125 exp(-(V + 65)/80)
/// alpha_m = 0.1 (V + 40) / (1 - exp(-(V + 40)/10)),    beta_m = 4 exp(-(V + 65)/18)
/// alpha_h = 0.07 exp(-(V + 65)/20),                    beta_h = 1 / (1 + exp(-(V + 35)/10))
/// d(dI_X)/dt = -dI_X / tau_syn_X,   dI_syn_X/dt = dI_X - I_syn_X / tau_syn_X          (X = ex, in)
/// </code>
/// A spike of weight w (pA; negative weights are inhibitory) adds w · e/tau_syn_X to dI_X, so that I_syn_X peaks at w
/// after tau_syn_X. Each step h is integrated with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does
/// (<see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>, error control on the values with an absolute tolerance of 1e-3),
/// the inner step size carrying over from step to step. After the step, in this order: spikes arriving in the step add
/// to dI_ex (positive weights) or dI_in (the others); a refractory neuron counts down, else the neuron spikes when V_m
/// is at least 0 mV and lower than at the start of the step (the peak of the action potential has passed), and is then
/// refractory for t_ref (no spike is detected then; V_m is not reset or clamped); a current input takes effect from the
/// next step. V_m starts at -65 mV and m, h, n at their steady state there, whatever E_L is.
/// <para>Parameters (units): t_ref (ms), g_Na, g_K, g_L (nS), C_m (pF), E_Na, E_K, E_L (mV), tau_syn_ex,
/// tau_syn_in (ms), I_e (pA). State: V_m (mV), Act_m, Inact_h, Act_n. Recordables: V_m, I_syn_ex, I_syn_in (pA; not in
/// the status), Act_m, Inact_h, Act_n.</para>
/// <para>References: Hodgkin AL, Huxley AF (1952) A quantitative description of membrane current and its application
/// to conduction and excitation in nerve. J Physiol 117:500-544. Gerstner W, Kistler WM (2002) Spiking Neuron Models,
/// Cambridge University Press. Dayan P, Abbott LF (2001) Theoretical Neuroscience, MIT Press. NEST model documentation,
/// hh_psc_alpha (NEST 3.10).</para>
/// </summary>
[NodeModelName("hh_psc_alpha")]
internal sealed class HhPscAlpha : Rkf45NeuronGroup<Constants, HhPscAlpha.Dynamics>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    // t_ref, g_Na, g_K, g_L, C_m, E_Na, E_K, E_L, tau_syn_ex, tau_syn_in, I_e; V_m and the gates; the synaptic currents;
    // the refractory count; spikes_ex, spikes_in and currents (receptor 0): shared with hh_psc_alpha_clopath
    private static readonly HhPscAlphaMembrane Membrane = new(Declared);

    static HhPscAlpha()
    {
        Membrane.DeclareRecordables(Declared);
    }

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    internal const int YV = 0, YM = 1, YH = 2, YN = 3, YDIEx = 4, YIEx = 5, YDIIn = 6, YIIn = 7;

    /// <summary>The opening and closing rates of the gates (1/ms) at a potential.</summary>
    internal static class Rates
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static GateRates At(double v) => new(
            AlphaN: 0.01 * (v + 55.0) / (1.0 - Math.Exp(-(v + 55.0) / 10.0)),
            BetaN: 0.125 * Math.Exp(-(v + 65.0) / 80.0),
            AlphaM: 0.1 * (v + 40.0) / (1.0 - Math.Exp(-(v + 40.0) / 10.0)),
            BetaM: 4.0 * Math.Exp(-(v + 65.0) / 18.0),
            AlphaH: 0.07 * Math.Exp(-(v + 65.0) / 20.0),
            BetaH: 1.0 / (1.0 + Math.Exp(-(v + 35.0) / 10.0)));

        /// <summary>As <see cref="At(double)"/> in each SIMD lane: the same operations in the same order, e^x by <see cref="LaneExp"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static LaneGateRates At(Vector256<double> v)
        {
            var one = Vector256<double>.One;
            var ten = Vector256.Create(10.0);
            var v55 = v + Vector256.Create(55.0);
            var v65 = v + Vector256.Create(65.0);
            var v40 = v + Vector256.Create(40.0);
            return new(
                AlphaN: Vector256.Create(0.01) * v55 / (one - LaneExp.Exp(Lanes.Negate(v55) / ten)),
                BetaN: Vector256.Create(0.125) * LaneExp.Exp(Lanes.Negate(v65) / Vector256.Create(80.0)),
                AlphaM: Vector256.Create(0.1) * v40 / (one - LaneExp.Exp(Lanes.Negate(v40) / ten)),
                BetaM: Vector256.Create(4.0) * LaneExp.Exp(Lanes.Negate(v65) / Vector256.Create(18.0)),
                AlphaH: Vector256.Create(0.07) * LaneExp.Exp(Lanes.Negate(v65) / Vector256.Create(20.0)),
                BetaH: one / (one + LaneExp.Exp(Lanes.Negate(v + Vector256.Create(35.0)) / ten)));
        }
    }

    /// <summary>The right-hand side of the eight state equations, for one node's parameters and current input.</summary>
    internal struct Dynamics : ICurrentDrivenOdeSystem, IExInSynapses<Dynamics>
    {
        public static int Dimension => 8;

        public HhChannels Channels;
        public double TauSynEx, TauSynIn;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim { readonly get; set; }

        public static (double TauSynEx, double TauSynIn, double IStim) ExInOf(in Dynamics system) => (system.TauSynEx, system.TauSynIn, system.IStim);

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = y[YV], m = y[YM], h = y[YH], n = y[YN];
            var r = Rates.At(v);
            var (iNa, iK, iL) = Channels.Currents(v, m, h, n);
            f[YV] = (-(iNa + iK + iL) + IStim + Channels.Ie + y[YIEx] + y[YIIn]) / Channels.Cm;
            f[YM] = r.AlphaM * (1.0 - m) - r.BetaM * m;
            f[YH] = r.AlphaH * (1.0 - h) - r.BetaH * h;
            f[YN] = r.AlphaN * (1.0 - n) - r.BetaN * n;
            SynapticKernel.Derivatives(y, f, YDIEx, YIEx, TauSynEx, TauSynEx);
            SynapticKernel.Derivatives(y, f, YDIIn, YIIn, TauSynIn, TauSynIn);
        }
    }

    /// <summary>The right-hand side of four nodes, one per SIMD lane, each lane computing what <see cref="Dynamics"/> does.</summary>
    internal struct LaneDynamics : ILaneOdeSystem<Dynamics>
    {
        private LaneHhChannels _channels;
        private LaneExInSynapses _synapses;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void LoadShared(in Dynamics system, Vector256<double> iStim)
        {
            _channels = new(system.Channels);
            _synapses = new(system.TauSynEx, system.TauSynIn, iStim);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Load(in Dynamics lane0, in Dynamics lane1, in Dynamics lane2, in Dynamics lane3)
        {
            _channels = new(lane0.Channels, lane1.Channels, lane2.Channels, lane3.Channels);
            _synapses = LaneExInSynapses.Of(lane0, lane1, lane2, lane3);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Derivatives(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, Span<Vector256<double>> f, int lanes)
        {
            Vector256<double> v = y[YV], m = y[YM], h = y[YH], n = y[YN];
            var one = Vector256<double>.One;
            var r = Rates.At(v);
            var (iNa, iK, iL) = _channels.Currents(v, m, h, n);
            f[YV] = (Lanes.Negate(iNa + iK + iL) + _synapses.IStim + _channels.Ie + y[YIEx] + y[YIIn]) / _channels.Cm;
            f[YM] = r.AlphaM * (one - m) - r.BetaM * m;
            f[YH] = r.AlphaH * (one - h) - r.BetaH * h;
            f[YN] = r.AlphaN * (one - n) - r.BetaN * n;
            SynapticKernel.Derivatives(y, f, YDIEx, YIEx, _synapses.TauSynEx, _synapses.TauSynEx);
            SynapticKernel.Derivatives(y, f, YDIIn, YIIn, _synapses.TauSynIn, _synapses.TauSynIn);
        }
    }

    /// <summary>Where dI_ex and dI_in sit in the state vector, and the error control: gsl_odeiv_control_y_new(1e-3, 0).</summary>
    internal readonly struct Layout : IAlphaCurrentLayout
    {
        public static int DIEx => YDIEx;

        public static int DIIn => YDIIn;

        public static ErrorControl Control { get; } = ErrorControl.OnValues(1e-3, 0.0);
    }

    public HhPscAlpha(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Membrane.Inputs.Currents)
    {
        var m = Membrane;
        IntegratedState = [this[m.Gates.Vm], this[m.Gates.ActM], this[m.Gates.InactH], this[m.Gates.ActN], this[m.DISynEx], this[m.ISynEx], this[m.DISynIn], this[m.ISynIn]];
    }

    public override bool SupportsCheckpoint => true;

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        PrepareIntegration(context, time.StepToMs(1));
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i => Membrane.ConstantsOf(column => this[column], i, time));
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        IntegrateInLanes<HhLaneBookkeeping<Constants, Dynamics, LaneDynamics>, LaneDynamics>(
            new(this, Membrane.Inputs, this[Membrane.RefractorySteps], this[Membrane.Gates.Vm], context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);
}
