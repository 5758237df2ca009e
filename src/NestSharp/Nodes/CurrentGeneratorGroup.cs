namespace NestSharp.Nodes;

/// <summary>
/// A current generator device: its connections and the current it sent last (NEST's recordable <c>I</c>).
/// </summary>
internal abstract class CurrentGeneratorNode : GeneratorNode
{
    protected static readonly string[] RecordableNames = ["I"];

    /// <summary>The current of the last step updated (0 while inactive): what a multimeter reads as I.</summary>
    public double Current;

    protected override void ResetRuntimeState()
    {
        base.ResetRuntimeState();
        Current = 0;
    }
}

/// <summary>
/// The skeleton NEST's current generators share: each step (t, t + h] a generator computes its current and, while
/// active, sends it to every target (scaled by the connection weight, after the connection delay). As in NEST, a
/// current generator tests activity two steps ahead (origin + start &lt; t + 2h &lt;= origin + stop), so that with the
/// minimal delay the current acts on the neuron from origin + start on. The current of each step (0 while inactive)
/// is recordable as I and is sampled at the step's end by the thread that owns the device (thread 0).
/// <para>Every thread advances its own copy of a generator's time-dependent state (all copies evolve identically) and
/// sends to the targets it owns, so no state is shared between threads.</para>
/// </summary>
internal abstract class CurrentGeneratorGroup<TNode>(NodeModel model, int firstId, int count, Func<TNode> make)
    : SampledGeneratorGroup<TNode>(model, firstId, count, make, RecordableNames) where TNode : CurrentGeneratorNode
{
    private static readonly string[] RecordableNames = ["I"];

    public override bool SendsCurrent => true;

    public override double ReadRecordable(int index, int position) => Nodes[position].Current;

    /// <summary>
    /// Advances device <paramref name="local"/> by step <paramref name="step"/> on <paramref name="thread"/> and sends
    /// its current to the thread's targets when <paramref name="active"/>; returns the current of the step (0 while inactive).
    /// </summary>
    protected abstract double Step(TNode node, int local, SimulationContext context, int thread, long step, bool active);

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var links = thread < Samplers.Length ? Samplers[thread] : [];
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            var (first, last) = node.ActiveSteps(context.Time);
            for (int lag = from; lag < to; lag++)
            {
                long step = sliceStart + lag;
                long tested = step + 2;
                double current = Step(node, local, context, thread, step, tested > first && tested <= last);
                if (links.Length == 0) continue;
                node.Current = current;
                TakeSamples(links, thread, step, local);
            }
        }
    }
}
