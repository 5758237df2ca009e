namespace NestSharp.Models.Synapses;

/// <summary>
/// What a synapse whose transmission depends only on its own state and the pre-synaptic spikes (short-term
/// plasticity, stochastic release, a weight common to the model) does when a spike passes: it advances its state to the
/// spike, decides whether the spike is transmitted and with which weight. Implemented by a struct (a ref struct where
/// it holds a span) over the columns of one block, so the delivery loop is specialised for it; implementations mark
/// <see cref="Transmit"/> for inlining.
/// </summary>
internal interface ITransmissionRule
{
    /// <summary>
    /// Applies the rule to <paramref name="synapse"/> (stored weight <paramref name="weight"/>) for a pre-synaptic spike
    /// stamped <paramref name="stamp"/> (steps; <paramref name="tSpike"/> in ms): returns whether the spike is
    /// transmitted, and the weight it is transmitted with in <paramref name="transmitted"/>.
    /// </summary>
    bool Transmit(int synapse, double weight, long stamp, double tSpike, out double transmitted);
}

/// <summary>
/// Base of the synapse models that transmit with a weight of their own making (<see cref="ITransmissionRule"/>). A
/// pre-synaptic spike of multiplicity m in step s (stamped s + 1) does for each synapse i of its source, in the order of
/// the block:
/// <code>
/// if Rule.Transmit(i, w_i, s + 1, t_spike, out v):
///     the target's channel receives m·v in step s + d_i (or m, for a target that counts spikes: then v is logged
///     for precise receivers, <see cref="PreciseWeightLog"/>)
///     the model's weight_recorder, if any, records v (the transmitted weight, as NEST's weight events carry it)
/// </code>
/// The target's input was chosen by the sign of the weight stored with the synapse; a transmitted weight of the other
/// sign (a common weight whose sign changed, a spike weight of a spike_generator) goes to the target's other input, as
/// NEST routes by the event's weight.
/// </summary>
/// <param name="name">The synapse model's name.</param>
internal abstract class TransmissionRuleSynapseType(string name) : SynapseType(name)
{
    public override bool SupportsCheckpoint => true;

    /// <summary>Delivery logs each spike it transmits into a counting input, with its weight.</summary>
    public sealed override PreciseWeight WeightForPreciseTargets => PreciseWeight.Logged;

    /// <summary>Transmits the spikes through the synapses of <paramref name="block"/>, each decided by <paramref name="rule"/>.</summary>
    protected static void Deliver<TRule>(TRule rule, SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
        where TRule : struct, ITransmissionRule, allows ref struct =>
        block.Deliver(new Delivery<TRule>(rule), spikes, context, model);

    /// <summary>The delivery loop of a rule, compiled once per rule and delay width.</summary>
    private readonly ref struct Delivery<TRule>(TRule rule) : IDeliveryLoop
        where TRule : struct, ITransmissionRule, allows ref struct
    {
        private readonly TRule _rule = rule;

        public void Run<TDelays>(TDelays delays, SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
            where TDelays : struct, IDelays =>
            Loop(_rule, delays, block, spikes, in context, model);

        private static void Loop<TDelays>(TRule rule, TDelays delays, SynapseBlock block, ReadOnlySpan<Spike> spikes,
            in DeliveryContext context, SynapseModel model)
            where TDelays : struct, IDelays
        {
            var ring = context.Ring;
            double[] data = ring.Data;
            int channels = ring.Channels, slots = ring.Slots;
            double[] weights = block.Weights;
            int[] channelsOf = block.Channels;
            int[] offsets = block.Offsets;
            int sourceMin = block.SourceMin, sourceCount = block.SourceCount;
            int? recorder = model.WeightRecorderId;

            foreach (ref readonly var spike in spikes)
            {
                int s = spike.Source - sourceMin;
                if ((uint)s >= (uint)sourceCount) continue;
                int first = offsets[s], last = offsets[s + 1];
                if (first == last) continue;
                long stamp = context.SliceStart + spike.Lag + 1;
                double tSpike = context.Time.StepToMs(stamp);
                int baseSlot = (int)((context.SliceStart + spike.Lag) % slots);
                for (int i = first; i < last; i++)
                {
                    if (!rule.Transmit(i, weights[i], stamp, tSpike, out double w)) continue;
                    w *= spike.WeightFactor;

                    int channel = channelsOf[i];
                    if (channel >= 0 && (w < 0) != (weights[i] < 0)) channel = context.Reroute(channel, block.ReceptorAt(i), w);
                    RingInput.Add(data, channels, slots, baseSlot, delays[i], channel, in spike, i, w, in context);

                    // NEST's weight event: the receptor port on the target (rport) and the connection's port (its lcid).
                    if (recorder is { } id)
                        context.WeightEvents.Add(id, stamp, spike.Source, context.NodeOfChannel[channelsOf[i] & int.MaxValue], w, block.PortAt(i), i);
                }
            }
        }
    }

    /// <summary>The check of a fraction (release probability, utilisation) in NEST's short-term plasticity models: a value in [0, 1].</summary>
    protected static Requirement UnitInterval(string key) => new(static v => v >= 0.0 && v <= 1.0, $"'{key}' must be in [0,1]");
}
