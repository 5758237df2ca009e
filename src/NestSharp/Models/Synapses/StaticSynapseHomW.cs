namespace NestSharp.Models.Synapses;

/// <summary>
/// static_synapse_hom_w (and static_synapse_hom_w_hpc): a static synapse whose weight is common to all connections of
/// the model (set with SetDefaults or CopyModel, and read at every spike, so a new common weight applies to existing
/// connections). A spike of multiplicity m adds m·w to the target's input after the connection's delay; a
/// weight_recorder records w.
/// <para>Parameters: weight (common, default 1); per connection only delay. A weight in a syn_spec or on a connection is
/// an error; connections report no weight. Devices may send through it (as through static_synapse); multimeters only
/// through static_synapse_hom_w, not its _hpc variant.</para>
/// </summary>
[SynapseModelName("static_synapse_hom_w", Labelled = true)]
[SynapseModelName("static_synapse_hom_w_hpc")]
internal sealed class StaticSynapseHomW(string name) : TransmissionRuleSynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    static StaticSynapseHomW() => Declared.CommonWeight();

    protected override SynapseSchema DeclaredSchema => Declared;

    /// <summary>Recording devices connect through it (see <see cref="SynapseType.CarriesRecordingDeviceEvents"/>).</summary>
    public override bool CarriesRecordingDeviceEvents => true;

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model) =>
        Deliver(new Rule(model.Weight), block, spikes, context, model);

    /// <summary>Every spike passes with the common weight.</summary>
    private readonly struct Rule(double weight) : ITransmissionRule
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public bool Transmit(int i, double storedWeight, long stamp, double tSpike, out double transmitted)
        {
            transmitted = weight;
            return true;
        }
    }
}
