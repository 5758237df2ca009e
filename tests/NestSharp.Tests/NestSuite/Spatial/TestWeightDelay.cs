namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>
/// NEST's testsuite/pytests/spatial/test_weight_delay.py: weights and delays of a spatial Connect given by a linear
/// function of distance, delays on the grid of resolution 0.04, checked through DumpLayerNodes and
/// DumpLayerConnections for a grid and a free layer with periodic boundaries.
/// </summary>
/// <remarks>
/// NEST's test_layer_connections_dump compares <c>actual.sort() == expected.sort()</c>, which compares None with None
/// (list.sort sorts in place and returns None) and so never fails; the port compares the sorted lines, as the test means.
/// </remarks>
public sealed class TestWeightDelay
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    /// <summary>Builds the spatial network with the layer type <paramref name="layerType"/> (grid or free).</summary>
    private static (Simulator Nest, NodeCollection Source, NodeCollection Target) BuildNetwork(string layerType)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.04, ["use_compressed_spikes"] = false });

        var p1 = nest.CreateParameter("constant", new() { ["value"] = 1.0 });
        var p2 = nest.CreateParameter("constant", new() { ["value"] = -0.02 });
        var p3 = nest.CreateParameter("distance", []);
        var linearParameter = p1 + p2 * p3;

        var synSpec = D(("weight", linearParameter), ("delay", linearParameter));

        Positions pos;
        Dictionary<string, object> connSpec;
        if (layerType == "grid")
        {
            pos = Positions.Grid([10, 1], extent: [10.0, 1.0], center: [0.0, 0.0], edgeWrap: true);
            connSpec = D(("rule", "pairwise_bernoulli"), ("use_on_source", false),
                ("mask", D(("grid", D(("shape", new long[] { 10, 1 }))), ("anchor", new long[] { 0, 0 }))));
        }
        else
        {
            pos = Positions.Free([.. Enumerable.Range(0, 10).Select(i => (IReadOnlyList<double>)[-4.5 + i, 0.0])], extent: [10.0, 1.0], edgeWrap: true);
            connSpec = D(("rule", "pairwise_bernoulli"), ("use_on_source", false),
                ("mask", D(("rectangular", D(("lower_left", new[] { -0.5, -0.5 }), ("upper_right", new[] { 9.5, 0.5 }))))));
        }

        var srcLayer = nest.Create("iaf_psc_alpha", pos);
        var tgtLayer = nest.Create("iaf_psc_alpha", pos);
        nest.Connect(srcLayer, tgtLayer, connSpec, synSpec);
        return (nest, srcLayer, tgtLayer);
    }

    private static string[] ReadLines(Action<string> dump)
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

    // NEST: testsuite/pytests/spatial/test_weight_delay.py::test_source_layer_nodes_dump
    [Theory]
    [InlineData("grid")]
    [InlineData("free")]
    public void SourceLayerNodesDump(string layerType)
    {
        var (nest, srcLayer, _) = BuildNetwork(layerType);
        Assert.Equal(ExpectedSourceNodesDump, ReadLines(path => nest.DumpLayerNodes(srcLayer, path)));
    }

    // NEST: testsuite/pytests/spatial/test_weight_delay.py::test_target_layer_nodes_dump
    [Theory]
    [InlineData("grid")]
    [InlineData("free")]
    public void TargetLayerNodesDump(string layerType)
    {
        var (nest, _, tgtLayer) = BuildNetwork(layerType);
        Assert.Equal(ExpectedTargetNodesDump, ReadLines(path => nest.DumpLayerNodes(tgtLayer, path)));
    }

    // NEST: testsuite/pytests/spatial/test_weight_delay.py::test_layer_connections_dump
    [Theory]
    [InlineData("grid")]
    [InlineData("free")]
    public void LayerConnectionsDump(string layerType)
    {
        var (nest, srcLayer, tgtLayer) = BuildNetwork(layerType);
        // We need to sort results to be invariant against implementation-dependent output order
        var actual = ReadLines(path => nest.DumpLayerConnections(srcLayer, tgtLayer, "static_synapse", path)).Order(StringComparer.Ordinal);
        Assert.Equal(ExpectedConnDump.Order(StringComparer.Ordinal), actual);
    }

    private static readonly string[] ExpectedSourceNodesDump =
    [
        "1 -4.5 0", "2 -3.5 0", "3 -2.5 0", "4 -1.5 0", "5 -0.5 0", "6 0.5 0", "7 1.5 0", "8 2.5 0", "9 3.5 0", "10 4.5 0",
    ];

    private static readonly string[] ExpectedTargetNodesDump =
    [
        "11 -4.5 0", "12 -3.5 0", "13 -2.5 0", "14 -1.5 0", "15 -0.5 0", "16 0.5 0", "17 1.5 0", "18 2.5 0", "19 3.5 0", "20 4.5 0",
    ];

    private static readonly string[] ExpectedConnDump =
    [
        "1 11 1 1 0 0", "1 12 0.98 1 1 0", "1 13 0.96 0.96 2 0", "1 14 0.94 0.96 3 0", "1 15 0.92 0.92 4 0",
        "1 16 0.9 0.92 -5 0", "1 17 0.92 0.92 -4 0", "1 18 0.94 0.96 -3 0", "1 19 0.96 0.96 -2 0", "1 20 0.98 1 -1 0",
        "2 11 0.98 1 -1 0", "2 12 1 1 0 0", "2 13 0.98 1 1 0", "2 14 0.96 0.96 2 0", "2 15 0.94 0.96 3 0",
        "2 16 0.92 0.92 4 0", "2 17 0.9 0.92 -5 0", "2 18 0.92 0.92 -4 0", "2 19 0.94 0.96 -3 0", "2 20 0.96 0.96 -2 0",
        "3 11 0.96 0.96 -2 0", "3 12 0.98 1 -1 0", "3 13 1 1 0 0", "3 14 0.98 1 1 0", "3 15 0.96 0.96 2 0",
        "3 16 0.94 0.96 3 0", "3 17 0.92 0.92 4 0", "3 18 0.9 0.92 -5 0", "3 19 0.92 0.92 -4 0", "3 20 0.94 0.96 -3 0",
        "4 11 0.94 0.96 -3 0", "4 12 0.96 0.96 -2 0", "4 13 0.98 1 -1 0", "4 14 1 1 0 0", "4 15 0.98 1 1 0",
        "4 16 0.96 0.96 2 0", "4 17 0.94 0.96 3 0", "4 18 0.92 0.92 4 0", "4 19 0.9 0.92 -5 0", "4 20 0.92 0.92 -4 0",
        "5 11 0.92 0.92 -4 0", "5 12 0.94 0.96 -3 0", "5 13 0.96 0.96 -2 0", "5 14 0.98 1 -1 0", "5 15 1 1 0 0",
        "5 16 0.98 1 1 0", "5 17 0.96 0.96 2 0", "5 18 0.94 0.96 3 0", "5 19 0.92 0.92 4 0", "5 20 0.9 0.92 -5 0",
        "6 11 0.9 0.92 -5 0", "6 12 0.92 0.92 -4 0", "6 13 0.94 0.96 -3 0", "6 14 0.96 0.96 -2 0", "6 15 0.98 1 -1 0",
        "6 16 1 1 0 0", "6 17 0.98 1 1 0", "6 18 0.96 0.96 2 0", "6 19 0.94 0.96 3 0", "6 20 0.92 0.92 4 0",
        "7 11 0.92 0.92 4 0", "7 12 0.9 0.92 -5 0", "7 13 0.92 0.92 -4 0", "7 14 0.94 0.96 -3 0", "7 15 0.96 0.96 -2 0",
        "7 16 0.98 1 -1 0", "7 17 1 1 0 0", "7 18 0.98 1 1 0", "7 19 0.96 0.96 2 0", "7 20 0.94 0.96 3 0",
        "8 11 0.94 0.96 3 0", "8 12 0.92 0.92 4 0", "8 13 0.9 0.92 -5 0", "8 14 0.92 0.92 -4 0", "8 15 0.94 0.96 -3 0",
        "8 16 0.96 0.96 -2 0", "8 17 0.98 1 -1 0", "8 18 1 1 0 0", "8 19 0.98 1 1 0", "8 20 0.96 0.96 2 0",
        "9 11 0.96 0.96 2 0", "9 12 0.94 0.96 3 0", "9 13 0.92 0.92 4 0", "9 14 0.9 0.92 -5 0", "9 15 0.92 0.92 -4 0",
        "9 16 0.94 0.96 -3 0", "9 17 0.96 0.96 -2 0", "9 18 0.98 1 -1 0", "9 19 1 1 0 0", "9 20 0.98 1 1 0",
        "10 11 0.98 1 1 0", "10 12 0.96 0.96 2 0", "10 13 0.94 0.96 3 0", "10 14 0.92 0.92 4 0", "10 15 0.9 0.92 -5 0",
        "10 16 0.92 0.92 -4 0", "10 17 0.94 0.96 -3 0", "10 18 0.96 0.96 -2 0", "10 19 0.98 1 -1 0", "10 20 1 1 0 0",
    ];
}
