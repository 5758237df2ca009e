namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_parallel_conn_and_rand.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestParallelConnAndRand
{
    // NEST: testsuite/pytests/mpi_indirect/test_parallel_conn_and_rand.py::test_parallel_cond_and_rand
    [Fact]
    public void RandomizedConnections_AreInvariantUnderTheNumberOfRanks()
    {
        // Connects a population to itself, randomizing weight, delay, receptor type and synaptic parameters, with a
        // fixed number of virtual processes; the connections must not depend on the number of processes.
        var all = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            nest.SetKernelStatus("total_num_virtual_procs", 16);
            nest.SetKernelStatus("rng_seed", 123L);
            const int num_neurons = 100;
            double[] tau_syns = [.. Enumerable.Range(0, 9).Select(i => 0.2 + (0.8 * i / 8))]; // np.linspace(0.2, 1.0, 9)
            const int receptor_min = 1;
            int receptor_max = tau_syns.Length;

            var pop = nest.Create("iaf_psc_alpha_multisynapse", num_neurons, new() { ["tau_syn"] = tau_syns });
            nest.Connect(pop, pop, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 23 },
                new Dictionary<string, object>
                {
                    ["synapse_model"] = "stdp_synapse",
                    ["delay"] = nest.Random.Uniform(0.5, 1.5),
                    ["weight"] = Parameter.Max(nest.Random.Normal(10, 5), 0),
                    ["receptor_type"] = 1 + nest.Random.UniformInt(receptor_max + 1 - receptor_min),
                    ["alpha"] = nest.Random.Uniform(0.1, 2.3),
                    ["tau_plus"] = nest.Random.Uniform(1.5, 5.0),
                });

            MpiTestWrapper.WriteConnections(nest, MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank), nest.GetConnections(),
                ["source", "target", "weight", "delay", "alpha", "tau_plus"]);
        });
        Assert.Equal(100 * 23, all["other"][0].Rows.Count);
    }
}
