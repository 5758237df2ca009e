using NestSharp.Tests.Checkpoint;

namespace NestSharp.Tests.Models;

/// <summary>
/// iaf_cond_alpha_mc: NEST's defaults and status layout (per-compartment sub-dictionaries, set one key at a time),
/// NEST's receptor numbering and its errors, a spike of weight 1 giving a conductance peak of 1 nS at tau_syn in its
/// compartment only, every compartment held during the refractory period, NEST's checks (a bad value changes nothing),
/// the same results for 1, 2 and 4 threads and a checkpoint in the middle of a run continuing bitwise.
/// </summary>
public sealed class IafCondAlphaMcTests : IDisposable
{
    private const string Model = "iaf_cond_alpha_mc";

    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-mc-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Defaults_AreNests()
    {
        var defaults = new Simulator().GetDefaults(Model);
        Assert.Equal(-55.0, (double)defaults["V_th"]);
        Assert.Equal(-60.0, (double)defaults["V_reset"]);
        Assert.Equal(2.0, (double)defaults["t_ref"]);
        Assert.Equal(2.5, (double)defaults["g_sp"]);
        Assert.Equal(1.0, (double)defaults["g_pd"]);
        foreach (var (compartment, gL, cm) in new[] { ("soma", 10.0, 150.0), ("proximal", 5.0, 75.0), ("distal", 10.0, 150.0) })
        {
            var sub = (Dictionary<string, object>)defaults[compartment];
            var expected = new Dictionary<string, double>
            {
                ["g_L"] = gL, ["C_m"] = cm, ["E_L"] = -70.0, ["E_ex"] = 0.0, ["E_in"] = -85.0, ["tau_syn_ex"] = 0.5, ["tau_syn_in"] = 2.0,
                ["I_e"] = 0.0, ["V_m"] = -70.0,
            };
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), sub.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, value) in expected) Assert.Equal(value, (double)sub[key]);
        }
        var receptors = (IReadOnlyDictionary<string, int>)defaults["receptor_types"];
        string[] names = ["soma_exc", "soma_inh", "proximal_exc", "proximal_inh", "distal_exc", "distal_inh", "soma_curr", "proximal_curr", "distal_curr"];
        for (int i = 0; i < names.Length; i++) Assert.Equal(i + 1, receptors[names[i]]);
        Assert.Equal(["V_m.d", "V_m.p", "V_m.s", "g_ex.d", "g_ex.p", "g_ex.s", "g_in.d", "g_in.p", "g_in.s", "t_ref_remaining"],
            ((string[])defaults["recordables"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CompartmentEntries_AreSetOneKeyAtATime()
    {
        var neuron = new Simulator().Create(Model);
        neuron.Set("proximal", new Dictionary<string, object> { ["g_L"] = 7.0, ["V_m"] = -66.0 });
        var proximal = neuron.Get<Dictionary<string, object>>("proximal");
        Assert.Equal(7.0, (double)proximal["g_L"]);
        Assert.Equal(-66.0, (double)proximal["V_m"]);
        Assert.Equal(75.0, (double)proximal["C_m"]);
        Assert.Equal(5.0.GetType(), proximal["E_L"].GetType());
        Assert.Equal(-70.0, (double)neuron.Get<Dictionary<string, object>>("soma")["V_m"]);
    }

    [Theory]
    [InlineData("spike_generator", 0L, typeof(IncompatibleReceptorTypeException))]
    [InlineData("spike_generator", 7L, typeof(IncompatibleReceptorTypeException))]
    [InlineData("spike_generator", 10L, typeof(UnknownReceptorTypeException))]
    [InlineData("dc_generator", 0L, typeof(IncompatibleReceptorTypeException))]
    [InlineData("dc_generator", 6L, typeof(IncompatibleReceptorTypeException))]
    [InlineData("dc_generator", 10L, typeof(UnknownReceptorTypeException))]
    public void Receptors_OutsideTheirRange_AreRefusedAsNestDoes(string source, long receptor, Type expected)
    {
        var nest = new Simulator();
        var neuron = nest.Create(Model);
        var device = nest.Create(source);
        var e = Assert.Throws(expected, () => nest.Connect(device, neuron, syn: new Dictionary<string, object> { ["receptor_type"] = receptor }));
        Assert.Contains(receptor.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Convert.ToInt64(nest.GetKernelStatus()["num_connections"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Spike_OfWeightOne_PeaksAtOneNanosiemensInItsCompartmentOnly()
    {
        var nest = new Simulator();
        var neuron = nest.Create(Model);
        var generator = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0 } });
        nest.Connect(generator, neuron, syn: new Dictionary<string, object> { ["receptor_type"] = 3L, ["weight"] = 1.0, ["delay"] = 1.0 });
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "g_ex.s", "g_ex.p", "g_ex.d", "g_in.p" }, ["interval"] = 0.1 });
        nest.Connect(meter, neuron);
        nest.Simulate(20.0);
        double[] times = NestSuite.NestSuiteHelpers.Doubles(meter, "times");
        double[] gExP = NestSuite.NestSuiteHelpers.Doubles(meter, "g_ex.p");
        int peak = Array.IndexOf(gExP, gExP.Max());
        Assert.Equal(11.0 + 0.5, times[peak], 1e-9); // arrival at 11 ms, tau_syn_ex 0.5 ms
        Assert.Equal(1.0, gExP[peak], 1e-3);
        foreach (string other in new[] { "g_ex.s", "g_ex.d", "g_in.p" })
            Assert.All(NestSuite.NestSuiteHelpers.Doubles(meter, other), g => Assert.Equal(0.0, g));
    }

    [Fact]
    public void Refractoriness_HoldsEveryCompartment()
    {
        var nest = new Simulator();
        var neuron = nest.Create(Model, 1, new() { ["t_ref"] = 5.0, ["soma"] = new Dictionary<string, object> { ["I_e"] = 600.0 } });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neuron, recorder);
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m.s", "V_m.p", "V_m.d", "t_ref_remaining" }, ["interval"] = 0.1 });
        nest.Connect(meter, neuron);
        nest.Simulate(100.0);

        double spike = NestSuite.NestSuiteHelpers.Doubles(recorder, "times")[0];
        double[] times = NestSuite.NestSuiteHelpers.Doubles(meter, "times");
        double[] vs = NestSuite.NestSuiteHelpers.Doubles(meter, "V_m.s");
        double[] vp = NestSuite.NestSuiteHelpers.Doubles(meter, "V_m.p");
        double[] vd = NestSuite.NestSuiteHelpers.Doubles(meter, "V_m.d");
        double[] remaining = NestSuite.NestSuiteHelpers.Doubles(meter, "t_ref_remaining");
        int at = Array.IndexOf(times, spike);
        Assert.Equal(5.0, remaining[at], 1e-12);
        // 50 refractory steps: the soma at V_reset, the dendrites where the spike left them
        for (int i = at; i <= at + 50; i++)
        {
            Assert.Equal(-60.0, vs[i]);
            Assert.Equal(vp[at], vp[i]);
            Assert.Equal(vd[at], vd[i]);
        }
        Assert.Equal(0.0, remaining[at + 50]);
        Assert.NotEqual(vp[at], vp[at + 51]);
    }

    [Theory]
    [InlineData("V_reset", -50.0, "V_reset")]
    [InlineData("t_ref", -1.0, "t_ref")]
    [InlineData("soma", 0.0, "C_m")]
    [InlineData("proximal", 0.0, "tau_syn_ex")]
    [InlineData("distal", -1.0, "tau_syn_in")]
    public void BadValues_AreRefusedAndChangeNothing(string key, double value, string named)
    {
        var neuron = new Simulator().Create(Model);
        object bad = key switch
        {
            "soma" or "proximal" or "distal" => new Dictionary<string, object> { [named] = value },
            _ => value,
        };
        var e = Assert.Throws<BadPropertyException>(() => neuron.Set(new Dictionary<string, object> { [key] = bad, ["g_sp"] = 3.0 }));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Equal(2.5, neuron.Get<double>("g_sp"));
        Assert.Equal(75.0, (double)neuron.Get<Dictionary<string, object>>("proximal")["C_m"]);
    }

    private static void Build(Simulator nest)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 5L });
        var neurons = nest.Create(Model, 23, new() { ["t_ref"] = 3.0 });
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 15000.0 });
        var current = nest.Create("noise_generator", 1, new() { ["std"] = 100.0, ["dt"] = 0.5 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = 6.0, ["receptor_type"] = 1L });
        nest.Connect(current, neurons, syn: new Dictionary<string, object> { ["receptor_type"] = 9L });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(4), new Dictionary<string, object> { ["weight"] = 20.0, ["delay"] = 1.0, ["receptor_type"] = 3L });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(2), new Dictionary<string, object> { ["weight"] = 10.0, ["delay"] = 1.7, ["receptor_type"] = 6L });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neurons, recorder);
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m.s", "V_m.d", "g_in.d" }, ["interval"] = 0.5 });
        nest.Connect(meter, neurons);
    }

    private static (long, double)[] Spikes(Simulator nest)
    {
        var recorder = nest.Nodes(24 + 3);
        long[] senders = NestSuite.NestSuiteHelpers.Longs(recorder, "senders");
        double[] times = NestSuite.NestSuiteHelpers.Doubles(recorder, "times");
        return senders.Select((s, i) => (s, times[i])).Order().ToArray();
    }

    [Fact]
    public void Network_GivesTheSameResultsForAnyThreadCount()
    {
        (long, double)[]? one = null;
        (long, double, double)[]? oneSamples = null;
        foreach (int threads in new[] { 1, 2, 4 })
        {
            var nest = new Simulator();
            nest.SetKernelStatus("local_num_threads", threads);
            Build(nest);
            nest.Simulate(150.0);
            var spikes = Spikes(nest);
            var meter = nest.Nodes(nest.NetworkSize);
            long[] senders = NestSuite.NestSuiteHelpers.Longs(meter, "senders");
            double[] times = NestSuite.NestSuiteHelpers.Doubles(meter, "times"), vm = NestSuite.NestSuiteHelpers.Doubles(meter, "V_m.d");
            var samples = senders.Select((s, i) => (s, times[i], vm[i])).OrderBy(x => x.Item2).ThenBy(x => x.s).ToArray();
            if (one is null)
            {
                Assert.True(spikes.Length > 50, $"only {spikes.Length} spikes");
                one = spikes;
                oneSamples = samples;
                continue;
            }
            Assert.Equal(one, spikes);
            Assert.Equal(oneSamples, samples);
        }
    }

    [Fact]
    public void Checkpoint_ContinuesBitwise()
    {
        var reference = new Simulator();
        Build(reference);
        reference.Simulate(41.3);
        reference.Simulate(40.0);
        string expected = CheckpointSplitRunTests.Observe(reference);
        Assert.NotEmpty(Spikes(reference));

        foreach (var (before, after) in new[] { (1, 1), (1, 2), (2, 1) })
        {
            var resumed = CheckpointSplitRunTests.Restored(Build, Path.Combine(_folder, $"mc{before}{after}.nscp"), 41.3, before, after);
            resumed.Simulate(40.0);
            Assert.Equal(expected, CheckpointSplitRunTests.Observe(resumed));
        }
    }
}
