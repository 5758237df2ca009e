namespace NestSharp.Models.Neurons;

/// <summary>
/// What the e-prop neurons of the bsshslm_2020 family share (eprop_iaf_bsshslm_2020, eprop_iaf_adapt_bsshslm_2020,
/// eprop_readout_bsshslm_2020; NEST's EpropArchivingNode with hist_shift_required) beyond every e-prop neuron's history
/// (shifted by the model's shift): the inter-spike intervals its incoming eprop_synapse_bsshslm_2020 keep
/// (<see cref="IsiLists"/>, in checkpoints after the histories) and the kernel's e-prop settings in steps as of the
/// last Prepare.
/// </summary>
internal abstract class EpropBsshslm2020ArchivingGroup<THistory, TEntry> : EpropArchivingGroup<THistory, TEntry>
    where THistory : EpropHistory<TEntry>
    where TEntry : struct, IEpropHistoryEntry
{
    /// <param name="model">The model.</param>
    /// <param name="firstId">The first node id.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's schema.</param>
    /// <param name="newHistory">A node's empty history.</param>
    /// <param name="save">Writes a history into a checkpoint.</param>
    /// <param name="restore">Reads what <paramref name="save"/> wrote.</param>
    protected EpropBsshslm2020ArchivingGroup(NodeModel model, int firstId, int count, NeuronSchema schema, Func<THistory> newHistory,
        Action<CheckpointWriter, THistory> save, Func<CheckpointReader, THistory> restore)
        : base(model, firstId, count, schema, newHistory, save, restore)
    {
        IsiLists = new EpropIsiLists(count);
    }

    /// <summary>The inter-spike intervals the incoming e-prop synapses of each node keep.</summary>
    public EpropIsiLists IsiLists { get; }

    /// <summary>eprop_update_interval of the last Prepare, in steps.</summary>
    public long UpdateIntervalSteps { get; private set; } = 1000;

    /// <summary>eprop_learning_window of the last Prepare, in steps.</summary>
    protected long LearningWindowSteps { get; private set; } = 1000;

    /// <summary>eprop_reset_neurons_on_update of the last Prepare.</summary>
    protected bool ResetOnUpdate { get; private set; } = true;

    /// <summary>A duration in steps as NEST's Time(ms).get_steps() gives it; infinite durations never end.</summary>
    protected static long Steps(TimeGrid time, double ms) =>
        double.IsPositiveInfinity(ms) || ms * time.TicsPerMs >= 4.0e18 ? long.MaxValue / 4 : time.MsToStepsCeil(ms);

    /// <summary>The family's part of Prepare: the histories (<see cref="EpropArchivingGroup{THistory, TEntry}.PrepareHistories"/>) and the kernel's e-prop settings.</summary>
    protected void PrepareArchives(SimulationContext context)
    {
        PrepareHistories(context);
        var time = context.Time;
        UpdateIntervalSteps = Steps(time, context.Eprop.UpdateInterval);
        LearningWindowSteps = Steps(time, context.Eprop.LearningWindow);
        ResetOnUpdate = context.Eprop.ResetNeuronsOnUpdate;
    }

    /// <summary>NEST's initialize_update_history: a new incoming synapse needs the first update (at the shift).</summary>
    public void InitializeUpdateHistory(int position) => ArchiveAt(position).InitializeUpdateHistory();

    /// <summary>The storage position of node <paramref name="nodeId"/> of this group.</summary>
    public int PositionOfNode(int nodeId) => PositionOf(nodeId - FirstId);

    /// <summary>Each node's history, then the intervals its synapses keep, in node-id order.</summary>
    protected override void SaveModelState(CheckpointWriter writer)
    {
        base.SaveModelState(writer);
        IsiLists.Save(writer, Enumerable.Range(0, Count).Select(PositionOf));
    }

    /// <summary>Reads what <see cref="SaveModelState"/> wrote (for the nodes the checkpoint restores).</summary>
    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context)
    {
        base.RestoreModelState(reader, context);
        IsiLists.Restore(reader, Enumerable.Range(0, Count).Select(PositionOf), Restores);
    }
}

/// <summary>
/// The pre-synaptic inter-spike intervals the incoming eprop_synapse_bsshslm_2020 synapses of each node keep until
/// their next update (NEST's presyn_isis_, one list per synapse): kept with the target node, so that they are touched
/// only by the thread that owns it and saved in checkpoints with it; a synapse holds the number of its list in the
/// node's lists (-1 before its first).
/// </summary>
internal sealed class EpropIsiLists(int count)
{
    private readonly List<List<long>>[] _lists = Enumerable.Range(0, count).Select(_ => new List<List<long>>()).ToArray();

    /// <summary>The list numbered <paramref name="slot"/> of node <paramref name="position"/>, made (and numbered) when <paramref name="slot"/> is negative.</summary>
    public List<long> Of(int position, ref double slot)
    {
        var lists = _lists[position];
        if (slot >= 0) return lists[(int)slot];
        lists.Add([]);
        slot = lists.Count - 1;
        return lists[^1];
    }

    /// <summary>Writes every node's lists in the group's node-id order (<paramref name="positions"/>).</summary>
    public void Save(CheckpointWriter writer, IEnumerable<int> positions)
    {
        foreach (int position in positions)
        {
            writer.Write(_lists[position].Count);
            foreach (var list in _lists[position]) writer.Write(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote; <paramref name="restores"/> says whether a node takes what is read.</summary>
    public void Restore(CheckpointReader reader, IEnumerable<int> positions, Func<int, bool> restores)
    {
        int local = 0;
        foreach (int position in positions)
        {
            var lists = new List<List<long>>();
            for (int n = reader.ReadInt(); n > 0; n--) lists.Add([.. reader.ReadLongs()]);
            if (restores(local++)) _lists[position] = lists;
        }
    }
}
