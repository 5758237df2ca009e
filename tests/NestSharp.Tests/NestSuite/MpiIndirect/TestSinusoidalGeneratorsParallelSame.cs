namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_indirect/test_sinusoidal_generators_parallel_same.py, on 1, 2 and 4 in-process ranks.
/// </summary>
public sealed class TestSinusoidalGeneratorsParallelSame
{
    // NEST: testsuite/pytests/mpi_indirect/test_sinusoidal_generators_parallel_same.py::test_sinusoidal_generator_with_spike_recorder
    [Theory]
    [InlineData("sinusoidal_poisson_generator", 1)]
    [InlineData("sinusoidal_poisson_generator", 2)]
    [InlineData("sinusoidal_gamma_generator", 1)]
    [InlineData("sinusoidal_gamma_generator", 2)]
    public void SinusoidalGenerator_WithSpikeRecorder(string gen_model, int num_threads)
    {
        _ = num_threads; // NEST's test takes the parameter and does not use it (total_num_virtual_procs is 4 throughout)
        // The network as in test_sinusoidal_generators_parallel_individual.py, with individual_spike_trains false.
        // assert_all_spike_trains_equal: for each number of processes, all senders have identical spike trains
        foreach (var trains in TestSinusoidalGeneratorsParallelIndividual.SpikeTrainsPerProcessCount(gen_model, individualSpikeTrains: false))
        {
            Assert.Equal(12, trains.Count);
            Assert.All(trains.Skip(1), train => Assert.Equal(trains[0], train));
        }
    }
}
