namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_mini_brunel_ps.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestMiniBrunelPs
{
    // NEST: testsuite/pytests/mpi_indirect/test_mini_brunel_ps.py::test_mini_brunel_ps
    [Fact]
    [Trait("Category", "Slow")]
    public void DownscaledBrunelNetWithPreciseNeurons_IsInvariantUnderTheNumberOfRanks()
    {
        var all = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            nest.SetKernelStatus(new() { ["total_num_virtual_procs"] = 4, ["overwrite_files"] = true });

            const int NE = 1000; // number of excitatory neurons
            const int NI = 250; // number of inhibitory neurons
            const int CE = 100; // number of excitatory synapses per neuron
            const int CI = 250; // number of inhibitory synapses per neuron
            const int N_rec = 10; // number of (excitatory) neurons to record
            const double D = 1.5; // synaptic delay, all connections [ms]
            const double JE = 0.1; // peak of EPSP [mV]
            const double eta = 2.0; // external rate relative to threshold rate
            const double g = 5.0; // ratio inhibitory weight/excitatory weight
            const double JI = -g * JE; // peak of IPSP [mV]

            var neuron_params = new Dictionary<string, object>
            {
                ["tau_m"] = 20.0, ["t_ref"] = 2.0, ["C_m"] = 250.0, ["E_L"] = 0.0, ["V_th"] = 20.0, ["V_reset"] = 0.0,
            };
            double nu_thresh = 20.0 / (JE * CE * 20.0);
            double nu_ext = eta * nu_thresh;

            var enodes = nest.Create("iaf_psc_delta_ps", NE, neuron_params);
            var inodes = nest.Create("iaf_psc_delta_ps", NI, neuron_params);
            var ext = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = nu_ext * CE * 1000.0 });
            var srec = nest.Create("spike_recorder", 1, new()
            {
                ["label"] = MpiTestWrapper.SpikeLabel(nest.NumProcesses), ["record_to"] = "ascii", ["time_in_steps"] = true,
            });

            nest.CopyModel("static_synapse", "esyn", new() { ["weight"] = JE, ["delay"] = D });
            nest.CopyModel("static_synapse", "isyn", new() { ["weight"] = JI, ["delay"] = D });

            nest.Connect(ext, enodes, "all_to_all", "esyn");
            nest.Connect(ext, inodes, "all_to_all", "esyn");
            nest.Connect(enodes[..N_rec], srec);
            nest.Connect(enodes, enodes + inodes,
                new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = CE, ["allow_autapses"] = false, ["allow_multapses"] = true },
                "esyn");
            nest.Connect(inodes, enodes + inodes,
                new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = CI, ["allow_autapses"] = false, ["allow_multapses"] = true },
                "isyn");

            nest.Simulate(400);
        });
        Assert.True(all["spike"][0].Rows.Count > 20, $"the network must fire (10 Hz, 40 spikes, when ported): {all["spike"][0].Rows.Count} spikes");
    }
}
