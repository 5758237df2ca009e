using static NestSharp.Tests.NestSuite.StructuralPlasticity.SpTestUtil;

namespace NestSharp.Tests.NestSuite.StructuralPlasticity;

/// <summary>Disconnect of single connections; Disconnect of a SynapseCollection and its argument errors.</summary>
public sealed class DisconnectTests
{
    public static TheoryData<string> Models => SynapseModelsWithout(DisconnectExcluded);

    // NEST: structural_plasticity/test_disconnect.py::TestDisconnectSingle::test_synapse_deletion_one_to_one_no_sp
    // (mpi4py gathering is not needed in one process)
    [Theory]
    [MemberData(nameof(Models))]
    public void SynapseDeletion_OneToOne_NoSp(string synModel)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("total_num_virtual_procs", nest.NumProcesses);
        var synDict = new Dictionary<string, object> { ["synapse_model"] = synModel };
        NodeCollection neurons;
        if (synModel.Contains("eprop_synapse_bsshslm_2020", StringComparison.Ordinal))
        {
            neurons = nest.Create("eprop_iaf_bsshslm_2020", 4);
            synDict["delay"] = nest.GetKernelStatus("resolution");
        }
        else if (synModel.Contains("eprop_learning_signal_connection_bsshslm_2020", StringComparison.Ordinal))
        {
            neurons = nest.Create("eprop_readout_bsshslm_2020", 2) + nest.Create("eprop_iaf_bsshslm_2020", 2);
        }
        else if (synModel.Contains("eprop_synapse", StringComparison.Ordinal))
        {
            neurons = nest.Create("eprop_iaf", 4);
            synDict["delay"] = nest.GetKernelStatus("resolution");
        }
        else if (synModel.Contains("eprop_learning_signal_connection", StringComparison.Ordinal))
        {
            neurons = nest.Create("eprop_readout", 2) + nest.Create("eprop_iaf", 2);
        }
        else
        {
            neurons = nest.Create("iaf_psc_alpha", 4);
        }
        nest.Connect(neurons[0], neurons[2], "one_to_one", synDict);
        nest.Connect(neurons[1], neurons[3], "one_to_one", synDict);

        // Delete existent connection
        Assert.Equal(1, nest.GetConnections(neurons[0], neurons[2], synModel).Count);
        nest.Disconnect(neurons[0], neurons[2], "one_to_one", synDict);
        Assert.Equal(0, nest.GetConnections(neurons[0], neurons[2], synModel).Count);

        // Assert that one cannot delete a non-existing connection
        Assert.Equal(0, nest.GetConnections(neurons[..1], neurons[1..2], synModel).Count);
        Assert.ThrowsAny<NestException>(() => nest.Disconnect(neurons[0], neurons[1], "one_to_one", synDict));
    }

    // NEST: structural_plasticity/test_disconnect.py::TestDisconnectSingle::test_disconnect_synapsecollection
    [Fact]
    public void DisconnectSynapseCollection()
    {
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 4);
        const string synModel = "static_synapse";
        var synDict = new Dictionary<string, object> { ["synapse_model"] = synModel };
        nest.Connect(neurons[0], neurons[2], "one_to_one", synDict);
        nest.Connect(neurons[1], neurons[3], "one_to_one", synDict);
        const long origNumConns = 2;
        Assert.Equal(origNumConns, nest.GetKernelStatus("num_connections"));

        // Delete existent connection with nest.Disconnect() (bound late, as the API does not have it yet)
        var conns = nest.GetConnections(neurons[0], neurons[2], synModel);
        Assert.Equal(1, conns.Count);
        ((dynamic)nest).Disconnect(conns);
        Assert.Equal(origNumConns - 1, nest.GetKernelStatus("num_connections"));
        Assert.Equal(0, nest.GetConnections(neurons[0], neurons[2], synModel).Count);

        // Delete existent connection with SynapseCollection.disconnect()
        conns = nest.GetConnections(neurons[1], neurons[3], synModel);
        ((dynamic)conns).Disconnect();
        Assert.Equal(origNumConns - 2, nest.GetKernelStatus("num_connections"));
    }

    // NEST: structural_plasticity/test_disconnect.py::TestDisconnectSingle::test_disconnect_synapsecollection_raises
    // Python's TypeError (a call no Disconnect signature takes) is a call C# does not bind: RuntimeBinderException
    // through late binding. NEST's ValueError (a SynapseCollection with a conn_spec or a syn_spec) likewise has no
    // overload to bind to.
    [Fact]
    public void DisconnectSynapseCollectionRaises()
    {
        var nest = new Simulator();
        var both = nest.Create("iaf_psc_alpha", 2);
        var (pre, post) = (both[0], both[1]);
        nest.Connect(pre, post, "one_to_one");
        var conns = nest.GetConnections();
        dynamic late = nest;

        // Wrong type as SynapseCollection
        Assert.Throws<Microsoft.CSharp.RuntimeBinder.RuntimeBinderException>(() => late.Disconnect(new[] { 1 }));
        // Passing specifications with SynapseCollection
        Assert.Throws<Microsoft.CSharp.RuntimeBinder.RuntimeBinderException>(() => late.Disconnect(conns, "one_to_one"));
        Assert.Throws<Microsoft.CSharp.RuntimeBinder.RuntimeBinderException>(() => late.Disconnect(conns, synapseModel: "static_synapse"));
        // Too many arguments
        Assert.Throws<Microsoft.CSharp.RuntimeBinder.RuntimeBinderException>(() => late.Disconnect(pre, post, conns));
        // ... and the one call that binds works
        late.Disconnect(conns);
        Assert.Equal(0L, nest.GetKernelStatus("num_connections"));
    }
}
