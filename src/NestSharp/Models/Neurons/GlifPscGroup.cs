namespace NestSharp.Models.Neurons;

/// <summary>
/// What glif_psc and glif_psc_double_alpha share: the GLIF mechanisms (<see cref="GlifMechanisms"/>) on a membrane
/// integrated exactly on the time grid, with alpha-shaped post-synaptic currents per receptor port (one per element of
/// the time constant array that sizes the ports; glif_psc_double_alpha adds a slow alpha per port that the same spikes
/// drive). Per step h, with U the potential relative to E_L (U_old at the start of the step), I the current input of
/// the step before, tau_m = C_m/g, P33 = exp(-h/tau_m), P30 = (1 - P33)·tau_m/C_m, and per kernel k of port r the
/// states y1 (derivative-like) and y2 (the current):
/// <code>
/// not refractory: threshold_spike decays; I_asc = sum_j mean of ASC_j over the step, ASC_j decay
///                 U = P30·(I + I_asc) + P33·U_old + sum_(k, r) (P31·y1 + P32·y2)  (fast kernels of every port, then slow)
///                 I_syn = sum y2;  threshold_voltage advances;  threshold = spike + voltage components + V_th
///                 U &gt; threshold: spike, refractory for t_ref (rounded up to steps), after-spike currents jump, reset
/// refractory:     count down, U = U_old
/// every kernel:   y2 ← P21·y1 + P22·y2, y1 ← P11·y1 + (e/tau)·(weights arriving on the port)·amplitude
/// </code>
/// then the current input of the step takes effect from the next step. P11 = P22 = exp(-h/tau), P21 = h·P11, (P31,
/// P32) NEST's IAFPropagatorAlpha for tau and tau_m (the singular tau = tau_m treated as NEST does). The port count can
/// change only while the node has no spike connection.
/// </summary>
internal abstract class GlifPscGroup : PortNeuronGroup
{
    /// <summary>The declarations of one alpha kernel per port: its time constant array, relative amplitude array (or none) and states.</summary>
    internal readonly record struct AlphaKernels(ArrayColumn Tau, ArrayColumn? Amplitude, PortColumn Y1, PortColumn Y2);

    private readonly GlifMechanisms _m;
    private readonly AlphaKernels _fast;
    private readonly AlphaKernels? _slow;
    private readonly Column _iSyn;
    private readonly AfterSpikeCurrents _asc;

    private GlifConstants[] _constants = [];
    private double[] _p33 = [], _p30 = [];
    private int[] _ports = [];

    /// <summary>Per kernel set (fast, slow), per port (index r - 1), per node: the propagators and the jump of y1 per unit weight.</summary>
    private KernelPropagators _fastP, _slowP;

    private struct KernelPropagators
    {
        public double[][] P11, P21, P31, P32, Jump, Y1, Y2;
    }

    /// <param name="model">The node model the group is an instance of.</param>
    /// <param name="firstId">The node id of the group's first node.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's schema.</param>
    /// <param name="mechanisms">The GLIF columns declared into <paramref name="schema"/>.</param>
    /// <param name="fast">The kernel of every port (glif_psc's only one).</param>
    /// <param name="slow">glif_psc_double_alpha's second kernel, or null.</param>
    /// <param name="iSyn">The summed synaptic current (I_syn, pA).</param>
    /// <param name="currents">The input of current connections (receptor 0).</param>
    protected GlifPscGroup(NodeModel model, int firstId, int count, NeuronSchema schema, GlifMechanisms mechanisms,
        AlphaKernels fast, AlphaKernels? slow, Column iSyn, InputChannel currents)
        : base(model, firstId, count, schema, currents)
    {
        _m = mechanisms;
        _fast = fast;
        _slow = slow;
        _iSyn = iSyn;
        double[] spike = this[mechanisms.SpikeDependentThreshold], asc = this[mechanisms.AfterSpikeCurrents], voltage = this[mechanisms.AdaptingThreshold];
        _asc = KeepOutsideColumns(new AfterSpikeCurrents(count, schema.Arrays[mechanisms.AscInit.Index].Default,
            i => (spike[i] != 0.0, asc[i] != 0.0, voltage[i] != 0.0, ArrayOf(mechanisms.AscDecay, i).Length)));
    }

    /// <summary>Declares the ports sized by the fast kernels' time constants, current receptor 0 and NEST's recordables.</summary>
    protected static void Declare(NeuronSchema schema, GlifMechanisms m, ArrayColumn portsSizedBy, Column iSyn, InputChannel currents)
    {
        schema.PortsSizedBy(portsSizedBy, null);
        schema.CurrentReceptor(0, currents);
        schema.Recordable(m.Vm);
        schema.Recordable(m.ASCurrentsSum);
        schema.Recordable(m.Current, "I");
        schema.Recordable(iSyn);
        schema.ComputedRecordable("threshold");
        schema.Recordable(m.ThresholdSpike);
        schema.Recordable(m.ThresholdVoltage);
    }

    /// <summary>Every state is in the columns, the port variables and the after-spike currents.</summary>
    public override bool SupportsCheckpoint => true;

    /// <summary>threshold + E_L, as NEST records it.</summary>
    protected override double ReadComputedRecordable(int index, int position) => this[_m.Threshold][position] + this[_m.EL][position];

    /// <summary>The checks of a new port time constant array (NEST's, when the array is set).</summary>
    protected static void ValidatePortTimeConstants(in StatusRow row, ArrayColumn tau)
    {
        if (!row.IsSet(tau)) return;
        var values = row.Array(tau);
        row.Require(values.Length == row.PreviousPorts || !row.HasConnections, tau,
            $"The neuron has connections, therefore the number of ports ({row.PreviousPorts}) cannot be changed");
        foreach (double x in values) row.Require(x > 0.0, tau, "All synaptic time constants must be strictly positive");
    }

    public override void Prepare(SimulationContext context)
    {
        PreparePortInputs();
        var time = context.Time;
        double h = time.Resolution;
        int ports = PortCount;
        _constants = new GlifConstants[Count];
        _p33 = new double[Count];
        _p30 = new double[Count];
        _ports = new int[Count];
        _fastP = NewKernels(_fast, ports);
        if (_slow is { } slow) _slowP = NewKernels(slow, ports);
        for (int i = 0; i < Count; i++)
        {
            _constants[i] = _m.ConstantsOf(Columns, i, ArrayOf(_m.AscDecay, i), ArrayOf(_m.AscAmps, i), ArrayOf(_m.AscR, i), time);
            double c = this[_m.Cm][i], tauM = c / this[_m.G][i];
            _p33[i] = Math.Exp(-h / tauM);
            _p30[i] = 1 / c * (1 - _p33[i]) * tauM;
            _ports[i] = PortsAt(i);
            FillKernels(_fastP, _fast, i, _ports[i], tauM, c, h);
            if (_slow is { } s) FillKernels(_slowP, s, i, _ports[i], tauM, c, h);
        }
    }

    private KernelPropagators NewKernels(AlphaKernels kernels, int ports)
    {
        var p = new KernelPropagators
        {
            P11 = new double[ports][], P21 = new double[ports][], P31 = new double[ports][], P32 = new double[ports][],
            Jump = new double[ports][], Y1 = new double[ports][], Y2 = new double[ports][],
        };
        for (int r = 0; r < ports; r++)
        {
            (p.P11[r], p.P21[r], p.P31[r], p.P32[r], p.Jump[r]) = (new double[Count], new double[Count], new double[Count], new double[Count], new double[Count]);
            p.Y1[r] = PortState(kernels.Y1, r + 1);
            p.Y2[r] = PortState(kernels.Y2, r + 1);
        }
        return p;
    }

    private void FillKernels(KernelPropagators p, AlphaKernels kernels, int i, int ports, double tauM, double c, double h)
    {
        double[] tau = ArrayOf(kernels.Tau, i);
        double[]? amplitude = kernels.Amplitude is { } a ? ArrayOf(a, i) : null;
        if (tau.Length < ports || (amplitude is not null && amplitude.Length < ports))
        {
            var named = tau.Length < ports ? kernels.Tau : kernels.Amplitude!.Value;
            throw new BadPropertyException(Schema.Arrays[named.Index].Name, ArrayOf(named, i),
                $"{Model.Name} (node {IdOf(i)}) needs one value per receptor port ({ports}, the length of {Schema.Arrays[_fast.Tau.Index].Name})");
        }
        for (int r = 0; r < ports; r++)
        {
            p.P11[r][i] = Math.Exp(-h / tau[r]);
            p.P21[r][i] = h * p.P11[r][i];
            (p.P31[r][i], p.P32[r][i]) = ExactPropagators.Alpha(tau[r], tauM, c, h);
            p.Jump[r][i] = amplitude is null ? 1.0 * Math.E / tau[r] : 1.0 * Math.E / tau[r] * amplitude[r];
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        var ring = context.Ring;
        var spikes = context.SpikesOfVp[thread];
        var m = _m;
        double[] u = this[m.Vm], thresholdSpike = this[m.ThresholdSpike], thresholdVoltage = this[m.ThresholdVoltage],
            threshold = this[m.Threshold], ascSum = this[m.ASCurrentsSum], current = this[m.Current], refractory = this[m.RefractorySteps],
            iSyn = this[_iSyn], p33 = _p33, p30 = _p30;
        int[] ports = _ports;
        var constants = _constants;
        var asc = _asc;
        var fast = _fastP;
        var slow = _slowP;
        bool twoKernels = _slow is not null;
        for (int lag = from; lag < to; lag++)
        {
            var s = BeginStep(ring, start, end, sliceStart, lag);
            for (int i = start; i < end; i++)
            {
                ref readonly GlifConstants k = ref constants[i];
                double vOld = u[i];
                int own = ports[i];
                if (refractory[i] == 0.0)
                {
                    double[] currents = asc.Of(i);
                    double meanAsc = k.DecayAdaptation(ref thresholdSpike[i], currents);
                    double v = vOld * p33[i] + (current[i] + meanAsc) * p30[i];
                    double synaptic = 0.0;
                    for (int r = 0; r < own; r++)
                    {
                        v += fast.P31[r][i] * fast.Y1[r][i] + fast.P32[r][i] * fast.Y2[r][i];
                        synaptic += fast.Y2[r][i];
                    }
                    if (twoKernels)
                    {
                        double slowSynaptic = 0.0;
                        for (int r = 0; r < own; r++)
                        {
                            v += slow.P31[r][i] * slow.Y1[r][i] + slow.P32[r][i] * slow.Y2[r][i];
                            slowSynaptic += slow.Y2[r][i];
                        }
                        synaptic += slowSynaptic;
                    }
                    iSyn[i] = synaptic;
                    ascSum[i] = meanAsc;
                    double total = k.Threshold(ref thresholdVoltage[i], thresholdSpike[i], vOld, current[i], meanAsc);
                    if (v > total)
                    {
                        refractory[i] = k.RefractorySteps;
                        v = k.Fire(vOld, ref thresholdSpike[i], thresholdVoltage[i], currents, ref total);
                        spikes.Add(lag, IdOf(i));
                    }
                    u[i] = v;
                    threshold[i] = total;
                }
                else
                {
                    refractory[i]--;
                    u[i] = vOld;
                    threshold[i] = thresholdSpike[i] + thresholdVoltage[i] + k.ThInf;
                }
                for (int r = 0; r < own; r++)
                {
                    double arriving = s.Arriving(r, i);
                    Propagate(fast, r, i, arriving);
                    if (twoKernels) Propagate(slow, r, i, arriving);
                }
                current[i] = s.CurrentInput[i - start];
            }
            EndStep(s, thread);
        }
    }

    /// <summary>One kernel of port r of the node at <paramref name="i"/> over a step, then the weights arriving in it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Propagate(in KernelPropagators p, int r, int i, double arriving)
    {
        double[] y1 = p.Y1[r], y2 = p.Y2[r], p11 = p.P11[r];
        y2[i] = p.P21[r][i] * y1[i] + p11[i] * y2[i];
        y1[i] *= p11[i];
        y1[i] += p.Jump[r][i] * arriving;
    }
}
