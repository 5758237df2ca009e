namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_ticket_516.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestTicket516
{
    // NEST: testsuite/pytests/mpi_indirect/test_ticket_516.py::test_ticket_516
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SpatialNetwork_GivesConsistentSpikeTrains(bool on_source)
    {
        var all = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            nest.SetKernelStatus("rng_seed", 1234567L);
            nest.SetKernelStatus("total_num_virtual_procs", 4);
            var layer = nest.Create("iaf_psc_exp", Positions.Grid([5, 5], edgeWrap: false), new() { ["I_e"] = 500.0 });
            var sr = nest.Create("spike_recorder", 1, new()
            {
                ["record_to"] = "ascii", ["time_in_steps"] = true, ["label"] = MpiTestWrapper.SpikeLabel(nest.NumProcesses),
            });
            // NEST's Connect with a mask between layers is NestSharp's ConnectLayers
            nest.ConnectLayers(layer, layer,
                new Dictionary<string, object>
                {
                    ["rule"] = "pairwise_bernoulli", ["use_on_source"] = on_source,
                    ["mask"] = new Dictionary<string, object> { ["circular"] = new Dictionary<string, object> { ["radius"] = 0.5 } }, ["p"] = 0.7,
                },
                [new SynSpec { Weight = nest.Random.Uniform(-5, 15), Delay = 1.0 }]);
            nest.Connect(layer, sr);
            nest.Simulate(200);
        });
        Assert.True(all["spike"][0].Rows.Count > 25, "the layer must fire");
    }
}
