namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>
/// NEST's spatial/test_layer_get_set.py, the functions <see cref="SpatialSuiteTests"/> does not port (it has
/// test_layer_set_on_instance, test_layer_get_spatial_params, test_layer_get_all_spatial_params_at_once and
/// test_spatial_param_on_single_element_layer).
/// </summary>
public sealed class LayerGetSetTests
{
    // NEST: testsuite/pytests/spatial/test_layer_get_set.py::test_layer_set_attribute_on_instance
    // (PyNEST's attribute assignment layer.V_m = -50.0 is a set of that one key)
    [Fact]
    public void LayerSetAttributeOnInstance()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [2.0, 2.0], edgeWrap: true));
        layer.Set("V_m", -50.0);
        Assert.Equal(Enumerable.Repeat(-50.0, 3 * 3), layer.GetValues<double>("V_m"));
    }

    // NEST: testsuite/pytests/spatial/test_layer_get_set.py::test_layer_set_nonexistent_param_raises
    [Fact]
    public void LayerSetNonexistentParamRaises()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [2.0, 2.0], edgeWrap: true));
        Assert.Throws<UnaccessedDictionaryEntryException>(() => layer.Set(new Dictionary<string, object> { ["center"] = new[] { 1.0, 1.0 } }));
        Assert.Throws<UnaccessedDictionaryEntryException>(() => layer.Set("center", new[] { 1.0, 1.0 }));
    }

    // NEST: testsuite/pytests/spatial/test_layer_get_set.py::test_layer_get_node_param
    [Fact]
    public void LayerGetNodeParam()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([2, 2]));
        Assert.Equal(Enumerable.Repeat(-70.0, 2 * 2), layer.GetValues<double>("V_m"));
    }
}
