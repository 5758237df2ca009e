namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_bw_2001_exact: the neuron of <see cref="IafBw2001"/> with the NMDA synapses of Brunel and Wang (2001) integrated
/// exactly, one pair of state variables per NMDA connection:
/// <code>
/// C_m dV/dt = -g_L (V - E_L) - I_AMPA - I_GABA - I_NMDA + I_stim
/// I_NMDA = (V - E_ex) / (1 + conc_Mg2 exp(-0.062 V) / 3.57) Σ_j w_j s_j
/// dx_j/dt = -x_j / tau_rise_NMDA  (+ 1 per spike of connection j),   ds_j/dt = -s_j / tau_decay_NMDA + alpha x_j (1 - s_j)
/// </code>
/// AMPA and GABA as in <see cref="IafBw2001"/> (receptors 1 and 2, weight · multiplicity added to s_AMPA, s_GABA).
/// Each NMDA connection (receptor 3, from any spike source) gets the node's next port, 3, 4, ..., as NEST's
/// handles_test_event numbers them (reported as the connection's receptor; <see cref="NeuronGroup.NumbersConnectionsOn"/>),
/// and so its own x_j, s_j and weight w_j: the weight of its first spike; a later spike with another weight fails the
/// simulation (KernelException, NEST's "requires constant weights"). NMDA connections to a node must be made before
/// its first run (IllegalConnection afterwards). The NMDA input is a precise input (<see cref="IPreciseSpikeReceiver"/>)
/// through which each spike arrives with its connection's port and weight; it adds its multiplicity to x_j of its
/// arrival step. The state vector (V_m, s_AMPA, s_GABA, x_1, s_1, x_2, s_2, ...) is integrated over each grid step with
/// GSL's adaptive RKF45 as NEST does (error control on the values, absolute tolerance gsl_error_tol; the inner step
/// size carrying over). After the step, in NEST's order: the currents and Σ_j w_j s_j of the last evaluation of the
/// dynamics (the state at the end of the step) are kept for recording; the step's spikes are added to s_AMPA, s_GABA
/// and the x_j; a refractory neuron counts down with V_m held at V_reset, else V_m &gt;= V_th is a spike (V_m = V_reset,
/// refractory for t_ref); the current input takes effect from the next step.
/// <para>Parameters as <see cref="IafBw2001"/>. State in the status: V_m (mV), s_AMPA, s_GABA (nS). Recordables: V_m,
/// s_AMPA, s_GABA, s_NMDA (Σ_j w_j s_j), I_NMDA, I_AMPA, I_GABA. Receptors: AMPA 1, GABA 2, NMDA 3; currents on 0.
/// Spike generators that serve their targets directly (poisson_generator, ...) cannot connect to NMDA here
/// (NotImplemented): their connections have no port of their own.</para>
/// <para>References: Wang X-J (1999) J Neurosci 19:9587-9603. Brunel N, Wang X-J (2001) J Comput Neurosci 11:63-85.
/// NEST model documentation, iaf_bw_2001_exact (NEST 3.10).</para>
/// </summary>
[NodeModelName("iaf_bw_2001_exact")]
internal sealed class IafBw2001Exact : NeuronGroup, IPreciseSpikeReceiver
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly BrunelWangMembrane Membrane = new(Declared);

    // recorded, not in the status (NEST's State_::get shows V_m, s_AMPA and s_GABA only)
    private static readonly Column SNmda = Declared.Internal("s_NMDA");
    private static readonly Column INmda = Declared.Internal("I_NMDA");
    private static readonly Column IAmpa = Declared.Internal("I_AMPA");
    private static readonly Column IGaba = Declared.Internal("I_GABA");

    /// <summary>NMDA spikes, counted; each comes with its connection's port and weight through <see cref="ReceivePrecise"/>.</summary>
    private static readonly InputChannel NmdaSpikes = Declared.Input("spikes_NMDA");

    static IafBw2001Exact()
    {
        Membrane.DeclareNmda(Declared, NmdaSpikes, SNmda, INmda, IAmpa, IGaba);
    }

    /// <summary>Positions in the integrated state vector: V_m, s_AMPA, s_GABA, then x_j, s_j per NMDA connection.</summary>
    private const int YV = 0, YAmpa = 1, YGaba = 2, YNmdaBase = 3;

    private struct Constants
    {
        public BrunelWangMembrane.Constants Membrane;
        public double TauRise, TauDecay, Alpha;
        public long RefractorySteps;
    }

    /// <summary>The right-hand side of one node: its constants, current input and NMDA weights.</summary>
    private struct Dynamics : IOdeSystem
    {
        public Constants C;
        public double IStim;
        public double[] Weights;
        public int Connections;

        /// <summary>Σ_j w_j s_j, summed in port order as NEST does.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double NmdaSum(ReadOnlySpan<double> y)
        {
            double sum = 0;
            for (int j = 0; j < Connections; j++) sum += y[YNmdaBase + 2 * j + 1] * Weights[j];
            return sum;
        }

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = y[YV];
            double iAmpa = C.Membrane.Ampa(v, y[YAmpa]);
            double iGaba = C.Membrane.Gaba(v, y[YGaba]);
            double iNmda = C.Membrane.Nmda(v, NmdaSum(y));
            f[YV] = C.Membrane.Dvdt(v, iAmpa + iGaba + iNmda, IStim);
            f[YAmpa] = -y[YAmpa] / C.Membrane.TauAmpa;
            f[YGaba] = -y[YGaba] / C.Membrane.TauGaba;
            for (int j = 0, i = YNmdaBase; j < Connections; j++, i += 2)
            {
                f[i + 1] = -y[i + 1] / C.TauDecay + C.Alpha * y[i] * (1 - y[i + 1]);
                f[i] = -y[i] / C.TauRise;
            }
        }
    }

    /// <summary>A spike of an NMDA connection on its way: its arrival step, the connection (port - 3) and its multiplicity.</summary>
    private readonly record struct Arrival(long Step, int Connection, int Count);

    /// <summary>The NMDA connections of one node from its first run on (NEST's extended state vector and buffers).</summary>
    private sealed class NmdaSynapses(int connections)
    {
        /// <summary>x_j, s_j per connection, as they follow V_m, s_AMPA, s_GABA in the state vector.</summary>
        public readonly double[] State = new double[2 * connections];

        /// <summary>w_j: the weight of connection j's first spike, 0 until then.</summary>
        public readonly double[] Weights = new double[connections];

        /// <summary>What arrives on each connection in the step being added (cleared after).</summary>
        public readonly double[] Incoming = new double[connections];

        public readonly List<Arrival> Pending = [];

        public int Connections => Weights.Length;

        public void Save(CheckpointWriter writer)
        {
            writer.Write(State);
            writer.Write(Weights);
            writer.Write(Pending.ConvertAll(a => a.Step).ToArray());
            writer.Write(Pending.ConvertAll(a => a.Connection).ToArray());
            writer.Write(Pending.ConvertAll(a => a.Count).ToArray());
        }

        public static NmdaSynapses Restore(CheckpointReader reader)
        {
            double[] state = reader.ReadDoubles(), weights = reader.ReadDoubles();
            long[] steps = reader.ReadLongs();
            int[] connections = reader.ReadInts(), counts = reader.ReadInts();
            if (state.Length != 2 * weights.Length || connections.Length != steps.Length || counts.Length != steps.Length)
                throw new InvalidDataException("iaf_bw_2001_exact: inconsistent NMDA state in the checkpoint");
            var synapses = new NmdaSynapses(weights.Length);
            state.CopyTo(synapses.State, 0);
            weights.CopyTo(synapses.Weights, 0);
            for (int i = 0; i < steps.Length; i++) synapses.Pending.Add(new Arrival(steps[i], connections[i], counts[i]));
            return synapses;
        }
    }

    private readonly PropagatorSets<Constants> _sets = new();

    /// <summary>Per node: the NMDA connections made to it (NEST's num_ports_ - 2), and those of the Connect call in progress.</summary>
    private readonly int[] _nmdaConnections, _stagedEpoch, _staged;

    private int _epoch;

    /// <summary>Per node: its NMDA connections' state from its first run on (null before).</summary>
    private readonly NmdaSynapses?[] _nmda;

    /// <summary>Whether the group's nodes have run (NEST's initialised buffers): NMDA connections to them are refused.</summary>
    private bool _initialized;

    /// <summary>Per node: the inner step size to try next (ms) and the current input of the step (pA), as <see cref="Rkf45NeuronGroup{TConstants, TSystem}"/> keeps them.</summary>
    private readonly double[] _innerStep, _current;

    /// <summary>Per virtual process: an integrator per number of NMDA connections, and a state vector of the largest size.</summary>
    private Rkf45Integrator?[][] _integrators = [];
    private double[][] _scratch = [];

    private double _resolution;

    public IafBw2001Exact(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _nmdaConnections = new int[count];
        _stagedEpoch = new int[count];
        _staged = new int[count];
        _nmda = new NmdaSynapses?[count];
        _innerStep = new double[count];
        _current = new double[count];
    }

    public override bool SupportsCheckpoint => true;

    public override bool ReportsReceptorTypesAsPorts => true;

    public override bool NumbersConnectionsOn(int receptor) => receptor == BrunelWangMembrane.Nmda;

    public override bool NumbersConnections => true;

    public override void BeginConnect() => _epoch++;

    /// <summary>NEST's handles_test_event for NMDA: the node's next port, unless the node has run.</summary>
    public override int StageConnectionPort(int position, int receptor)
    {
        if (_initialized)
            throw new IllegalConnectionException("NMDA connections to this model can only be made before the first call to nest.Simulate()");
        if (_stagedEpoch[position] != _epoch)
        {
            _stagedEpoch[position] = _epoch;
            _staged[position] = 0;
        }
        return BrunelWangMembrane.Nmda + _nmdaConnections[position] + _staged[position]++;
    }

    public override void CommitConnectionPort(int position, int port) =>
        _nmdaConnections[position] = Math.Max(_nmdaConnections[position], port - BrunelWangMembrane.Nmda + 1);

    /// <summary>Spike generators that serve their targets directly have no port of their own per connection.</summary>
    public override void CheckSpikeSource(NodeGroup source, int receptor)
    {
        if (receptor == BrunelWangMembrane.Nmda && source is ILocalGenerator)
        {
            throw new NestNotImplementedException(
                $"{Model.Name}: NMDA connections from {source.Model.Name} are not supported (its connections are not numbered per port); connect it through a parrot_neuron.");
        }
    }

    public bool UsesWeights => true;

    public bool ReadsConnectionPorts => true;

    public bool TakesPreciseSpikesOn(int channel)
    {
        int first = ChannelOf(NmdaSpikes);
        return channel >= first && channel < first + Count;
    }

    /// <summary>
    /// A spike of the NMDA connection with port <paramref name="receptor"/>: its multiplicity is added to the
    /// connection's x in step <paramref name="step"/>; its weight becomes the connection's (NEST's handle). Called by
    /// the thread owning the node.
    /// </summary>
    public void ReceivePrecise(int channel, long step, double offset, int multiplicity, double weight, long stamp, int receptor)
    {
        var synapses = _nmda[channel - ChannelOf(NmdaSpikes)]
            ?? throw new InvalidOperationException($"{Model.Name}: an NMDA spike reached a node before its first run");
        int j = receptor - BrunelWangMembrane.Nmda;
        if ((uint)j >= (uint)synapses.Connections)
            throw new InvalidOperationException($"{Model.Name}: an NMDA spike on port {receptor}, which the node does not have");
        if (synapses.Weights[j] == 0) synapses.Weights[j] = weight;
        else if (synapses.Weights[j] != weight) throw new KernelException($"{Model.Name} requires constant weights.");
        synapses.Pending.Add(new Arrival(step, j, multiplicity));
    }

    protected override void Validate(in StatusRow row) => Membrane.Validate(row);

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        _resolution = time.StepToMs(1);
        if (!_initialized)
        {
            // NEST's init_state_ and init_buffers_ at the first run: the state vector gains x_j, s_j = 0 per NMDA connection
            for (int i = 0; i < Count; i++)
            {
                _nmda[i] = new NmdaSynapses(_nmdaConnections[i]);
                _innerStep[i] = _resolution;
            }
            _initialized = true;
        }
        _sets.Build(Columns, Schema.ParameterColumns, Count, i => new Constants
        {
            Membrane = Membrane.ConstantsOf(Columns, i),
            TauRise = this[Membrane.TauRiseNmda][i],
            TauDecay = this[Membrane.TauDecayNmda][i],
            Alpha = this[Membrane.Alpha][i],
            RefractorySteps = time.MsToStepsCeil(this[Membrane.TRef][i]),
        });
        int most = 0;
        for (int i = 0; i < Count; i++) most = Math.Max(most, _nmda[i]!.Connections);
        if (_integrators.Length != context.VirtualProcesses || _integrators[0].Length != most + 1)
        {
            _integrators = new Rkf45Integrator?[context.VirtualProcesses][];
            _scratch = new double[context.VirtualProcesses][];
            for (int vp = 0; vp < _integrators.Length; vp++)
            {
                _integrators[vp] = new Rkf45Integrator?[most + 1];
                _scratch[vp] = new double[YNmdaBase + 2 * most];
            }
        }
        for (int i = 0; i < Count; i++)
        {
            int connections = _nmda[i]!.Connections;
            for (int vp = 0; vp < _integrators.Length; vp++)
                _integrators[vp][connections] ??= new Rkf45Integrator(YNmdaBase + 2 * connections);
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        int n = end - start, channels = ChannelsPerNode;
        var spikes = context.SpikesOfVp[thread];
        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            Span<double> input = context.Ring.Row(step, ChannelBase, channels * Count);
            for (int i = start; i < end; i++) StepNode(thread, i, step, lag, input, spikes, context.Time);
            for (int channel = 0; channel < channels; channel++) input.Slice(channel * Count + start, n).Clear();
            RecordSamples(thread, step);
        }
    }

    /// <summary>One grid step of node <paramref name="i"/>, in NEST's order.</summary>
    private void StepNode(int thread, int i, long step, int lag, ReadOnlySpan<double> input, SpikeBuffer spikes, TimeGrid time)
    {
        ref readonly Constants c = ref _sets.Select().Of(i);
        var synapses = _nmda[i]!;
        int connections = synapses.Connections;
        var y = _scratch[thread].AsSpan(0, YNmdaBase + 2 * connections);
        double[] vm = this[Membrane.Vm], sAmpa = this[Membrane.SAmpa], sGaba = this[Membrane.SGaba];
        y[YV] = vm[i];
        y[YAmpa] = sAmpa[i];
        y[YGaba] = sGaba[i];
        synapses.State.CopyTo(y[YNmdaBase..]);

        var system = new Dynamics { C = c, IStim = _current[i], Weights = synapses.Weights, Connections = connections };
        var integrator = _integrators[thread][connections]!;
        double h = _resolution, t = 0.0, innerStep = _innerStep[i];
        while (t < h) integrator.Evolve(ref system, c.Membrane.Control, ref t, h, ref innerStep, y);
        _innerStep[i] = innerStep;

        // the values of the last evaluation of the dynamics: at the state the step ends in
        double v = y[YV], sum = system.NmdaSum(y);
        this[IAmpa][i] = c.Membrane.Ampa(v, y[YAmpa]);
        this[IGaba][i] = c.Membrane.Gaba(v, y[YGaba]);
        this[SNmda][i] = sum;
        this[INmda][i] = c.Membrane.Nmda(v, sum);

        y[YAmpa] += input[Membrane.AmpaSpikes.Index * Count + i];
        y[YGaba] += input[Membrane.GabaSpikes.Index * Count + i];
        AddNmdaArrivals(synapses, step, y);

        if (BrunelWangMembrane.RefractoryOrThreshold(c.Membrane, c.RefractorySteps, ref this[Membrane.RefractorySteps][i], ref y[YV]))
            spikes.Add(lag, IdOf(i));
        _current[i] = input[Membrane.Currents.Index * Count + i];

        vm[i] = y[YV];
        sAmpa[i] = y[YAmpa];
        sGaba[i] = y[YGaba];
        y[YNmdaBase..].CopyTo(synapses.State);
    }

    /// <summary>Adds what arrived on each NMDA connection in <paramref name="step"/> to its x (NEST: the sum of its buffer's step).</summary>
    private static void AddNmdaArrivals(NmdaSynapses synapses, long step, Span<double> y)
    {
        var pending = synapses.Pending;
        if (pending.Count == 0) return;
        bool any = false;
        for (int k = pending.Count - 1; k >= 0; k--)
        {
            var arrival = pending[k];
            if (arrival.Step != step) continue;
            synapses.Incoming[arrival.Connection] += arrival.Count;
            pending[k] = pending[^1];
            pending.RemoveAt(pending.Count - 1);
            any = true;
        }
        if (!any) return;
        var incoming = synapses.Incoming;
        for (int j = 0; j < incoming.Length; j++)
        {
            if (incoming[j] == 0) continue;
            y[YNmdaBase + 2 * j] += incoming[j];
            incoming[j] = 0;
        }
    }

    /// <summary>Each node's inner step size, current input, NMDA connection count, and NMDA state once it has run.</summary>
    protected override void SaveModelState(CheckpointWriter writer)
    {
        WriteInIdOrder(writer, _innerStep);
        WriteInIdOrder(writer, _current);
        WriteInIdOrder(writer, _nmdaConnections);
        writer.Write(_initialized);
        WriteInIdOrder(writer, _nmda, synapses => synapses.Save(writer));
    }

    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context)
    {
        ReadInIdOrder(reader, _innerStep);
        ReadInIdOrder(reader, _current);
        ReadInIdOrder(reader, _nmdaConnections);
        _initialized = reader.ReadBool();
        ReadInIdOrder(reader, _nmda, NmdaSynapses.Restore);
    }
}
