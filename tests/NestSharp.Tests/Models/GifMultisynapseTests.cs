namespace NestSharp.Tests.Models;

/// <summary>
/// gif_psc_exp_multisynapse and gif_cond_exp_multisynapse: with one port they are the single-synapse models bit for bit
/// (the psc model's spikes act one step later, NEST's order of update); 1, 2 and 4 threads give the same bits; NEST's
/// checks of the receptor arrays and receptor types (models/gif_*_exp_multisynapse.{h,cpp}), a refused Set changing nothing.
/// </summary>
public sealed class GifMultisynapseTests
{
    private const string Psc = "gif_psc_exp_multisynapse", Cond = "gif_cond_exp_multisynapse";

    private static readonly Dictionary<string, object> Adapting = new()
    {
        ["tau_sfa"] = new[] { 120.0, 10.0 }, ["q_sfa"] = new[] { 10.0, 25.0 }, ["tau_stc"] = new[] { 10.0, 20.0 }, ["q_stc"] = new[] { 20.0, -5.0 },
        ["I_e"] = 150.0, ["lambda_0"] = 5.0,
    };

    /// <summary>The recorded V_m, E_sfa, I_stc and the spike steps of <paramref name="model"/> driven by Poisson spikes (weight 3) and a noisy current.</summary>
    private static (double[] Trace, double[] Spikes) Driven(string model, Dictionary<string, object> parameters, long receptor, double delay)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 5L });
        var neuron = nest.Create(model, 1, new Dictionary<string, object>(Adapting.Concat(parameters)));
        var pg = nest.Create("poisson_generator", 1, new() { ["rate"] = 3000.0 });
        var parrot = nest.Create("parrot_neuron");
        nest.Connect(pg, parrot);
        nest.Connect(parrot, neuron, syn: new Dictionary<string, object> { ["weight"] = 3.0, ["receptor_type"] = receptor, ["delay"] = delay });
        var noise = nest.Create("noise_generator", 1, new() { ["std"] = 50.0 });
        nest.Connect(noise, neuron);
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m", "E_sfa", "I_stc" } });
        nest.Connect(mm, neuron);
        var sr = nest.Create("spike_recorder");
        nest.Connect(neuron, sr);
        nest.Simulate(500.0);
        double[] trace = [.. NestSuite.NestSuiteHelpers.Doubles(mm, "V_m"), .. NestSuite.NestSuiteHelpers.Doubles(mm, "E_sfa"), .. NestSuite.NestSuiteHelpers.Doubles(mm, "I_stc")];
        return (trace, NestSuite.NestSuiteHelpers.Doubles(sr, "times"));
    }

    [Fact]
    public void Psc_OnePort_IsGifPscExpBitForBit()
    {
        // gif_psc_exp adds a step's spikes before V uses the current, gif_psc_exp_multisynapse after: one step more delay.
        var single = Driven("gif_psc_exp", new() { ["tau_syn_ex"] = 3.0 }, 0, 1.1);
        var multi = Driven(Psc, new() { ["tau_syn"] = new[] { 3.0 } }, 1, 1.0);
        Assert.True(single.Spikes.Length > 5, $"{single.Spikes.Length} spikes");
        Assert.Equal(single.Spikes, multi.Spikes);
        Assert.Equal(single.Trace, multi.Trace);
    }

    [Fact]
    public void Cond_OnePort_IsGifCondExpBitForBit()
    {
        var single = Driven("gif_cond_exp", new() { ["tau_syn_ex"] = 3.0, ["E_ex"] = -10.0 }, 0, 1.0);
        var multi = Driven(Cond, new() { ["tau_syn"] = new[] { 3.0 }, ["E_rev"] = new[] { -10.0 } }, 1, 1.0);
        Assert.True(single.Spikes.Length > 5, $"{single.Spikes.Length} spikes");
        Assert.Equal(single.Spikes, multi.Spikes);
        Assert.Equal(single.Trace, multi.Trace);
    }

    private static double[] StateAfterNoisyRun(string model, int threads)
    {
        bool cond = model == Cond;
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 13L });
        var three = new Dictionary<string, object>(Adapting) { ["tau_syn"] = new[] { 0.5, 3.0, 5.0 } };
        if (cond) three["E_rev"] = new[] { 0.0, -85.0, 0.0 };
        var neurons = nest.Create(model, 18, three);
        // nodes with two and three ports in one group
        var two = new Dictionary<string, object> { ["tau_syn"] = new[] { 0.5, 3.0 } };
        if (cond) two["E_rev"] = new[] { 0.0, -85.0 };
        for (int i = 0; i < 18; i += 3) neurons[i..(i + 1)].Set(two);
        neurons.Set("V_m", nest.Random.Uniform(-72.0, -60.0));
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 15000.0 });
        var inhibition = nest.Create("poisson_generator", 1, new() { ["rate"] = 500.0 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = cond ? 1.0 : 20.0, ["receptor_type"] = 1L });
        nest.Connect(inhibition, neurons, syn: new Dictionary<string, object> { ["weight"] = cond ? 2.0 : -30.0, ["receptor_type"] = 2L });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(3), new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 1.5, ["receptor_type"] = 1L });
        var sr = nest.Create("spike_recorder");
        nest.Connect(neurons, sr);
        nest.Simulate(200.0);
        Assert.True(sr.Get<long>("n_events") > 0);
        double[] g = cond ? [.. neurons.GetStatus().SelectMany(s => (double[])s["g"])] : [];
        return [.. neurons.GetValues<double>("V_m"), .. neurons.GetValues<double>("E_sfa"), .. neurons.GetValues<double>("I_stc"), .. g, sr.Get<long>("n_events")];
    }

    [Theory]
    [InlineData(Psc)]
    [InlineData(Cond)]
    public void OneTwoAndFourThreads_GiveTheSameBits(string model)
    {
        var one = StateAfterNoisyRun(model, 1);
        Assert.Equal(one, StateAfterNoisyRun(model, 2));
        Assert.Equal(one, StateAfterNoisyRun(model, 4));
    }

    [Theory]
    [InlineData(Psc)]
    [InlineData(Cond)]
    public void Defaults_AsNest(string model)
    {
        var d = new Simulator().GetDefaults(model);
        Assert.Equal(new[] { 2.0 }, (double[])d["tau_syn"]);
        Assert.Equal(1L, Convert.ToInt64(d["n_receptors"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.0, (double)d["lambda_0"]);
        Assert.Equal(new[] { "E_sfa", "I_stc", "V_m" }, ((string[])d["recordables"]).Order().ToArray());
        if (model == Cond)
        {
            Assert.Equal(new[] { 0.0 }, (double[])d["E_rev"]);
            Assert.Equal(1e-3, (double)d["gsl_error_tol"]);
        }
    }

    [Theory]
    [InlineData(Psc)]
    [InlineData(Cond)]
    public void BadTimeConstant_IsRefused_AndChangesNothing(string model)
    {
        var nest = new Simulator();
        var n = nest.Create(model);
        var bad = new Dictionary<string, object> { ["tau_syn"] = new[] { 1.0, 0.0 }, ["C_m"] = 50.0 };
        if (model == Cond) bad["E_rev"] = new[] { 0.0, 0.0 };
        var e = Assert.Throws<BadPropertyException>(() => n.Set(bad));
        Assert.Contains("tau_syn", e.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { 2.0 }, (double[])n.Get("tau_syn"));
        Assert.Equal(80.0, (double)n.Get("C_m"));
    }

    [Fact]
    public void Cond_ReceptorArrays_CheckedAsNest()
    {
        var nest = new Simulator();
        var n = nest.Create(Cond);
        // a length change needs both arrays; the arrays must have equal lengths
        Assert.Throws<BadPropertyException>(() => n.Set("tau_syn", new[] { 1.0, 2.0 }));
        Assert.Throws<BadPropertyException>(() => n.Set("E_rev", new[] { 0.0, -80.0 }));
        Assert.Throws<BadPropertyException>(() => n.Set(new Dictionary<string, object> { ["tau_syn"] = new[] { 1.0, 2.0 }, ["E_rev"] = new[] { 0.0 } }));
        Assert.Equal(1L, Convert.ToInt64(n.Get("n_receptors"), System.Globalization.CultureInfo.InvariantCulture));
        // same length: one array alone is fine
        n.Set("E_rev", new[] { -10.0 });
        n.Set(new Dictionary<string, object> { ["tau_syn"] = new[] { 1.0, 2.0 }, ["E_rev"] = new[] { 0.0, -80.0 } });
        Assert.Equal(2, ((double[])n.Get("g")).Length);
    }

    [Theory]
    [InlineData(Psc)]
    [InlineData(Cond)]
    public void PortsCannotBeReduced_OnceConnected(string model)
    {
        var nest = new Simulator();
        var two = new Dictionary<string, object> { ["tau_syn"] = new[] { 1.0, 2.0 } };
        if (model == Cond) two["E_rev"] = new[] { 0.0, 0.0 };
        var n = nest.Create(model, 1, two);
        var sg = nest.Create("spike_generator");
        nest.Connect(sg, n, syn: new Dictionary<string, object> { ["receptor_type"] = 2L });
        Assert.True((bool)n.Get("has_connections"));
        var one = new Dictionary<string, object> { ["tau_syn"] = new[] { 1.0 } };
        if (model == Cond) one["E_rev"] = new[] { 0.0 };
        Assert.Throws<BadPropertyException>(() => n.Set(one));
        var three = new Dictionary<string, object> { ["tau_syn"] = new[] { 1.0, 2.0, 3.0 } };
        if (model == Cond) three["E_rev"] = new[] { 0.0, 0.0, 0.0 };
        n.Set(three);
        Assert.Equal(3L, Convert.ToInt64(n.Get("n_receptors"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(Psc)]
    [InlineData(Cond)]
    public void ReceptorTypes_CheckedAsNest(string model)
    {
        var nest = new Simulator();
        var n = nest.Create(model);
        var sg = nest.Create("spike_generator");
        var dc = nest.Create("dc_generator");
        Assert.Throws<IncompatibleReceptorTypeException>(() => nest.Connect(sg, n, syn: new Dictionary<string, object> { ["receptor_type"] = 2L }));
        Assert.Throws<IncompatibleReceptorTypeException>(() => nest.Connect(sg, n));
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(dc, n, syn: new Dictionary<string, object> { ["receptor_type"] = 1L }));
        nest.Connect(dc, n);
        Assert.Equal(1L, Convert.ToInt64(nest.GetKernelStatus("num_connections"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cond_NegativeWeight_FailsTheRun()
    {
        var nest = new Simulator();
        var n = nest.Create(Cond);
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 5.0 } });
        nest.Connect(sg, n, syn: new Dictionary<string, object> { ["receptor_type"] = 1L, ["weight"] = -1.0 });
        Assert.Throws<BadPropertyException>(() => nest.Simulate(10.0));
    }
}
