namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_spatial_connections_to_recorder.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestSpatialConnectionsToRecorder
{
    // NEST: testsuite/pytests/mpi_indirect/test_spatial_connections_to_recorder.py::test_spatial_connections
    [Theory]
    [InlineData("free")]
    [InlineData("grid")]
    public void SpatialConnectionsToRecorders_AreCreatedConsistently_ForAFixedNumberOfVirtualProcesses(string geometry)
    {
        var all = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            nest.ResetKernel();
            nest.SetKernelStatus("data_path", Path.GetDirectoryName(MpiTestWrapper.OtherPath(0, 0))!);
            nest.SetKernelStatus("total_num_virtual_procs", 4);
            var pos = geometry == "free"
                ? Positions.Free([.. Enumerable.Range(-2, 5).SelectMany(x => Enumerable.Range(-2, 5).Select(y => (IReadOnlyList<double>)[x, y]))],
                    extent: [6.0, 6.0], edgeWrap: true)
                : Positions.Grid([5, 5], extent: [6.0, 6.0], edgeWrap: true);
            var source_layer = nest.Create("parrot_neuron", pos);
            var target_layer = nest.Create("spike_recorder", pos);
            // NEST's Connect with a mask between layers is NestSharp's ConnectLayers
            nest.ConnectLayers(source_layer, target_layer,
                new Dictionary<string, object>
                {
                    ["rule"] = "pairwise_bernoulli", ["p"] = 0.5, ["use_on_source"] = true,
                    ["mask"] = new Dictionary<string, object> { ["circular"] = new Dictionary<string, object> { ["radius"] = 2.5 } },
                },
                [new SynSpec { Weight = SpatialDistributions.Gaussian(10 * Spatial.Distance, std: 2), Delay = 0.1 + (0.2 * Spatial.Distance) }]);
            MpiTestWrapper.WriteConnections(nest, MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank), nest.GetConnections(),
                ["source", "target", "weight", "delay"]);
        });
        Assert.True(all["other"][0].Rows.Count > 50, "the layers must be connected");
    }
}
