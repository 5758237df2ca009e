namespace NestSharp.Models.Synapses;

/// <summary>
/// stdp_synapse_hom (and stdp_synapse_hom_hpc): stdp_synapse (<see cref="StdpSynapse"/>, the same rule) with tau_plus, lambda, alpha, mu_plus,
/// mu_minus and Wmax common to all connections of the model (set with SetDefaults or CopyModel); per connection only
/// weight, delay and Kplus.
/// </summary>
[SynapseModelName("stdp_synapse_hom", Labelled = true)]
[SynapseModelName("stdp_synapse_hom_hpc")]
internal sealed class StdpSynapseHom(string name) : StdpHomSynapseType<StdpSoftBoundRule>(name);
