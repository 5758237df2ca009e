namespace NestSharp.Models.Neurons;

/// <summary>
/// One grid step of a thread's chunk of a <see cref="PortNeuronGroup"/>: where it is in the slice, the weights that
/// arrived on each receptor port for it and what arrived on the current receptor.
/// </summary>
internal readonly ref struct PortStep
{
    private readonly InputRing _ring;
    private readonly double[] _data;
    private readonly int[] _portChannel;
    private readonly int _row;

    /// <param name="ring">The kernel's input ring.</param>
    /// <param name="portChannel">Per port (index r - 1): the ring channel of storage position 0.</param>
    /// <param name="currentChannel">The ring channel of storage position 0 on the current receptor.</param>
    /// <param name="start">The first storage position of the chunk.</param>
    /// <param name="end">One past the last storage position of the chunk.</param>
    /// <param name="lag">The step's index in the slice.</param>
    /// <param name="step">The step's number on the time grid.</param>
    public PortStep(InputRing ring, int[] portChannel, int currentChannel, int start, int end, int lag, long step)
    {
        _ring = ring;
        _data = ring.Data;
        _portChannel = portChannel;
        _row = ring.SlotOf(step) * ring.Channels;
        Start = start;
        End = end;
        Lag = lag;
        Step = step;
        CurrentInput = ring.Row(step, currentChannel + start, end - start);
    }

    /// <summary>The first storage position of the chunk.</summary>
    public int Start { get; }

    /// <summary>One past the last storage position of the chunk.</summary>
    public int End { get; }

    /// <summary>The step's index in the slice (a spike sent in it leaves at this lag).</summary>
    public int Lag { get; }

    /// <summary>The step's number on the time grid.</summary>
    public long Step { get; }

    /// <summary>What the chunk's nodes receive on the current receptor in this step, indexed by position - <see cref="Start"/>.</summary>
    public Span<double> CurrentInput { get; }

    /// <summary>The weights that arrived on port <paramref name="port"/> + 1 of the node at <paramref name="position"/> for this step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Arriving(int port, int position) => _data[_row + _portChannel[port] + position];

    /// <summary>Clears the chunk's rows of the step: the current receptor's and every port's.</summary>
    public void Clear()
    {
        CurrentInput.Clear();
        int n = End - Start;
        for (int r = 0; r < _portChannel.Length; r++) _ring.Row(Step, _portChannel[r] + Start, n).Clear();
    }
}

/// <summary>
/// Base of the neuron models updated on the time grid with any number of receptor ports (one spike input block each,
/// sized by a parameter array) and a current receptor: it keeps the ring channels of the ports for a run and gives a
/// model's update loop the rows of each step (<see cref="BeginStep"/>, <see cref="EndStep"/>):
/// <code>
/// for each step of the slice:  s ← BeginStep;  the model advances the chunk's nodes, reading s;  EndStep(s)
/// </code>
/// EndStep clears the chunk's port and current rows of the step and lets the multimeters sample.
/// </summary>
internal abstract class PortNeuronGroup : NeuronGroup
{
    private readonly InputChannel _currents;

    /// <summary>Per port (index r - 1): the ring channel of storage position 0, as of the run.</summary>
    private int[] _portChannel = [];

    /// <param name="model">The node model the group is an instance of.</param>
    /// <param name="firstId">The node id of the group's first node.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's schema, with its ports declared.</param>
    /// <param name="currents">The input of current connections.</param>
    protected PortNeuronGroup(NodeModel model, int firstId, int count, NeuronSchema schema, InputChannel currents)
        : base(model, firstId, count, schema)
    {
        _currents = currents;
    }

    /// <summary>Before a run: the port variables (<see cref="NeuronGroup.PreparePorts"/>) and the ring channels of the ports.</summary>
    protected void PreparePortInputs()
    {
        PreparePorts();
        _portChannel = new int[PortCount];
        for (int r = 0; r < _portChannel.Length; r++) _portChannel[r] = PortChannel(r + 1);
    }

    /// <summary>The rows of step <paramref name="lag"/> of the slice for the chunk [<paramref name="start"/>, <paramref name="end"/>).</summary>
    protected PortStep BeginStep(InputRing ring, int start, int end, long sliceStart, int lag) =>
        new(ring, _portChannel, ChannelOf(_currents), start, end, lag, sliceStart + lag);

    /// <summary>After the chunk's nodes have advanced by <paramref name="step"/>: clears its rows, then the multimeters sample.</summary>
    protected void EndStep(in PortStep step, int thread)
    {
        step.Clear();
        RecordSamples(thread, step.Step);
    }
}
