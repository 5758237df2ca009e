namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_indirect/test_gap_junctions_mpi.py and test_issue_600.py, on 1, 2 and 4 in-process
/// ranks with 4 virtual processes: hh_psc_alpha_gap neurons joined by gap junctions under waveform relaxation spike at
/// the same times for any number of processes.
/// </summary>
public sealed class TestGapJunctionsMpi
{
    private static void SetKernel(Simulator nest) => nest.SetKernelStatus(new()
    {
        ["total_num_virtual_procs"] = 4, ["resolution"] = 0.1, ["use_wfr"] = true, ["wfr_tol"] = 0.0001,
        ["wfr_interpolation_order"] = 3L, ["wfr_max_iterations"] = 10L, ["wfr_comm_interval"] = 1.0,
    });

    private static NodeCollection SpikeRecorder(Simulator nest) => nest.Create("spike_recorder", 1, new()
    {
        ["record_to"] = "ascii", ["time_in_steps"] = true, ["label"] = MpiTestWrapper.SpikeLabel(nest.NumProcesses),
    });

    // NEST: testsuite/pytests/mpi_indirect/test_gap_junctions_mpi.py::test_gap_junctions_mpi
    [Fact]
    public void GapJunctions_SpikeAlikeOnOneTwoAndFourProcesses()
    {
        var tables = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            SetKernel(nest);
            var n = nest.Create("hh_psc_alpha_gap", 4);
            n[0].Set("I_e", 400.0);
            var sr = SpikeRecorder(nest);
            double[] weights = [10, 8, 12];
            for (int i = 1; i < 4; i++)
            {
                nest.Connect(n[0], n[i], new Dictionary<string, object> { ["rule"] = "one_to_one", ["make_symmetric"] = true },
                    new Dictionary<string, object> { ["synapse_model"] = "gap_junction", ["weight"] = weights[i - 1] });
            }
            nest.Connect(n, sr);
            nest.Simulate(50);
        });
        Assert.True(tables["spike"][0].Rows.Count > 0, "the neurons spiked");
    }

    // NEST: testsuite/pytests/mpi_indirect/test_issue_600.py::test_issue_600
    [Fact]
    public void Issue600_WaveformRelaxationWorksWithSeveralProcesses()
    {
        var tables = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            SetKernel(nest);
            var n1 = nest.Create("hh_psc_alpha_gap", 1, new() { ["I_e"] = 400.0 });
            var n2 = nest.Create("iaf_psc_alpha");
            var n3 = nest.Create("hh_psc_alpha_gap");
            var n4 = nest.Create("iaf_psc_alpha");
            var sr = SpikeRecorder(nest);
            nest.Connect(n1, n3, new Dictionary<string, object> { ["rule"] = "one_to_one", ["make_symmetric"] = true },
                new Dictionary<string, object> { ["synapse_model"] = "gap_junction", ["weight"] = 10.0 });
            nest.Connect(n1, n2, "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = 1000.0 });
            nest.Connect(n1, n4, "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = 1200.0 });
            nest.Connect(n1 + n2 + n3 + n4, sr);
            nest.Simulate(50);
        });
        Assert.True(tables["spike"][0].Rows.Count > 0, "the neurons spiked");
    }
}
