namespace NestSharp.Nodes;

/// <summary>
/// A neuron group with inputs that need each arriving spike's offset (precise spike times), which the per-step sums of
/// the input ring lose. Its precise inputs are ordinary counting channels of the ring (every synapse type and generator
/// adds into them as into any counting input); in addition, the kernel's <see cref="Kernel.PreciseSpikeRoutes"/> hands
/// the group every spike that reaches such a channel through a synapse, with its arrival step, offset and multiplicity,
/// and poisson_generator_ps hands it each spike it adds there (during the update); generators that send spikes on the
/// grid hand each event they add into a precise neuron's input to it as well, with offset 0
/// (<see cref="Connections.DeviceTarget.PreciseNeuron"/>). Calls come from the thread that owns the target node (or,
/// for the spike_dilutor, serially between update and delivery), in an order that does not depend on the number of
/// threads.
/// </summary>
internal interface IPreciseSpikeReceiver
{
    /// <summary>Whether ring channel <paramref name="channel"/> is one of this group's precise inputs.</summary>
    bool TakesPreciseSpikesOn(int channel);

    /// <summary>
    /// Whether the group uses the spikes' weights (precise neurons; the parrot repeats spikes whatever their weight).
    /// Such a group gets every spike a generator adds into its input as an event with the connection's weight; the
    /// parrot takes what generators on the grid add as the part of its counted input that came without an offset.
    /// </summary>
    bool UsesWeights { get; }

    /// <summary>
    /// A spike of <paramref name="multiplicity"/> that arrives on <paramref name="channel"/> in step
    /// <paramref name="step"/> (the step whose input row the ring holds it in), <paramref name="offset"/> ms before the
    /// end of its sender's step, with the <paramref name="weight"/> its connection transmitted (per spike). The sender's
    /// step ends at step number <paramref name="stamp"/> (NEST's stamp, whatever the delay) and the connection was made on
    /// <paramref name="receptor"/> (its receptor_type): the correlation detectors, which ignore delays and pool inputs by
    /// receptor, read these two.
    /// </summary>
    void ReceivePrecise(int channel, long step, double offset, int multiplicity, double weight, long stamp, int receptor);

    /// <summary>
    /// Whether the spikes that come through synapses carry their connection's receptor port (the number the group gave
    /// the connection, <see cref="NeuronGroup.NumbersConnectionsOn"/>) as <c>receptor</c> instead of its receptor_type.
    /// </summary>
    bool ReadsConnectionPorts => false;

    /// <summary>
    /// Whether the group decodes each spike by its sender (binary neurons): it then gets the spikes that come through
    /// synapses by <see cref="ReceiveFrom"/>, and, as NEST reads the sender from its source table, it cannot run with
    /// keep_source_table false when such spikes come from nodes with proxies.
    /// </summary>
    bool DecodesSenders => false;

    /// <summary>
    /// A spike that comes through a synapse, with its <paramref name="sender"/> and the kernel's input
    /// <paramref name="ring"/>; otherwise as <see cref="ReceivePrecise"/>, which it calls unless the group decodes senders.
    /// </summary>
    void ReceiveFrom(InputRing ring, int sender, long stamp, int receptor, int channel, long step, double offset, int multiplicity, double weight) =>
        ReceivePrecise(channel, step, offset, multiplicity, weight, stamp, receptor);
}
