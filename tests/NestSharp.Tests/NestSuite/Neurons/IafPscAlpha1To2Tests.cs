namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>Two iaf_psc_alpha neurons: the first spikes on the grid, the second follows the analytic alpha PSP.</summary>
public sealed class IafPscAlpha1To2Tests
{
    /// <summary>The PSP of a weight-<paramref name="weight"/> alpha current onto a resting neuron, <paramref name="t"/> ms after arrival.</summary>
    private static double VmTheory(double t, double tauM, double tauSyn, double cM, double eL, double weight)
    {
        double prefactor = weight * Math.E / (tauSyn * cM);
        double term1 = (Math.Exp(-t / tauM) - Math.Exp(-t / tauSyn)) / Math.Pow(1 / tauSyn - 1 / tauM, 2);
        double term2 = t * Math.Exp(-t / tauSyn) / (1 / tauSyn - 1 / tauM);
        return eL + prefactor * (term1 - term2);
    }

    // NEST: neurons/test_iaf_psc_alpha_1to2.py::test_1to2 (min_delay 1.0: the only connection's delay gives it)
    // NEST's voltmeter is a multimeter recording V_m.
    [Theory]
    [InlineData(0.1, 1.0)]
    [InlineData(0.2, 1.0)]
    [InlineData(0.5, 1.0)]
    [InlineData(1.0, 1.0)]
    public void OneToTwo(double resolution, double minDelay) => Run(resolution, minDelay);

    // NEST: neurons/test_iaf_psc_alpha_1to2.py::test_1to2 (min_delay below the connection's delay)
    [Theory]
    [InlineData(0.1, 0.1)]
    [InlineData(0.1, 0.2)]
    [InlineData(0.1, 0.5)]
    public void OneToTwo_WithSmallerMinDelay(double resolution, double minDelay) => Run(resolution, minDelay);

    private static void Run(double resolution, double minDelay)
    {
        var nest = new Simulator();
        var settings = new Dictionary<string, object> { ["resolution"] = resolution };
        if (minDelay != 1.0)
        {
            settings["min_delay"] = minDelay;
            settings["max_delay"] = 1.0;
        }
        nest.SetKernelStatus(settings);
        const double iExt = 1450;
        const double timeToThreshold = 3;
        const double delay = 1;
        const double weight = 100;
        var n = nest.Create("iaf_psc_alpha", 2);
        var (n1, n2) = (n[0], n[1]);
        n1.Set("I_e", iExt);
        var sr = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        nest.Connect(n1, sr);
        var vm = nest.Create("multimeter", 1, new() { ["interval"] = resolution, ["time_in_steps"] = true, ["record_from"] = new[] { "V_m" } });
        nest.Connect(vm, n2);
        nest.Connect(n1, n2, syn: new Dictionary<string, object> { ["weight"] = weight, ["delay"] = delay });
        double[] tExpected = [timeToThreshold, 2 * timeToThreshold + n1.Get<double>("t_ref")];

        nest.Simulate(tExpected[1]);

        var spikes = (long[])((Dictionary<string, object>)sr.Get("events"))["times"];
        Assert.Equal(tExpected.Select(t => (long)Math.Round(t / resolution)), spikes);

        var events = (Dictionary<string, object>)vm.Get("events");
        var times = (long[])events["times"];
        var vM = (double[])events["V_m"];
        double tArrive = tExpected[0] + delay;
        long tArriveSteps = (long)Math.Round(tArrive / resolution);
        double eL = n2.Get<double>("E_L");
        for (int i = 0; i < times.Length; i++)
            if (times[i] <= tArriveSteps) Assert.Equal(eL, vM[i]);
        double tauM = n2.Get<double>("tau_m"), tauSyn = n2.Get<double>("tau_syn_ex"), cM = n2.Get<double>("C_m");
        int compared = 0;
        for (int i = 0; i < times.Length; i++)
        {
            if (times[i] < tArriveSteps) continue;
            double expected = VmTheory(times[i] * resolution - tArrive, tauM, tauSyn, cM, eL, weight);
            Assert.True(Math.Abs(vM[i] - expected) <= 1e-12 * Math.Abs(expected), $"step {times[i]}: {vM[i]} vs {expected}");
            compared++;
        }
        Assert.True(compared > 0);
    }
}
