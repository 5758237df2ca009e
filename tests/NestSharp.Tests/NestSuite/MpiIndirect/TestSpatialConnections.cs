namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_spatial_connections.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestSpatialConnections
{
    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (string source_model in new[] { "poisson_generator", "parrot_neuron" })
        {
            foreach (string geometry in new[] { "free", "grid" })
            {
                foreach (string conn in new[] { "fixed_indegree", "fixed_outdegree", "pairwise_bernoulli_on_target", "pairwise_bernoulli_on_source" })
                    cases.Add(source_model, geometry, conn);
            }
        }
        return cases;
    }

    // NEST: testsuite/pytests/mpi_indirect/test_spatial_connections.py::test_spatial_connections
    [Theory]
    [MemberData(nameof(Cases))]
    public void SpatialConnections_AreCreatedConsistently_ForAFixedNumberOfVirtualProcesses(string source_model, string geometry, string conn)
    {
        var conn_spec = conn switch
        {
            "fixed_indegree" => new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 10 },
            "fixed_outdegree" => new Dictionary<string, object> { ["rule"] = "fixed_outdegree", ["outdegree"] = 10 },
            "pairwise_bernoulli_on_target" => new Dictionary<string, object> { ["rule"] = "pairwise_bernoulli", ["p"] = 0.5, ["use_on_source"] = false },
            _ => new Dictionary<string, object> { ["rule"] = "pairwise_bernoulli", ["p"] = 0.5, ["use_on_source"] = true },
        };
        var all = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            nest.ResetKernel();
            nest.SetKernelStatus("data_path", Path.GetDirectoryName(MpiTestWrapper.OtherPath(0, 0))!);
            nest.SetKernelStatus("total_num_virtual_procs", 4);
            var pos = geometry == "free"
                ? Positions.Free([.. Enumerable.Range(-2, 5).SelectMany(x => Enumerable.Range(-2, 5).Select(y => (IReadOnlyList<double>)[x, y]))],
                    extent: [6.0, 6.0], edgeWrap: true)
                : Positions.Grid([5, 5], extent: [6.0, 6.0], edgeWrap: true);
            var source_layer = nest.Create(source_model, pos);
            var target_layer = nest.Create("parrot_neuron", pos);
            // NEST's Connect with a mask between layers is NestSharp's ConnectLayers
            nest.ConnectLayers(source_layer, target_layer,
                new Dictionary<string, object>(conn_spec)
                {
                    ["mask"] = new Dictionary<string, object> { ["circular"] = new Dictionary<string, object> { ["radius"] = 2.5 } },
                },
                [new SynSpec { Weight = SpatialDistributions.Gaussian(10 * Spatial.Distance, std: 2), Delay = 0.1 + (0.2 * Spatial.Distance) }]);
            MpiTestWrapper.WriteConnections(nest, MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank), nest.GetConnections(),
                ["source", "target", "weight", "delay"]);
        });
        Assert.True(all["other"][0].Rows.Count > 50, "the layers must be connected");
    }
}
