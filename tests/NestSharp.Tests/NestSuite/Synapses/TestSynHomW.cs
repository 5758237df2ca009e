using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_syn_hom_w.py: a spike_generator drives an iaf_psc_alpha through
/// static_synapse_hom_w with the common weight 100 pA, and a voltmeter records it through the same model; the membrane
/// potential matches NEST's reference (rtol 1e-6).
/// </summary>
public sealed class TestSynHomW
{
    /// <summary>REFERENCE_DATA: time in steps of 0.1 ms, V_m in mV.</summary>
    private static readonly double[,] ReferenceData =
    {
        { 1, -70 }, { 2, -70 }, { 3, -70 }, { 4, -70 }, { 27, -70 }, { 28, -70 }, { 29, -70 }, { 30, -70 },
        { 31, -6.999740e01 }, { 32, -6.998990e01 }, { 33, -6.997810e01 }, { 34, -6.996240e01 }, { 35, -6.994340e01 },
        { 45, -6.964350e01 }, { 46, -6.960840e01 }, { 47, -6.957320e01 }, { 48, -6.953800e01 }, { 49, -6.950290e01 },
        { 50, -6.946810e01 }, { 51, -6.943360e01 }, { 52, -6.939950e01 }, { 53, -6.936600e01 }, { 54, -6.933300e01 },
        { 55, -6.930080e01 }, { 60, -6.915080e01 },
    };

    // NEST: testsuite/pytests/synapses/test_syn_hom_w.py::test_syn_hom_w
    [Fact]
    public void Test_syn_hom_w()
    {
        // Test static_synapse_hom_w with homogeneous weight and delay.
        const double delay = 1.0; // in ms
        const double dt = 0.1; // resolution in ms

        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = dt, ["local_num_threads"] = 1 });

        var sg = nest.Create("spike_generator");
        sg.Set(new Dictionary<string, object>
        {
            ["precise_times"] = false,
            ["origin"] = 0.0, // in ms
            ["spike_times"] = new[] { 2.0 }, // in ms
            ["start"] = 1.0, // in ms
            ["stop"] = 3.0, // in ms
        });

        var neuron = nest.Create("iaf_psc_alpha");
        var vm = nest.Create("voltmeter", 1, new() { ["time_in_steps"] = false, ["interval"] = dt });
        nest.SetDefaults("static_synapse_hom_w", new() { ["weight"] = 100.0, ["delay"] = delay });

        nest.Connect(sg, neuron, syn: new Dictionary<string, object> { ["synapse_model"] = "static_synapse_hom_w" });
        nest.Connect(vm, neuron, syn: new Dictionary<string, object> { ["synapse_model"] = "static_synapse_hom_w" });

        const double simulationTime = 7.0; // in ms
        nest.Simulate(simulationTime);

        var times = Doubles(vm, "times");
        var voltages = Doubles(vm, "V_m");

        // testutil.get_comparable_timesamples: the rows of the reference (times in ms: steps · 0.1) whose time in tics
        // is also a recorded time; then assert_allclose(rtol=1e-6).
        var recorded = new Dictionary<long, double>();
        for (int i = 0; i < times.Length; i++) recorded[(long)Math.Round(times[i] * 1000)] = voltages[i];
        int compared = 0;
        for (int row = 0; row < ReferenceData.GetLength(0); row++)
        {
            double t = ReferenceData[row, 0] * 0.1;
            if (!recorded.TryGetValue((long)Math.Round(t * 1000), out double actual)) continue;
            double expected = ReferenceData[row, 1];
            Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected), $"t = {t}: {actual:R} vs {expected:R}");
            compared++;
        }
        Assert.True(compared > 0, "no common time samples");
    }
}
