namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// iaf_psc_alpha gives the same V_m trace whatever min_delay (slice length) is; NEST's voltmeter is a multimeter
/// recording V_m.
/// </summary>
public sealed class IafPscAlphaMindelayTests
{

    private static readonly double[,] ExpectedMindelay =
    {
        { 1.0, -70.0 }, { 2.0, -70.0 }, { 3.0, -66.55725 }, { 4.0, -63.07837 },
        { 5.0, -59.93054 }, { 6.0, -57.08227 }, { 7.0, -70.0 }, { 8.0, -70.0 },
        { 9.0, -69.60199 }, { 10.0, -65.83337 },
    };

    public static TheoryData<double> MinDelays => new() { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 1.0, 2.0 };

    /// <summary>A neuron driven by a dc_generator, sampled every 0.1 ms, all connections with delay 2 ms.</summary>
    private static (Simulator Nest, NodeCollection Voltmeter) Network(double? minDelaySet)
    {
        const double delay = 2.0;
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1 });
        if (minDelaySet is { } minDelay)
        {
            nest.SetKernelStatus(new() { ["min_delay"] = minDelay, ["max_delay"] = delay });
            nest.SetDefaults("static_synapse", new() { ["delay"] = delay });
        }
        var neuron = nest.Create("iaf_psc_alpha");
        var voltmeter = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m" } });
        var spikeRecorder = nest.Create("spike_recorder");
        var dcGenerator = nest.Create("dc_generator", 1, new() { ["amplitude"] = 1000.0 });
        var synSpec = new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = delay };
        nest.Connect(voltmeter, neuron, syn: synSpec);
        nest.Connect(neuron, spikeRecorder, syn: synSpec);
        nest.Connect(dcGenerator, neuron, syn: synSpec);
        return (nest, voltmeter);
    }

    /// <summary>get_comparable_timesamples (times joined in tics, 1000 per ms) and assert_allclose(rtol); the number of rows compared.</summary>
    private static int AssertComparable(NodeCollection voltmeter, double rtol)
    {
        var events = (Dictionary<string, object>)voltmeter.Get("events");
        var times = (double[])events["times"];
        var values = (double[])events["V_m"];
        var recorded = new Dictionary<long, double>();
        for (int i = 0; i < times.Length; i++) recorded[(long)Math.Round(times[i] * 1000)] = values[i];
        int compared = 0;
        for (int row = 0; row < ExpectedMindelay.GetLength(0); row++)
        {
            if (!recorded.TryGetValue((long)Math.Round(ExpectedMindelay[row, 0] * 1000), out double actual)) continue;
            double want = ExpectedMindelay[row, 1];
            Assert.True(Math.Abs(actual - want) <= rtol * Math.Abs(want), $"t = {ExpectedMindelay[row, 0]}: {actual} vs {want}");
            compared++;
        }
        Assert.True(compared > 0, "no common time samples");
        return compared;
    }

    // NEST: neurons/test_iaf_psc_alpha_mindelay.py::test_iaf_psc_alpha_mindelay_create
    [Theory]
    [MemberData(nameof(MinDelays))]
    public void MindelayCreate(double minDelay)
    {
        var (nest, voltmeter) = Network(null);
        // Force min_delay by connecting two throwaway neurons
        var throwaway = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(throwaway[0], throwaway[1], syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = minDelay });

        nest.Simulate(10.5);

        AssertComparable(voltmeter, 1e-7);
    }

    // NEST: neurons/test_iaf_psc_alpha_mindelay.py::test_iaf_psc_alpha_mindelay_set
    [Theory]
    [MemberData(nameof(MinDelays))]
    public void MindelaySet(double minDelay)
    {
        var (nest, voltmeter) = Network(minDelay);

        nest.Simulate(10.5);

        AssertComparable(voltmeter, 1e-7);
    }

    // NEST: neurons/test_iaf_psc_alpha_mindelay.py::test_iaf_psc_alpha_mindelay_simblocks
    [Theory]
    [MemberData(nameof(MinDelays))]
    public void MindelaySimblocks(double minDelay)
    {
        var (nest, voltmeter) = Network(minDelay);

        for (int i = 0; i < 21; i++) nest.Simulate(0.5);

        Assert.Equal(ExpectedMindelay.GetLength(0), AssertComparable(voltmeter, 1e-7));
    }

    // NEST: neurons/test_iaf_psc_alpha_mindelay.py::test_kernel_precision
    [Fact]
    public void KernelPrecision()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["tics_per_ms"] = (double)(1 << 14), ["resolution"] = 1.0 });
        double msPerTic = (double)nest.GetKernelStatus("ms_per_tic");
        // math.frexp(ms_per_tic) == (0.5, -13): ms_per_tic is exactly 2**-14
        Assert.Equal(Math.ScaleB(0.5, -13), msPerTic);
    }
}
