namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>
/// NEST's testsuite/pytests/spatial/test_connect_sliced.py (class ConnectSlicedSpatialTestCase): spatial Connect from
/// or to one node of a layer and to slices of it, with and without a mask, on free and grid layers.
/// </summary>
public sealed class TestConnectSliced
{
    private const int N = 21;
    private const int MiddleNode = N / 2;

    private static Positions FreePos() => Positions.Free([.. Linspace(0, 1.0, N).Select(x => (IReadOnlyList<double>)[x, 0.0])]);

    private static Positions GridPos() => Positions.Grid([N, 1], extent: [1.05, 0.1], center: [0.5, 0.0]);

    private static Parameter Param() => Parameter.Conditional(Spatial.Distance < 0.19, 1.0, 0.0);

    private static Dictionary<string, object> Mask() =>
        new() { ["rectangular"] = new Dictionary<string, object> { ["lower_left"] = new[] { 0.0, 0.0 }, ["upper_right"] = new[] { 1.0, 1.0 } } };

    private static long[] Reference()
    {
        var reference = new long[N];
        for (int i = 7; i < 14; i++) reference[i] = 1;
        return reference;
    }

    private static long[] ReferenceMasked()
    {
        var reference = Reference();
        Array.Clear(reference, 0, 10);
        return reference;
    }

    /// <summary>numpy.linspace(start, stop, num): start + i * step, the last point exactly stop.</summary>
    private static double[] Linspace(double start, double stop, int num)
    {
        double step = (stop - start) / (num - 1);
        var values = new double[num];
        for (int i = 0; i < num; i++) values[i] = i * step + start;
        values[^1] = stop;
        return values;
    }

    /// <summary>np.histogram(ids, bins=N, range=(1, N + 1)) equals <paramref name="reference"/>.</summary>
    private static void AssertHistogram(long[] sourcesOrTargets, long[] reference)
    {
        var counts = new long[N];
        foreach (long id in sourcesOrTargets)
        {
            if (id >= 1 && id <= N) counts[id - 1]++;
        }
        Assert.Equal(reference, counts);
    }

    private static Dictionary<string, object> Bernoulli(bool useOnSource = false, bool masked = false)
    {
        var spec = new Dictionary<string, object> { ["rule"] = "pairwise_bernoulli", ["p"] = Param() };
        if (useOnSource) spec["use_on_source"] = true;
        if (masked) spec["mask"] = Mask();
        return spec;
    }

    // NEST: testsuite/pytests/spatial/test_connect_sliced.py::ConnectSlicedSpatialTestCase::test_connect_sliced_spatial_on_target_free
    // NEST: testsuite/pytests/spatial/test_connect_sliced.py::ConnectSlicedSpatialTestCase::test_connect_sliced_spatial_on_target_grid
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ConnectSlicedSpatialOnTarget(bool grid)
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", grid ? GridPos() : FreePos());
        nest.Connect(nodes[MiddleNode], nodes, Bernoulli());
        AssertHistogram(nest.GetConnections().Target, Reference());
    }

    // NEST: testsuite/pytests/spatial/test_connect_sliced.py::ConnectSlicedSpatialTestCase::test_masked_connect_sliced_spatial_on_target_free
    // NEST: testsuite/pytests/spatial/test_connect_sliced.py::ConnectSlicedSpatialTestCase::test_masked_connect_sliced_spatial_on_target_grid
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MaskedConnectSlicedSpatialOnTarget(bool grid)
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", grid ? GridPos() : FreePos());
        nest.Connect(nodes[MiddleNode], nodes, Bernoulli(masked: true));
        AssertHistogram(nest.GetConnections().Target, ReferenceMasked());
    }

    // NEST: testsuite/pytests/spatial/test_connect_sliced.py::ConnectSlicedSpatialTestCase::test_connect_sliced_spatial_on_source_free
    // NEST: testsuite/pytests/spatial/test_connect_sliced.py::ConnectSlicedSpatialTestCase::test_connect_sliced_spatial_on_source_grid
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ConnectSlicedSpatialOnSource(bool grid)
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", grid ? GridPos() : FreePos());
        nest.Connect(nodes, nodes[MiddleNode], Bernoulli(useOnSource: true));
        AssertHistogram(nest.GetConnections().Source, Reference());
    }

    // NEST: testsuite/pytests/spatial/test_connect_sliced.py::ConnectSlicedSpatialTestCase::test_masked_connect_sliced_spatial_on_source_free
    // NEST: testsuite/pytests/spatial/test_connect_sliced.py::ConnectSlicedSpatialTestCase::test_masked_connect_sliced_spatial_on_source_grid
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MaskedConnectSlicedSpatialOnSource(bool grid)
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", grid ? GridPos() : FreePos());
        nest.Connect(nodes, nodes[MiddleNode], Bernoulli(useOnSource: true, masked: true));
        AssertHistogram(nest.GetConnections().Source, ReferenceMasked());
    }

    // NEST: testsuite/pytests/spatial/test_connect_sliced.py::ConnectSlicedSpatialTestCase::test_sliced_spatial_inheritance
    [Fact]
    public void SlicedSpatialInheritance()
    {
        var wrappedPos = Positions.Free(new RandomParameters().Uniform(-0.5, 0.5), numDimensions: 2, edgeWrap: true);
        var extentPos = Positions.Free(new RandomParameters().Uniform(-0.5, 0.5), extent: [5.0, 2.5]);
        foreach (var pos in new[] { FreePos(), GridPos(), wrappedPos, extentPos })
        {
            var nest = new Simulator();
            // Don't specify number of nodes if using grid_pos
            var nodes = pos.IsGrid ? nest.Create("iaf_psc_alpha", pos) : nest.Create("iaf_psc_alpha", pos, n: 10);
            var spatial = nest.GetSpatial(nodes)!;
            for (int i = 0; i < nodes.Count; i++)
            {
                var slicedSpatial = nest.GetSpatial(nodes[i])!;
                foreach (string attr in new[] { "edge_wrap", "extent" })
                    Assert.Equal(spatial[attr], slicedSpatial[attr]);
            }
        }
    }

    // NEST: testsuite/pytests/spatial/test_connect_sliced.py::ConnectSlicedSpatialTestCase::test_connect_sliced_spatial_range
    [Fact]
    public void ConnectSlicedSpatialRange()
    {
        const int start = 3, end = 10;
        var reference = Reference();
        Array.Clear(reference, 0, start);
        Array.Clear(reference, end, N - end);
        var nest = new Simulator();
        foreach (var pos in new[] { FreePos(), GridPos() })
        {
            var nodes = nest.Create("iaf_psc_alpha", pos);
            nest.Connect(nodes[MiddleNode], nodes[start..end], Bernoulli());
            AssertHistogram(nest.GetConnections().Target, reference);
        }
    }

    // NEST: testsuite/pytests/spatial/test_connect_sliced.py::ConnectSlicedSpatialTestCase::test_connect_sliced_spatial_step
    [Fact]
    public void ConnectSlicedSpatialStep()
    {
        const int step = 2;
        var reference = Reference();
        for (int i = 1; i < N; i += step) reference[i] = 0;
        var nest = new Simulator();
        foreach (var pos in new[] { FreePos(), GridPos() })
        {
            var nodes = nest.Create("iaf_psc_alpha", pos);
            nest.Connect(nodes[MiddleNode], nodes.Slice(0, nodes.Count, step), Bernoulli());
            AssertHistogram(nest.GetConnections().Target, reference);
        }
    }
}
