namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/neurons/test_iaf_ps_dc_accuracy.py</c>: the precise neurons driven by
/// I_e reach the analytical V_m (1e-13 after 5 ms, 1e-9 after 500 ms) and fire at the analytical time (1e-13), for
/// resolutions 2^0 .. 2^-13 ms (tics_per_ms 2^14).
/// </summary>
public sealed class IafPsDcAccuracyTests
{
    /// <summary>The models of NEST's parametrisation that NestSharp has.</summary>
    internal static readonly string[] PreciseModels = ["iaf_psc_alpha_ps", "iaf_psc_delta_ps", "iaf_psc_exp_ps", "iaf_psc_exp_ps_lossless"];

    internal static IEnumerable<string> AvailablePreciseModels() => PreciseModels.Where(m => NestSharp.Kernel.Catalog.NodeModels.ContainsKey(m));

    /// <summary>Rows (model, resolution exponent, duration, tolerance); the long runs at fine resolutions are the slow ones.</summary>
    private static TheoryData<string, int, double, double> Rows(bool slow)
    {
        var rows = new TheoryData<string, int, double, double>();
        foreach (string model in AvailablePreciseModels())
        {
            for (int exponent = 0; exponent > -14; exponent--)
            {
                foreach (var (duration, tolerance) in new[] { (5.0, 1e-13), (500.0, 1e-9) })
                {
                    bool isSlow = duration > 100 && exponent < -6;
                    if (isSlow == slow) rows.Add(model, exponent, duration, tolerance);
                }
            }
        }
        return rows;
    }

    public static TheoryData<string, int, double, double> FastRows() => Rows(slow: false);

    public static TheoryData<string, int, double, double> SlowRows() => Rows(slow: true);

    public static TheoryData<string, int> TimeRows()
    {
        var rows = new TheoryData<string, int>();
        foreach (string model in AvailablePreciseModels())
            for (int exponent = 0; exponent > -14; exponent--) rows.Add(model, exponent);
        return rows;
    }

    private static Simulator Kernel(int exponent)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["tics_per_ms"] = Math.Pow(2, 14), ["resolution"] = Math.Pow(2, exponent) });
        return nest;
    }

    private static void DcAccuracy(string model, int exponent, double duration, double tolerance)
    {
        var nest = Kernel(exponent);
        var parameters = new Dictionary<string, object>
        {
            ["E_L"] = 0.0, ["V_m"] = 0.0, ["V_th"] = 2000.0, ["I_e"] = 1000.0, ["tau_m"] = 10.0, ["C_m"] = 250.0,
        };
        var neuron = nest.Create(model, 1, parameters);
        nest.Simulate(duration);

        double expectedVm = 1000.0 * 10.0 / 250.0 * (1.0 - Math.Exp(-duration / 10.0));
        double vm = neuron.Get<double>("V_m");
        Assert.True(Math.Abs(vm - expectedVm) <= tolerance, $"V_m {vm:R}, expected {expectedVm:R}");
    }

    // NEST: neurons/test_iaf_ps_dc_accuracy.py::test_iaf_ps_dc_accuracy
    [Theory]
    [MemberData(nameof(FastRows))]
    public void IafPsDcAccuracy(string model, int resolutionExponent, double duration, double tolerance) =>
        DcAccuracy(model, resolutionExponent, duration, tolerance);

    // NEST: neurons/test_iaf_ps_dc_accuracy.py::test_iaf_ps_dc_accuracy (500 ms at resolutions 2^-7 .. 2^-13: up to 4 million steps)
    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(SlowRows))]
    public void IafPsDcAccuracy_LongRuns(string model, int resolutionExponent, double duration, double tolerance) =>
        DcAccuracy(model, resolutionExponent, duration, tolerance);

    // NEST: neurons/test_iaf_ps_dc_accuracy.py::test_iaf_ps_dc_t_accuracy
    [Theory]
    [MemberData(nameof(TimeRows))]
    public void IafPsDcTAccuracy(string model, int resolutionExponent)
    {
        var nest = Kernel(resolutionExponent);
        var parameters = new Dictionary<string, object>
        {
            ["E_L"] = 0.0, ["V_m"] = 0.0, ["V_th"] = 15.0, ["I_e"] = 1000.0, ["tau_m"] = 10.0, ["C_m"] = 250.0,
        };
        var neuron = nest.Create(model, 1, parameters);
        var spikeRecorder = nest.Create("spike_recorder");
        nest.Connect(neuron, spikeRecorder);
        nest.Simulate(5.0);

        double[] spikeTimes = NestSuiteHelpers.Doubles(spikeRecorder, "times");
        Assert.True(spikeTimes.Length == 1, "Neuron did not spike exactly once.");
        double expectedT = -10.0 * Math.Log(1.0 - 250.0 * 15.0 / (10.0 * 1000.0));
        Assert.True(Math.Abs(spikeTimes[0] - expectedT) <= 1e-13, $"t_spike {spikeTimes[0]:R}, expected {expectedT:R}");
    }
}
