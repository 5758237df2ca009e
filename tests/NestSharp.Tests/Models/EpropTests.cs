namespace NestSharp.Tests.Models;

/// <summary>
/// The e-prop models (eprop_iaf, eprop_readout, eprop_synapse, eprop_learning_signal_connection, the optimizers): a
/// small learning network gives the same weights and traces for 1, 2 and 4 threads and after a checkpoint split; bad
/// input is refused and changes nothing.
/// </summary>
public sealed class EpropTests
{
    /// <summary>Input parrots, recurrent eprop_iaf, one readout with feedback; returns the weights and the readout's trace.</summary>
    private static (double[] Weights, double[] Readout, double[] Rec) Run(int threads, string optimizer)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 1.0, ["local_num_threads"] = threads });
        var gen = nest.Create("spike_generator", 6);
        var inputs = nest.Create("parrot_neuron", 6);
        var rec = nest.Create("eprop_iaf", 8, new()
        {
            ["C_m"] = 1.0, ["E_L"] = 0.0, ["V_m"] = 0.0, ["V_th"] = 0.03, ["t_ref"] = 0.0, ["tau_m"] = 30.0, ["c_reg"] = 3.0,
            ["f_target"] = 10.0, ["eprop_isi_trace_cutoff"] = 100.0, ["flush_event_send_interval"] = 20.0,
            ["surrogate_gradient_height"] = 1.0, ["surrogate_gradient_width"] = 100.0,
        });
        var readout = nest.Create("eprop_readout", 1, new() { ["C_m"] = 1.0, ["E_L"] = 0.0, ["tau_m"] = 30.0, ["eprop_isi_trace_cutoff"] = 100.0 });
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 1.0, ["record_from"] = new[] { "V_m", "error_signal" } });
        var mmRec = nest.Create("multimeter", 1, new() { ["interval"] = 1.0, ["record_from"] = new[] { "V_m", "learning_signal", "surrogate_gradient" } });
        nest.SetDefaults("eprop_synapse", new Dictionary<string, object> { ["optimizer"] = new Dictionary<string, object> { ["type"] = optimizer, ["eta"] = 1e-3 } });
        for (int i = 0; i < 6; i++)
            gen[i].Set(new Dictionary<string, object> { ["spike_times"] = Enumerable.Range(0, 12).Select(k => 1.0 + k * (7 + i) % 97).Distinct().Order().ToArray() });
        var syn = new Dictionary<string, object> { ["synapse_model"] = "eprop_synapse", ["delay"] = 1.0, ["weight"] = 0.05 };
        nest.Connect(gen, inputs, "one_to_one");
        nest.Connect(inputs, rec, "all_to_all", syn);
        nest.Connect(rec, rec, new Dictionary<string, object> { ["rule"] = "all_to_all", ["allow_autapses"] = false }, syn);
        nest.Connect(rec, readout, "all_to_all", syn);
        nest.Connect(readout, rec, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "eprop_learning_signal_connection", ["weight"] = 0.5 });
        nest.Connect(mm, readout);
        nest.Connect(mmRec, rec[..2]);
        nest.Simulate(150.0);
        var conns = nest.GetConnections(synapseModel: "eprop_synapse");
        var weights = (double[])conns.Get("weight");
        var sources = (long[])conns.Get("source");
        var targets = (long[])conns.Get("target");
        var order = Enumerable.Range(0, weights.Length).OrderBy(i => sources[i]).ThenBy(i => targets[i]).Select(i => weights[i]).ToArray();
        var recTrace = NestSuiteLike(mmRec, "surrogate_gradient");
        return (order, NestSuiteLike(mm, "V_m"), recTrace);
    }

    private static double[] NestSuiteLike(NodeCollection mm, string key)
    {
        var events = (Dictionary<string, object>)mm.Get("events");
        var values = (double[])events[key];
        var senders = (long[])events["senders"];
        var times = (double[])events["times"];
        return Enumerable.Range(0, values.Length).OrderBy(i => times[i]).ThenBy(i => senders[i]).Select(i => values[i]).ToArray();
    }

    [Theory]
    [InlineData("gradient_descent")]
    [InlineData("adam")]
    public void OneTwoAndFourThreads_GiveTheSameWeightsAndTraces(string optimizer)
    {
        var one = Run(1, optimizer);
        Assert.True(one.Rec.Any(v => v != 0.0), $"rec: {one.Rec.Length} values, readout max {one.Readout.Max()}, weights {string.Join(",", one.Weights.Take(5))}");
        Assert.Contains(one.Weights, w => w != 0.05);
        foreach (int threads in new[] { 2, 4 })
        {
            var other = Run(threads, optimizer);
            Assert.Equal(one.Weights, other.Weights);
            Assert.Equal(one.Readout, other.Readout);
            Assert.Equal(one.Rec, other.Rec);
        }
    }

    /// <summary>
    /// Input parrots, recurrent eprop_iaf (two with another surrogate gradient function), two readouts with a learning
    /// window and target signals from step_rate_generators, learning signals back; Adam with eta changed twice; a
    /// trace cutoff and flush events, so that histories are erased on both sides of a split.
    /// </summary>
    private static void BuildLearning(Simulator nest)
    {
        nest.SetKernelStatus(new() { ["resolution"] = 1.0, ["rng_seed"] = 11L });
        var gen = nest.Create("spike_generator", 6);
        var inputs = nest.Create("parrot_neuron", 6);
        var rec = nest.Create("eprop_iaf", 6, new()
        {
            ["C_m"] = 1.0, ["E_L"] = 0.0, ["V_m"] = 0.0, ["V_th"] = 0.03, ["t_ref"] = 1.0, ["tau_m"] = 30.0, ["c_reg"] = 3.0,
            ["f_target"] = 10.0, ["eprop_isi_trace_cutoff"] = 30.0, ["flush_event_send_interval"] = 12.0,
            ["surrogate_gradient_height"] = 1.0, ["surrogate_gradient_width"] = 100.0,
        });
        rec[..2].Set(new Dictionary<string, object> { ["surrogate_gradient_function"] = "arctan_derivative" });
        var readouts = nest.Create("eprop_readout", 2, new() { ["C_m"] = 1.0, ["E_L"] = 0.0, ["tau_m"] = 30.0, ["eprop_isi_trace_cutoff"] = 30.0 });
        var window = nest.Create("step_rate_generator", 1, new()
        {
            ["amplitude_times"] = new[] { 1.0, 40.0, 70.0 }, ["amplitude_values"] = new[] { 1.0, 0.0, 1.0 },
        });
        var target = nest.Create("step_rate_generator", 2, new()
        {
            ["amplitude_times"] = new[] { 1.0, 30.0, 90.0, 120.0 }, ["amplitude_values"] = new[] { 0.5, -0.2, 0.8, 0.1 },
        });
        var rates = new Dictionary<string, object> { ["synapse_model"] = "rate_connection_delayed", ["delay"] = 1.0 };
        nest.Connect(window, readouts, "all_to_all", new Dictionary<string, object>(rates) { ["receptor_type"] = 1 });
        nest.Connect(target, readouts, "one_to_one", new Dictionary<string, object>(rates) { ["receptor_type"] = 2 });
        nest.SetDefaults("eprop_synapse", new Dictionary<string, object> { ["optimizer"] = new Dictionary<string, object> { ["type"] = "adam", ["eta"] = 2e-3 } });
        nest.SetDefaults("eprop_synapse", new Dictionary<string, object> { ["optimizer"] = new Dictionary<string, object> { ["eta"] = 1e-3 } });
        var random = new System.Random(5);
        for (int i = 0; i < 6; i++)
            gen[i].Set(new Dictionary<string, object> { ["spike_times"] = Enumerable.Range(0, 25).Select(_ => (double)random.Next(1, 160)).Distinct().Order().ToArray() });
        var syn = new Dictionary<string, object> { ["synapse_model"] = "eprop_synapse", ["delay"] = 1.0, ["weight"] = 0.05 };
        nest.Connect(gen, inputs, "one_to_one");
        nest.Connect(inputs, rec, "all_to_all", syn);
        nest.Connect(rec, rec, new Dictionary<string, object> { ["rule"] = "all_to_all", ["allow_autapses"] = false }, syn);
        nest.Connect(rec, readouts, "all_to_all", syn);
        nest.Connect(readouts, rec, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "eprop_learning_signal_connection", ["weight"] = 0.5 });
        var recMeter = nest.Create("multimeter", 1, new()
        {
            ["interval"] = 1.0, ["record_from"] = new[] { "V_m", "learning_signal", "surrogate_gradient", "eprop_history_duration" },
        });
        var outMeter = nest.Create("multimeter", 1, new()
        {
            ["interval"] = 1.0, ["record_from"] = new[] { "V_m", "error_signal", "readout_signal", "target_signal", "eprop_history_duration" },
        });
        nest.Connect(recMeter, rec);
        nest.Connect(outMeter, readouts);
    }

    /// <summary>The two multimeters' values in (time, sender) order and every eprop_synapse's weight, as text.</summary>
    private static string ObserveLearning(Simulator nest)
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
        var connections = nest.GetConnections(synapseModel: "eprop_synapse");
        var sources = (long[])connections.Get("source");
        var targets = (long[])connections.Get("target");
        var weights = (double[])connections.Get("weight");
        foreach (int i in Enumerable.Range(0, weights.Length).OrderBy(i => sources[i]).ThenBy(i => targets[i]))
            text.Append(sources[i]).Append('>').Append(targets[i]).Append('=').Append(weights[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(';');
        return text.ToString();
    }

    [Fact]
    public void LearningNetwork_Learns()
    {
        var nest = new Simulator();
        BuildLearning(nest);
        nest.Simulate(60.0);
        var connections = nest.GetConnections(synapseModel: "eprop_synapse");
        double[] before = (double[])connections.Get("weight");
        nest.Simulate(100.0);
        double[] after = (double[])connections.Get("weight");
        Assert.Contains(Enumerable.Range(0, before.Length), i => before[i] != after[i]);
        var events = NestSuite.NestSuiteHelpers.Events(nest.Nodes(nest.NetworkSize - 1));
        Assert.Contains((double[])events["learning_signal"], v => v != 0.0);
        Assert.Contains((double[])events["eprop_history_duration"], v => v > 0.0);
    }

    [Fact]
    public void Checkpoint_ContinuesBitwise() =>
        Checkpoint.CheckpointSplitRunTests.AssertResumesBitwise(BuildLearning, ObserveLearning, 63.0, 97.0, (1, 1), (1, 3), (2, 1));

    [Fact]
    public void BadOptimizerInput_IsRefusedAndChangesNothing()
    {
        var nest = new Simulator();
        var before = nest.GetDefaults("eprop_synapse")["optimizer"];
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("eprop_synapse", new Dictionary<string, object> { ["optimizer"] = new Dictionary<string, object> { ["batch_size"] = 0L } }));
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("eprop_synapse", new Dictionary<string, object> { ["optimizer"] = new Dictionary<string, object> { ["eta"] = -1.0 } }));
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("eprop_synapse", new Dictionary<string, object> { ["optimizer"] = new Dictionary<string, object> { ["Wmin"] = 200.0 } }));
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("eprop_synapse", new Dictionary<string, object> { ["optimizer"] = new Dictionary<string, object> { ["type"] = "sgd" } }));
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("eprop_synapse", new Dictionary<string, object> { ["optimizer"] = new Dictionary<string, object> { ["type"] = "adam", ["beta_1"] = 1.0 } }));
        Assert.Equal(before, nest.GetDefaults("eprop_synapse")["optimizer"]);
        nest.SetDefaults("eprop_synapse", new Dictionary<string, object> { ["optimizer"] = new Dictionary<string, object> { ["type"] = "adam" } });
        Assert.Equal("adam", ((Dictionary<string, object>)nest.GetDefaults("eprop_synapse")["optimizer"])["optimizer"]);
        var n = nest.Create("eprop_iaf", 2);
        nest.Connect(n[0], n[1], syn: new Dictionary<string, object> { ["synapse_model"] = "eprop_synapse", ["delay"] = 0.1 });
        Assert.Throws<BadParameterException>(() => nest.SetDefaults("eprop_synapse", new Dictionary<string, object> { ["optimizer"] = new Dictionary<string, object> { ["type"] = "gradient_descent" } }));
    }

    [Fact]
    public void BadNeuronInput_IsRefused()
    {
        var nest = new Simulator();
        var n = nest.Create("eprop_iaf");
        Assert.Throws<BadPropertyException>(() => n.Set(new Dictionary<string, object> { ["kappa"] = 1.5 }));
        Assert.Throws<BadPropertyException>(() => n.Set(new Dictionary<string, object> { ["surrogate_gradient_function"] = "step" }));
        Assert.Throws<BadPropertyException>(() => n.Set(new Dictionary<string, object> { ["f_target"] = -1.0 }));
        Assert.Equal("piecewise_linear", n.Get("surrogate_gradient_function"));
        n.Set(new Dictionary<string, object> { ["f_target"] = 10.0 });
        Assert.Equal(0.01, (double)n.Get("f_target"), 15);
        Assert.Throws<IllegalConnectionException>(() =>
            nest.Connect(n, nest.Create("eprop_iaf"), syn: new Dictionary<string, object> { ["synapse_model"] = "eprop_synapse", ["delay"] = 2.0 }));
    }

    /// <summary>The state NEST's set_status does not read (each e-prop neuron's State_::set reads V_m alone, the adaptive ones adaptation too).</summary>
    public static TheoryData<string, string> ReadOnlyKeys => new()
    {
        { "eprop_iaf", "surrogate_gradient" }, { "eprop_iaf", "learning_signal" },
        { "eprop_iaf_adapt", "V_th_adapt" }, { "eprop_iaf_psc_delta", "learning_signal" }, { "eprop_iaf_psc_delta_adapt", "surrogate_gradient" },
        { "eprop_readout", "error_signal" }, { "eprop_readout", "readout_signal" }, { "eprop_readout", "target_signal" },
        { "eprop_iaf_bsshslm_2020", "surrogate_gradient" }, { "eprop_iaf_adapt_bsshslm_2020", "V_th_adapt" },
        { "eprop_readout_bsshslm_2020", "readout_signal_unnorm" },
    };

    [Theory]
    [MemberData(nameof(ReadOnlyKeys))]
    public void ComputedState_IsShownButNotSettable(string model, string key)
    {
        var nest = new Simulator();
        var n = nest.Create(model);
        object before = n.Get(key);
        var error = Assert.Throws<UnaccessedDictionaryEntryException>(() => n.Set(new Dictionary<string, object> { [key] = 1.0 }));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, n.Get(key));
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.SetDefaults(model, new() { [key] = 1.0 }));
    }
    /// <summary>A readout with a learning window of 1 and target generators (amplitude, stop in ms) into its target_signal receptor; the recorded target_signal.</summary>
    private static double[] TargetSignal(string readoutModel, params (double Amplitude, double Stop)[] generators)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1 });
        var rate = new Dictionary<string, object> { ["synapse_model"] = "rate_connection_delayed", ["delay"] = 0.1, ["receptor_type"] = 2L };
        var targets = new List<NodeCollection>();
        foreach (var (amplitude, stop) in generators)
        {
            targets.Add(nest.Create("step_rate_generator", 1, new()
            {
                ["amplitude_times"] = new[] { 1.0 }, ["amplitude_values"] = new[] { amplitude }, ["stop"] = stop,
            }));
        }
        NodeCollection? window = readoutModel == "eprop_readout"
            ? nest.Create("step_rate_generator", 1, new() { ["amplitude_times"] = new[] { 1.0 }, ["amplitude_values"] = new[] { 1.0 } })
            : null;
        var readout = nest.Create(readoutModel);
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "target_signal" } });
        foreach (var target in targets) nest.Connect(target, readout, "all_to_all", rate);
        if (window is not null) nest.Connect(window, readout, "all_to_all", new Dictionary<string, object>(rate) { ["receptor_type"] = 1L });
        nest.Connect(mm, readout);
        nest.Simulate(20.0);
        return NestSuiteLike(mm, "target_signal");
    }

    /// <summary>
    /// NEST's readouts set target_signal when a DelayedRateConnectionEvent arrives (handle) and keep it until the next:
    /// a step_rate_generator that stops sending (inactive after stop) leaves the last value in force.
    /// </summary>
    [Theory]
    [InlineData("eprop_readout")]
    [InlineData("eprop_readout_bsshslm_2020")]
    public void TargetSignal_StaysAfterTheGeneratorStops(string readoutModel)
    {
        var signal = TargetSignal(readoutModel, (3.0, 5.0));
        Assert.Equal(199, signal.Length);
        Assert.Equal(3.0, signal[40]);
        for (int i = 40; i < signal.Length; i++) Assert.True(signal[i] == 3.0, $"t = {(i + 1) * 0.1:F1} ms: {signal[i]}");
    }

    /// <summary>Two events for the same signal in one step: the later one (the generator updated later, with the higher id) wins, as NEST's handle overwrites.</summary>
    [Theory]
    [InlineData("eprop_readout")]
    [InlineData("eprop_readout_bsshslm_2020")]
    public void TargetSignal_TakesTheLaterOfTwoEvents(string readoutModel)
    {
        var signal = TargetSignal(readoutModel, (2.0, 1000.0), (5.0, 1000.0));
        for (int i = 20; i < signal.Length; i++) Assert.True(signal[i] == 5.0, $"t = {(i + 1) * 0.1:F1} ms: {signal[i]}");
    }
}
