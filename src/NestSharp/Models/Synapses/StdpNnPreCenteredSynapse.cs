namespace NestSharp.Models.Synapses;

/// <summary>
/// stdp_nn_pre_centered_synapse (and stdp_nn_pre_centered_synapse_hpc, stdp_nn_pre_centered_synapse_lbl): STDP with the
/// pre-synaptic centred nearest-neighbour pairing scheme (Izhikevich and Desai 2003; Morrison et al. 2008, fig. 7B).
/// A pre-synaptic spike is paired for depression with the nearest preceding post-synaptic spike; a post-synaptic spike
/// is paired for potentiation with every pre-synaptic spike since the post-synaptic spike before it. The pre-synaptic
/// trace Kplus grows by 1 at each pre-synaptic spike, decays with tau_plus and is reset to 0 by a post-synaptic spike.
/// At a pre-synaptic spike at t_pre (the previous one at t_last, 0 at first) through a connection with dendritic delay
/// d, with w/Wmax the normalised weight:
/// <code>
/// if a post spike t_post lies in t_last - d &lt; t_post &lt;= t_pre - d (the earliest such one):
///     w/Wmax ← min(1, w/Wmax + lambda · (1 - w/Wmax)^mu_plus · Kplus·exp((t_last - (t_post + d))/tau_plus));   Kplus ← 0
/// w/Wmax ← max(0, w/Wmax - alpha · lambda · (w/Wmax)^mu_minus · exp(-(t_pre - d - t_n)/tau_minus))
/// Kplus ← Kplus·exp((t_last - t_pre)/tau_plus) + 1;   transmit w;   t_last ← t_pre
/// </code>
/// where t_n is the latest post spike more than eps = 1e-6 ms before t_pre - d (no depression when there is none), so
/// exactly coinciding pairs are passed over for the spike before. tau_minus is the target's.
/// <para>Parameters (per connection): weight (default 1), delay (ms), tau_plus (ms, 20), lambda (0.01), alpha (1),
/// mu_plus (1), mu_minus (1), Wmax (100); state Kplus (0, must not be negative). When a connection's status is set (a
/// syn_spec with more than weight and delay, Set, or the model's defaults) weight and Wmax must lie on the same side of
/// 0 (0 counting as positive).</para>
/// <para>References: Izhikevich EM, Desai NS (2003) Relating STDP to BCM. Neural Comput 15:1511-1523. Morrison A,
/// Diesmann M, Gerstner W (2008) Phenomenological models of synaptic plasticity based on spike timing. Biol Cybern
/// 98:459-478.</para>
/// </summary>
[SynapseModelName("stdp_nn_pre_centered_synapse", Labelled = true)]
[SynapseModelName("stdp_nn_pre_centered_synapse_hpc")]
internal sealed class StdpNnPreCenteredSynapse(string name) : StdpNearestNeighbourSynapseType<PreCentredNearestNeighbour>(name);

/// <summary>The pre-synaptic centred scheme of stdp_nn_pre_centered_synapse (see <see cref="StdpNnPreCenteredSynapse"/>).</summary>
internal readonly struct PreCentredNearestNeighbour : IStdpPairing
{
    public static bool KeepsKplus => true;

    public static bool PotentiationResetsKplus => true;

    public static bool DepressesByNearestSpike => true;
}
