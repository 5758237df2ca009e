namespace NestSharp.Models.Neurons;

/// <summary>
/// One entry of an e-prop history (NEST's HistEntryEpropRecurrent and HistEntryEpropReadout): the time step and, for a
/// recurrent neuron, the surrogate gradient and learning signal of that step, for a readout neuron its error signal
/// (in <see cref="Value"/>).
/// </summary>
internal struct EpropHistoryEntry(long t, double value, double learningSignal)
{
    public long T = t;

    /// <summary>The surrogate gradient (recurrent neurons) or error signal (readout neurons).</summary>
    public double Value = value;

    /// <summary>The learning signal (recurrent neurons).</summary>
    public double LearningSignal = learningSignal;
}

/// <summary>
/// What a neuron of the *_bsshslm_2020 e-prop family keeps for its incoming eprop_synapse_bsshslm_2020 synapses
/// (NEST's EpropArchivingNode with its bsshslm_2020 functions, one per node): the number of such synapses, the update
/// history (time steps of updates some synapse still needs, with how many need each), the e-prop history of the steps
/// since the earliest of them, the history of the firing-rate regularisation (recurrent neurons: one value per update
/// interval) and the spikes counted for it. All times are in steps. Read and written by the thread of the node's
/// virtual process only (its update, and the delivery of spikes and learning signals to it).
/// </summary>
internal sealed class EpropBsshslm2020Archive
{
    private readonly List<(long T, long Count)> _updates = [];
    private readonly List<EpropHistoryEntry> _history = [];
    private readonly List<(long T, double Value)> _firingRateReg = [];

    /// <summary>NEST's eprop_indegree_: incoming e-prop synapses (nothing is archived without one).</summary>
    public int Indegree { get; private set; }

    /// <summary>Spikes counted for the firing-rate regularisation since the last update.</summary>
    public long SpikeCount { get; set; }

    /// <summary>Entries of the e-prop history.</summary>
    public int Count => _history.Count;

    /// <summary>The e-prop history's entry at <paramref name="index"/>.</summary>
    public ref EpropHistoryEntry At(int index) => ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_history)[index];

    /// <summary>NEST's register_eprop_connection and initialize_update_history: a new synapse needs the first update at <paramref name="shift"/>.</summary>
    public void Register(long shift)
    {
        Indegree++;
        int i = LowerUpdate(shift);
        if (i == _updates.Count || _updates[i].T != shift) _updates.Add((shift, 1));
        else _updates[i] = (shift, _updates[i].Count + 1);
    }

    /// <summary>The first update-history entry at or after <paramref name="t"/>.</summary>
    private int LowerUpdate(long t)
    {
        int lo = 0, hi = _updates.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_updates[mid].T < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>NEST's get_eprop_history: the first e-prop history entry at or after <paramref name="t"/>.</summary>
    public int Lower(long t)
    {
        int lo = 0, hi = _history.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_history[mid].T < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// NEST's write_update_to_history: a synapse moves from the update at <paramref name="previous"/> to the one at
    /// <paramref name="current"/> (both shifted by <paramref name="shift"/>); a flush event adds no need of the current
    /// update, and a synapse whose previous event was a flush event had not added one for the previous.
    /// </summary>
    public void WriteUpdate(long previous, long current, bool isFlush, bool previousWasFlush, long shift)
    {
        if (Indegree == 0) return;
        long currentShifted = current + shift, previousShifted = previous + shift;
        if (!isFlush)
        {
            int i = LowerUpdate(currentShifted);
            if (i != _updates.Count && _updates[i].T == currentShifted) _updates[i] = (currentShifted, _updates[i].Count + 1);
            else _updates.Add((currentShifted, 1));
        }
        if (!previousWasFlush)
        {
            int i = LowerUpdate(previousShifted);
            if (i != _updates.Count && _updates[i].T == previousShifted)
            {
                long count = _updates[i].Count - 1;
                if (count == 0) _updates.RemoveAt(i);
                else _updates[i] = (previousShifted, count);
            }
        }
    }

    /// <summary>
    /// NEST's erase_used_eprop_history (bsshslm_2020): removes the entries of update intervals no synapse needs and those
    /// before the earliest update still needed.
    /// </summary>
    public void EraseUsed(long updateInterval)
    {
        if (_history.Count == 0 || _updates.Count == 0) return;
        int u = 0;
        long last = _updates[^1].T;
        for (long t = _updates[0].T; t <= last && u < _updates.Count; t += updateInterval)
        {
            if (_updates[u].T == t)
            {
                u++;
            }
            else
            {
                int from = Lower(t), to = Lower(t + updateInterval);
                _history.RemoveRange(from, to - from);
            }
        }
        _history.RemoveRange(0, Lower(_updates[0].T));
    }

    /// <summary>NEST's erase_used_firing_rate_reg_history: drops the values whose update no synapse needs any more.</summary>
    public void EraseUsedFiringRateReg()
    {
        // NEST walks both histories side by side, removing a value where the update at the same position has no
        // access left (entries with a count of 0 are removed from the update history as they reach it).
        int u = 0, r = 0;
        while (u < _updates.Count && r < _firingRateReg.Count)
        {
            if (_updates[u].Count == 0) _firingRateReg.RemoveAt(r);
            else r++;
            u++;
        }
    }

    /// <summary>NEST's append_new_eprop_history_entry: a new entry for step <paramref name="t"/>.</summary>
    public void Append(long t)
    {
        if (Indegree == 0) return;
        _history.Add(new EpropHistoryEntry(t, 0.0, 0.0));
    }

    /// <summary>NEST's write_surrogate_gradient_to_history and write_error_signal_to_history (at the entry at or after <paramref name="t"/>).</summary>
    public void WriteValue(long t, double value)
    {
        if (Indegree == 0) return;
        int i = Lower(t);
        if (i < _history.Count) At(i).Value = value;
    }

    /// <summary>
    /// NEST's write_learning_signal_to_history: adds <paramref name="learningSignal"/> to the entries of
    /// [<paramref name="t"/> - <paramref name="shift"/>, <paramref name="t"/> - <paramref name="shift"/> + 1).
    /// </summary>
    public void AddLearningSignal(long t, double learningSignal, long shift)
    {
        if (Indegree == 0) return;
        int end = Lower(t - shift + 1);
        for (int i = Lower(t - shift); i < end; i++) At(i).LearningSignal += learningSignal;
    }

    /// <summary>NEST's get_learning_signal_from_history: the learning signal at or after step <paramref name="t"/> - <paramref name="shift"/> (0 past the end).</summary>
    public double LearningSignalAt(long t, long shift)
    {
        int i = Lower(t - shift);
        return i == _history.Count ? 0.0 : _history[i].LearningSignal;
    }

    /// <summary>
    /// NEST's write_firing_rate_reg_to_history (bsshslm_2020): the regularisation of the update interval ending at
    /// <paramref name="t"/>, kept for step <paramref name="t"/> + 1.
    /// </summary>
    public void WriteFiringRateReg(long t, double fTarget, double cReg, long updateInterval, double dt)
    {
        if (Indegree == 0) return;
        double interval = updateInterval;
        double fAv = SpikeCount / interval;
        double target = fTarget * dt;
        double reg = cReg * (fAv - target) / interval;
        _firingRateReg.Add((t + 1, reg));
    }

    /// <summary>NEST's get_firing_rate_reg_history: the value kept at or after step <paramref name="t"/>.</summary>
    public double FiringRateRegAt(long t)
    {
        int lo = 0, hi = _firingRateReg.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_firingRateReg[mid].T < t) lo = mid + 1;
            else hi = mid;
        }
        if (lo == _firingRateReg.Count) throw new KernelException($"e-prop: no firing-rate regularisation kept for step {t}.");
        return _firingRateReg[lo].Value;
    }

    /// <summary>NEST's require_eprop_history_entry: entry <paramref name="index"/> exists and is that of step <paramref name="t"/>.</summary>
    public void Require(int index, long t, int nodeId)
    {
        if (index >= _history.Count)
            throw new KernelException($"Expected in neuron with ID {nodeId} e-prop history entry at t={t}, got end of e-prop history.");
        if (_history[index].T != t)
            throw new KernelException($"Expected in neuron with ID {nodeId} e-prop history entry at t={t}, got t={_history[index].T}.");
    }

    /// <summary>Writes everything (for a checkpoint).</summary>
    public void Save(CheckpointWriter writer)
    {
        writer.Write(Indegree);
        writer.Write(SpikeCount);
        writer.Write(_updates.Count);
        foreach (var (t, count) in _updates)
        {
            writer.Write(t);
            writer.Write(count);
        }
        writer.Write(_history.Count);
        foreach (var e in _history)
        {
            writer.Write(e.T);
            writer.Write(e.Value);
            writer.Write(e.LearningSignal);
        }
        writer.Write(_firingRateReg.Count);
        foreach (var (t, value) in _firingRateReg)
        {
            writer.Write(t);
            writer.Write(value);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote.</summary>
    public static EpropBsshslm2020Archive Restore(CheckpointReader reader)
    {
        var archive = new EpropBsshslm2020Archive { Indegree = reader.ReadInt(), SpikeCount = reader.ReadLong() };
        for (int n = reader.ReadInt(); n > 0; n--) archive._updates.Add((reader.ReadLong(), reader.ReadLong()));
        for (int n = reader.ReadInt(); n > 0; n--) archive._history.Add(new EpropHistoryEntry(reader.ReadLong(), reader.ReadDouble(), reader.ReadDouble()));
        for (int n = reader.ReadInt(); n > 0; n--) archive._firingRateReg.Add((reader.ReadLong(), reader.ReadDouble()));
        return archive;
    }
}
