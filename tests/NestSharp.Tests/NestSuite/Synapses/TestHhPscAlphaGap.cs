namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_hh_psc_alpha_gap.py: two hh_psc_alpha_gap neurons joined by a gap junction
/// of weight 20, one driven by I_e = 200 pA; the other's V_m against NEST's values (rel 1e-4).
/// </summary>
public sealed class TestHhPscAlphaGap
{
    /// <summary>The fixture reference_data: (step, V_m).</summary>
    internal static readonly (long Step, double Vm)[] ReferenceData =
    [
        (1, -69.592), (2, -69.559), (3, -69.507), (4, -69.439), (5, -69.357), (6, -69.264), (7, -69.162), (8, -69.051),
        (9, -68.933), (10, -68.809), (11, -68.681), (12, -68.548), (13, -68.413), (14, -68.276), (15, -68.136),
        (117, -33.771), (118, -24.103), (119, 8.7117), (120, 62.019), (121, 39.042), (122, 27.485), (123, 18.856),
        (124, 11.201), (125, 3.6210), (126, -4.6956), (127, -15.006), (128, -29.464), (129, -49.786), (130, -71.323),
        (131, -83.787), (190, -71.023), (191, -70.833), (192, -70.647), (193, -70.466), (194, -70.289), (195, -70.116),
        (196, -69.948), (197, -69.783), (198, -69.622), (199, -69.464),
    ];

    /// <summary>The fixtures prepare and prepare_voltmeter: the network simulated for 20 ms, its voltmeter.</summary>
    private static NodeCollection PrepareVoltmeter()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new()
        {
            ["local_num_threads"] = 1, ["resolution"] = 0.1, ["use_wfr"] = true, ["wfr_tol"] = 0.0001,
            ["wfr_interpolation_order"] = 3, ["wfr_max_iterations"] = 10, ["wfr_comm_interval"] = 1.0,
        });
        var neurons = nest.Create("hh_psc_alpha_gap", 2);
        neurons[0].Set("I_e", 200.0);
        var vm = nest.Create("voltmeter");
        vm.Set(new Dictionary<string, object> { ["time_in_steps"] = true, ["interval"] = 0.1 });
        nest.Connect(neurons[0], neurons[1], new Dictionary<string, object> { ["rule"] = "one_to_one", ["make_symmetric"] = true },
            new Dictionary<string, object> { ["synapse_model"] = "gap_junction", ["weight"] = 20.0 });
        nest.Connect(vm, neurons[1], syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 0.1 });
        nest.Simulate(20);
        return vm;
    }

    /// <summary>pytest.approx(reference, rel=1e-4) of the recorded V_m at the reference steps.</summary>
    internal static void AssertMatchesReference(long[] times, double[] vm)
    {
        var recorded = new Dictionary<long, double>();
        for (int i = 0; i < times.Length; i++) recorded[times[i]] = vm[i];
        foreach (var (step, expected) in ReferenceData)
        {
            double actual = recorded[step];
            Assert.True(Math.Abs(actual - expected) <= Math.Max(1e-4 * Math.Abs(expected), 1e-12), $"step {step}: V_m {actual}, NEST {expected}");
        }
    }

    // NEST: testsuite/pytests/synapses/test_hh_psc_alpha_gap.py::test_hh_cond_beta_gap
    [Fact]
    public void Test_hh_cond_beta_gap()
    {
        var vm = PrepareVoltmeter();
        AssertMatchesReference(NestSuiteHelpers.Longs(vm, "times"), NestSuiteHelpers.Doubles(vm, "V_m"));
    }
}
