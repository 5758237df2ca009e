namespace NestSharp.Tests.StructuralPlasticity;

/// <summary>
/// NEST's Connect binds synaptic elements when the syn_spec names them (pre_synaptic_element and
/// post_synaptic_element, rules one_to_one and all_to_all): the synapses count in z_connected, so that structural
/// plasticity and Disconnect treat them as their own.
/// </summary>
public sealed class ConnectWithSynapticElementsTests
{
    [Fact]
    public void Connect_WithSynapticElementsInSynSpec_BindsThem()
    {
        // NEST: Connect(..., syn_spec={"synapse_model": ..., "pre_synaptic_element": ..., "post_synaptic_element": ...})
        // (one_to_one or all_to_all) counts the new synapses in z_connected of both elements.
        var network = new SmallStructuralNetwork();
        var pre = network.Excitatory[..3];
        var post = network.Excitatory[10..13];

        network.Nest.Connect(pre, post, "one_to_one", new Dictionary<string, object>
        {
            ["synapse_model"] = "synapse_ex", ["pre_synaptic_element"] = "Axon_ex", ["post_synaptic_element"] = "Den_ex",
        });

        var axons = network.ConnectedElements("Axon_ex");
        var dens = network.ConnectedElements("Den_ex");
        Assert.All(pre.Ids, id => Assert.Equal(1L, axons[id]));
        Assert.All(post.Ids, id => Assert.Equal(1L, dens[id]));
        Assert.Equal(3L, axons.Values.Sum());
    }
}
