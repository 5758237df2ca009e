using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// aeif_psc_delta_clopath and clopath_synapse against NEST 3.10 (Reference/det/): the DC experiment (I_e = 700 pA for
/// 200 ms, then 0 for 100 ms) and the two synapse experiments (a parrot neuron repeating a regular train onto the
/// Clopath neuron through a clopath_synapse copied with a weight_recorder, without and with I_e = 500 pA). The neuron is
/// integrated with the same adaptive RKF45 scheme as NEST's GSL set-up, so every recorded state variable must agree to
/// 1e-6 relative (absolute where |value| &lt; 1), spikes must fall on the same steps, and the weights must agree to the
/// same tolerance and to 1e-6 of their largest change.
/// </summary>
public sealed class ClopathReferenceTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    private static readonly string[] TraceColumns = ["V_m", "V_th", "u_bar_bar", "u_bar_minus", "u_bar_plus", "w", "z"];

    private static bool Close(double actual, double expected) =>
        Math.Abs(actual - expected) <= Tolerance * Math.Max(1.0, Math.Abs(expected));

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Compares a multimeter recording of one neuron with a NEST trace; returns the largest deviation per column.</summary>
    private static Dictionary<string, (double Absolute, double Relative)> AssertTrace(Csv expected, Dictionary<string, object> events)
    {
        var times = (double[])events["times"];
        Assert.Equal(expected.Rows.Length, times.Length);
        Assert.Equal(expected.Column("time"), times);
        var deviations = new Dictionary<string, (double, double)>();
        foreach (string name in TraceColumns)
        {
            double[] reference = expected.Column(name), actual = (double[])events[name];
            double maxAbs = 0, maxRel = 0;
            for (int i = 0; i < reference.Length; i++)
            {
                double d = Math.Abs(actual[i] - reference[i]);
                if (double.IsNaN(d)) d = double.PositiveInfinity;
                maxAbs = Math.Max(maxAbs, d);
                maxRel = Math.Max(maxRel, d / Math.Max(1.0, Math.Abs(reference[i])));
                if (!Close(actual[i], reference[i]))
                    Assert.Fail($"{name} at t = {R(times[i])}: NestSharp {R(actual[i])}, NEST {R(reference[i])}.");
            }
            deviations[name] = (maxAbs, maxRel);
        }
        return deviations;
    }

    private void Report(string what, Dictionary<string, (double Absolute, double Relative)> deviations) =>
        output.WriteLine($"{what}: max |diff| " + string.Join(", ",
            deviations.Select(d => $"{d.Key} {d.Value.Absolute:G3} (rel {d.Value.Relative:G3})")));

    // ------------------------------------------------------------------ DC experiment

    private sealed record DcRun(Dictionary<string, object> Trace, Dictionary<string, object> Spikes, Dictionary<string, object> Status);

    private static DcRun SimulateDc()
    {
        var setup = ReferenceData.Experiment("aeif_psc_delta_clopath_dc");
        var nest = new Simulator();
        ReferenceData.ApplyKernel(nest, setup.GetProperty("kernel"));
        var neuron = nest.Create(setup.GetProperty("model").GetString()!, 1, ReferenceData.ToStatus(setup.GetProperty("neuron_params_set")));
        var recording = setup.GetProperty("recording");
        var mm = nest.Create("multimeter", 1, new()
        {
            ["interval"] = recording.GetProperty("multimeter_interval_ms").GetDouble(),
            ["record_from"] = recording.GetProperty("record_from").EnumerateArray().Select(e => e.GetString()!).ToArray(),
        });
        var sr = nest.Create("spike_recorder");
        nest.Connect(mm, neuron);
        nest.Connect(neuron, sr);
        var dc = setup.GetProperty("dc_input").EnumerateArray().ToArray();
        var calls = ReferenceData.Doubles(setup.GetProperty("simulate_calls_ms"));
        Assert.Equal(dc.Length, calls.Length);
        for (int i = 0; i < calls.Length; i++)
        {
            Assert.Equal(dc[i].GetProperty("to_ms").GetDouble() - dc[i].GetProperty("from_ms").GetDouble(), calls[i]);
            neuron.Set("I_e", dc[i].GetProperty("I_e_pA").GetDouble());
            nest.Simulate(calls[i]);
        }
        return new DcRun((Dictionary<string, object>)mm.Get("events"), (Dictionary<string, object>)sr.Get("events"), neuron.GetStatus()[0]);
    }

    [Fact]
    public void DcTrace_MatchesNest()
    {
        var expected = ReferenceData.ReadCsv("aeif_psc_delta_clopath_dc_trace.csv");
        Report("aeif_psc_delta_clopath_dc", AssertTrace(expected, SimulateDc().Trace));
    }

    [Fact]
    public void DcSpikes_MatchNest()
    {
        var setup = ReferenceData.Experiment("aeif_psc_delta_clopath_dc");
        var expected = ReferenceData.Doubles(setup.GetProperty("output_spike_times_ms"));
        Assert.Equal(expected, (double[])SimulateDc().Spikes["times"]);
    }

    [Fact]
    public void DcFinalStatus_MatchesNest()
    {
        var setup = ReferenceData.Experiment("aeif_psc_delta_clopath_dc");
        var nestStatus = setup.GetProperty("neuron_status_after_sim");
        var status = SimulateDc().Status;
        foreach (string key in new[] { "V_m", "w", "u_bar_plus", "u_bar_minus", "u_bar_bar" })
        {
            double expected = nestStatus.GetProperty(key).GetDouble(), actual = (double)status[key];
            Assert.True(Close(actual, expected), $"{key}: NestSharp {R(actual)}, NEST {R(expected)}");
        }
        Assert.Equal(nestStatus.GetProperty("A_LTD_const").GetBoolean(), status["A_LTD_const"]);
    }

    // ------------------------------------------------------------------ synapse experiments

    private sealed record SynapseRun(JsonElement Setup, Dictionary<string, object> Weights, Dictionary<string, object> Spikes,
        Dictionary<string, object> Trace, SynapseCollection Connection);

    private static SynapseRun SimulateSynapse(string experiment, int threads = 1)
    {
        var setup = ReferenceData.Experiment(experiment);
        var nest = new Simulator();
        ReferenceData.ApplyKernel(nest, setup.GetProperty("kernel"));
        if (threads != 1) nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        var nodes = setup.GetProperty("nodes");

        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = ReferenceData.Doubles(setup.GetProperty("spike_generator_times_ms")) });
        var pre = nest.Create("parrot_neuron");
        var post = nest.Create(setup.GetProperty("post_model").GetString()!, 1, ReferenceData.ToStatus(setup.GetProperty("post_params_set")));
        var wr = nest.Create("weight_recorder");
        Assert.Equal(nodes.GetProperty("spike_generator").GetInt32(), sg.Ids[0]);
        Assert.Equal(nodes.GetProperty("parrot_neuron(pre)").GetInt32(), pre.Ids[0]);
        Assert.Equal(nodes.GetProperty("post").GetInt32(), post.Ids[0]);
        Assert.Equal(nodes.GetProperty("weight_recorder").GetInt32(), wr.Ids[0]);

        var synapse = setup.GetProperty("synapse");
        nest.CopyModel("clopath_synapse", "clopath_wr", new() { ["weight_recorder"] = wr });
        nest.Connect(sg, pre, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 0.1 });
        nest.Connect(pre, post, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = "clopath_wr",
            ["weight"] = synapse.GetProperty("weight").GetDouble(),
            ["delay"] = synapse.GetProperty("delay_ms").GetDouble(),
            ["Wmax"] = synapse.GetProperty("Wmax").GetDouble(),
        });
        var sr = nest.Create("spike_recorder");
        nest.Connect(pre + post, sr);
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = TraceColumns });
        nest.Connect(mm, post);
        foreach (double t in ReferenceData.Doubles(setup.GetProperty("simulate_calls_ms"))) nest.Simulate(t);
        return new SynapseRun(setup, (Dictionary<string, object>)wr.Get("events"), (Dictionary<string, object>)sr.Get("events"),
            (Dictionary<string, object>)mm.Get("events"), nest.GetConnections(pre, post));
    }

    [Theory]
    [InlineData("clopath_synapse_noIe")]
    [InlineData("clopath_synapse_Ie500")]
    public void WeightTrajectory_MatchesNest(string experiment)
    {
        var expected = ReferenceData.ReadCsv(experiment + "_weights.csv");
        var run = SimulateSynapse(experiment);
        var events = run.Weights;
        Assert.Equal(expected.Column("times"), (double[])events["times"]);
        Assert.Equal(expected.Column("senders").Select(x => (long)x), (long[])events["senders"]);
        Assert.Equal(expected.Column("targets").Select(x => (long)x), (long[])events["targets"]);
        var weights = (double[])events["weights"];
        double[] nestWeights = expected.Column("weights");
        double maxAbs = 0, maxChange = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            Assert.True(Close(weights[i], nestWeights[i]), $"event {i}: weight {R(weights[i])}, NEST {R(nestWeights[i])}");
            maxAbs = Math.Max(maxAbs, Math.Abs(weights[i] - nestWeights[i]));
            maxChange = Math.Max(maxChange, Math.Abs(nestWeights[i] - 5.0));
        }
        // The changes are small against the weight itself, so they must also agree to 1e-6 of the largest change.
        Assert.True(maxAbs <= Tolerance * maxChange, $"max weight deviation {R(maxAbs)} exceeds 1e-6 of the largest change {R(maxChange)}");
        double final = run.Connection.Weight.Single(), nestFinal = run.Setup.GetProperty("final_weight").GetDouble();
        Assert.True(Close(final, nestFinal), $"final weight {R(final)}, NEST {R(nestFinal)}");
        output.WriteLine($"{experiment}: {weights.Length} weight events; max |diff| {maxAbs:G3} (largest NEST change from 5.0: {maxChange:G3}); final {R(final)} vs NEST {R(nestFinal)}");
    }

    [Theory]
    [InlineData("clopath_synapse_noIe")]
    [InlineData("clopath_synapse_Ie500")]
    public void Spikes_MatchNest(string experiment)
    {
        var expected = ReferenceAssert.SpikesOf(ReferenceData.ReadCsv(experiment + "_spikes.csv"));
        ReferenceAssert.SpikesMatch(expected, SimulateSynapse(experiment).Spikes);
    }

    [Theory]
    [InlineData("clopath_synapse_noIe")]
    [InlineData("clopath_synapse_Ie500")]
    public void PostSynapticTrace_MatchesNest(string experiment)
    {
        var expected = ReferenceData.ReadCsv(experiment + "_post_trace.csv");
        Report(experiment, AssertTrace(expected, SimulateSynapse(experiment).Trace));
    }

    [Fact]
    public void WeightTrajectory_IsTheSameForAnyThreadCount()
    {
        var one = (double[])SimulateSynapse("clopath_synapse_Ie500", 1).Weights["weights"];
        Assert.Equal(one, (double[])SimulateSynapse("clopath_synapse_Ie500", 2).Weights["weights"]);
    }
}
