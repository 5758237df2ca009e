namespace NestSharp.Plasticity;

/// <summary>
/// The post-synaptic spike history that spike-timing dependent synapses read, kept for every neuron that is the
/// target of at least one such synapse (NEST's archiving node).
/// <para>At each spike at t the trace K- decays and steps by one: K- ← K-·exp((t_last - t)/tau_minus) + 1 (likewise
/// the triplet trace with tau_minus_triplet), and (t, K-, K-triplet) is appended. A synapse with dendritic delay d that
/// transmits a pre-synaptic spike at t_pre reads the entries with t_last_pre - d &lt; t &lt;= t_pre - d (to within
/// eps = 1e-6 ms) and the trace just before t_pre - d. An entry is dropped once every incoming plastic synapse has
/// read it and a later entry lies more than max_delay + min_delay + eps before the newest spike, so memory stays
/// bounded while every neuron keeps firing.</para>
/// <para>Reference: Morrison A, Diesmann M, Gerstner W (2008) Biol Cybern 98:459-478. NEST's ArchivingNode.</para>
/// </summary>
internal sealed class SpikeArchive
{
    public const double Eps = 1.0e-6;

    private NeuronHistory?[] _histories = [];
    private double[] _lastSpike = [];

    /// <summary>The history of node <paramref name="id"/>, or null if no plastic synapse targets it.</summary>
    public NeuronHistory? Of(int id) => (uint)id < (uint)_histories.Length ? _histories[id] : null;

    /// <summary>Makes room for node ids up to <paramref name="maxId"/>.</summary>
    public void EnsureCapacity(int maxId)
    {
        if (_histories.Length <= maxId) Array.Resize(ref _histories, maxId + 1);
        if (_lastSpike.Length <= maxId)
        {
            int old = _lastSpike.Length;
            Array.Resize(ref _lastSpike, maxId + 1);
            Array.Fill(_lastSpike, -1.0, old, _lastSpike.Length - old);
        }
    }

    /// <summary>A spike of node <paramref name="id"/> at <paramref name="t"/> ms: its time, and its history if archived.</summary>
    public void OnSpike(int id, double t, double minDelayMs)
    {
        _lastSpike[id] = t;
        _histories[id]?.OnSpike(t, minDelayMs);
    }

    /// <summary>The time of the last spike of node <paramref name="id"/> (NEST's t_spike), -1 before the first.</summary>
    public double LastSpike(int id) => (uint)id < (uint)_lastSpike.Length ? _lastSpike[id] : -1.0;

    /// <summary>A plastic synapse onto <paramref name="id"/> that will first read from <paramref name="firstReadMs"/> on.</summary>
    public void Register(int id, double firstReadMs, double delayMs)
    {
        EnsureCapacity(id);
        (_histories[id] ??= new NeuronHistory()).Register(firstReadMs, delayMs);
    }

    public bool IsArchiving(int id) => (uint)id < (uint)_histories.Length && _histories[id] is not null;

    private object?[] _voltageHistories = [];

    /// <summary>
    /// Attaches a model-specific history of node <paramref name="id"/> that voltage-based plastic synapses read
    /// (for example the LTP/LTD history of aeif_psc_delta_clopath); the neuron model fills it while it runs.
    /// </summary>
    public void AttachVoltageHistory(int id, object history)
    {
        if (_voltageHistories.Length <= id) Array.Resize(ref _voltageHistories, id + 1);
        _voltageHistories[id] = history;
    }

    /// <summary>The model-specific history of node <paramref name="id"/>, or null.</summary>
    public T? VoltageHistoryOf<T>(int id) where T : class =>
        (uint)id < (uint)_voltageHistories.Length ? _voltageHistories[id] as T : null;

    /// <summary>Writes every neuron's last spike time and the spike histories kept for plastic synapses.</summary>
    public void SaveCheckpoint(Checkpoint.CheckpointWriter writer)
    {
        writer.Write(_lastSpike);
        writer.Write(_histories.Length);
        for (int id = 0; id < _histories.Length; id++)
        {
            writer.Write(_histories[id] is not null);
            _histories[id]?.SaveCheckpoint(writer);
        }
    }

    /// <summary>
    /// Reads what <see cref="SaveCheckpoint"/> wrote; with <paramref name="owned"/> (a part of a checkpoint of several
    /// processes) only the neurons it names take the values read, the others keep what earlier parts gave them.
    /// </summary>
    public void RestoreCheckpoint(Checkpoint.CheckpointReader reader, Func<int, bool>? owned)
    {
        double[] lastSpike = reader.ReadDoubles();
        var histories = new NeuronHistory?[reader.ReadInt()];
        for (int id = 0; id < histories.Length; id++)
            if (reader.ReadBool()) histories[id] = NeuronHistory.Restore(reader);
        if (owned is null)
        {
            (_lastSpike, _histories) = (lastSpike, histories);
            return;
        }
        EnsureCapacity(Math.Max(lastSpike.Length, histories.Length) - 1);
        for (int id = 0; id < lastSpike.Length; id++)
            if (owned(id)) _lastSpike[id] = lastSpike[id];
        for (int id = 0; id < histories.Length; id++)
            if (owned(id)) _histories[id] = histories[id];
    }
}

/// <summary>One neuron's spike history (a ring buffer of entries, oldest first) and traces.</summary>
internal sealed class NeuronHistory
{
    /// <summary>One archived spike: its time, the traces just after it, and how many synapses have read it.</summary>
    internal struct Entry : IHistoryEntry
    {
        public double T { get; init; }
        public double Kminus { get; init; }
        public double KminusTriplet { get; init; }
        public int AccessCounter { get; set; }
    }

    private HistoryRing<Entry> _entries = new(8);
    private double _kminus, _kminusTriplet, _lastSpike = -1.0;
    private int _incoming;
    private double _maxDelay;

    // The last K- value computed and the time it was computed for (NaN: none). Every plastic synapse onto this neuron
    // that a spike of one step reaches with the same delay asks for the same time; the value changes only when the
    // history or tau_minus does, which clears it.
    private double _kValueAt = double.NaN, _kValue;

    public double TauMinusInverse
    {
        get;
        set
        {
            field = value;
            _kValueAt = double.NaN;
        }
    } = 1.0 / 20.0;
    public double TauMinusTripletInverse { get; set; } = 1.0 / 110.0;
    public int Count => _entries.Count;

    /// <summary>Plastic synapses registered with this neuron (NEST's n_incoming).</summary>
    public int Incoming => _incoming;

    /// <summary>The trace last read by a synapse (NEST's post_trace).</summary>
    public double LastTrace { get; private set; }

    public ref Entry At(int i) => ref _entries.At(i);

    public void Register(double firstReadMs, double delayMs)
    {
        for (int i = 0; i < _entries.Count && firstReadMs - At(i).T > -SpikeArchive.Eps; i++) At(i).AccessCounter++;
        _incoming++;
        _maxDelay = Math.Max(_maxDelay, delayMs);
    }

    /// <summary>A plastic synapse onto this neuron was deleted.</summary>
    public void Unregister() => _incoming--;

    /// <summary>Archives a spike at <paramref name="t"/> (ms), dropping entries no synapse can need any more.</summary>
    public void OnSpike(double t, double minDelayMs)
    {
        if (_incoming == 0)
        {
            _lastSpike = t;
            return;
        }
        while (_entries.Count > 1 && At(0).AccessCounter >= _incoming && t - At(1).T > _maxDelay + minDelayMs + SpikeArchive.Eps)
            _entries.DropOldest();
        _kminus = _kminus * Math.Exp((_lastSpike - t) * TauMinusInverse) + 1.0;
        _kminusTriplet = _kminusTriplet * Math.Exp((_lastSpike - t) * TauMinusTripletInverse) + 1.0;
        _lastSpike = t;
        _entries.Append(new Entry { T = t, Kminus = _kminus, KminusTriplet = _kminusTriplet });
        _kValueAt = double.NaN;
    }

    /// <summary>
    /// The entries with t1 &lt; t &lt;= t2 (each bound shifted by eps, as NEST compares), marked as read once more:
    /// returns the index of the first and one past the last.
    /// </summary>
    public (int Start, int End) Read(double t1, double t2)
    {
        double t2Limit = t2 + SpikeArchive.Eps, t1Limit = t1 + SpikeArchive.Eps;
        int end = _entries.Count;
        while (end > 0 && At(end - 1).T >= t2Limit) end--;
        int start = end;
        while (start > 0 && At(start - 1).T >= t1Limit)
        {
            start--;
            At(start).AccessCounter++;
        }
        return (start, end);
    }

    /// <summary>The K- trace just before <paramref name="t"/>: from the latest spike more than eps earlier, else 0.</summary>
    public double KValue(double t)
    {
        if (t == _kValueAt) return LastTrace = _kValue;
        _kValueAt = t;
        return LastTrace = _kValue = SearchKValue(t);
    }

    /// <summary>
    /// The nearest-neighbour trace just before <paramref name="t"/> (NEST's nearest_neighbor_Kminus of get_K_values):
    /// exp((t_post - t)/tau_minus) for the latest spike t_post more than eps earlier, as if the trace were reset to 1 at
    /// each spike; 0 when every spike lies at or after t - eps, and K- itself (0) before the first spike. Unlike
    /// <see cref="KValue"/> it leaves <see cref="LastTrace"/> (NEST's post_trace) as it is.
    /// </summary>
    public double NearestNeighbourKValue(double t)
    {
        if (_entries.Count == 0) return _kminus;
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            double tPost = At(i).T;
            if (t - tPost > SpikeArchive.Eps) return Math.Exp((tPost - t) * TauMinusInverse);
        }
        return 0.0;
    }

    private double SearchKValue(double t)
    {
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            ref var e = ref At(i);
            if (t - e.T > SpikeArchive.Eps) return e.Kminus * Math.Exp((e.T - t) * TauMinusInverse);
        }
        return 0.0;
    }

    public void SaveCheckpoint(Checkpoint.CheckpointWriter writer)
    {
        writer.Write(_kminus);
        writer.Write(_kminusTriplet);
        writer.Write(_lastSpike);
        writer.Write(_incoming);
        writer.Write(_maxDelay);
        writer.Write(TauMinusInverse);
        writer.Write(TauMinusTripletInverse);
        writer.Write(LastTrace);
        writer.Write(_entries.Count);
        for (int i = 0; i < _entries.Count; i++)
        {
            ref var e = ref At(i);
            writer.Write(e.T);
            writer.Write(e.Kminus);
            writer.Write(e.KminusTriplet);
            writer.Write(e.AccessCounter);
        }
    }

    public static NeuronHistory Restore(Checkpoint.CheckpointReader reader)
    {
        var history = new NeuronHistory
        {
            _kminus = reader.ReadDouble(), _kminusTriplet = reader.ReadDouble(), _lastSpike = reader.ReadDouble(),
            _incoming = reader.ReadInt(), _maxDelay = reader.ReadDouble(),
            TauMinusInverse = reader.ReadDouble(), TauMinusTripletInverse = reader.ReadDouble(), LastTrace = reader.ReadDouble(),
        };
        for (int n = reader.ReadInt(), i = 0; i < n; i++)
        {
            history._entries.Append(new Entry
            {
                T = reader.ReadDouble(), Kminus = reader.ReadDouble(), KminusTriplet = reader.ReadDouble(), AccessCounter = reader.ReadInt(),
            });
        }
        return history;
    }
}
