namespace NestSharp.Plasticity;

/// <summary>An entry of an e-prop history: the time step it belongs to (NEST's HistEntryEprop).</summary>
internal interface IEpropHistoryEntry
{
    /// <summary>The time step of the entry.</summary>
    long T { get; }
}

/// <summary>A recurrent neuron's e-prop values of one step (NEST's HistEntryEpropRecurrent).</summary>
internal struct EpropRecurrentEntry(long t) : IEpropHistoryEntry
{
    public readonly long T => Time;
    public long Time = t;
    public double SurrogateGradient;
    public double LearningSignal;
    public double FiringRateReg;
}

/// <summary>A readout neuron's e-prop value of one step (NEST's HistEntryEpropReadout).</summary>
internal struct EpropReadoutEntry(long t) : IEpropHistoryEntry
{
    public readonly long T => Time;
    public long Time = t;
    public double ErrorSignal;
}

/// <summary>A time of an update some incoming e-prop synapse still needs, with how many need it (NEST's HistEntryEpropUpdate).</summary>
internal struct EpropUpdateEntry(long t, long accessCounter) : IEpropHistoryEntry
{
    public readonly long T => Time;
    public long Time = t;
    public long AccessCounter = accessCounter;
}

/// <summary>The firing-rate regularisation of an update interval (NEST's HistEntryEpropFiringRateReg, bsshslm_2020 models).</summary>
internal struct EpropFiringRateRegEntry(long t, double firingRateReg) : IEpropHistoryEntry
{
    public readonly long T => Time;
    public long Time = t;
    public double FiringRateReg = firingRateReg;
}

/// <summary>
/// NEST's template argument hist_shift_required of the e-prop archiving nodes: whether the model belongs to the
/// bsshslm_2020 family (histories shifted by the model's own shift, learning signals one step later for the
/// normalisation of the readouts, update intervals) or to the current family (spike-triggered updates, histories shifted
/// by -delay_rec_out, eprop_isi_trace_cutoff). A struct per family, so each archive is compiled for its family.
/// </summary>
internal interface IEpropFamily
{
    /// <summary>NEST's hist_shift_required.</summary>
    static abstract bool HistoryShiftRequired { get; }
}

/// <summary>The current e-prop family (eprop_iaf, eprop_iaf_adapt, eprop_iaf_psc_delta(_adapt), eprop_readout): no history shift.</summary>
internal readonly struct EpropCurrentFamily : IEpropFamily
{
    public static bool HistoryShiftRequired => false;
}

/// <summary>The bsshslm_2020 e-prop family: histories shifted by the model's shift.</summary>
internal readonly struct EpropBsshslm2020Family : IEpropFamily
{
    public static bool HistoryShiftRequired => true;
}

/// <summary>
/// The fixed transmission delays of e-prop networks in steps (NEST's EpropArchivingNode: the implementation works only
/// when every delay is one step).
/// </summary>
internal static class EpropDelays
{
    /// <summary>Offset since generator signals start from time step 1.</summary>
    public const long OffsetGen = 1;

    /// <summary>From input to recurrent neurons.</summary>
    public const long InRec = 1;

    /// <summary>From recurrent to readout neurons.</summary>
    public const long RecOut = 1;

    /// <summary>Between readout neurons for normalisation.</summary>
    public const long OutNorm = 1;

    /// <summary>From readout to recurrent neurons.</summary>
    public const long OutRec = 1;
}

/// <summary>
/// The e-prop history of one neuron (NEST's EpropArchivingNode): the number of incoming e-prop synapses, the times of
/// updates still needed by at least one of them (with a count of how many), and the model's values per step
/// (<typeparamref name="TEntry"/>) that those updates read. The neuron appends an entry per step while it has incoming
/// e-prop synapses; the synapses read it when a spike arrives (<c>compute_gradient</c>) and then erase what no synapse
/// will read again. Both happen on the thread that owns the neuron.
/// <para><see cref="ModelShift"/> is NEST's model_dependent_history_shift_: -delay_rec_out in the current family,
/// the model's get_shift() in the bsshslm_2020 family (the model gives it at construction).</para>
/// </summary>
internal class EpropHistory<TEntry>(long modelShift) where TEntry : struct, IEpropHistoryEntry
{
    /// <summary>NEST's model_dependent_history_shift_ (steps).</summary>
    public long ModelShift { get; } = modelShift;

    /// <summary>Number of incoming e-prop synapses (NEST's eprop_indegree_).</summary>
    public long Indegree { get; set; }

    /// <summary>Updates still needed by at least one synapse, ordered by time.</summary>
    public List<EpropUpdateEntry> UpdateHistory { get; } = [];

    /// <summary>The values per step, ordered by time.</summary>
    public List<TEntry> Entries { get; } = [];

    /// <summary>NEST's register_eprop_connection: one more incoming e-prop synapse.</summary>
    public void RegisterConnection() => Indegree++;

    /// <summary>Index of the first update entry at or after <paramref name="timeStep"/> (NEST's get_update_history).</summary>
    public int UpdateIndex(long timeStep) => LowerBound(UpdateHistory, 0, timeStep);

    /// <summary>Index of the first history entry at or after <paramref name="timeStep"/> (NEST's get_eprop_history).</summary>
    public int EntryIndex(long timeStep) => LowerBound(Entries, 0, timeStep);

    /// <summary>The entry at <paramref name="index"/>, by reference.</summary>
    public ref TEntry At(int index) => ref CollectionsMarshal.AsSpan(Entries)[index];

    /// <summary>Lower bound by time in a list ordered by time, from <paramref name="from"/>.</summary>
    public static int LowerBound<T>(List<T> list, int from, long timeStep) where T : struct, IEpropHistoryEntry
    {
        var span = CollectionsMarshal.AsSpan(list);
        int lo = from, hi = span.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (span[mid].T < timeStep) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>NEST's initialize_update_history (bsshslm_2020 synapses at their first spike): an update at the model's shift.</summary>
    public void InitializeUpdateHistory()
    {
        long first = ModelShift;
        int i = UpdateIndex(first);
        if (i == UpdateHistory.Count || UpdateHistory[i].T != first) UpdateHistory.Add(new EpropUpdateEntry(first, 1));
        else CollectionsMarshal.AsSpan(UpdateHistory)[i].AccessCounter++;
    }

    /// <summary>
    /// NEST's write_update_to_history (bsshslm_2020 synapses): counts the synapse's current update (unless this is a
    /// flush event) and releases its previous one (unless that was a flush event).
    /// </summary>
    public void WriteUpdateToHistory(long previousUpdate, long currentUpdate, bool isFlushEvent, bool previousWasFlushEvent)
    {
        if (Indegree == 0) return;
        long current = currentUpdate + ModelShift, previous = previousUpdate + ModelShift;
        if (!isFlushEvent)
        {
            int i = UpdateIndex(current);
            if (i < UpdateHistory.Count && UpdateHistory[i].T == current) CollectionsMarshal.AsSpan(UpdateHistory)[i].AccessCounter++;
            else UpdateHistory.Add(new EpropUpdateEntry(current, 1));
        }
        if (!previousWasFlushEvent)
        {
            int i = UpdateIndex(previous);
            if (i < UpdateHistory.Count && UpdateHistory[i].T == previous)
            {
                ref var entry = ref CollectionsMarshal.AsSpan(UpdateHistory)[i];
                if (--entry.AccessCounter == 0) UpdateHistory.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// NEST's require_eprop_history_entry for <paramref name="count"/> steps from <paramref name="timeStep"/>: the entries
    /// from <paramref name="index"/> on must belong to those steps, one each (KernelException naming the first that does
    /// not). Entries are appended once per step and only erased, so their times rise strictly: the first and the last
    /// entry belonging to their steps means every one between does. Returns the entries.
    /// </summary>
    public ReadOnlySpan<TEntry> RequireEntries(int index, long timeStep, long count, int nodeId)
    {
        var entries = CollectionsMarshal.AsSpan(Entries);
        if (count <= 0) return entries;
        long last = index + count - 1;
        if (last < entries.Length && entries[index].T == timeStep && entries[(int)last].T == timeStep + count - 1) return entries;
        for (long k = 0; k < count; k++) RequireEntry(index + (int)k, timeStep + k, nodeId);
        return entries;
    }

    /// <summary>
    /// NEST's require_eprop_history_entry: the entry at <paramref name="index"/> must exist and belong to
    /// <paramref name="timeStep"/> (KernelException otherwise, naming the neuron).
    /// </summary>
    private void RequireEntry(int index, long timeStep, int nodeId)
    {
        if (index >= Entries.Count)
            throw new KernelException($"Expected in neuron with ID {nodeId} e-prop history entry at t={timeStep}, got end of e-prop history.");
        long t = Entries[index].T;
        if (t != timeStep)
            throw new KernelException($"Expected in neuron with ID {nodeId} e-prop history entry at t={timeStep}, got t={t}.");
    }

    /// <summary>
    /// NEST's erase_used_eprop_history() of the bsshslm_2020 family: erases the entries of update intervals in which no
    /// spike reached the neuron and everything before the earliest update still needed.
    /// </summary>
    public void EraseUsedHistory(long updateIntervalSteps)
    {
        if (Entries.Count == 0 || UpdateHistory.Count == 0) return;
        int u = 0;
        long last = UpdateHistory[^1].T;
        for (long t = UpdateHistory[0].T; t <= last && u < UpdateHistory.Count; t += updateIntervalSteps)
        {
            if (UpdateHistory[u].T == t)
            {
                u++;
            }
            else
            {
                int from = EntryIndex(t), to = EntryIndex(t + updateIntervalSteps);
                if (to > from) Entries.RemoveRange(from, to - from);
            }
        }
        int keep = EntryIndex(UpdateHistory[0].T);
        if (keep > 0) Entries.RemoveRange(0, keep);
    }

    /// <summary>
    /// NEST's erase_used_eprop_history(t_spike, t_spike_previous) of the current family, after a synapse computed its
    /// gradient for the spike at <paramref name="tSpike"/>: counts the synapse at its new spike, releases its previous
    /// spike, erases the history between the previous spike and the cutoff (<paramref name="cutoffSteps"/>) unless other
    /// synapses' spikes need it, and everything before the earliest spike still counted.
    /// </summary>
    public void EraseUsedHistory(long tSpike, long tSpikePrevious, long cutoffSteps)
    {
        int i = UpdateIndex(tSpike);
        if (i < UpdateHistory.Count && UpdateHistory[i].T == tSpike) CollectionsMarshal.AsSpan(UpdateHistory)[i].AccessCounter++;
        else UpdateHistory.Insert(i, new EpropUpdateEntry(tSpike, 1));

        if (tSpikePrevious > 0)
        {
            int p = UpdateIndex(tSpikePrevious);
            if (p < UpdateHistory.Count && UpdateHistory[p].T == tSpikePrevious)
            {
                ref var entry = ref CollectionsMarshal.AsSpan(UpdateHistory)[p];
                if (entry.AccessCounter > 0) entry.AccessCounter--;
                if (entry.AccessCounter == 0) UpdateHistory.RemoveAt(p);
            }
            // Erase between the previous spike and the cutoff, shrunk so that every spike in the search window keeps
            // the cutoff's steps after it.
            long candidateBegin = tSpikePrevious - 1;
            long candidateEnd = candidateBegin + cutoffSteps;
            long eraseBegin = candidateBegin, eraseEnd = candidateEnd;
            long searchBegin = Math.Max(0L, candidateBegin - cutoffSteps);
            long searchEnd = candidateEnd;
            int first = UpdateIndex(searchBegin);
            int end = LowerBound(UpdateHistory, first, searchEnd + 1);
            for (int k = first; k != end && eraseBegin < eraseEnd; k++)
            {
                long requiredBegin = UpdateHistory[k].T - 1;
                long requiredEnd = requiredBegin + cutoffSteps;
                if (requiredBegin >= candidateBegin && requiredBegin <= candidateEnd) eraseEnd = Math.Min(eraseEnd, requiredBegin);
                if (requiredEnd >= candidateBegin && requiredEnd <= candidateEnd) eraseBegin = Math.Max(eraseBegin, requiredEnd);
            }
            int from = EntryIndex(eraseBegin), to = EntryIndex(eraseEnd);
            if (from < to) Entries.RemoveRange(from, to - from);
        }
        if (UpdateHistory.Count == 0 || Entries.Count == 0) return;
        long timeKeep = UpdateHistory[0].T - 1;
        int keep = EntryIndex(timeKeep);
        if (keep < Entries.Count && Entries[keep].T == timeKeep && keep != 0) Entries.RemoveRange(0, keep);
    }

    /// <summary>NEST's get_eprop_history_duration: the history's length in ms.</summary>
    public double Duration(double resolution) => resolution * Entries.Count;
}

/// <summary>
/// The surrogate gradients (pseudo-derivatives) of the recurrent e-prop neurons (NEST's surrogate_gradient_function):
/// functions of the refractory count r, V_m, V_th, the height and the width, 0 while refractory.
/// </summary>
internal enum EpropSurrogateGradient
{
    /// <summary>height · max(0, 1 - |V_m - V_th| / width).</summary>
    PiecewiseLinear,

    /// <summary>height · exp(-|V_m - V_th| / width).</summary>
    Exponential,

    /// <summary>height · (1 + |V_m - V_th| / width)^-2.</summary>
    FastSigmoidDerivative,

    /// <summary>height / (1 + ((V_m - V_th) / width)²).</summary>
    ArctanDerivative,
}

/// <summary>The surrogate gradients by name (NEST's surrogate_gradient_funcs_) and their values.</summary>
internal static class EpropSurrogateGradients
{
    /// <summary>NEST's names, in the order of its map (alphabetical).</summary>
    public static readonly string[] Names = ["arctan_derivative", "exponential", "fast_sigmoid_derivative", "piecewise_linear"];

    private static readonly EpropSurrogateGradient[] Kinds =
        [EpropSurrogateGradient.ArctanDerivative, EpropSurrogateGradient.Exponential, EpropSurrogateGradient.FastSigmoidDerivative, EpropSurrogateGradient.PiecewiseLinear];

    /// <summary>NEST's message for an unknown surrogate_gradient_function (its names in the order of its map).</summary>
    public static readonly string Allowed =
        $"Surrogate gradient / pseudo-derivate function surrogate_gradient_function from [{string.Join(",", Names.Select(n => $" \"{n}\""))} ] required";

    /// <summary>The number of piecewise_linear (NEST's default) among <see cref="Names"/>.</summary>
    public static readonly int PiecewiseLinearNumber = Array.IndexOf(Names, "piecewise_linear");

    /// <summary>The function numbered <paramref name="number"/> in <see cref="Names"/>.</summary>
    public static EpropSurrogateGradient OfNumber(double number) => Kinds[(int)number];

    /// <summary>The surrogate gradient for refractory count <paramref name="r"/> (NEST's compute_*_surrogate_gradient).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Compute(EpropSurrogateGradient kind, double r, double vm, double vth, double height, double width)
    {
        if (r > 0.0) return 0.0;
        return kind switch
        {
            EpropSurrogateGradient.PiecewiseLinear => height * Math.Max(0.0, 1.0 - Math.Abs(vm - vth) / width),
            EpropSurrogateGradient.Exponential => height * Math.Exp(-Math.Abs(vm - vth) / width),
            EpropSurrogateGradient.FastSigmoidDerivative => height * Math.Pow(1.0 + Math.Abs(vm - vth) / width, -2.0),
            _ => height / (1.0 + NumericsHelper.Squared((vm - vth) / width)),
        };
    }
}

/// <summary>
/// The e-prop history of a recurrent neuron (NEST's EpropArchivingNodeRecurrent&lt;hist_shift_required&gt;): per step
/// the surrogate gradient, the learning signal (summed from the readouts' error signals) and the firing-rate
/// regularisation; the running firing-rate average of the current family; the spike count and per-update
/// regularisation history of the bsshslm_2020 family.
/// </summary>
internal sealed class EpropRecurrentHistory<TFamily>(long modelShift) : EpropHistory<EpropRecurrentEntry>(modelShift)
    where TFamily : struct, IEpropFamily
{
    /// <summary>Firing rate regularisation (NEST's firing_rate_reg_).</summary>
    public double FiringRateReg { get; set; }

    /// <summary>Average firing rate (NEST's f_av_).</summary>
    public double AverageFiringRate { get; set; }

    /// <summary>Spikes counted for the regularisation (NEST's n_spikes_, bsshslm_2020).</summary>
    public long SpikeCount { get; set; }

    /// <summary>Regularisation per update (NEST's firing_rate_reg_history_, bsshslm_2020).</summary>
    public List<EpropFiringRateRegEntry> FiringRateRegHistory { get; } = [];

    /// <summary>The creating model's shift for the current family (-delay_rec_out).</summary>
    public static long CurrentFamilyShift => -EpropDelays.RecOut;

    /// <summary>Steps from the readout's error to the recurrent neuron's history (NEST's shift of the learning signal).</summary>
    private static long LearningSignalShift => EpropDelays.RecOut + EpropDelays.OutRec + (TFamily.HistoryShiftRequired ? EpropDelays.OutNorm : 0);

    /// <summary>NEST's append_new_eprop_history_entry.</summary>
    public void Append(long timeStep)
    {
        if (Indegree == 0) return;
        Entries.Add(new EpropRecurrentEntry(timeStep));
    }

    /// <summary>NEST's write_surrogate_gradient_to_history.</summary>
    public void WriteSurrogateGradient(long timeStep, double surrogateGradient)
    {
        if (Indegree == 0) return;
        At(EntryIndex(timeStep)).SurrogateGradient = surrogateGradient;
    }

    /// <summary>NEST's write_learning_signal_to_history: adds to the entries of the step the readout's error belongs to.</summary>
    public void WriteLearningSignal(long timeStep, double learningSignal)
    {
        if (Indegree == 0) return;
        long shift = LearningSignalShift;
        int from = EntryIndex(timeStep - shift), to = EntryIndex(timeStep - shift + EpropDelays.OutRec);
        var span = CollectionsMarshal.AsSpan(Entries);
        for (int i = from; i < to; i++) span[i].LearningSignal += learningSignal;
    }

    /// <summary>
    /// NEST's write_firing_rate_reg_to_history(t_current_update, f_target, c_reg) of the bsshslm_2020 family: the
    /// regularisation of the update interval from the spike count (f_target in spikes/ms).
    /// </summary>
    public void WriteFiringRateReg(long currentUpdate, double fTarget, double cReg, long updateIntervalSteps, double resolution, long resolutionSteps)
    {
        if (Indegree == 0) return;
        double updateInterval = updateIntervalSteps;
        double fAv = SpikeCount / updateInterval;
        double fTargetPerStep = fTarget * resolution;
        double reg = cReg * (fAv - fTargetPerStep) / updateInterval;
        FiringRateRegHistory.Add(new EpropFiringRateRegEntry(currentUpdate + resolutionSteps, reg));
    }

    /// <summary>
    /// NEST's write_firing_rate_reg_to_history(t, z, f_target, kappa_reg, c_reg) of the current family: the running
    /// average of the firing rate and the step's regularisation (f_target in spikes/ms).
    /// </summary>
    public void WriteFiringRateReg(long timeStep, double z, double fTarget, double kappaReg, double cReg, double resolution)
    {
        if (Indegree == 0) return;
        double dt = resolution;
        double fTargetPerStep = fTarget * dt;
        AverageFiringRate = kappaReg * AverageFiringRate + (1.0 - kappaReg) * z / dt;
        FiringRateReg = cReg * (AverageFiringRate - fTargetPerStep);
        At(EntryIndex(timeStep)).FiringRateReg = FiringRateReg;
    }

    /// <summary>NEST's get_firing_rate_reg_history (bsshslm_2020): the regularisation of the first update at or after <paramref name="timeStep"/>.</summary>
    public double FiringRateRegAt(long timeStep) => FiringRateRegHistory[LowerBound(FiringRateRegHistory, 0, timeStep)].FiringRateReg;

    /// <summary>NEST's get_learning_signal_from_history: the learning signal the neuron shows at <paramref name="timeStep"/>.</summary>
    public double LearningSignalAt(long timeStep)
    {
        int i = EntryIndex(timeStep - LearningSignalShift);
        return i == Entries.Count ? 0.0 : Entries[i].LearningSignal;
    }

    /// <summary>NEST's erase_used_firing_rate_reg_history (bsshslm_2020).</summary>
    public void EraseUsedFiringRateRegHistory()
    {
        int u = 0, r = 0;
        while (u < UpdateHistory.Count && r < FiringRateRegHistory.Count)
        {
            if (UpdateHistory[u].AccessCounter == 0) FiringRateRegHistory.RemoveAt(r);
            else r++;
            u++;
        }
    }

    /// <summary>NEST's count_spike.</summary>
    public void CountSpike() => SpikeCount++;

    /// <summary>NEST's reset_spike_count.</summary>
    public void ResetSpikeCount() => SpikeCount = 0;
}

/// <summary>The e-prop history of a readout neuron (NEST's EpropArchivingNodeReadout&lt;hist_shift_required&gt;): the error signal per step.</summary>
internal sealed class EpropReadoutHistory<TFamily>(long modelShift) : EpropHistory<EpropReadoutEntry>(modelShift)
    where TFamily : struct, IEpropFamily
{
    /// <summary>The creating model's shift for the current family (-delay_rec_out).</summary>
    public static long CurrentFamilyShift => -EpropDelays.RecOut;

    /// <summary>NEST's append_new_eprop_history_entry (one step earlier in the bsshslm_2020 family, for the normalisation).</summary>
    public void Append(long timeStep)
    {
        if (Indegree == 0) return;
        if (TFamily.HistoryShiftRequired) timeStep -= EpropDelays.OutNorm;
        Entries.Add(new EpropReadoutEntry(timeStep));
    }

    /// <summary>NEST's write_error_signal_to_history.</summary>
    public void WriteErrorSignal(long timeStep, double errorSignal)
    {
        if (Indegree == 0) return;
        if (TFamily.HistoryShiftRequired) timeStep -= EpropDelays.OutNorm;
        At(EntryIndex(timeStep)).ErrorSignal = errorSignal;
    }
}

/// <summary>
/// A neuron group whose nodes keep an e-prop history (both families). Before each run the group sets every node's
/// <see cref="EpropHistory{TEntry}.Indegree"/> to 0 in its Prepare, and the e-prop synapse types then count their
/// connections into it (NEST's register_eprop_connection, called per connection at Connect) from their
/// <see cref="SynapseType.PrepareRun"/>, so a node appends history only while e-prop synapses reach it.
/// </summary>
internal interface IEpropTarget
{
    /// <summary>One more incoming e-prop synapse for the node at storage position <paramref name="position"/>.</summary>
    void RegisterEpropConnection(int position);
}

/// <summary>
/// The e-prop histories in a checkpoint (both families): the indegree, the update history and every entry, and of a
/// recurrent neuron also the running firing-rate values, the spike count and the regularisation per update. A history
/// read back continues exactly as the saved one.
/// </summary>
internal static class EpropHistoryCheckpoint
{
    /// <summary>Writes a recurrent neuron's history.</summary>
    public static void Save<TFamily>(CheckpointWriter writer, EpropRecurrentHistory<TFamily> history) where TFamily : struct, IEpropFamily
    {
        SaveCommon(writer, history);
        writer.Write(history.Entries.Count);
        foreach (var e in history.Entries)
        {
            writer.Write(e.Time);
            writer.Write(e.SurrogateGradient);
            writer.Write(e.LearningSignal);
            writer.Write(e.FiringRateReg);
        }
        writer.Write(history.SpikeCount);
        writer.Write(history.FiringRateReg);
        writer.Write(history.AverageFiringRate);
        writer.Write(history.FiringRateRegHistory.Count);
        foreach (var e in history.FiringRateRegHistory)
        {
            writer.Write(e.Time);
            writer.Write(e.FiringRateReg);
        }
    }

    /// <summary>Reads what <see cref="Save{TFamily}(CheckpointWriter, EpropRecurrentHistory{TFamily})"/> wrote, into a history with the model's <paramref name="shift"/>.</summary>
    public static EpropRecurrentHistory<TFamily> RestoreRecurrent<TFamily>(CheckpointReader reader, long shift) where TFamily : struct, IEpropFamily
    {
        var history = new EpropRecurrentHistory<TFamily>(shift);
        RestoreCommon(reader, history);
        for (int n = reader.ReadInt(); n > 0; n--)
        {
            history.Entries.Add(new EpropRecurrentEntry(reader.ReadLong())
            {
                SurrogateGradient = reader.ReadDouble(), LearningSignal = reader.ReadDouble(), FiringRateReg = reader.ReadDouble(),
            });
        }
        history.SpikeCount = reader.ReadLong();
        history.FiringRateReg = reader.ReadDouble();
        history.AverageFiringRate = reader.ReadDouble();
        for (int n = reader.ReadInt(); n > 0; n--) history.FiringRateRegHistory.Add(new EpropFiringRateRegEntry(reader.ReadLong(), reader.ReadDouble()));
        return history;
    }

    /// <summary>Writes a readout neuron's history.</summary>
    public static void Save<TFamily>(CheckpointWriter writer, EpropReadoutHistory<TFamily> history) where TFamily : struct, IEpropFamily
    {
        SaveCommon(writer, history);
        writer.Write(history.Entries.Count);
        foreach (var e in history.Entries)
        {
            writer.Write(e.Time);
            writer.Write(e.ErrorSignal);
        }
    }

    /// <summary>Reads what <see cref="Save{TFamily}(CheckpointWriter, EpropReadoutHistory{TFamily})"/> wrote, into a history with the model's <paramref name="shift"/>.</summary>
    public static EpropReadoutHistory<TFamily> RestoreReadout<TFamily>(CheckpointReader reader, long shift) where TFamily : struct, IEpropFamily
    {
        var history = new EpropReadoutHistory<TFamily>(shift);
        RestoreCommon(reader, history);
        for (int n = reader.ReadInt(); n > 0; n--) history.Entries.Add(new EpropReadoutEntry(reader.ReadLong()) { ErrorSignal = reader.ReadDouble() });
        return history;
    }

    private static void SaveCommon<TEntry>(CheckpointWriter writer, EpropHistory<TEntry> history) where TEntry : struct, IEpropHistoryEntry
    {
        writer.Write(history.Indegree);
        writer.Write(history.UpdateHistory.Count);
        foreach (var u in history.UpdateHistory)
        {
            writer.Write(u.Time);
            writer.Write(u.AccessCounter);
        }
    }

    private static void RestoreCommon<TEntry>(CheckpointReader reader, EpropHistory<TEntry> history) where TEntry : struct, IEpropHistoryEntry
    {
        history.Indegree = reader.ReadLong();
        for (int n = reader.ReadInt(); n > 0; n--) history.UpdateHistory.Add(new EpropUpdateEntry(reader.ReadLong(), reader.ReadLong()));
    }
}
