namespace NestSharp.Nodes;

/// <summary>
/// One device (generator or recorder) and its parameters. Devices are few, so each is an object; a change is made on
/// a clone and swapped in only when every value is valid. Activity follows NEST: a device is active for times t with
/// origin + start &lt; t &lt;= origin + stop. As in NEST, start, stop and origin must be multiples of the resolution;
/// start and stop may be infinite (shown as ±1.8e308, as NEST shows them), origin must be finite.
/// </summary>
internal abstract class DeviceNode
{
    public double Start;
    public double Stop = double.MaxValue;
    public double Origin;
    public string Label = "";

    /// <summary>The keys of this device's status (its class declares them once).</summary>
    public abstract IDeviceKeys Keys { get; }

    /// <summary>The keys every device has: start, stop, origin (ms, on the grid) and label.</summary>
    protected static DeviceKeys<TNode> CommonKeys<TNode>() where TNode : DeviceNode => ActivityKeys<TNode>()
        .Text("label", n => n.Label, (n, v) => n.Label = v);

    /// <summary>The keys of NEST's Device alone: start, stop, origin (ms, on the grid), without a label (correlospinmatrix_detector).</summary>
    protected static DeviceKeys<TNode> ActivityKeys<TNode>() where TNode : DeviceNode => new DeviceKeys<TNode>()
        .GridTime("start", n => n.Start, (n, v) => n.Start = v, infiniteAllowed: true)
        .GridTime("stop", n => n.Stop, (n, v) => n.Stop = v, infiniteAllowed: true)
        .GridTime("origin", n => n.Origin, (n, v) => n.Origin = v, infiniteAllowed: false);

    /// <summary>
    /// The keys every stimulating device (generator) has: those of <see cref="CommonKeys{TNode}"/> and
    /// <c>stimulus_source</c>, the stimulation backend that would feed it ("", none). NestSharp has no stimulation
    /// backend, so, as NEST without one, any value set is refused.
    /// </summary>
    protected static DeviceKeys<TNode> StimulatorKeys<TNode>() where TNode : DeviceNode => CommonKeys<TNode>()
        .Custom("stimulus_source", _ => "", (_, key, value) =>
            throw new BadPropertyException(key, StatusValue.ToStringValue(key, value), "unknown stimulation backend (there are none: kernel key stimulation_backends is empty)"));

    /// <summary>
    /// Whether a time is infinite for the grid: ±infinity, or so large that its tics leave the range NEST's time
    /// counts (a value such as double.MaxValue, which the status shows for +infinity).
    /// </summary>
    public static bool IsInfiniteTime(double ms, Kernel.TimeGrid time) => Math.Abs(ms) * time.TicsPerMs >= long.MaxValue / 8;

    public DeviceNode Clone()
    {
        var copy = (DeviceNode)MemberwiseClone();
        copy.AfterClone();
        return copy;
    }

    /// <summary>Deep-copies what a clone must not share (mutable state a staged change may replace).</summary>
    protected virtual void AfterClone() { }

    /// <summary>A new device with this one's parameters and none of its connections, events or progress.</summary>
    public DeviceNode CloneAsNew()
    {
        var copy = Clone();
        copy.ResetRuntimeState();
        return copy;
    }

    /// <summary>Replaces what a device accumulates while it runs (events, connections, position) by fresh state.</summary>
    protected virtual void ResetRuntimeState() { }

    /// <summary>Writes the device's runtime state (what its status does not show and a run changes) to a checkpoint.</summary>
    public virtual void SaveRuntime(Checkpoint.CheckpointWriter writer) { }

    /// <summary>Reads what <see cref="SaveRuntime"/> wrote.</summary>
    public virtual void RestoreRuntime(Checkpoint.CheckpointReader reader) { }

    /// <summary>Checks the device's values together, after a change; throws naming the key.</summary>
    public virtual void Validate(StatusContext context)
    {
        if (!(Stop >= Start)) throw new BadPropertyException("stop", Stop, $"stop >= start required (start is {StatusValue.Format(Start)})");
    }

    /// <summary>
    /// The activity window in steps: stamps t with First &lt; t &lt;= Last are active (long.MinValue or long.MaxValue
    /// for an infinite bound).
    /// </summary>
    public (long First, long Last) ActiveSteps(Kernel.TimeGrid time)
    {
        long origin = time.MsToTics(Origin);
        return (BoundSteps(Start, origin, time), BoundSteps(Stop, origin, time));
    }

    private static long BoundSteps(double ms, long originTics, Kernel.TimeGrid time)
    {
        if (IsInfiniteTime(ms, time)) return ms > 0 ? long.MaxValue : long.MinValue;
        return FloorSteps(originTics + time.MsToTics(ms), time.TicsPerStep);
    }

    /// <summary>
    /// NEST's activity test: whether step number <paramref name="step"/> lies in (origin + start, origin + stop], in
    /// steps. Which step a device tests differs by kind (recorders and spike_generator the event's stamp,
    /// poisson_generator the start of the step, current generators two steps ahead), as in NEST.
    /// </summary>
    public bool IsActive(Kernel.TimeGrid time, long step)
    {
        var (first, last) = ActiveSteps(time);
        return step > first && step <= last;
    }

    /// <summary>floor(tics / ticsPerStep): step s has tics above the bound exactly when s exceeds it.</summary>
    private static long FloorSteps(long tics, long ticsPerStep) => Math.DivRem(tics, ticsPerStep, out long rest) - (rest < 0 ? 1 : 0);
}
