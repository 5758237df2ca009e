namespace NestSharp.Models.Synapses;

/// <summary>
/// sic_connection: the connection from an astrocyte (astrocyte_lr_1994) to a neuron that takes slow inward currents
/// (aeif_cond_alpha_astro). The astrocyte's slow inward current I_SIC of step t (pA), times the weight, is added into the
/// target's SIC input for step t + d (d the connection's delay); the target takes it up at the end of that step, as
/// NEST's handle(SICEvent) adds weight · value at delay - min_delay + lag after the next slice's origin. The currents
/// are exchanged once per slice (not in the iterations of the waveform relaxation).
/// <para>Parameters: weight (default 1, dimensionless: the current's factor), delay (ms, per connection, default 1 ms).
/// The model has no _lbl or _hpc variant (NEST registers it with HAS_DELAY only). Carries NEST's SICEvent
/// (<see cref="AstrocyteEvents.SlowInwardCurrent"/>); Connect refuses sources that do not send it (every model but
/// astrocyte_lr_1994) and targets that do not take it (every model but aeif_cond_alpha_astro) with IllegalConnection,
/// and receptor types other than 0 with UnknownReceptorType.</para>
/// <para>Reference: Nadkarni S, Jung P (2003). Dressed neurons: modeling neural-glial interactions. Phys. Rev. Lett.
/// 91:268101. NEST model documentation, sic_connection (NEST 3.10).</para>
/// </summary>
[SynapseModelName("sic_connection")]
internal sealed class SicConnection(string name) : SecondarySynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    protected override SynapseSchema DeclaredSchema => Declared;

    public override SecondaryEventType Carries => AstrocyteEvents.SlowInwardCurrent;

    /// <summary>As a delayed rate to a target summing linearly: weight · value at the delay after the value's step.</summary>
    public override void DeliverSecondary(SynapseBlock block, SecondaryEventBuffer values, in SecondaryDelivery context) =>
        RateDelivery.Deliver(block, values, context, delayed: true, gains: null);
}
