namespace NestSharp.Tests.Models;

/// <summary>
/// stdp_nn_symm_synapse, stdp_nn_pre_centered_synapse and stdp_nn_restr_synapse against NEST 3.10's update
/// (models/stdp_nn_*_synapse.h, send; ArchivingNode::get_history and get_K_values): weights worked out by hand for a
/// spike pattern with coinciding pairs and a post-synaptic spike before the first pre-synaptic one, the same for the
/// _hpc and _lbl names and for any number of threads or processes; NEST's defaults and checks.
/// </summary>
public sealed class StdpNnSynapseTests
{
    // The parrots re-emit their generators' spikes 1 ms later: the synapse sees pre-synaptic spikes at
    // 10, 20, 25, 40, 41 and 60 ms and the target spikes at 5, 12, 14, 24, 30, 39, 40, 50 and 55 ms. With the dendritic
    // delay d = 1 ms the target's spikes at 24, 39 and 40 ms coincide with the pre-synaptic spikes at 25, 40 and 41 ms.
    private static readonly double[] PreTimes = [10, 20, 25, 40, 41, 60];
    private static readonly double[] PostTimes = [5, 12, 14, 24, 30, 39, 40, 50, 55];
    private const double Delay = 1.0, TauMinus = 25.0;

    private static Dictionary<string, object> Parameters() => new()
    {
        ["weight"] = 5.0, ["delay"] = Delay, ["tau_plus"] = 15.0, ["lambda"] = 0.05, ["alpha"] = 0.9, ["mu_plus"] = 0.5,
        ["mu_minus"] = 0.7, ["Wmax"] = 10.0, ["receptor_type"] = 1L,
    };

    /// <summary>
    /// The weight after each pre-synaptic spike, by hand from NEST's update with w/Wmax soft bounds (tau_plus 15 ms,
    /// tau_minus 25 ms, lambda 0.05, alpha 0.9, mu_plus 0.5, mu_minus 0.7, Wmax 10, initial weight 5). Facilitation pairs
    /// with the synapse's last spike time, which starts at 0, so the symmetric and restricted schemes pair the target's
    /// spike at 5 ms with a pre-synaptic spike at 0; the pre-centred scheme's trace Kplus starts at 0. A coinciding pair
    /// (t_pre = t_post + d) does not depress: the pre-synaptic spike pairs with the target's spike before.
    /// </summary>
    public static TheoryData<string, double[]> HandWeights => new()
    {
        { "stdp_nn_symm_synapse", [4.993166335253828, 5.285559328494317, 5.332259978600401, 5.472388153419465, 5.492302532951173, 5.524323509814946] },
        { "stdp_nn_pre_centered_synapse", [4.763949785340728, 4.831467293855809, 4.901041429680992, 4.943325439839932, 4.9996017377766835, 4.939125354892776] },
        { "stdp_nn_restr_synapse", [4.993166335253828, 5.047128771000281, 5.105868929157178, 5.137961721144377, 5.180910827531585, 5.111323105098517] },
    };

    private static (double[] Times, double[] Weights, SynapseCollection Connection, NodeCollection Post) Run(string model, int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        var preDrive = nest.Create("spike_generator", 1, new() { ["spike_times"] = PreTimes.Select(t => t - 1.0).ToArray() });
        var postDrive = nest.Create("spike_generator", 1, new() { ["spike_times"] = PostTimes.Select(t => t - 1.0).ToArray() });
        var pre = nest.Create("parrot_neuron");
        var post = nest.Create("parrot_neuron", 1, new() { ["tau_minus"] = TauMinus });
        var wr = nest.Create("weight_recorder");
        nest.CopyModel(model, "recorded", new() { ["weight_recorder"] = wr });
        nest.Connect(preDrive, pre, syn: new Dictionary<string, object> { ["delay"] = 1.0 });
        nest.Connect(postDrive, post, syn: new Dictionary<string, object> { ["delay"] = 1.0 });
        var spec = Parameters();
        spec["synapse_model"] = "recorded";
        nest.Connect(pre, post, syn: spec);
        nest.Simulate(100.0);
        var events = (Dictionary<string, object>)wr.Get("events");
        return ((double[])events["times"], (double[])events["weights"], nest.GetConnections(synapseModel: "recorded"), post);
    }

    [Theory]
    [MemberData(nameof(HandWeights))]
    public void SpikePattern_GivesTheWeightsOfNestsUpdate(string model, double[] expected)
    {
        foreach (string name in new[] { model, model + "_lbl" })
        {
            var (times, weights, connection, post) = Run(name, threads: 1);
            Assert.Equal(PreTimes, times);
            Assert.Equal(expected.Length, weights.Length);
            for (int i = 0; i < expected.Length; i++)
                Assert.True(Math.Abs(weights[i] - expected[i]) <= 1e-14 * expected[i], $"{name}, spike {i}: by hand {expected[i]:R}, NestSharp {weights[i]:R}");
            Assert.Equal(weights[^1], connection.GetValues<double>("weight")[0]);
            // the nearest-neighbour trace leaves the target's post_trace (NEST's get_K_values does not set it)
            Assert.Equal(0.0, post.Get<double>("post_trace"));
        }
    }

    [Fact]
    public void PreCentredScheme_ResetsKplusAtEachPairedTargetSpike()
    {
        // the last pre-synaptic spike (60 ms) followed the target's spikes at 50 and 55 ms: Kplus was reset to 0, then
        // stepped by 1
        var (_, _, connection, _) = Run("stdp_nn_pre_centered_synapse", threads: 1);
        Assert.Equal(1.0, connection.GetValues<double>("Kplus")[0]);
    }

    [Theory]
    [InlineData("stdp_nn_symm_synapse")]
    [InlineData("stdp_nn_pre_centered_synapse")]
    [InlineData("stdp_nn_restr_synapse")]
    public void HpcVariant_IsTheSameRuleOnReceptorZero(string model)
    {
        // receptor 0 of the post parrot: it also re-emits the pre-synaptic spikes, which the base model sees alike
        static double[] OnReceptorZero(string name)
        {
            var nest = new Simulator();
            var preDrive = nest.Create("spike_generator", 1, new() { ["spike_times"] = PreTimes.Select(t => t - 1.0).ToArray() });
            var postDrive = nest.Create("spike_generator", 1, new() { ["spike_times"] = PostTimes.Select(t => t - 1.0).ToArray() });
            var pre = nest.Create("parrot_neuron");
            var post = nest.Create("parrot_neuron", 1, new() { ["tau_minus"] = TauMinus });
            var wr = nest.Create("weight_recorder");
            nest.CopyModel(name, "recorded", new() { ["weight_recorder"] = wr });
            nest.Connect(preDrive, pre, syn: new Dictionary<string, object> { ["delay"] = 1.0 });
            nest.Connect(postDrive, post, syn: new Dictionary<string, object> { ["delay"] = 1.0 });
            var spec = Parameters();
            spec.Remove("receptor_type");
            spec["synapse_model"] = "recorded";
            nest.Connect(pre, post, syn: spec);
            nest.Simulate(100.0);
            return (double[])((Dictionary<string, object>)wr.Get("events"))["weights"];
        }

        var plain = OnReceptorZero(model);
        Assert.Equal(PreTimes.Length, plain.Length);
        Assert.Equal(plain, OnReceptorZero(model + "_hpc"));
    }

    private static (string Rows, double[] Weights) Network(string model, int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 11L });
        var drive = nest.Create("poisson_generator", 1, new() { ["rate"] = 60.0 });
        var parrots = nest.Create("parrot_neuron", 12);
        var targets = nest.Create("iaf_psc_alpha", 7, new() { ["I_e"] = 370.0, ["tau_minus"] = 30.0 });
        nest.Connect(drive, parrots);
        nest.Connect(parrots, targets, Rule.FixedIndegree(5), new Dictionary<string, object>
        {
            ["synapse_model"] = model, ["weight"] = 40.0, ["Wmax"] = 120.0, ["lambda"] = 0.05, ["mu_plus"] = 0.3,
            ["delay"] = nest.Random.Uniform(0.5, 3.0),
        });
        nest.Simulate(150.0);
        nest.Simulate(250.0);
        var conns = nest.GetConnections(synapseModel: model);
        long[] sources = conns.Source, tgts = conns.Target;
        double[] weights = conns.GetValues<double>("weight");
        double[] kplus = model.Contains("pre_centered", StringComparison.Ordinal) ? conns.GetValues<double>("Kplus") : new double[weights.Length];
        var rows = sources.Select((s, i) => $"{s}>{tgts[i]}:{weights[i]:R}:{kplus[i]:R}");
        rows = rows.Concat(targets.Ids.Select(id => $"{id}:{nest.Nodes((int)id).Get<double>("V_m"):R}"));
        return (string.Join(";", rows.Order(StringComparer.Ordinal)), weights);
    }

    [Theory]
    [InlineData("stdp_nn_symm_synapse")]
    [InlineData("stdp_nn_pre_centered_synapse_hpc")]
    [InlineData("stdp_nn_restr_synapse_lbl")]
    public void Network_IsTheSameForOneTwoAndFourThreads(string model)
    {
        var (one, weights) = Network(model, 1);
        Assert.Equal(35, weights.Length);
        Assert.True(weights.Distinct().Count() > 15, "the weights changed, each in its own way");
        Assert.Equal(one, Network(model, 2).Rows);
        Assert.Equal(one, Network(model, 4).Rows);
    }

    [Theory]
    [InlineData("stdp_nn_symm_synapse")]
    [InlineData("stdp_nn_pre_centered_synapse")]
    [InlineData("stdp_nn_restr_synapse")]
    public void Network_IsTheSameOnOneAndTwoProcesses(string model) =>
        Distribution.PlasticWeightsProbe.AssertSameOnOneAndTwoRanks(model, new() { ["lambda"] = 0.1 });

    [Theory]
    [InlineData("stdp_nn_symm_synapse", false)]
    [InlineData("stdp_nn_pre_centered_synapse", true)]
    [InlineData("stdp_nn_restr_synapse", false)]
    public void Defaults_AreNests(string model, bool hasKplus)
    {
        foreach (string name in new[] { model, model + "_hpc", model + "_lbl" })
        {
            var defaults = new Simulator().GetDefaults(name);
            Assert.Equal(1.0, defaults["weight"]);
            Assert.Equal(20.0, defaults["tau_plus"]);
            Assert.Equal(0.01, defaults["lambda"]);
            Assert.Equal(1.0, defaults["alpha"]);
            Assert.Equal(1.0, defaults["mu_plus"]);
            Assert.Equal(1.0, defaults["mu_minus"]);
            Assert.Equal(100.0, defaults["Wmax"]);
            Assert.Equal(hasKplus, defaults.ContainsKey("Kplus"));
            if (hasKplus) Assert.Equal(0.0, defaults["Kplus"]);
            Assert.False(defaults.ContainsKey("t_lastspike"));
        }
    }

    [Theory]
    [InlineData("stdp_nn_symm_synapse", -0.0, 100.0, false)]
    [InlineData("stdp_nn_symm_synapse", 0.0, -1.0, false)]
    [InlineData("stdp_nn_symm_synapse", -1.0, -0.0, true)]
    [InlineData("stdp_nn_pre_centered_synapse", -0.0, 100.0, true)]
    [InlineData("stdp_nn_pre_centered_synapse", 1.0, -1.0, false)]
    [InlineData("stdp_nn_pre_centered_synapse", -1.0, -0.0, false)]
    [InlineData("stdp_nn_restr_synapse", -0.0, 100.0, true)]
    [InlineData("stdp_nn_restr_synapse", -2.0, 5.0, false)]
    [InlineData("stdp_nn_restr_synapse", -1.0, -0.0, false)]
    public void WeightAndWmax_MustHaveTheSameSign_AsNestComparesThem(string model, double weight, double wmax, bool accepted)
    {
        // stdp_nn_symm_synapse compares sign bits (std::signbit), the others compare with 0 (0 and -0 positive)
        var nest = new Simulator();
        var a = nest.Create("parrot_neuron", 2);
        var spec = new Dictionary<string, object> { ["synapse_model"] = model, ["weight"] = weight, ["Wmax"] = wmax };
        if (accepted)
        {
            nest.Connect(a[..1], a[1..], "one_to_one", spec);
            Assert.Equal(1, nest.GetConnections(synapseModel: model).Count);
            return;
        }
        var e = Assert.Throws<BadPropertyException>(() => nest.Connect(a[..1], a[1..], "one_to_one", spec));
        Assert.Contains("Wmax", e.Message, StringComparison.Ordinal);
        Assert.Contains("same sign", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, nest.GetConnections(synapseModel: model).Count);

        Assert.Throws<BadPropertyException>(() => nest.SetDefaults(model, new() { ["weight"] = weight, ["Wmax"] = wmax }));
        Assert.Equal(1.0, nest.GetDefaults(model)["weight"]);
        Assert.Equal(100.0, nest.GetDefaults(model)["Wmax"]);

        nest.Connect(a[..1], a[1..], "one_to_one", new Dictionary<string, object> { ["synapse_model"] = model });
        var conns = nest.GetConnections(synapseModel: model);
        Assert.Throws<BadPropertyException>(() => conns.Set(new Dictionary<string, object> { ["weight"] = weight, ["Wmax"] = wmax }));
        Assert.Equal(1.0, conns.GetValues<double>("weight")[0]);
        Assert.Equal(100.0, conns.GetValues<double>("Wmax")[0]);
    }

    [Fact]
    public void NegativeKplus_IsRefusedByThePreCentredScheme()
    {
        var nest = new Simulator();
        var a = nest.Create("parrot_neuron", 2);
        var e = Assert.Throws<BadPropertyException>(() =>
            nest.Connect(a[..1], a[1..], "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "stdp_nn_pre_centered_synapse", ["Kplus"] = -0.5 }));
        Assert.Contains("Kplus", e.Message, StringComparison.Ordinal);
        Assert.Contains("-0.5", e.Message, StringComparison.Ordinal);
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("stdp_nn_pre_centered_synapse_hpc", new() { ["Kplus"] = -1.0 }));
        Assert.Equal(0.0, nest.GetDefaults("stdp_nn_pre_centered_synapse_hpc")["Kplus"]);
        nest.Connect(a[..1], a[1..], "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "stdp_nn_pre_centered_synapse", ["Kplus"] = 2.5 });
        Assert.Equal(2.5, nest.GetConnections().GetValues<double>("Kplus")[0]);
    }

    [Theory]
    [InlineData("stdp_nn_symm_synapse")]
    [InlineData("stdp_nn_restr_synapse")]
    public void Kplus_IsNotAKeyOfTheSchemesWithoutATrace(string model)
    {
        var nest = new Simulator();
        var a = nest.Create("parrot_neuron", 2);
        Assert.Throws<UnaccessedDictionaryEntryException>(() =>
            nest.Connect(a[..1], a[1..], "one_to_one", new Dictionary<string, object> { ["synapse_model"] = model, ["Kplus"] = 1.0 }));
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Theory]
    [InlineData("stdp_nn_symm_synapse")]
    [InlineData("stdp_nn_pre_centered_synapse")]
    [InlineData("stdp_nn_restr_synapse")]
    public void SpikeGeneratorSource_IsRefused(string model)
    {
        var nest = new Simulator();
        var generator = nest.Create("spike_generator");
        var n = nest.Create("iaf_psc_alpha");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(generator, n, syn: model));
    }
}
