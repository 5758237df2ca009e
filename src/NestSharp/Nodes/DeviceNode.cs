namespace NestSharp.Nodes;

/// <summary>
/// One device (generator or recorder) and its parameters. Devices are few, so each is an object; a change is made on
/// a clone and swapped in only when every value is valid. Activity follows NEST: a device is active for times t with
/// origin + start &lt; t &lt;= origin + stop.
/// </summary>
internal abstract class DeviceNode
{
    public double Start;
    public double Stop = double.MaxValue;
    public double Origin;
    public string Label = "";

    protected static readonly string[] CommonKeys = ["label", "origin", "start", "stop"];

    /// <summary>The keys this device accepts.</summary>
    public abstract IReadOnlyCollection<string> Keys { get; }

    public DeviceNode Clone()
    {
        var copy = (DeviceNode)MemberwiseClone();
        copy.AfterClone();
        return copy;
    }

    /// <summary>Deep-copies what a clone must not share (mutable arrays a staged change may replace).</summary>
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

    /// <summary>Applies one key; the caller has checked that it is one of <see cref="Keys"/>.</summary>
    public virtual void Apply(string key, object value)
    {
        switch (key)
        {
            case "start": Start = StatusValue.ToDouble(key, value); break;
            case "stop": Stop = StatusValue.ToDouble(key, value); break;
            case "origin": Origin = StatusValue.ToDouble(key, value); break;
            case "label": Label = StatusValue.ToStringValue(key, value); break;
            default: throw new InvalidOperationException($"key '{key}' not handled by {GetType().Name}");
        }
    }

    public virtual void Validate()
    {
        if (!(Stop >= Start)) throw new BadParameterException("stop", Stop, $"stop must not be before start ({Start})");
    }

    public virtual void Write(Dictionary<string, object> status)
    {
        status["start"] = Start;
        status["stop"] = Stop;
        status["origin"] = Origin;
        status["label"] = Label;
    }

    /// <summary>The activity window in steps: stamps t with First &lt; t &lt;= Last are active.</summary>
    public (long First, long Last) ActiveSteps(Kernel.TimeGrid time)
    {
        long first = FloorSteps(time.MsToTics(Origin + Start), time.TicsPerStep);
        double stopMs = Origin + Stop;
        long last = stopMs >= double.MaxValue / 2 ? long.MaxValue : FloorSteps(time.MsToTics(stopMs), time.TicsPerStep);
        return (first, last);
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
