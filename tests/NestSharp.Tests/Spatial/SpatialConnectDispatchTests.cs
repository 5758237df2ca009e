namespace NestSharp.Tests.SpatialNetworks;

/// <summary>
/// Connect takes the spatial path (ConnectLayers) when PyNEST's nest.Connect does: a mask, use_on_source, p with a
/// rule other than pairwise_bernoulli, or a spatial parameter in the conn_spec or a syn_spec (also with collocated
/// synapses); a syn_spec on that path may hold only weight, delay, synapse_model, synapse_label and receptor_type.
/// </summary>
public sealed class SpatialConnectDispatchTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static Dictionary<string, object> Circle(double radius) => D(("circular", D(("radius", radius))));

    [Fact]
    public void SpatialWeight_WithPlainPairwiseBernoulli_IsMeasuredBetweenPositions()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free([[0.0, 0.0], [0.3, 0.4]]));
        nest.Connect(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0)), D(("weight", 1.0 + Spatial.Distance)));
        var conns = nest.GetConnections();
        Assert.Equal(4, conns.Count);
        for (int i = 0; i < conns.Count; i++) Assert.Equal(conns.Source[i] == conns.Target[i] ? 1.0 : 1.5, conns.Weight[i], 12);
    }

    [Fact]
    public void CollocatedSynapses_WithAMask_MakeOneSynapseOfEachPerPair()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3], extent: [3.0, 3.0]));
        nest.Connect(layer, layer, D(("rule", "pairwise_bernoulli"), ("mask", Circle(0.5))),
            new CollocatedSynapses(D(("weight", 2.0)), D(("weight", -3.0), ("synapse_model", "stdp_synapse"))));
        Assert.Equal(9, nest.GetConnections(synapseModel: "static_synapse").Count);
        Assert.Equal(9, nest.GetConnections(synapseModel: "stdp_synapse").Count);
    }

    [Fact]
    public void SynSpecKeysBeyondTheSpatialOnes_AreRefused_AndConnectNothing()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 3]));
        var error = Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.Connect(layer, layer,
            D(("rule", "pairwise_bernoulli"), ("mask", Circle(0.5))), D(("synapse_model", "stdp_synapse"), ("tau_plus", 10.0))));
        Assert.Contains("tau_plus", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, nest.NumConnections);
    }

    [Fact]
    public void UseOnSource_OnNodesWithoutPositions_IsATypeMismatch()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 3);
        Assert.Throws<TypeMismatchException>(() => nest.Connect(nodes, nodes, D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("use_on_source", true))));
        Assert.Equal(0, nest.NumConnections);
    }
}
