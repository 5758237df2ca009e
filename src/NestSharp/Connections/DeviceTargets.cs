namespace NestSharp.Connections;

/// <summary>A connection from a generator that serves each target locally (a Poisson or current generator).</summary>
internal struct DeviceTarget
{
    public int TargetId;

    /// <summary>Input channel in the kernel's ring (encoded as <see cref="Nodes.NeuronGroup.SpikeChannel"/> returns).</summary>
    public int Channel;

    public double Weight;
    public int DelaySteps;
    public int Receptor;
    public int SynapseModelId;

    /// <summary>How many earlier connections this generator has to the same target (0 unless multapses).</summary>
    public int Ordinal;

    /// <summary>The key of the random stream that belongs to this connection.</summary>
    public ulong StreamKey;

    /// <summary>Set when the target is a spike recorder: its spikes are recorded, not added to an input ring.</summary>
    public RecorderRoute? Recorder;

    /// <summary>
    /// Set before each run (<see cref="Kernel.NodeManager.NoteGeneratorTargets"/>) when the target is a precise neuron
    /// (a precise receiver that uses weights, <see cref="Nodes.IPreciseSpikeReceiver.UsesWeights"/>) and the generator
    /// sends its spikes on the grid: each number of spikes it adds into the target's counting input is also handed to
    /// the neuron as one event with offset 0, that multiplicity and the connection's weight, as NEST's DSSpikeEvent
    /// reaches it. Null for every other target.
    /// </summary>
    public Nodes.IPreciseSpikeReceiver? PreciseNeuron;
}

/// <summary>
/// A spike recorder connected to a generator that draws for each target: the recorder gets its own draw, as one more
/// target would, and records it as spikes of <paramref name="sender"/> (owned by virtual process <paramref name="vp"/>).
/// </summary>
internal sealed class RecorderRoute(Nodes.ISpikeSink sink, int sender, int vp, Kernel.TimeGrid time)
{
    /// <summary>Records <paramref name="count"/> spikes sent in step <paramref name="step"/> (stamped at its end).</summary>
    public void Record(long step, long count) => sink.RecordSpike(time, sender, vp, step + 1, (int)count);

    /// <summary>Records one spike with stamp <paramref name="stamp"/>, <paramref name="offset"/> ms before its end (a precise spike time).</summary>
    public void RecordPrecise(long stamp, double offset) => sink.RecordSpike(time, sender, vp, stamp, 1, offset);
}

/// <summary>A generator's connections, split by the thread that owns each target, in creation order.</summary>
internal sealed class DeviceTargets
{
    private List<DeviceTarget>[] _byThread = [];
    private readonly Dictionary<int, int> _countPerTarget = [];

    /// <summary>The connections to targets of virtual process <paramref name="thread"/> (empty before any).</summary>
    public Span<DeviceTarget> OfThread(int thread) =>
        thread < _byThread.Length ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_byThread[thread]) : [];

    public int Count { get; private set; }

    /// <summary>The number of virtual processes the connections are split over.</summary>
    public int Threads => _byThread.Length;

    public void EnsureThreads(int threads)
    {
        if (_byThread.Length != threads) _byThread = Enumerable.Range(0, threads).Select(_ => new List<DeviceTarget>()).ToArray();
    }

    public void Add(int thread, DeviceTarget target)
    {
        _countPerTarget.TryGetValue(target.TargetId, out int ordinal);
        _countPerTarget[target.TargetId] = ordinal + 1;
        target.Ordinal = ordinal;
        _byThread[thread].Add(target);
        Count++;
    }

    public IEnumerable<DeviceTarget> All() => _byThread.SelectMany(l => l);

    public void RemoveWhere(Predicate<DeviceTarget> match)
    {
        foreach (var list in _byThread) Count -= list.RemoveAll(match);
    }
}
