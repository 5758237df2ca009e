using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// pp_cond_exp_mc_urbanczik against NEST 3.10 (Reference/det/pp_cond_exp_mc_urbanczik_det): spiking switched off
/// (phi_max = 1e-12), four spike generators drive the somatic conductances and the dendritic currents through the four
/// spike receptors, a multimeter records all six recordables at 0.1 ms for 150 ms. The neuron is integrated with the
/// same adaptive RKF45 scheme as NEST's GSL set-up, so the sample times must be identical and every recordable must agree
/// to 1e-6 relative (absolute where |value| &lt; 1).
/// </summary>
public sealed class UrbanczikReferenceTests(ITestOutputHelper output)
{
    private const string Experiment = "pp_cond_exp_mc_urbanczik_det";
    private const double Tolerance = 1e-6;

    private static bool Close(double actual, double expected) =>
        Math.Abs(actual - expected) <= Tolerance * Math.Max(1.0, Math.Abs(expected));

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The JSON parameters as a status dictionary, compartments as nested dictionaries.</summary>
    private static Dictionary<string, object> NeuronParameters(JsonElement parameters) =>
        parameters.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.Object ? (object)ReferenceData.ToStatus(p.Value) : p.Value.GetDouble());

    private sealed record Run(JsonElement Setup, Dictionary<string, object> Trace, Dictionary<string, object> Spikes, Dictionary<string, object> Status);

    private static Run Simulate()
    {
        var setup = ReferenceData.Experiment(Experiment);
        var nest = new Simulator();
        ReferenceData.ApplyKernel(nest, setup.GetProperty("kernel"));
        var neuron = nest.Create(setup.GetProperty("model").GetString()!, 1, NeuronParameters(setup.GetProperty("neuron_params_set")));
        var receptors = (Dictionary<string, int>)neuron.Get("receptor_types");
        foreach (var input in setup.GetProperty("inputs").EnumerateArray())
        {
            Assert.Equal(input.GetProperty("receptor_type").GetInt32(), receptors[input.GetProperty("receptor").GetString()!]);
            var generator = nest.Create(input.GetProperty("device").GetString()!, 1, new()
            {
                ["spike_times"] = ReferenceData.Doubles(input.GetProperty("spike_times")),
            });
            nest.Connect(generator, neuron, syn: new Dictionary<string, object>
            {
                ["synapse_model"] = input.GetProperty("synapse_model").GetString()!,
                ["weight"] = input.GetProperty("weight").GetDouble(),
                ["delay"] = input.GetProperty("delay_ms").GetDouble(),
                ["receptor_type"] = input.GetProperty("receptor_type").GetInt32(),
            });
        }
        var recording = setup.GetProperty("recording");
        var mm = nest.Create("multimeter", 1, new()
        {
            ["interval"] = recording.GetProperty("multimeter_interval_ms").GetDouble(),
            ["record_from"] = recording.GetProperty("record_from").EnumerateArray().Select(e => e.GetString()!).ToArray(),
        });
        var sr = nest.Create("spike_recorder");
        nest.Connect(mm, neuron);
        nest.Connect(neuron, sr);
        foreach (double t in ReferenceData.Doubles(setup.GetProperty("simulate_calls_ms"))) nest.Simulate(t);
        return new Run(setup, (Dictionary<string, object>)mm.Get("events"), (Dictionary<string, object>)sr.Get("events"), neuron.GetStatus()[0]);
    }

    [Fact]
    public void TraceWithSpikingOff_MatchesNest()
    {
        var expected = ReferenceData.ReadCsv(Experiment + "_trace.csv");
        var run = Simulate();
        var events = run.Trace;
        var times = (double[])events["times"];
        Assert.Equal(run.Setup.GetProperty("recording").GetProperty("n_rows").GetInt32(), expected.Rows.Length);
        Assert.Equal(expected.Rows.Length, times.Length);
        Assert.Equal(expected.Column("time"), times);

        var report = new List<string>();
        foreach (string name in expected.Header.Skip(1))
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
            report.Add($"{name} {maxAbs:G3} (rel {maxRel:G3})");
        }
        output.WriteLine($"{Experiment}: max |diff| " + string.Join(", ", report));
    }

    [Fact]
    public void NoSpikes_AsNest()
    {
        Assert.Empty(ReferenceAssert.SpikesOf(ReferenceData.ReadCsv(Experiment + "_spikes.csv")));
        var run = Simulate();
        Assert.Empty((long[])run.Spikes["senders"]);
        Assert.Equal(run.Setup.GetProperty("n_output_spikes").GetInt32(), ((double[])run.Spikes["times"]).Length);
    }

    [Fact]
    public void FinalCompartmentPotentials_MatchNest()
    {
        var run = Simulate();
        var nestStatus = run.Setup.GetProperty("neuron_status_after_sim");
        foreach (string compartment in new[] { "soma", "dendritic" })
        {
            var ours = (Dictionary<string, object>)run.Status[compartment];
            double expected = nestStatus.GetProperty(compartment).GetProperty("V_m").GetDouble(), actual = (double)ours["V_m"];
            Assert.True(Close(actual, expected), $"{compartment}.V_m: NestSharp {R(actual)}, NEST {R(expected)}");
            foreach (var entry in nestStatus.GetProperty(compartment).EnumerateObject().Where(e => e.Name != "V_m"))
                Assert.Equal(entry.Value.GetDouble(), (double)ours[entry.Name]);
        }
        foreach (string key in new[] { "g_sp", "g_ps", "t_ref", "phi_max", "rate_slope", "beta", "theta" })
            Assert.Equal(nestStatus.GetProperty(key).GetDouble(), (double)run.Status[key]);
    }
}
