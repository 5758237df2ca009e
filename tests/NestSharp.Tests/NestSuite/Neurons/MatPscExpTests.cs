using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// mat2_psc_exp and amat2_psc_exp (as a mat2 with beta = 0, and with the voltage-dependent threshold component): a DC
/// step charges the membrane, the threshold jumps at each spike and decays, V_m is not reset, and t_ref delays the
/// second spike. NEST's reference values, compared as pandas' assert_frame_equal does (rtol 1e-5, atol 1e-8).
/// </summary>
public sealed class MatPscExpTests
{
    /// <summary>Time step, V_m, V_th for the first 21 samples of the DC step (NEST's expected_potentials).</summary>
    private static readonly double[,] DcStepPotentials =
    {
        { 1, -70, -51 }, { 2, -70, -51 }, { 3, -67.6238, -51 }, { 4, -65.2947, -51 }, { 5, -63.0117, -51 },
        { 6, -60.774, -51 }, { 7, -58.5805, -51 }, { 8, -56.4305, -51 }, { 9, -54.323, -51 }, { 10, -52.2573, -51 },
        { 11, -50.2324, -12 }, { 12, -48.2477, -12.3692 }, { 13, -46.3023, -12.7346 }, { 14, -44.3953, -13.0965 },
        { 15, -42.5262, -13.4548 }, { 16, -40.694, -13.8095 }, { 17, -38.8982, -14.1607 }, { 18, -37.1379, -14.5084 },
        { 19, -35.4124, -14.8527 }, { 20, -33.7212, -15.1935 }, { 21, -32.0634, -15.531 },
    };

    private static (long[] SpikeSteps, Dictionary<string, object> Samples) SimulateDcStep(bool amat2)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1 });
        NodeCollection nrn;
        if (amat2)
        {
            var mat2p = nest.GetDefaults("mat2_psc_exp");
            // tau_v must differ from tau_m but is irrelevant for beta = 0
            double tauV = (double)mat2p["tau_m"] + 10.0;
            var parameters = new Dictionary<string, object> { ["omega"] = -51.0, ["beta"] = 0.0, ["tau_v"] = tauV };
            foreach (string key in new[] { "E_L", "I_e", "C_m", "tau_m", "tau_syn_ex", "tau_syn_in", "t_ref", "tau_1", "tau_2", "alpha_1", "alpha_2" })
                parameters[key] = mat2p[key];
            nrn = nest.Create("amat2_psc_exp", 1, parameters);
        }
        else
        {
            nrn = nest.Create("mat2_psc_exp", 1, new() { ["omega"] = -51.0 });
        }
        var dcGen = nest.Create("dc_generator", 1, new() { ["amplitude"] = 2400.0 });
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m", "V_th" }, ["time_in_steps"] = true });
        var srec = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        var synSpec = new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 0.1 };
        nest.Connect(dcGen, nrn, syn: synSpec);
        nest.Connect(mm, nrn, syn: synSpec);
        nest.Connect(nrn, srec, syn: synSpec);

        nest.Simulate(8.0);

        return (Longs(srec, "times"), Events(mm));
    }

    private static void AssertFrameEqual(long[] times, IReadOnlyList<double[]> columns, double[,] expected, int firstRow, int rowStep)
    {
        for (int row = 0; row < expected.GetLength(0); row++)
        {
            int index = firstRow + row * rowStep;
            Assert.Equal((long)expected[row, 0], times[index]);
            for (int c = 0; c < columns.Count; c++)
            {
                double want = expected[row, c + 1], got = columns[c][index];
                Assert.True(Math.Abs(got - want) <= 1e-8 + 1e-5 * Math.Abs(want), $"step {times[index]}, column {c + 1}: {got:R}, expected {want}");
            }
        }
    }

    // NEST: testsuite/pytests/neurons/test_mat2_psc_exp.py::test_simulated_spike_times
    // NEST: testsuite/pytests/neurons/test_amat2_psc_exp.py::test_simulated_spike_times
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SimulatedSpikeTimes(bool amat2)
    {
        // The threshold crosses the membrane potential at step 31, but t_ref = 2 ms delays the spike to step 32.
        Assert.Equal([11L, 32L, 54L], SimulateDcStep(amat2).SpikeSteps);
    }

    // NEST: testsuite/pytests/neurons/test_mat2_psc_exp.py::test_simulated_potentials
    // NEST: testsuite/pytests/neurons/test_amat2_psc_exp.py::test_simulated_potentials
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SimulatedPotentials(bool amat2)
    {
        var samples = SimulateDcStep(amat2).Samples;
        AssertFrameEqual((long[])samples["times"], [(double[])samples["V_m"], (double[])samples["V_th"]], DcStepPotentials, 0, 1);
    }

    // NEST: testsuite/pytests/neurons/test_amat2_psc_exp.py::test_simulation_with_voltage_dependent_component
    [Fact]
    public void SimulationWithVoltageDependentComponent()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1 });
        var nrn = nest.Create("amat2_psc_exp", 1, new()
        {
            ["omega"] = 2.0, ["beta"] = 2.0, ["E_L"] = 0.0, ["I_e"] = 10.0,
            ["V_m"] = -2.0, // V_m < V_th for t < 10 ms: no spikes
            ["alpha_1"] = 10.0, ["alpha_2"] = 10.0,
        });
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m", "V_th", "V_th_v" }, ["time_in_steps"] = true });
        nest.Connect(mm, nrn, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 0.1 });

        nest.Simulate(10.1);

        // Reference values from Mathematica (NEST's): step, V_m, V_th, V_th_v
        double[,] expected =
        {
            { 10, -1.76209, 2.21168, 0.211679 }, { 20, -1.54683, 2.71733, 0.717335 }, { 30, -1.35205, 3.36815, 1.36815 },
            { 40, -1.1758, 4.06297, 2.06297 }, { 50, -1.01633, 4.73557, 2.73557 }, { 60, -0.872029, 5.34504, 3.34504 },
            { 70, -0.741463, 5.86852, 3.86852 }, { 80, -0.623322, 6.29576, 4.29576 }, { 90, -0.516424, 6.62509, 4.62509 },
            { 100, -0.419699, 6.86044, 4.86044 },
        };
        var samples = Events(mm);
        AssertFrameEqual((long[])samples["times"], [(double[])samples["V_m"], (double[])samples["V_th"], (double[])samples["V_th_v"]], expected, 9, 10);
    }
}
