using System.Globalization;

namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>
/// NEST's test_mask_anchors_boundaries: masks (circular, doughnut, rectangular, grid) with anchors, periodic boundaries
/// and extents, connecting two 5 x 5 layers (free or grid) with pairwise_bernoulli; the dumped nodes and connections
/// against NEST's (spatial_test_references/, copied to Reference/pytests/ with the numbers written shortest).
/// </summary>
public sealed class MaskAnchorsBoundariesTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static Dictionary<string, object> MaskParams(string type) => type switch
    {
        "doughnut" => D(("outer_radius", 0.25), ("inner_radius", 0.1)),
        "circular" => D(("radius", 0.25)),
        "rectangular" => D(("lower_left", new[] { 0.0, 0.0 }), ("upper_right", new[] { 0.6, 0.3 })),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static double[][] LayerReference(int firstId)
    {
        var rows = new double[25][];
        for (int k = 0; k < 25; k++) rows[k] = [firstId + k, -0.5 + 0.25 * (k / 5), 0.5 - 0.25 * (k % 5)];
        return rows;
    }

    // NEST's network(): two layers of 5 x 5 nodes (free positions on the points of the 5 x 5 grid of spacing 0.25, or a
    // grid) connected by pairwise_bernoulli with the mask and its anchor.
    private static (Simulator Nest, NodeCollection Source, NodeCollection Target) Network(bool useFreeMask, string maskType,
        Dictionary<string, object> maskParams, object anchor, bool wrap, double[] extent)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("use_compressed_spikes", false);
        Positions layer;
        if (useFreeMask)
        {
            var points = new List<double[]>();
            foreach (double x in Linspace(-0.5, 0.5, 5))
            {
                foreach (double y in Linspace(0.5, -0.5, 5)) points.Add([x, y]);
            }
            layer = Positions.Free(points, extent: extent, edgeWrap: wrap);
        }
        else
        {
            layer = Positions.Grid([5, 5], extent: extent, edgeWrap: wrap);
        }
        var conns = D(("rule", "pairwise_bernoulli"), ("mask", D((maskType, maskParams), ("anchor", anchor))));
        var source = nest.Create("iaf_psc_alpha", layer);
        var target = nest.Create("iaf_psc_alpha", layer);
        nest.ConnectLayers(source, target, conns);
        return (nest, source, target);
    }

    private static double[] Linspace(double start, double stop, int n) =>
        [.. Enumerable.Range(0, n).Select(i => i == n - 1 ? stop : start + i * ((stop - start) / (n - 1)))];

    private static void CompareLayersAndConnections(bool useFreeMask, string maskType, Dictionary<string, object> maskParams,
        bool edgeWrap, double[] anchor, double[] extent)
    {
        object anchorValue = maskType == "grid" ? anchor.Select(a => (long)a).ToArray() : anchor;
        var (nest, source, target) = Network(useFreeMask, maskType, maskParams, anchorValue, edgeWrap, extent);
        using var scratch = new ScratchDirectory();
        string path = Path.Combine(scratch.Path, "tmp.txt");

        nest.DumpLayerNodes(source, path);
        var storedSource = ReadRows(path);
        nest.DumpLayerNodes(target, path);
        var storedTarget = ReadRows(path);
        nest.DumpLayerConnections(source, target, "static_synapse", path);
        var storedConnections = ReadRows(path);

        // str(x) of Python: 0.0 for reals, 0 for the integer anchors of grid masks
        string fileName = $"wrap_{(edgeWrap ? "True" : "False")}_anchor_" + string.Join('_', anchor.Select(a => maskType == "grid"
            ? ((long)a).ToString(CultureInfo.InvariantCulture) : a.ToString("0.0##", CultureInfo.InvariantCulture)));
        var connectionsRef = ReadRows(Path.Combine(AppContext.BaseDirectory, "Reference", "pytests", "spatial_test_references",
            useFreeMask ? "free" : "grid", maskType, fileName + ".txt"));

        Assert.Equal(LayerReference(1), storedSource);
        Assert.Equal(LayerReference(26), storedTarget);
        // The order of the connections in the file is the implementation's: compare the rows sorted.
        Assert.Equal(Sorted(connectionsRef), Sorted(storedConnections));
    }

    private static double[][] ReadRows(string path) =>
        [.. File.ReadAllLines(path).Where(line => line.Trim().Length > 0).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray())];

    private static double[][] Sorted(double[][] rows) => [.. rows.Order(Comparer<double[]>.Create(CompareRows))];

    private static int CompareRows(double[] a, double[] b)
    {
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            int c = a[i].CompareTo(b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }

    private static readonly double[] Extent = [1.25, 1.25];

    public static TheoryData<string, double[], bool> CircDoughnutCases()
    {
        var data = new TheoryData<string, double[], bool>();
        foreach (bool wrap in new[] { true, false })
        {
            foreach (double[] anchor in new[] { new[] { 0.0, 0.0 }, [-0.25, 0.0] })
            {
                foreach (string type in new[] { "doughnut", "circular" }) data.Add(type, anchor, wrap);
            }
        }
        return data;
    }

    // NEST: testsuite/pytests/spatial/test_mask_anchors_boundaries.py::test_free_circ_doughnut_anchor_and_boundary (all eight)
    [Theory]
    [MemberData(nameof(CircDoughnutCases))]
    public void FreeCircDoughnutAnchorAndBoundary(string maskType, double[] anchor, bool edgeWrap) =>
        CompareLayersAndConnections(true, maskType, MaskParams(maskType), edgeWrap, anchor, Extent);

    // NEST: testsuite/pytests/spatial/test_mask_anchors_boundaries.py::test_free_and_grid_rect_anchor (all four)
    [Theory]
    [InlineData(true, 0.0, 0.0)]
    [InlineData(true, -0.5, -0.25)]
    [InlineData(false, 0.0, 0.0)]
    [InlineData(false, -0.5, -0.25)]
    public void FreeAndGridRectAnchor(bool useFreeMask, double anchorX, double anchorY) =>
        CompareLayersAndConnections(useFreeMask, "rectangular", MaskParams("rectangular"), false, [anchorX, anchorY], Extent);

    // NEST: testsuite/pytests/spatial/test_mask_anchors_boundaries.py::test_free_rect_anchor_with_offset
    [Fact]
    public void FreeRectAnchorWithOffset() =>
        CompareLayersAndConnections(true, "rectangular", MaskParams("rectangular"), true, [-0.5, -0.25], Extent);

    // NEST: testsuite/pytests/spatial/test_mask_anchors_boundaries.py::test_free_rect_offset_with_edge_wrap
    [Fact]
    public void FreeRectOffsetWithEdgeWrap() =>
        CompareLayersAndConnections(true, "rectangular",
            D(("lower_left", new[] { -0.001, -0.001 }), ("upper_right", new[] { 0.6, 0.301 })), true, [0.0, 0.0], [1.05, 1.05]);

    // NEST: testsuite/pytests/spatial/test_mask_anchors_boundaries.py::test_reg_circ_doughnut_anchor_and_boundary (all eight)
    [Theory]
    [MemberData(nameof(CircDoughnutCases))]
    public void RegCircDoughnutAnchorAndBoundary(string maskType, double[] anchor, bool edgeWrap) =>
        CompareLayersAndConnections(false, maskType, MaskParams(maskType), edgeWrap, anchor, Extent);

    // NEST: testsuite/pytests/spatial/test_mask_anchors_boundaries.py::test_reg_grid_anchor (all eight)
    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(0, 1, true)]
    [InlineData(1, 0, true)]
    [InlineData(5, 5, true)]
    [InlineData(0, 0, false)]
    [InlineData(0, 1, false)]
    [InlineData(1, 0, false)]
    [InlineData(5, 5, false)]
    public void RegGridAnchor(int column, int row, bool edgeWrap) =>
        CompareLayersAndConnections(false, "grid", D(("shape", new long[] { 3, 2 })), edgeWrap, [column, row], Extent);

    // NEST: testsuite/pytests/spatial/test_mask_anchors_boundaries.py::test_reg_grid_anchor_negative (both)
    [Theory]
    [InlineData(0, -1)]
    [InlineData(-1, 0)]
    public void RegGridAnchorNegative(int column, int row) =>
        CompareLayersAndConnections(false, "grid", D(("shape", new long[] { 3, 2 })), false, [column, row], Extent);

    // NEST: testsuite/pytests/spatial/test_mask_anchors_boundaries.py::test_reg_grid_anchor_equal
    [Fact]
    public void RegGridAnchorEqual() =>
        CompareLayersAndConnections(false, "grid", D(("shape", new long[] { 3, 3 })), false, [1, 1], Extent);

    // NEST: testsuite/pytests/spatial/test_mask_anchors_boundaries.py::test_reg_rect_anchor (both)
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(-0.5, -0.25)]
    public void RegRectAnchor(double anchorX, double anchorY) =>
        CompareLayersAndConnections(false, "rectangular", MaskParams("rectangular"), false, [anchorX, anchorY], Extent);

    // NEST: testsuite/pytests/spatial/test_mask_anchors_boundaries.py::test_grid_rect_offset_with_edge_wrap
    [Fact]
    public void GridRectOffsetWithEdgeWrap() =>
        CompareLayersAndConnections(false, "rectangular",
            D(("lower_left", new[] { -0.001, -0.001 }), ("upper_right", new[] { 0.6, 0.3 })), true, [0.0, 0.0], Extent);
}
