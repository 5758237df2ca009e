namespace NestSharp.Models.Synapses;

/// <summary>
/// rate_connection_instantaneous: a connection between rate neurons without delay (NEST's, after Hahne et al. 2017).
/// The source's rate of each step reaches the target in the same step: with waveform relaxation (use_wfr) the slice is
/// iterated until the rates agree (the synapse model supports it), without it the target receives the source's rate
/// at the end of the previous slice, whose length is then the resolution (a connection without delay counts for
/// min_delay with wfr_comm_interval, which is the resolution without waveform relaxation).
/// <para>Parameters: weight (per connection). A delay cannot be given (BadProperty, as NEST's set_delay); its default
/// shows 1 ms as NEST's. Carries NEST's InstantaneousRateConnectionEvent (<see cref="RateEvents.Instantaneous"/>).</para>
/// <para>Reference: Hahne J, Dahmen D, Schuecker J, Frommer A, Bolten M, Helias M, Diesmann M (2017). Integration of
/// continuous-time dynamics in a spiking neural network simulator. Front. Neuroinform. 11:34.</para>
/// </summary>
[SynapseModelName("rate_connection_instantaneous")]
internal sealed class RateConnectionInstantaneous(string name) : SecondarySynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    private Neurons.RateInputGains? _gains;

    protected override SynapseSchema DeclaredSchema => Declared;

    public override SecondaryEventType Carries => RateEvents.Instantaneous;

    public override string NoDelayReason => "rate_connection_instantaneous has no delay. Please use rate_connection_delayed";

    public override void PrepareSecondary(SimulationContext context) => _gains = Neurons.RateInputGains.Of(context);

    public override void DeliverSecondary(SynapseBlock block, SecondaryEventBuffer values, in SecondaryDelivery context) =>
        RateDelivery.Deliver(block, values, context, delayed: false, _gains);
}
