using NestSharp.Kernel.Communication;

namespace NestSharp.Kernel;

/// <summary>
/// A kind of secondary event (NEST's SecondaryEvent subclasses: InstantaneousRateConnectionEvent,
/// DelayedRateConnectionEvent, GapJunctionEvent, DiffusionConnectionEvent, SICEvent): a sender emits a value for each
/// step of the slice (or <see cref="ValuesPerStep"/> values, as the interpolation coefficients of gap junctions), which
/// reaches its targets through the connections of a synapse model that carries this kind
/// (<see cref="Connections.SecondarySynapseType.Carries"/>). An instance is a value declared once (a static field, see
/// <see cref="RateEvents"/>); the kernel compares kinds by reference.
/// </summary>
internal sealed class SecondaryEventType(string name, bool supportsWaveformRelaxation, Func<SimulationSettings, int>? valuesPerStep = null)
{
    /// <summary>The event's name in NEST's messages ("instantaneous rate", "delayed rate", "gap junction", ...).</summary>
    public string Name { get; } = name;

    /// <summary>
    /// NEST's SUPPORTS_WFR of the synapse models that carry it: the events are exchanged and delivered in every
    /// iteration of the waveform relaxation, into the slice being iterated; the others only at the end of a slice.
    /// </summary>
    public bool SupportsWaveformRelaxation { get; } = supportsWaveformRelaxation;

    private readonly Func<SimulationSettings, int> _valuesPerStep = valuesPerStep ?? (static _ => 1);

    /// <summary>How many values a sender emits per step (1; gap junctions: wfr_interpolation_order + 1).</summary>
    public int ValuesPerStep(SimulationSettings settings) => _valuesPerStep(settings);

    public override string ToString() => Name;
}

/// <summary>The kernel settings the shape of a secondary event may depend on.</summary>
internal readonly record struct SimulationSettings(int MinDelaySteps, long InterpolationOrder);

/// <summary>The secondary events of the rate models (NEST's InstantaneousRateConnectionEvent and DelayedRateConnectionEvent).</summary>
internal static class RateEvents
{
    /// <summary>A rate per step, used by the targets in the same slice (waveform relaxation) or, without it, in the next.</summary>
    public static readonly SecondaryEventType Instantaneous = new("instantaneous rate", supportsWaveformRelaxation: true);

    /// <summary>A rate per step, added into the target's input at the connection's delay.</summary>
    public static readonly SecondaryEventType Delayed = new("delayed rate", supportsWaveformRelaxation: false);
}

/// <summary>
/// The secondary event of e-prop plasticity (NEST's LearningSignalConnectionEvent): a readout neuron's error signal per
/// step of the slice, carried by eprop_learning_signal_connection(_bsshslm_2020) to recurrent neurons, which take it
/// through <see cref="ILearningSignalReceiver"/>. Exchanged and delivered at the end of each slice, before the
/// slice's spikes, as NEST delivers secondary events before spikes.
/// </summary>
internal static class EpropEvents
{
    /// <summary>The readouts' error signals, one value per step.</summary>
    public static readonly SecondaryEventType LearningSignal = new("learning signal", supportsWaveformRelaxation: false);
}

/// <summary>
/// A neuron group that takes e-prop learning signals (NEST's handle(LearningSignalConnectionEvent&amp;)): the
/// learning-signal connections call it per connection during delivery, on the thread that owns the target.
/// </summary>
internal interface ILearningSignalReceiver
{
    /// <summary>
    /// The values <paramref name="values"/> (one per step of the sending slice) of a connection of
    /// <paramref name="weight"/> reach the node at storage position <paramref name="position"/>;
    /// <paramref name="stamp"/> is NEST's stamp of the event (the first step of the sending slice plus one).
    /// </summary>
    void ReceiveLearningSignal(int position, long stamp, double weight, ReadOnlySpan<double> values);
}

/// <summary>
/// The values of one kind of secondary event in the current slice: a row of <see cref="ValuesPerSlice"/> doubles per
/// sending node (min_delay steps times the event's values per step). Rows are numbered by process, then node id (the
/// same numbering on every process), so the rows of this process are contiguous and one all-gather in rank order
/// gives every process every row. Senders write their rows of <see cref="Sent"/> during the update (each thread its
/// own nodes' rows); <see cref="Exchange"/> (serial) makes <see cref="Received"/>, which delivery reads. Two arrays, so
/// that a thread may write the next iteration's values while another still delivers the last ones.
/// </summary>
internal sealed class SecondaryEventBuffer
{
    private readonly int _localFirstRow, _localRows;
    private double[] _received;

    /// <param name="type">The kind of event.</param>
    /// <param name="rowOfNode">The row of each node id (-1: the node does not send it).</param>
    /// <param name="localFirstRow">The first row of this process.</param>
    /// <param name="localRows">The rows of this process.</param>
    /// <param name="rows">The rows of all processes.</param>
    /// <param name="valuesPerSlice">Values per row.</param>
    public SecondaryEventBuffer(SecondaryEventType type, int[] rowOfNode, int localFirstRow, int localRows, int rows, int valuesPerSlice)
    {
        Type = type;
        RowOfNode = rowOfNode;
        _localFirstRow = localFirstRow;
        _localRows = localRows;
        Rows = rows;
        ValuesPerSlice = valuesPerSlice;
        Sent = new double[(long)rows * valuesPerSlice];
        _received = new double[(long)rows * valuesPerSlice];
    }

    public SecondaryEventType Type { get; }

    /// <summary>The row of each node id, -1 for nodes that do not send this kind.</summary>
    public int[] RowOfNode { get; }

    public int Rows { get; }

    /// <summary>Values per row: the values of one sender in one slice.</summary>
    public int ValuesPerSlice { get; }

    /// <summary>What this process's senders wrote in the current update (rows of other processes unused).</summary>
    public double[] Sent { get; }

    /// <summary>Every sender's row after the last <see cref="Exchange"/>.</summary>
    public double[] Received => _received;

    /// <summary>The row of <paramref name="nodeId"/> to write (it must send this kind).</summary>
    public Span<double> RowToSend(int nodeId) => Sent.AsSpan(RowOfNode[nodeId] * ValuesPerSlice, ValuesPerSlice);

    /// <summary>Serially: every process's rows into <see cref="Received"/> (one collective call with several processes).</summary>
    public void Exchange(ICommunicator communicator)
    {
        var local = Sent.AsSpan(_localFirstRow * ValuesPerSlice, _localRows * ValuesPerSlice);
        if (communicator.Size == 1)
        {
            local.CopyTo(_received);
            return;
        }
        communicator.AllGather<double>(local, ref _received);
    }
}

/// <summary>
/// The secondary events of the kernel between Prepare and Cleanup (part of NEST's EventDeliveryManager and
/// ConnectionManager): one <see cref="SecondaryEventBuffer"/> per kind some synapse model carries, the rows numbered
/// over the nodes whose group sends that kind (<see cref="NodeGroup.SendsSecondary"/>).
/// </summary>
internal sealed class SecondaryEventTables
{
    private readonly List<SecondaryEventBuffer> _buffers = [];

    /// <summary>The input of events without delay (empty when there are no secondary connections).</summary>
    public SliceInput Instant { get; private set; } = new(0, 0);

    /// <summary>Gives <see cref="Instant"/> the shape of the ring's channels and min_delay rows, keeping its values.</summary>
    public void ShapeInstantInput(int channels, int steps)
    {
        if (Instant.Channels != channels || Instant.Steps != steps) Instant = Instant.Resized(channels, steps);
    }

    /// <summary>The kinds in use, with their buffers.</summary>
    public IReadOnlyList<SecondaryEventBuffer> Buffers => _buffers;

    /// <summary>The buffer of <paramref name="type"/>, or null when no synapse model carries it.</summary>
    public SecondaryEventBuffer? Of(SecondaryEventType type)
    {
        foreach (var buffer in _buffers) if (ReferenceEquals(buffer.Type, type)) return buffer;
        return null;
    }

    /// <summary>Builds the buffers of <paramref name="types"/> for the nodes of <paramref name="nodes"/> (at Prepare).</summary>
    public void Prepare(IEnumerable<SecondaryEventType> types, NodeManager nodes, VirtualProcessLayout layout, SimulationSettings settings)
    {
        _buffers.Clear();
        foreach (var type in types)
        {
            if (Of(type) is not null) continue;
            var rowOfNode = new int[nodes.NodeCount + 1];
            Array.Fill(rowOfNode, -1);
            // Rows by process, then by node id.
            var perRank = new List<int>[layout.Ranks];
            for (int r = 0; r < layout.Ranks; r++) perRank[r] = [];
            foreach (var group in nodes.Groups)
            {
                if (!group.SendsSecondary(type)) continue;
                for (int id = group.FirstId; id <= group.LastId; id++) perRank[layout.SlotOfNode(id) / layout.ThreadsPerRank].Add(id);
            }
            int row = 0, localFirst = 0, localRows = 0;
            for (int r = 0; r < layout.Ranks; r++)
            {
                if (r == layout.Rank) (localFirst, localRows) = (row, perRank[r].Count);
                foreach (int id in perRank[r]) rowOfNode[id] = row++;
            }
            int values = settings.MinDelaySteps * type.ValuesPerStep(settings);
            _buffers.Add(new SecondaryEventBuffer(type, rowOfNode, localFirst, localRows, row, values));
        }
    }

    /// <summary>Serially: exchanges the buffers (only the kinds delivered in waveform-relaxation iterations with <paramref name="iteration"/>).</summary>
    public void Exchange(ICommunicator communicator, bool iteration)
    {
        foreach (var buffer in _buffers)
            if (!iteration || buffer.Type.SupportsWaveformRelaxation) buffer.Exchange(communicator);
    }
}

/// <summary>
/// The input of events without delay (NEST's instant_rates_ buffers): one row of the ring's channels per step of a
/// slice, laid out <c>[lag][channel]</c> with the input ring's channel numbers. Delivery of such events adds into the
/// rows of the slice the values are for (the slice being iterated, or after a slice the next); the receiving model
/// reads its channels and clears them after each update of the slice (also after each iteration of the waveform
/// relaxation), so nothing carries over.
/// </summary>
internal sealed class SliceInput
{
    public SliceInput(int channels, int steps)
    {
        Channels = channels;
        Steps = steps;
        Data = new double[(long)channels * steps];
    }

    public double[] Data { get; }
    public int Channels { get; }

    /// <summary>Rows: min_delay.</summary>
    public int Steps { get; }

    /// <summary>The channels [start, start + length) of the row of step <paramref name="lag"/> of the slice.</summary>
    public Span<double> Row(int lag, int start, int length) => Data.AsSpan(lag * Channels + start, length);

    /// <summary>An input of the new shape holding what fits of this one's values (rows by lag, channels by number).</summary>
    public SliceInput Resized(int channels, int steps)
    {
        var input = new SliceInput(channels, steps);
        int keep = Math.Min(Channels, channels);
        for (int lag = 0; lag < Math.Min(Steps, steps); lag++) Row(lag, 0, keep).CopyTo(input.Row(lag, 0, keep));
        return input;
    }
}
