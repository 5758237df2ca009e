using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>NEST's testsuite/pytests/recording/test_weight_recorder_dropped_spikes.py: a weight_recorder with a bernoulli_synapse.</summary>
public sealed class WeightRecorderDroppedSpikesTests
{
    // NEST: testsuite/pytests/recording/test_weight_recorder_dropped_spikes.py::test_weight_recorder_with_bernoulli
    [Fact]
    public void Test_weight_recorder_with_bernoulli()
    {
        // Dropped spikes are not recorded and every recorded spike has its own target. The parameters make it
        // astronomically unlikely that all n_targets spikes are transmitted.
        const int nTargets = 100;
        const double pBernoulli = 0.2;

        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
        var sender = nest.Create("parrot_neuron");
        var targets = nest.Create("parrot_neuron", nTargets);
        var sr = nest.Create("spike_recorder");
        var wr = nest.Create("weight_recorder");

        nest.SetDefaults("bernoulli_synapse", new() { ["p_transmit"] = pBernoulli, ["weight_recorder"] = wr });

        nest.Connect(sg, sender);
        nest.Connect(sender, targets, syn: new Dictionary<string, object> { ["synapse_model"] = "bernoulli_synapse" });
        nest.Connect(targets, sr);

        nest.Simulate(5);

        // Each spike of a target (recorded with the target as sender) has exactly one weight event with that target.
        var srTargets = Longs(sr, "senders");
        Assert.True(srTargets.Length > 0 && srTargets.Length < nTargets, $"{srTargets.Length} spikes of {nTargets} targets");
        Assert.Equal(srTargets, Longs(wr, "targets"));
    }
}
