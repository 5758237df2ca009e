namespace NestSharp.Models.Neurons;

/// <summary>
/// What iaf_psc_alpha_multisynapse and iaf_psc_exp_multisynapse share: the membrane of <see cref="IafMembrane"/> with
/// a receptor port per element of the array parameter tau_syn, integrated exactly on the time grid. Per step h
/// (y = V - E_L):
/// <code>
/// y ← P20·(I_0 + I_e) + P22·y,   then each port r = 1 .. n adds its currents to y and propagates them (the model's StepPort)
/// not refractory: V_m ← max(y, V_min - E_L);   refractory: count down
/// y &gt;= V_th - E_L: spike, y = V_reset - E_L, refractory for t_ref (rounded up to whole steps)
/// </code>
/// then the current input of the step takes effect from the next step. P22 = exp(-h/tau_m); the model gives P20 (the
/// same value in exact arithmetic, computed in NEST's order for each model) and V_min (-∞ where it has none). The port
/// count can change only while the node has no spike connection; I_syn (computed) is the sum of the ports' I_syn_r.
/// </summary>
internal abstract class IafPscMultisynapseGroup : NeuronGroup
{
    private readonly IafMembrane _membrane;
    private readonly ArrayColumn _tauSyn;
    private readonly Column _currentInput, _refractory;
    private readonly PortColumn _iSyn;
    private readonly InputChannel _currents;

    // Per node: the membrane's propagators and thresholds (voltages relative to E_L).
    private double[] _p22 = [], _p20 = [], _theta = [], _vReset = [], _lowerBound = [], _ie = [];

    // The membrane potential of the step being summed, per node (each thread uses its own chunk).
    private double[] _membraneSum = [];
    private int[] _refractorySteps = [];

    /// <param name="model">The node model the group is an instance of.</param>
    /// <param name="firstId">The node id of the group's first node.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's declared parameters, state, inputs and recordables.</param>
    /// <param name="membrane">The membrane columns declared into <paramref name="schema"/>.</param>
    /// <param name="multisynapse">tau_syn, the current input of the step and the refractory steps declared into <paramref name="schema"/>.</param>
    /// <param name="iSyn">The ports' currents (recorded as I_syn_r).</param>
    protected IafPscMultisynapseGroup(NodeModel model, int firstId, int count, NeuronSchema schema, IafMembrane membrane,
        MultisynapseColumns multisynapse, PortColumn iSyn)
        : base(model, firstId, count, schema)
    {
        _membrane = membrane;
        _tauSyn = multisynapse.TauSyn;
        _currentInput = multisynapse.CurrentInput;
        _refractory = multisynapse.RefractorySteps;
        _iSyn = iSyn;
        _currents = multisynapse.Currents;
    }

    /// <summary>Declares the ports sized by tau_syn (n_synapses), current receptor 0 and the recordables V_m, I_syn, I_syn_r.</summary>
    protected static void DeclarePorts(NeuronSchema schema, IafMembrane membrane, MultisynapseColumns multisynapse, PortColumn iSyn)
    {
        schema.PortsSizedBy(multisynapse.TauSyn, "n_synapses");
        schema.CurrentReceptor(0, multisynapse.Currents);
        schema.Recordable(membrane.Vm);
        schema.ComputedRecordable("I_syn");
        schema.PortRecordable(iSyn, "I_syn_");
    }

    protected sealed override void Validate(in StatusRow row)
    {
        if (row.IsSet(_tauSyn))
        {
            var tauSyn = row.Array(_tauSyn);
            row.Require(tauSyn.Length == row.PreviousPorts || !row.HasConnections, _tauSyn,
                "the neuron has connections, therefore the number of ports cannot be changed");
            ValidateTimeConstants(row, tauSyn);
        }
        _membrane.Validate(row);
    }

    /// <summary>The model's own checks of a new tau_syn (after the port count's).</summary>
    protected virtual void ValidateTimeConstants(in StatusRow row, ReadOnlySpan<double> tauSyn) { }

    protected override double ReadComputedRecordable(int index, int position)
    {
        double sum = 0.0;
        for (int r = 1; r <= PortsAt(position) && r <= PortCount; r++) sum += PortState(_iSyn, r)[position];
        return sum;
    }

    /// <summary>P20, from the current input to the membrane, of tau_m, C_m and P22 = exp(-h/tau_m).</summary>
    protected abstract double CurrentPropagator(double tauM, double c, double p22);

    /// <summary>The lower bound of the membrane potential relative to E_L of the node at <paramref name="i"/>.</summary>
    protected virtual double LowerBoundOf(int i) => double.NegativeInfinity;

    /// <summary>Computes the ports' propagators of every node, after the membrane's (the ports are prepared).</summary>
    /// <param name="h">The resolution (ms).</param>
    protected abstract void PreparePortPropagators(double h);

    /// <summary>A zeroed array per port, of a value per node.</summary>
    protected double[][] PerPort()
    {
        var values = new double[PortCount][];
        for (int r = 0; r < values.Length; r++) values[r] = new double[Count];
        return values;
    }

    public override void Prepare(SimulationContext context)
    {
        PreparePorts();
        double h = context.Time.Resolution;
        _p22 = new double[Count];
        _p20 = new double[Count];
        _theta = new double[Count];
        _vReset = new double[Count];
        _lowerBound = new double[Count];
        _membraneSum = new double[Count];
        _ie = new double[Count];
        _refractorySteps = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            double tauM = this[_membrane.TauM][i], c = this[_membrane.Cm][i], el = this[_membrane.EL][i];
            _p22[i] = Math.Exp(-h / tauM);
            _p20[i] = CurrentPropagator(tauM, c, _p22[i]);
            _theta[i] = this[_membrane.VTh][i] - el;
            _vReset[i] = this[_membrane.VReset][i] - el;
            _lowerBound[i] = LowerBoundOf(i);
            _ie[i] = this[_membrane.Ie][i];
            _refractorySteps[i] = (int)context.Time.MsToStepsCeil(this[_membrane.TRef][i]);
        }
        PreparePortPropagators(h);
    }

    /// <summary>
    /// One port over the nodes [start, start + n) of a chunk: adds the port's currents to <paramref name="membrane"/>,
    /// then propagates them and takes in <paramref name="input"/>, the weights arriving on the port in the step.
    /// </summary>
    protected abstract void StepPort(int port, int start, int n, Span<double> membrane, ReadOnlySpan<double> input);

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        var ring = context.Ring;
        var spikes = context.SpikesOfVp[thread];
        double[] v = this[_membrane.Vm], i0 = this[_currentInput], refractory = this[_refractory];
        int n = end - start, ports = PortCount;
        Span<double> membrane = _membraneSum.AsSpan(start, n);
        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            for (int k = 0; k < n; k++)
            {
                int i = start + k;
                membrane[k] = _p20[i] * (i0[i] + _ie[i]) + _p22[i] * v[i];
            }
            // Port by port over the chunk: contiguous columns. A port beyond a node's own count has zero propagators,
            // currents and input, so it leaves that node unchanged; each node still sums its ports in receptor order.
            for (int r = 0; r < ports; r++)
            {
                Span<double> input = ring.Row(step, PortChannel(r + 1) + start, n);
                StepPort(r, start, n, membrane, input);
                input.Clear();
            }
            Span<double> curIn = ring.Row(step, ChannelOf(_currents) + start, n);
            for (int k = 0; k < n; k++)
            {
                int i = start + k;
                if (refractory[i] == 0) v[i] = membrane[k] < _lowerBound[i] ? _lowerBound[i] : membrane[k];
                else refractory[i]--;
                if (v[i] >= _theta[i])
                {
                    refractory[i] = _refractorySteps[i];
                    v[i] = _vReset[i];
                    spikes.Add(lag, IdOf(i));
                }
                i0[i] = curIn[k];
            }
            curIn.Clear();
            RecordSamples(thread, step);
        }
    }
}

/// <summary>
/// What every multisynapse iaf model declares after its membrane (and V_min, where it has one): the array parameter
/// tau_syn (ms, default [2], each strictly positive), which sizes the ports; the current input of the step (NEST's y0);
/// the remaining refractory steps; and the input of current connections ("currents", on receptor 0 by
/// <see cref="IafPscMultisynapseGroup.DeclarePorts"/>).
/// </summary>
internal sealed class MultisynapseColumns
{
    public readonly ArrayColumn TauSyn;
    public readonly Column CurrentInput, RefractorySteps;
    public readonly InputChannel Currents;

    /// <param name="schema">The model's schema.</param>
    public MultisynapseColumns(NeuronSchema schema)
    {
        TauSyn = schema.ArrayParameter("tau_syn", [2.0], "ms", Requirement.Positive("all synaptic time constants must be strictly positive"));
        CurrentInput = schema.Internal("current_input");
        RefractorySteps = schema.Internal("refractory_steps");
        Currents = schema.Input("currents");
    }
}
