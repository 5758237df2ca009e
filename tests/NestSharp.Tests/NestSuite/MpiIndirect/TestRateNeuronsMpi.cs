namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_indirect/test_rate_neurons_mpi.py, on 1 and 2 in-process ranks: two rate neurons joined
/// by an instantaneous rate connection (lin_rate_ipn) or a diffusion connection (siegert_neuron) under waveform
/// relaxation, with 4 virtual processes, record the same rates for either number of processes.
/// </summary>
public sealed class TestRateNeuronsMpi
{
    // NEST: testsuite/pytests/mpi_indirect/test_rate_neurons_mpi.py::test_rate_neurons_mpi[lin_rate_ipn-params10-params20-synspec0]
    [Fact]
    public void LinRateIpn_RatesAreTheSameOnOneAndTwoProcesses()
    {
        var tables = MpiTestWrapper.AssertEqual([1, 2], nest =>
        {
            const int totalVps = 4;
            const double h = 0.1;

            nest.SetKernelStatus(new()
            {
                ["total_num_virtual_procs"] = totalVps, ["resolution"] = h, ["use_wfr"] = true, ["wfr_tol"] = 0.0001,
                ["wfr_interpolation_order"] = 3L, ["wfr_max_iterations"] = 10L, ["wfr_comm_interval"] = 1.0,
                ["overwrite_files"] = true,
            });

            var neuron1 = nest.Create("lin_rate_ipn", 1, new() { ["mu"] = 0.0, ["sigma"] = 0.0, ["rate"] = 20.0 });
            var neuron2 = nest.Create("lin_rate_ipn", 1, new() { ["mu"] = 0.0, ["sigma"] = 0.0 });
            var mm = nest.Create("multimeter", 1, new()
            {
                ["record_from"] = new[] { "rate" }, ["interval"] = 1.0, ["record_to"] = "ascii", ["precision"] = 8L,
                ["time_in_steps"] = true, ["label"] = MpiTestWrapper.MultiLabel(nest.NumProcesses),
            });

            nest.Connect(mm, neuron1 + neuron2);
            nest.Connect(neuron1, neuron2, syn: new Dictionary<string, object> { ["synapse_model"] = "rate_connection_instantaneous", ["weight"] = 5.0 });

            nest.Simulate(11);
        });
        Assert.True(tables["multi"][0].Rows.Count > 0, "the multimeter recorded");
    }

    // NEST: testsuite/pytests/mpi_indirect/test_rate_neurons_mpi.py::test_rate_neurons_mpi[siegert_neuron-params11-params21-synspec1]
    [Fact]
    public void SiegertNeuron_RatesAreTheSameOnOneAndTwoProcesses()
    {
        var tables = MpiTestWrapper.AssertEqual([1, 2], nest =>
        {
            const int totalVps = 4;
            const double h = 0.1;

            nest.SetKernelStatus(new()
            {
                ["total_num_virtual_procs"] = totalVps, ["resolution"] = h, ["use_wfr"] = true, ["wfr_tol"] = 0.0001,
                ["wfr_interpolation_order"] = 3L, ["wfr_max_iterations"] = 10L, ["wfr_comm_interval"] = 1.0,
                ["overwrite_files"] = true,
            });

            var neuron1 = nest.Create("siegert_neuron", 1, new() { ["rate"] = 20.0 });
            var neuron2 = nest.Create("siegert_neuron", 1, new());
            var mm = nest.Create("multimeter", 1, new()
            {
                ["record_from"] = new[] { "rate" }, ["interval"] = 1.0, ["record_to"] = "ascii", ["precision"] = 8L,
                ["time_in_steps"] = true, ["label"] = MpiTestWrapper.MultiLabel(nest.NumProcesses),
            });

            nest.Connect(mm, neuron1 + neuron2);
            nest.Connect(neuron1, neuron2, syn: new Dictionary<string, object>
            {
                ["synapse_model"] = "diffusion_connection", ["diffusion_factor"] = 2.0, ["drift_factor"] = 4.0,
            });

            nest.Simulate(11);
        });
        Assert.True(tables["multi"][0].Rows.Count > 0, "the multimeter recorded");
    }
}
