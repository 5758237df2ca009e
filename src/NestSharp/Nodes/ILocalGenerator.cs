namespace NestSharp.Nodes;

/// <summary>A device that sends to each of its targets directly (on the target's thread), not through spike exchange.</summary>
internal interface ILocalGenerator
{
    /// <summary>The connections of device <paramref name="local"/>.</summary>
    DeviceTargets TargetsOf(int local);

    /// <summary>Whether the device sends currents (true) or spikes or a secondary event (false; see <see cref="ISecondaryEventGenerator"/>).</summary>
    bool SendsCurrent { get; }
}

/// <summary>
/// A generator that sends a secondary event to its targets instead of spikes or currents (NEST's step_rate_generator
/// with its DelayedRateConnectionEvent). As NEST's stimulating devices, which have no proxies, it serves each target
/// directly from the target's thread during its update (NEST's send_local_), not through the rows of a
/// <see cref="SecondaryEventBuffer"/>: its connections are generator links (<see cref="DeviceTargets"/>), made through a
/// synapse model that carries <see cref="Sends"/>, to targets that receive it.
/// </summary>
internal interface ISecondaryEventGenerator : ILocalGenerator
{
    /// <summary>The kind of event the generator sends (its group's <see cref="NodeGroup.SendsSecondary"/> says yes to it).</summary>
    SecondaryEventType Sends { get; }

    /// <summary>
    /// Before a run and after a status change between runs, once the nodes are prepared: what the sending needs of the
    /// targets (as <see cref="Connections.SecondarySynapseType.PrepareSecondary"/> for the synapse models).
    /// </summary>
    void PrepareSecondary(SimulationContext context);
}
