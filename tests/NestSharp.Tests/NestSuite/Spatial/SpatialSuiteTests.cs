using System.Globalization;

namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>
/// The first of NEST's spatial pytests ported, on the C# API (testsuite/pytests/spatial/: parts of test_basics,
/// test_layer_get_set, test_dumping, test_SynapseCollection_distance and test_oversize_mask's grid-layer tests); the
/// other functions of those files and the other files each have their own class in this folder.
/// </summary>
public sealed class SpatialSuiteTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    // NEST: testsuite/pytests/spatial/test_basics.py::BasicsTestCase::test_FindElements
    [Fact]
    public void FindElements()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [3.0, 3.0]));
        Assert.Equal(layer[4], nest.FindNearestElement(layer, [[0.0, 0.0]])[0]);
        var two = nest.FindNearestElement(layer, [[0.0, 0.0], [1.0, 1.0]]);
        Assert.Equal(layer[4], two[0]);
        Assert.Equal(layer[6], two[1]);
        var one = nest.FindNearestElement(layer, [[0.5, 0.5]])[0];
        Assert.Equal(1, one.Count);
        Assert.Contains(one.Ids[0], new[] { 4, 5, 7, 8 });
        var all = nest.FindNearestElement(layer, [[0.5, 0.5]], findAll: true)[0];
        Assert.Equal(4, all.Count);
        Assert.Equal(layer[3], all[0]);
        Assert.Equal(layer[7], all[3]);
        var complex = nest.FindNearestElement(layer, [[0.0, 0.0], [0.5, 0.5]], findAll: true);
        Assert.Equal(layer[4], complex[0]);
        Assert.Equal(layer[3] + layer[4] + layer[6] + layer[7], complex[1]);
    }

    // NEST: testsuite/pytests/spatial/test_basics.py::BasicsTestCase::test_GetCenterElement
    [Fact]
    public void GetCenterElement()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [2.0, 2.0]));
        Assert.Equal(layer[4..5], nest.FindCenterElement(layer));
        var layer2 = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [2.0, 2.0]));
        Assert.Equal(layer2[4..5], nest.FindCenterElement(layer2));
    }

    // NEST: testsuite/pytests/spatial/test_basics.py::BasicsTestCase::test_GetTargetNodes
    [Fact]
    public void GetTargetNodes()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [2.0, 2.0], edgeWrap: true));
        nest.ConnectLayers(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("mask", D(("grid", D(("shape", new long[] { 2, 2 })))))),
            [new SynSpec { SynapseModel = "stdp_synapse" }]);
        int[] Targets(int source) => [.. nest.GetConnections(layer[source], layer).Target.Select(t => (int)t).Distinct().Order()];
        Assert.All(Enumerable.Range(0, 9), s => Assert.Equal(4, Targets(s).Length));
        Assert.Equal(0, nest.GetConnections(layer, layer, "static_synapse").Count);
        Assert.Equal([1, 2, 4, 5], Targets(0));
        Assert.Equal([5, 6, 8, 9], Targets(4));
        Assert.Equal([1, 3, 7, 9], Targets(8));
    }

    // NEST: testsuite/pytests/spatial/test_basics.py::BasicsTestCase::test_Displacement (its exact values)
    [Fact]
    public void Displacement()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([5, 4]));
        Assert.All(nest.Displacement(layer, layer), d => Assert.Equal(new[] { 0.0, 0.0 }, d));
        Assert.Equal(20, nest.Displacement(layer[..1], layer).Length);
        Assert.Equal(20, nest.Displacement(layer, layer[..1]).Length);
        var dx = nest.Displacement(layer[..1], layer[4..5])[0];
        Assert.Equal(-1.0 / 5, dx[0], 3);
        Assert.Equal(0.0, dx[1]);
        var dy = nest.Displacement(layer[..1], layer[1..2])[0];
        Assert.Equal(0.0, dy[0]);
        Assert.Equal(1.0 / 4, dy[1], 3);
        Assert.Throws<BadPropertyException>(() => nest.Displacement(layer[1..3], layer[2..7]));
    }

    // NEST: testsuite/pytests/spatial/test_layer_get_set.py::test_layer_set_on_instance
    [Fact]
    public void LayerSetOnInstance()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [2.0, 2.0], edgeWrap: true));
        layer.Set("V_m", -50.0);
        Assert.Equal(Enumerable.Repeat(-50.0, 9), layer.GetValues<double>("V_m"));
    }

    // NEST: testsuite/pytests/spatial/test_layer_get_set.py::test_layer_get_spatial_params (all five parametrisations)
    // NEST: testsuite/pytests/spatial/test_layer_get_set.py::test_layer_get_all_spatial_params_at_once
    [Fact]
    public void LayerGetSpatialParams()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [2.0, 2.0], edgeWrap: true));
        var spatial = nest.GetSpatial(layer)!;
        Assert.Equal(new[] { 0.0, 0.0 }, spatial["center"]);
        Assert.Equal(new long[] { 3, 3 }, spatial["shape"]);
        Assert.Equal(true, spatial["edge_wrap"]);
        Assert.Equal(new[] { 2.0, 2.0 }, spatial["extent"]);
        Assert.Equal(9L, spatial["network_size"]);
        Assert.Equal(["center", "edge_wrap", "extent", "network_size", "shape"], spatial.Keys.Order());
    }

    // NEST: testsuite/pytests/spatial/test_layer_get_set.py::test_spatial_param_on_single_element_layer
    [Fact]
    public void SpatialParamOnSingleElementLayer()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([1, 1]));
        Assert.Equal(1, layer.Count);
        var spatial = nest.GetSpatial(layer)!;
        Assert.Equal(new[] { 0.0, 0.0 }, spatial["center"]);
        Assert.Equal(1L, ((long[])spatial["shape"])[0]);
    }

    // NEST: testsuite/pytests/spatial/test_dumping.py::DumpingTestCase::test_DumpNodes
    [Fact]
    public void DumpNodes()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [2.0, 2.0], edgeWrap: true));
        string path = Path.GetTempFileName();
        try
        {
            nest.DumpLayerNodes(layer, path);
            var rows = ReadRows(path);
            var positions = nest.GetPosition(layer);
            Assert.Equal(9, rows.Length);
            for (int i = 0; i < 9; i++)
            {
                Assert.Equal(layer.Ids[i], rows[i][0]);
                Assert.Equal(positions[i][0], rows[i][1], 5);
                Assert.Equal(positions[i][1], rows[i][2], 5);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    // NEST: testsuite/pytests/spatial/test_dumping.py::DumpingTestCase::test_DumpConns
    [Fact]
    public void DumpConns()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([2, 1], extent: [2.0, 2.0], edgeWrap: true));
        nest.ConnectLayers(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0)));
        string path = Path.GetTempFileName();
        try
        {
            nest.DumpLayerConnections(layer, layer, "static_synapse", path);
            double[][] expected =
            [
                [1.0, 1.0, 1.0, 1.0, 0.0, 0.0],
                [1.0, 2.0, 1.0, 1.0, -1.0, 0.0],
                [2.0, 1.0, 1.0, 1.0, -1.0, 0.0],
                [2.0, 2.0, 1.0, 1.0, 0.0, 0.0],
            ];
            Assert.Equal(expected, ReadRows(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static double[][] ReadRows(string path) =>
        [.. File.ReadAllLines(path).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray())];

    // NEST: testsuite/pytests/spatial/test_SynapseCollection_distance.py::test_SynapseCollection_distance_simple
    [Fact]
    public void SynapseCollectionDistanceSimple()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3]));
        nest.Connect(nodes, nodes, "one_to_one");
        Assert.All(nest.Distance(nest.GetConnections()), d => Assert.Equal(0.0, d));
    }

    // NEST: testsuite/pytests/spatial/test_SynapseCollection_distance.py::test_SynapseCollection_distance
    [Fact]
    public void SynapseCollectionDistance()
    {
        var nest = new Simulator();
        var sources = nest.Create("iaf_psc_alpha", Positions.Grid([3, 1]));
        var targets = nest.Create("iaf_psc_alpha", Positions.Grid([1, 3]));
        nest.Connect(sources, targets);
        var conns = nest.GetConnections();
        var distances = nest.Distance(conns);
        var sourcePositions = nest.GetPosition(sources);
        var targetPositions = nest.GetPosition(targets);
        for (int i = 0; i < conns.Count; i++)
        {
            var s = sourcePositions[sources.IndexOf((int)conns.Source[i])];
            var t = targetPositions[targets.IndexOf((int)conns.Target[i])];
            Assert.Equal(Math.Sqrt((t[0] - s[0]) * (t[0] - s[0]) + (t[1] - s[1]) * (t[1] - s[1])), distances[i], 12);
        }
    }

    // NEST: testsuite/pytests/spatial/test_SynapseCollection_distance.py::test_SynapseCollection_distance_non_spatial
    [Fact]
    public void SynapseCollectionDistanceNonSpatial()
    {
        var nest = new Simulator();
        var sources = nest.Create("iaf_psc_alpha", 3);
        var targets = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(sources, targets);
        Assert.All(nest.Distance(nest.GetConnections()), d => Assert.True(double.IsNaN(d)));
    }

    // NEST: testsuite/pytests/spatial/test_oversize_mask.py::test_grid_layer_grid_mask_correct (both parametrisations)
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void GridLayerGridMaskCorrect(long size, bool allowOversized)
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([1, 1], edgeWrap: true));
        nest.ConnectLayers(layer, layer, D(("rule", "pairwise_bernoulli"),
            ("mask", D(("grid", D(("shape", new[] { size, size }))))), ("allow_oversized_mask", allowOversized)));
    }

    // NEST: testsuite/pytests/spatial/test_oversize_mask.py::test_grid_layer_grid_mask_incorrect (all three)
    [Theory]
    [InlineData(2, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    public void GridLayerGridMaskIncorrect(long columns, long rows)
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([1, 1], edgeWrap: true));
        Assert.Throws<BadPropertyException>(() => nest.ConnectLayers(layer, layer,
            D(("rule", "pairwise_bernoulli"), ("mask", D(("grid", D(("shape", new[] { columns, rows }))))))));
    }
}
