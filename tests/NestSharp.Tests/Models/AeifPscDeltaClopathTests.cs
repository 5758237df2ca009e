using NestSharp.Tests.Reference;

namespace NestSharp.Tests.Models;

/// <summary>
/// aeif_psc_delta_clopath: NEST's defaults and keys, parameter checks that name the key, and the behaviour around a
/// spike (clamping, reset, refractoriness, delta input).
/// </summary>
public sealed class AeifPscDeltaClopathTests
{
    private const string Model = "aeif_psc_delta_clopath";

    [Fact]
    public void Defaults_EqualNest()
    {
        var ours = new Simulator().GetDefaults(Model);
        var theirs = NestDefaults.Of(Model);
        string[] numeric =
        [
            "A_LTD", "A_LTP", "C_m", "Ca", "Delta_T", "E_L", "I_e", "I_sp", "V_clamp", "V_m", "V_peak", "V_reset", "V_th_max",
            "V_th_rest", "a", "b", "beta_Ca", "delay_u_bars", "g_L", "gsl_error_tol", "t_clamp", "t_ref", "tau_Ca", "tau_V_th",
            "tau_minus", "tau_minus_triplet", "tau_u_bar_bar", "tau_u_bar_minus", "tau_u_bar_plus", "tau_w", "tau_z",
            "theta_minus", "theta_plus", "u_bar_bar", "u_bar_minus", "u_bar_plus", "u_ref_squared", "w",
        ];
        foreach (string key in numeric)
        {
            Assert.True(ours.ContainsKey(key), $"{Model} lacks '{key}'");
            Assert.Equal(theirs[key].GetDouble(), Convert.ToDouble(ours[key]));
        }
        Assert.Equal(theirs["A_LTD_const"].GetBoolean(), ours["A_LTD_const"]);
        Assert.Equal("neuron", ours["element_type"]);
        Assert.Equal(theirs["recordables"].EnumerateArray().Select(e => e.GetString()!).ToArray(), (string[])ours["recordables"]);
        // As in NEST, z and V_th are recordable but not part of the status.
        Assert.False(ours.ContainsKey("z"));
        Assert.False(ours.ContainsKey("V_th"));
    }

    public static TheoryData<string, object> BadParameters => new()
    {
        { "V_reset", 40.0 },            // V_reset >= V_peak
        { "Delta_T", -1.0 },
        { "Delta_T", 0.05 },            // (V_peak - V_th_rest)/Delta_T would overflow exp at the spike
        { "V_th_max", -60.0 },          // < V_th_rest
        { "C_m", 0.0 },
        { "t_ref", -0.1 },
        { "t_clamp", -1.0 },
        { "tau_w", 0.0 },
        { "tau_V_th", -5.0 },
        { "tau_z", 0.0 },
        { "tau_u_bar_plus", 0.0 },
        { "tau_u_bar_minus", -1.0 },
        { "tau_u_bar_bar", 0.0 },
        { "gsl_error_tol", 0.0 },
        { "u_ref_squared", 0.0 },
        { "delay_u_bars", -1.0 },
        { "tau_minus", 0.0 },
        { "tau_minus_triplet", -2.0 },
        { "tau_Ca", 0.0 },
        { "beta_Ca", 0.0 },
        { "Ca", -1.0 },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public void BadParameter_IsRejectedNamingTheKey(string key, object value)
    {
        var nest = new Simulator();
        var neuron = nest.Create(Model);
        double before = Convert.ToDouble(neuron.GetStatus()[0][key]);
        var e = Assert.Throws<BadPropertyException>(() => neuron.Set(key, value));
        Assert.StartsWith($"'{key}'", e.Message);
        Assert.Equal(before, Convert.ToDouble(neuron.GetStatus()[0][key]));
        Assert.Throws<BadPropertyException>(() => nest.Create(Model, 1, new() { [key] = value }));
    }

    [Fact]
    public void VPeakBelowVThRest_IsRejectedNamingVPeak()
    {
        var neuron = new Simulator().Create(Model);
        var e = Assert.Throws<BadPropertyException>(() => neuron.Set(new Dictionary<string, object> { ["V_peak"] = -55.0, ["V_reset"] = -80.0 }));
        Assert.StartsWith("'V_peak'", e.Message);
    }

    [Fact]
    public void ALtdConst_IsABoolean()
    {
        var nest = new Simulator();
        var neuron = nest.Create(Model, 1, new() { ["A_LTD_const"] = false });
        Assert.Equal(false, neuron.GetStatus()[0]["A_LTD_const"]);
        neuron.Set("A_LTD_const", true);
        Assert.Equal(true, neuron.GetStatus()[0]["A_LTD_const"]);
        var e = Assert.Throws<TypeMismatchException>(() => neuron.Set("A_LTD_const", 0.0));
        Assert.Contains("A_LTD_const", e.Message);
        Assert.Equal(true, neuron.GetStatus()[0]["A_LTD_const"]);
    }

    [Fact]
    public void ZAndVTh_AreNotSettable()
    {
        var neuron = new Simulator().Create(Model);
        Assert.Throws<UnaccessedDictionaryEntryException>(() => neuron.Set("z", 1.0));
        Assert.Throws<UnaccessedDictionaryEntryException>(() => neuron.Set("V_th", -50.0));
    }

    private static (Dictionary<string, object> Trace, double[] Spikes) Run(Dictionary<string, object> parameters, double simulate,
        double[]? inputTimes = null, double inputWeight = 0.0)
    {
        var nest = new Simulator();
        var neuron = nest.Create(Model, 1, parameters);
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m", "w", "z", "V_th", "u_bar_plus", "u_bar_minus", "u_bar_bar" } });
        var sr = nest.Create("spike_recorder");
        nest.Connect(mm, neuron);
        nest.Connect(neuron, sr);
        if (inputTimes is not null)
        {
            var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = inputTimes });
            nest.Connect(sg, neuron, syn: new Dictionary<string, object> { ["weight"] = inputWeight, ["delay"] = 1.0 });
        }
        nest.Simulate(simulate);
        return ((Dictionary<string, object>)mm.Get("events"), (double[])((Dictionary<string, object>)sr.Get("events"))["times"]);
    }

    private static int SampleAt(double[] times, double t) => Array.FindIndex(times, x => Math.Abs(x - t) < 1e-9);

    [Fact]
    public void Spike_ClampsThenResetsThenHoldsForTheRefractoryTime()
    {
        var (trace, spikes) = Run(new() { ["I_e"] = 800.0, ["t_clamp"] = 1.0, ["t_ref"] = 0.5 }, 100.0);
        Assert.NotEmpty(spikes);
        var times = (double[])trace["times"];
        var v = (double[])trace["V_m"];
        var vTh = (double[])trace["V_th"];
        var z = (double[])trace["z"];
        int s = SampleAt(times, spikes[0]);
        Assert.True(v[s - 1] < 33.0);
        for (int k = 0; k < 10; k++) Assert.Equal(33.0, v[s + k]);      // clamped to V_clamp for t_clamp (10 steps)
        for (int k = 10; k <= 15; k++) Assert.Equal(-60.0, v[s + k]);   // reset, then held for t_ref (5 steps)
        Assert.NotEqual(-60.0, v[s + 16]);
        Assert.True(vTh[s] > 30.0 && vTh[s] <= 30.4, $"V_th after the spike {vTh[s]}");   // jumped to V_th_max, decaying
        Assert.True(z[s] > 395.0 && z[s] <= 400.0, $"z after the spike {z[s]}");           // jumped to I_sp, decaying
    }

    [Fact]
    public void DeltaInput_JumpsVmAndIsIgnoredWhileClamped()
    {
        // At rest the neuron barely moves; a 5 mV input arriving at 11.0 raises V_m by 5 mV in that step.
        var (trace, _) = Run(new() { ["V_peak"] = 0.0 }, 30.0, [10.0], 5.0);
        var times = (double[])trace["times"];
        var v = (double[])trace["V_m"];
        int arrival = SampleAt(times, 11.0);
        Assert.Equal(5.0, v[arrival] - v[arrival - 1], 1e-3);

        // The same input arriving while the neuron is clamped after a spike leaves V_m at V_clamp.
        var (clamped, spikes) = Run(new() { ["V_m"] = -30.6, ["V_peak"] = 20.0 }, 30.0, [0.5], 5.0);
        Assert.Equal(0.1, spikes[0]);
        var cv = (double[])clamped["V_m"];
        Assert.Equal(33.0, cv[SampleAt((double[])clamped["times"], 1.5)]);
    }

    [Fact]
    public void WithoutExponentialTerm_VThIsTheThreshold()
    {
        var (trace, spikes) = Run(new() { ["Delta_T"] = 0.0, ["I_e"] = 1000.0 }, 50.0);
        Assert.NotEmpty(spikes);
        var times = (double[])trace["times"];
        int s = SampleAt(times, spikes[0]);
        var v = (double[])trace["V_m"];
        var vTh = (double[])trace["V_th"];
        Assert.True(v[s - 1] < vTh[s - 1]);
        Assert.Equal(33.0, v[s]);
    }

    [Fact]
    public void CurrentInput_Depolarises()
    {
        var nest = new Simulator();
        var neuron = nest.Create(Model);
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 500.0, ["start"] = 5.0 });
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m" } });
        nest.Connect(dc, neuron);
        nest.Connect(mm, neuron);
        nest.Simulate(20.0);
        var events = (Dictionary<string, object>)mm.Get("events");
        var v = (double[])events["V_m"];
        var times = (double[])events["times"];
        Assert.True(v[^1] > -65.0, $"a 500 pA current must depolarise the neuron, V_m = {v[^1]}");
        Assert.True(Math.Abs(v[SampleAt(times, 5.0)] - (-70.6)) < 0.01);
    }
}
