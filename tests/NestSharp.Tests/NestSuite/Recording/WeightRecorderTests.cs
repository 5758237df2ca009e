using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/recording/test_weight_recorder.py</c>.
/// </summary>
public sealed class WeightRecorderTests
{
    /// <summary>NEST's is_subset: the values of <paramref name="a"/> rounded to 6 places are a subset of those of <paramref name="b"/>.</summary>
    private static void AssertIsSubset(IEnumerable<double> a, IEnumerable<double> b, int places = 6)
    {
        var setA = a.Select(x => Math.Round(x, places)).ToHashSet();
        var setB = b.Select(x => Math.Round(x, places)).ToHashSet();
        Assert.True(setA.IsSubsetOf(setB),
            $"List A is not subset of list B and/or the items are not equal within a certain range of precision. List A is [{string.Join(", ", setA)}] and list B is [{string.Join(", ", setB)}]");
    }

    /// <summary>The network every test builds: 5 parrots to 5 parrots through stdp_synapse_rec, driven by a spike generator.</summary>
    private static (Simulator Nest, NodeCollection Wr, NodeCollection Pre, NodeCollection Post) Network(int threads, string rule = "all_to_all", int connectCalls = 1)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", threads);

        var wr = nest.Create("weight_recorder");
        nest.CopyModel("stdp_synapse", "stdp_synapse_rec", new() { ["weight_recorder"] = wr, ["weight"] = 1.0 });

        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0, 15.0, 55.0, 70.0 } });
        var pre = nest.Create("parrot_neuron", 5);
        var post = nest.Create("parrot_neuron", 5);

        for (int i = 0; i < connectCalls; i++) nest.Connect(pre, post, rule, "stdp_synapse_rec");
        nest.Connect(sg, pre);
        return (nest, wr, pre, post);
    }

    private static void WeightsAreSubsetOfConnectionWeights(int threads)
    {
        var (nest, wr, pre, post) = Network(threads);

        var weights = new List<double>();
        for (int i = 0; i < 100; i++)
        {
            nest.Simulate(1);
            // NEST reads connections.weight live from the SynapseCollection made before the loop; NestSharp's
            // SynapseCollection holds the weights of the moment it was made, so the connections are read anew.
            weights.AddRange(nest.GetConnections(pre, post).Weight);
        }

        var wrWeights = Doubles(wr, "weights");

        Assert.NotEmpty(wrWeights); // (not in NEST: a subset test must not pass on an empty set)
        AssertIsSubset(wrWeights, weights);
    }

    // NEST: testsuite/pytests/recording/test_weight_recorder.py::WeightRecorderTestCase::testSingleThread
    [Fact]
    public void SingleThread() => WeightsAreSubsetOfConnectionWeights(1);

    // NEST: testsuite/pytests/recording/test_weight_recorder.py::WeightRecorderTestCase::testMultipleThreads
    [Fact]
    public void MultipleThreads() => WeightsAreSubsetOfConnectionWeights(2);

    // NEST: testsuite/pytests/recording/test_weight_recorder.py::WeightRecorderTestCase::testDefinedSenders
    [Fact]
    public void DefinedSenders()
    {
        var (nest, wr, pre, post) = Network(1);

        wr.Set("senders", pre[..3]);
        var connections = nest.GetConnections(pre[..3], post);

        var senders = new List<double>();
        for (int i = 0; i < 100; i++)
        {
            nest.Simulate(1);
            senders.AddRange(connections.Source.Select(s => (double)s));
        }

        var wrSenders = Longs(wr, "senders").Select(s => (double)s).ToArray();

        Assert.NotEmpty(wrSenders); // (not in NEST)
        AssertIsSubset(wrSenders, senders);
    }

    // NEST: testsuite/pytests/recording/test_weight_recorder.py::WeightRecorderTestCase::testDefinedTargets
    [Fact]
    public void DefinedTargets()
    {
        var (nest, wr, pre, post) = Network(1);

        wr.Set("targets", post[..3]);
        var connections = nest.GetConnections(pre, post[..3]);

        var targets = new List<double>();
        for (int i = 0; i < 100; i++)
        {
            nest.Simulate(1);
            targets.AddRange(connections.Target.Select(t => (double)t));
        }

        var wrTargets = Longs(wr, "targets").Select(t => (double)t).ToArray();

        Assert.NotEmpty(wrTargets); // (not in NEST)
        AssertIsSubset(wrTargets, targets);
    }

    // NEST: testsuite/pytests/recording/test_weight_recorder.py::WeightRecorderTestCase::testDefinedTargetsAndSenders
    [Fact]
    public void DefinedTargetsAndSenders()
    {
        var (nest, wr, pre, post) = Network(1);

        wr.Set(new Dictionary<string, object> { ["senders"] = pre[1..3], ["targets"] = post[..3] });

        // simulate before GetConnections as order of connections changes at beginning of simulation (sorting)
        nest.Simulate(1);

        var connections = nest.GetConnections(pre[1..3], post[..3]);
        var targets = new List<double>();
        for (int i = 0; i < 1; i++)
        {
            nest.Simulate(1);
            targets.AddRange(connections.Target.Select(t => (double)t));
        }

        var wrTargets = Longs(wr, "targets").Select(t => (double)t).ToArray();

        AssertIsSubset(wrTargets, targets);
    }

    // NEST: testsuite/pytests/recording/test_weight_recorder.py::WeightRecorderTestCase::test_senders_and_targets
    [Fact]
    public void SendersAndTargets()
    {
        var nest = new Simulator();

        var wr = nest.Create("weight_recorder");
        var pre = nest.Create("parrot_neuron", 5);
        var post = nest.Create("parrot_neuron", 5);

        // Senders and targets lists empty initially
        Assert.Empty(wr.Get<long[]>("senders"));
        Assert.Empty(wr.Get<long[]>("targets"));

        wr.Set("senders", pre[1..3]);
        wr.Set("targets", post[3..]);

        Assert.Equal([3L, 4L], wr.Get<long[]>("senders"));
        Assert.Equal([10L, 11L], wr.Get<long[]>("targets"));

        // NEST: nest.NodeCollection([2, 6]) and nest.NodeCollection([8, 9])
        wr.Set("senders", pre[0] + pre[4]);
        wr.Set("targets", post[1] + post[2]);

        Assert.Equal([2L, 6L], wr.Get<long[]>("senders"));
        Assert.Equal([8L, 9L], wr.Get<long[]>("targets"));
    }

    // NEST: testsuite/pytests/recording/test_weight_recorder.py::WeightRecorderTestCase::testMultapses
    [Fact]
    public void Multapses()
    {
        var (nest, wr, pre, post) = Network(2, "one_to_one", connectCalls: 2);

        // simulate before GetConnections as order of connections changes at beginning of simulation (sorting)
        nest.Simulate(1);

        var conn = nest.GetConnections(pre, post);
        var sources = (long[])conn.Get("source");
        var targets = (long[])conn.Get("target");
        var ports = (long[])conn.Get("port");

        var connections = sources.Select((s, i) => (s, targets[i], ports[i])).ToList();

        nest.Simulate(100);

        var wrSenders = Longs(wr, "senders");
        var wrTargets = Longs(wr, "targets");
        var wrPorts = Longs(wr, "ports");
        var uniqueIds = wrSenders.Select((s, i) => (s, wrTargets[i], wrPorts[i])).Distinct();

        Assert.Equal(connections.Order(), uniqueIds.Order());
    }

    // NEST: testsuite/pytests/recording/test_weight_recorder.py::WeightRecorderTestCase::testRPorts
    [Fact]
    public void RPorts()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 1);

        var wr = nest.Create("weight_recorder");
        nest.CopyModel("stdp_synapse", "stdp_synapse_rec_0", new() { ["weight_recorder"] = wr, ["weight"] = 1.0, ["receptor_type"] = 1L });
        nest.CopyModel("stdp_synapse", "stdp_synapse_rec_1", new() { ["weight_recorder"] = wr, ["weight"] = 1.0, ["receptor_type"] = 2L });

        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0, 15.0, 55.0, 70.0 } });
        var pre = nest.Create("parrot_neuron", 5);
        var post = nest.Create("aeif_cond_alpha_multisynapse", 5, new()
        {
            ["V_th"] = -69.9, ["tau_syn"] = new[] { 20.0, 30.0 }, ["E_rev"] = new[] { 0.0, 0.0 },
        });

        nest.Connect(pre, post, "one_to_one", "stdp_synapse_rec_0");
        nest.Connect(pre, post, "one_to_one", "stdp_synapse_rec_1");
        nest.Connect(sg, pre);

        var conn = nest.GetConnections(pre, post);
        long[] receptors = conn.Receptor, sources = conn.Source, targets = conn.Target;
        var connections = sources.Select((s, i) => (s, targets[i], receptors[i])).ToList();

        nest.Simulate(100);

        var wrSenders = Longs(wr, "senders");
        var wrTargets = Longs(wr, "targets");
        var wrReceptors = Longs(wr, "receptors");
        var uniqueIds = wrSenders.Select((s, i) => (s, wrTargets[i], wrReceptors[i])).Distinct();

        // should be 10 connections
        Assert.Equal(connections.Order(), uniqueIds.Order());
    }
}
