namespace NestSharp.Models.Neurons;

/// <summary>
/// glif_cond: the five generalized leaky integrate-and-fire models of the Allen Institute (Teeter et al. 2018) with
/// conductance-based synapses: any number of receptor ports, each an alpha-shaped conductance with its own time constant
/// and reversal potential. With U = V - E_L (U = V_reset - E_L in the synaptic currents while refractory) and n ports,
/// <code>
/// C_m dU/dt = -g_m·U - sum_r g_r·(U + E_L - E_rev[r]) + I + I_asc        (0 while refractory)
/// d(dg_r)/dt = -dg_r/tau_syn[r],   dg_r/dt = dg_r - g_r/tau_syn[r]       (r = 1 .. n)
/// </code>
/// where I is the current input and I_asc the mean after-spike current of the step before. The state
/// [U, dg_1, g_1, ..., dg_n, g_n] (1 + 2n components) is integrated over each step h by adaptive Runge-Kutta-Fehlberg
/// 4(5) steps as NEST's GSL set-up does (<see cref="Rkf45Integrator"/>, gsl_odeiv_control_y_new(1e-3, 0): error on
/// the values, eps_abs 1e-3), the inner step size carrying over from step to step. Then, in NEST's order, the GLIF
/// mechanisms of <see cref="GlifConstants"/> (from U at the start of the step): not refractory, the spike component of
/// the threshold decays, the after-spike currents give their mean and decay, the voltage component advances, and
/// U &gt; threshold is a spike (refractory for t_ref with U held, after-spike currents jump, reset as the level says:
/// see <see cref="GlifPsc"/>); refractory, the count goes down and U keeps its value from the start of the step. At the
/// end of the step the spikes that arrived on port r add their weight (nS) times e/tau_syn[r] to dg_r, so that a weight
/// w makes g_r peak at w nS at t = tau_syn[r], and the current input of the step takes effect from the next step.
/// <para>The status shows dg and g (nS/ms, nS) with as many elements as the state had in the node's last run (one
/// before the first), as NEST sizes the state only before a run; the recordables g_1 .. g_n follow tau_syn at once.</para>
/// <para>Parameters (units): V_th, E_L, V_reset (mV), g_m (nS), C_m (pF), t_ref (ms), th_spike_add (mV), th_spike_decay
/// (1/ms), voltage_reset_fraction, voltage_reset_add (mV), th_voltage_index, th_voltage_decay (1/ms), arrays asc_init
/// (pA), asc_decay (1/ms), asc_amps (pA), asc_r, tau_syn (ms) and E_rev (mV) of equal length (one receptor port per
/// element), the flags spike_dependent_threshold, after_spike_currents, adapting_threshold (GLIF1 .. GLIF5 as glif_psc);
/// read-only has_connections. State: V_m (mV), ASCurrents (pA, array), threshold_spike, threshold_voltage (mV); read-only
/// dg, g. Spike receptors 1 .. len(tau_syn); current receptor 0. Recordables: V_m, I, ASCurrents_sum, threshold,
/// threshold_spike, threshold_voltage, g_1 .. g_n.</para>
/// <para>References: Teeter C et al. (2018) Generalized leaky integrate-and-fire models classify multiple neuron types.
/// Nature Communications 9:709. Meffin H, Burkitt AN, Grayden DB (2004) J Comput Neurosci 16:159-175. NEST model
/// documentation, glif_cond (NEST 3.10).</para>
/// </summary>
[NodeModelName("glif_cond")]
internal sealed class GlifCond : ConductancePortGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly GlifMechanisms Mechanisms = new(Declared, "g_m", thresholdComponentsInStatus: false);

    /// <summary>The membrane conductance g_m (nS).</summary>
    private static readonly Column GM = Mechanisms.G;

    private static readonly ArrayColumn TauSyn = Declared.ArrayParameter("tau_syn", [0.2, 2.0], "ms");
    private static readonly ArrayColumn ERev = Declared.ArrayParameter("E_rev", [0.0, -85.0], "mV");

    /// <summary>The inner step size, NEST's (y_.size() - 1) / 2 (the ports the state had in the node's last run) and dg, g.</summary>
    private static readonly ConductancePortColumns Ports = new(Declared, rise: true, sizedBeforeRun: true);

    private static readonly InputChannel Currents = Declared.Input("currents");

    private static readonly ErrorControl Control = ErrorControl.OnValues(1e-3, 0.0);

    static GlifCond()
    {
        Declared.PortsSizedBy(TauSyn, null);
        Declared.CurrentReceptor(0, Currents);
        Declared.Recordable(Mechanisms.Vm);
        Declared.Recordable(Mechanisms.Current, "I");
        Declared.Recordable(Mechanisms.ASCurrentsSum);
        Declared.ComputedRecordable("threshold");
        Declared.Recordable(Mechanisms.ThresholdSpike);
        Declared.Recordable(Mechanisms.ThresholdVoltage);
        Declared.PortRecordable(Ports.G, "g_");
    }

    /// <summary>Positions in the integrated state vector (NEST's order): U, then dg_r, g_r of port r at 2r - 1, 2r.</summary>
    private const int YV = 0, FirstPort = 1;

    /// <summary>The right-hand side of the 1 + 2n state equations, for one node's parameters and input.</summary>
    internal struct Dynamics : IOdeSystem
    {
        public double GM, Cm, EL, VReset;

        /// <summary>The node's port arrays as of the run (never changed in place).</summary>
        public double[] ERev, TauSyn;

        /// <summary>The current input and the mean after-spike current of the step before (pA).</summary>
        public double IStim, ASCurrentsSum;

        /// <summary>Whether the neuron is refractory: U is V_reset - E_L in the synaptic currents and dU/dt = 0.</summary>
        public bool Refractory;

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = Refractory ? VReset : y[YV];
            double[] eRev = ERev, tauSyn = TauSyn;
            double iSyn = 0.0;
            for (int r = 0; r < tauSyn.Length; r++) iSyn += y[FirstPort + 2 * r + 1] * (v + EL - eRev[r]);
            double iLeak = GM * v;
            f[YV] = Refractory ? 0.0 : (-iLeak - iSyn + IStim + ASCurrentsSum) / Cm;
            KernelDerivatives(y, f, FirstPort, tauSyn, tauSyn);
        }
    }

    /// <summary>What one node's run computes once from its parameters.</summary>
    private struct Constants
    {
        public Dynamics Dynamics;
        public GlifConstants Glif;

        /// <summary>Per port: the jump of dg per nS of weight, e/tau_syn.</summary>
        public double[] Jump;
    }

    private readonly AfterSpikeCurrents _asc;
    private Constants[] _constants = [];

    public GlifCond(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Currents, Ports, FirstPort)
    {
        var m = Mechanisms;
        double[] spike = this[m.SpikeDependentThreshold], asc = this[m.AfterSpikeCurrents], voltage = this[m.AdaptingThreshold];
        _asc = KeepOutsideColumns(new AfterSpikeCurrents(count, Declared.Arrays[m.AscInit.Index].Default,
            i => (spike[i] != 0.0, asc[i] != 0.0, voltage[i] != 0.0, ArrayOf(m.AscDecay, i).Length),
            (this[m.ThresholdSpike], this[m.ThresholdVoltage])));
    }

    protected override void Validate(in StatusRow row)
    {
        Mechanisms.Validate(row, conductanceOrder: true);
        if (row.IsSet(TauSyn) || row.IsSet(ERev))
        {
            ReadOnlySpan<double> tauSyn = row.Array(TauSyn), eRev = row.Array(ERev);
            row.Require(eRev.Length == tauSyn.Length, row.IsSet(ERev) ? ERev : TauSyn,
                $"The reversal potential and synaptic time constant arrays, i.e., E_rev ({eRev.Length}) and tau_syn ({tauSyn.Length}), must have the same size");
            row.Require(tauSyn.Length == row.PreviousPorts || !row.HasConnections, TauSyn,
                $"The neuron has connections, therefore the number of ports ({row.PreviousPorts}) cannot be changed");
            foreach (double x in tauSyn) row.Require(x > 0.0, TauSyn, "All synaptic time constants must be strictly positive");
        }
    }

    /// <summary>threshold + E_L, as NEST records it.</summary>
    protected override double ReadComputedRecordable(int index, int position) =>
        this[Mechanisms.Threshold][position] + this[Mechanisms.EL][position];

    public override void Prepare(SimulationContext context)
    {
        PreparePortInputs();
        var time = context.Time;
        var m = Mechanisms;
        _constants = new Constants[Count];
        for (int i = 0; i < Count; i++)
        {
            double[] tauSyn = ArrayOf(TauSyn, i);
            var jump = new double[tauSyn.Length];
            for (int r = 0; r < jump.Length; r++) jump[r] = 1.0 * Math.E / tauSyn[r];
            _constants[i] = new Constants
            {
                Dynamics = new Dynamics
                {
                    GM = this[GM][i], Cm = this[m.Cm][i], EL = this[m.EL][i], VReset = this[m.VReset][i],
                    ERev = ArrayOf(ERev, i), TauSyn = tauSyn,
                },
                Glif = m.ConstantsOf(Columns, i, ArrayOf(m.AscDecay, i), ArrayOf(m.AscAmps, i), ArrayOf(m.AscR, i), time),
                Jump = jump,
            };
        }
        PrepareIntegration(context, time.Resolution);
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        IntegratePorts<Bookkeeping, Dynamics>(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>
    /// The GLIF steps around the integration: U and the inputs of the step before it, then the GLIF mechanisms from U
    /// at the start of the step, U, the ports with the spikes of the step and the current input.
    /// </summary>
    private readonly struct Bookkeeping(GlifCond group, SpikeBuffer spikes) : IPortBookkeeping<Dynamics>
    {
        private readonly double[] _u = group[Mechanisms.Vm], _thresholdSpike = group[Mechanisms.ThresholdSpike],
            _thresholdVoltage = group[Mechanisms.ThresholdVoltage], _threshold = group[Mechanisms.Threshold],
            _ascSum = group[Mechanisms.ASCurrentsSum], _current = group[Mechanisms.Current], _refractory = group[Mechanisms.RefractorySteps];
        private readonly Constants[] _constants = group._constants;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ref Dynamics Begin(int node, Span<double> y, out ErrorControl control)
        {
            ref Dynamics system = ref _constants[node].Dynamics;
            y[YV] = _u[node];
            system.IStim = _current[node];
            system.ASCurrentsSum = _ascSum[node];
            system.Refractory = _refractory[node] > 0.0;
            control = Control;
            return ref system;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, Span<double> y, in PortStep step, PortIntegration ports)
        {
            ref Constants c = ref _constants[node];
            ref readonly GlifConstants k = ref c.Glif;
            double vOld = _u[node];
            double[] thresholdSpike = _thresholdSpike, thresholdVoltage = _thresholdVoltage, refractory = _refractory;
            if (refractory[node] == 0.0)
            {
                double[] currents = group._asc.Of(node);
                double meanAsc = k.DecayAdaptation(ref thresholdSpike[node], currents);
                _ascSum[node] = meanAsc;
                double total = k.Threshold(ref thresholdVoltage[node], thresholdSpike[node], vOld, _current[node], meanAsc);
                if (y[YV] > total)
                {
                    refractory[node] = k.RefractorySteps;
                    y[YV] = k.Fire(vOld, ref thresholdSpike[node], thresholdVoltage[node], currents, ref total);
                    spikes.Add(step.Lag, group.IdOf(node));
                }
                _threshold[node] = total;
            }
            else
            {
                refractory[node]--;
                y[YV] = vOld;
                _threshold[node] = thresholdSpike[node] + thresholdVoltage[node] + k.ThInf;
            }

            _u[node] = y[YV];
            ports.Store(node, y, step, c.Jump, c.Jump.Length, nonNegative: false);
            _current[node] = step.CurrentInput[node - step.Start];
        }
    }
}
