namespace NestSharp.Tests.SpatialNetworks;

/// <summary>
/// Which layer's boundaries a spatial Connect measures p, weights and delays in, as NEST's ConnectionCreator: the
/// source layer for fixed_indegree, pairwise_bernoulli with use_on_source and pairwise_poisson; the target layer for
/// pairwise_bernoulli; for fixed_outdegree, p in the source layer and weights and delays in the target layer.
/// </summary>
public sealed class SpatialConnectMetricTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    /// <summary>
    /// A source at x = -0.45 in a periodic layer of extent 1, and targets at x = 0.45 and -0.1 in a layer without
    /// periodic boundaries: the first target is 0.1 away in the source layer and 0.9 away in the target layer, the
    /// second 0.35 away in both.
    /// </summary>
    private static (Simulator Nest, NodeCollection Source, NodeCollection Targets) Layers()
    {
        var nest = new Simulator();
        var source = nest.Create("iaf_psc_alpha", Positions.Free([[-0.45, 0.0]], extent: [1.0, 1.0], edgeWrap: true));
        var targets = nest.Create("iaf_psc_alpha", Positions.Free([[0.45, 0.0], [-0.1, 0.0]], extent: [2.0, 2.0]));
        return (nest, source, targets);
    }

    [Fact]
    public void FixedOutdegree_MeasuresPInTheSourceLayer_AndWeightsInTheTargetLayer()
    {
        var (nest, source, targets) = Layers();
        var near = Parameter.Conditional(Spatial.Distance < 0.3, 1.0, 0.0);
        nest.Connect(source, targets, D(("rule", "fixed_outdegree"), ("outdegree", 3), ("p", near)), D(("weight", Spatial.Distance)));
        var conns = nest.GetConnections();
        Assert.Equal([targets.Ids[0], targets.Ids[0], targets.Ids[0]], conns.Target.Select(t => (int)t));
        Assert.All(conns.Weight, w => Assert.Equal(0.9, w, 12));
    }

    [Fact]
    public void FixedIndegree_MeasuresPAndWeightsInTheSourceLayer()
    {
        var (nest, source, targets) = Layers();
        var near = Parameter.Conditional(Spatial.Distance < 0.3, 1.0, 0.0);
        nest.Connect(source, targets[0], D(("rule", "fixed_indegree"), ("indegree", 2), ("p", near)), D(("weight", Spatial.Distance)));
        var conns = nest.GetConnections();
        Assert.Equal(2, conns.Count);
        Assert.All(conns.Weight, w => Assert.Equal(0.1, w, 12));
    }

    [Fact]
    public void PairwiseBernoulli_MeasuresInTheTargetLayer_AndWithUseOnSourceInTheSourceLayer()
    {
        var (nest, source, targets) = Layers();
        var near = Parameter.Conditional(Spatial.Distance < 0.3, 1.0, 0.0);
        nest.Connect(source, targets, D(("rule", "pairwise_bernoulli"), ("p", near)));
        Assert.Equal(0, nest.GetConnections().Count);
        nest.Connect(source, targets, D(("rule", "pairwise_bernoulli"), ("p", near), ("use_on_source", true)), D(("weight", Spatial.Distance)));
        var conns = nest.GetConnections();
        Assert.Equal([targets.Ids[0]], conns.Target.Select(t => (int)t));
        Assert.Equal(0.1, conns.Weight[0], 12);
    }
}
