using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// The plastic synapse pairs of det/ (parrot → iaf_psc_alpha, a weight_recorder on the copied model) replayed by
/// <see cref="DetReplay"/>: post-synaptic trace and spikes, every weight event (bit for bit), the connection's status
/// after the run and the copy's defaults as NEST's; the same weights with several threads.
/// </summary>
public sealed class PlasticSynapseReferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Experiments() =>
    [
        "stdp_synapse_mu", "stdp_synapse_additive_clip", "stdp_triplet_synapse", "stdp_dopamine_synapse", "stdp_facetshw_synapse_hom",
        "vogels_sprekeler_synapse_exc", "vogels_sprekeler_synapse_inh",
    ];

    [Theory]
    [MemberData(nameof(Experiments))]
    public void SynapsePair_MatchesNest(string experiment)
    {
        var run = DetReplay.Run(experiment);
        run.AssertTraces(Agreement.Bitwise, output);
        run.AssertSpikes(output);
        run.AssertWeights(Agreement.Bitwise, output);
        run.AssertConnectionStatus(Agreement.Bitwise, output);
        run.AssertFinalStatus(Agreement.Bitwise, output);
    }

    [Theory]
    [MemberData(nameof(Experiments))]
    public void SynapsePair_WithThreeThreads_MatchesNest(string experiment)
    {
        var run = DetReplay.Run(experiment, threads: 3);
        run.AssertWeights(Agreement.Bitwise, output);
        Assert.Equal(DetReplay.Run(experiment).Connections!.Weight, run.Connections!.Weight);
    }
}
