using static NestSharp.Tests.NestSuite.StructuralPlasticity.SpTestUtil;

namespace NestSharp.Tests.NestSuite.StructuralPlasticity;

/// <summary>Disconnect of several synapses, with and without structural plasticity, and Disconnect's defaults.</summary>
public sealed class DisconnectMultipleTests
{
    public static TheoryData<string> Models => SynapseModelsWithout(DisconnectMultipleExcluded);

    /// <summary>10 neurons with SE1 and SE2, all-to-all connected with <paramref name="synModel"/> bound to the elements.</summary>
    private static (Simulator Nest, NodeCollection Neurons) ConnectedWithElements(string synModel)
    {
        var nest = new Simulator();
        nest.CopyModel("static_synapse", "my_static_synapse");
        nest.SetDefaults(synModel, new() { ["delay"] = 0.5 });
        var synDict = SynDict(synModel);
        SetMinMaxDelay(nest, 0.1, 1.0);
        nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object> { ["syn1"] = synDict });
        var neurons = nest.Create("iaf_psc_alpha", 10, Se1Se2());

        nest.Connect(neurons, neurons, "all_to_all", synDict);

        // Test if the connected synaptic elements before the simulation are correct
        foreach (var stNeuron in SynapticElements(neurons))
        {
            Assert.Equal(10, ZConnected(stNeuron, "SE1"));
            Assert.Equal(10, ZConnected(stNeuron, "SE2"));
        }
        return (nest, neurons);
    }

    // NEST: structural_plasticity/test_disconnect_multiple.py::TestDisconnect::test_multiple_synapse_deletion_all_to_all
    [Theory]
    [MemberData(nameof(Models))]
    public void MultipleSynapseDeletion_AllToAll(string synModel)
    {
        var (nest, neurons) = ConnectedWithElements(synModel);
        var srcNeurons = neurons[..5];
        var tgtNeurons = neurons[5..];
        Assert.True(nest.GetConnections(srcNeurons, tgtNeurons, synModel).Count > 0);

        nest.Disconnect(srcNeurons, tgtNeurons, "all_to_all", synModel);

        var status = SynapticElements(neurons);
        foreach (var stNeuron in status[..5])
        {
            Assert.Equal(5, ZConnected(stNeuron, "SE1"));
            Assert.Equal(10, ZConnected(stNeuron, "SE2"));
        }
        foreach (var stNeuron in status[5..])
        {
            Assert.Equal(10, ZConnected(stNeuron, "SE1"));
            Assert.Equal(5, ZConnected(stNeuron, "SE2"));
        }
    }

    // NEST: structural_plasticity/test_disconnect_multiple.py::TestDisconnect::test_multiple_synapse_deletion_one_to_one
    [Theory]
    [MemberData(nameof(Models))]
    public void MultipleSynapseDeletion_OneToOne(string synModel)
    {
        var (nest, neurons) = ConnectedWithElements(synModel);
        var srcNeurons = neurons[..5];
        var tgtNeurons = neurons[5..];
        Assert.True(nest.GetConnections(srcNeurons, tgtNeurons, synModel).Count > 0);

        nest.Disconnect(srcNeurons, tgtNeurons, "one_to_one", synModel);

        var status = SynapticElements(neurons);
        foreach (var stNeuron in status[..5])
        {
            Assert.Equal(9, ZConnected(stNeuron, "SE1"));
            Assert.Equal(10, ZConnected(stNeuron, "SE2"));
        }
        foreach (var stNeuron in status[5..])
        {
            Assert.Equal(10, ZConnected(stNeuron, "SE1"));
            Assert.Equal(9, ZConnected(stNeuron, "SE2"));
        }
    }

    // NEST: structural_plasticity/test_disconnect_multiple.py::TestDisconnect::test_multiple_synapse_deletion_one_to_one_no_sp
    [Theory]
    [MemberData(nameof(Models))]
    public void MultipleSynapseDeletion_OneToOne_NoSp(string synModel)
    {
        var nest = new Simulator();
        nest.CopyModel("static_synapse", "my_static_synapse");
        var neurons = nest.Create("iaf_psc_alpha", 10);
        nest.Connect(neurons, neurons, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = synModel });
        var srcNeurons = neurons[..5];
        var tgtNeurons = neurons[5..];
        Assert.Equal(25, nest.GetConnections(srcNeurons, tgtNeurons, synModel).Count);

        nest.Disconnect(srcNeurons, tgtNeurons, "one_to_one", synModel);

        Assert.Equal(20, nest.GetConnections(srcNeurons, tgtNeurons, synModel).Count);
    }

    // NEST: structural_plasticity/test_disconnect_multiple.py::TestDisconnect::test_single_synapse_deletion_sp
    [Theory]
    [MemberData(nameof(Models))]
    public void SingleSynapseDeletion_Sp(string synModel)
    {
        var nest = new Simulator();
        nest.CopyModel("static_synapse", "my_static_synapse");
        var synDict = SynDict(synModel);
        var neurons = nest.Create("iaf_psc_alpha", 2, Se1Se2());
        nest.Connect(neurons, neurons, "all_to_all", synDict);
        nest.Connect(neurons, neurons, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "my_static_synapse" });

        // Test if the connected synaptic elements before the simulation are correct
        foreach (var stNeuron in SynapticElements(neurons))
        {
            Assert.Equal(2, ZConnected(stNeuron, "SE1"));
            Assert.Equal(2, ZConnected(stNeuron, "SE2"));
        }

        const int srcId = 0;
        const int targId = 1;
        Assert.True(nest.GetConnections(neurons[srcId], neurons[targId], synModel).Count > 0);
        nest.Disconnect(neurons[srcId], neurons[targId], "one_to_one", synDict);
        var status = SynapticElements(neurons);
        Assert.Equal(1, ZConnected(status[srcId], "SE1"));
        Assert.Equal(2, ZConnected(status[srcId], "SE2"));
        Assert.Equal(2, ZConnected(status[targId], "SE1"));
        Assert.Equal(1, ZConnected(status[targId], "SE2"));
        Assert.Equal(0, nest.GetConnections(neurons[srcId], neurons[targId], synModel).Count);
    }

    // NEST: structural_plasticity/test_disconnect_multiple.py::TestDisconnect::test_disconnect_defaults
    [Fact]
    public void DisconnectDefaults()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 5);
        nest.Connect(nodes, nodes);
        Assert.Equal(25L, nest.GetKernelStatus("num_connections"));
        nest.Disconnect(nodes, nodes);
        Assert.Equal(20L, nest.GetKernelStatus("num_connections"));
    }

    // NEST: structural_plasticity/test_disconnect_multiple.py::TestDisconnect::test_disconnect_all_to_all
    [Fact]
    public void DisconnectAllToAll()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 5);
        nest.Connect(nodes, nodes);
        Assert.Equal(25L, nest.GetKernelStatus("num_connections"));
        nest.Disconnect(nodes, nodes, conn: "all_to_all");
        Assert.Equal(0L, nest.GetKernelStatus("num_connections"));
    }

    // NEST: structural_plasticity/test_disconnect_multiple.py::TestDisconnect::test_disconnect_static_synapse
    [Fact]
    public void DisconnectStaticSynapse()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 5);
        nest.Connect(nodes, nodes);
        Assert.Equal(25L, nest.GetKernelStatus("num_connections"));
        nest.Disconnect(nodes, nodes, synapseModel: "static_synapse");
        Assert.Equal(20L, nest.GetKernelStatus("num_connections"));
    }
}
