namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_collocated_synapses_mpi.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestCollocatedSynapsesMpi
{
    // NEST: testsuite/pytests/mpi_indirect/test_collocated_synapses_mpi.py::test_collocated_synapses
    [Fact]
    public void CollocatedSynapses_AreTheSameForAnyNumberOfRanks()
    {
        var all = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            const int num_src = 4, num_tgt = 4;
            var coll_syns = new CollocatedSynapses(
                new Dictionary<string, object> { ["weight"] = -3.0, ["delay"] = 1.0, ["synapse_model"] = "static_synapse" },
                new Dictionary<string, object> { ["weight"] = 4.0, ["delay"] = 3.0, ["synapse_model"] = "static_synapse" },
                new Dictionary<string, object> { ["weight"] = 2.0, ["delay"] = 1.0, ["synapse_model"] = "stdp_synapse" });
            var src = nest.Create("parrot_neuron", num_src);
            var tgt = nest.Create("parrot_neuron", num_tgt);
            nest.Connect(src, tgt, "one_to_one", coll_syns);
            MpiTestWrapper.WriteConnections(nest, MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank), nest.GetConnections(),
                ["source", "target", "weight", "delay", "synapse_model"]);
        });
        Assert.Equal(12, all["other"][0].Rows.Count);
    }
}
