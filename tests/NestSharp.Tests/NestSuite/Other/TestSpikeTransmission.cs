namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// NEST's testsuite/pytests/other/test_spike_transmission.py (TestSpikeTransmission): one spike sent from parrots to parrots arrives once per
/// connection, at the right time, for 1-4 threads, with and without compressed spikes.
/// </summary>
public sealed class TestSpikeTransmission
{
    private const double Dt = 0.1;
    private const double TSpike = 0.5;
    private const double Delay = 1.0;
    private const double TArrival = TSpike + 2 * Delay;

    /// <summary>NEST's parametrisation: compressed_spikes x num_neurons x num_threads (THREAD_NUMBERS 1-4).</summary>
    public static TheoryData<bool, int, int> Params()
    {
        var data = new TheoryData<bool, int, int>();
        foreach (bool compressed in new[] { false, true })
        {
            foreach (int neurons in new[] { 4, 5 })
            {
                for (int threads = 1; threads <= 4; threads++) data.Add(compressed, neurons, threads);
            }
        }

        return data;
    }

    /// <summary>_simulate_network: n_pre parrots connected to n_post parrots with the rule; the post parrots' spikes.</summary>
    private static (NodeCollection Post, long[] Senders, double[] Times) SimulateNetwork(int nPre, int nPost, string connRule, int numThreads, bool compressedSpikes)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", Dt);
        nest.SetKernelStatus("local_num_threads", numThreads);
        nest.SetKernelStatus("use_compressed_spikes", compressedSpikes);

        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { TSpike } });
        var sr = nest.Create("spike_recorder");

        var pre = nest.Create("parrot_neuron", nPre);
        var post = nest.Create("parrot_neuron", nPost);

        nest.Connect(sg, pre);
        nest.Connect(pre, post, connRule, new SynSpec { Delay = Delay, Weight = 1 });
        nest.Connect(post, sr);

        nest.Simulate(TSpike + 3 * Delay);

        return (post, NestSuiteHelpers.Longs(sr, "senders"), NestSuiteHelpers.Doubles(sr, "times"));
    }

    private static long[] Repeat(NodeCollection nodes, int times) => [.. Enumerable.Repeat(nodes.Ids.Select(id => (long)id), times).SelectMany(x => x)];

    // nptest.assert_equal(times, t_arrival): every time equals the arrival time (an empty array passes too)
    private static void AssertAllArrive(double[] times) => Assert.All(times, t => Assert.Equal(TArrival, t));

    // NEST: testsuite/pytests/other/test_spike_transmission.py::TestSpikeTransmission::test_one_to_one
    [Theory]
    [MemberData(nameof(Params))]
    public void Test_one_to_one(bool compressedSpikes, int numNeurons, int numThreads)
    {
        var (post, senders, times) = SimulateNetwork(numNeurons, numNeurons, "one_to_one", numThreads, compressedSpikes);

        Assert.Equal(Repeat(post, 1).Order(), senders.Order());
        AssertAllArrive(times);
    }

    // NEST: testsuite/pytests/other/test_spike_transmission.py::TestSpikeTransmission::test_one_to_all
    [Theory]
    [MemberData(nameof(Params))]
    public void Test_one_to_all(bool compressedSpikes, int numNeurons, int numThreads)
    {
        var (post, senders, times) = SimulateNetwork(1, numNeurons, "all_to_all", numThreads, compressedSpikes);

        Assert.Equal(Repeat(post, 1).Order(), senders.Order());
        AssertAllArrive(times);
    }

    // NEST: testsuite/pytests/other/test_spike_transmission.py::TestSpikeTransmission::test_all_to_one
    [Theory]
    [MemberData(nameof(Params))]
    public void Test_all_to_one(bool compressedSpikes, int numNeurons, int numThreads)
    {
        var (post, senders, times) = SimulateNetwork(numNeurons, 1, "all_to_all", numThreads, compressedSpikes);

        // post_pop is one neuron, which receives a spike from each pre neuron
        Assert.Equal(Repeat(post, numNeurons), senders);
        AssertAllArrive(times);
    }

    // NEST: testsuite/pytests/other/test_spike_transmission.py::TestSpikeTransmission::test_all_to_all
    [Theory]
    [MemberData(nameof(Params))]
    public void Test_all_to_all(bool compressedSpikes, int numNeurons, int numThreads)
    {
        var (post, senders, times) = SimulateNetwork(numNeurons, numNeurons, "all_to_all", numThreads, compressedSpikes);

        Assert.Equal(Repeat(post, numNeurons).Order(), senders.Order());
        AssertAllArrive(times);
    }
}
