namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>NEST's test_rotated_rect_mask: rectangular and box masks rotated by azimuth and polar angles.</summary>
public sealed class RotatedRectMaskTests
{
    private static Dictionary<string, object> Box(double[] lowerLeft, double[] upperRight, double? azimuth = null, double? polar = null)
    {
        var specs = new Dictionary<string, object> { ["lower_left"] = lowerLeft, ["upper_right"] = upperRight };
        if (azimuth is { } a) specs["azimuth_angle"] = a;
        if (polar is { } p) specs["polar_angle"] = p;
        return specs;
    }

    // [[x, y, z] for x in range(-2, 3) for y in range(-2, 3) for z in range(-2, 3)]
    private static NodeCollection Cube(Simulator nest)
    {
        var pos = new List<double[]>();
        for (int x = -2; x < 3; x++)
        {
            for (int y = -2; y < 3; y++)
            {
                for (int z = -2; z < 3; z++) pos.Add([x, y, z]);
            }
        }
        return nest.Create("iaf_psc_alpha", Positions.Free(pos));
    }

    private static void AssertSelected(Simulator nest, NodeCollection layer, double[] center, string type, Dictionary<string, object> specs, params int[] expected) =>
        Assert.Equal(nest.Nodes(expected), nest.SelectNodesByMask(layer, center, nest.CreateMask(type, specs)));

    // NEST: testsuite/pytests/spatial/test_rotated_rect_mask.py::RotatedRectangularMask::test_RotatedRectangularMask
    [Fact]
    public void RotatedRectangularMask()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([5, 5], extent: [5.0, 5.0]));
        double[] cntr = [0.0, 0.0];
        AssertSelected(nest, layer, cntr, "rectangular", Box([-1.0, -0.5], [1.0, 0.5]), 8, 13, 18);
        AssertSelected(nest, layer, cntr, "rectangular", Box([-1.0, -0.5], [1.0, 0.5], azimuth: 90.0), 12, 13, 14);
        AssertSelected(nest, layer, cntr, "rectangular", Box([-1.5, -0.5], [1.5, 0.5], azimuth: 45.0), 9, 13, 17);
        AssertSelected(nest, layer, cntr, "rectangular", Box([-1.5, -0.5], [1.5, 0.5], azimuth: 135.0), 7, 13, 19);
        // A polar angle is an error for a 2D mask.
        Assert.ThrowsAny<NestException>(() => nest.CreateMask("rectangular", Box([-1.5, -0.5], [1.5, 0.5], polar: 45.0)));
    }

    // NEST: testsuite/pytests/spatial/test_rotated_rect_mask.py::RotatedRectangularMask::test_RotatedBoxMaskByAzimuthAngle
    [Fact]
    public void RotatedBoxMaskByAzimuthAngle()
    {
        var nest = new Simulator();
        var layer = Cube(nest);
        double[] cntr = [0.0, 0.0, 0.0];
        AssertSelected(nest, layer, cntr, "box", Box([-1.0, -0.5, -0.5], [1.0, 0.5, 0.5]), 38, 63, 88);
        AssertSelected(nest, layer, cntr, "box", Box([-1.0, -0.5, -1.0], [1.0, 0.5, 1.0]), 37, 38, 39, 62, 63, 64, 87, 88, 89);
        AssertSelected(nest, layer, cntr, "box", Box([-1.0, -0.5, -0.5], [1.0, 0.5, 0.5], azimuth: 90.0), 58, 63, 68);
        AssertSelected(nest, layer, cntr, "box", Box([-1.0, -0.5, -1.0], [1.0, 0.5, 1.0], azimuth: 90.0), 57, 58, 59, 62, 63, 64, 67, 68, 69);
    }

    // NEST: testsuite/pytests/spatial/test_rotated_rect_mask.py::RotatedRectangularMask::test_RotatedBoxMaskByPolarAngle
    [Fact]
    public void RotatedBoxMaskByPolarAngle()
    {
        var nest = new Simulator();
        var layer = Cube(nest);
        double[] cntr = [0.0, 0.0, 0.0];
        AssertSelected(nest, layer, cntr, "box", Box([-0.5, -1.0, -1.0], [0.5, 1.0, 1.0]), 57, 58, 59, 62, 63, 64, 67, 68, 69);
        AssertSelected(nest, layer, cntr, "box", Box([-0.5, -1.0, -1.0], [0.5, 1.0, 1.0], polar: 90.0), 33, 38, 43, 58, 63, 68, 83, 88, 93);
        // 180 degrees gives the same nodes as no rotation.
        AssertSelected(nest, layer, cntr, "box", Box([-0.5, -1.0, -1.0], [0.5, 1.0, 1.0], polar: 180.0), 57, 58, 59, 62, 63, 64, 67, 68, 69);
        AssertSelected(nest, layer, cntr, "box", Box([-0.5, -1.5, -1.5], [0.5, 1.5, 1.5], polar: 45.0), 32, 37, 42, 58, 63, 68, 84, 89, 94);
        // 135 degrees: perpendicular to the nodes of 45 degrees.
        AssertSelected(nest, layer, cntr, "box", Box([-0.5, -1.5, -1.5], [0.5, 1.5, 1.5], polar: 135.0), 34, 39, 44, 58, 63, 68, 82, 87, 92);
        // A mask symmetric in x and z gives the same nodes rotated by 90 degrees as unrotated.
        var nodeIds2 = nest.SelectNodesByMask(layer, cntr, nest.CreateMask("box", Box([-1.0, -0.5, -1.0], [1.0, 0.5, 1.0])));
        Assert.Equal(nest.Nodes(37, 38, 39, 62, 63, 64, 87, 88, 89), nodeIds2);
        var nodeIds = nest.SelectNodesByMask(layer, cntr, nest.CreateMask("box", Box([-1.0, -0.5, -1.0], [1.0, 0.5, 1.0], polar: 90.0)));
        Assert.Equal(nest.Nodes(37, 38, 39, 62, 63, 64, 87, 88, 89), nodeIds);
        Assert.Equal(nodeIds2, nodeIds);
    }

    // NEST: testsuite/pytests/spatial/test_rotated_rect_mask.py::RotatedRectangularMask::test_RotatedBoxMaskByAzimuthAndPolarAngle
    [Fact]
    public void RotatedBoxMaskByAzimuthAndPolarAngle()
    {
        var nest = new Simulator();
        var layer = Cube(nest);
        AssertSelected(nest, layer, [0.0, 0.0, 0.0], "box", Box([-0.5, -1.5, -1.5], [0.5, 1.5, 1.5], azimuth: 45.0, polar: 45.0),
            37, 38, 43, 57, 58, 63, 68, 69, 83, 88, 89);
    }

    // NEST: testsuite/pytests/spatial/test_rotated_rect_mask.py::RotatedRectangularMask::test_RotatedRectangleOutsideOrigin
    [Fact]
    public void RotatedRectangleOutsideOrigin()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([11, 11], extent: [11.0, 11.0]));
        double[] cntr = [0.0, 0.0];
        AssertSelected(nest, layer, cntr, "rectangular", Box([1.0, 1.0], [4.0, 2.0]), 70, 71, 81, 82, 92, 93, 103, 104);
        AssertSelected(nest, layer, cntr, "rectangular", Box([0.5, 0.5], [4.5, 2.5], azimuth: 45.0), 71, 81, 82, 83, 91, 92, 93, 103);
        AssertSelected(nest, layer, cntr, "rectangular", Box([1.0, 1.0], [4.0, 2.0], azimuth: 90.0), 80, 81, 82, 83, 91, 92, 93, 94);
    }

    // NEST: testsuite/pytests/spatial/test_rotated_rect_mask.py::RotatedRectangularMask::test_RotatedBoxOutsideOrigin
    [Fact]
    public void RotatedBoxOutsideOrigin()
    {
        var nest = new Simulator();
        var layer = Cube(nest);
        double[] cntr = [0.0, 0.0, 0.0];
        AssertSelected(nest, layer, cntr, "box", Box([-2.0, -1.0, 0.5], [-0.5, -0.5, 2.0]), 9, 10, 34, 35);
        AssertSelected(nest, layer, cntr, "box", Box([-2.5, -1.0, 0.5], [-0.5, -0.5, 2.5], azimuth: 45.0), 9, 10, 39, 40);
        AssertSelected(nest, layer, cntr, "box", Box([-1.5, -2.5, 0.5], [-1.0, -0.5, 2.5], polar: 45.0), 4, 9, 30, 35);
    }

    // NEST: testsuite/pytests/spatial/test_rotated_rect_mask.py::RotatedRectangularMask::test_ConnectWithRotatedRectangleMask
    [Fact]
    public void ConnectWithRotatedRectangleMask()
    {
        var nest = new Simulator();
        var source = nest.Create("iaf_psc_alpha", Positions.Grid([5, 5], extent: [5.0, 5.0]));
        var target = nest.Create("iaf_psc_alpha", Positions.Grid([5, 5], extent: [5.0, 5.0]));
        nest.ConnectLayers(source, target, new Dictionary<string, object>
        {
            ["rule"] = "pairwise_bernoulli",
            ["p"] = 1.0,
            ["mask"] = new Dictionary<string, object> { ["rectangular"] = Box([-1.5, -0.5], [1.5, 0.5], azimuth: 45.0) },
        });
        int[][] reference =
        [
            [1, 26], [2, 27], [2, 31], [3, 28], [3, 32], [4, 29], [4, 33], [5, 30], [5, 34], [6, 27], [6, 31], [7, 28],
            [7, 32], [7, 36], [8, 29], [8, 33], [8, 37], [9, 30], [9, 34], [9, 38], [10, 35], [10, 39], [11, 32], [11, 36],
            [12, 33], [12, 37], [12, 41], [13, 34], [13, 38], [13, 42], [14, 35], [14, 39], [14, 43], [15, 40], [15, 44],
            [16, 37], [16, 41], [17, 38], [17, 42], [17, 46], [18, 39], [18, 43], [18, 47], [19, 40], [19, 44], [19, 48],
            [20, 45], [20, 49], [21, 42], [21, 46], [22, 43], [22, 47], [23, 44], [23, 48], [24, 45], [24, 49], [25, 50],
        ];
        ConnectionWithEllipticalMaskTests.AssertSortedPairs(reference, nest.GetConnections());
    }
}
