namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>
/// NEST's test_oversize_mask on a periodic free layer of extent 1 x 1: a mask wider than the layer is refused
/// (BadProperty) unless allow_oversized_mask is set. The grid-layer functions are in <see cref="SpatialSuiteTests"/>.
/// </summary>
public sealed class OversizeMaskTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static void Connect(Dictionary<string, object> mask, bool? allowOversizedMask = null)
    {
        var nest = new Simulator();
        var freeLayer = nest.Create("iaf_psc_alpha", Positions.Free([[0.0, 0.0]], extent: [1.0, 1.0], edgeWrap: true));
        var conn = D(("rule", "pairwise_bernoulli"), ("mask", mask));
        if (allowOversizedMask is { } allow) conn["allow_oversized_mask"] = allow;
        nest.ConnectLayers(freeLayer, freeLayer, conn);
    }

    private static Dictionary<string, object> Circular(double radius) => D(("circular", D(("radius", radius))));

    private static Dictionary<string, object> Doughnut(double outer) => D(("doughnut", D(("inner_radius", 0.2), ("outer_radius", outer))));

    private static Dictionary<string, object> Rectangular(double right) =>
        D(("rectangular", D(("lower_left", new[] { -0.5, -0.5 }), ("upper_right", new[] { right, 0.5 }))));

    // NEST: testsuite/pytests/spatial/test_oversize_mask.py::test_free_layer_circular_mask_correct (both parametrisations)
    [Theory]
    [InlineData(0.5, false)]
    [InlineData(0.51, true)]
    public void FreeLayerCircularMaskCorrect(double radius, bool allowOversizedMask) => Connect(Circular(radius), allowOversizedMask);

    // NEST: testsuite/pytests/spatial/test_oversize_mask.py::test_free_layer_circular_mask_incorrect
    [Fact]
    public void FreeLayerCircularMaskIncorrect() => Assert.Throws<BadPropertyException>(() => Connect(Circular(0.51)));

    // NEST: testsuite/pytests/spatial/test_oversize_mask.py::test_free_layer_doughnut_mask_correct (both parametrisations)
    [Theory]
    [InlineData(0.5, false)]
    [InlineData(0.51, true)]
    public void FreeLayerDoughnutMaskCorrect(double outer, bool allowOversizedMask) => Connect(Doughnut(outer), allowOversizedMask);

    // NEST: testsuite/pytests/spatial/test_oversize_mask.py::test_free_layer_doughnut_mask_incorrect
    [Fact]
    public void FreeLayerDoughnutMaskIncorrect() => Assert.Throws<BadPropertyException>(() => Connect(Doughnut(0.51)));

    // NEST: testsuite/pytests/spatial/test_oversize_mask.py::test_free_layer_rectangular_mask_correct (both parametrisations)
    [Theory]
    [InlineData(0.5, false)]
    [InlineData(0.51, true)]
    public void FreeLayerRectangularMaskCorrect(double right, bool allowOversizedMask) => Connect(Rectangular(right), allowOversizedMask);

    // NEST: testsuite/pytests/spatial/test_oversize_mask.py::test_free_layer_rectangular_mask_incorrect
    [Fact]
    public void FreeLayerRectangularMaskIncorrect() => Assert.Throws<BadPropertyException>(() => Connect(Rectangular(0.51)));
}
