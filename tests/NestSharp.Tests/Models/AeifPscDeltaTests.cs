namespace NestSharp.Tests.Models;

/// <summary>
/// aeif_psc_delta beyond NEST's pytests: the parameter checks of NEST 3.10 (naming the entry NEST checks first), the
/// delta input (a jump of V_m by the weight in the arrival step), input dropped while refractory, refractory_input
/// (kept input discounted to the end of the period, not NEST 3.10's NaN, see the model's summary), and independence
/// of the number of threads.
/// </summary>
public sealed class AeifPscDeltaTests
{
    private const string Model = "aeif_psc_delta";

    public static TheoryData<string, double, string> Refused() => new()
    {
        { "V_peak", -55.0, "V_peak" },       // below V_th
        { "V_reset", 0.0, "V_reset" },       // not below V_peak
        { "Delta_T", -0.1, "Delta_T" },
        { "Delta_T", 0.01, "Delta_T" },      // exp((V_peak - V_th)/Delta_T) would overflow
        { "C_m", 0.0, "C_m" },
        { "t_ref", -0.1, "t_ref" },
        { "tau_w", 0.0, "tau_w" },
        { "gsl_error_tol", 0.0, "gsl_error_tol" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void AValueNestRefuses_IsABadPropertyNamingTheKey_AndChangesNothing(string key, double value, string named)
    {
        var nest = new Simulator();
        var node = nest.Create(Model);
        var before = node.GetStatus()[0];

        var e = Assert.Throws<BadPropertyException>(() => node.Set(key, value));

        Assert.StartsWith($"'{named}'", e.Message);
        Assert.Equal(before[key], node.GetStatus()[0][key]);
    }

    [Fact]
    public void VResetAbovePeak_AndPeakBelowVth_NameVResetFirst_AsNest()
    {
        var bad = new Dictionary<string, object> { ["V_peak"] = -55.0, ["V_reset"] = -50.0 };
        Assert.StartsWith("'V_reset'", Assert.Throws<BadPropertyException>(() => new Simulator().Create(Model, 1, bad)).Message);
    }

    [Fact]
    public void Status_HasNestsKeys()
    {
        var status = new Simulator().Create(Model).GetStatus()[0];
        Assert.False((bool)status["refractory_input"]);
        Assert.Equal(["V_m", "w"], (string[])status["recordables"]);
        foreach (string absent in (string[])["tau_syn_ex", "I_syn_ex", "g_ex"]) Assert.False(status.ContainsKey(absent), absent);
    }

    /// <summary>V_m of two neurons, one of which gets a spike of <paramref name="weight"/> arriving at 3 ms, per step.</summary>
    private static (double[] WithInput, double[] Without) Traces(double weight, Dictionary<string, object> parameters, double simTime = 20.0)
    {
        var nest = new Simulator();
        var a = nest.Create(Model, 1, parameters);
        var b = nest.Create(Model, 1, parameters);
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 2.0 } });
        nest.Connect(sg, a, syn: new Dictionary<string, object> { ["weight"] = weight, ["delay"] = 1.0 });
        var vmA = nest.Create("voltmeter", 1, new() { ["interval"] = 0.1 });
        var vmB = nest.Create("voltmeter", 1, new() { ["interval"] = 0.1 });
        nest.Connect(vmA, a);
        nest.Connect(vmB, b);
        nest.Simulate(simTime);
        return (NestSuite.NestSuiteHelpers.Doubles(vmA, "V_m"), NestSuite.NestSuiteHelpers.Doubles(vmB, "V_m"));
    }

    /// <summary>The weight (mV) is added to V_m in the step the spike arrives in (the sample at 3 ms), then decays.</summary>
    [Fact]
    public void ASpike_MakesVmJumpByItsWeight()
    {
        var (withInput, without) = Traces(5.0, new() { ["a"] = 0.0 });
        int arrival = 29; // the sample at 3.0 ms
        for (int k = 0; k < arrival; k++) Assert.Equal(without[k], withInput[k]);
        Assert.Equal(5.0, withInput[arrival] - without[arrival], 12);
        Assert.InRange(withInput[arrival + 10] - without[arrival + 10], 0.5, 5.0);
    }

    /// <summary>A neuron that starts above threshold (Delta_T = 0: V_th) spikes at once and is refractory for 10 ms: the spike arriving at 3 ms is dropped.</summary>
    [Fact]
    public void InputWhileRefractory_IsDropped()
    {
        var (withInput, without) = Traces(5.0, new() { ["Delta_T"] = 0.0, ["V_m"] = -40.0, ["t_ref"] = 10.0 });
        Assert.Equal(-60.0, withInput[28]);
        Assert.Equal(without, withInput);
    }

    /// <summary>With t_ref = 0 refractory_input changes nothing: there is no refractory period.</summary>
    [Fact]
    public void RefractoryInput_WithoutRefractoryPeriod_ChangesNothing()
    {
        var (plain, _) = Traces(5.0, new() { ["Delta_T"] = 0.0, ["V_m"] = -40.0 });
        var (keeping, _) = Traces(5.0, new() { ["Delta_T"] = 0.0, ["V_m"] = -40.0, ["refractory_input"] = true });
        Assert.Equal(plain, keeping);
    }

    /// <summary>
    /// Input arriving while refractory (at 3 ms, about 21 steps before the period of 5 ms ends) is kept, discounted by
    /// exp(-r h / tau_m) with tau_m = C_m / g_L = 9.37 ms, and added when the period ends: V_m then lies about
    /// 5 · exp(-2.1 / 9.37) = 4.0 mV above the neuron without input (NEST 3.10 gives NaN here, see the model's summary).
    /// </summary>
    [Fact]
    public void RefractoryInput_IsKeptDiscounted_AndAddedWhenThePeriodEnds()
    {
        var (withInput, without) = Traces(5.0, new() { ["Delta_T"] = 0.0, ["V_m"] = -40.0, ["t_ref"] = 5.0, ["refractory_input"] = true });
        Assert.Equal(-60.0, without[40]); // refractory: clamped
        Assert.Equal(-60.0, withInput[40]);
        int first = Array.FindIndex(withInput, v => v != -60.0);
        Assert.Equal(first, Array.FindIndex(without, v => v != -60.0));
        double expected = 5.0 * Math.Exp(-(first - 30) * 0.1 / (281.0 / 30.0));
        Assert.InRange(withInput[first] - without[first], expected * 0.97, expected * 1.03);
        Assert.All(withInput, v => Assert.True(double.IsFinite(v)));
    }

    private static double[] VmAfterNoisyRun(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 11L });
        var neurons = nest.Create(Model, 20, new() { ["I_e"] = 300.0, ["t_ref"] = 1.0 });
        neurons.Set("V_m", nest.Random.Uniform(-72.0, -60.0));
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 20000.0 });
        var inhibition = nest.Create("poisson_generator", 1, new() { ["rate"] = 5000.0 });
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 100.0, ["start"] = 50.0 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = 1.5 });
        nest.Connect(inhibition, neurons, syn: new Dictionary<string, object> { ["weight"] = -3.0 });
        nest.Connect(dc, neurons);
        nest.Connect(neurons, neurons, Rule.FixedIndegree(3), new Dictionary<string, object> { ["weight"] = 2.0, ["delay"] = 1.5 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(neurons, sr);
        nest.Simulate(200.0);
        Assert.True(sr.Get<long>("n_events") > 0);
        return [.. neurons.GetValues<double>("V_m"), .. neurons.GetValues<double>("w"), sr.Get<long>("n_events")];
    }

    [Fact]
    public void OneTwoAndFourThreads_GiveTheSameBits()
    {
        var one = VmAfterNoisyRun(1);
        Assert.Equal(one, VmAfterNoisyRun(2));
        Assert.Equal(one, VmAfterNoisyRun(4));
    }

    /// <summary>
    /// 500 neurons allocate no more over a run of 400 ms than over one of 200 ms: the update steps neurons (spiking, with
    /// spike and current input) without allocating. (What a run allocates before its steps, the constants of each node
    /// the model computes at Prepare, is the same for both.)
    /// </summary>
    [Fact]
    public void Stepping_DoesNotAllocate()
    {
        static long Allocated(double duration)
        {
            const int neuronCount = 500;
            var nest = new Simulator();
            var neurons = nest.Create(Model, neuronCount, new() { ["I_e"] = 700.0, ["t_ref"] = 0.5 });
            var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = Enumerable.Range(1, 990).Select(i => i * 1.0).ToArray() });
            var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 50.0 });
            nest.Connect(sg, neurons, syn: new Dictionary<string, object> { ["weight"] = 1.0 });
            nest.Connect(dc, neurons);
            nest.Simulate(400.0); // warm up: the first run sizes every buffer
            long before = GC.GetAllocatedBytesForCurrentThread();
            nest.Simulate(duration);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        long shorter = Allocated(200.0), longer = Allocated(400.0);
        // 500 neurons x 2000 more steps: one allocation per neuron-step would be at least 24 bytes x 1,000,000 = 24 MB.
        Assert.True(longer - shorter < 64 * 1024, $"200 ms: {shorter} bytes, 400 ms: {longer} bytes");
    }
}
