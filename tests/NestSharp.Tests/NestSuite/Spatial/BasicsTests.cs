namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>
/// NEST's spatial/test_basics.py, the functions <see cref="SpatialSuiteTests"/> does not port (it has test_FindElements,
/// test_GetCenterElement, test_GetTargetNodes and the exact values of test_Displacement).
/// </summary>
public sealed class BasicsTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    /// <summary>Python's unittest assertAlmostEqual: round(expected - actual, places) == 0.</summary>
    private static void AssertAlmostEqual(double expected, double actual, int places = 7) =>
        Assert.True(Math.Round(expected - actual, places) == 0, $"{actual} != {expected} within {places} places");

    // NEST: testsuite/pytests/spatial/test_basics.py::BasicsTestCase::test_create_layer
    [Fact]
    public void CreateLayer()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([5, 4]));
        Assert.Equal(5 * 4, layer.Count);
    }

    // NEST: testsuite/pytests/spatial/test_basics.py::BasicsTestCase::test_create_layer_with_param
    [Fact]
    public void CreateLayerWithParam()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([5, 4]), D(("V_m", -55.0)));
        Assert.All(layer.GetValues<double>("V_m"), vm => Assert.Equal(-55.0, vm));
    }

    // NEST: testsuite/pytests/spatial/test_basics.py::BasicsTestCase::test_GetPosition
    [Fact]
    public void GetPosition()
    {
        var nest = new Simulator();
        double[][] pos = [[1.0, 0.0], [0.0, 1.0], [3.5, 1.5]];
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(pos));

        // PyNEST gives the position itself for a single node; here it is the one row
        Assert.Equal(pos[0], Assert.Single(nest.GetPosition(layer[..1])));
        Assert.Equal(pos[^1], Assert.Single(nest.GetPosition(layer[^1..])));
        Assert.Equal(pos[1], Assert.Single(nest.GetPosition(layer[1..2])));
        Assert.Equal(pos, nest.GetPosition(layer));
        Assert.Equal([pos[0], pos[1]], nest.GetPosition(layer[..2]));
    }

    // NEST: testsuite/pytests/spatial/test_basics.py::BasicsTestCase::test_Displacement (the parts SpatialSuiteTests leaves out:
    // two layers, and positions as the origin)
    [Fact]
    public void DisplacementBetweenLayersAndFromPositions()
    {
        var nest = new Simulator();
        long[] lshape = [5, 4];
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid(lshape));
        var layer2 = nest.Create("iaf_psc_alpha", Positions.Grid(lshape));
        double dx = 1.0 / lshape[0], dy = 1.0 / lshape[1];

        var d = nest.Displacement(layer[..1], layer2[4..5]);
        AssertAlmostEqual(d[0][0], -dx, 3);
        Assert.Equal(0.0, d[0][1]);
        d = nest.Displacement(layer[..1], layer2[1..2]);
        Assert.Equal(0.0, d[0][0]);
        AssertAlmostEqual(d[0][1], dy, 3);

        // one position (as a list and as numpy's array) and one position per node
        foreach (var from in new IReadOnlyList<double>[][] { [[0.0, 0.0]], [[0.0, 0.0]], [.. Enumerable.Repeat<IReadOnlyList<double>>([0.0, 0.0], layer.Count)] })
        {
            d = nest.Displacement(from, layer);
            Assert.Equal(layer.Count, d.Length);
            Assert.All(d, dd => Assert.Equal(2, dd.Length));
        }
    }

    // NEST: testsuite/pytests/spatial/test_basics.py::BasicsTestCase::test_Distance
    [Fact]
    public void Distance()
    {
        var nest = new Simulator();
        long[] lshape = [5, 4];
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid(lshape));

        var d = nest.Distance(layer, layer);
        Assert.Equal(layer.Count, d.Length);
        Assert.All(d, dd => Assert.Equal(0.0, dd));

        d = nest.Distance(layer[..1], layer);
        Assert.Equal(layer.Count, d.Length);
        Assert.All(d, dd => Assert.True(dd >= 0.0));

        d = nest.Distance(layer, layer[..1]);
        Assert.Equal(layer.Count, d.Length);
        Assert.All(d, dd => Assert.True(dd >= 0.0));

        double dx = 1.0 / lshape[0], dy = 1.0 / lshape[1];
        AssertAlmostEqual(nest.Distance(layer[..1], layer[4..5])[0], dx, 3);
        AssertAlmostEqual(nest.Distance(layer[4..5], layer[..1])[0], dx, 3);
        AssertAlmostEqual(nest.Distance(layer[..1], layer[1..2])[0], dy, 3);
        AssertAlmostEqual(nest.Distance(layer[1..2], layer[..1])[0], dy, 3);

        var layer2 = nest.Create("iaf_psc_alpha", Positions.Grid(lshape));
        AssertAlmostEqual(nest.Distance(layer[..1], layer2[4..5])[0], dx, 3);
        AssertAlmostEqual(nest.Distance(layer[4..5], layer2[..1])[0], dx, 3);
        AssertAlmostEqual(nest.Distance(layer[..1], layer2[1..2])[0], dy, 3);
        AssertAlmostEqual(nest.Distance(layer[1..2], layer2[..1])[0], dy, 3);

        // PyNEST raises ValueError before calling the kernel, whose BadProperty this is
        Assert.Throws<BadPropertyException>(() => nest.Distance(layer[1..3], layer[2..7]));

        foreach (var from in new IReadOnlyList<double>[][] { [[0.0, 0.0]], [[0.0, 0.0]], [.. Enumerable.Repeat<IReadOnlyList<double>>([0.0, 0.0], layer.Count)] })
        {
            d = nest.Distance(from, layer);
            Assert.Equal(layer.Count, d.Length);
            Assert.All(d, dd => Assert.True(dd >= 0.0));
        }
    }

    private static (Simulator Nest, NodeCollection Layer) GridConnectedByGridMask()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(D(("use_compressed_spikes", false)));
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [2.0, 2.0], edgeWrap: true));
        nest.Connect(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("mask", D(("grid", D(("shape", new long[] { 2, 2 })))))),
            D(("synapse_model", "stdp_synapse")));
        return (nest, layer);
    }

    // NEST: testsuite/pytests/spatial/test_basics.py::BasicsTestCase::test_GetTargetNodes (through GetTargetNodes itself;
    // SpatialSuiteTests checks the same targets through GetConnections)
    [Fact]
    public void GetTargetNodes()
    {
        var (nest, layer) = GridConnectedByGridMask();
        Assert.Single(nest.GetTargetNodes(layer[0], layer));
        var t = nest.GetTargetNodes(layer, layer);
        Assert.Equal(layer.Count, t.Length);
        Assert.All(t, g => Assert.Equal(4, g.Count));
        t = nest.GetTargetNodes(layer, layer, "static_synapse");
        Assert.Equal(layer.Count, t.Length);
        Assert.All(t, g => Assert.Equal(0, g.Count));
        t = nest.GetTargetNodes(layer, layer, "stdp_synapse");
        Assert.Equal(layer.Count, t.Length);
        Assert.All(t, g => Assert.Equal(4, g.Count));
        Assert.Equal(nest.Nodes(1, 2, 4, 5), Assert.Single(nest.GetTargetNodes(layer[0], layer)));
        Assert.Equal(nest.Nodes(5, 6, 8, 9), Assert.Single(nest.GetTargetNodes(layer[4], layer)));
        Assert.Equal(nest.Nodes(1, 3, 7, 9), Assert.Single(nest.GetTargetNodes(layer[8], layer)));
    }

    // NEST: testsuite/pytests/spatial/test_basics.py::BasicsTestCase::test_GetSourceNodes
    [Fact]
    public void GetSourceNodes()
    {
        var (nest, layer) = GridConnectedByGridMask();
        Assert.Single(nest.GetSourceNodes(layer, layer[0]));
        var s = nest.GetSourceNodes(layer, layer);
        Assert.Equal(layer.Count, s.Length);
        Assert.All(s, g => Assert.Equal(4, g.Count));
        s = nest.GetSourceNodes(layer, layer, "static_synapse");
        Assert.Equal(layer.Count, s.Length);
        Assert.All(s, g => Assert.Equal(0, g.Count));
        s = nest.GetSourceNodes(layer, layer, "stdp_synapse");
        Assert.Equal(layer.Count, s.Length);
        Assert.All(s, g => Assert.Equal(4, g.Count));
        Assert.Equal(nest.Nodes(1, 3, 7, 9), Assert.Single(nest.GetSourceNodes(layer, layer[0])));
        Assert.Equal(nest.Nodes(1, 2, 4, 5), Assert.Single(nest.GetSourceNodes(layer, layer[4])));
        Assert.Equal(nest.Nodes(5, 6, 8, 9), Assert.Single(nest.GetSourceNodes(layer, layer[8])));
    }

    private static NodeCollection ConnectedLayer(Simulator nest, Positions positions)
    {
        nest.SetKernelStatus(D(("use_compressed_spikes", false)));
        var layer = nest.Create("iaf_psc_alpha", positions);
        nest.Connect(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0)), D(("synapse_model", "stdp_synapse")));
        return layer;
    }

    // The positions of a 3 x 3 grid of extent 1 x 1 (column by column, each from the top).
    private static double[][] GridPositions()
    {
        double dx = 1.0 / 3, dy = 1.0 / 3;
        double[] x = [-dx, -dx, -dx, 0.0, 0.0, 0.0, dx, dx, dx];
        double[] y = [dy, 0.0, -dy, dy, 0.0, -dy, dy, 0.0, -dy];
        return [.. x.Select((xi, i) => new[] { xi, y[i] })];
    }

    private static IReadOnlyList<double>[] RandomPositions()
    {
        var random = new System.Random(12345);
        return [.. Enumerable.Range(0, 50).Select(_ => (IReadOnlyList<double>)[random.NextDouble() - 0.5, random.NextDouble() - 0.5])];
    }

    // NEST: testsuite/pytests/spatial/test_basics.py::BasicsTestCase::test_GetTargetPositions
    [Fact]
    public void GetTargetPositions()
    {
        var nest = new Simulator();
        var layer = ConnectedLayer(nest, Positions.Grid([1, 1], extent: [1.0, 1.0]));
        Assert.NotEmpty(nest.GetTargetPositions(layer, layer));

        nest = new Simulator();
        layer = ConnectedLayer(nest, Positions.Grid([3, 3], extent: [1.0, 1.0]));
        var p = nest.GetTargetPositions(layer[..1], layer);
        Assert.Single(p);
        Assert.All(p[0], pp => Assert.Equal(2, pp.Length));
        p = nest.GetTargetPositions(layer, layer);
        Assert.Equal(layer.Count, p.Length);
        var pos = GridPositions();
        for (int i = 0; i < pos.Length; i++)
        {
            AssertAlmostEqual(p[4][i][0], pos[i][0]);
            AssertAlmostEqual(p[4][i][1], pos[i][1]);
        }

        nest = new Simulator();
        var positions = RandomPositions();
        layer = ConnectedLayer(nest, Positions.Free(positions));
        p = nest.GetTargetPositions(layer[..1], layer);
        for (int i = 0; i < p[0].Length; i++)
        {
            AssertAlmostEqual(positions[i][0], p[0][i][0]);
            AssertAlmostEqual(positions[i][1], p[0][i][1]);
        }
    }

    // NEST: testsuite/pytests/spatial/test_basics.py::BasicsTestCase::test_GetSourcePositions
    [Fact]
    public void GetSourcePositions()
    {
        var nest = new Simulator();
        var layer = ConnectedLayer(nest, Positions.Grid([1, 1], extent: [1.0, 1.0]));
        Assert.NotEmpty(nest.GetSourcePositions(layer, layer));

        nest = new Simulator();
        layer = ConnectedLayer(nest, Positions.Grid([3, 3], extent: [1.0, 1.0]));
        var p = nest.GetSourcePositions(layer, layer[..1]);
        Assert.Single(p);
        Assert.All(p[0], pp => Assert.Equal(2, pp.Length));
        p = nest.GetSourcePositions(layer, layer);
        Assert.Equal(layer.Count, p.Length);
        var pos = GridPositions();
        for (int i = 0; i < pos.Length; i++)
        {
            AssertAlmostEqual(p[4][i][0], pos[i][0]);
            AssertAlmostEqual(p[4][i][1], pos[i][1]);
        }

        nest = new Simulator();
        var positions = RandomPositions();
        layer = ConnectedLayer(nest, Positions.Free(positions));
        p = nest.GetSourcePositions(layer, layer[..1]);
        for (int i = 0; i < p[0].Length; i++)
        {
            AssertAlmostEqual(positions[i][0], p[0][i][0]);
            AssertAlmostEqual(positions[i][1], p[0][i][1]);
        }
    }

    // NEST: testsuite/pytests/spatial/test_basics.py::BasicsTestCase::testSlicedPositions
    [Fact]
    public void SlicedPositions()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Uniform(min: -1, max: 1), numDimensions: 2), n: 10);
        double[][] PositionsOf(NodeCollection c) => (double[][])nest.GetSpatial(c)!["positions"];
        var all = PositionsOf(nodes);
        var oneByOne = Enumerable.Range(0, nodes.Count).SelectMany(i => PositionsOf(nodes[i])).ToArray();
        Assert.Equal(all, oneByOne);
        Assert.Equal(all.Where((_, i) => i % 2 == 0).ToArray(), PositionsOf(nodes.Slice(0, nodes.Count, 2)));
    }
}
