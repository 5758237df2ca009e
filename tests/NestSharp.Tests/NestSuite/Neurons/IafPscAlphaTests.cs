namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// iaf_psc_alpha against NEST's SLI reference traces: DC input from a generator, an internal DC current from the start,
/// and recovery from refractoriness aligned across resolutions. NEST's voltmeter is a multimeter recording V_m.
/// </summary>
public sealed class IafPscAlphaTests
{
    private static readonly double[,] BasicExpected =
    {
        { 0.1, -70.0 }, { 0.2, -70.0 }, { 0.3, -69.602 }, { 0.4, -69.2079 },
        { 0.5, -68.8178 }, { 0.6, -68.4316 }, { 0.7, -68.0492 }, { 0.8, -67.6706 },
        { 0.9, -67.2958 }, { 1.0, -66.9247 }, { 4.5, -56.0204 }, { 4.6, -55.7615 },
        { 4.7, -55.5051 }, { 4.8, -55.2513 }, { 4.9, -55.0001 }, { 5.0, -70.0 },
        { 5.1, -70.0 }, { 5.2, -70.0 }, { 5.3, -70.0 }, { 5.4, -70.0 },
        { 5.5, -70.0 }, { 5.6, -70.0 }, { 5.7, -70.0 }, { 5.8, -70.0 },
        { 5.9, -70.0 }, { 6.0, -70.0 }, { 6.1, -70.0 }, { 6.2, -70.0 },
        { 6.3, -70.0 }, { 6.4, -70.0 }, { 6.5, -70.0 }, { 6.6, -70.0 },
        { 6.7, -70.0 }, { 6.8, -70.0 }, { 6.9, -70.0 }, { 7.0, -70.0 },
        { 7.1, -69.602 }, { 7.2, -69.2079 }, { 7.3, -68.8178 }, { 7.4, -68.4316 },
        { 7.5, -68.0492 }, { 7.6, -67.6706 }, { 7.7, -67.2958 }, { 7.8, -66.9247 },
        { 7.9, -66.5572 },
    };

    private static readonly double[,] I0Expected =
    {
        { 0.1, -69.602 }, { 0.2, -69.2079 }, { 0.3, -68.8178 }, { 0.4, -68.4316 },
        { 0.5, -68.0492 }, { 4.3, -56.0204 }, { 4.4, -55.7615 }, { 4.5, -55.5051 },
        { 4.6, -55.2513 }, { 4.7, -55.0001 }, { 4.8, -70.0 }, { 4.9, -70.0 },
        { 5.0, -70.0 },
    };

    private static readonly double[,] I0RefractoryExpected =
    {
        { 0.1, -69.4229 }, { 0.2, -68.8515 }, { 0.3, -68.2858 }, { 0.4, -67.7258 },
        { 0.5, -67.1713 }, { 0.6, -66.6223 }, { 0.7, -66.0788 }, { 0.8, -65.5407 },
        { 0.9, -65.008 }, { 1.0, -64.4806 }, { 1.1, -63.9584 }, { 1.2, -63.4414 },
        { 1.3, -62.9295 }, { 1.4, -62.4228 }, { 1.5, -61.9211 }, { 1.6, -61.4243 },
        { 1.7, -60.9326 }, { 1.8, -60.4457 }, { 1.9, -59.9636 }, { 2.0, -59.4864 },
        { 2.1, -59.0139 }, { 2.2, -58.5461 }, { 2.3, -58.0829 }, { 2.4, -57.6244 },
        { 2.5, -57.1704 }, { 2.6, -56.721 }, { 2.7, -56.276 }, { 2.8, -55.8355 },
        { 2.9, -55.3993 }, { 3.0, -70.0 }, { 3.1, -70.0 }, { 3.2, -70.0 },
        { 3.3, -70.0 }, { 3.4, -70.0 }, { 3.5, -70.0 }, { 3.6, -70.0 },
        { 3.7, -70.0 }, { 3.8, -70.0 }, { 3.9, -70.0 }, { 4.0, -70.0 },
        { 4.1, -70.0 }, { 4.2, -70.0 }, { 4.3, -70.0 }, { 4.4, -70.0 },
        { 4.5, -70.0 }, { 4.6, -70.0 }, { 4.7, -70.0 }, { 4.8, -70.0 },
        { 4.9, -70.0 }, { 5.0, -70.0 }, { 5.1, -69.4229 }, { 5.2, -68.8515 },
        { 5.3, -68.2858 }, { 5.4, -67.7258 }, { 5.5, -67.1713 }, { 5.6, -66.6223 },
        { 5.7, -66.0788 }, { 5.8, -65.5407 }, { 5.9, -65.008 }, { 6.0, -64.4806 },
        { 6.1, -63.9584 }, { 6.2, -63.4414 }, { 6.3, -62.9295 }, { 6.4, -62.4228 },
        { 6.5, -61.9211 }, { 6.6, -61.4243 }, { 6.7, -60.9326 }, { 6.8, -60.4457 },
        { 6.9, -59.9636 },
    };

    /// <summary>
    /// testutil.get_comparable_timesamples then assert_allclose(rtol): the rows of <paramref name="expected"/> whose
    /// time (in tics, 1000 per ms) is also a recorded time, compared with the recorded value.
    /// </summary>
    private static void AssertComparableTimesamples(double[] times, double[] values, double[,] expected, double rtol)
    {
        var recorded = new Dictionary<long, double>();
        for (int i = 0; i < times.Length; i++) recorded[(long)Math.Round(times[i] * 1000)] = values[i];
        int compared = 0;
        for (int row = 0; row < expected.GetLength(0); row++)
        {
            if (!recorded.TryGetValue((long)Math.Round(expected[row, 0] * 1000), out double actual)) continue;
            double want = expected[row, 1];
            Assert.True(Math.Abs(actual - want) <= rtol * Math.Abs(want), $"t = {expected[row, 0]}: {actual} vs {want}");
            compared++;
        }
        Assert.True(compared > 0, "no common time samples");
    }

    private static (double[] Times, double[] Vm) Trace(NodeCollection voltmeter)
    {
        var events = (Dictionary<string, object>)voltmeter.Get("events");
        return ((double[])events["times"], (double[])events["V_m"]);
    }

    private static NodeCollection Voltmeter(Simulator nest, double interval) =>
        nest.Create("multimeter", 1, new() { ["interval"] = interval, ["record_from"] = new[] { "V_m" } });

    // NEST: neurons/test_iaf_psc_alpha.py::test_iaf_psc_alpha_basic
    [Fact]
    public void IafPscAlphaBasic()
    {
        const double duration = 8.0, resolution = 0.1, delay = 1.0;
        var nest = new Simulator();
        var neuron = nest.Create("iaf_psc_alpha");
        var voltmeter = Voltmeter(nest, resolution);
        var dcGenerator = nest.Create("dc_generator");
        dcGenerator.Set("amplitude", 1000.0);
        nest.Connect(voltmeter, neuron, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = delay });
        nest.Connect(dcGenerator, neuron, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = resolution });

        nest.Simulate(duration);

        var (times, vm) = Trace(voltmeter);
        AssertComparableTimesamples(times, vm, BasicExpected, 1e-6);
    }

    // NEST: neurons/test_iaf_psc_alpha.py::test_iaf_psc_alpha_i0
    [Fact]
    public void IafPscAlphaI0()
    {
        const double resolution = 0.1, delay = resolution, duration = 8.0;
        var nest = new Simulator();
        var neuron = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 1000.0 });
        var voltmeter = Voltmeter(nest, resolution);
        var spikeRecorder = nest.Create("spike_recorder");
        nest.Connect(voltmeter, neuron, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = delay });
        nest.Connect(neuron, spikeRecorder, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = delay });

        nest.Simulate(duration);

        var (times, vm) = Trace(voltmeter);
        AssertComparableTimesamples(times, vm, I0Expected, 1e-6);
        var spikes = (Dictionary<string, object>)spikeRecorder.Get("events");
        var senders = (long[])spikes["senders"];
        var spikeTimes = (double[])spikes["times"];
        Assert.Equal([1L], senders);
        Assert.Equal(4.8, Assert.Single(spikeTimes), 1e-6 * 4.8);
    }

    // NEST: neurons/test_iaf_psc_alpha.py::test_iaf_psc_alpha_i0_refractory
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void IafPscAlphaI0Refractory(double resolution)
    {
        double delay = resolution;
        const double duration = 8.0;
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = resolution });
        var neuron = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 1450.0 });
        var voltmeter = Voltmeter(nest, resolution);
        var spikeRecorder = nest.Create("spike_recorder");
        nest.Connect(voltmeter, neuron, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = delay });
        nest.Connect(neuron, spikeRecorder, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = delay });

        nest.Simulate(duration);

        var (times, vm) = Trace(voltmeter);
        AssertComparableTimesamples(times, vm, I0RefractoryExpected, 1e-6);
    }
}
