namespace NestSharp.Nodes;

/// <summary>
/// One step of a thread's chunk of nodes [<see cref="Start"/>, <see cref="End"/>): where it is in the slice and the
/// rows of the kernel's input ring the chunk receives in it.
/// </summary>
internal readonly ref struct ChunkStep(InputRing ring, int channelBase, int count, int start, int end, int lag, long step)
{
    private readonly InputRing _ring = ring;
    private readonly int _channelBase = channelBase, _count = count;

    /// <summary>The first storage position of the chunk.</summary>
    public int Start { get; } = start;

    /// <summary>One past the last storage position of the chunk.</summary>
    public int End { get; } = end;

    /// <summary>The step's index in the slice (a spike sent in it leaves at this lag).</summary>
    public int Lag { get; } = lag;

    /// <summary>The step's number on the time grid.</summary>
    public long Step { get; } = step;

    /// <summary>What the chunk's nodes receive on <paramref name="input"/> in this step, indexed by position - <see cref="Start"/>.</summary>
    public Span<double> Input(InputChannel input) => _ring.Row(Step, _channelBase + input.Index * _count + Start, End - Start);
}

/// <summary>
/// A model's update of one step of a chunk, as a struct, so that <see cref="NeuronGroup.AdvanceChunk{TStepper}(SimulationContext, int, long, int, int, TStepper)"/> is
/// compiled for each model and calls it without a virtual call.
/// </summary>
internal interface IChunkStepper
{
    /// <summary>Advances the nodes of the chunk by <paramref name="step"/>, reading the step's input rows.</summary>
    void Advance(in ChunkStep step);
}

internal abstract partial class NeuronGroup
{
    /// <summary>
    /// The update of a model integrated on the time grid: for each step of [<paramref name="from"/>, <paramref name="to"/>)
    /// of the slice, <paramref name="stepper"/> advances the thread's chunk of nodes; then the chunk's input rows of
    /// the step are cleared and the step's samples are taken.
    /// </summary>
    protected void AdvanceChunk<TStepper>(SimulationContext context, int thread, long sliceStart, int from, int to, TStepper stepper)
        where TStepper : struct, IChunkStepper =>
        AdvanceChunk(context, thread, sliceStart, from, to, stepper, ChannelsPerNode);

    /// <summary>
    /// As <see cref="AdvanceChunk{TStepper}(SimulationContext, int, long, int, int, TStepper)"/>, clearing only the
    /// node's first <paramref name="receivingChannels"/> input channels: a model whose later channels received nothing
    /// (a current input no generator sends into) leaves their rows alone, since they are still zero.
    /// </summary>
    protected void AdvanceChunk<TStepper>(SimulationContext context, int thread, long sliceStart, int from, int to, TStepper stepper,
        int receivingChannels)
        where TStepper : struct, IChunkStepper
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        var ring = context.Ring;
        int n = end - start;
        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            stepper.Advance(new ChunkStep(ring, ChannelBase, Count, start, end, lag, step));
            for (int channel = 0; channel < receivingChannels; channel++) ring.Row(step, ChannelBase + channel * Count + start, n).Clear();
            RecordSamples(thread, step);
        }
    }
}
