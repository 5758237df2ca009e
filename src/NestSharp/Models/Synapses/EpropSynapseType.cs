namespace NestSharp.Models.Synapses;

/// <summary>
/// What the two e-prop synapses (eprop_synapse and eprop_synapse_bsshslm_2020) declare alike, as NEST's: the sources
/// send spike events, the delay is one step, flush events arrive, the weight optimizer is the model's common
/// <c>optimizer</c> dictionary with a per-synapse status ({"m", "v"} of Adam), the blocks and targets are found before
/// each run, and everything a synapse carries is in its columns, the model's optimizer dictionary and its target's
/// e-prop history (checkpoints).
/// </summary>
/// <param name="name">The model's name.</param>
/// <param name="optimizer">The optimizer's columns the model declared.</param>
internal abstract class EpropSynapseType(string name, WeightOptimizerColumns optimizer) : SynapseType(name)
{
    private readonly NestedConnectionStatus _optimizerStatus = optimizer.NestedStatus();

    /// <summary>The target of every synapse, found before each run.</summary>
    protected SynapseTargets Targets { get; } = new();

    public override bool SupportsCheckpoint => true;

    public override bool SupportsFlushEvents => true;

    public override ICommonDictionaryProperty? DefaultCommonDictionary => new WeightOptimizerSettings();

    /// <summary>NEST's per-synapse optimizer status: {"m", "v"} of Adam (read and set per connection), {} for gradient descent.</summary>
    public override NestedConnectionStatus? NestedStatus => _optimizerStatus;

    public override bool NeedsBlocksAtPrepare => true;

    /// <summary>NEST: the sources send spike events (neurons and parrots).</summary>
    public override void CheckSource(NodeGroup source) => RequireSpikeEventSource(source, Name);

    /// <summary>NEST's check_connection: e-prop synapses need a delay of one step.</summary>
    public override void OnCreated(SynapseBlock block, int index, bool statusSet, SynapseModel model)
    {
        if (block.DelayAt(index) != 1) throw new IllegalConnectionException("eprop synapses currently require a delay of one simulation step");
    }
}
