namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>
/// NEST's spatial/test_SynapseCollection_distance.py, the functions <see cref="SpatialSuiteTests"/> does not port (it has
/// test_SynapseCollection_distance_simple, test_SynapseCollection_distance and
/// test_SynapseCollection_distance_non_spatial).
/// </summary>
public sealed class SynapseCollectionDistanceTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    // NEST's _calculate_distance: the Euclidean norm of target position - source position, per connection
    private static double[] ReferenceDistance(Simulator nest, SynapseCollection conns, NodeCollection sources, NodeCollection targets)
    {
        var sourcePositions = nest.GetPosition(sources);
        var targetPositions = nest.GetPosition(targets);
        var s = conns.Source;
        var t = conns.Target;
        var result = new double[s.Length];
        for (int i = 0; i < result.Length; i++)
        {
            var a = sourcePositions[sources.IndexOf((int)s[i])];
            var b = targetPositions[targets.IndexOf((int)t[i])];
            double sum = 0;
            for (int d = 0; d < a.Length; d++) sum += (b[d] - a[d]) * (b[d] - a[d]);
            result[i] = Math.Sqrt(sum);
        }
        return result;
    }

    /// <summary>pytest.approx: relative tolerance 1e-6, absolute 1e-12.</summary>
    private static void AssertApprox(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Math.Max(1e-6 * Math.Abs(expected[i]), 1e-12), $"[{i}]: {actual[i]} != {expected[i]}");
    }

    // NEST: testsuite/pytests/spatial/test_SynapseCollection_distance.py::test_SynapseCollection_distance_free
    [Fact]
    public void SynapseCollectionDistanceFree()
    {
        var nest = new Simulator();
        var positions = Positions.Free(nest.Random.Uniform(), numDimensions: 2);
        var sources = nest.Create("iaf_psc_alpha", positions, n: 5);
        var targets = nest.Create("iaf_psc_alpha", positions, n: 7);
        nest.Connect(sources, targets, D(("rule", "pairwise_bernoulli"), ("p", 0.7)));
        var conns = nest.GetConnections();
        AssertApprox(ReferenceDistance(nest, conns, sources, targets), conns.Distance);
    }

    // NEST: testsuite/pytests/spatial/test_SynapseCollection_distance.py::test_SynapseCollection_distance_3D
    [Fact]
    public void SynapseCollectionDistance3D()
    {
        var nest = new Simulator();
        var positions = Positions.Free(nest.Random.Uniform(), numDimensions: 3);
        var sources = nest.Create("iaf_psc_alpha", positions, n: 8);
        var targets = nest.Create("iaf_psc_alpha", positions, n: 11);
        nest.Connect(sources, targets);
        var conns = nest.GetConnections();
        AssertApprox(ReferenceDistance(nest, conns, sources, targets), conns.Distance);
    }

    // NEST: testsuite/pytests/spatial/test_SynapseCollection_distance.py::test_SynapseCollection_distance_mixed
    [Fact]
    public void SynapseCollectionDistanceMixed()
    {
        var nest = new Simulator();
        const int numConnsNonSpatial = 3 * 2;
        var sourcesNonSpatial = nest.Create("iaf_psc_alpha", 3);
        var targetsNonSpatial = nest.Create("iaf_psc_alpha", 2);
        var positions = Positions.Free(nest.Random.Uniform(), numDimensions: 2);
        var sourcesSpatial = nest.Create("iaf_psc_alpha", positions, n: 6);
        var targetsSpatial = nest.Create("iaf_psc_alpha", positions, n: 7);
        nest.Connect(sourcesNonSpatial, targetsNonSpatial);
        nest.Connect(sourcesSpatial, targetsSpatial);
        var conns = nest.GetConnections();
        var dist = conns.Distance;

        AssertApprox(ReferenceDistance(nest, conns[numConnsNonSpatial..], sourcesSpatial, targetsSpatial), dist[numConnsNonSpatial..]);
        Assert.All(dist[..numConnsNonSpatial], d => Assert.True(double.IsNaN(d)));
    }

    // NEST: testsuite/pytests/spatial/test_SynapseCollection_distance.py::test_SynapseCollection_distance_spatial_nonspatial_connected
    [Fact]
    public void SynapseCollectionDistanceSpatialNonSpatialConnected()
    {
        var nest = new Simulator();
        var sourcesNonSpatial = nest.Create("iaf_psc_alpha", 5);
        var targetsSpatial = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Uniform(), numDimensions: 2), n: 11);
        nest.Connect(sourcesNonSpatial, targetsSpatial);
        Assert.All(nest.GetConnections().Distance, d => Assert.True(double.IsNaN(d)));
    }
}
