namespace NestSharp.Tests.Models;

/// <summary>
/// aeif_cond_exp, aeif_cond_alpha, aeif_psc_exp and aeif_psc_alpha beyond NEST's reference traces: the parameter and
/// state checks of NEST 3.10 (each refused value checked against a NEST 3.10 build), the integrate-and-fire limit
/// Delta_T = 0 (threshold V_th), independence of the number of threads, and stepping without allocation.
/// </summary>
public sealed class AeifModelsTests
{
    private static readonly string[] Models = ["aeif_cond_exp", "aeif_cond_alpha", "aeif_psc_exp", "aeif_psc_alpha"];

    public static TheoryData<string> AllModels()
    {
        var rows = new TheoryData<string>();
        foreach (string model in Models) rows.Add(model);
        return rows;
    }

    /// <summary>Values NEST 3.10 refuses with BadProperty, and the key NestSharp names.</summary>
    public static TheoryData<string, string, double, string> Refused()
    {
        var rows = new TheoryData<string, string, double, string>();
        foreach (string model in Models)
        {
            rows.Add(model, "V_peak", -55.0, "V_peak");          // below V_th
            rows.Add(model, "V_reset", 0.0, "V_reset");          // not below V_peak
            rows.Add(model, "Delta_T", -0.1, "Delta_T");
            rows.Add(model, "Delta_T", 0.01, "Delta_T");         // exp((V_peak - V_th)/Delta_T) would overflow
            rows.Add(model, "C_m", 0.0, "C_m");
            rows.Add(model, "t_ref", -0.1, "t_ref");
            rows.Add(model, "tau_w", 0.0, "tau_w");
            rows.Add(model, "tau_syn_ex", 0.0, "tau_syn_ex");
            rows.Add(model, "tau_syn_in", 0.0, "tau_syn_in");
            rows.Add(model, "gsl_error_tol", 0.0, "gsl_error_tol");
        }
        rows.Add("aeif_cond_exp", "g_ex", -1.0, "g_ex");
        rows.Add("aeif_cond_alpha", "g_in", -1.0, "g_in");
        rows.Add("aeif_psc_exp", "I_syn_in", -1.0, "I_syn_in");
        rows.Add("aeif_psc_alpha", "I_syn_ex", -1.0, "I_syn_ex");
        return rows;
    }

    /// <summary>Values NEST 3.10 accepts.</summary>
    public static TheoryData<string, string, double> Accepted() => new()
    {
        { "aeif_cond_exp", "Delta_T", 0.0 },
        { "aeif_cond_exp", "V_peak", -50.4 },
        { "aeif_cond_alpha", "dg_ex", -1.0 },
        { "aeif_psc_alpha", "dI_syn_in", -1.0 },
        { "aeif_psc_alpha", "g_L", -1.0 },
        { "aeif_psc_exp", "t_ref", 0.0 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void AValueNestRefuses_IsABadPropertyNamingTheKey_AndChangesNothing(string model, string key, double value, string named)
    {
        var nest = new Simulator();
        var node = nest.Create(model);
        var before = node.GetStatus()[0];

        var e = Assert.Throws<BadPropertyException>(() => node.Set(key, value));

        Assert.StartsWith($"'{named}'", e.Message);
        Assert.Equal(before[key], node.GetStatus()[0][key]);
        Assert.Throws<BadPropertyException>(() => nest.Create(model, 1, new() { [key] = value }));
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void AValueNestAccepts_IsAccepted(string model, string key, double value)
    {
        var nest = new Simulator();
        var node = nest.Create(model, 1, new() { [key] = value });
        Assert.Equal(value, node.Get<double>(key));
    }

    [Fact]
    public void VPeakBelowVth_AndVResetAbovePeak_NameTheEntryNestChecksFirst()
    {
        // aeif_cond_exp checks V_peak >= V_th first, the other three V_reset < V_peak first.
        var bad = new Dictionary<string, object> { ["V_peak"] = -55.0, ["V_reset"] = -50.0 };
        var nest = new Simulator();
        Assert.StartsWith("'V_peak'", Assert.Throws<BadPropertyException>(() => nest.Create("aeif_cond_exp", 1, bad)).Message);
        Assert.StartsWith("'V_reset'", Assert.Throws<BadPropertyException>(() => nest.Create("aeif_psc_alpha", 1, bad)).Message);
    }

    /// <summary>With Delta_T = 0 (and a = b = 0) the neuron fires at V_th as an integrate-and-fire neuron; spike times of NEST 3.10.</summary>
    [Fact]
    public void DeltaTZero_FiresAtVth_AsNest()
    {
        var nest = new Simulator();
        var n = nest.Create("aeif_cond_exp", 1, new() { ["Delta_T"] = 0.0, ["I_e"] = 1000.0, ["a"] = 0.0, ["b"] = 0.0 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(n, sr);
        nest.Simulate(100.0);
        var times = (double[])((Dictionary<string, object>)sr.Get("events"))["times"];
        Assert.Equal([8.8, 14.0, 19.2, 24.4, 29.6], times.Take(5).Select(t => Math.Round(t, 6)));
    }

    private static double[] VmAfterNoisyRun(string model, int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 7L });
        bool conductance = model.Contains("cond");
        var neurons = nest.Create(model, 10, new() { ["I_e"] = 300.0, ["t_ref"] = 1.0 });
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 20000.0 });
        var inhibition = nest.Create("poisson_generator", 1, new() { ["rate"] = 5000.0 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = conductance ? 2.0 : 50.0 });
        nest.Connect(inhibition, neurons, syn: new Dictionary<string, object> { ["weight"] = conductance ? -4.0 : -100.0 });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(3), new Dictionary<string, object> { ["weight"] = conductance ? 1.0 : 20.0, ["delay"] = 1.5 });
        nest.Simulate(200.0);
        return neurons.GetValues<double>("V_m").Concat(neurons.GetValues<double>("w")).ToArray();
    }

    [Theory]
    [MemberData(nameof(AllModels))]
    public void TwoThreads_GiveTheBitsOfOne(string model) =>
        Assert.Equal(VmAfterNoisyRun(model, 1), VmAfterNoisyRun(model, 2));

    /// <summary>
    /// 500 neurons allocate no more over a run than 10 neurons: the RKF45 path steps neurons (spiking, with spike and
    /// current input) without allocating. (The kernel's own allocation per slice is the same for both.)
    /// </summary>
    [Theory]
    [MemberData(nameof(AllModels))]
    public void Stepping_DoesNotAllocate(string model)
    {
        long Allocated(int neuronCount)
        {
            var nest = new Simulator();
            var neurons = nest.Create(model, neuronCount, new() { ["I_e"] = 700.0 });
            var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = Enumerable.Range(1, 990).Select(i => i * 1.0).ToArray() });
            var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 50.0 });
            nest.Connect(sg, neurons, syn: new Dictionary<string, object> { ["weight"] = 1.0 });
            nest.Connect(dc, neurons);
            nest.Simulate(200.0); // warm up: the first run sizes every buffer (spike lists grow with the spikes of a slice)
            long before = GC.GetAllocatedBytesForCurrentThread();
            nest.Simulate(200.0);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        long few = Allocated(10), many = Allocated(500);
        // The same 200 ms again after the warm-up: the kernel's per-slice allocations are equal for both sizes.
        // 490 more neurons x 2000 steps: one allocation per neuron-step would be at least 24 bytes x 980,000 = 23 MB.
        // What remains (about 14 kB) is the kernel's spike lists growing with the spikes of 490 more spiking neurons.
        Assert.True(many - few < 64 * 1024, $"10 neurons: {few} bytes, 500 neurons: {many} bytes");
    }
}
