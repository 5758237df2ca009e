using NestSharp.Tests.Reference;
using Xunit.Abstractions;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>
/// The voltmeter against NEST 3.10 (not a NEST pytest: the reference experiment <c>Reference/det/voltmeter_iaf_psc_alpha</c>):
/// an iaf_psc_alpha with I_e and two spike generators, a voltmeter at 0.1 ms, a spike recorder and a second voltmeter
/// with all its defaults, simulated for 200 ms. Both traces must match NEST's sample for sample (the same times, V_m to
/// 1e-9 mV), the spikes exactly, and the voltmeters' status the status NEST reported after the run.
/// </summary>
public sealed class VoltmeterReferenceTests(ITestOutputHelper output)
{
    private const string Experiment = "voltmeter_iaf_psc_alpha";
    private const double Tolerance = 1e-9;

    private sealed record Run(NodeCollection Neuron, NodeCollection Voltmeter, NodeCollection SpikeRecorder, NodeCollection DefaultVoltmeter);

    private static Run Simulate()
    {
        var setup = ReferenceData.Experiment(Experiment);
        var nest = new Simulator();
        ReferenceData.ApplyKernel(nest, setup.GetProperty("kernel"));
        var nodes = setup.GetProperty("nodes");
        var neuron = nest.Create(setup.GetProperty("model").GetString()!, 1, ReferenceData.ToStatus(setup.GetProperty("neuron_params_set")));
        Assert.Equal(nodes.GetProperty("iaf_psc_alpha(neuron)").GetInt32(), neuron.Ids[0]);
        foreach (var input in setup.GetProperty("inputs").EnumerateArray())
        {
            var generator = nest.Create("spike_generator", 1, new() { ["spike_times"] = ReferenceData.Doubles(input.GetProperty("spike_times")) });
            Assert.Equal(input.GetProperty("node_id").GetInt32(), generator.Ids[0]);
            nest.Connect(generator, neuron, syn: new Dictionary<string, object>
            {
                ["synapse_model"] = input.GetProperty("synapse_model").GetString()!,
                ["weight"] = input.GetProperty("weight_pA").GetDouble(),
                ["delay"] = input.GetProperty("delay_ms").GetDouble(),
                ["receptor_type"] = input.GetProperty("receptor_type").GetInt64(),
            });
        }
        var recording = setup.GetProperty("recording");
        Assert.Equal("voltmeter", recording.GetProperty("recorder_model").GetString());
        var voltmeter = nest.Create("voltmeter", 1, new() { ["interval"] = recording.GetProperty("multimeter_interval_ms").GetDouble() });
        var spikeRecorder = nest.Create("spike_recorder");
        var defaults = nest.Create("voltmeter");
        Assert.Equal(nodes.GetProperty("voltmeter").GetInt32(), voltmeter.Ids[0]);
        Assert.Equal(nodes.GetProperty("spike_recorder").GetInt32(), spikeRecorder.Ids[0]);
        Assert.Equal(nodes.GetProperty("voltmeter_defaults").GetInt32(), defaults.Ids[0]);
        nest.Connect(voltmeter, neuron);
        nest.Connect(neuron, spikeRecorder);
        nest.Connect(defaults, neuron);
        foreach (var t in setup.GetProperty("simulate_calls_ms").EnumerateArray()) nest.Simulate(t.GetDouble());
        return new Run(neuron, voltmeter, spikeRecorder, defaults);
    }

    [Fact]
    public void Voltmeter_TraceMatchesNest()
    {
        var run = Simulate();
        var expected = ReferenceData.ReadCsv(Experiment + "_trace.csv");
        Assert.Equal(1990, expected.Rows.Length);
        var deviations = ReferenceAssert.TraceMatches(expected, (Dictionary<string, object>)run.Voltmeter.Get("events"), run.Neuron.Ids[0], ["V_m"], Tolerance);
        output.WriteLine($"voltmeter at 0.1 ms: {expected.Rows.Length} samples, max |V_m diff| {deviations["V_m"]:R} mV");
    }

    [Fact]
    public void VoltmeterWithDefaults_TraceMatchesNest()
    {
        var run = Simulate();
        var expected = ReferenceData.ReadCsv(Experiment + "_voltmeter_defaults.csv");
        Assert.Equal(199, expected.Rows.Length);
        var deviations = ReferenceAssert.TraceMatches(expected, (Dictionary<string, object>)run.DefaultVoltmeter.Get("events"), run.Neuron.Ids[0], ["V_m"], Tolerance);
        output.WriteLine($"voltmeter with defaults: {expected.Rows.Length} samples, max |V_m diff| {deviations["V_m"]:R} mV");
    }

    [Fact]
    public void Spikes_MatchNest()
    {
        var run = Simulate();
        ReferenceAssert.SpikesMatch(ReferenceAssert.SpikesOf(ReferenceData.ReadCsv(Experiment + "_spikes.csv")),
            (Dictionary<string, object>)run.SpikeRecorder.Get("events"));
    }

    [Fact]
    public void VoltmeterStatus_AfterTheRun_IsNests()
    {
        var run = Simulate();
        var setup = ReferenceData.Experiment(Experiment);
        foreach (var (device, expected) in new[]
        {
            (run.Voltmeter, setup.GetProperty("recorder_status_after_sim")),
            (run.DefaultVoltmeter, setup.GetProperty("recording").GetProperty("voltmeter_defaults").GetProperty("status_after_sim")),
        })
        {
            Assert.Equal(expected.GetProperty("model").GetString(), device.Get<string>("model"));
            Assert.Equal(expected.GetProperty("element_type").GetString(), device.Get<string>("element_type"));
            Assert.Equal(expected.GetProperty("n_events").GetInt64(), device.Get<long>("n_events"));
            Assert.Equal(expected.GetProperty("interval").GetDouble(), device.Get<double>("interval"));
            Assert.Equal(expected.GetProperty("offset").GetDouble(), device.Get<double>("offset"));
            Assert.Equal(expected.GetProperty("start").GetDouble(), device.Get<double>("start"));
            Assert.Equal(expected.GetProperty("stop").GetDouble(), device.Get<double>("stop"));
            Assert.Equal(expected.GetProperty("origin").GetDouble(), device.Get<double>("origin"));
            Assert.Equal(expected.GetProperty("record_to").GetString(), device.Get<string>("record_to"));
            Assert.Equal(expected.GetProperty("time_in_steps").GetBoolean(), device.Get<bool>("time_in_steps"));
            Assert.Equal(expected.GetProperty("record_from").EnumerateArray().Select(e => e.GetString()!), device.Get<string[]>("record_from"));
        }
    }
}
