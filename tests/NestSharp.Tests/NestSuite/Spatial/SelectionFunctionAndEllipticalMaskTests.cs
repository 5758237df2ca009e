namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>NEST's test_selection_function_and_elliptical_mask: SelectNodesByMask with box, elliptical and ellipsoidal masks.</summary>
public sealed class SelectionFunctionAndEllipticalMaskTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    // [[x, y, z] for x in range(-n, n + 1) for y in range(-n, n + 1) for z in range(-n, n + 1)]
    private static NodeCollection Cube(Simulator nest, int n)
    {
        var pos = new List<double[]>();
        for (int x = -n; x <= n; x++)
        {
            for (int y = -n; y <= n; y++)
            {
                for (int z = -n; z <= n; z++) pos.Add([x, y, z]);
            }
        }
        return nest.Create("iaf_psc_alpha", Positions.Free(pos));
    }

    private static void AssertSelected(Simulator nest, NodeCollection layer, double[] center, string type, Dictionary<string, object> specs, params int[] expected) =>
        Assert.Equal(nest.Nodes(expected), nest.SelectNodesByMask(layer, center, nest.CreateMask(type, specs)));

    // NEST: testsuite/pytests/spatial/test_selection_function_and_elliptical_mask.py::SelectionFunctionAndEllipticalMask::test_SelectNodesByMaskIn2D
    [Fact]
    public void SelectNodesByMaskIn2D()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([11, 11], extent: [11.0, 11.0]));
        AssertSelected(nest, layer, [0.0, 0.0], "rectangular", D(("lower_left", new[] { -2.0, -1.0 }), ("upper_right", new[] { 2.0, 1.0 })),
            38, 39, 40, 49, 50, 51, 60, 61, 62, 71, 72, 73, 82, 83, 84);

        nest.ResetKernel();
        double[] cntr = [3.0, 3.0];
        layer = nest.Create("iaf_psc_alpha", Positions.Grid([5, 5], extent: [11.0, 11.0], center: cntr));
        AssertSelected(nest, layer, cntr, "rectangular", D(("lower_left", new[] { 1.0, 1.0 }), ("upper_right", new[] { 5.0, 5.0 })),
            16, 17, 21, 22);
    }

    // NEST: testsuite/pytests/spatial/test_selection_function_and_elliptical_mask.py::SelectionFunctionAndEllipticalMask::test_SelectNodesByMaskIn3D
    [Fact]
    public void SelectNodesByMaskIn3D()
    {
        var nest = new Simulator();
        var layer = Cube(nest, 5);
        AssertSelected(nest, layer, [0.0, 0.0, 0.0], "box",
            D(("lower_left", new[] { -6.0, -6.0, -6.0 }), ("upper_right", new[] { -4.0, -4.0, -4.0 })),
            1, 2, 12, 13, 122, 123, 133, 134);
    }

    // NEST: testsuite/pytests/spatial/test_selection_function_and_elliptical_mask.py::SelectionFunctionAndEllipticalMask::test_CreateEllipticalMask2D
    [Fact]
    public void CreateEllipticalMask2D()
    {
        var mask = new Simulator().CreateMask("elliptical", D(("major_axis", 6.0), ("minor_axis", 3.0)));
        Assert.True(mask.Inside([0.0, 0.0]));
    }

    // NEST: testsuite/pytests/spatial/test_selection_function_and_elliptical_mask.py::SelectionFunctionAndEllipticalMask::test_EllipticalMask2D
    [Fact]
    public void EllipticalMask2D()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([11, 11], extent: [11.0, 11.0]));
        double[] cntr = [0.0, 0.0];
        AssertSelected(nest, layer, cntr, "elliptical", D(("major_axis", 2.0), ("minor_axis", 1.0)), 50, 61, 72);
        AssertSelected(nest, layer, cntr, "elliptical", D(("major_axis", 6.0), ("minor_axis", 3.0)),
            28, 38, 39, 40, 49, 50, 51, 60, 61, 62, 71, 72, 73, 82, 83, 84, 94);
    }

    // NEST: testsuite/pytests/spatial/test_selection_function_and_elliptical_mask.py::SelectionFunctionAndEllipticalMask::test_EllipticalMask2DWithAnchor
    [Fact]
    public void EllipticalMask2DWithAnchor()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([11, 11], extent: [11.0, 11.0]));
        AssertSelected(nest, layer, [0.0, 0.0], "elliptical", D(("major_axis", 6.0), ("minor_axis", 3.0), ("anchor", new[] { -2.0, -2.0 })),
            8, 18, 19, 20, 29, 30, 31, 40, 41, 42, 51, 52, 53, 62, 63, 64, 74);
    }

    // NEST: testsuite/pytests/spatial/test_selection_function_and_elliptical_mask.py::SelectionFunctionAndEllipticalMask::test_TiltedEllipticalMask2DWithAnchor
    [Fact]
    public void TiltedEllipticalMask2DWithAnchor()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([11, 11], extent: [11.0, 11.0]));
        double[] cntr = [0.0, 0.0];
        AssertSelected(nest, layer, cntr, "elliptical",
            D(("major_axis", 3.0), ("minor_axis", 1.0), ("anchor", new[] { 3.0, 3.0 }), ("azimuth_angle", 45.0)), 81, 91, 101);
        AssertSelected(nest, layer, cntr, "elliptical",
            D(("major_axis", 6.0), ("minor_axis", 3.0), ("anchor", new[] { -1.5, 1.0 }), ("azimuth_angle", 135.0)),
            25, 26, 27, 36, 37, 38, 39, 48, 49, 50, 51, 60, 61, 62);
        AssertSelected(nest, layer, cntr, "elliptical",
            D(("major_axis", 8.0), ("minor_axis", 3.0), ("anchor", new[] { 0.0, 1.0 }), ("azimuth_angle", 90.0)),
            47, 48, 49, 50, 51, 56, 57, 58, 59, 60, 61, 62, 63, 64, 69, 70, 71, 72, 73);
    }

    // NEST: testsuite/pytests/spatial/test_selection_function_and_elliptical_mask.py::SelectionFunctionAndEllipticalMask::test_EllipticalMask2DwithAnchorAndCenteredLayer
    [Fact]
    public void EllipticalMask2DwithAnchorAndCenteredLayer()
    {
        var nest = new Simulator();
        double[] cntr = [5.0, 5.0];
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([5, 5], extent: [5.0, 5.0], center: cntr));
        AssertSelected(nest, layer, cntr, "elliptical", D(("major_axis", 3.0), ("minor_axis", 1.0)), 8, 13, 18);
        AssertSelected(nest, layer, cntr, "elliptical", D(("major_axis", 3.0), ("minor_axis", 1.0), ("anchor", new[] { 1.0, 1.0 })), 12, 17, 22);
    }

    // NEST: testsuite/pytests/spatial/test_selection_function_and_elliptical_mask.py::SelectionFunctionAndEllipticalMask::test_EllipsoidalMask3D
    [Fact]
    public void EllipsoidalMask3D()
    {
        var nest = new Simulator();
        var layer = Cube(nest, 5);
        double[] cntr = [0.0, 0.0, 0.0];
        AssertSelected(nest, layer, cntr, "ellipsoidal", D(("major_axis", 3.0), ("minor_axis", 1.0), ("polar_axis", 1.0)), 545, 666, 787);
        AssertSelected(nest, layer, cntr, "ellipsoidal",
            D(("major_axis", 3.0), ("minor_axis", 1.0), ("polar_axis", 1.0), ("azimuth_angle", 90.0)), 655, 666, 677);
    }

    // NEST: testsuite/pytests/spatial/test_selection_function_and_elliptical_mask.py::SelectionFunctionAndEllipticalMask::test_TiltedEllipsoidalMask
    [Fact]
    public void TiltedEllipsoidalMask()
    {
        var nest = new Simulator();
        double[] cntr = [0.0, 0.0, 0.0];
        var layer = Cube(nest, 2);
        AssertSelected(nest, layer, cntr, "ellipsoidal",
            D(("major_axis", 3.0), ("minor_axis", 1.0), ("polar_axis", 1.0), ("polar_angle", 90.0)), 62, 63, 64);

        nest.ResetKernel();
        layer = Cube(nest, 2);
        AssertSelected(nest, layer, cntr, "ellipsoidal",
            D(("major_axis", 4.0), ("minor_axis", 1.0), ("polar_axis", 1.5), ("azimuth_angle", 45.0), ("polar_angle", 45.0)), 34, 63, 92);

        nest.ResetKernel();
        layer = Cube(nest, 2);
        AssertSelected(nest, layer, cntr, "ellipsoidal",
            D(("major_axis", 3.0), ("minor_axis", 2.0), ("polar_axis", 1.0), ("polar_angle", 45.0)), 39, 58, 63, 68, 87);

        nest.ResetKernel();
        layer = Cube(nest, 2);
        AssertSelected(nest, layer, cntr, "ellipsoidal",
            D(("major_axis", 4.0), ("minor_axis", 1.0), ("polar_axis", 1.5), ("polar_angle", 30.0)), 38, 39, 63, 87, 88);

        nest.ResetKernel();
        layer = Cube(nest, 2);
        AssertSelected(nest, layer, cntr, "ellipsoidal",
            D(("major_axis", 4.0), ("minor_axis", 2.5), ("polar_axis", 1.0), ("azimuth_angle", 45.0), ("polar_angle", 30.0)),
            34, 38, 58, 63, 68, 88, 92);
    }

    // NEST: testsuite/pytests/spatial/test_selection_function_and_elliptical_mask.py::SelectionFunctionAndEllipticalMask::test_TiltedEllipsoidalMask3DWithAnchor
    [Fact]
    public void TiltedEllipsoidalMask3DWithAnchor()
    {
        var nest = new Simulator();
        var layer = Cube(nest, 5);
        double[] cntr = [0.0, 0.0, 0.0];
        AssertSelected(nest, layer, cntr, "ellipsoidal",
            D(("major_axis", 4.0), ("minor_axis", 1.0), ("polar_axis", 1.0), ("anchor", new[] { -5.0, -5.0, -4.0 })), 2, 123, 244);
        AssertSelected(nest, layer, cntr, "ellipsoidal",
            D(("major_axis", 4.0), ("minor_axis", 1.0), ("polar_axis", 1.0), ("anchor", new[] { -4.0, -4.0, -4.0 }), ("azimuth_angle", 45.0)),
            2, 134, 266);
    }
}
