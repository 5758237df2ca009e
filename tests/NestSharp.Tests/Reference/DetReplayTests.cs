using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// det/ experiments of the generate/ layout with models NestSharp has had since the seeds, replayed by
/// <see cref="DetReplay"/>: a single neuron with a voltmeter, with DC generators (and their recorded current), and a
/// plastic synapse pair. Traces, weights and statuses bit for bit as NEST's, spikes identical.
/// </summary>
public sealed class DetReplayTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("voltmeter_iaf_psc_alpha")]
    [InlineData("dc_generator_startstop")]
    [InlineData("dc_generator_two")]
    public void SingleNeuron_MatchesNest(string experiment)
    {
        var run = DetReplay.Run(experiment);
        run.AssertTraces(Agreement.Bitwise, output);
        run.AssertSpikes(output);
        run.AssertFinalStatus(Agreement.Bitwise, output);
    }

    [Fact]
    public void StdpSynapseHomPair_MatchesNest()
    {
        var run = DetReplay.Run("stdp_synapse_hom");
        run.AssertTraces(Agreement.Bitwise, output);
        run.AssertSpikes(output);
        run.AssertWeights(Agreement.Bitwise, output);
        run.AssertConnectionStatus(Agreement.Bitwise, output);
        run.AssertFinalStatus(Agreement.Bitwise, output);
    }
}
