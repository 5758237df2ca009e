using NestSharp.Connections;
using NestSharp.Kernel;
using NestSharp.Plasticity;

namespace NestSharp.Models.Synapses;

/// <summary>
/// The rule of a <see cref="VoltageHistorySynapseType{THistory}"/>: where a synapse's target keeps its history and what a
/// pre-synaptic spike does to the synapse. Implemented by a struct over the columns of a block, so that its calls are
/// resolved at compile time (and the history found with the concrete type, not through shared generic code);
/// implementations mark <see cref="Update"/> for inlining into the delivery loop.
/// </summary>
internal interface IVoltageHistoryRule<THistory> where THistory : class
{
    /// <summary>The history neuron <paramref name="target"/> keeps for this rule, or null.</summary>
    THistory? HistoryOf(SpikeArchive archive, int target);

    /// <summary>
    /// Applies the rule to <paramref name="synapse"/> for a pre-synaptic spike at <paramref name="tSpike"/> (ms) that
    /// reaches the target after <paramref name="dendriticDelay"/> (ms): returns the weight the spike is transmitted with,
    /// from the synapse's <paramref name="weight"/> and the target's <paramref name="history"/>, and advances the
    /// synapse's traces and last spike time to <paramref name="tSpike"/>.
    /// </summary>
    double Update(int synapse, double weight, THistory history, double tSpike, double dendriticDelay);
}

/// <summary>
/// Base of the synapse models whose rule reads a history that their target neuron writes once per step (NEST's
/// clopath_synapse and urbanczik_synapse, reading a <see cref="ClopathHistory"/> or <see cref="UrbanczikHistory"/>).
/// Each synapse keeps its target's id. A pre-synaptic spike of multiplicity m
/// in step s (stamped s + 1) does for each synapse i of its source, in the order of the block:
/// <code>
/// w_i ← Rule.Update(i, w_i, the target's history, t_spike = time of s + 1, d_i·h)       (d_i the delay in steps)
/// the target's channel receives m·w_i in step s + d_i
/// the model's weight_recorder, if any, records w_i
/// </code>
/// </summary>
/// <param name="name">The synapse model's name.</param>
/// <param name="missingHistory">What the error names when a target keeps no such history ("X history (it must be a Y)").</param>
internal abstract class VoltageHistorySynapseType<THistory>(string name, string missingHistory) : HistoryReadingSynapseType(name)
    where THistory : class
{

    /// <summary>Transmits the spikes through the synapses of <paramref name="block"/>, updating them by <paramref name="rule"/>.</summary>
    protected void Deliver<TRule>(TRule rule, SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
        where TRule : struct, IVoltageHistoryRule<THistory>
    {
        var ring = context.Ring;
        var time = context.Time;
        var archive = context.Archive;
        double[] data = ring.Data;
        int channels = ring.Channels, slots = ring.Slots;
        double[] weights = block.Weights;
        int[] targets = block.Indices[SynapseSchema.TargetColumn];
        ushort[] delays = block.Delays;
        int? recorder = model.WeightRecorderId;

        foreach (ref readonly var spike in spikes)
        {
            var (first, last) = block.RangeOf(spike.Source);
            if (first == last) continue;
            long stamp = context.SliceStart + spike.Lag + 1;
            double tSpike = time.StepToMs(stamp);
            int baseSlot = (int)((context.SliceStart + spike.Lag) % slots);
            for (int i = first; i < last; i++)
            {
                var history = rule.HistoryOf(archive, targets[i])
                    ?? throw new KernelException($"{Name}: target {targets[i]} keeps no {missingHistory}.");
                double w = rule.Update(i, weights[i], history, tSpike, delays[i] * time.Resolution);
                weights[i] = w;

                int slot = baseSlot + delays[i];
                if (slot >= slots) slot -= slots;
                data[(nint)slot * channels + block.Channels[i]] += w * spike.Multiplicity;

                if (recorder is { } id)
                    context.WeightEvents.Add(id, stamp, spike.Source, targets[i], w, block.ReceptorAt(i), i - first);
            }
        }
    }
}
