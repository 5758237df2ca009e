namespace NestSharp.Tests.Models;

/// <summary>
/// iaf_cond_exp_sfa_rr: NEST's defaults, each spike increases g_sfa by q_sfa and g_rr by q_rr (which then decay with
/// tau_sfa and tau_rr), spike-frequency adaptation lengthens the intervals under a constant current, NEST's checks,
/// and the same results for 1, 2 and 4 threads. The lanes' agreement with the scalar path is in Rkf45LaneTests.
/// </summary>
public sealed class IafCondExpSfaRrModelTests
{
    [Fact]
    public void Defaults_AreNests()
    {
        var defaults = new Simulator().GetDefaults("iaf_cond_exp_sfa_rr");
        var expected = new Dictionary<string, double>
        {
            ["V_th"] = -57.0, ["V_reset"] = -70.0, ["t_ref"] = 0.5, ["g_L"] = 28.95, ["C_m"] = 289.5, ["E_ex"] = 0.0,
            ["E_in"] = -75.0, ["E_L"] = -70.0, ["tau_syn_ex"] = 1.5, ["tau_syn_in"] = 10.0, ["I_e"] = 0.0, ["tau_sfa"] = 110.0,
            ["tau_rr"] = 1.97, ["E_sfa"] = -70.0, ["E_rr"] = -70.0, ["q_sfa"] = 14.48, ["q_rr"] = 3214.0, ["V_m"] = -70.0,
            ["g_ex"] = 0.0, ["g_in"] = 0.0, ["g_sfa"] = 0.0, ["g_rr"] = 0.0,
        };
        foreach (var (key, value) in expected) Assert.Equal(value, (double)defaults[key]);
        Assert.Equal(["V_m", "g_ex", "g_in", "g_rr", "g_sfa"], (string[])defaults["recordables"]);
    }

    [Fact]
    public void Spikes_IncreaseTheAdaptationConductances()
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_cond_exp_sfa_rr", 1, new() { ["I_e"] = 1000.0 });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neuron, recorder);
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "g_sfa", "g_rr" }, ["interval"] = 0.1 });
        nest.Connect(meter, neuron);
        nest.Simulate(300.0);

        double[] spikes = NestSuite.NestSuiteHelpers.Doubles(recorder, "times");
        Assert.True(spikes.Length >= 4);
        // adaptation: the intervals grow
        Assert.True(spikes[^1] - spikes[^2] > spikes[1] - spikes[0]);

        double[] times = NestSuite.NestSuiteHelpers.Doubles(meter, "times");
        double[] gSfa = NestSuite.NestSuiteHelpers.Doubles(meter, "g_sfa");
        double[] gRr = NestSuite.NestSuiteHelpers.Doubles(meter, "g_rr");
        // sampled at the end of the first spike's step: both increased by their q from 0
        int first = Array.IndexOf(times, spikes[0]);
        Assert.Equal(14.48, gSfa[first], 12);
        Assert.Equal(3214.0, gRr[first], 12);
        Assert.Equal(0.0, gSfa[first - 1]);
        // then they decay (RKF45, tolerance 1e-3 on the values) with tau_sfa and tau_rr
        Assert.Equal(14.48 * Math.Exp(-0.1 / 110.0), gSfa[first + 1], 3);
        Assert.Equal(3214.0 * Math.Exp(-0.1 / 1.97), gRr[first + 1], 1);
    }

    [Theory]
    [InlineData("tau_sfa", 0.0)]
    [InlineData("tau_rr", -1.0)]
    [InlineData("C_m", 0.0)]
    [InlineData("t_ref", -0.5)]
    [InlineData("V_reset", -50.0)]
    public void BadValues_AreRefusedAndChangeNothing(string key, double value)
    {
        var neuron = new Simulator().Create("iaf_cond_exp_sfa_rr");
        var e = Assert.Throws<BadPropertyException>(() => neuron.Set(new Dictionary<string, object> { [key] = value, ["I_e"] = 10.0 }));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Equal(0.0, neuron.Get<double>("I_e"));
    }

    [Fact]
    public void Network_GivesTheSameResultsForAnyThreadCount()
    {
        ModelThreadRuns.AssertThreadInvariant("iaf_cond_exp_sfa_rr", new() { ["I_e"] = 300.0 }, 3.0, 2.0);
    }
}
