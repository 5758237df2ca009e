using System.Text.Json;
using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// ignore_and_fire against NEST 3.10: the ignore_and_fire_r10_p0.3 experiment of <c>Reference/det/</c> rebuilt from its
/// JSON (kernel, model, parameters, inputs, Simulate calls) must give NEST's spike times and senders exactly, and the
/// model's defaults must be NEST's (<c>Reference/defaults/ignore_and_fire.json</c>).
/// </summary>
public sealed class IgnoreAndFireReferenceTests(ITestOutputHelper output)
{
    private const string Experiment = "ignore_and_fire_r10_p0.3";

    [Fact]
    public void IgnoreAndFire_Rate10Phase03_SpikesAsNestCsv()
    {
        var run = Run();
        var expected = ReferenceAssert.SpikesOf(ReferenceData.ReadCsv(run.Setup.GetProperty("spikes_csv").GetString()!));
        Assert.Equal(run.Setup.GetProperty("n_output_spikes").GetInt32(), expected.Length);
        ReferenceAssert.SpikesMatch(expected, (Dictionary<string, object>)run.SpikeRecorder.Get("events"));
        output.WriteLine($"{Experiment}: {expected.Length} spikes identical to NEST");
    }

    [Fact]
    public void IgnoreAndFire_Rate10Phase03_SpikeTimesAsNestJson()
    {
        var run = Run();
        var expected = ReferenceData.Doubles(run.Setup.GetProperty("output_spike_times_ms")).Select(t => (run.NeuronId, t)).ToArray();
        ReferenceAssert.SpikesMatch(expected, (Dictionary<string, object>)run.SpikeRecorder.Get("events"));
    }

    [Fact]
    public void IgnoreAndFire_AfterRun_ReportsNestParameters()
    {
        var run = Run();
        var nestStatus = run.Setup.GetProperty("neuron_status_after_sim");
        // Ca and t_spike are archiving-node spike bookkeeping, which NestSharp's neuron models do not track.
        foreach (string key in new[] { "phase", "rate", "tau_minus", "tau_minus_triplet", "tau_Ca", "beta_Ca" })
            Assert.Equal(nestStatus.GetProperty(key).GetDouble(), run.Neuron.Get<double>(key));
        Assert.Equal(nestStatus.GetProperty("model").GetString(), run.Neuron.Get<string>("model"));
        Assert.Equal(nestStatus.GetProperty("element_type").GetString(), run.Neuron.Get<string>("element_type"));
        Assert.Empty((string[])run.Neuron.Get("recordables"));
        Assert.Equal(0, nestStatus.GetProperty("recordables").GetArrayLength());
    }

    [Fact]
    public void IgnoreAndFire_Defaults_EqualNest()
    {
        var theirs = NestDefaults.Of("ignore_and_fire");
        var ours = new Simulator().GetDefaults("ignore_and_fire");
        foreach (string key in new[] { "phase", "rate", "tau_minus", "tau_minus_triplet", "tau_Ca", "beta_Ca", "Ca" })
        {
            Assert.True(ours.ContainsKey(key), $"ignore_and_fire lacks '{key}'");
            Assert.Equal(theirs[key].GetDouble(), Convert.ToDouble(ours[key]));
        }
        Assert.Equal(theirs["element_type"].GetString(), ours["element_type"]);
        Assert.Empty((string[])ours["recordables"]);
        Assert.Equal(0, theirs["recordables"].GetArrayLength());
    }

    private sealed record ExperimentRun(JsonElement Setup, long NeuronId, NodeCollection Neuron, NodeCollection SpikeRecorder);

    /// <summary>Rebuilds and simulates the experiment as its JSON describes it: one neuron, no inputs, a spike recorder.</summary>
    private static ExperimentRun Run()
    {
        var setup = ReferenceData.Experiment(Experiment);
        var nest = new Simulator();
        ReferenceData.ApplyKernel(nest, setup.GetProperty("kernel"));

        Assert.Equal(0, setup.GetProperty("inputs").GetArrayLength());
        var neuron = nest.Create(setup.GetProperty("model").GetString()!, 1, ReferenceData.ToStatus(setup.GetProperty("neuron_params_set")));
        long neuronId = neuron.Ids[0];
        Assert.Equal(setup.GetProperty("neuron_status_after_sim").GetProperty("global_id").GetInt64(), neuronId);
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neuron, recorder);

        double total = 0;
        foreach (double t in ReferenceData.Doubles(setup.GetProperty("simulate_calls_ms")))
        {
            nest.Simulate(t);
            total += t;
        }
        Assert.Equal(setup.GetProperty("sim_time_ms").GetDouble(), total);
        return new ExperimentRun(setup, neuronId, neuron, recorder);
    }
}
