namespace NestSharp.Models.Neurons;

/// <summary>
/// What every e-prop neuron shares (both families; NEST's EpropArchivingNode): each node's e-prop history
/// (<typeparamref name="THistory"/>, made at its first Prepare), the in-degree of e-prop synapses counted again before
/// every run, the recordable eprop_history_duration, and the histories in checkpoints (none before a node's first run).
/// </summary>
internal abstract class EpropArchivingGroup<THistory, TEntry> : NeuronGroup, IEpropTarget
    where THistory : EpropHistory<TEntry>
    where TEntry : struct, IEpropHistoryEntry
{
    private readonly THistory?[] _histories;
    private readonly Func<THistory> _newHistory;
    private readonly Action<CheckpointWriter, THistory> _save;
    private readonly Func<CheckpointReader, THistory> _restore;

    /// <param name="model">The model.</param>
    /// <param name="firstId">The first node id.</param>
    /// <param name="count">The number of nodes.</param>
    /// <param name="schema">The model's schema.</param>
    /// <param name="newHistory">A node's empty history.</param>
    /// <param name="save">Writes a history into a checkpoint.</param>
    /// <param name="restore">Reads what <paramref name="save"/> wrote.</param>
    protected EpropArchivingGroup(NodeModel model, int firstId, int count, NeuronSchema schema, Func<THistory> newHistory,
        Action<CheckpointWriter, THistory> save, Func<CheckpointReader, THistory> restore)
        : base(model, firstId, count, schema)
    {
        _histories = new THistory?[count];
        _newHistory = newHistory;
        _save = save;
        _restore = restore;
    }

    /// <summary>The resolution h (ms) of the last Prepare.</summary>
    protected double Resolution { get; private set; } = 0.1;

    /// <summary>NEST's Time(ms).get_steps() of an interval the current family reads (eprop_isi_trace_cutoff,
    /// flush_event_send_interval), with infinity as the largest step count.</summary>
    protected static long StepsOf(TimeGrid time, double ms) =>
        ms * time.TicsPerMs >= long.MaxValue / 8.0 ? long.MaxValue : time.MsToStepsCeil(ms);

    /// <summary>Per node, from <see cref="PrepareMembrane"/> (the current family): the membrane propagator
    /// P_v_m = exp(-h/tau_m), the input propagator P_i_in = tau_m/C_m (1 - P_v_m), eprop_isi_trace_cutoff in steps.</summary>
    protected double[] PvM = [], PiIn = [];

    /// <inheritdoc cref="PvM"/>
    protected long[] CutoffSteps = [];

    /// <summary>Makes <see cref="PvM"/>, <see cref="PiIn"/> and <see cref="CutoffSteps"/> from the columns tau_m, C_m and eprop_isi_trace_cutoff.</summary>
    protected void PrepareMembrane(TimeGrid time, Column tauM, Column cm, Column cutoff)
    {
        if (PvM.Length != Count)
        {
            PvM = new double[Count];
            PiIn = new double[Count];
            CutoffSteps = new long[Count];
        }
        for (int i = 0; i < Count; i++)
        {
            double tau = this[tauM][i];
            PvM[i] = Math.Exp(-Resolution / tau);
            PiIn[i] = tau / this[cm][i] * (1.0 - PvM[i]);
            CutoffSteps[i] = StepsOf(time, this[cutoff][i]);
        }
    }

    /// <summary>
    /// The family's part of Prepare: every node's history (made at the first), with its e-prop in-degree set to 0 (the
    /// e-prop synapses count themselves in again after this, <see cref="SynapseType.PrepareRun"/>).
    /// </summary>
    protected void PrepareHistories(SimulationContext context)
    {
        Resolution = context.Time.Resolution;
        for (int i = 0; i < Count; i++) (_histories[i] ??= _newHistory()).Indegree = 0;
    }

    /// <summary>The e-prop history of the node at storage position <paramref name="position"/> (after a Prepare).</summary>
    public THistory ArchiveAt(int position) => _histories[position]!;

    /// <summary>NEST's register_eprop_connection (counted again before every run).</summary>
    public void RegisterEpropConnection(int position) => _histories[position]!.RegisterConnection();

    /// <summary>The e-prop history's length in ms (the recordable eprop_history_duration, the models' only computed one).</summary>
    protected override double ReadComputedRecordable(int index, int position) => _histories[position]?.Duration(Resolution) ?? 0.0;

    /// <summary>The columns and each node's history; the propagators are made again by the next Prepare.</summary>
    public override bool SupportsCheckpoint => true;

    /// <summary>Each node's history (none before its first run), in node-id order; a family keeping more saves it after this.</summary>
    protected override void SaveModelState(CheckpointWriter writer) => WriteInIdOrder(writer, _histories, h => _save(writer, h));

    /// <summary>Reads what <see cref="SaveModelState"/> wrote (for the nodes the checkpoint restores).</summary>
    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context) => ReadInIdOrder(reader, _histories, _restore);
}

/// <summary>The schema every e-prop neuron starts from: NEST's plain node (no spike archive) with the computed recordable eprop_history_duration.</summary>
internal static class EpropNeuronSchema
{
    /// <summary>A new e-prop neuron's schema (with the ignore_and_spike keys for the recurrent neurons).</summary>
    public static NeuronSchema Declare(bool ignoreAndSpike = false)
    {
        var schema = NeuronSchema.ForPlainNode(ignoreAndSpike);
        schema.ComputedRecordable("eprop_history_duration");
        return schema;
    }
}
