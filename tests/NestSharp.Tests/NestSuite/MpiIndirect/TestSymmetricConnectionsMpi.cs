namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_symmetric_connections_mpi.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestSymmetricConnectionsMpi
{
    // NEST: testsuite/pytests/mpi_indirect/test_symmetric_connections_mpi.py::test_symmetric_connections_mpi
    [Fact]
    public void SymmetricConnections_AreCreatedCorrectly()
    {
        var all = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            nest.SetKernelStatus("total_num_virtual_procs", 4);
            const int N = 5;
            var pop1 = nest.Create("parrot_neuron", 5);
            var pop2 = nest.Create("parrot_neuron", 5);
            static double[] Linspace(double a, double b) => [.. Enumerable.Range(0, N).Select(i => a + ((b - a) * i / (N - 1)))];
            nest.Connect(pop1, pop2, new Dictionary<string, object> { ["rule"] = "one_to_one", ["make_symmetric"] = true },
                new Dictionary<string, object>
                {
                    ["synapse_model"] = "stdp_synapse", ["weight"] = Linspace(1, 5), ["delay"] = Linspace(11, 15), ["alpha"] = Linspace(21, 25),
                });
            MpiTestWrapper.WriteConnections(nest, MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank), nest.GetConnections(),
                ["source", "target", "weight", "delay", "alpha"]);
        });

        // assert_symmetric: the connection (s, t) has the same weight, delay and alpha as (t, s)
        foreach (var conns in all["other"])
        {
            Assert.Equal(10, conns.Rows.Count);
            var byPair = conns.Rows.ToDictionary(r => (r[0], r[1]), r => r[2..]);
            foreach (var ((s, t), values) in byPair) Assert.Equal(values, byPair[(t, s)]);
        }
    }
}
