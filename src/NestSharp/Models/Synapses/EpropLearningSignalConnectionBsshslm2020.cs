namespace NestSharp.Models.Synapses;

/// <summary>
/// eprop_learning_signal_connection_bsshslm_2020: the feedback connection of e-prop (Bellec et al. 2020) from a readout
/// neuron (eprop_readout_bsshslm_2020) to a recurrent neuron (eprop_iaf_bsshslm_2020, eprop_iaf_adapt_bsshslm_2020),
/// NEST's twin of eprop_learning_signal_connection (<see cref="LearningSignalSynapseType"/>). It carries the readout's
/// error signals of a slice; the target adds weight times each of them to the learning signal of its history entry
/// for step t + 1 - 3, with t the first step of the slice they were sent in (NEST stamps every value of the event with
/// the step after it).
/// <para>Parameters: weight, delay (ms; kept, not used for the timing, as in NEST).</para>
/// <para>References: Bellec G et al. (2020). Nature Communications 11:3625. NEST model documentation,
/// eprop_learning_signal_connection_bsshslm_2020 (NEST 3.10).</para>
/// </summary>
[SynapseModelName("eprop_learning_signal_connection_bsshslm_2020")]
internal sealed class EpropLearningSignalConnectionBsshslm2020(string name) : LearningSignalSynapseType(name);
