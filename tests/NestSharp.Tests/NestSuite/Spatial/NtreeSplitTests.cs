namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>
/// NEST's test_ntree_split: positions whose arithmetic once made NEST's ntree fail when it split (more than 100 nodes
/// in a periodic layer, used with a box mask). NestSharp keeps no ntree; the connection must simply succeed.
/// </summary>
public sealed class NtreeSplitTests
{
    // NEST: testsuite/pytests/spatial/test_ntree_split.py::test_ntree_split
    [Fact]
    public void NtreeSplit()
    {
        var nest = new Simulator();
        // np.linspace(-0.45, 0.45, 110): more than 100 positions, so that NEST's ntree splits.
        var positions = new double[110][];
        for (int i = 0; i < positions.Length; i++) positions[i] = [Linspace(-0.45, 0.45, 110, i), 0.0, 0.0];
        var pre = nest.Create("iaf_psc_alpha", Positions.Free(positions, edgeWrap: true));
        var post = nest.Create("iaf_psc_alpha", Positions.Free([[1.0, 0.0, 0.0]], extent: [1.0, 1.0, 1.0], edgeWrap: true));
        var mask = new Dictionary<string, object>
        {
            ["box"] = new Dictionary<string, object> { ["lower_left"] = new[] { -0.5, -0.5, -0.5 }, ["upper_right"] = new[] { 0.5, 0.5, 0.5 } },
        };
        // p = 0: no connection needs to be made.
        nest.ConnectLayers(pre, post, new Dictionary<string, object>
        {
            ["rule"] = "pairwise_bernoulli", ["p"] = 0.0, ["mask"] = mask, ["allow_oversized_mask"] = true,
        });
        Assert.Equal(0, nest.GetConnections().Count);
    }

    // numpy.linspace's value i of n from start to stop: start + i * step, the last one exactly stop.
    private static double Linspace(double start, double stop, int n, int i) =>
        i == n - 1 ? stop : start + i * ((stop - start) / (n - 1));
}
