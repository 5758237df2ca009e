namespace NestSharp.Tests.Models;

/// <summary>
/// aeif_cond_alpha_multisynapse beyond NEST's pytests: the membrane checks of NEST 3.10 (naming the entry NEST checks
/// first), a port against aeif_cond_alpha's excitatory synapse, nodes with different numbers of ports in one group, and
/// independence of the number of threads.
/// </summary>
public sealed class AeifCondAlphaMultisynapseTests
{
    private const string Model = "aeif_cond_alpha_multisynapse";

    public static TheoryData<string, double, string> Refused() => new()
    {
        { "V_peak", -55.0, "V_peak" },       // below V_th
        { "V_reset", 0.0, "V_reset" },       // not below V_peak
        { "Delta_T", -0.1, "Delta_T" },
        { "Delta_T", 0.01, "Delta_T" },      // exp((V_peak - V_th)/Delta_T) would overflow
        { "C_m", 0.0, "C_m" },
        { "t_ref", -0.1, "t_ref" },
        { "tau_w", 0.0, "tau_w" },
        { "gsl_error_tol", 0.0, "gsl_error_tol" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void AValueNestRefuses_IsABadPropertyNamingTheKey_AndChangesNothing(string key, double value, string named)
    {
        var nest = new Simulator();
        var node = nest.Create(Model);
        var before = node.GetStatus()[0];

        var e = Assert.Throws<BadPropertyException>(() => node.Set(key, value));

        Assert.StartsWith($"'{named}'", e.Message);
        Assert.Equal(before[key], node.GetStatus()[0][key]);
    }

    [Fact]
    public void PeakBelowVth_AndVResetAbovePeak_NameVPeakFirst_AsNest()
    {
        var bad = new Dictionary<string, object> { ["V_peak"] = -55.0, ["V_reset"] = -50.0 };
        Assert.StartsWith("'V_peak'", Assert.Throws<BadPropertyException>(() => new Simulator().Create(Model, 1, bad)).Message);
    }

    /// <summary>
    /// One port with aeif_cond_alpha's excitatory reversal potential and time constant follows aeif_cond_alpha driven
    /// by the same spikes, to the solver's tolerance (the right-hand sides round differently), with the same spikes.
    /// </summary>
    [Fact]
    public void OnePort_FollowsAeifCondAlpha()
    {
        var nest = new Simulator();
        var multi = nest.Create(Model, 1, new() { ["E_rev"] = new[] { 0.0 }, ["tau_syn"] = new[] { 0.2 }, ["I_e"] = 200.0 });
        var single = nest.Create("aeif_cond_alpha", 1, new() { ["I_e"] = 200.0 });
        var pg = nest.Create("poisson_generator", 1, new() { ["rate"] = 8000.0 });
        var parrot = nest.Create("parrot_neuron");
        nest.Connect(pg, parrot);
        nest.Connect(parrot, multi, syn: new Dictionary<string, object> { ["weight"] = 2.0, ["receptor_type"] = 1L });
        nest.Connect(parrot, single, syn: new Dictionary<string, object> { ["weight"] = 2.0 });
        var mmMulti = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m", "g_1" } });
        var mmSingle = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m", "g_ex" } });
        nest.Connect(mmMulti, multi);
        nest.Connect(mmSingle, single);
        var srMulti = nest.Create("spike_recorder");
        var srSingle = nest.Create("spike_recorder");
        nest.Connect(multi, srMulti);
        nest.Connect(single, srSingle);

        nest.Simulate(300.0);

        double[] spikes = NestSuite.NestSuiteHelpers.Doubles(srSingle, "times");
        Assert.NotEmpty(spikes);
        Assert.Equal(spikes, NestSuite.NestSuiteHelpers.Doubles(srMulti, "times"));
        double[] g1 = NestSuite.NestSuiteHelpers.Doubles(mmMulti, "g_1"), gEx = NestSuite.NestSuiteHelpers.Doubles(mmSingle, "g_ex");
        double[] v1 = NestSuite.NestSuiteHelpers.Doubles(mmMulti, "V_m"), vEx = NestSuite.NestSuiteHelpers.Doubles(mmSingle, "V_m");
        for (int k = 0; k < g1.Length; k++)
        {
            Assert.True(Math.Abs(g1[k] - gEx[k]) <= 1e-9 * Math.Max(1.0, Math.Abs(gEx[k])), $"g at sample {k}: {g1[k]} vs {gEx[k]}");
            Assert.True(Math.Abs(v1[k] - vEx[k]) <= 1e-4, $"V_m at sample {k}: {v1[k]} vs {vEx[k]}");
        }
    }

    private static double[] StateAfterNoisyRun(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 13L });
        // nodes with one, two and three ports in one group
        var neurons = nest.Create(Model, 18, new()
        {
            ["I_e"] = 250.0, ["t_ref"] = 1.0, ["E_rev"] = new[] { 0.0, -85.0, 0.0 }, ["tau_syn"] = new[] { 0.5, 3.0, 5.0 },
        });
        for (int i = 0; i < 18; i += 3)
            neurons[i..(i + 1)].Set(new Dictionary<string, object> { ["E_rev"] = new[] { 0.0, -85.0 }, ["tau_syn"] = new[] { 0.5, 3.0 } });
        neurons.Set("V_m", nest.Random.Uniform(-72.0, -60.0));
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 15000.0 });
        var inhibition = nest.Create("poisson_generator", 1, new() { ["rate"] = 4000.0 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = 2.0, ["receptor_type"] = 1L });
        nest.Connect(inhibition, neurons, syn: new Dictionary<string, object> { ["weight"] = 3.0, ["receptor_type"] = 2L });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(3), new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 1.5, ["receptor_type"] = 1L });
        var sr = nest.Create("spike_recorder");
        nest.Connect(neurons, sr);
        nest.Simulate(200.0);
        Assert.True(sr.Get<long>("n_events") > 0);
        var g = neurons.GetStatus().SelectMany(s => (double[])s["g"]);
        return [.. neurons.GetValues<double>("V_m"), .. neurons.GetValues<double>("w"), .. g, sr.Get<long>("n_events")];
    }

    [Fact]
    public void OneTwoAndFourThreads_GiveTheSameBits()
    {
        var one = StateAfterNoisyRun(1);
        Assert.Equal(one, StateAfterNoisyRun(2));
        Assert.Equal(one, StateAfterNoisyRun(4));
    }

    /// <summary>
    /// 500 neurons allocate no more over a run of 400 ms than over one of 200 ms: the update steps neurons (spiking, with
    /// spike and current input) without allocating. (What a run allocates before its steps, the constants of each node
    /// the model computes at Prepare, is the same for both.)
    /// </summary>
    [Fact]
    public void Stepping_DoesNotAllocate()
    {
        static long Allocated(double duration)
        {
            const int neuronCount = 500;
            var nest = new Simulator();
            var neurons = nest.Create(Model, neuronCount, new() { ["I_e"] = 700.0, ["t_ref"] = 0.5 });
            var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = Enumerable.Range(1, 990).Select(i => i * 1.0).ToArray() });
            var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 50.0 });
            nest.Connect(sg, neurons, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["receptor_type"] = 1L });
            nest.Connect(dc, neurons);
            nest.Simulate(400.0); // warm up: the first run sizes every buffer
            long before = GC.GetAllocatedBytesForCurrentThread();
            nest.Simulate(duration);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        long shorter = Allocated(200.0), longer = Allocated(400.0);
        // 500 neurons x 2000 more steps: one allocation per neuron-step would be at least 24 bytes x 1,000,000 = 24 MB.
        Assert.True(longer - shorter < 64 * 1024, $"200 ms: {shorter} bytes, 400 ms: {longer} bytes");
    }
}
