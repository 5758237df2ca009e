namespace NestSharp.Models.Neurons;

/// <summary>
/// What a <see cref="ConductancePortGroup"/> keeps per node besides the model's own columns, declared into its schema
/// in this order: the inner step size (hidden), the number of ports the state had in the node's last run (hidden, for
/// a model that sizes its port state only before a run, as NEST does), and the port variables dg (for kernels of two
/// components) and g, shown read-only.
/// </summary>
internal sealed class ConductancePortColumns
{
    /// <summary>NEST's IntegrationStep_: the inner step size to try next (ms), 0 until the node's first run.</summary>
    public readonly Column InnerStep;

    /// <summary>The ports the state had in the node's last run (1 before the first), or none when the status follows the parameters.</summary>
    public readonly Column? PortsInLastRun;

    /// <summary>Per port: the conductance's input dg (nS/ms), or none when each port is a single exponential g.</summary>
    public readonly PortColumn? Dg;

    /// <summary>Per port: the conductance g (nS).</summary>
    public readonly PortColumn G;

    /// <param name="schema">The model's schema.</param>
    /// <param name="rise">Whether each port has dg besides g (alpha and beta kernels).</param>
    /// <param name="sizedBeforeRun">Whether the status shows as many ports as the state had in the node's last run.</param>
    public ConductancePortColumns(NeuronSchema schema, bool rise, bool sizedBeforeRun)
    {
        InnerStep = schema.Internal("inner_step");
        if (sizedBeforeRun) PortsInLastRun = schema.Internal("ports_in_last_run", 1.0);
        if (rise) Dg = schema.PortVariable("dg", "dg");
        G = schema.PortVariable("g", "g");
    }
}

/// <summary>
/// What a model integrated by <see cref="ConductancePortGroup"/> does around the integration of one node over one grid
/// step. Implemented by a struct, so that its calls are resolved at compile time; implementations mark their methods
/// for inlining into the update loop.
/// </summary>
/// <typeparam name="TSystem">The model's ODE system.</typeparam>
internal interface IPortBookkeeping<TSystem> where TSystem : struct, IOdeSystem
{
    /// <summary>
    /// Before the step of node <paramref name="node"/>, whose state vector <paramref name="y"/> has its ports in place:
    /// sets the model's own components of <paramref name="y"/> and what the node's system reads (its inputs of the
    /// step), and returns that system and its error control.
    /// </summary>
    ref TSystem Begin(int node, Span<double> y, out ErrorControl control);

    /// <summary>
    /// After the grid step is covered: the model's own bookkeeping, storing its components of <paramref name="y"/>,
    /// the ports with the weights that arrived (<see cref="ConductancePortGroup.PortIntegration.Store"/>, in the model's
    /// order) and the current input of the step.
    /// </summary>
    void End(int node, Span<double> y, in PortStep step, ConductancePortGroup.PortIntegration ports);
}

/// <summary>
/// The bookkeeping of a model integrated by <see cref="ConductancePortGroup"/> that also acts around each inner step of
/// the integration (the aeif models: spike, reset and refractoriness within the step).
/// </summary>
/// <typeparam name="TSystem">The model's ODE system.</typeparam>
internal interface IPortInnerStepBookkeeping<TSystem> : IPortBookkeeping<TSystem> where TSystem : struct, IOdeSystem
{
    /// <summary>Before each inner step: sets what the system reads of the node's discrete state.</summary>
    void BeforeInnerStep(int node, ref TSystem system);

    /// <summary>After each accepted inner step: the model's checks and events within the step, on <paramref name="y"/>.</summary>
    void AfterInnerStep(int node, ref TSystem system, Span<double> y, in PortStep step);
}

/// <summary>
/// Base of the conductance-based models with any number of receptor ports whose conductances are integrated together
/// with the membrane over each step h by adaptive Runge-Kutta-Fehlberg 4(5) steps (<see cref="Rkf45Integrator"/>), the
/// inner step size carrying over from step to step: the state vector of a node is the model's own components, then per
/// port r (from 1) dg_r, g_r (or g_r alone). As the dimension is per node, the group keeps one integrator and one state
/// buffer per (virtual process, number of ports). For every step of the slice and every node of the thread's chunk,
/// <see cref="IntegratePortsWithInnerSteps"/> does, with the model's bookkeeping B (<see cref="IntegratePorts"/> for a
/// bookkeeping that does nothing between the inner steps):
/// <code>
/// y ← the node's ports (<see cref="PortIntegration.Load"/>);   system ← B.Begin (the model's components of y, inputs)
/// t ← 0;   while t &lt; h:  B.BeforeInnerStep;  one accepted inner step from t towards h;  B.AfterInnerStep
/// B.End (the model's bookkeeping, its components, the ports with the weights of the step, the current input)
/// </code>
/// and then clears the chunk's rows of the step and lets the multimeters sample.
/// </summary>
internal abstract class ConductancePortGroup : PortNeuronGroup
{
    private readonly ConductancePortColumns _columns;

    /// <summary>Position of port 1's first component in the state vector.</summary>
    private readonly int _firstPort;

    /// <summary>Per port (index r - 1): the dg (empty without) and g values of every node.</summary>
    private double[][] _dg = [], _g = [];

    /// <summary>Per node: its number of ports in the run.</summary>
    private int[] _ports = [];

    /// <summary>Per virtual process: an integrator per number of ports of the group's nodes (null for numbers none has), and a state vector.</summary>
    private Rkf45Integrator?[][] _integrators = [];
    private double[][] _y = [];

    /// <param name="model">The node model the group is an instance of.</param>
    /// <param name="firstId">The node id of the group's first node.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's schema, with its ports and <paramref name="columns"/> declared.</param>
    /// <param name="currents">The input of current connections.</param>
    /// <param name="columns">The port state and inner step declared into <paramref name="schema"/>.</param>
    /// <param name="firstPort">The number of the model's own components, before the ports', in the state vector.</param>
    protected ConductancePortGroup(NodeModel model, int firstId, int count, NeuronSchema schema, InputChannel currents,
        ConductancePortColumns columns, int firstPort)
        : base(model, firstId, count, schema, currents)
    {
        _columns = columns;
        _firstPort = firstPort;
    }

    /// <summary>Every state of the model is in its columns and port variables (inner step, dg, g) or the model's own.</summary>
    public override bool SupportsCheckpoint => true;

    protected override int PortsInState(int position) =>
        _columns.PortsInLastRun is { } c ? (int)this[c][position] : base.PortsInState(position);

    /// <summary>The grid step h (ms) of the run.</summary>
    protected double Resolution { get; private set; }

    /// <summary>The dimension of the state vector of a node with <paramref name="ports"/> ports.</summary>
    private int DimensionOf(int ports) => _firstPort + (_columns.Dg is null ? 1 : 2) * ports;

    /// <summary>
    /// Before a run, after <see cref="PortNeuronGroup.PreparePortInputs"/> and the model's constants: the port state of
    /// every node, the inner step size of the nodes that have not run (<paramref name="h"/>), the ports of the run, and
    /// the integrators and buffers of every virtual process.
    /// </summary>
    protected void PrepareIntegration(SimulationContext context, double h)
    {
        Resolution = h;
        int ports = PortCount, maxPorts = 0;
        _dg = new double[_columns.Dg is null ? 0 : ports][];
        _g = new double[ports][];
        for (int r = 0; r < ports; r++)
        {
            if (_columns.Dg is { } dg) _dg[r] = PortState(dg, r + 1);
            _g[r] = PortState(_columns.G, r + 1);
        }
        double[] innerStep = this[_columns.InnerStep];
        double[]? portsInLastRun = _columns.PortsInLastRun is { } c ? this[c] : null;
        _ports = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            int own = PortsAt(i);
            _ports[i] = own;
            maxPorts = Math.Max(maxPorts, own);
            if (portsInLastRun is not null) portsInLastRun[i] = own;
            if (innerStep[i] == 0.0) innerStep[i] = h;
        }
        _integrators = new Rkf45Integrator?[context.VirtualProcesses][];
        _y = new double[context.VirtualProcesses][];
        for (int vp = 0; vp < _integrators.Length; vp++)
        {
            _integrators[vp] = new Rkf45Integrator?[maxPorts + 1];
            _y[vp] = new double[DimensionOf(maxPorts)];
        }
        for (int i = 0; i < Count; i++)
        {
            int own = _ports[i];
            for (int vp = 0; vp < _integrators.Length; vp++) _integrators[vp][own] ??= new Rkf45Integrator(DimensionOf(own));
        }
    }

    /// <summary>
    /// Integrates this thread's nodes over steps [from, to) of the slice (see the class summary) with a bookkeeping that
    /// does nothing between the inner steps.
    /// </summary>
    protected void IntegratePorts<TBookkeeping, TSystem>(TBookkeeping bookkeeping, SimulationContext context, int thread, long sliceStart, int from, int to)
        where TBookkeeping : struct, IPortBookkeeping<TSystem>
        where TSystem : struct, IOdeSystem =>
        IntegratePortsWithInnerSteps<WithoutInnerSteps<TBookkeeping, TSystem>, TSystem>(new(bookkeeping), context, thread, sliceStart, from, to);

    /// <summary>Integrates this thread's nodes over steps [from, to) of the slice (see the class summary).</summary>
    protected void IntegratePortsWithInnerSteps<TBookkeeping, TSystem>(TBookkeeping bookkeeping, SimulationContext context, int thread, long sliceStart, int from, int to)
        where TBookkeeping : struct, IPortInnerStepBookkeeping<TSystem>
        where TSystem : struct, IOdeSystem
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        var ring = context.Ring;
        var ports = new PortIntegration(_integrators[thread], _y[thread], _dg, _g, _firstPort, _columns.Dg is not null);
        double[] innerSteps = this[_columns.InnerStep];
        int[] portsOfNode = _ports;
        double h = Resolution;
        for (int lag = from; lag < to; lag++)
        {
            var s = BeginStep(ring, start, end, sliceStart, lag);
            for (int i = start; i < end; i++)
            {
                int own = portsOfNode[i];
                Span<double> y = ports.Load(i, own);
                ref TSystem system = ref bookkeeping.Begin(i, y, out var control);
                var integrator = ports.Of(own);
                double t = 0.0, innerStep = innerSteps[i];
                while (t < h)
                {
                    bookkeeping.BeforeInnerStep(i, ref system);
                    integrator.Evolve(ref system, control, ref t, h, ref innerStep, y);
                    bookkeeping.AfterInnerStep(i, ref system, y, s);
                }
                innerSteps[i] = innerStep;
                bookkeeping.End(i, y, s, ports);
            }
            EndStep(s, thread);
        }
    }

    /// <summary>
    /// The derivatives of the ports' alpha or beta kernels, at <paramref name="first"/> + 2k (dg) and + 1 (g) for port
    /// k + 1: dg decays with <paramref name="tauOfDg"/>[k] and drives g, which decays with <paramref name="tauOfG"/>[k]
    /// (<see cref="SynapticKernel.Derivatives(ReadOnlySpan{double}, Span{double}, int, int, double, double)"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static void KernelDerivatives(ReadOnlySpan<double> y, Span<double> f, int first, double[] tauOfDg, double[] tauOfG)
    {
        for (int k = 0; k < tauOfDg.Length; k++)
        {
            int dg = first + 2 * k;
            SynapticKernel.Derivatives(y, f, dg, dg + 1, tauOfDg[k], tauOfG[k]);
        }
    }

    /// <summary>A bookkeeping that does nothing between the inner steps, as one that may.</summary>
    private struct WithoutInnerSteps<TBookkeeping, TSystem>(TBookkeeping bookkeeping) : IPortInnerStepBookkeeping<TSystem>
        where TBookkeeping : struct, IPortBookkeeping<TSystem>
        where TSystem : struct, IOdeSystem
    {
        private TBookkeeping _bookkeeping = bookkeeping;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ref TSystem Begin(int node, Span<double> y, out ErrorControl control) => ref _bookkeeping.Begin(node, y, out control);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void BeforeInnerStep(int node, ref TSystem system) { }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void AfterInnerStep(int node, ref TSystem system, Span<double> y, in PortStep step) { }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, Span<double> y, in PortStep step, PortIntegration ports) => _bookkeeping.End(node, y, step, ports);
    }

    /// <summary>A thread's integrators and state buffer, and the port state of the group's nodes, for the update loop.</summary>
    internal readonly struct PortIntegration
    {
        private readonly Rkf45Integrator?[] _integrators;
        private readonly double[] _buffer;
        private readonly double[][] _dg, _g;
        private readonly int _first;
        private readonly bool _rise;

        internal PortIntegration(Rkf45Integrator?[] integrators, double[] buffer, double[][] dg, double[][] g, int first, bool rise)
        {
            _integrators = integrators;
            _buffer = buffer;
            _dg = dg;
            _g = g;
            _first = first;
            _rise = rise;
        }

        /// <summary>The integrator of a node with <paramref name="ports"/> ports.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Rkf45Integrator Of(int ports) => _integrators[ports]!;

        /// <summary>
        /// The state vector of the node at <paramref name="position"/>, which has <paramref name="ports"/> ports, with
        /// the ports' state in place; the model sets its own components.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Span<double> Load(int position, int ports)
        {
            int first = _first;
            double[][] gs = _g;
            if (!_rise)
            {
                Span<double> y1 = _buffer.AsSpan(0, first + ports);
                for (int r = 0; r < ports; r++) y1[first + r] = gs[r][position];
                return y1;
            }
            double[][] dgs = _dg;
            Span<double> y = _buffer.AsSpan(0, first + 2 * ports);
            for (int k = 0; k < ports; k++)
            {
                y[first + 2 * k] = dgs[k][position];
                y[first + 2 * k + 1] = gs[k][position];
            }
            return y;
        }

        /// <summary>
        /// Stores the ports' components of <paramref name="y"/> as the port state of the node at
        /// <paramref name="position"/>, port by port, adding the weights that arrived on each in <paramref name="step"/>
        /// (to dg times <paramref name="jump"/> of the port, or to g when the ports have no dg). With
        /// <paramref name="nonNegative"/>, it stops before a port whose weights sum to a negative value and returns that
        /// port's index (r - 1); otherwise it returns -1.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Store(int position, ReadOnlySpan<double> y, in PortStep step, double[]? jump, int ports, bool nonNegative)
        {
            int first = _first;
            double[][] gs = _g;
            if (!_rise)
            {
                for (int r = 0; r < ports; r++)
                {
                    double weight = step.Arriving(r, position);
                    if (nonNegative && weight < 0.0) return r;
                    gs[r][position] = y[first + r] + weight;
                }
                return -1;
            }
            double[][] dgs = _dg;
            for (int k = 0; k < ports; k++)
            {
                double weight = step.Arriving(k, position);
                if (nonNegative && weight < 0.0) return k;
                dgs[k][position] = y[first + 2 * k] + weight * jump![k];
                gs[k][position] = y[first + 2 * k + 1];
            }
            return -1;
        }
    }
}
