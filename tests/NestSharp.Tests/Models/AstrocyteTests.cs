namespace NestSharp.Tests.Models;

/// <summary>
/// astrocyte_lr_1994 and aeif_cond_alpha_astro: NEST's defaults and status keys (the astrocyte is a plain node, not an
/// archiving one), spikes raising IP3 by delta_IP3 per unit of weight, the equations' fixed point, the same results for
/// 1, 2 and 4 threads, checkpoints continuing bitwise, and NEST's checks (parameters, state, receptors, negative
/// weights, the astrocyte sending no spikes).
/// </summary>
public sealed class AstrocyteTests
{
    [Fact]
    public void Defaults_AreNestsAndShowNoArchivingKeys()
    {
        var defaults = new Simulator().GetDefaults("astrocyte_lr_1994");
        var expected = new Dictionary<string, double>
        {
            ["Ca_tot"] = 2.0, ["IP3_0"] = 0.16, ["Kd_IP3_1"] = 0.13, ["Kd_IP3_2"] = 0.9434, ["Kd_act"] = 0.08234, ["Kd_inh"] = 1.049,
            ["Km_SERCA"] = 0.1, ["SIC_scale"] = 1.0, ["SIC_th"] = 0.19669, ["delta_IP3"] = 0.0002, ["k_IP3R"] = 0.0002,
            ["rate_IP3R"] = 0.006, ["rate_L"] = 0.00011, ["rate_SERCA"] = 0.0009, ["ratio_ER_cyt"] = 0.185, ["tau_IP3"] = 7142.0,
            ["IP3"] = 0.16, ["Ca_astro"] = 0.073, ["h_IP3R"] = 0.793,
        };
        foreach (var (key, value) in expected) Assert.Equal(value, (double)defaults[key]);
        Assert.Equal(["Ca_astro", "IP3", "h_IP3R"], (string[])defaults["recordables"]);
        Assert.Equal("neuron", defaults["element_type"]);
        foreach (string key in new[] { "tau_minus", "Ca", "t_spike", "synaptic_elements", "post_trace", "archiver_length", "ignore_and_spike" })
            Assert.False(defaults.ContainsKey(key), key);

        var astro = new Simulator().GetDefaults("aeif_cond_alpha_astro");
        Assert.Equal(["I_SIC", "V_m", "g_ex", "g_in", "w"], ((string[])astro["recordables"]).Order(StringComparer.Ordinal));
        Assert.False(astro.ContainsKey("I_SIC"));
        Assert.True(astro.ContainsKey("t_spike"));
    }

    [Fact]
    public void ArchivingKeys_AreNotSettable()
    {
        var astrocyte = new Simulator().Create("astrocyte_lr_1994");
        Assert.Throws<UnaccessedDictionaryEntryException>(() => astrocyte.Set(new Dictionary<string, object> { ["tau_minus"] = 10.0 }));
        Assert.Null(astrocyte.GetStatus()[0].GetValueOrDefault("tau_minus"));
    }

    [Fact]
    public void Spike_RaisesIp3ByDeltaTimesWeight()
    {
        // With the decay and the receptor dynamics switched off, IP3 changes only by the spikes.
        var nest = new Simulator();
        var astrocyte = nest.Create("astrocyte_lr_1994", 1, new() { ["IP3"] = 0.16, ["delta_IP3"] = 0.5 });
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 2.0, 2.0, 4.0 } });
        nest.Connect(sg, astrocyte, syn: new Dictionary<string, object> { ["weight"] = 3.0 });
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "IP3" }, ["interval"] = 0.1 });
        nest.Connect(meter, astrocyte);
        nest.Simulate(6.0);

        double[] times = NestSuite.NestSuiteHelpers.Doubles(meter, "times");
        double[] ip3 = NestSuite.NestSuiteHelpers.Doubles(meter, "IP3");
        double Ip3At(double t) => ip3[Array.FindIndex(times, x => Math.Abs(x - t) < 1e-9)];
        // arrival one delay (1 ms) after the spike, in the step ending at 3.0 ms: two spikes of weight 3
        Assert.Equal(0.16, Ip3At(2.9), 12);
        Assert.Equal(0.16 + 0.5 * 6.0, Ip3At(3.0), 3);
        // IP3 decays towards IP3_0 with tau_IP3 = 7142 ms in between
        Assert.Equal(0.16 + 0.5 * 6.0 + 0.5 * 3.0, Ip3At(5.0), 2);
    }

    [Fact]
    public void CalciumCurrent_EntersTheNextStep()
    {
        // dCa/dt = J_noise alone when the fluxes vanish (no release, no leak, no pump).
        var nest = new Simulator();
        var astrocyte = nest.Create("astrocyte_lr_1994", 1, new() { ["rate_IP3R"] = 0.0, ["rate_L"] = 0.0, ["rate_SERCA"] = 0.0, ["Ca_astro"] = 0.1 });
        var dc = nest.Create("step_current_generator", 1, new() { ["amplitude_times"] = new[] { 1.0 }, ["amplitude_values"] = new[] { 0.01 } });
        nest.Connect(dc, astrocyte);
        nest.Simulate(5.0);
        // the amplitude from 1 ms reaches the astrocyte one delay (1 ms) later and acts from then on: 3 ms of 0.01 µM/ms
        Assert.Equal(0.1 + 0.01 * 3.0, astrocyte.Get<double>("Ca_astro"), 12);
    }

    [Fact]
    public void CalciumIsClampedToTotal()
    {
        var nest = new Simulator();
        var astrocyte = nest.Create("astrocyte_lr_1994", 1, new() { ["Ca_astro"] = 1.99 });
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 10.0 });
        nest.Connect(dc, astrocyte);
        nest.Simulate(10.0);
        Assert.Equal(2.0, astrocyte.Get<double>("Ca_astro"));
    }

    private static void BuildAstrocytes(Simulator nest)
    {
        var astrocytes = nest.Create("astrocyte_lr_1994", 13, new() { ["delta_IP3"] = 0.02 });
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 2000.0 });
        nest.Connect(noise, astrocytes, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 1.0 });
        var currents = nest.Create("noise_generator", 1, new() { ["std"] = 0.002, ["dt"] = 0.5 });
        nest.Connect(currents, astrocytes);
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "IP3", "Ca_astro", "h_IP3R" }, ["interval"] = 0.5 });
        nest.Connect(meter, astrocytes);
    }

    private static string Observe(Simulator nest)
    {
        var meter = nest.Nodes(nest.NetworkSize);
        long[] senders = NestSuite.NestSuiteHelpers.Longs(meter, "senders");
        double[] times = NestSuite.NestSuiteHelpers.Doubles(meter, "times");
        string[] columns = ["IP3", "Ca_astro", "h_IP3R"];
        var values = columns.Select(c => NestSuite.NestSuiteHelpers.Doubles(meter, c)).ToArray();
        var order = Enumerable.Range(0, senders.Length).OrderBy(i => times[i]).ThenBy(i => senders[i]);
        return string.Join(";", order.Select(i => $"{times[i]:R}:{senders[i]}:{values[0][i]:R}:{values[1][i]:R}:{values[2][i]:R}"));
    }

    [Fact]
    public void Astrocytes_GiveTheSameResultsForAnyThreadCount()
    {
        string? reference = null;
        foreach (int threads in new[] { 1, 2, 4 })
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 77L });
            BuildAstrocytes(nest);
            nest.Simulate(200.0);
            string observed = Observe(nest);
            reference ??= observed;
            Assert.Equal(reference, observed);
        }
    }

    [Fact]
    public void AeifCondAlphaAstro_GivesTheSameResultsForAnyThreadCount()
    {
        ModelThreadRuns.AssertThreadInvariant("aeif_cond_alpha_astro", new() { ["I_e"] = 500.0 }, 3.0, 2.0);
    }

    [Fact]
    public void AeifCondAlphaAstro_WithoutAstrocytes_IsAeifCondAlpha()
    {
        var alpha = ModelThreadRuns.Run("aeif_cond_alpha", 1, new() { ["I_e"] = 500.0 }, 3.0, 2.0);
        var astro = ModelThreadRuns.Run("aeif_cond_alpha_astro", 1, new() { ["I_e"] = 500.0 }, 3.0, 2.0);
        Assert.Equal(alpha.Times, astro.Times);
        Assert.Equal(alpha.Vm, astro.Vm);
    }

    [Fact]
    public void Checkpoint_ContinuesBitwise()
    {
        static void Build(Simulator nest)
        {
            BuildAstrocytes(nest);
            var neurons = nest.Create("aeif_cond_alpha_astro", 5, new() { ["I_e"] = 500.0 });
            var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 5000.0 });
            nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = 2.0 });
            var recorder = nest.Create("spike_recorder");
            nest.Connect(neurons, recorder);
        }
        static string State(Simulator nest)
        {
            var astrocytes = nest.Nodes(Enumerable.Range(1, 13).ToArray());
            var neurons = nest.Nodes(Enumerable.Range(17, 5).ToArray());
            string Join(NodeCollection nodes, string key) => string.Join(",", nodes.GetStatus().Select(s => ((double)s[key]).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            return string.Join("|", Join(astrocytes, "IP3"), Join(astrocytes, "Ca_astro"), Join(astrocytes, "h_IP3R"), Join(neurons, "V_m"), Join(neurons, "w"));
        }

        Checkpoint.CheckpointSplitRunTests.AssertResumesBitwise(Build, State, 23.0, 37.0, (1, 1), (1, 3), (2, 1));
    }

    [Theory]
    [InlineData("Ca_tot", 0.0)]
    [InlineData("IP3_0", -0.1)]
    [InlineData("Kd_act", 0.0)]
    [InlineData("Kd_inh", -1.0)]
    [InlineData("Kd_IP3_1", 0.0)]
    [InlineData("Kd_IP3_2", -1.0)]
    [InlineData("Km_SERCA", 0.0)]
    [InlineData("ratio_ER_cyt", 0.0)]
    [InlineData("delta_IP3", -1.0)]
    [InlineData("k_IP3R", -1.0)]
    [InlineData("SIC_scale", 0.0)]
    [InlineData("SIC_th", -0.1)]
    [InlineData("rate_L", -1.0)]
    [InlineData("rate_IP3R", -1.0)]
    [InlineData("rate_SERCA", -1.0)]
    [InlineData("tau_IP3", 0.0)]
    [InlineData("IP3", -1.0)]
    [InlineData("Ca_astro", -1.0)]
    [InlineData("h_IP3R", 1.5)]
    [InlineData("h_IP3R", -0.5)]
    public void BadValues_AreRefusedAndChangeNothing(string key, double value)
    {
        var astrocyte = new Simulator().Create("astrocyte_lr_1994");
        string other = key == "tau_IP3" ? "SIC_th" : "tau_IP3"; // a valid change made in the same call
        var before = astrocyte.GetStatus()[0];
        var e = Assert.Throws<BadPropertyException>(() => astrocyte.Set(new Dictionary<string, object> { [key] = value, [other] = 0.5 }));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Equal(before[other], astrocyte.Get<double>(other));
        Assert.Equal(before[key], astrocyte.Get<double>(key));
    }

    [Fact]
    public void NegativeWeight_FailsTheRun()
    {
        var nest = new Simulator();
        var astrocyte = nest.Create("astrocyte_lr_1994");
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
        nest.Connect(sg, astrocyte, syn: new Dictionary<string, object> { ["weight"] = -1.0 });
        var e = Assert.Throws<KernelException>(() => nest.Simulate(5.0));
        Assert.Contains("negative", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Receptors_AreNests()
    {
        var nest = new Simulator();
        var astrocyte = nest.Create("astrocyte_lr_1994");
        var sg = nest.Create("spike_generator");
        var dc = nest.Create("dc_generator");
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(sg, astrocyte, syn: new Dictionary<string, object> { ["receptor_type"] = 1L }));
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(dc, astrocyte, syn: new Dictionary<string, object> { ["receptor_type"] = 1L }));
        var neuron = nest.Create("aeif_cond_alpha_astro");
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(sg, neuron, syn: new Dictionary<string, object> { ["receptor_type"] = 1L }));
    }

    [Fact]
    public void Astrocyte_SendsNoSpikes()
    {
        var nest = new Simulator();
        var astrocyte = nest.Create("astrocyte_lr_1994");
        var neuron = nest.Create("aeif_cond_alpha_astro");
        var recorder = nest.Create("spike_recorder");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(astrocyte, neuron));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(astrocyte, recorder));
        Assert.Equal(0L, nest.GetKernelStatus("num_connections"));
    }
}
