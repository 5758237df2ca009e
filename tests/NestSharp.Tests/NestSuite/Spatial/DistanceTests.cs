namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>NEST's spatial/test_distance.py: distances on grids and free layers, with and without periodic boundaries.</summary>
public sealed class DistanceTests
{
    private static readonly double Sqrt2 = Math.Sqrt(2.0), Sqrt5 = Math.Sqrt(5.0), Sqrt8 = Math.Sqrt(8.0);

    /// <summary>pytest.approx: relative tolerance 1e-6, absolute 1e-12.</summary>
    private static void AssertApprox(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Math.Max(1e-6 * Math.Abs(expected[i]), 1e-12), $"[{i}]: {actual[i]} != {expected[i]}");
    }

    // NEST: testsuite/pytests/spatial/test_distance.py::test_fixed_grid_distance_from_node
    [Fact]
    public void FixedGridDistanceFromNode()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [3.0, 3.0]));
        // nodes placed downward column by column
        AssertApprox([0.0, 1.0, 2.0, 1.0, Sqrt2, Sqrt5, 2.0, Sqrt5, Sqrt8], nest.Distance(layer, layer[..1]));
    }

    // NEST: testsuite/pytests/spatial/test_distance.py::test_fixed_grid_with_periodic_bc_distance_from_node
    [Fact]
    public void FixedGridWithPeriodicBcDistanceFromNode()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [3.0, 3.0], edgeWrap: true));
        AssertApprox([0.0, 1.0, 1.0, 1.0, Sqrt2, Sqrt2, 1.0, Sqrt2, Sqrt2], nest.Distance(layer, layer[..1]));
    }

    // NEST: testsuite/pytests/spatial/test_distance.py::test_fixed_grid_distance_from_location
    [Fact]
    public void FixedGridDistanceFromLocation()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [3.0, 3.0]));
        AssertApprox([Sqrt2, 1.0, Sqrt2, 1.0, 0.0, 1.0, Sqrt2, 1.0, Sqrt2], nest.Distance([[0.0, 0.0]], layer));
    }

    // NEST: testsuite/pytests/spatial/test_distance.py::test_fixed_grid_with_periodic_bc_distance_from_location
    [Fact]
    public void FixedGridWithPeriodicBcDistanceFromLocation()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [3.0, 3.0], edgeWrap: true));
        AssertApprox([Sqrt2, 1.0, Sqrt2, Sqrt2, 1.0, Sqrt2, 1.0, 0.0, 1.0], nest.Distance([[1.0, 0.0]], layer));
    }

    // NEST: testsuite/pytests/spatial/test_distance.py::test_free_grid_distance_from_node
    [Fact]
    public void FreeGridDistanceFromNode()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free([[-0.75, 0.5], [0.75, 0.0]], extent: [2.0, 2.0]));
        AssertApprox([0.0, Math.Sqrt(1.5 * 1.5 + 0.5 * 0.5)], nest.Distance(layer, layer[..1]));
    }

    // NEST: testsuite/pytests/spatial/test_distance.py::test_free_grid_with_periodic_bc_distance_from_node
    [Fact]
    public void FreeGridWithPeriodicBcDistanceFromNode()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free([[-0.75, 0.5], [0.75, 0.0]], extent: [2.0, 2.0], edgeWrap: true));
        AssertApprox([0.0, Math.Sqrt(0.5 * 0.5 + 0.5 * 0.5)], nest.Distance(layer, layer[..1]));
    }
}
