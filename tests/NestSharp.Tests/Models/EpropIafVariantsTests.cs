namespace NestSharp.Tests.Models;

/// <summary>
/// eprop_iaf_adapt, eprop_iaf_psc_delta and eprop_iaf_psc_delta_adapt: a small learning network gives the same weights
/// and traces for 1, 2 and 4 threads; without adaptation (adapt_beta 0) the adaptive models equal their plain ones;
/// NEST's rules for the adaptive threshold and the hard reset; bad input is refused and changes nothing.
/// </summary>
public sealed class EpropIafVariantsTests
{
    public static TheoryData<string> Variants() => ["eprop_iaf_adapt", "eprop_iaf_psc_delta", "eprop_iaf_psc_delta_adapt"];

    /// <summary>Input parrots, recurrent neurons of <paramref name="model"/>, one readout with feedback; returns the weights and the recurrent traces.</summary>
    private static (double[] Weights, double[] Readout, double[] Rec) Run(string model, int threads, Dictionary<string, object>? extra = null)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 1.0, ["local_num_threads"] = threads });
        var gen = nest.Create("spike_generator", 6);
        var inputs = nest.Create("parrot_neuron", 6);
        bool pscDelta = model.Contains("psc_delta", StringComparison.Ordinal);
        var parameters = new Dictionary<string, object>
        {
            ["C_m"] = 1.0, ["E_L"] = 0.0, ["V_m"] = 0.0, ["V_th"] = 0.03, ["t_ref"] = pscDelta ? 2.0 : 0.0, ["tau_m"] = 30.0, ["c_reg"] = 3.0,
            ["f_target"] = 10.0, ["eprop_isi_trace_cutoff"] = 100.0, ["flush_event_send_interval"] = 20.0,
            ["surrogate_gradient_height"] = 1.0, ["surrogate_gradient_width"] = 100.0,
        };
        if (pscDelta)
        {
            parameters["V_reset"] = -0.01;
            parameters["refractory_input"] = true;
        }
        if (model.EndsWith("adapt", StringComparison.Ordinal))
        {
            parameters["adapt_beta"] = 0.01;
            parameters["adapt_tau"] = 50.0;
        }
        foreach (var (key, value) in extra ?? []) parameters[key] = value;
        var rec = nest.Create(model, 8, parameters);
        var readout = nest.Create("eprop_readout", 1, new() { ["C_m"] = 1.0, ["E_L"] = 0.0, ["tau_m"] = 30.0, ["eprop_isi_trace_cutoff"] = 100.0 });
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 1.0, ["record_from"] = new[] { "V_m" } });
        var mmRec = nest.Create("multimeter", 1, new() { ["interval"] = 1.0, ["record_from"] = new[] { "V_m", "learning_signal", "surrogate_gradient" } });
        nest.SetDefaults("eprop_synapse", new Dictionary<string, object> { ["optimizer"] = new Dictionary<string, object> { ["type"] = "adam", ["eta"] = 1e-3 } });
        for (int i = 0; i < 6; i++)
            gen[i].Set(new Dictionary<string, object> { ["spike_times"] = Enumerable.Range(0, 12).Select(k => 1.0 + k * (7 + i) % 97).Distinct().Order().ToArray() });
        var syn = new Dictionary<string, object> { ["synapse_model"] = "eprop_synapse", ["delay"] = 1.0, ["weight"] = 0.05 };
        nest.Connect(gen, inputs, "one_to_one");
        nest.Connect(inputs, rec, "all_to_all", syn);
        nest.Connect(rec, rec, new Dictionary<string, object> { ["rule"] = "all_to_all", ["allow_autapses"] = false }, syn);
        nest.Connect(rec, readout, "all_to_all", syn);
        nest.Connect(readout, rec, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "eprop_learning_signal_connection", ["weight"] = 0.5 });
        nest.Connect(mm, readout);
        nest.Connect(mmRec, rec[..3]);
        nest.Simulate(150.0);
        var conns = nest.GetConnections(synapseModel: "eprop_synapse");
        var weights = (double[])conns.Get("weight");
        var sources = (long[])conns.Get("source");
        var targets = (long[])conns.Get("target");
        var order = Enumerable.Range(0, weights.Length).OrderBy(i => sources[i]).ThenBy(i => targets[i]).Select(i => weights[i]).ToArray();
        var recTrace = Trace(mmRec, "V_m").Concat(Trace(mmRec, "surrogate_gradient")).Concat(Trace(mmRec, "learning_signal")).ToArray();
        return (order, Trace(mm, "V_m"), recTrace);
    }

    private static double[] Trace(NodeCollection mm, string key)
    {
        var events = (Dictionary<string, object>)mm.Get("events");
        var values = (double[])events[key];
        var senders = (long[])events["senders"];
        var times = (double[])events["times"];
        return Enumerable.Range(0, values.Length).OrderBy(i => times[i]).ThenBy(i => senders[i]).Select(i => values[i]).ToArray();
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void OneTwoAndFourThreads_GiveTheSameWeightsAndTraces(string model)
    {
        var one = Run(model, 1);
        Assert.Contains(one.Rec, v => v != 0.0);
        Assert.Contains(one.Weights, w => w != 0.05);
        foreach (int threads in new[] { 2, 4 })
        {
            var other = Run(model, threads);
            Assert.Equal(one.Weights, other.Weights);
            Assert.Equal(one.Readout, other.Readout);
            Assert.Equal(one.Rec, other.Rec);
        }
    }

    [Theory]
    [InlineData("eprop_iaf_adapt", "eprop_iaf")]
    [InlineData("eprop_iaf_psc_delta_adapt", "eprop_iaf_psc_delta")]
    public void WithoutAdaptation_TheAdaptiveModelEqualsThePlainOne(string adaptive, string plain)
    {
        var a = Run(adaptive, 1, new() { ["adapt_beta"] = 0.0 });
        var p = Run(plain, 1);
        Assert.Equal(p.Weights, a.Weights);
        Assert.Equal(p.Readout, a.Readout);
        Assert.Equal(p.Rec, a.Rec);
    }

    [Fact]
    public void Adaptation_RaisesTheThresholdAfterASpike()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 1.0 });
        var n = nest.Create("eprop_iaf_adapt", 1, new() { ["I_e"] = 1000.0, ["t_ref"] = 0.0, ["adapt_beta"] = 2.0, ["adapt_tau"] = 20.0 });
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 1.0, ["record_from"] = new[] { "adaptation", "V_th_adapt" } });
        var sr = nest.Create("spike_recorder");
        nest.Connect(mm, n);
        nest.Connect(n, sr);
        nest.Simulate(60.0);
        double[] spikeTimes = (double[])((Dictionary<string, object>)sr.Get("events"))["times"];
        Assert.NotEmpty(spikeTimes);
        double[] adaptation = (double[])((Dictionary<string, object>)mm.Get("events"))["adaptation"];
        double[] vThAdapt = (double[])((Dictionary<string, object>)mm.Get("events"))["V_th_adapt"];
        // The step after the first spike: a = P_a · 0 + 1, V_th_adapt = V_th + β a.
        int after = (int)spikeTimes[0]; // sample at t_spike + 1 (index t - 1)
        Assert.Equal(1.0, adaptation[after], 12);
        Assert.Equal(-55.0 + 2.0, vThAdapt[after], 12);
        for (int i = 1; i < adaptation.Length; i++) Assert.Equal(-55.0 + 2.0 * adaptation[i], vThAdapt[i], 10);
    }

    [Theory]
    [InlineData("eprop_iaf_adapt")]
    [InlineData("eprop_iaf_psc_delta_adapt")]
    public void SettingAdaptation_SetsTheThresholdAndVThAdaptIsReadOnly(string model)
    {
        var nest = new Simulator();
        var n = nest.Create(model);
        Assert.Equal(-55.0, (double)n.Get("V_th_adapt"));
        n.Set(new Dictionary<string, object> { ["adaptation"] = 2.0, ["adapt_beta"] = 3.0, ["V_th"] = -50.0 });
        Assert.Equal(-44.0, (double)n.Get("V_th_adapt"), 12);
        // NEST keeps the absolute thresholds when E_L changes (both are stored relative to E_L).
        n.Set(new Dictionary<string, object> { ["E_L"] = -60.0 });
        Assert.Equal(-44.0, (double)n.Get("V_th_adapt"), 12);
        Assert.Equal(-50.0, (double)n.Get("V_th"), 12);
        Assert.Throws<UnaccessedDictionaryEntryException>(() => n.Set(new Dictionary<string, object> { ["V_th_adapt"] = -30.0 }));
        Assert.Equal(-44.0, (double)n.Get("V_th_adapt"), 12);
    }

    [Theory]
    [InlineData("eprop_iaf_psc_delta")]
    [InlineData("eprop_iaf_psc_delta_adapt")]
    public void Spike_ResetsToVResetAndHoldsItWhileRefractory(string model)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 1.0 });
        var parameters = new Dictionary<string, object> { ["I_e"] = 1000.0, ["t_ref"] = 3.0, ["V_reset"] = -65.0 };
        if (model.EndsWith("adapt", StringComparison.Ordinal)) parameters["adapt_beta"] = 0.0;
        var n = nest.Create(model, 1, parameters);
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 1.0, ["record_from"] = new[] { "V_m", "surrogate_gradient" } });
        var sr = nest.Create("spike_recorder");
        nest.Connect(mm, n);
        nest.Connect(n, sr);
        nest.Simulate(40.0);
        double[] spikeTimes = (double[])((Dictionary<string, object>)sr.Get("events"))["times"];
        Assert.True(spikeTimes.Length >= 2);
        double[] vm = (double[])((Dictionary<string, object>)mm.Get("events"))["V_m"];
        double[] sg = (double[])((Dictionary<string, object>)mm.Get("events"))["surrogate_gradient"];
        int spike = (int)spikeTimes[0] - 1; // sample index of the spike's step
        for (int k = 0; k <= 3; k++) Assert.Equal(-65.0, vm[spike + k]);
        for (int k = 1; k <= 2; k++) Assert.Equal(0.0, sg[spike + k]); // refractory counts 2 and 1 after the count-down
        Assert.NotEqual(-65.0, vm[spike + 4]);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void BadInput_IsRefusedAndChangesNothing(string model)
    {
        var nest = new Simulator();
        var n = nest.Create(model);
        var before = n.Get();
        var bad = new List<Dictionary<string, object>>
        {
            new() { ["C_m"] = 0.0 }, new() { ["tau_m"] = -1.0 }, new() { ["t_ref"] = -1.0 }, new() { ["kappa"] = 1.5 },
            new() { ["V_th"] = -80.0, ["V_min"] = -75.0 }, new() { ["surrogate_gradient_function"] = "step" },
            new() { ["f_target"] = -1.0 }, new() { ["surrogate_gradient_width"] = 0.0 },
        };
        if (model.EndsWith("adapt", StringComparison.Ordinal))
        {
            bad.Add(new() { ["adapt_beta"] = -1.0 });
            bad.Add(new() { ["adapt_tau"] = 0.0 });
        }
        if (model.Contains("psc_delta", StringComparison.Ordinal))
        {
            bad.Add(new() { ["V_reset"] = -55.0 });
            bad.Add(new() { ["V_reset"] = -80.0, ["V_min"] = -75.0 });
        }
        foreach (var values in bad)
        {
            var error = Assert.Throws<BadPropertyException>(() => n.Set(values));
            Assert.Contains(values.Keys, k => error.Message.Contains(k, StringComparison.Ordinal));
        }
        Assert.Throws<UnaccessedDictionaryEntryException>(() => n.Set(new Dictionary<string, object> { ["surrogate_gradient"] = 1.0 }));
        var after = n.Get();
        foreach (var (key, value) in before) Assert.Equal(value, after[key]);
    }
}
