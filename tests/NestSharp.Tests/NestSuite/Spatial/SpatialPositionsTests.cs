namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>NEST's spatial/test_spatial_positions.py: Connect reads the positions of free and grid layers.</summary>
public sealed class SpatialPositionsTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static SynapseCollection ConnectAndGetConnections(Simulator nest, NodeCollection pre, NodeCollection post)
    {
        var connSpec = D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("mask", D(("circular", D(("radius", 1.0))))));
        nest.Connect(pre, post, connSpec, D(("weight", Spatial.Distance)));
        // as NEST's GetConnections on a rank: the rank's own connections
        return MpiDirect.MpiRanks.Own(nest, nest.GetConnections());
    }

    // NEST: testsuite/pytests/spatial/test_spatial_positions.py::testFreePositions
    [Fact]
    public void FreePositions() => FreePositionsOn(new Simulator());

    /// <summary>The body of testFreePositions on <paramref name="nest"/> (also run on several ranks: MpiDirect).</summary>
    internal static void FreePositionsOn(Simulator nest)
    {
        var positions = Enumerable.Range(1, 9).Select(x => (IReadOnlyList<double>)[0.1 * x, 0.0]).ToArray();
        var nodes = nest.Create("iaf_psc_alpha", Positions.Free(positions));
        var pre = nest.Create("iaf_psc_alpha", Positions.Free([[0.0, 0.0]], extent: [1.0, 1.0]));

        var conns = ConnectAndGetConnections(nest, pre, nodes);

        // the distance is the position on the x-axis, which is 0.1 times the node id
        var expectedWeight = conns.Target.Select(t => 0.1 * t).ToArray();
        Assert.Equal(expectedWeight, conns.Weight);
    }

    // NEST: testsuite/pytests/spatial/test_spatial_positions.py::testGridPositions
    [Fact]
    public void GridPositions() => GridPositionsOn(new Simulator());

    /// <summary>The body of testGridPositions on <paramref name="nest"/> (also run on several ranks: MpiDirect).</summary>
    internal static void GridPositionsOn(Simulator nest)
    {
        var nodes = nest.Create("iaf_psc_alpha", Positions.Grid([1, 9], center: [0.0, -5.0], extent: [1.0, 9.0]));
        var pre = nest.Create("iaf_psc_alpha", Positions.Grid([1, 1]));

        var conns = ConnectAndGetConnections(nest, pre, nodes);

        // the distance is the position on the y-axis, which is minus the node id
        Assert.Equal(conns.Target.Select(t => (double)t).ToArray(), conns.Weight);
    }
}
