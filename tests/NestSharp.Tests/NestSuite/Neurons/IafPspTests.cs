namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>The PSP of iaf_psc_alpha is the same trace at every computation step size; NEST's voltmeter is a multimeter recording V_m.</summary>
public sealed class IafPspTests
{
    /// <summary>NEST's reference trace: time in steps of 0.1 ms, V_m.</summary>
    private static readonly double[,] ReferenceData =
    {
        { 1.0, -70.0 }, { 2.0, -70.0 }, { 3.0, -70.0 }, { 4.0, -70.0 },
        { 5.0, -70.0 }, { 6.0, -70.0 }, { 7.0, -70.0 }, { 8.0, -70.0 },
        { 9.0, -70.0 }, { 10.0, -70.0 }, { 11.0, -70.0 }, { 12.0, -70.0 },
        { 13.0, -70.0 }, { 14.0, -70.0 }, { 15.0, -70.0 }, { 16.0, -70.0 },
        { 17.0, -70.0 }, { 18.0, -70.0 }, { 19.0, -70.0 }, { 20.0, -70.0 },
        { 21.0, -70.0 }, { 22.0, -70.0 }, { 23.0, -70.0 }, { 24.0, -70.0 },
        { 25.0, -70.0 }, { 26.0, -70.0 }, { 27.0, -70.0 }, { 28.0, -70.0 },
        { 29.0, -70.0 }, { 30.0, -70.0 }, { 31.0, -69.9974 }, { 32.0, -69.9899 },
        { 33.0, -69.9781 }, { 34.0, -69.9624 }, { 35.0, -69.9434 }, { 36.0, -69.9213 },
        { 37.0, -69.8967 }, { 38.0, -69.8699 }, { 39.0, -69.8411 }, { 40.0, -69.8108 },
        { 41.0, -69.779 }, { 42.0, -69.7463 }, { 43.0, -69.7126 }, { 44.0, -69.6783 },
        { 45.0, -69.6435 }, { 46.0, -69.6084 }, { 47.0, -69.5732 }, { 48.0, -69.538 },
        { 49.0, -69.5029 }, { 50.0, -69.4681 }, { 51.0, -69.4336 }, { 52.0, -69.3995 },
        { 53.0, -69.366 }, { 54.0, -69.333 }, { 55.0, -69.3008 }, { 56.0, -69.2692 },
        { 57.0, -69.2383 },
    };

    // NEST: neurons/test_iaf_psp.py::test_iaf_psp_aligned_impact
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void IafPspAlignedImpact(double h)
    {
        const double delay = 1.0;
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = 1, ["resolution"] = h });
        var sg = nest.Create("spike_generator");
        sg.Set(new Dictionary<string, object>
        {
            ["precise_times"] = false, ["origin"] = 0.0, ["spike_times"] = new[] { 2.0 }, ["start"] = 1.0, ["stop"] = 3.0,
        });
        var neuron = nest.Create("iaf_psc_alpha");
        var vm = nest.Create("multimeter", 1, new() { ["time_in_steps"] = false, ["interval"] = h, ["record_from"] = new[] { "V_m" } });
        nest.Connect(sg, neuron, syn: new Dictionary<string, object> { ["weight"] = 100.0, ["delay"] = delay });
        nest.Connect(vm, neuron);

        nest.Simulate(7.0);

        var events = (Dictionary<string, object>)vm.Get("events");
        var times = (double[])events["times"];
        var voltages = (double[])events["V_m"];
        // get_comparable_timesamples: join on tics (1000 per ms); the reference times are steps of 0.1 ms
        var recorded = new Dictionary<long, double>();
        for (int i = 0; i < times.Length; i++) recorded[(long)Math.Round(times[i] * 1000)] = voltages[i];
        int compared = 0;
        for (int row = 0; row < ReferenceData.GetLength(0); row++)
        {
            double t = ReferenceData[row, 0] * 0.1;
            if (!recorded.TryGetValue((long)Math.Round(t * 1000), out double actual)) continue;
            double want = ReferenceData[row, 1];
            Assert.True(Math.Abs(actual - want) <= 1e-6 * Math.Abs(want), $"t = {t}: {actual} vs {want}");
            compared++;
        }
        Assert.True(compared > 0, $"no matching time points found for resolution h={h}");
    }
}
