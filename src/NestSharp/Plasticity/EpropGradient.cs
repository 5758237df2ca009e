namespace NestSharp.Plasticity;

/// <summary>
/// The traces an eprop_synapse keeps for its target's gradient computation (NEST's eprop_synapse members): the
/// presynaptic spike one step before the previous spike, z̄, ē, ē_reg, ε, the summed gradient, the steps left until the
/// cutoff and the steps of decay not yet applied.
/// </summary>
internal struct EpropSynapseTrace
{
    public double ZPreviousBuffer, ZBar, EBar, EBarReg, Epsilon, Gradient;
    public long RemainingStepsUntilCutoff, DecaySteps;
}

/// <summary>
/// What a target model adds to the current family's gradient walk (<see cref="EpropGradient.Compute{TEntry, TStep}"/>):
/// the gradient increment of one history step after z̄ has been filtered, and the decay of its own traces over the steps
/// without history after z̄'s.
/// </summary>
internal interface IEpropGradientStep<TEntry> where TEntry : struct, IEpropHistoryEntry
{
    /// <summary>The increment of the gradient at a step with history entry <paramref name="entry"/>.</summary>
    double Increment(in TEntry entry, ref EpropSynapseTrace trace);

    /// <summary>The decay of the model's traces over <see cref="EpropSynapseTrace.DecaySteps"/>.</summary>
    void Decay(ref EpropSynapseTrace trace);
}

/// <summary>
/// NEST's compute_gradient of the current e-prop family (eprop_readout and the recurrent models), called by an
/// eprop_synapse at a presynaptic spike or flush event: walks the target's history from the step before the previous
/// spike up to the cutoff (eprop_isi_trace_cutoff), filtering the presynaptic spike train z̄ = P_v_m z̄ + z and adding
/// the model's increment each step; optimises the weight each step or once per spike; and decays the traces over the
/// steps beyond the cutoff when a spike (not a flush event) arrives.
/// </summary>
internal static class EpropGradient
{
    /// <summary>The gradient walk of one synapse, whose target has history <paramref name="history"/>, P_v_m
    /// <paramref name="pvm"/> and the cutoff <paramref name="cutoffSteps"/>.</summary>
    public static void Compute<TEntry, TStep>(EpropHistory<TEntry> history, TStep step, int nodeId, double pvm, long cutoffSteps,
        long tSpike, long tSpikePrevious, ref EpropSynapseTrace trace, ref double weight,
        WeightOptimizerSettings cp, ref WeightOptimizerState optimizer, bool isFlushEvent, bool previousWasFlushEvent)
        where TEntry : struct, IEpropHistoryEntry
        where TStep : struct, IEpropGradientStep<TEntry>
    {
        bool optimizeEachStep = cp.OptimizeEachStep;
        long isiSteps = tSpike - tSpikePrevious;
        trace.RemainingStepsUntilCutoff = previousWasFlushEvent ? trace.RemainingStepsUntilCutoff : cutoffSteps;
        double zCurrentBuffer = 0.0;
        if (!previousWasFlushEvent)
        {
            trace.Gradient = 0.0;
            zCurrentBuffer = 1.0;
        }
        long tBegin = tSpikePrevious - 1;
        int k = history.EntryIndex(tBegin);
        long tSteps = Math.Min(trace.RemainingStepsUntilCutoff, isiSteps);
        long tEnd = tBegin + tSteps;
        var entries = history.RequireEntries(k, tBegin, tSteps, nodeId);
        // The traces in a local, and a loop without a call unless the weight is optimised at each step: the compiler
        // then keeps them in registers instead of storing and reloading them at every step.
        var local = trace;
        if (optimizeEachStep)
        {
            for (long t = tBegin; t < tEnd; ++t, ++k)
            {
                local.Gradient = Increment(ref local, ref zCurrentBuffer, pvm, entries[k], step);
                weight = optimizer.OptimizedWeight(cp, t + 1, local.Gradient, weight);
            }
        }
        else
        {
            for (long t = tBegin; t < tEnd; ++t, ++k)
            {
                double increment = Increment(ref local, ref zCurrentBuffer, pvm, entries[k], step);
                local.Gradient += increment;
            }
        }
        trace = local;
        trace.RemainingStepsUntilCutoff -= tSteps;
        long remainingUntilEvent = isiSteps - tSteps;
        trace.DecaySteps += remainingUntilEvent;
        if (!isFlushEvent && trace.DecaySteps > 0)
        {
            trace.ZBar *= Math.Pow(pvm, trace.DecaySteps);
            step.Decay(ref trace);
            trace.DecaySteps = 0;
        }
        if (!isFlushEvent && !optimizeEachStep) weight = optimizer.OptimizedWeight(cp, tEnd + remainingUntilEvent, trace.Gradient, weight);
    }

    /// <summary>One step of the walk: the presynaptic spike train shifted by a step, z̄ filtered, and the model's increment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Increment<TEntry, TStep>(ref EpropSynapseTrace trace, ref double zCurrentBuffer, double pvm, in TEntry entry, TStep step)
        where TEntry : struct, IEpropHistoryEntry
        where TStep : struct, IEpropGradientStep<TEntry>
    {
        double z = trace.ZPreviousBuffer;
        trace.ZPreviousBuffer = zCurrentBuffer;
        zCurrentBuffer = 0.0;
        trace.ZBar = pvm * trace.ZBar + z;
        return step.Increment(entry, ref trace);
    }
}

/// <summary>What a bsshslm_2020 target adds at each step of <see cref="EpropBsshslm2020Gradient.Walk{TEntry, TStep}"/>.</summary>
internal interface IEpropIntervalStep<TEntry> where TEntry : struct, IEpropHistoryEntry
{
    /// <summary>The step with history entry <paramref name="entry"/> and the filtered presynaptic spike train <paramref name="zBar"/>.</summary>
    void Add(in TEntry entry, double zBar);
}

/// <summary>
/// The walk of NEST's compute_gradient in the bsshslm_2020 family (eprop_iaf(_adapt)_bsshslm_2020,
/// eprop_readout_bsshslm_2020): over the steps from the trigger spike through the presynaptic inter-spike intervals,
/// z̄ = P_v_m z̄ + P_z_in z (z = 1 at the first step of each interval, else 0), the model's step with each history entry.
/// </summary>
internal static class EpropBsshslm2020Gradient
{
    /// <summary>Walks <paramref name="history"/> of node <paramref name="nodeId"/> from <paramref name="tTrigger"/> through <paramref name="isis"/>.</summary>
    public static void Walk<TEntry, TStep>(EpropHistory<TEntry> history, ReadOnlySpan<long> isis, long tTrigger, int nodeId, double pvm, double pzIn, ref TStep step)
        where TEntry : struct, IEpropHistoryEntry
        where TStep : struct, IEpropIntervalStep<TEntry>
    {
        // The intervals cover the steps from the trigger spike on without a gap: their entries are checked at once
        // (the first missing one fails, as when each interval's are checked before its walk), so that the walk below
        // makes no call and the compiler keeps z̄ and the step's traces in registers (a call inside the loop made it
        // store and reload them at every step).
        long steps = 0;
        foreach (long isi in isis) steps += isi;
        int e = history.EntryIndex(tTrigger);
        var entries = history.RequireEntries(e, tTrigger, steps, nodeId);
        var local = step;
        double zBar = 0.0;
        foreach (long isi in isis)
        {
            double z = 1.0;
            for (long k = 0; k < isi; k++, e++)
            {
                zBar = pvm * zBar + pzIn * z;
                local.Add(entries[e], zBar);
                z = 0.0;
            }
        }
        step = local;
    }
}
