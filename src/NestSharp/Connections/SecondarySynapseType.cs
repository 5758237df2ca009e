using NestSharp.Models.Synapses;

namespace NestSharp.Connections;

/// <summary>
/// Where a secondary event delivered now lands: the kernel's input ring (events with a delay, at their delay after
/// the step they were sent in), the input of events without delay (for the slice being iterated in an iteration of the
/// waveform relaxation, for the next slice at the end of a slice), the start of the slice whose events are delivered,
/// min_delay, and whether this is an iteration.
/// </summary>
internal readonly struct SecondaryDelivery(InputRing ring, SliceInput instant, long sliceStart, int minDelaySteps, bool iteration)
{
    public InputRing Ring { get; } = ring;

    /// <summary>The input of events without delay, for the slice they are used in (see <see cref="SliceInput"/>).</summary>
    public SliceInput Instant { get; } = instant;

    /// <summary>The first step of the slice the events were sent in.</summary>
    public long SliceStart { get; } = sliceStart;

    public int MinDelaySteps { get; } = minDelaySteps;

    /// <summary>Whether the events come from an iteration of the waveform relaxation.</summary>
    public bool Iteration { get; } = iteration;

    /// <summary>Where the virtual process's weight events go (NEST's weight_recorder of the synapse model).</summary>
    public WeightEventBuffer WeightEvents { get; init; } = null!;

    /// <summary>The synapse model of the block being delivered (its weight_recorder).</summary>
    public SynapseModel? Model { get; init; }

    /// <summary>The node id behind each input channel (see <see cref="DeliveryContext.NodeOfChannel"/>).</summary>
    public int[] NodeOfChannel { get; init; } = [];

    /// <summary>
    /// NEST's stamp of the secondary events delivered now: slice origin + 1 - min_delay at their delivery (the slice
    /// iterated in an iteration of the waveform relaxation, the next one after a slice).
    /// </summary>
    public long Stamp => Iteration ? SliceStart + 1 - MinDelaySteps : SliceStart + 1;
}

/// <summary>
/// Base of the synapse models that carry secondary events instead of spikes (NEST's connections whose
/// get_secondary_event gives an event: rate_connection_instantaneous, rate_connection_delayed; later gap_junction,
/// diffusion_connection, sic_connection). Connect checks that the sources send <see cref="Carries"/> and the targets
/// take it; the synapses are stored as any others (CSR blocks by source, per virtual process of the target: channel,
/// weight, delay), and the kernel calls <see cref="DeliverSecondary"/> once per block with the senders' rows.
/// </summary>
internal abstract class SecondarySynapseType(string name) : SynapseType(name)
{
    /// <summary>The kind of secondary event the model carries (NEST's get_secondary_event).</summary>
    public abstract SecondaryEventType Carries { get; }

    public override bool SupportsCheckpoint => true;

    /// <summary>No spike goes through a secondary connection.</summary>
    public override PreciseWeight WeightForPreciseTargets => PreciseWeight.Stored;

    /// <summary>Secondary connections carry no spikes: nothing to do.</summary>
    public sealed override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model) { }

    /// <summary>
    /// NEST's sends_secondary_event check for every source, generators and devices included (whose connections take
    /// another path than the neurons', where <c>CheckEvents</c> asks the same): a source must send <see cref="Carries"/>.
    /// </summary>
    public override void CheckSource(NodeGroup source)
    {
        if (!source.SendsSecondary(Carries))
            throw new IllegalConnectionException($"The source node does not support {Carries.Name} output: {source.Model.Name} cannot send through '{Name}'.");
    }

    /// <summary>Before a run, after the nodes were prepared: what the delivery needs of the targets (once per model).</summary>
    public virtual void PrepareSecondary(SimulationContext context) { }

    /// <summary>
    /// Adds the values of the slice's senders (<paramref name="values"/>, <see cref="SecondaryEventBuffer.Received"/>)
    /// into the inputs of this block's targets, source by source in id order and each source's synapses in their order,
    /// so each input's sum is formed in the same order whatever the number of threads and processes.
    /// </summary>
    public abstract void DeliverSecondary(SynapseBlock block, SecondaryEventBuffer values, in SecondaryDelivery context);
}
