namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>NEST's testsuite/pytests/connect/test_connect_node_collection.py: Connect with node collections, indexed ones and empty ones.</summary>
public sealed class TestConnectNodeCollection
{
    // NEST: testsuite/pytests/connect/test_connect_node_collection.py::test_connect_node_collection
    [Fact]
    public void Test_connect_node_collection()
    {
        // Test that Connect works with NodeCollection.
        var nest = new Simulator();
        var nc = nest.Create("iaf_psc_exp", 10);
        nest.Connect(nc, nc, new Dictionary<string, object> { ["rule"] = "one_to_one" });

        Assert.Equal(10, nest.NumConnections);

        foreach (var node in nc) nest.Connect(node, node);

        Assert.Equal(20, nest.NumConnections);
    }

    // NEST: testsuite/pytests/connect/test_connect_node_collection.py::test_connect_node_collection_index
    [Fact]
    public void Test_connect_node_collection_index()
    {
        // Test that Connect works with indexed NodeCollection.
        var nest = new Simulator();
        var nc = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(nc[0], nc[1]);
        Assert.Equal(1, nest.NumConnections);
    }

    // NEST: testsuite/pytests/connect/test_connect_node_collection.py::test_connect_empty_node_collection_raises
    // NEST parametrises over nest.NodeCollection() and nest.NodeCollection([]): NodeCollection.Empty and nest.Nodes() here.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Test_connect_empty_node_collection_raises(bool fromEmptyList)
    {
        // Test that Connect with empty NodeCollection raises an error.
        var nest = new Simulator();
        var nc = nest.Create("iaf_psc_alpha", 5);
        var empty = fromEmptyList ? nest.Nodes() : NodeCollection.Empty;

        Assert.Throws<IllegalConnectionException>(() => nest.Connect(nc, empty));

        Assert.Throws<IllegalConnectionException>(() => nest.Connect(empty, nc));

        Assert.Throws<IllegalConnectionException>(() => nest.Connect(empty, empty));
    }
}
