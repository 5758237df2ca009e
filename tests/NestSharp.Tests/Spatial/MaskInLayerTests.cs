namespace NestSharp.Tests.SpatialNetworks;

/// <summary>
/// Masks applied in a layer by SelectNodesByMask, as NEST's MaskedLayer applies them (layer_impl.h check_mask_,
/// ntree_impl.h masked_iterator), and NEST's errors for grid masks (grid_mask.h) and points of the wrong dimension.
/// </summary>
public sealed class MaskInLayerTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static Mask Rectangle(double[] lowerLeft, double[] upperRight) =>
        Mask.Create("rectangular", D(("lower_left", lowerLeft), ("upper_right", upperRight)));

    [Fact]
    public void SelectNodesByMask_PeriodicLayer_FindsNodesInTheImageOneExtentAway()
    {
        var nest = new Simulator();
        // x and y in {-2, -1, 0, 1, 2}; node 1 + 5 column + row, the row of y = 0 is 2
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([5, 5], extent: [5.0, 5.0], edgeWrap: true));
        // reaches 1, 2 and 3 to the right of the anchor: x = 3 is x = -2 across the periodic boundary
        var selected = nest.SelectNodesByMask(layer, [0.0, 0.0], Rectangle([0.5, -0.5], [3.5, 0.5]));
        Assert.Equal([3, 18, 23], selected.Ids);
        // without periodic boundaries only x = 1 and 2
        var open = nest.Create("iaf_psc_alpha", Positions.Grid([5, 5], extent: [5.0, 5.0]));
        Assert.Equal([43, 48], nest.SelectNodesByMask(open, [0.0, 0.0], Rectangle([0.5, -0.5], [3.5, 0.5])).Ids);
    }

    [Fact]
    public void SelectNodesByMask_GridMask_IsTheBoxOfItsCellsFromTheAnchorCell()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([5, 5], extent: [5.0, 5.0]));
        var mask = Mask.Create("grid", D(("shape", new long[] { 3, 3 })), anchor: [1.0, 1.0]);
        Assert.Equal([7, 8, 9, 12, 13, 14, 17, 18, 19], nest.SelectNodesByMask(layer, [0.0, 0.0], mask).Ids);
    }

    [Fact]
    public void SelectNodesByMask_RefusesMasksThatDoNotSuitTheLayer()
    {
        var nest = new Simulator();
        var periodic = nest.Create("iaf_psc_alpha", Positions.Grid([5, 5], extent: [5.0, 5.0], edgeWrap: true));
        var wide = Mask.Create("circular", D(("radius", 3.0)));
        var error = Assert.Throws<BadPropertyException>(() => nest.SelectNodesByMask(periodic, [0.0, 0.0], wide));
        Assert.Contains("Mask size must not exceed layer size", error.Message);
        var free = nest.Create("iaf_psc_alpha", Positions.Free([[0.0, 0.0], [1.0, 1.0]]));
        Assert.Equal(2, nest.SelectNodesByMask(free, [0.0, 0.0], wide).Count); // not periodic: any size
        error = Assert.Throws<BadPropertyException>(() => nest.SelectNodesByMask(free, [0.0, 0.0], Mask.Create("spherical", D(("radius", 1.0)))));
        Assert.Contains("Mask is incompatible with layer.", error.Message);
        error = Assert.Throws<BadPropertyException>(() => nest.SelectNodesByMask(free, [0.0, 0.0], Mask.Create("grid", D(("shape", new long[] { 2, 2 })))));
        Assert.Contains("Grid masks can only be used with grid layers.", error.Message);
        var oversizedGrid = Mask.Create("grid", D(("shape", new long[] { 6, 1 })));
        Assert.Throws<BadPropertyException>(() => nest.SelectNodesByMask(periodic, [0.0, 0.0], oversizedGrid));
    }

    /// <summary>
    /// A deliberate difference: NEST's ntree takes a whole quadrant (at first the whole layer) when the mask holds the
    /// quadrant's box, and a rotated box mask says it holds a box when it holds the box's lower left and upper right
    /// corners (mask_impl.h BoxMask::inside(Box)); here NEST selects all 9 nodes. NestSharp tests each node.
    /// </summary>
    [Fact]
    public void SelectNodesByMask_RotatedRectangle_TestsEachNode()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [3.0, 3.0]));
        var diagonal = Mask.Create("rectangular", D(("lower_left", new[] { -3.0, -0.5 }), ("upper_right", new[] { 3.0, 0.5 }), ("azimuth_angle", 45.0)));
        // the nodes on the rising diagonal: (-1, -1), (0, 0), (1, 1)
        Assert.Equal([3, 5, 7], nest.SelectNodesByMask(layer, [0.0, 0.0], diagonal).Ids);
    }

    [Fact]
    public void GridMask_HasNoInsideCannotBeCombinedAndIs2D()
    {
        var grid = Mask.Create("grid", D(("shape", new long[] { 2, 2 })));
        var circle = Mask.Create("circular", D(("radius", 1.0)));
        Assert.Contains("Grid mask must be applied to a grid layer.", Assert.Throws<KernelException>(() => grid.Inside([0.0, 0.0])).Message);
        Assert.Contains("Grid masks can not be combined.", Assert.Throws<KernelException>(() => grid | circle).Message);
        Assert.Contains("Masks must have same number of dimensions.", Assert.Throws<BadPropertyException>(() => circle & grid).Message);
        // NEST registers 2D grid masks only
        Assert.Contains("Mask must be 3-dimensional grid mask.",
            Assert.Throws<BadPropertyException>(() => Mask.Create("grid", D(("shape", new long[] { 2, 2 })), anchor: [0.0, 0.0, 0.0])).Message);
    }

    [Fact]
    public void Inside_PointOfOtherDimension_IsBadProperty()
    {
        var circle = Mask.Create("circular", D(("radius", 1.0)));
        Assert.Contains("Expected a 2-dimensional position.", Assert.Throws<BadPropertyException>(() => circle.Inside([0.0, 0.0, 0.0])).Message);
    }
}
