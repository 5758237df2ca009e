namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_hh_cond_exp_traub.py: hh_cond_exp_traub keeps the parameters it is given, and
/// driven from V_m = 10 mV by a 100 pA DC current and two spikes (0.1 and 1.2 ms, weight 1 nS, delay 1 ms) its V_m,
/// g_ex and g_in in the first 40 steps match NEST's reference (relative tolerance 1e-5), with one spike at step 2.
/// </summary>
public sealed class TestHhCondExpTraub
{
    private static Dictionary<string, object> ReferenceParams() => new()
    {
        ["V_m"] = 10.0,
        ["g_Na"] = 19000.0,
        ["g_K"] = 5000.0,
        ["g_L"] = 9.0,
        ["C_m"] = 110.0,
        ["E_Na"] = 40.0,
        ["E_K"] = -80.0,
        ["E_L"] = -70.0,
        ["E_ex"] = 1.0,
        ["E_in"] = -90.0,
        ["tau_syn_ex"] = 0.3,
        ["tau_syn_in"] = 3.0,
        ["t_ref"] = 3.5,
        ["I_e"] = 1.0,
    };

    /// <summary>The prepare fixture (one thread, resolution 0.1 ms) and the neuron fixture.</summary>
    private static (Simulator Nest, NodeCollection Neuron) Neuron()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = 1, ["resolution"] = 0.1 });
        var n = nest.Create("hh_cond_exp_traub");
        n.Set(ReferenceParams());
        return (nest, n);
    }

    private static readonly double[,] ReferenceDataVm =
    {
        { 1, 3.919340e01 }, { 2, 3.850370e01 }, { 3, 3.315630e01 }, { 4, 2.217610e01 }, { 5, 7.131720e00 },
        { 6, -8.728460e00 }, { 7, -2.312210e01 }, { 8, -3.595260e01 }, { 9, -5.182590e01 }, { 10, -6.699940e01 },
        { 11, -7.398330e01 }, { 12, -7.647150e01 }, { 13, -7.748650e01 }, { 14, -7.793770e01 }, { 15, -7.813580e01 },
        { 16, -7.820390e01 }, { 17, -7.819780e01 }, { 18, -7.814580e01 }, { 19, -7.806380e01 }, { 20, -7.796150e01 },
        { 21, -7.784520e01 }, { 22, -7.771910e01 }, { 23, -7.752600e01 }, { 24, -7.734640e01 }, { 25, -7.717640e01 },
        { 26, -7.701340e01 }, { 27, -7.685560e01 }, { 28, -7.670190e01 }, { 29, -7.655140e01 }, { 30, -7.640350e01 },
        { 31, -7.625770e01 }, { 32, -7.611370e01 }, { 33, -7.597140e01 }, { 34, -7.583060e01 }, { 35, -7.569110e01 },
        { 36, -7.555300e01 }, { 37, -7.541600e01 }, { 38, -7.528030e01 }, { 39, -7.514570e01 }, { 40, -7.501230e01 },
    };

    private static readonly double[,] ReferenceDataMm =
    {
        { 1, 0, 0 }, { 2, 0, 0 }, { 3, 0, 0 }, { 4, 0, 0 }, { 5, 0, 0 }, { 6, 0, 0 }, { 7, 0, 0 }, { 8, 0, 0 },
        { 9, 0, 0 }, { 10, 0, 0 }, { 11, 1, 0 }, { 12, 7.165310e-01, 0 }, { 13, 5.134160e-01, 0 },
        { 14, 3.678790e-01, 0 }, { 15, 2.635960e-01, 0 }, { 16, 1.888750e-01, 0 }, { 17, 1.353340e-01, 0 },
        { 18, 9.697120e-02, 0 }, { 19, 6.948280e-02, 0 }, { 20, 4.978650e-02, 0 }, { 21, 3.567350e-02, 0 },
        { 22, 1.025560e00, 0 }, { 23, 7.348450e-01, 0 }, { 24, 5.265390e-01, 0 }, { 25, 3.772810e-01, 0 },
        { 26, 2.703330e-01, 0 }, { 27, 1.937020e-01, 0 }, { 28, 1.387930e-01, 0 }, { 29, 9.944960e-02, 0 },
        { 30, 7.125860e-02, 0 }, { 31, 5.105890e-02, 0 }, { 32, 3.658530e-02, 0 }, { 33, 2.621440e-02, 0 },
        { 34, 1.878340e-02, 0 }, { 35, 1.345890e-02, 0 }, { 36, 9.643710e-03, 0 }, { 37, 6.910010e-03, 0 },
        { 38, 4.951230e-03, 0 }, { 39, 3.547710e-03, 0 }, { 40, 2.542040e-03, 0 },
    };

    // NEST: testsuite/pytests/synapses/test_hh_cond_exp_traub.py::test_setting_params
    [Fact]
    public void SettingParams()
    {
        var (_, neuron) = Neuron();
        var status = neuron.GetStatus()[0];
        foreach (var (key, value) in ReferenceParams()) Assert.Equal(value, status[key]);
    }

    // NEST: testsuite/pytests/synapses/test_hh_cond_exp_traub.py::test_recoding_device_status
    [Fact]
    public void RecordingDeviceStatus()
    {
        var (nest, neuron) = Neuron();
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 100.0 });
        var sg = nest.Create("spike_generator", 1, new() { ["precise_times"] = false, ["spike_times"] = new[] { 0.1, 1.2 } });
        var sr = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        var vm = nest.Create("voltmeter", 1, new() { ["time_in_steps"] = true, ["interval"] = 0.1 });
        var mm = nest.Create("multimeter", 1, new() { ["time_in_steps"] = true, ["interval"] = 0.1, ["record_from"] = new[] { "g_ex", "g_in" } });
        nest.Connect(sg, neuron);
        nest.Connect(dc, neuron);
        nest.Connect(vm, neuron);
        nest.Connect(mm, neuron);
        nest.Connect(neuron, sr);

        nest.Simulate(5);

        var vmEvents = NestSuiteHelpers.Events(vm);
        AssertAllClose(ReferenceDataVm, (long[])vmEvents["times"], (double[])vmEvents["V_m"]);
        var mmEvents = NestSuiteHelpers.Events(mm);
        AssertAllClose(ReferenceDataMm, (long[])mmEvents["times"], (double[])mmEvents["g_ex"], (double[])mmEvents["g_in"]);
        Assert.Equal([2L], NestSuiteHelpers.Longs(sr, "times"));
    }

    /// <summary>numpy.testing.assert_allclose(actual, desired, rtol=1e-5) of rows (time in steps, values...).</summary>
    private static void AssertAllClose(double[,] desired, long[] times, params double[][] columns)
    {
        Assert.Equal(desired.GetLength(0), times.Length);
        for (int row = 0; row < times.Length; row++)
        {
            for (int c = 0; c < desired.GetLength(1); c++)
            {
                double actual = c == 0 ? times[row] : columns[c - 1][row], expected = desired[row, c];
                Assert.True(Math.Abs(actual - expected) <= 1e-5 * Math.Abs(expected), $"row {row}, column {c}: actual {actual:R}, desired {expected:R}");
            }
        }
    }
}
