namespace NestSharp.Models.Synapses;

/// <summary>
/// rate_connection_delayed: a connection between rate neurons with a delay d (NEST's, after Hahne et al. 2017). The
/// source's rate at the start of step t reaches the target's input in step t + d. Rates are exchanged once per slice
/// (not in the iterations of the waveform relaxation).
/// <para>Parameters: weight, delay (ms, per connection). Carries NEST's DelayedRateConnectionEvent
/// (<see cref="RateEvents.Delayed"/>).</para>
/// <para>Reference: Hahne J, Dahmen D, Schuecker J, Frommer A, Bolten M, Helias M, Diesmann M (2017). Integration of
/// continuous-time dynamics in a spiking neural network simulator. Front. Neuroinform. 11:34.</para>
/// </summary>
[SynapseModelName("rate_connection_delayed")]
internal sealed class RateConnectionDelayed(string name) : SecondarySynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    private Neurons.RateInputGains? _gains;

    private Neurons.RateSignalStates? _states;

    protected override SynapseSchema DeclaredSchema => Declared;

    public override SecondaryEventType Carries => RateEvents.Delayed;

    public override void PrepareSecondary(SimulationContext context)
    {
        _gains = Neurons.RateInputGains.Of(context);
        _states = Neurons.RateSignalStates.Of(context);
    }

    public override void DeliverSecondary(SynapseBlock block, SecondaryEventBuffer values, in SecondaryDelivery context) =>
        RateDelivery.Deliver(block, values, context, delayed: true, _gains, _states);
}
