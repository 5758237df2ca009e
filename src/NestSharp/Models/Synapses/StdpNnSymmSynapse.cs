namespace NestSharp.Models.Synapses;

/// <summary>
/// stdp_nn_symm_synapse (and stdp_nn_symm_synapse_hpc, stdp_nn_symm_synapse_lbl): STDP with the symmetric
/// nearest-neighbour pairing scheme (Morrison et al. 2007; Morrison et al. 2008, fig. 7A). A pre-synaptic spike is
/// paired for depression with the nearest preceding post-synaptic spike, and a post-synaptic spike for potentiation
/// with the nearest preceding pre-synaptic spike. At a pre-synaptic spike at t_pre (the previous one at t_last, 0 at
/// first) through a connection with dendritic delay d, with w/Wmax the normalised weight:
/// <code>
/// for every post spike t_post with t_last - d &lt; t_post &lt;= t_pre - d (in time order):
///     w/Wmax ← min(1, w/Wmax + lambda · (1 - w/Wmax)^mu_plus · exp((t_last - (t_post + d))/tau_plus))
/// w/Wmax ← max(0, w/Wmax - alpha · lambda · (w/Wmax)^mu_minus · exp(-(t_pre - d - t_n)/tau_minus))
/// transmit w;   t_last ← t_pre
/// </code>
/// where t_n is the latest post spike more than eps = 1e-6 ms before t_pre - d (no depression when there is none), so
/// exactly coinciding pairs are passed over for the spike before. tau_minus is the target's.
/// <para>Parameters (per connection): weight (default 1), delay (ms), tau_plus (ms, 20), lambda (0.01), alpha (1),
/// mu_plus (1), mu_minus (1), Wmax (100); none is checked. When a connection's status is set (a syn_spec with more
/// than weight and delay, Set, or the model's defaults) weight and Wmax must have the same sign bit (so -0 counts as
/// negative), as NEST's std::signbit check.</para>
/// <para>References: Morrison A, Aertsen A, Diesmann M (2007) Spike-timing-dependent plasticity in balanced random
/// networks. Neural Comput 19:1437-1467. Morrison A, Diesmann M, Gerstner W (2008) Phenomenological models of
/// synaptic plasticity based on spike timing. Biol Cybern 98:459-478.</para>
/// </summary>
[SynapseModelName("stdp_nn_symm_synapse", Labelled = true)]
[SynapseModelName("stdp_nn_symm_synapse_hpc")]
internal sealed class StdpNnSymmSynapse(string name) : StdpNearestNeighbourSynapseType<SymmetricNearestNeighbour>(name)
{
    /// <summary>NEST's check: weight and Wmax have the same sign bit (-0 counting as negative).</summary>
    public override void CheckStatus(double weight, ReadOnlySpan<double> perConnection)
    {
        double wmax = perConnection[WmaxIndex];
        if (double.IsNegative(weight) != double.IsNegative(wmax)) throw SignMismatch(weight, wmax);
    }
}

/// <summary>The symmetric nearest-neighbour scheme of stdp_nn_symm_synapse (see <see cref="StdpNnSymmSynapse"/>).</summary>
internal readonly struct SymmetricNearestNeighbour : IStdpPairing
{
    public static bool PairsEveryPostSpike => true;

    public static bool DepressesByNearestSpike => true;
}
