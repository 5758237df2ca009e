namespace NestSharp.Nodes;

/// <summary>
/// A neuron group with inputs that need each arriving spike's offset (precise spike times), which the per-step sums of
/// the input ring lose. Its precise inputs are ordinary counting channels of the ring (every synapse type and generator
/// adds into them as into any counting input); in addition, the kernel's <see cref="Kernel.PreciseSpikeRoutes"/> hands
/// the group every spike that reaches such a channel through a synapse, with its arrival step, offset and multiplicity,
/// and poisson_generator_ps hands it each spike it adds there (during the update). Calls come from the thread that owns
/// the target node, in the canonical delivery order.
/// </summary>
internal interface IPreciseSpikeReceiver
{
    /// <summary>Whether ring channel <paramref name="channel"/> is one of this group's precise inputs.</summary>
    bool TakesPreciseSpikesOn(int channel);

    /// <summary>
    /// Whether the group uses the spikes' weights (precise neurons; the parrot repeats spikes whatever their weight).
    /// Such a group takes spikes only from synapse models whose transmitted weight the delivery pass can read
    /// (<see cref="Connections.SynapseType.WeightForPreciseTargets"/>) and, among generators that serve their targets
    /// directly, only from those that send precise spikes (poisson_generator_ps).
    /// </summary>
    bool UsesWeights { get; }

    /// <summary>
    /// A spike of <paramref name="multiplicity"/> that arrives on <paramref name="channel"/> in step
    /// <paramref name="step"/> (the step whose input row the ring holds it in), <paramref name="offset"/> ms before the
    /// end of its sender's step, with the <paramref name="weight"/> its connection transmitted (per spike; NaN where
    /// the receiver does not use weights and the synapse model's transmitted weight is not known).
    /// </summary>
    void ReceivePrecise(int channel, long step, double offset, int multiplicity, double weight);
}
