namespace NestSharp.Tests.Models;

/// <summary>
/// The e-prop models of Bellec et al. (2020) (eprop_iaf_bsshslm_2020, eprop_iaf_adapt_bsshslm_2020,
/// eprop_readout_bsshslm_2020, eprop_synapse_bsshslm_2020, eprop_learning_signal_connection_bsshslm_2020): a small
/// learning network gives the same results on 1, 2 and 4 threads and after a checkpoint split; bad input is refused
/// with NEST's errors and changes nothing.
/// </summary>
public sealed class EpropBsshslm2020Tests
{
    /// <summary>
    /// Input parrots driven by spike generators, recurrent neurons of both models (recurrent e-prop synapses), two
    /// readouts with the cross-entropy loss (normalised through rate connections), learning signals back; Adam.
    /// </summary>
    private static void Build(Simulator nest)
    {
        nest.SetKernelStatus(new Dictionary<string, object>
        {
            ["resolution"] = 1.0, ["eprop_update_interval"] = 40.0, ["eprop_learning_window"] = 20.0, ["rng_seed"] = 7L,
        });
        var generators = nest.Create("spike_generator", 6);
        var inputs = nest.Create("parrot_neuron", 6);
        var recParams = new Dictionary<string, object>
        {
            ["C_m"] = 1.0, ["E_L"] = 0.0, ["V_m"] = 0.0, ["V_th"] = 0.3, ["tau_m"] = 20.0, ["t_ref"] = 2.0, ["c_reg"] = 30.0,
            ["f_target"] = 10.0, ["flush_event_send_interval"] = 40.0, ["surrogate_gradient_height"] = 1.0, ["surrogate_gradient_width"] = 0.3,
        };
        var reg = nest.Create("eprop_iaf_bsshslm_2020", 5, recParams);
        var adaptParams = new Dictionary<string, object>(recParams) { ["adapt_tau"] = 200.0, ["adapt_beta"] = 0.5, ["surrogate_gradient_function"] = "exponential" };
        var ad = nest.Create("eprop_iaf_adapt_bsshslm_2020", 4, adaptParams);
        var rec = reg + ad;
        var outs = nest.Create("eprop_readout_bsshslm_2020", 2, new Dictionary<string, object>
        {
            ["C_m"] = 1.0, ["E_L"] = 0.0, ["V_m"] = 0.0, ["tau_m"] = 20.0, ["loss"] = "cross_entropy",
        });
        nest.SetDefaults("eprop_synapse_bsshslm_2020", new Dictionary<string, object>
        {
            ["optimizer"] = new Dictionary<string, object> { ["type"] = "adam", ["batch_size"] = 1L, ["eta"] = 5e-3 },
            ["average_gradient"] = true,
        });
        var random = new System.Random(3);
        double[] Times(int n) => [.. Enumerable.Range(0, n).Select(_ => (double)random.Next(1, 160)).Distinct().Order()];
        for (int i = 0; i < 6; i++) generators[i].Set("spike_times", Times(30));
        var oneToOne = new Dictionary<string, object> { ["rule"] = "one_to_one" };
        var allToAll = new Dictionary<string, object> { ["rule"] = "all_to_all", ["allow_autapses"] = false };
        Dictionary<string, object> Eprop(double w) => new() { ["synapse_model"] = "eprop_synapse_bsshslm_2020", ["delay"] = 1.0, ["weight"] = w, ["tau_m_readout"] = 20.0 };
        nest.Connect(generators, inputs, oneToOne, new Dictionary<string, object> { ["delay"] = 1.0 });
        nest.Connect(inputs, rec, allToAll, Eprop(0.4));
        nest.Connect(rec, rec, allToAll, Eprop(0.05));
        nest.Connect(rec, outs, allToAll, Eprop(0.3));
        nest.Connect(outs, rec, allToAll, new Dictionary<string, object>
        {
            ["synapse_model"] = "eprop_learning_signal_connection_bsshslm_2020", ["delay"] = 1.0, ["weight"] = 0.7,
        });
        nest.Connect(outs, outs, allToAll, new Dictionary<string, object>
        {
            ["synapse_model"] = "rate_connection_delayed", ["delay"] = 1.0, ["weight"] = 1.0, ["receptor_type"] = 1,
        });
        var meter = nest.Create("multimeter", 1, new Dictionary<string, object>
        {
            ["record_from"] = new[] { "V_m", "learning_signal", "surrogate_gradient" }, ["interval"] = 1.0,
        });
        nest.Connect(meter, rec);
        var outMeter = nest.Create("multimeter", 1, new Dictionary<string, object>
        {
            ["record_from"] = new[] { "readout_signal", "error_signal" }, ["interval"] = 1.0,
        });
        nest.Connect(outMeter, outs);
    }

    /// <summary>The recorded values in (time, sender) order and every e-prop synapse's weight, as text.</summary>
    private static string Observe(Simulator nest)
    {
        var text = new System.Text.StringBuilder();
        foreach (var meter in new[] { nest.Nodes(nest.NetworkSize - 1), nest.Nodes(nest.NetworkSize) })
        {
            var events = NestSuite.NestSuiteHelpers.Events(meter);
            long[] senders = (long[])events["senders"];
            double[] times = (double[])events["times"];
            int[] order = [.. Enumerable.Range(0, senders.Length).OrderBy(i => times[i]).ThenBy(i => senders[i])];
            foreach (var (key, value) in events.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                if (value is not double[] values || key == "times") continue;
                text.Append(key).Append(':');
                foreach (int i in order) text.Append(values[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(',');
            }
        }
        var connections = nest.GetConnections(synapseModel: "eprop_synapse_bsshslm_2020");
        var sources = (long[])connections.Get("source");
        var targets = (long[])connections.Get("target");
        var weights = (double[])connections.Get("weight");
        foreach (int i in Enumerable.Range(0, weights.Length).OrderBy(i => sources[i]).ThenBy(i => targets[i]))
            text.Append(sources[i]).Append('>').Append(targets[i]).Append('=').Append(weights[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(';');
        return text.ToString();
    }

    private static string Run(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", threads);
        Build(nest);
        nest.Simulate(170.0);
        return Observe(nest);
    }

    [Fact]
    public void Network_IsTheSameForOneTwoAndFourThreads()
    {
        string one = Run(1);
        Assert.Contains("learning_signal", one, StringComparison.Ordinal);
        Assert.Equal(one, Run(2));
        Assert.Equal(one, Run(4));
    }

    [Fact]
    public void Weights_Change()
    {
        var nest = new Simulator();
        Build(nest);
        var connections = nest.GetConnections(synapseModel: "eprop_synapse_bsshslm_2020");
        double[] before = (double[])connections.Get("weight");
        nest.Simulate(170.0);
        double[] after = (double[])connections.Get("weight");
        Assert.Contains(Enumerable.Range(0, before.Length), i => before[i] != after[i]);
    }

    [Fact]
    public void Checkpoint_ContinuesBitwise() =>
        Checkpoint.CheckpointSplitRunTests.AssertResumesBitwise(Build, Observe, 63.0, 97.0, (1, 1), (1, 3), (2, 1));

    [Fact]
    public void Checkpoint_KeepsALearningWindowLongerThanTheUpdateInterval()
    {
        // NEST checks the window against the interval only when the window is set: a shorter interval set later stays
        var nest = new Simulator();
        nest.SetKernelStatus(new Dictionary<string, object> { ["eprop_update_interval"] = 5.0 });
        string folder = Directory.CreateTempSubdirectory("nestsharp-eprop-window-").FullName;
        try
        {
            string path = Path.Combine(folder, "window.nscp");
            nest.SaveCheckpoint(path);
            var restored = new Simulator();
            restored.LoadCheckpoint(path);
            Assert.Equal(5.0, (double)restored.GetKernelStatus("eprop_update_interval"));
            Assert.Equal(1000.0, (double)restored.GetKernelStatus("eprop_learning_window"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void FTarget_IsKeptInSpikesPerMillisecond()
    {
        var nest = new Simulator();
        var n = nest.Create("eprop_iaf_bsshslm_2020", 1, new Dictionary<string, object> { ["f_target"] = 10.0 });
        Assert.Equal(0.01, n.Get<double>("f_target"), 15);
        Assert.Equal(0.01, (double)nest.GetDefaults("eprop_iaf_bsshslm_2020")["f_target"], 15);
    }

    [Theory]
    [InlineData("eprop_iaf_bsshslm_2020", "C_m", 0.0)]
    [InlineData("eprop_iaf_bsshslm_2020", "tau_m", -1.0)]
    [InlineData("eprop_iaf_bsshslm_2020", "t_ref", -1.0)]
    [InlineData("eprop_iaf_bsshslm_2020", "c_reg", -1.0)]
    [InlineData("eprop_iaf_bsshslm_2020", "f_target", -1.0)]
    [InlineData("eprop_iaf_bsshslm_2020", "surrogate_gradient_height", 0.0)]
    [InlineData("eprop_iaf_bsshslm_2020", "surrogate_gradient_width", 0.0)]
    [InlineData("eprop_iaf_bsshslm_2020", "V_th", -1e300)]
    [InlineData("eprop_iaf_bsshslm_2020", "flush_event_send_interval", 0.0)]
    [InlineData("eprop_iaf_bsshslm_2020", "flush_event_send_interval", 999.0)]
    [InlineData("eprop_iaf_bsshslm_2020", "ignore_and_spike_offset", 0.0)]
    [InlineData("eprop_iaf_adapt_bsshslm_2020", "adapt_beta", -1.0)]
    [InlineData("eprop_iaf_adapt_bsshslm_2020", "adapt_tau", 0.0)]
    [InlineData("eprop_readout_bsshslm_2020", "C_m", -1.0)]
    [InlineData("eprop_readout_bsshslm_2020", "tau_m", 0.0)]
    public void BadParameter_IsRefusedAndChangesNothing(string model, string key, double value)
    {
        var nest = new Simulator();
        var n = nest.Create(model, 1, new Dictionary<string, object> { ["V_min"] = -80.0 });
        var before = n.GetStatus()[0];
        var e = Assert.Throws<BadPropertyException>(() => n.Set(key, value));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Equal(before[key], n.GetStatus()[0][key]);
    }

    [Theory]
    [InlineData("eprop_iaf_bsshslm_2020", "surrogate_gradient_function", "gaussian")]
    [InlineData("eprop_readout_bsshslm_2020", "loss", "hinge")]
    public void UnknownName_IsRefused(string model, string key, string value)
    {
        var nest = new Simulator();
        var n = nest.Create(model);
        var before = n.GetStatus()[0][key];
        Assert.Throws<BadPropertyException>(() => n.Set(key, value));
        Assert.Equal(before, n.GetStatus()[0][key]);
    }

    [Theory]
    [InlineData("eprop_iaf_bsshslm_2020", "learning_signal")]
    [InlineData("eprop_iaf_adapt_bsshslm_2020", "V_th_adapt")]
    [InlineData("eprop_readout_bsshslm_2020", "readout_signal")]
    public void ShownStateNestDoesNotRead_IsNotSettable(string model, string key)
    {
        var nest = new Simulator();
        var n = nest.Create(model);
        Assert.Throws<UnaccessedDictionaryEntryException>(() => n.Set(key, 1.0));
    }

    [Fact]
    public void EpropSynapse_NeedsADelayOfOneStep()
    {
        var nest = new Simulator();
        var a = nest.Create("eprop_iaf_bsshslm_2020");
        var b = nest.Create("eprop_iaf_bsshslm_2020");
        var e = Assert.Throws<IllegalConnectionException>(() => nest.Connect(a, b, null,
            new Dictionary<string, object> { ["synapse_model"] = "eprop_synapse_bsshslm_2020", ["delay"] = 2.0 }));
        Assert.Contains("delay of one simulation step", e.Message, StringComparison.Ordinal);
        Assert.Equal(0L, nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void Readout_TakesRatesOnItsSignalReceptorsOnly()
    {
        var nest = new Simulator();
        var outs = nest.Create("eprop_readout_bsshslm_2020", 2);
        Assert.ThrowsAny<NestException>(() => nest.Connect(outs[0], outs[1], null,
            new Dictionary<string, object> { ["synapse_model"] = "rate_connection_delayed", ["receptor_type"] = 0 }));
        var rec = nest.Create("eprop_iaf_bsshslm_2020");
        Assert.ThrowsAny<NestException>(() => nest.Connect(rec, outs[0], null, new Dictionary<string, object> { ["receptor_type"] = 1 }));
        nest.Connect(outs[0], outs[1], null, new Dictionary<string, object> { ["synapse_model"] = "rate_connection_delayed", ["receptor_type"] = 1 });
    }
    /// <summary>
    /// NEST's readout sets its target signal when the generator's event is handed over during the generator's update:
    /// a readout updated after the generator (a higher id) uses it in the same step, one updated before it from the next
    /// step on; the delay plays no part. The first three steps are masked (the readout's signal offset).
    /// </summary>
    [Theory]
    [InlineData(true, new[] { 0.0, 0.0, 0.0, 0.0, 2.0, 3.0, 4.0, 4.0, 4.0 })]
    [InlineData(false, new[] { 0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 4.0, 4.0 })]
    public void Readout_TakesTheGeneratorsTargetSignalAsNestsHandle(bool generatorFirst, double[] expected)
    {
        foreach (double delay in new[] { 1.0, 3.0 })
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new Dictionary<string, object> { ["resolution"] = 1.0 });
            NodeCollection? readout = generatorFirst ? null : nest.Create("eprop_readout_bsshslm_2020");
            var generator = nest.Create("step_rate_generator", 1, new Dictionary<string, object>
            {
                ["amplitude_times"] = new[] { 4.0, 5.0, 6.0, 7.0 }, ["amplitude_values"] = new[] { 1.0, 2.0, 3.0, 4.0 },
            });
            readout ??= nest.Create("eprop_readout_bsshslm_2020");
            var mm = nest.Create("multimeter", 1, new Dictionary<string, object> { ["interval"] = 1.0, ["record_from"] = new[] { "target_signal" } });
            nest.Connect(generator, readout, null, new Dictionary<string, object>
            {
                ["synapse_model"] = "rate_connection_delayed", ["delay"] = delay, ["receptor_type"] = 2,
            });
            nest.Connect(mm, readout);
            nest.Simulate(10.0);
            Assert.Equal(expected, NestSharp.Tests.NestSuite.NestSuiteHelpers.Doubles(mm, "target_signal"));
        }
    }

    /// <summary>NEST's per-synapse optimizer status: m and v of Adam, read and set per connection; an unknown entry is refused.</summary>
    [Fact]
    public void OptimizerStatus_IsReadAndSetPerConnection()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new Dictionary<string, object> { ["resolution"] = 1.0 });
        var rec = nest.Create("eprop_iaf_bsshslm_2020", 2);
        nest.SetDefaults("eprop_synapse_bsshslm_2020", new Dictionary<string, object> { ["optimizer"] = new Dictionary<string, object> { ["type"] = "adam" } });
        nest.Connect(rec, rec, new Dictionary<string, object> { ["rule"] = "all_to_all", ["allow_autapses"] = false },
            new Dictionary<string, object> { ["synapse_model"] = "eprop_synapse_bsshslm_2020", ["delay"] = 1.0 });
        var conns = nest.GetConnections(synapseModel: "eprop_synapse_bsshslm_2020");
        conns[1].Set(new Dictionary<string, object> { ["optimizer"] = new Dictionary<string, object> { ["m"] = 2.5 } });
        var optimizers = (object?[])conns.Get("optimizer");
        Assert.Equal(0.0, ((Dictionary<string, object>)optimizers[0]!)["m"]);
        Assert.Equal(2.5, ((Dictionary<string, object>)optimizers[1]!)["m"]);
        Assert.Equal(0.0, ((Dictionary<string, object>)optimizers[1]!)["v"]);
        Assert.Throws<UnaccessedDictionaryEntryException>(() =>
            conns.Set(new Dictionary<string, object> { ["optimizer"] = new Dictionary<string, object> { ["beta"] = 1.0 } }));
        Assert.Equal(2.5, ((Dictionary<string, object>)conns[1].Get("optimizer"))["m"]);
    }
}
