namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_spike_propagation.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestSpikePropagation
{
    // NEST: testsuite/pytests/mpi_indirect/test_spike_propagation.py::test_spike_propagation
    [Fact]
    public void SpikesTravelAlongTheChain_ForAnyNumberOfRanks()
    {
        // Confirm that spikes travel along a chain of neurons independent of how many ranks they are distributed over.
        var all = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            const int N = 7;
            var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
            var nrns = nest.Create("parrot_neuron", N);
            var srec = nest.Create("spike_recorder", 1, new()
            {
                ["label"] = MpiTestWrapper.SpikeLabel(nest.NumProcesses), ["record_to"] = "ascii", ["time_in_steps"] = true,
            });
            nest.Connect(sg, nrns[0]);
            nest.Connect(nrns[..^1], nrns[1..], "one_to_one");
            nest.Connect(nrns, srec);
            nest.Simulate(10);
        });
        Assert.Equal(7, all["spike"][0].Rows.Count);
    }
}
