namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_spatial_distributed_positions.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestSpatialDistributedPositions
{
    // NEST: testsuite/pytests/mpi_indirect/test_spatial_distributed_positions.py::test_spatial_distributed_positions
    [Fact]
    public void LayersHaveMetadata_AndPositionsAreConsistentInParallel()
    {
        var all = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            nest.SetKernelStatus("total_num_virtual_procs", 4);
            var layer = nest.Create("parrot_neuron",
                Positions.Free([.. Enumerable.Range(0, 3).SelectMany(x => Enumerable.Range(0, 5).Select(y => (IReadOnlyList<double>)[x, y]))], edgeWrap: false));
            var meta = nest.GetSpatial(layer);
            Assert.NotNull(meta);
            // NEST's meta["positions"] on a rank holds the positions of its own nodes (the test asserts as many as it
            // has local nodes); NestSharp's holds every node's, so a rank takes those of its own nodes
            Assert.Equal(layer.Count, ((double[][])meta["positions"]).Length);
            var positions = MpiTestWrapper.OwnPositions(nest, layer);
            Assert.Equal(layer.Count(n => n.Get<bool>("local")), positions.Count);
            // pd.DataFrame(positions): columns named 0 and 1
            MpiTestWrapper.WriteTable(MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank), ["0", "1"], positions.Select(p => p.Cast<object?>()));
        });
        Assert.Equal(15, all["other"][0].Rows.Count);
    }
}
