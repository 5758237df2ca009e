namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_hh_cond_beta_gap_traub.py: two hh_cond_beta_gap_traub neurons joined by a
/// gap junction of weight 20, one driven by I_e = 200 pA; the other's V_m against NEST's values (rel 1e-5).
/// </summary>
public sealed class TestHhCondBetaGapTraub
{
    /// <summary>The fixture reference_data: (step, V_m).</summary>
    internal static readonly (long Step, double Vm)[] ReferenceData =
    [
        (1, -60.0), (2, -5.999800e01), (3, -5.999600e01), (4, -5.999200e01), (5, -5.998800e01), (6, -5.998300e01),
        (7, -5.997700e01), (8, -5.997000e01), (9, -5.996300e01), (10, -5.995500e01), (11, -5.994600e01),
        (12, -5.993600e01), (13, -5.992600e01), (14, -5.991400e01), (15, -5.990300e01),
        (117, -5.746100e01), (118, -5.743600e01), (119, -5.741100e01), (120, -5.738600e01), (121, -5.736100e01),
        (122, -5.733600e01), (123, -5.731100e01), (124, -5.728600e01), (125, -5.726100e01), (126, -5.723700e01),
        (127, -5.721200e01), (128, -5.718800e01), (129, -5.716300e01), (130, -5.713900e01), (131, -5.711500e01),
        (190, -5.583700e01), (191, -5.581800e01), (192, -5.579900e01), (193, -5.578000e01), (194, -5.576100e01),
        (195, -5.574200e01), (196, -5.572400e01), (197, -5.570500e01), (198, -5.568600e01), (199, -5.566800e01),
    ];

    /// <summary>The fixtures prepare and prepare_voltmeter: the network simulated for 20 ms, its voltmeter.</summary>
    internal static NodeCollection PrepareVoltmeter(int threads = 1)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new()
        {
            ["local_num_threads"] = threads, ["resolution"] = 0.1, ["use_wfr"] = true, ["wfr_tol"] = 0.0001,
            ["wfr_interpolation_order"] = 3, ["wfr_max_iterations"] = 10, ["wfr_comm_interval"] = 1.0,
        });
        var neurons = nest.Create("hh_cond_beta_gap_traub", 2);
        neurons[0].Set("I_e", 200.0);
        var vm = nest.Create("voltmeter");
        vm.Set(new Dictionary<string, object> { ["time_in_steps"] = true, ["interval"] = 0.1 });
        nest.Connect(neurons[0], neurons[1], new Dictionary<string, object> { ["rule"] = "one_to_one", ["make_symmetric"] = true },
            new Dictionary<string, object> { ["synapse_model"] = "gap_junction", ["weight"] = 20.0 });
        nest.Connect(vm, neurons[1], syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 0.1 });
        nest.Simulate(20);
        return vm;
    }

    /// <summary>pytest.approx(reference, rel=1e-5) of the recorded V_m at the reference steps.</summary>
    internal static void AssertMatchesReference(long[] times, double[] vm)
    {
        var recorded = new Dictionary<long, double>();
        for (int i = 0; i < times.Length; i++) recorded[times[i]] = vm[i];
        foreach (var (step, expected) in ReferenceData)
        {
            double actual = recorded[step];
            Assert.True(Math.Abs(actual - expected) <= Math.Max(1e-5 * Math.Abs(expected), 1e-12), $"step {step}: V_m {actual}, NEST {expected}");
        }
    }

    // NEST: testsuite/pytests/synapses/test_hh_cond_beta_gap_traub.py::test_hh_cond_beta_gap_traub
    [Fact]
    public void Test_hh_cond_beta_gap_traub()
    {
        var vm = PrepareVoltmeter();
        AssertMatchesReference(NestSuiteHelpers.Longs(vm, "times"), NestSuiteHelpers.Doubles(vm, "V_m"));
    }
}
