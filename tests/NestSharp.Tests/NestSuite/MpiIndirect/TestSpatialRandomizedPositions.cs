namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_spatial_randomized_positions.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestSpatialRandomizedPositions
{
    // NEST: testsuite/pytests/mpi_indirect/test_spatial_randomized_positions.py::test_spatial_connections
    [Fact]
    public void RandomizedPositions_AreCreatedConsistently()
    {
        var all = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            nest.SetKernelStatus("total_num_virtual_procs", 4);
            var layer = nest.Create("parrot_neuron",
                Positions.Free([nest.Random.Uniform(0, 1), nest.Random.Uniform(2, 3), nest.Random.Uniform(4, 5)]), n: 10);
            // NEST's layer.spatial["positions"] on a rank holds the positions of its own nodes; NestSharp's holds every
            // node's, so a rank takes those of its own nodes
            var pos = MpiTestWrapper.OwnPositions(nest, layer);
            Assert.All(pos, p => Assert.InRange(p[0], 0, 1));
            Assert.All(pos, p => Assert.InRange(p[1], 2, 3));
            Assert.All(pos, p => Assert.InRange(p[2], 4, 5));
            MpiTestWrapper.WriteTable(MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank), ["x", "y", "z"], pos.Select(p => p.Cast<object?>()));
        });
        Assert.Equal(10, all["other"][0].Rows.Count);
    }
}
