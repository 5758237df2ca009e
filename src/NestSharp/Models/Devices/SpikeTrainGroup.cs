namespace NestSharp.Models.Devices;

/// <summary>
/// What spike_generator and spike_train_injector share: a list of spike times (ms, relative to origin) turned into
/// steps when set, each spike leaving at the end of its step (t - h, t] if origin + start &lt; t &lt;= origin + stop and
/// t lies after the current time, with an optional multiplicity (and, for spike_generator, weight factor) per spike.
/// With precise_times each spike also carries its offset before the end of its step (NEST's precise spike times).
/// The devices run on thread 0 and emit into its spike buffer.
/// </summary>
internal abstract class SpikeTrainGroup<TNode>(NodeModel model, int firstId, int count, Func<TNode> make)
    : DeviceGroup<TNode>(model, firstId, count, make) where TNode : SpikeTrainNode
{
    public override bool EmitsSpikes => true;

    /// <summary>Emits the spikes due in [from, to) of the slice into thread 0's spike buffer (devices run on thread 0).</summary>
    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        if (thread != 0) return;
        var spikes = context.SpikesOfVp[0];
        var grid = context.Time;
        long first = sliceStart + from, last = sliceStart + to;
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            long originStep = grid.MsToTics(node.Origin) / grid.TicsPerStep;
            var (activeAfter, activeUpTo) = node.ActiveSteps(grid);
            while (node.Position < node.SpikeStamps.Length)
            {
                long stamp = originStep + node.SpikeStamps[node.Position];
                if (stamp <= first) { node.Position++; continue; }
                if (stamp > last) break;
                if (stamp > activeAfter && stamp <= activeUpTo)
                {
                    int multiplicity = node.SpikeMultiplicities.Length > 0 ? (int)node.SpikeMultiplicities[node.Position] : 1;
                    double factor = node.SpikeWeights.Length > 0 ? node.SpikeWeights[node.Position] : 1.0;
                    int lag = (int)(stamp - sliceStart - 1);
                    double offset = node.PreciseTimes ? node.SpikeOffsets[node.Position] : 0.0;
                    spikes.Add(lag, FirstId + local, multiplicity, factor, offset);
                }
                node.Position++;
            }
        }
    }
}

/// <summary>
/// One spike train device: the times as given and as the grid holds them, the options that place them on the grid
/// (allow_offgrid_times, shift_now_spikes, precise_times) and NEST's checks of them. A model declares its keys with
/// <see cref="SpikeTimesKey"/> and <see cref="OptionKeys"/> and checks them with <see cref="ValidateTimes"/> and
/// <see cref="ValidateMultiplicities"/>.
/// </summary>
internal abstract class SpikeTrainNode : DeviceNode
{
    /// <summary>The spike times as given (ms, relative to origin).</summary>
    public double[] SpikeTimes = [];

    /// <summary>The spike times as the grid holds them (ms, relative to origin): the end of each spike's step.</summary>
    public double[] SpikeTimesOnGrid = [];

    /// <summary>A factor of the connection weight per spike (empty: 1 for every spike).</summary>
    public double[] SpikeWeights = [];

    public long[] SpikeMultiplicities = [];
    public bool AllowOffgridTimes, ShiftNowSpikes, PreciseTimes;

    /// <summary>Steps at whose end each spike leaves (relative to origin), computed when the times are set.</summary>
    public long[] SpikeStamps = [];

    /// <summary>With precise_times: how long before the end of its step each spike happens (ms); empty otherwise.</summary>
    public double[] SpikeOffsets = [];

    /// <summary>The next spike to send.</summary>
    public int Position;

    private bool _timesGiven, _flagsChanged;

    /// <summary>spike_times: setting them (re)starts the train.</summary>
    protected static DeviceKeys<TNode> SpikeTimesKey<TNode>(DeviceKeys<TNode> keys) where TNode : SpikeTrainNode =>
        keys.Custom("spike_times", n => n.SpikeTimesShown(), (n, key, value) =>
        {
            n.SpikeTimes = StatusValue.ToDoubleArray(key, value);
            n._timesGiven = true;
            n.Position = 0;
        }, isArray: true);

    /// <summary>spike_multiplicities, allow_offgrid_times, shift_now_spikes and precise_times.</summary>
    protected static DeviceKeys<TNode> OptionKeys<TNode>(DeviceKeys<TNode> keys) where TNode : SpikeTrainNode => keys
        .Integers("spike_multiplicities", n => n.SpikeMultiplicities, (n, v) => { n.SpikeMultiplicities = v; n.Position = 0; })
        .Boolean("allow_offgrid_times", n => n.AllowOffgridTimes, (n, v) => { n.AllowOffgridTimes = v; n._flagsChanged = true; })
        .Boolean("shift_now_spikes", n => n.ShiftNowSpikes, (n, v) => { n.ShiftNowSpikes = v; n._flagsChanged = true; })
        .Boolean("precise_times", n => n.PreciseTimes, (n, v) => { n.PreciseTimes = v; n._flagsChanged = true; });

    /// <summary>
    /// The spike times as the status shows them (NEST's): the end of each spike's step, less its offset with precise
    /// times.
    /// </summary>
    private double[] SpikeTimesShown()
    {
        var shown = SpikeTimesOnGrid.ToArray();
        if (PreciseTimes)
        {
            for (int i = 0; i < shown.Length; i++) shown[i] -= SpikeOffsets[i];
        }
        return shown;
    }

    protected override void AfterClone() => _timesGiven = _flagsChanged = false;

    /// <summary>
    /// With precise times, the steps and offsets as they were computed (the status shows step time - offset, which a
    /// restore would turn back into them only to the last bit); a checkpoint restores the status first, so the
    /// restore knows whether they follow.
    /// </summary>
    public override void SaveRuntime(Checkpoint.CheckpointWriter writer)
    {
        if (!PreciseTimes) return;
        writer.Write(SpikeStamps.AsSpan());
        writer.Write(SpikeOffsets.AsSpan());
        writer.Write(SpikeTimesOnGrid.AsSpan());
    }

    /// <summary>Reads what <see cref="SaveRuntime"/> wrote.</summary>
    public override void RestoreRuntime(Checkpoint.CheckpointReader reader)
    {
        if (!PreciseTimes) return;
        SpikeStamps = reader.ReadLongs();
        SpikeOffsets = reader.ReadDoubles();
        SpikeTimesOnGrid = reader.ReadDoubles();
    }

    protected override void ResetRuntimeState() => Position = 0;

    /// <summary>
    /// NEST's checks of the options, then the times placed on the grid (when they were given in this change).
    /// </summary>
    /// <param name="context">The status change's context (time grid, current time).</param>
    /// <param name="messagePrefix">What NEST puts before a message about a time.</param>
    /// <param name="zeroTimeMessage">NEST's message for a time of 0 without shift_now_spikes.</param>
    protected void ValidateTimes(StatusContext context, string messagePrefix, string zeroTimeMessage)
    {
        base.Validate(context);
        if (PreciseTimes && (AllowOffgridTimes || ShiftNowSpikes))
        {
            throw new BadPropertyException("precise_times", true,
                "Option precise_times cannot be set to true when either allow_offgrid_times or shift_now_spikes is set to true");
        }
        if (_flagsChanged && !_timesGiven && SpikeStamps.Length > 0)
        {
            throw new BadPropertyException(AllowOffgridTimes ? "allow_offgrid_times" : "shift_now_spikes", "changed",
                "Options can only be set together with spike times or if no spike times have been set");
        }
        if (_timesGiven)
        {
            SpikeStamps = SpikeTimeStamps.Of(SpikeTimes, Origin, AllowOffgridTimes, ShiftNowSpikes, context, messagePrefix, zeroTimeMessage,
                PreciseTimes, out var offsets);
            SpikeOffsets = offsets ?? [];
            SpikeTimesOnGrid = Array.ConvertAll(SpikeStamps, stamp => SpikeTimeStamps.StampToMs(stamp, context.Time));
        }
    }

    /// <summary>NEST's checks of spike_multiplicities: one per time (or none), each a number of spikes.</summary>
    protected void ValidateMultiplicities()
    {
        if (SpikeMultiplicities.Length != 0 && SpikeMultiplicities.Length != SpikeStamps.Length)
        {
            throw new BadPropertyException("spike_multiplicities", SpikeMultiplicities,
                $"spike_multiplicities must have the same number of elements as spike_times ({SpikeStamps.Length}) or 0 elements to clear the property");
        }
        foreach (long m in SpikeMultiplicities)
        {
            if (m is < 0 or > int.MaxValue)
                throw new BadPropertyException("spike_multiplicities", m, "a multiplicity is a number of spikes: 0 or more");
        }
    }
}
