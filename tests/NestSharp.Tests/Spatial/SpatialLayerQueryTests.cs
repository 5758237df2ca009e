namespace NestSharp.Tests.SpatialNetworks;

/// <summary>
/// What NEST's spatial functions take from a slice of a layer (the dumps use the whole layer), the choice of the spatial
/// Connect as PyNEST makes it, and the queries over connections (GetTargetNodes, GetSourcePositions, ...).
/// </summary>
public sealed class SpatialLayerQueryTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static string[] Lines(Action<string> dump)
    {
        string path = Path.GetTempFileName();
        try
        {
            dump(path);
            return File.ReadAllLines(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DumpLayerNodes_OfASlice_WritesEveryNodeOfTheLayer()
    {
        var nest = new Simulator();
        nest.Create("iaf_psc_alpha", 2);
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([2, 1], extent: [2.0, 2.0]));
        Assert.Equal(["3 -0.5 0", "4 0.5 0"], Lines(path => nest.DumpLayerNodes(layer[1..], path)));
    }

    [Fact]
    public void DumpLayerConnections_TargetsEveryNodeOfTheTargetLayer_SourcesOnlyTheGivenNodes()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([2, 1], extent: [2.0, 2.0]));
        nest.Connect(layer, layer, "all_to_all");
        Assert.Equal(["2 1 1 1 -1 0", "2 2 1 1 0 0"], Lines(path => nest.DumpLayerConnections(layer[1..], layer[..1], "static_synapse", path)));
    }

    [Fact]
    public void Connect_WithAMask_IsTheSpatialConnect()
    {
        var viaConnect = new Simulator();
        var viaLayers = new Simulator();
        var conn = D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("mask", D(("circular", D(("radius", 0.3))))));
        var a = viaConnect.Create("iaf_psc_alpha", Positions.Grid([4, 4]));
        var b = viaLayers.Create("iaf_psc_alpha", Positions.Grid([4, 4]));
        viaConnect.Connect(a, a, conn);
        viaLayers.ConnectLayers(b, b, conn);
        Assert.Equal(viaLayers.GetConnections().Source, viaConnect.GetConnections().Source);
        Assert.Equal(viaLayers.GetConnections().Target, viaConnect.GetConnections().Target);
        Assert.True(viaConnect.GetConnections().Count < 16 * 16);
    }

    [Fact]
    public void Connect_WithASpatialWeight_IsTheSpatialConnect_AndWithoutOneTheOrdinaryRule()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 1], extent: [3.0, 1.0]));
        nest.Connect(layer[..1], layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0)), D(("weight", Spatial.Distance)));
        Assert.Equal([0.0, 1.0, 2.0], nest.GetConnections().Weight.Order());

        // a random p with pairwise_bernoulli stays the ordinary rule (PyNEST's choice), which needs no positions
        var plain = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(plain, plain, D(("rule", "pairwise_bernoulli"), ("p", 1.0)));
        Assert.Equal(3 + 4, nest.GetConnections().Count);
        // use_on_source makes it the spatial Connect, which needs positions on both sides (PyNEST's TypeError)
        Assert.Throws<TypeMismatchException>(() => nest.Connect(layer, plain, D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("use_on_source", true))));
        Assert.Throws<TypeMismatchException>(() => nest.Connect(plain, plain, D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("use_on_source", true))));
        Assert.Equal(3 + 4, nest.GetConnections().Count);
    }

    [Fact]
    public void GetTargetNodesAndPositions_PerSource_EmptyWhereNone()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 1], extent: [3.0, 1.0]));
        nest.Connect(layer[..1], layer[1..], "all_to_all");
        var targets = nest.GetTargetNodes(layer, layer);
        Assert.Equal(nest.Nodes(2, 3), targets[0]);
        Assert.Equal(0, targets[1].Count);
        Assert.Equal(0, targets[2].Count);
        var positions = nest.GetTargetPositions(layer, layer);
        Assert.Equal([[0.0, 0.0], [1.0, 0.0]], positions[0]);
        Assert.Empty(positions[1]);
        var sources = nest.GetSourceNodes(layer, layer);
        Assert.Equal(0, sources[0].Count);
        Assert.Equal(nest.Nodes(1), sources[2]);
        Assert.Equal([[-1.0, 0.0]], nest.GetSourcePositions(layer, layer)[1]);
    }

    [Fact]
    public void Create_WithARefusedParameter_MakesNeitherNodesNorLayer()
    {
        var nest = new Simulator();
        Assert.Throws<BadPropertyException>(() => nest.Create("iaf_psc_alpha", Positions.Grid([2, 2]), D(("V_m", new[] { 1.0, 2.0 }))));
        Assert.Throws<BadPropertyException>(() => nest.Create("iaf_psc_alpha", Positions.Grid([2, 2]), D(("C_m", -1.0))));
        Assert.Equal(0L, (long)nest.GetKernelStatus("network_size"));
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([2, 1]), D(("V_m", Spatial.Position(0))));
        Assert.Equal(nest.Nodes(1, 2), layer);
        Assert.Equal([-0.25, 0.25], layer.GetValues<double>("V_m"));
        Assert.Equal([[-0.25, 0.0], [0.25, 0.0]], nest.GetPosition(layer));
    }
}
