namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>NEST's testsuite/pytests/connect/test_get_connections.py: GetConnections with node collections, sliced ones and bad arguments.</summary>
public sealed class TestGetConnections
{
    private readonly Simulator _nest = new();

    // NEST: testsuite/pytests/connect/test_get_connections.py::test_get_connections_all_with_node_collection
    [Fact]
    public void Test_get_connections_all_with_node_collection()
    {
        // Test that GetConnections works with NodeCollection.
        var nodes = _nest.Create("iaf_psc_alpha", 3);
        _nest.Connect(nodes, nodes);

        var connsNoArgs = _nest.GetConnections();
        var connsNodesArgs = _nest.GetConnections(nodes, nodes);

        Assert.True(connsNodesArgs == connsNoArgs);
    }

    // NEST: testsuite/pytests/connect/test_get_connections.py::test_get_connections_with_node_collection_step
    [Fact]
    public void Test_get_connections_with_node_collection_step()
    {
        // Test that GetConnections works with NodeCollection sliced in step.
        var nodes = _nest.Create("iaf_psc_alpha", 3);
        _nest.Connect(nodes, nodes);

        var conns = _nest.GetConnections(nodes.Slice(0, 3, 2));
        var actualSources = conns.Get("source");
        var actualTargets = conns.Get("target");

        long[] expectedSources = [1, 1, 1, 3, 3, 3];
        long[] expectedTargets = [1, 2, 3, 1, 2, 3];

        Assert.Equal(expectedSources, actualSources);
        Assert.Equal(expectedTargets, actualTargets);
    }

    // NEST: testsuite/pytests/connect/test_get_connections.py::test_get_connections_with_sliced_node_collection
    [Fact]
    public void Test_get_connections_with_sliced_node_collection()
    {
        // Test that GetConnections works with sliced NodeCollection.
        var nodes = _nest.Create("iaf_psc_alpha", 11);
        _nest.Connect(nodes, nodes);

        var conns = _nest.GetConnections(nodes.Slice(1, 9, 3));
        var actualSources = conns.Get("source");

        var expectedSources = Enumerable.Repeat(2L, 11).Concat(Enumerable.Repeat(5L, 11)).Concat(Enumerable.Repeat(8L, 11)).ToArray();
        Assert.Equal(expectedSources, actualSources);
    }

    // NEST: testsuite/pytests/connect/test_get_connections.py::test_get_connections_with_sliced_node_collection_2
    [Fact]
    public void Test_get_connections_with_sliced_node_collection_2()
    {
        // Test that GetConnections works with sliced NodeCollection.
        var nodes = _nest.Create("iaf_psc_alpha", 11);
        _nest.Connect(nodes, nodes);

        // ([ 2 3 4 ] + [ 8 9 10 11 ])[::3] -> [2 8 11]
        var conns = _nest.GetConnections((nodes[1..4] + nodes[7..]).Slice(0, 7, 3));
        var actualSources = conns.Get("source");

        var expectedSources = Enumerable.Repeat(2L, 11).Concat(Enumerable.Repeat(8L, 11)).Concat(Enumerable.Repeat(11L, 11)).ToArray();
        Assert.Equal(expectedSources, actualSources);
    }

    // NEST: testsuite/pytests/connect/test_get_connections.py::test_get_connections_bad_source_raises
    [Fact]
    public void Test_get_connections_bad_source_raises()
    {
        // PyNEST raises TypeError for GetConnections([0, 1]); in C# GetConnections takes node collections only, so a
        // list of ids does not compile: no overload's source parameter accepts one.
        var nodes = _nest.Create("iaf_psc_alpha", 3);
        _nest.Connect(nodes, nodes);

        var getConnections = typeof(Simulator).GetMethods().Where(m => m.Name == nameof(Simulator.GetConnections)).ToArray();
        Assert.NotEmpty(getConnections);
        Assert.DoesNotContain(getConnections, m => m.GetParameters()[0].ParameterType.IsAssignableFrom(typeof(int[])));
        Assert.DoesNotContain(getConnections, m => m.GetParameters()[0].ParameterType.IsAssignableFrom(typeof(List<int>)));
    }

    // NEST: testsuite/pytests/connect/test_get_connections.py::test_get_connections_correct_table_with_node_collection_step
    [Fact]
    public void Test_get_connections_correct_table_with_node_collection_step()
    {
        // Test that GetConnections table from NodeCollection sliced in step match expectations.
        var nodes = _nest.Create("iaf_psc_alpha", 3);
        _nest.Connect(nodes, nodes);

        var conns = _nest.GetConnections(nodes.Slice(0, 3, 2));
        long[] actualRow =
        [
            ((long[])conns.Get("source"))[3],
            ((long[])conns.Get("target"))[3],
            ((long[])conns.Get("target_thread"))[3],
            ((long[])conns.Get("synapse_id"))[3],
            ((long[])conns.Get("port"))[3],
        ];

        long expectedSynId = _nest.GetDefaults<long>("static_synapse", "synapse_modelid");
        long[] expectedRow = [3, 1, 0, expectedSynId, 6];

        Assert.Equal(expectedRow, actualRow);
    }

    // NEST: testsuite/pytests/connect/test_get_connections.py::test_get_connections_correct_table_with_node_collection_index
    [Fact]
    public void Test_get_connections_correct_table_with_node_collection_index()
    {
        // Test that GetConnections table from NodeCollection index match expectations (a pandas DataFrame in NEST: the
        // same columns here).
        var nodes = _nest.Create("iaf_psc_alpha", 3);
        _nest.Connect(nodes, nodes);

        var actualConns = _nest.GetConnections(nodes[0]).Get("source", "target", "target_thread", "synapse_id", "port");

        long expectedSynId = _nest.GetDefaults<long>("static_synapse", "synapse_modelid");
        long[][] expectedConns =
        [
            [1, 1, 0, expectedSynId, 0],
            [1, 2, 0, expectedSynId, 1],
            [1, 3, 0, expectedSynId, 2],
        ];
        string[] columns = ["source", "target", "target_thread", "synapse_id", "port"];

        Assert.Equal(columns, actualConns.Keys);
        for (int c = 0; c < columns.Length; c++)
            Assert.Equal(expectedConns.Select(row => row[c]).ToArray(), (long[])actualConns[columns[c]]);
    }
}
