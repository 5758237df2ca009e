namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_collocated_synapses_spatial_mpi.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestCollocatedSynapsesSpatialMpi
{
    // NEST: testsuite/pytests/mpi_indirect/test_collocated_synapses_spatial_mpi.py::test_collocated_synapses_spatial
    [Fact]
    public void CollocatedSynapsesBetweenLayers_AreTheSameForAnyNumberOfRanks()
    {
        var all = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            const int num_conns = 4;
            var coll_syns = new CollocatedSynapses(
                new Dictionary<string, object> { ["weight"] = -3.0, ["delay"] = 1.0, ["synapse_model"] = "static_synapse" },
                new Dictionary<string, object> { ["weight"] = 4.0, ["delay"] = 3.0, ["synapse_model"] = "static_synapse" },
                new Dictionary<string, object> { ["weight"] = 2.0, ["delay"] = 1.0, ["synapse_model"] = "stdp_synapse" });
            nest.SetKernelStatus("total_num_virtual_procs", 4);
            var src = nest.Create("parrot_neuron", Positions.Grid([3, 3], extent: [1.25, 1.25]));
            var tgt = nest.Create("parrot_neuron", Positions.Grid([3, 3], extent: [1.25, 1.25]));
            nest.Connect(src, tgt, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = num_conns }, coll_syns);
            MpiTestWrapper.WriteConnections(nest, MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank), nest.GetConnections(),
                ["source", "target", "weight", "delay", "synapse_model"]);
        });
        Assert.Equal(9 * 4 * 3, all["other"][0].Rows.Count);
    }
}
