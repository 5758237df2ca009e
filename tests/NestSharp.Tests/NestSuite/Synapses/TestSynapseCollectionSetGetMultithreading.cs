namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>NEST's testsuite/pytests/synapses/test_synapse_collection_set_get_multithreading.py.</summary>
public sealed class TestSynapseCollectionSetGetMultithreading
{
    // NEST: testsuite/pytests/synapses/test_synapse_collection_set_get_multithreading.py::test_syn_collection_set_get_with_threads
    [Fact]
    public void Test_syn_collection_set_get_with_threads()
    {
        // Test SynapseCollection setter and getter in multithreaded context.
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 2);

        var source = nest.Create("iaf_psc_alpha");
        var target = nest.Create("iaf_psc_alpha");
        nest.Connect(source, target, syn: new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse" });

        var conn = nest.GetConnections(source: source, synapseModel: "stdp_synapse");
        var connDict = conn.Get();

        Assert.Equal(1.0, connDict["weight"]);
        Assert.Equal("stdp_synapse", connDict["synapse_model"]);

        conn.Set("weight", 2.0);

        Assert.Equal(2.0, conn.Get("weight"));
    }
}
