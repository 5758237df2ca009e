namespace NestSharp.Models.Synapses;

/// <summary>
/// eprop_learning_signal_connection: the feedback connection of e-prop plasticity from an eprop_readout neuron to a
/// recurrent e-prop neuron (eprop_iaf, eprop_iaf_adapt, eprop_iaf_psc_delta, eprop_iaf_psc_delta_adapt), carrying the
/// readout's error signal E_k, which the neuron adds to its learning signal L_j = Σ_k B_jk E_k with the static weight
/// B_jk (NEST's LearningSignalConnectionEvent; see <see cref="LearningSignalSynapseType"/>).
/// <para>Parameters: weight B_jk (pA, default 1), delay (ms, default 1).</para>
/// <para>References: Bellec G, Scherr F, Subramoney A, Hajek E, Salaj D, Legenstein R, Maass W (2020). A solution to
/// the learning dilemma for recurrent networks of spiking neurons. Nature Communications 11:3625. Korcsak-Gorzo A et
/// al. (2025). Event-based implementation of eligibility propagation. NEST model documentation,
/// eprop_learning_signal_connection (NEST 3.10).</para>
/// </summary>
[SynapseModelName("eprop_learning_signal_connection")]
internal sealed class EpropLearningSignalConnection(string name) : LearningSignalSynapseType(name);
