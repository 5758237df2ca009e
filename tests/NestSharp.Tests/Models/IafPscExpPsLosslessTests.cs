namespace NestSharp.Tests.Models;

/// <summary>
/// iaf_psc_exp_ps_lossless: the three regions of the state space that test_lossless_spike_detection means to reach
/// (NEST's test connects its trigger with the default weight, see NestSuite/Neurons/IafPscExpPsNeuronsTests), with
/// the reference times of Krishnan et al.'s script; the crossing iaf_psc_exp_ps misses within a step and this model
/// finds; the same results on 1, 2 and 4 threads; a checkpoint that continues bitwise; NEST's checks, each naming the
/// key and value and changing nothing; and the status and recordables NEST shows.
/// </summary>
public sealed class IafPscExpPsLosslessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-lossless-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// test_lossless_spike_detection as meant: resolution 1 ms, tau_m 100, tau_syn 1 ms, V_th -49 mV; a DC of 52.5 pA
    /// (equilibrium at -49 mV) until 3 ms, V_m set to -49.001 mV at 2 ms, one precise spike at 3 ms (delay 1 ms) with
    /// weight <paramref name="weight"/>; the spike times until 12 ms.
    /// </summary>
    private static double[] TriggeredSpikes(string model, double weight)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = 1, ["resolution"] = 1.0 });
        var neuron = nest.Create(model, 1, new()
        {
            ["tau_m"] = 100.0, ["tau_syn_ex"] = 1.0, ["tau_syn_in"] = 1.0, ["C_m"] = 250.0, ["V_th"] = -49.0,
        });
        var trigger = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 3.0 } });
        nest.Connect(trigger, neuron, syn: new Dictionary<string, object> { ["weight"] = weight });
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 52.5 });
        nest.Connect(dc, neuron, syn: new Dictionary<string, object> { ["delay"] = 1.0, ["weight"] = 1.0 });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neuron, recorder);
        nest.Simulate(2.0);
        neuron.Set("V_m", -49.001);
        dc.Set("amplitude", 0.0);
        nest.Simulate(10.0);
        return NestSuite.NestSuiteHelpers.Doubles(recorder, "times");
    }

    [Theory]
    [InlineData(55.0, double.NaN)] // NS2: no spike
    [InlineData(70.0, 4.01442)] // S2: V rises above V_th and falls back within the step
    [InlineData(90.0, 4.00659)] // S1: V is above V_th at the step's end
    public void StateSpaceRegions_GiveTheReferenceSpikes(double weight, double expected)
    {
        double[] times = TriggeredSpikes("iaf_psc_exp_ps_lossless", weight);
        if (double.IsNaN(expected))
        {
            Assert.Empty(times);
            return;
        }
        Assert.Single(times);
        // the reference times have 5 decimals
        Assert.True(Math.Abs(times[0] - expected) <= 5e-6, $"spike at {times[0]:R}, reference {expected}");
    }

    [Fact]
    public void ACrossingWithinAStep_IafPscExpPsMisses_TheLosslessModelFinds()
    {
        // weight 70: within the step from 4 to 5 ms V crosses V_th near 4.014 ms and is below it again at 5 ms
        Assert.Empty(TriggeredSpikes("iaf_psc_exp_ps", 70.0));
        Assert.Single(TriggeredSpikes("iaf_psc_exp_ps_lossless", 70.0));
        // weight 90: V is above V_th at the step's end, and both find the same crossing
        double[] lossy = TriggeredSpikes("iaf_psc_exp_ps", 90.0), lossless = TriggeredSpikes("iaf_psc_exp_ps_lossless", 90.0);
        Assert.Single(lossy);
        Assert.Equal(lossy, lossless);
    }

    [Fact]
    public void WithoutMissedCrossings_ItIsIafPscExpPs()
    {
        // equal synaptic time constants, DC and precise input well above threshold: each crossing lies at a step's end
        // region, where both models take the same regula falsi from the same state
        var parameters = new Dictionary<string, object> { ["I_e"] = 120.0, ["t_ref"] = 1.55, ["tau_syn_ex"] = 1.5, ["tau_syn_in"] = 1.5 };
        (double[] Vm, double[] Spikes) Run(string model)
        {
            var nest = new Simulator();
            var neuron = nest.Create(model, 1, parameters);
            var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 1200.0, ["start"] = 3.0, ["stop"] = 22.0 });
            nest.Connect(dc, neuron);
            foreach (var (time, weight) in new[] { (1.234, 900.0), (2.71828, -400.0), (4.05, 700.0), (9.87654, -2500.0), (11.11, 800.0) })
            {
                var sg = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { time } });
                nest.Connect(sg, neuron, syn: new Dictionary<string, object> { ["weight"] = weight, ["delay"] = 1.0 });
            }
            var vm = nest.Create("voltmeter", 1, new() { ["interval"] = 0.1 });
            nest.Connect(vm, neuron);
            var sr = nest.Create("spike_recorder");
            nest.Connect(neuron, sr);
            nest.Simulate(30.0);
            return (NestSuite.NestSuiteHelpers.Doubles(vm, "V_m"), NestSuite.NestSuiteHelpers.Doubles(sr, "times"));
        }
        var lossy = Run("iaf_psc_exp_ps");
        var lossless = Run("iaf_psc_exp_ps_lossless");
        Assert.True(lossy.Spikes.Length >= 3, $"{lossy.Spikes.Length} spikes");
        Assert.Equal(lossy.Spikes, lossless.Spikes);
        Assert.Equal(lossy.Vm, lossless.Vm);
    }

    [Fact]
    public void OneTwoAndFourThreads_GiveTheSameSpikesAndPotentials() =>
        ModelThreadRuns.AssertThreadInvariant("iaf_psc_exp_ps_lossless", new() { ["t_ref"] = 1.55 }, 20.0, 10.0);

    /// <summary>Noise-driven lossless neurons with recurrent precise spikes, a multimeter of every recordable and a spike recorder.</summary>
    private static void BuildNetwork(Simulator nest)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 77L });
        var neurons = nest.Create("iaf_psc_exp_ps_lossless", 12, new() { ["t_ref"] = 1.55, ["tau_syn_ex"] = 1.2, ["tau_syn_in"] = 1.2 });
        neurons.Set("V_m", nest.Random.Uniform(-70.0, -56.0));
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 15000.0 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = 25.0, ["delay"] = 1.0 });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(3), new Dictionary<string, object> { ["weight"] = 40.0, ["delay"] = 1.3 });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(2), new Dictionary<string, object> { ["weight"] = -60.0, ["delay"] = 0.7 });
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m", "I_syn", "I_syn_ex", "I_syn_in" }, ["interval"] = 0.3 });
        nest.Connect(meter, neurons);
        nest.Connect(neurons, nest.Create("spike_recorder"));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(1, 2)]
    public void Checkpoint_ContinuesAsTheUninterruptedRun(int threadsBefore, int threadsAfter)
    {
        var whole = new Simulator();
        BuildNetwork(whole);
        whole.Simulate(23.4);
        whole.Simulate(30.0);
        string expected = Checkpoint.CheckpointSplitRunTests.Observe(whole);
        Assert.True((long)whole.Nodes(whole.NetworkSize).Get("n_events") > 20, "too few spikes to see spike state");

        var resumed = Checkpoint.CheckpointSplitRunTests.Restored(BuildNetwork, Path.Combine(_folder, $"lossless-{threadsBefore}-{threadsAfter}.nscp"),
            23.4, threadsBefore, threadsAfter);
        resumed.Simulate(30.0);
        Assert.Equal(expected, Checkpoint.CheckpointSplitRunTests.Observe(resumed));
    }

    public static TheoryData<string, object, string> BadValues() => new()
    {
        { "V_reset", -50.0, "-50" }, // not below V_th
        { "V_min", -60.0, "-70" }, // above V_reset: the check names V_reset
        { "C_m", 0.0, "0" },
        { "C_m", -250.0, "-250" },
        { "t_ref", -0.5, "-0.5" },
        { "tau_syn_ex", 3.0, "3" }, // unequal to tau_syn_in
        { "tau_syn_in", 3.0, "3" },
        { "tau_m", 0.0, "0" },
        { "tau_m", 2.0, "2" }, // equal to the synaptic time constants
        { "I_syn", 1.0, "I_syn" }, // read-only
        { "offset", 1.0, "offset" }, // read-only
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void BadValue_IsRefused_NamingKeyAndValue_AndChangesNothing(string key, object value, string mention)
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_psc_exp_ps_lossless", 1, new() { ["I_e"] = 400.0 });
        nest.Simulate(20.0);
        string before = NestJson.ToJson(new SortedDictionary<string, object>(neuron.GetStatus()[0], StringComparer.Ordinal));
        var error = Assert.ThrowsAny<NestException>(() => neuron.Set(key, value));
        Assert.True(error is BadPropertyException or UnaccessedDictionaryEntryException, error.GetType().Name);
        Assert.Contains(key is "V_min" ? "V_reset" : key, error.Message, StringComparison.Ordinal);
        Assert.Contains(mention, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, NestJson.ToJson(new SortedDictionary<string, object>(neuron.GetStatus()[0], StringComparer.Ordinal)));
    }

    [Fact]
    public void BothSynapticTimeConstants_ChangeTogether()
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_psc_exp_ps_lossless");
        neuron.Set(new Dictionary<string, object> { ["tau_syn_ex"] = 3.0, ["tau_syn_in"] = 3.0 });
        Assert.Equal(3.0, neuron.Get<double>("tau_syn_ex"));
        var error = Assert.Throws<BadPropertyException>(() => neuron.Set(new Dictionary<string, object> { ["tau_syn_ex"] = 10.0, ["tau_syn_in"] = 10.0 }));
        Assert.Contains("tau_m", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroRefractoryTime_IsAccepted_UnlikeIafPscExpPs()
    {
        var nest = new Simulator();
        Assert.Throws<BadPropertyException>(() => nest.Create("iaf_psc_exp_ps", 1, new() { ["t_ref"] = 0.0 }));
        var neuron = nest.Create("iaf_psc_exp_ps_lossless", 1, new() { ["t_ref"] = 0.0 });
        nest.Simulate(1.0);
        Assert.Equal(0.0, neuron.Get<double>("t_ref"));
    }

    [Fact]
    public void Status_ShowsNestsKeys_AndRecordables()
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_psc_exp_ps_lossless", 1, new() { ["I_e"] = 1000.0 });
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
        nest.Connect(sg, neuron, syn: new Dictionary<string, object> { ["weight"] = -30.0 });
        Assert.Equal(["I_syn", "I_syn_ex", "I_syn_in", "V_m"], ((string[])neuron.Get("recordables")).Order(StringComparer.Ordinal));
        nest.Simulate(5.0);
        var status = neuron.GetStatus()[0];
        Assert.Equal((double)status["I_syn_ex"] + (double)status["I_syn_in"], (double)status["I_syn"]);
        Assert.True((double)status["I_syn_in"] < 0.0);
        double tSpike = (double)status["t_spike"], offset = (double)status["offset"];
        Assert.True(tSpike > 0.0 && offset > 0.0 && offset < 0.1, $"t_spike {tSpike}, offset {offset}");
        // the last spike's stamp less its offset is its time
        Assert.Equal(Math.Ceiling(tSpike / 0.1 - 1e-9) * 0.1 - offset, tSpike, 1e-12);
    }
}
