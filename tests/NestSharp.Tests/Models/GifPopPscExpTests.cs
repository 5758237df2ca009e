using Xunit.Abstractions;
using NestSharp.Tests.NestSuite;

namespace NestSharp.Tests.Models;

/// <summary>
/// gif_pop_psc_exp (NEST 3.10's mesoscopic GIF population): the same results for 1, 2 and 4 threads and for 1 and 2
/// processes, a checkpoint that continues bitwise, NEST's status keys (a plain Node: no archiving entries) and checks,
/// the population restarting after a Set, spike counts whose mean is the model's expected count, and a population rate
/// equal to the stationary rate of as many gif_psc_exp neurons with the same parameters.
/// </summary>
public sealed class GifPopPscExpTests(ITestOutputHelper output)
{
    /// <summary>A short history (5 tau_m = 50 ms, 500 steps at 0.1 ms) so that the runs stay quick.</summary>
    private static Dictionary<string, object> Quick() => new()
    {
        ["N"] = 60L, ["tau_m"] = 10.0, ["tau_sfa"] = new[] { 20.0 }, ["q_sfa"] = new[] { 1.0 }, ["V_T_star"] = 10.0,
    };

    [Fact]
    public void OneTwoAndFourThreads_GiveIdenticalSpikesAndTraces()
    {
        var one = ModelThreadRuns.AssertThreadInvariant("gif_pop_psc_exp", Quick(), driveWeight: 5.0, recurrentWeight: 1.0);
        // a population sends its count as one event of that multiplicity; recorders see that many spikes
        Assert.True(one.Senders.Length > 500, $"only {one.Senders.Length} spikes");
    }

    /// <summary>Spikes (sender, step) and the n_events and mean samples of the nodes a rank holds, as sorted lines.</summary>
    private static string[] RankRun(Simulator nest, int threads)
    {
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 77L });
        var pops = nest.Create("gif_pop_psc_exp", 7, Quick());
        pops.Set("BinoRand", new object[] { true, false, true, false, true, false, true });
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 15000.0 });
        nest.Connect(noise, pops, syn: new Dictionary<string, object> { ["weight"] = 5.0, ["delay"] = 1.0 });
        nest.Connect(pops, pops, Rule.FixedIndegree(3), new Dictionary<string, object> { ["weight"] = -0.5, ["delay"] = 1.5 });
        var recorder = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        nest.Connect(pops, recorder);
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "n_events", "mean" }, ["interval"] = 0.1 });
        nest.Connect(meter, pops);
        nest.Simulate(150.0);
        long[] senders = NestSuiteHelpers.Longs(recorder, "senders"), steps = NestSuiteHelpers.Longs(recorder, "times");
        long[] sampled = NestSuiteHelpers.Longs(meter, "senders");
        double[] times = NestSuiteHelpers.Doubles(meter, "times"), counts = NestSuiteHelpers.Doubles(meter, "n_events"), means = NestSuiteHelpers.Doubles(meter, "mean");
        return
        [
            .. senders.Select((s, i) => $"spike {s} {steps[i]}"),
            .. sampled.Select((s, i) => $"sample {s} {times[i]:R} {counts[i]:R} {means[i]:R}"),
        ];
    }

    [Fact]
    public void OneAndTwoProcesses_GiveIdenticalSpikesAndCounts()
    {
        string[] alone = RankRun(new Simulator(), 1);
        Assert.Contains(alone, line => line.StartsWith("spike", StringComparison.Ordinal));
        var ranks = Distribution.InProcessRanks.Run(2, make => string.Join("\n", RankRun(make(), 2).Order(StringComparer.Ordinal)));
        // each process's recorders hold every process's events
        foreach (string? rank in ranks) Assert.Equal(string.Join("\n", alone.Order(StringComparer.Ordinal)), rank);
    }

    private static void BuildForCheckpoint(Simulator nest)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 5L });
        var pops = nest.Create("gif_pop_psc_exp", 5, Quick());
        pops.Set("BinoRand", new object[] { true, false, true, false, true });
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 15000.0 });
        nest.Connect(noise, pops, syn: new Dictionary<string, object> { ["weight"] = 5.0, ["delay"] = 1.0 });
        nest.Connect(pops, pops, Rule.FixedIndegree(2), new Dictionary<string, object> { ["weight"] = -0.5, ["delay"] = 1.3 });
        var meter = nest.Create("multimeter", 1, new()
        {
            ["record_from"] = new[] { "V_m", "n_events", "E_sfa", "mean", "I_syn_ex", "I_syn_in" }, ["interval"] = 0.3,
        });
        nest.Connect(meter, pops);
        var recorder = nest.Create("spike_recorder");
        nest.Connect(pops, recorder);
    }

    [Fact]
    public void Checkpoint_ContinuesBitwise_OnAnotherThreadCount() =>
        Checkpoint.CheckpointSplitRunTests.AssertResumesBitwise(BuildForCheckpoint, Checkpoint.CheckpointSplitRunTests.Observe, 23.4, 61.3, (1, 2), (2, 1));

    [Fact]
    public void Status_IsNestsPlainNode_WithTheChosenHistoryLengthAfterARun()
    {
        var nest = new Simulator();
        var defaults = nest.GetDefaults("gif_pop_psc_exp");
        foreach (string key in new[] { "tau_minus", "tau_minus_triplet", "Ca", "tau_Ca", "beta_Ca", "synaptic_elements", "t_spike", "archiver_length", "post_trace", "ignore_and_spike" })
            Assert.False(defaults.ContainsKey(key), key);
        Assert.Equal(100L, defaults["N"]);
        Assert.Equal(-1L, defaults["len_kernel"]);
        Assert.Equal(true, defaults["BinoRand"]);
        Assert.Equal(new[] { 300.0 }, (double[])defaults["tau_sfa"]);
        Assert.Equal(new[] { 0.5 }, (double[])defaults["q_sfa"]);
        Assert.Equal(new[] { "E_sfa", "I_syn_ex", "I_syn_in", "V_m", "mean", "n_events" }, (string[])defaults["recordables"]);

        var pop = nest.Create("gif_pop_psc_exp");
        nest.Simulate(1.0);
        // h = 0.1 ms: the kernel 0.5·exp(-k·h/300) is at least Delta_V/10 = 0.2 up to k = 2748
        Assert.Equal(2748L, pop.Get("len_kernel"));
        Assert.Equal(-1L, nest.GetDefaults("gif_pop_psc_exp")["len_kernel"]);
        Assert.IsType<long>(pop.Get("n_events"));
    }

    [Fact]
    public void HistoryLength_IsLongerThanTheRefractoryPeriod()
    {
        var nest = new Simulator();
        // a kernel that is small at once: 5 tau_m = 10 ms (100 steps), raised beyond t_ref = 30 ms to 301 steps
        var pop = nest.Create("gif_pop_psc_exp", 1, new() { ["tau_m"] = 2.0, ["t_ref"] = 30.0, ["q_sfa"] = new[] { 0.01 } });
        nest.Simulate(1.0);
        Assert.Equal(301L, pop.Get("len_kernel"));
    }

    public static TheoryData<string, object> BadParameters() => new()
    {
        { "N", 0L },
        { "C_m", 0.0 },
        { "tau_m", -1.0 },
        { "tau_syn_ex", 0.0 },
        { "tau_syn_in", -2.0 },
        { "lambda_0", -1.0 },
        { "Delta_V", 0.0 },
        { "t_ref", -0.5 },
        { "tau_sfa", new[] { -10.0 } },
        { "q_sfa", new[] { 1.0, 2.0 } },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public void BadParameter_IsRefused_AndChangesNothing(string key, object value)
    {
        var nest = new Simulator();
        var pop = nest.Create("gif_pop_psc_exp");
        nest.Simulate(2.0);
        var before = NestJson.ToJson(pop.GetStatus());
        var e = Assert.Throws<BadPropertyException>(() => pop.Set(key, value));
        Assert.Contains(key == "q_sfa" ? "tau_sfa" : key, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, NestJson.ToJson(pop.GetStatus()));
        Assert.Throws<BadPropertyException>(() => nest.Create("gif_pop_psc_exp", 1, new() { [key] = value }));
    }

    [Theory]
    [InlineData("n_events")]
    [InlineData("mean")]
    [InlineData("E_sfa")]
    [InlineData("tau_minus")]
    public void ReadOnlyOrForeignKey_IsRefused(string key)
    {
        var pop = new Simulator().Create("gif_pop_psc_exp");
        Assert.Throws<UnaccessedDictionaryEntryException>(() => pop.Set(key, 1.0));
    }

    [Fact]
    public void EmptyAdaptationArrays_FailTheRun()
    {
        var nest = new Simulator();
        nest.Create("gif_pop_psc_exp", 1, new() { ["tau_sfa"] = Array.Empty<double>(), ["q_sfa"] = Array.Empty<double>() });
        var e = Assert.Throws<BadPropertyException>(() => nest.Simulate(1.0));
        Assert.Contains("tau_sfa", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StdpSynapseOntoAPopulation_IsRefused()
    {
        var nest = new Simulator();
        var parrots = nest.Create("parrot_neuron", 2);
        var pop = nest.Create("gif_pop_psc_exp");
        foreach (string model in new[] { "stdp_synapse", "stdp_pl_synapse_hom", "stdp_facetshw_synapse_hom" })
        {
            var e = Assert.Throws<IllegalConnectionException>(() =>
                nest.Connect(parrots, pop, syn: new Dictionary<string, object> { ["synapse_model"] = model }));
            Assert.Contains("does not support STDP synapses", e.Message, StringComparison.Ordinal);
        }
        Assert.Equal(0L, nest.GetKernelStatus()["num_connections"]);
        // a population can be the source of STDP synapses, and static synapses can reach it
        nest.Connect(pop, parrots, syn: new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse" });
        nest.Connect(parrots, pop);
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(parrots, pop, syn: new Dictionary<string, object> { ["receptor_type"] = 1L }));
    }

    /// <summary>The spike counts of the first steps of a strongly driven population (1000 neurons at about 50 Hz).</summary>
    private static double[] CountsAfterSecondRun(bool setBetweenRuns, out double[] means)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 3L });
        var pop = nest.Create("gif_pop_psc_exp", 1, new() { ["N"] = 1000L, ["I_e"] = 600.0, ["tau_sfa"] = new[] { 50.0 }, ["q_sfa"] = new[] { 1.0 } });
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "n_events", "mean" }, ["interval"] = 0.1, ["start"] = 200.0 });
        nest.Connect(meter, pop);
        nest.Simulate(200.0);
        if (setBetweenRuns) pop.Set("I_e", 600.0);
        nest.Simulate(10.0);
        means = NestSuiteHelpers.Doubles(meter, "mean");
        return NestSuiteHelpers.Doubles(meter, "n_events");
    }

    [Fact]
    public void ASet_RestartsThePopulation_AsIfAllNeuronsHadJustFired()
    {
        // NEST: any set_status makes the next run initialise the population again: all N neurons in the newest bin of
        // the history (refractory for t_ref = 4 ms, 40 steps), the others empty; V_m and the currents are kept.
        double[] continued = CountsAfterSecondRun(false, out _);
        double[] restarted = CountsAfterSecondRun(true, out double[] means);
        Assert.True(continued.Take(40).Sum() > 50, $"the continued run fires {continued.Take(40).Sum()} spikes in 4 ms");
        Assert.All(restarted.Take(40), n => Assert.Equal(0.0, n));
        Assert.All(means.Take(40), m => Assert.Equal(0.0, m));
        Assert.True(restarted.Skip(40).Sum() > 0, "the restarted population does not fire after t_ref");
    }

    /// <summary>
    /// The spike count of a step is drawn with the step's expected count as mean (binomial and Poisson): over 2 s (20000 steps)
    /// of a population at about 25 Hz, the mean count equals the mean expected count within 4 standard errors.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SpikeCounts_HaveTheExpectedCountAsMean(bool binomial)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 11L });
        var pop = nest.Create("gif_pop_psc_exp", 1, new()
        {
            ["N"] = 400L, ["I_e"] = 300.0, ["V_T_star"] = 10.0, ["BinoRand"] = binomial, ["tau_sfa"] = new[] { 50.0 }, ["q_sfa"] = new[] { 1.0 },
        });
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "n_events", "mean" }, ["interval"] = 0.1, ["start"] = 100.0 });
        nest.Connect(meter, pop);
        nest.Simulate(2100.0);
        double[] counts = NestSuiteHelpers.Doubles(meter, "n_events"), means = NestSuiteHelpers.Doubles(meter, "mean");
        Assert.True(counts.Length > 19900, $"{counts.Length} samples");
        double meanCount = counts.Average(), meanExpected = means.Average();
        double variance = counts.Select((n, i) => (n - means[i]) * (n - means[i])).Average();
        double standardError = Math.Sqrt(variance / counts.Length);
        Assert.True(meanExpected > 0.5, $"mean expected count {meanExpected}: the population hardly fires");
        Assert.True(Math.Abs(meanCount - meanExpected) < 4 * standardError,
            $"mean count {meanCount}, mean expected count {meanExpected}, standard error {standardError}");
    }

    /// <summary>The parameters both models share (gif_psc_exp takes g_L = C_m/tau_m and V_m at E_L).</summary>
    private static Dictionary<string, object> Shared() => new()
    {
        ["C_m"] = 250.0, ["E_L"] = 0.0, ["V_reset"] = 0.0, ["V_T_star"] = 10.0, ["Delta_V"] = 2.0, ["lambda_0"] = 10.0,
        ["t_ref"] = 4.0, ["I_e"] = 250.0, ["tau_sfa"] = new[] { 100.0 }, ["q_sfa"] = new[] { 1.0 },
    };

    private const int PopulationSize = 500;
    private const double Warmup = 1000.0, Measured = 4000.0;

    /// <summary>The population rate (Hz per neuron) from the spikes after the warm-up.</summary>
    private static double Rate(NodeCollection recorder) =>
        NestSuiteHelpers.Doubles(recorder, "times").Count(t => t > Warmup) / (double)PopulationSize / (Measured / 1000.0);

    private static double PopulationModelRate(long seed)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = seed });
        var parameters = Shared();
        parameters["N"] = (long)PopulationSize;
        parameters["tau_m"] = 20.0;
        var pop = nest.Create("gif_pop_psc_exp", 1, parameters);
        var recorder = nest.Create("spike_recorder");
        nest.Connect(pop, recorder);
        nest.Simulate(Warmup + Measured);
        return Rate(recorder);
    }

    private static double NeuronModelRate(long seed)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = seed });
        var parameters = Shared();
        parameters["g_L"] = 250.0 / 20.0;
        parameters["V_m"] = 0.0;
        var neurons = nest.Create("gif_psc_exp", PopulationSize, parameters);
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neurons, recorder);
        nest.Simulate(Warmup + Measured);
        return Rate(recorder);
    }

    /// <summary>
    /// The mesoscopic model's stationary rate is that of N gif_psc_exp neurons with the same parameters, within 3.5 %:
    /// here 25.25 Hz against 25.64 Hz (seeds 1 to 3: 25.22 to 25.26 Hz against 25.66 to 25.68 Hz; the population's
    /// averaged hazard over a step and its finite-size approximation keep it 1.7 % lower). Twice lambda_0 moves the
    /// population's rate by 12 %, dropping the refractory period by 8 %, dropping adaptation by far more.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void StationaryRate_EqualsThatOfTheEquivalentGifPscExpNeurons()
    {
        double population = PopulationModelRate(21), neurons = NeuronModelRate(21);
        output.WriteLine($"gif_pop_psc_exp {population} Hz, gif_psc_exp {neurons} Hz");
        Assert.True(neurons > 5.0, $"gif_psc_exp neurons fire at {neurons} Hz");
        Assert.True(Math.Abs(population - neurons) < 0.035 * neurons, $"gif_pop_psc_exp {population} Hz, gif_psc_exp {neurons} Hz");
    }
}
