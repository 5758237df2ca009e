namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_indirect/test_sinusoidal_generators_parallel_individual.py, on 1, 2 and 4 in-process ranks.
/// </summary>
public sealed class TestSinusoidalGeneratorsParallelIndividual
{
    // NEST: testsuite/pytests/mpi_indirect/test_sinusoidal_generators_parallel_individual.py::test_sinusoidal_generator_with_spike_recorder
    [Theory]
    [InlineData("sinusoidal_poisson_generator", 1)]
    [InlineData("sinusoidal_poisson_generator", 2)]
    [InlineData("sinusoidal_gamma_generator", 1)]
    [InlineData("sinusoidal_gamma_generator", 2)]
    public void SinusoidalGenerator_WithSpikeRecorder(string gen_model, int num_threads)
    {
        _ = num_threads; // NEST's test takes the parameter and does not use it (total_num_virtual_procs is 4 throughout)
        // assert_all_spike_trains_different: for each number of processes, all spike trains are pairwise different
        foreach (var trains in SpikeTrainsPerProcessCount(gen_model, individualSpikeTrains: true))
        {
            Assert.Equal(12, trains.Count);
            for (int lhs = 0; lhs < trains.Count - 1; lhs++)
                for (int rhs = lhs + 1; rhs < trains.Count; rhs++) Assert.False(trains[lhs].SequenceEqual(trains[rhs]));
        }
    }

    /// <summary>
    /// The network both NEST files build (one generator with individual_spike_trains as given, into 12 parrots, 4
    /// virtual processes, 200 ms) run on 1, 2 and 4 ranks through <see cref="MpiTestWrapper.AssertEqual"/>; per process
    /// count, each parrot's spike train (steps, as the file holds them).
    /// </summary>
    internal static IEnumerable<List<string[]>> SpikeTrainsPerProcessCount(string genModel, bool individualSpikeTrains)
    {
        var all = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            nest.SetKernelStatus("total_num_virtual_procs", 4);
            const int nrns_per_vp = 3;
            int total_num_nrns = 4 * nrns_per_vp;
            var parrots = nest.Create("parrot_neuron", total_num_nrns);
            nest.SetDefaults(genModel, new() { ["individual_spike_trains"] = individualSpikeTrains });
            var gen = nest.Create(genModel, 1, new() { ["rate"] = 100.0, ["amplitude"] = 50.0, ["frequency"] = 10.0 });
            var srec = nest.Create("spike_recorder", 1, new()
            {
                ["record_to"] = "ascii", ["time_in_steps"] = true, ["label"] = MpiTestWrapper.SpikeLabel(nest.NumProcesses),
            });
            nest.Connect(gen, parrots);
            nest.Connect(parrots, srec);
            nest.Simulate(200.0);
        });
        foreach (var spikes in all["spike"])
        {
            int sender = Array.IndexOf(spikes.Columns, "sender"), step = Array.IndexOf(spikes.Columns, "time_step");
            yield return spikes.Rows.GroupBy(r => r[sender]).Select(g => g.Select(r => r[step]).ToArray()).ToList();
        }
    }
}
