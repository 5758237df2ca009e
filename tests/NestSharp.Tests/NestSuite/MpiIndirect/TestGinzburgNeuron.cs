namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_ginzburg_neuron.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestGinzburgNeuron
{
    // NEST: testsuite/pytests/mpi_indirect/test_ginzburg_neuron.py::test_gamma_sup_generator
    [Fact]
    public void GinzburgNeurons_SpikesAreInvariantForAFixedNumberOfVirtualProcesses()
    {
        MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            const int TOTAL_VPS = 4;

            nest.SetKernelStatus(new() { ["total_num_virtual_procs"] = TOTAL_VPS, ["overwrite_files"] = true });

            var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0, 1.0 } });
            var ginz = nest.Create("ginzburg_neuron", TOTAL_VPS, new() { ["tau_m"] = 1.0 });
            var pnet = nest.Create("parrot_neuron", TOTAL_VPS);
            var sr = nest.Create("spike_recorder", 1, new()
            {
                ["label"] = MpiTestWrapper.SpikeLabel(nest.NumProcesses), ["record_to"] = "ascii", ["time_in_steps"] = true,
            });

            nest.Connect(sg, ginz);
            nest.Connect(ginz, pnet, "one_to_one");
            nest.Connect(pnet, sr);

            nest.Simulate(20);
        });
    }
}
