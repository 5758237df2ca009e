namespace NestSharp.Tests.Models;

/// <summary>glif_psc, glif_psc_double_alpha and glif_cond: thread independence, NEST's checks of the mechanisms, ports and state.</summary>
public sealed class GlifModelsTests
{
    private static Dictionary<string, object> Glif5 => new()
    {
        ["spike_dependent_threshold"] = true, ["after_spike_currents"] = true, ["adapting_threshold"] = true,
    };

    /// <summary>A recurrent GLIF5 group under Poisson input: every recordable of every node and every spike.</summary>
    private static (double[] Spikes, long[] Senders, Dictionary<string, object> Samples) Run(string model, int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = (long)threads, ["rng_seed"] = 7L });
        var neurons = nest.Create(model, 12, Glif5);
        neurons.Set("V_m", nest.Random.Uniform(-80.0, -60.0));
        double weight = model == "glif_cond" ? 4.0 : 60.0;
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 8000.0 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = weight, ["receptor_type"] = 1L });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(3), new Dictionary<string, object> { ["weight"] = weight, ["delay"] = 1.5, ["receptor_type"] = 1L });
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = neurons[0].Get<string[]>("recordables"), ["interval"] = 0.5 });
        nest.Connect(meter, neurons);
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neurons, recorder);
        nest.Simulate(200.0);
        var spikes = (Dictionary<string, object>)recorder.Get("events");
        var order = Enumerable.Range(0, ((double[])spikes["times"]).Length)
            .OrderBy(i => ((double[])spikes["times"])[i]).ThenBy(i => ((long[])spikes["senders"])[i]).ToArray();
        return (order.Select(i => ((double[])spikes["times"])[i]).ToArray(), order.Select(i => ((long[])spikes["senders"])[i]).ToArray(),
            (Dictionary<string, object>)meter.Get("events"));
    }

    [Theory]
    [InlineData("glif_psc")]
    [InlineData("glif_psc_double_alpha")]
    [InlineData("glif_cond")]
    public void OneTwoAndFourThreads_GiveTheSameSpikesAndSamples(string model)
    {
        var one = Run(model, 1);
        Assert.NotEmpty(one.Spikes);
        foreach (int threads in new[] { 2, 4 })
        {
            var other = Run(model, threads);
            Assert.Equal(one.Spikes, other.Spikes);
            Assert.Equal(one.Senders, other.Senders);
            foreach (var (key, values) in one.Samples)
            {
                if (values is not double[] column) continue;
                var senders = (long[])one.Samples["senders"];
                var times = (double[])one.Samples["times"];
                var otherSenders = (long[])other.Samples["senders"];
                var otherTimes = (double[])other.Samples["times"];
                var otherColumn = (double[])other.Samples[key];
                var lookup = new Dictionary<(long, double), double>();
                for (int i = 0; i < otherColumn.Length; i++) lookup[(otherSenders[i], otherTimes[i])] = otherColumn[i];
                Assert.Equal(column.Length, otherColumn.Length);
                for (int i = 0; i < column.Length; i++) Assert.Equal(column[i], lookup[(senders[i], times[i])]);
            }
        }
    }

    [Theory]
    [InlineData("glif_psc")]
    [InlineData("glif_psc_double_alpha")]
    [InlineData("glif_cond")]
    public void CombinationsOutsideTheFiveLevels_AreRefused(string model)
    {
        var nest = new Simulator();
        var n = nest.Create(model);
        var before = n.GetStatus()[0];
        var e = Assert.Throws<BadPropertyException>(() => n.Set(new Dictionary<string, object> { ["adapting_threshold"] = true }));
        Assert.Contains("adapting_threshold", e.Message, StringComparison.Ordinal);
        Assert.Throws<BadPropertyException>(() => n.Set(new Dictionary<string, object> { ["adapting_threshold"] = true, ["after_spike_currents"] = true }));
        Assert.Equal(before, n.GetStatus()[0]);
        n.Set(Glif5);
        Assert.True(n.Get<bool>("adapting_threshold"));
    }

    [Theory]
    [InlineData("glif_psc")]
    [InlineData("glif_cond")]
    public void ThresholdComponentsAndAfterSpikeCurrents_AreSettableOnlyWithTheirMechanism(string model)
    {
        var nest = new Simulator();
        var n = nest.Create(model);
        Assert.Throws<BadPropertyException>(() => n.Set("threshold_spike", 1.0));
        Assert.Throws<BadPropertyException>(() => n.Set("threshold_voltage", 1.0));
        Assert.Throws<BadPropertyException>(() => n.Set("ASCurrents", new[] { 1.0, 2.0 }));
        n.Set(new Dictionary<string, object> { ["after_spike_currents"] = true, ["ASCurrents"] = new[] { 1.0, 2.0 } });
        Assert.Equal(new[] { 1.0, 2.0 }, n.Get<double[]>("ASCurrents"));
        var e = Assert.Throws<BadPropertyException>(() => n.Set("ASCurrents", new[] { 1.0 }));
        Assert.Contains("ASCurrents", e.Message, StringComparison.Ordinal);
        n.Set(Glif5);
        n.Set(new Dictionary<string, object> { ["threshold_spike"] = 1.5, ["threshold_voltage"] = 0.5 });
        // glif_cond takes the threshold components but does not show them (NEST's State_::get)
        Assert.Equal(model == "glif_psc", n.GetStatus()[0].ContainsKey("threshold_spike"));
    }

    [Fact]
    public void AfterSpikeCurrentArraysOfUnequalLength_AreRefusedWithTheMechanism()
    {
        var nest = new Simulator();
        var n = nest.Create("glif_psc");
        n.Set("asc_amps", new[] { 1.0 });
        Assert.Throws<BadPropertyException>(() => n.Set("after_spike_currents", true));
        Assert.Throws<BadPropertyException>(() => n.Set(new Dictionary<string, object> { ["after_spike_currents"] = true, ["asc_amps"] = new[] { 1.0, 2.0 }, ["asc_r"] = new[] { 1.5, 1.0 } }));
        n.Set(new Dictionary<string, object> { ["after_spike_currents"] = true, ["asc_amps"] = new[] { 1.0, 2.0 } });
    }

    [Fact]
    public void MembraneChecks_AreNests()
    {
        var nest = new Simulator();
        var n = nest.Create("glif_psc");
        Assert.Throws<BadPropertyException>(() => n.Set("V_reset", -40.0));
        Assert.Throws<BadPropertyException>(() => n.Set("C_m", 0.0));
        Assert.Throws<BadPropertyException>(() => n.Set("g", -1.0));
        Assert.Throws<BadPropertyException>(() => n.Set("t_ref", 0.0));
        Assert.Throws<BadPropertyException>(() => n.Set(new Dictionary<string, object> { ["spike_dependent_threshold"] = true, ["voltage_reset_fraction"] = 1.5 }));
        Assert.Throws<BadPropertyException>(() => n.Set("tau_syn", new[] { 1.0, 0.0 }));
    }

    [Theory]
    [InlineData("glif_psc", "tau_syn")]
    [InlineData("glif_psc_double_alpha", "tau_syn_fast")]
    [InlineData("glif_cond", "tau_syn")]
    public void PortCount_IsFixedOnceSpikesAreConnected(string model, string key)
    {
        var nest = new Simulator();
        var n = nest.Create(model);
        var sg = nest.Create("spike_generator");
        Assert.Throws<IncompatibleReceptorTypeException>(() => nest.Connect(sg, n));
        nest.Connect(sg, n, syn: new Dictionary<string, object> { ["receptor_type"] = 1L });
        Assert.True(n.Get<bool>("has_connections"));
        var change = model == "glif_cond"
            ? new Dictionary<string, object> { [key] = new[] { 1.0, 2.0, 3.0 }, ["E_rev"] = new[] { 0.0, 0.0, 0.0 } }
            : new Dictionary<string, object> { [key] = new[] { 1.0, 2.0, 3.0 } };
        Assert.Throws<BadPropertyException>(() => n.Set(change));
        Assert.False(n.GetStatus()[0].ContainsKey("n_receptors"));
    }

    [Fact]
    public void GlifCond_ReversalPotentialsAndTimeConstants_HaveEqualLength()
    {
        var nest = new Simulator();
        var n = nest.Create("glif_cond");
        Assert.Throws<BadPropertyException>(() => n.Set("tau_syn", new[] { 1.0, 2.0, 3.0 }));
        n.Set(new Dictionary<string, object> { ["tau_syn"] = new[] { 1.0, 2.0, 3.0 }, ["E_rev"] = new[] { 0.0, -80.0, 10.0 } });
        Assert.Contains("g_3", n.Get<string[]>("recordables"));
        // the state (dg, g) takes the new size at the next run, as NEST's
        Assert.Single(n.Get<double[]>("g"));
        nest.Simulate(1.0);
        Assert.Equal(3, n.Get<double[]>("g").Length);
    }

    [Fact]
    public void DoubleAlpha_SlowArraysShorterThanThePorts_FailAtSimulate()
    {
        var nest = new Simulator();
        var n = nest.Create("glif_psc_double_alpha");
        n.Set("tau_syn_fast", new[] { 1.0, 2.0 });
        Assert.Throws<BadPropertyException>(() => nest.Simulate(1.0));
        Assert.Throws<BadPropertyException>(() => n.Set("amp_slow", new[] { 0.0 }));
    }

    /// <summary>An alpha current of weight 1 peaks at 1 pA at t = tau_syn after its arrival (NEST's normalisation).</summary>
    [Fact]
    public void GlifPsc_AlphaCurrentOfUnitWeight_PeaksAtOnePicoampere()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.01 });
        var n = nest.Create("glif_psc", 1, new() { ["tau_syn"] = new[] { 2.0 } });
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0 } });
        nest.Connect(sg, n, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 1.0, ["receptor_type"] = 1L });
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I_syn" }, ["interval"] = 0.01 });
        nest.Connect(mm, n);
        nest.Simulate(30.0);
        var events = (Dictionary<string, object>)mm.Get("events");
        double[] iSyn = (double[])events["I_syn"], times = (double[])events["times"];
        int peak = Array.IndexOf(iSyn, iSyn.Max());
        Assert.Equal(1.0, iSyn[peak], 1e-6);
        Assert.Equal(13.01, times[peak], 1e-9);
    }
}
