namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_getconnections_multiple_syn_models.py: GetConnections on a network with
/// static_synapse and stdp_synapse connections. PyNEST builds the node collections from id lists
/// (<c>nest.NodeCollection(list(range(1, 70, 2)))</c>); here the same ids are slices of the created nodes.
/// </summary>
public sealed class TestGetconnectionsMultipleSynModels
{
    private sealed record Net(Simulator Nest, Dictionary<string, (NodeCollection Sources, NodeCollection Targets)> Nodes);

    /// <summary>
    /// build_net: 100 neurons; 1, 3, ..., 69 -> 2, 4, ..., 70 with static_synapse; 31, 33, ..., 99 -> 32, 34, ..., 100
    /// with stdp_synapse (one_to_one).
    /// </summary>
    private static Net BuildNet(int numThreads = 1)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", numThreads);

        // As NEST's test, collections made from lists of ids (not stepped slices, which NEST cannot slice further).
        nest.Create("iaf_psc_alpha", 100);
        var staticSources = nest.Nodes([.. Enumerable.Range(0, 35).Select(k => 1 + 2 * k)]); // ids 1, 3, ..., 69
        var staticTargets = nest.Nodes([.. Enumerable.Range(0, 35).Select(k => 2 + 2 * k)]); // ids 2, 4, ..., 70
        var stdpSources = nest.Nodes([.. Enumerable.Range(0, 35).Select(k => 31 + 2 * k)]); // ids 31, 33, ..., 99
        var stdpTargets = nest.Nodes([.. Enumerable.Range(0, 35).Select(k => 32 + 2 * k)]); // ids 32, 34, ..., 100

        nest.Connect(staticSources, staticTargets, "one_to_one", "static_synapse");
        nest.Connect(stdpSources, stdpTargets, "one_to_one", "stdp_synapse");

        return new Net(nest, new()
        {
            ["static_synapse"] = (staticSources, staticTargets),
            ["stdp_synapse"] = (stdpSources, stdpTargets),
        });
    }

    /// <summary>The fixture nodes: the network built on a single thread (once per test here; pytest builds it once per module).</summary>
    private static Net Nodes() => BuildNet(numThreads: 1);

    private static long[] ToList(NodeCollection nodes) => nodes.Ids.Select(x => (long)x).ToArray();

    // NEST: testsuite/pytests/connect/test_getconnections_multiple_syn_models.py::test_retrieve_correct_sources_and_targets
    [Theory]
    [InlineData("static_synapse")]
    [InlineData("stdp_synapse")]
    public void Test_retrieve_correct_sources_and_targets(string synModel)
    {
        // Verify that the expected sources and targets are retrieved.
        var (nest, nodes) = Nodes();
        var conns = nest.GetConnections(synapseModel: synModel);
        var actualSources = conns.Get("source");
        var actualTargets = conns.Get("target");

        var expectedSources = ToList(nodes[synModel].Sources);
        var expectedTargets = ToList(nodes[synModel].Targets);

        Assert.Equal(expectedSources, actualSources);
        Assert.Equal(expectedTargets, actualTargets);
    }

    // NEST: testsuite/pytests/connect/test_getconnections_multiple_syn_models.py::test_retrieve_all_connections
    [Fact]
    public void Test_retrieve_all_connections()
    {
        // Test retrieval of all connections. Note that static_synapse connections will come first.
        var (nest, nodes) = Nodes();
        var conns = nest.GetConnections();

        var actualSources = conns.Get("source");
        var actualTargets = conns.Get("target");

        var expectedAllSources = ToList(nodes["static_synapse"].Sources).Concat(ToList(nodes["stdp_synapse"].Sources)).ToArray();
        var expectedAllTargets = ToList(nodes["static_synapse"].Targets).Concat(ToList(nodes["stdp_synapse"].Targets)).ToArray();

        Assert.Equal(expectedAllSources, actualSources);
        Assert.Equal(expectedAllTargets, actualTargets);
    }

    // NEST: testsuite/pytests/connect/test_getconnections_multiple_syn_models.py::test_retrieve_connections_with_sliced_node_collections
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Test_retrieve_connections_with_sliced_node_collections(bool sourceFilter, bool targetFilter)
    {
        // Test retrieval of a subset of connections when filtering by source and/or target nodes.
        var (nest, nodes) = Nodes();

        // Take first 3 static sources and targets
        var srcStatic = nodes["static_synapse"].Sources[..3];
        var tgtStatic = nodes["static_synapse"].Targets[..3];

        // Take final 3 stpd sources and targes to avoid those with static+stdp
        var srcStdp = nodes["stdp_synapse"].Sources[^3..];
        var tgtStpd = nodes["stdp_synapse"].Targets[^3..];

        // As NEST's test: through lists of ids, since a sliced composite joins with nothing.
        var srcAll = nest.Nodes([.. srcStatic.ToArray(), .. srcStdp.ToArray()]);
        var tgtAll = nest.Nodes([.. tgtStatic.ToArray(), .. tgtStpd.ToArray()]);

        var sources = sourceFilter ? srcAll : null;
        var targets = targetFilter ? tgtAll : null;

        var conns = nest.GetConnections(source: sources, target: targets);

        Assert.Equal(ToList(srcAll), conns.Get("source"));
        Assert.Equal(ToList(tgtAll), conns.Get("target"));
    }

    // NEST: testsuite/pytests/connect/test_getconnections_multiple_syn_models.py::test_retrieve_connections_with_nodes_and_synapse
    [Fact]
    public void Test_retrieve_connections_with_nodes_and_synapse()
    {
        // Test retrieval of a subset of connections when filtering by nodes and synapse model.
        var (nest, nodes) = Nodes();

        var srcStatic = nodes["static_synapse"].Sources[..3];
        var tgtStatic = nodes["static_synapse"].Targets[..3];
        var srcStdp = nodes["stdp_synapse"].Sources[^3..];
        var tgtStpd = nodes["stdp_synapse"].Targets[^3..];

        // As NEST's test: through lists of ids, since a sliced composite joins with nothing.
        var srcAll = nest.Nodes([.. srcStatic.ToArray(), .. srcStdp.ToArray()]);
        var tgtAll = nest.Nodes([.. tgtStatic.ToArray(), .. tgtStpd.ToArray()]);

        var conns = nest.GetConnections(source: srcAll, target: tgtAll, synapseModel: "static_synapse");

        Assert.Equal(ToList(srcStatic), conns.Get("source"));
        Assert.Equal(ToList(tgtStatic), conns.Get("target"));
    }

    // NEST: testsuite/pytests/connect/test_getconnections_multiple_syn_models.py::test_retrieve_connections_multithreaded
    [Theory]
    [InlineData("static_synapse")]
    [InlineData("stdp_synapse")]
    public void Test_retrieve_connections_multithreaded(string synModel)
    {
        // Multithreaded retrieval of connections filtered by synapse model, sorted before comparing (as NEST does: its
        // order depends on the threads).
        var (nest, nodes) = BuildNet(numThreads: 4);

        var synCollection = nest.GetConnections(synapseModel: synModel);
        var actual = synCollection.Get("source", "target");
        var actualConnections = ((long[])actual["source"]).Zip((long[])actual["target"]).OrderBy(p => p.First).ThenBy(p => p.Second).ToArray();

        Assert.Equal(ToList(nodes[synModel].Sources), actualConnections.Select(p => p.First));
        Assert.Equal(ToList(nodes[synModel].Targets), actualConnections.Select(p => p.Second));
    }
}
