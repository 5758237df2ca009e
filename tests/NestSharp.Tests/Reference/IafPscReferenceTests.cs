using System.Text.Json;
using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// iaf_psc_alpha and iaf_psc_exp against NEST 3.10: each test rebuilds one single-neuron experiment of
/// <c>Reference/det/</c> from its JSON (kernel, neuron parameters, spike_generator inputs with their weights and delays,
/// DC input as I_e, multimeter and spike recorder, Simulate calls) and compares with NEST's recorded output. Exact
/// integration must reproduce NEST's membrane potential and synaptic currents to 1e-9 and its spike steps exactly.
/// </summary>
public sealed class IafPscReferenceTests(ITestOutputHelper output)
{
    /// <summary>Largest allowed deviation from NEST: mV for V_m, pA for I_syn_ex and I_syn_in.</summary>
    private const double Tolerance = 1e-9;

    [Fact]
    public void IafPscAlpha_WithSpikeInput_MatchesNestTrace() => AssertTraceMatchesNest("iaf_psc_alpha_spikes");

    [Fact]
    public void IafPscAlpha_WithSpikeInput_MatchesNestSpikes() => AssertSpikesMatchNest("iaf_psc_alpha_spikes");

    [Fact]
    public void IafPscAlpha_WithDcInput_MatchesNestTrace() => AssertTraceMatchesNest("iaf_psc_alpha_dc");

    [Fact]
    public void IafPscAlpha_WithDcInput_MatchesNestSpikes() => AssertSpikesMatchNest("iaf_psc_alpha_dc");

    [Fact]
    public void IafPscExp_WithSpikeInput_MatchesNestTrace() => AssertTraceMatchesNest("iaf_psc_exp_spikes");

    [Fact]
    public void IafPscExp_WithSpikeInput_MatchesNestSpikes() => AssertSpikesMatchNest("iaf_psc_exp_spikes");

    [Fact]
    public void IafPscExp_WithDcInput_MatchesNestTrace() => AssertTraceMatchesNest("iaf_psc_exp_dc");

    [Fact]
    public void IafPscExp_WithDcInput_MatchesNestSpikes() => AssertSpikesMatchNest("iaf_psc_exp_dc");

    private void AssertTraceMatchesNest(string experiment)
    {
        var run = Run(experiment);
        var recording = run.Setup.GetProperty("recording");
        var expected = ReferenceData.ReadCsv(recording.GetProperty("trace_csv").GetString()!);
        Assert.Equal(recording.GetProperty("n_rows").GetInt32(), expected.Rows.Length);
        var events = (Dictionary<string, object>)run.Multimeter.Get("events");
        Assert.All((long[])events["senders"], s => Assert.Equal(run.NeuronId, s));

        var recordables = recording.GetProperty("record_from").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var deviations = ReferenceAssert.TraceMatches(expected, events, run.NeuronId, recordables, Tolerance);
        output.WriteLine($"{experiment}: {expected.Rows.Length} samples; max |diff| "
            + string.Join(", ", deviations.Select(d => $"{d.Key} {d.Value:R}")));
    }

    private void AssertSpikesMatchNest(string experiment)
    {
        var run = Run(experiment);
        var expected = ReferenceData.Doubles(run.Setup.GetProperty("output_spike_times_ms"))
            .Select(t => (run.NeuronId, t)).ToArray();
        Assert.Equal(run.Setup.GetProperty("n_output_spikes").GetInt32(), expected.Length);
        ReferenceAssert.SpikesMatch(expected, (Dictionary<string, object>)run.SpikeRecorder.Get("events"));
        Assert.Equal(expected.Length, run.SpikeRecorder.Get<long>("n_events"));
        output.WriteLine($"{experiment}: {expected.Length} spikes identical to NEST");
    }

    private sealed record ExperimentRun(JsonElement Setup, long NeuronId, NodeCollection Multimeter, NodeCollection SpikeRecorder);

    /// <summary>Rebuilds and simulates a det/ single-neuron experiment as its JSON describes it.</summary>
    private static ExperimentRun Run(string experiment)
    {
        var setup = ReferenceData.Experiment(experiment);
        var nest = new Simulator();
        var kernel = setup.GetProperty("kernel");
        ReferenceData.ApplyKernel(nest, kernel);

        // The DC input of these experiments is the neuron's own I_e over the whole run.
        var parameters = ReferenceData.ToStatus(setup.GetProperty("neuron_params_set"));
        var dc = setup.GetProperty("dc_input");
        Assert.Equal(dc.GetProperty("I_e_pA").GetDouble(), (double)parameters["I_e"]);
        Assert.Equal(0.0, dc.GetProperty("from_ms").GetDouble());
        Assert.Equal(setup.GetProperty("sim_time_ms").GetDouble(), dc.GetProperty("to_ms").GetDouble());

        var neuron = nest.Create(setup.GetProperty("model").GetString()!, 1, parameters);
        long neuronId = setup.GetProperty("neuron_node_id").GetInt64();
        Assert.Equal(neuronId, neuron.Ids[0]);

        foreach (var input in setup.GetProperty("inputs").EnumerateArray())
        {
            Assert.Equal("spike_generator", input.GetProperty("device").GetString());
            var generator = nest.Create("spike_generator", 1, new()
            {
                ["spike_times"] = ReferenceData.Doubles(input.GetProperty("spike_times")),
            });
            nest.Connect(generator, neuron, syn: new Dictionary<string, object>
            {
                ["synapse_model"] = input.GetProperty("synapse_model").GetString()!,
                ["weight"] = input.GetProperty("weight_pA").GetDouble(),
                ["delay"] = input.GetProperty("delay_ms").GetDouble(),
                ["receptor_type"] = input.GetProperty("receptor_type").GetInt64(),
            });
        }

        var recording = setup.GetProperty("recording");
        var multimeter = nest.Create("multimeter", 1, new()
        {
            ["interval"] = recording.GetProperty("multimeter_interval_ms").GetDouble(),
            ["record_from"] = recording.GetProperty("record_from").EnumerateArray().Select(e => e.GetString()!).ToArray(),
        });
        var spikeRecorder = nest.Create("spike_recorder");
        nest.Connect(multimeter, neuron);
        nest.Connect(neuron, spikeRecorder);

        foreach (var t in setup.GetProperty("simulate_calls_ms").EnumerateArray()) nest.Simulate(t.GetDouble());

        // The multimeter hands samples over one min_delay late, so the trace length depends on it.
        Assert.Equal(kernel.GetProperty("min_delay").GetDouble(), (double)nest.GetKernelStatus("min_delay"));
        Assert.Equal(kernel.GetProperty("max_delay").GetDouble(), (double)nest.GetKernelStatus("max_delay"));
        return new ExperimentRun(setup, neuronId, multimeter, spikeRecorder);
    }
}
