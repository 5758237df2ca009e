namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>NEST's spatial/test_create_spatial.py: Create with grid and free positions, with and without node parameters.</summary>
public sealed class CreateSpatialTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static double[][] PositionsOf(Simulator nest, NodeCollection layer) => (double[][])nest.GetSpatial(layer)!["positions"];

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_grid
    [Fact]
    public void CreateGrid()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3]));
        Assert.Equal(9, layer.Count);
        Assert.Equal(3L, ((long[])nest.GetSpatial(layer)!["shape"])[1]);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_3D_grid
    [Fact]
    public void Create3DGrid()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 4, 5]));
        Assert.Equal(60, layer.Count);
        Assert.Equal(new long[] { 3, 4, 5 }, nest.GetSpatial(layer)!["shape"]);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_grid_with_extent
    [Fact]
    public void CreateGridWithExtent()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [2.0, 2.0]));
        Assert.Equal(new[] { 2.0, 2.0 }, nest.GetSpatial(layer)!["extent"]);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_grid_with_nodeParams
    [Fact]
    public void CreateGridWithNodeParams()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3]), D(("V_m", nest.Random.Uniform()), ("C_m", 200.0)));
        Assert.Equal(Enumerable.Repeat(200.0, layer.Count), layer.GetValues<double>("C_m"));
        var vm = layer.GetValues<double>("V_m");
        Assert.Equal(layer.Count, vm.Length);
        Assert.True(vm.Min() >= 0.0);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_free_layer
    [Fact]
    public void CreateFreeLayer()
    {
        var nest = new Simulator();
        double[][] pos = [[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]];
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(pos));
        Assert.Equal(3, layer.Count);
        Assert.Equal(pos, PositionsOf(nest, layer));
        var extent = (double[])nest.GetSpatial(layer)!["extent"];
        Assert.True(extent[0] >= 2.0);
        Assert.True(extent[1] >= 2.0);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_free_layer_with_extent
    [Fact]
    public void CreateFreeLayerWithExtent()
    {
        var nest = new Simulator();
        double[][] pos = [[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]];
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(pos, extent: [5.0, 3.0]));
        Assert.Equal(3, layer.Count);
        Assert.Equal(pos, PositionsOf(nest, layer));
        Assert.Equal(new[] { 5.0, 3.0 }, nest.GetSpatial(layer)!["extent"]);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_free_layer_with_wrong_extent
    [Fact]
    public void CreateFreeLayerWithWrongExtent()
    {
        var nest = new Simulator();
        double[][] pos = [[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]];
        Assert.ThrowsAny<NestException>(() => nest.Create("iaf_psc_alpha", Positions.Free(pos, extent: [1.5, 3.0])));
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_free_layer_from_LognormalParameter
    [Fact]
    public void CreateFreeLayerFromLognormalParameter()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Lognormal(mean: 1.0, std: 2.0), numDimensions: 2), n: 33);
        Assert.Equal(33, layer.Count);
        var positions = PositionsOf(nest, layer);
        Assert.Equal(33, positions.Length);
        Assert.True(positions.Min(p => p.Min()) >= 0);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_3D_free_layer_from_LognormalParameter
    [Fact]
    public void Create3DFreeLayerFromLognormalParameter()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Lognormal(mean: 1.0, std: 2.0), numDimensions: 3), n: 33);
        Assert.Equal(33, layer.Count);
        var positions = PositionsOf(nest, layer);
        Assert.Equal(33, positions.Length);
        Assert.Equal(3, positions[0].Length);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_free_layer_with_nodeParams
    [Fact]
    public void CreateFreeLayerWithNodeParams()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Lognormal(mean: 1.0, std: 2.0), numDimensions: 3),
            D(("V_m", nest.Random.Uniform()), ("C_m", 200.0)), n: 33);
        Assert.Equal(Enumerable.Repeat(200.0, layer.Count), layer.GetValues<double>("C_m"));
        var vm = layer.GetValues<double>("V_m");
        Assert.Equal(33, vm.Length);
        Assert.True(vm.Max() <= 1.0);
        Assert.Equal(3, PositionsOf(nest, layer)[0].Length);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_free_layer_from_uniform_Parameter
    [Fact]
    public void CreateFreeLayerFromUniformParameter()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Uniform(), numDimensions: 2), n: 6);
        Assert.Equal(6, layer.Count);
        var positions = PositionsOf(nest, layer);
        Assert.Equal(6, positions.Length);
        Assert.True(positions.Min(p => p.Min()) >= 0);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_3D_free_layer_from_uniformParameter
    [Fact]
    public void Create3DFreeLayerFromUniformParameter()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Uniform(min: 1.0, max: 5.0), numDimensions: 3), n: 7);
        var positions = PositionsOf(nest, layer);
        Assert.Equal(7, positions.Length);
        Assert.Equal(3, positions[0].Length);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_free_layer_from_normal_Parameter
    [Fact]
    public void CreateFreeLayerFromNormalParameter()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Normal(mean: 0.0, std: 0.5), numDimensions: 2), n: 6);
        Assert.Equal(6, layer.Count);
        Assert.Equal(6, PositionsOf(nest, layer).Length);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_3D_free_layer_from_normal_Parameter
    [Fact]
    public void Create3DFreeLayerFromNormalParameter()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Normal(), numDimensions: 3), n: 7);
        var positions = PositionsOf(nest, layer);
        Assert.Equal(7, positions.Length);
        Assert.Equal(3, positions[0].Length);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_free_layer_from_exponential_Parameter
    [Fact]
    public void CreateFreeLayerFromExponentialParameter()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Exponential(beta: 0.5), numDimensions: 2), n: 6);
        Assert.Equal(6, layer.Count);
        Assert.Equal(6, PositionsOf(nest, layer).Length);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_3D_free_layer_from_exponential_Parameter
    [Fact]
    public void Create3DFreeLayerFromExponentialParameter()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Exponential(), numDimensions: 3), n: 7);
        var positions = PositionsOf(nest, layer);
        Assert.Equal(7, positions.Length);
        Assert.Equal(3, positions[0].Length);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_2D_free_layer_from_Parameter_list
    [Fact]
    public void Create2DFreeLayerFromParameterList()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free([nest.Random.Exponential(), nest.Random.Normal()]), n: 10);
        var positions = PositionsOf(nest, layer);
        Assert.Equal(10, positions.Length);
        Assert.Equal(2, positions[0].Length);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_3D_free_layer_from_Parameter_list
    [Fact]
    public void Create3DFreeLayerFromParameterList()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha",
            Positions.Free([nest.Random.Exponential(), nest.Random.Lognormal(), nest.Random.Normal()]), n: 10);
        var positions = PositionsOf(nest, layer);
        Assert.Equal(10, positions.Length);
        Assert.Equal(3, positions[0].Length);
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_2D_grid_params_list
    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_2D_grid_params_tuple
    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_3D_grid_params_list
    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_3D_grid_params_tuple
    // (a Python list and a tuple are both one array here)
    [Theory]
    [InlineData(new long[] { 3, 1 }, new[] { -75.0, -65.0, -55.0 })]
    [InlineData(new long[] { 3, 1, 2 }, new[] { -75.0, -65.0, -55.0, -45.0, -35.0, -25.0 })]
    public void CreateGridParamsList(long[] shape, double[] vm)
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid(shape), D(("V_m", vm)));
        Assert.Equal(vm, layer.GetValues<double>("V_m"));
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_2D_grid_params_parameter
    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_3D_grid_params_parameter
    [Theory]
    [InlineData(new long[] { 3, 1 })]
    [InlineData(new long[] { 3, 1, 2 })]
    public void CreateGridParamsParameter(long[] shape)
    {
        const double minVm = -75.0, maxVm = -55.0;
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid(shape), D(("V_m", nest.Random.Uniform(minVm, maxVm))));
        Assert.All(layer.GetValues<double>("V_m"), vm => Assert.InRange(vm, minVm, maxVm));
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_2D_free_params_list
    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_2D_free_params_tuple
    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_3D_free_params_list
    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_3D_free_params_tuple
    [Theory]
    [InlineData(2, new[] { -75.0, -65.0, -55.0, 45.0, 35.0 })]
    [InlineData(3, new[] { -75.0, -65.0, -55.0, 45.0, 35.0, -25.0, -15.0 })]
    public void CreateFreeParamsList(int dimensions, double[] vm)
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Uniform(-1, 1), numDimensions: dimensions), D(("V_m", vm)), n: vm.Length);
        Assert.Equal(vm, layer.GetValues<double>("V_m"));
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_2D_free_params_parameter
    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_3D_free_params_parameter
    [Theory]
    [InlineData(2, 5)]
    [InlineData(3, 7)]
    public void CreateFreeParamsParameter(int dimensions, long n)
    {
        const double minVm = -75.0, maxVm = -55.0;
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Uniform(-1, 1), numDimensions: dimensions),
            D(("V_m", nest.Random.Uniform(minVm, maxVm))), n: n);
        Assert.All(layer.GetValues<double>("V_m"), vm => Assert.InRange(vm, minVm, maxVm));
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_2D_grid_params_multiple
    [Fact]
    public void Create2DGridParamsMultiple()
    {
        var nest = new Simulator();
        double[] vm = [-75.0, -65.0, -55.0];
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 1]),
            D(("V_m", vm), ("C_m", 200.0), ("tau_syn_ex", nest.Random.Uniform(1.5, 2.5))));
        Assert.Equal(vm, layer.GetValues<double>("V_m"));
        Assert.Equal(Enumerable.Repeat(200.0, layer.Count), layer.GetValues<double>("C_m"));
        Assert.All(layer.GetValues<double>("tau_syn_ex"), tau => Assert.InRange(tau, 1.5, 2.5));
    }

    // NEST: testsuite/pytests/spatial/test_create_spatial.py::CreateLayer::test_Create_2D_free_params_multiple
    [Fact]
    public void Create2DFreeParamsMultiple()
    {
        var nest = new Simulator();
        double[] vm = [-75.0, -65.0, -55.0, -45.0, -35.0];
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Normal(0, 0.5), numDimensions: 2),
            D(("V_m", vm), ("C_m", 200.0), ("tau_syn_ex", nest.Random.Uniform(1.5, 2.5))), n: 5);
        Assert.Equal(vm, layer.GetValues<double>("V_m"));
        Assert.Equal(Enumerable.Repeat(200.0, layer.Count), layer.GetValues<double>("C_m"));
        Assert.All(layer.GetValues<double>("tau_syn_ex"), tau => Assert.InRange(tau, 1.5, 2.5));
    }
}
