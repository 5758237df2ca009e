namespace NestSharp.Plasticity;

/// <summary>
/// A node group whose nodes hand neuromodulatory spikes to the synapses of a model (NEST's volume_transmitter): a
/// synapse model's <c>volume_transmitter</c> parameter names one of its nodes.
/// </summary>
internal interface INeuromodulatorSource
{
    /// <summary>The spikes node <paramref name="local"/> hands to its synapses.</summary>
    NeuromodulatorySpikes SpikesOf(int local);
}

/// <summary>
/// The spike list of one neuromodulator source, a volume transmitter (NEST's spikecounter vector): (arrival time in ms,
/// multiplicity) in time order, starting with the pseudo spike of the last trigger. In the delivery phase after a trigger,
/// <see cref="Triggered"/> is set and the list the synapses are brought up to date with is
/// (<see cref="TriggerTimes"/>, <see cref="TriggerMultiplicities"/>, <see cref="TriggerCount"/>) up to
/// <see cref="TriggerTime"/>; the current list then holds only the new pseudo spike. Written serially, read by every
/// thread while it delivers.
/// </summary>
internal sealed class NeuromodulatorySpikes
{
    private double[] _times = new double[8], _multiplicities = new double[8];
    private double[] _triggerTimes = new double[8], _triggerMultiplicities = new double[8];

    public NeuromodulatorySpikes() => Count = 1;

    public double[] Times => _times;
    public double[] Multiplicities => _multiplicities;
    public int Count { get; private set; }

    public bool Triggered { get; set; }
    public double TriggerTime { get; private set; }
    public double[] TriggerTimes => _triggerTimes;
    public double[] TriggerMultiplicities => _triggerMultiplicities;
    public int TriggerCount { get; private set; }

    public void Add(double t, double multiplicity)
    {
        if (Count == _times.Length)
        {
            Array.Resize(ref _times, 2 * Count);
            Array.Resize(ref _multiplicities, 2 * Count);
        }
        _times[Count] = t;
        _multiplicities[Count] = multiplicity;
        Count++;
    }

    /// <summary>Replaces the list by a saved one (a checkpoint's), whose first entry is the pseudo spike of the last trigger.</summary>
    public void Restore(double[] times, double[] multiplicities)
    {
        _times = times;
        _multiplicities = multiplicities;
        Count = times.Length;
        Triggered = false;
    }

    /// <summary>Hands the list over for a trigger at <paramref name="t"/> and restarts it with the pseudo spike (t, 0).</summary>
    public void Trigger(double t)
    {
        (_triggerTimes, _times) = (_times, _triggerTimes);
        (_triggerMultiplicities, _multiplicities) = (_multiplicities, _triggerMultiplicities);
        TriggerCount = Count;
        TriggerTime = t;
        Triggered = true;
        _times[0] = t;
        _multiplicities[0] = 0.0;
        Count = 1;
    }
}
