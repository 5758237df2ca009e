using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>NEST's testsuite/pytests/synapses/test_bernoulli_synapse.py: the transmission statistics and the check of p_transmit.</summary>
public sealed class TestBernoulliSynapse
{
    // NEST: testsuite/pytests/synapses/test_bernoulli_synapse.py::TestBernoulliSynapse::test_bernoulli_synapse_statistics
    [Theory]
    [InlineData(123)]
    [InlineData(124)]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(130)]
    [InlineData(131)]
    [InlineData(132)]
    public void Test_bernoulli_synapse_statistics(int seed)
    {
        // 1000 spikes of a spike_generator pass a parrot neuron and a bernoulli_synapse with transmission probability
        // 25% to a second parrot neuron; the number of spikes it emits lies within three standard deviations of the
        // mean of the binomial distribution.
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = (long)seed });

        // number of spikes sent via bernoulli synapse to parrot neuron
        const int nSpikes = 1000;
        // transmission probability of the bernoulli synapse
        const double p = 0.25;
        // allowed absolute deviation: three standard deviations of the binomial distribution with (N_spikes, p)
        double margin = 3 * Math.Sqrt(nSpikes * p * (1 - p));

        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = Enumerable.Range(1, nSpikes - 1).Select(i => (double)i).ToArray() });
        var pre = nest.Create("parrot_neuron");
        var post = nest.Create("parrot_neuron");
        var sr = nest.Create("spike_recorder");

        nest.Connect(sg, pre);
        nest.Connect(pre, post, syn: new Dictionary<string, object> { ["synapse_model"] = "bernoulli_synapse", ["p_transmit"] = p });
        nest.Connect(post, sr);

        // simulate for 1002 ms to allow all spikes to be recorded accordingly
        nest.Simulate(2.0 + nSpikes);

        int nSpikesTransmitted = Doubles(sr, "times").Length;
        double mean = nSpikes * p;
        Assert.True(Math.Abs(mean - nSpikesTransmitted) <= margin, $"{nSpikesTransmitted} transmitted, expected {mean} ± {margin:G4}");
    }

    // NEST: testsuite/pytests/synapses/test_bernoulli_synapse.py::TestBernoulliSynapse::test_p_transmit_values
    [Fact]
    public void Test_p_transmit_values()
    {
        // p_transmit values are forced to lie within the range [0, 1]
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron");
        var post = nest.Create("parrot_neuron");
        Assert.ThrowsAny<NestException>(() =>
            nest.Connect(pre, post, syn: new Dictionary<string, object> { ["synapse_model"] = "bernoulli_synapse", ["p_transmit"] = -0.1 }));
        Assert.ThrowsAny<NestException>(() =>
            nest.Connect(pre, post, syn: new Dictionary<string, object> { ["synapse_model"] = "bernoulli_synapse", ["p_transmit"] = 1.1 }));
    }
}
