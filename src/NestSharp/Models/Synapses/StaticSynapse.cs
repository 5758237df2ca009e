namespace NestSharp.Models.Synapses;

/// <summary>
/// static_synapse and static_synapse_hpc: a fixed weight and delay. A spike of multiplicity m adds m·w to the target's
/// input after the delay. NEST's _hpc variant stores less per synapse; here both take 14 bytes (target channel, weight,
/// delay) and behave identically.
/// <para>Parameters (per connection): weight, delay (ms). NEST makes no checks of them beyond the delay's.</para>
/// </summary>
[SynapseModelName("static_synapse", Labelled = true)]
[SynapseModelName("static_synapse_hpc")]
internal sealed class StaticSynapse(string name) : SynapseType(name)
{
    public override bool SupportsCheckpoint => true;

    /// <summary>A static synapse transmits its stored weight.</summary>
    public override PreciseWeight WeightForPreciseTargets => PreciseWeight.Stored;

    private static readonly SynapseSchema Declared = new();

    /// <summary>Recording devices connect through it (see <see cref="SynapseType.CarriesRecordingDeviceEvents"/>).</summary>
    public override bool CarriesRecordingDeviceEvents => true;

    protected override SynapseSchema DeclaredSchema => Declared;

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model) =>
        block.Deliver(new StaticDelivery<AfterDelay>(default), spikes, context, model);
}
