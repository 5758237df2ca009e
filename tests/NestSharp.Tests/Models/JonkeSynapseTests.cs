namespace NestSharp.Tests.Models;

/// <summary>
/// jonke_synapse against NEST 3.10's update (models/jonke_synapse.h, send): all-to-all pairing with the exponential
/// weight dependence and offset, parameters common to the model; weights worked out by hand, the same for the _hpc and
/// _lbl names and any number of threads or processes; NEST's defaults and checks.
/// </summary>
public sealed class JonkeSynapseTests
{
    // The parrots re-emit their generators' spikes 1 ms later: pre-synaptic spikes at 10, 20, 25, 40, 41 and 60 ms,
    // the target's at 5, 12, 14, 24, 30, 39, 40, 50 and 55 ms; dendritic delay 1 ms.
    private static readonly double[] PreTimes = [10, 20, 25, 40, 41, 60];
    private static readonly double[] PostTimes = [5, 12, 14, 24, 30, 39, 40, 50, 55];

    private static Dictionary<string, object> Common() => new()
    {
        ["alpha"] = 1.2, ["beta"] = 0.01, ["lambda"] = 0.05, ["mu_plus"] = -0.3, ["mu_minus"] = 0.2, ["tau_plus"] = 15.0, ["Wmax"] = 6.0,
    };

    /// <summary>
    /// The weight after each pre-synaptic spike, by hand: for each target spike t since the last pre-synaptic spike
    /// w ← min(6, w + 0.05·(exp(-0.3·w)·K+·exp(-(t + 1 - t_last)/15) - 0.01)), then
    /// w ← max(0, w + 0.05·(-1.2·exp(0.2·w)·K-(t_pre - 1) - 0.01)) with K- the target's trace (tau_minus 25 ms); K+ steps
    /// by 1 at each pre-synaptic spike and decays with tau_plus 15 ms. Initial weight 5.
    /// </summary>
    private static readonly double[] HandWeights = [4.8600318789001085, 4.534923898704381, 4.286057829513099, 4.000028308758836, 3.609991064592363, 3.217290864018067];

    /// <summary>K+ after the last pre-synaptic spike, and the target's post_trace: K- at 59 ms, the last one read.</summary>
    private const double HandKplus = 1.747495839645144, HandPostTrace = 3.460112766005118;

    private static (double[] Times, double[] Weights, SynapseCollection Connection, NodeCollection Post) Run(string model, int threads, double lambda = 0.05)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        var preDrive = nest.Create("spike_generator", 1, new() { ["spike_times"] = PreTimes.Select(t => t - 1.0).ToArray() });
        var postDrive = nest.Create("spike_generator", 1, new() { ["spike_times"] = PostTimes.Select(t => t - 1.0).ToArray() });
        var pre = nest.Create("parrot_neuron");
        var post = nest.Create("parrot_neuron", 1, new() { ["tau_minus"] = 25.0 });
        var wr = nest.Create("weight_recorder");
        var common = Common();
        common["lambda"] = lambda;
        common["weight_recorder"] = wr;
        nest.CopyModel(model, "recorded", common);
        nest.Connect(preDrive, pre, syn: new Dictionary<string, object> { ["delay"] = 1.0 });
        nest.Connect(postDrive, post, syn: new Dictionary<string, object> { ["delay"] = 1.0 });
        var spec = new Dictionary<string, object> { ["synapse_model"] = "recorded", ["weight"] = 5.0, ["delay"] = 1.0 };
        if (!model.EndsWith("_hpc", StringComparison.Ordinal)) spec["receptor_type"] = 1L;
        nest.Connect(pre, post, syn: spec);
        nest.Simulate(100.0);
        var events = (Dictionary<string, object>)wr.Get("events");
        return ((double[])events["times"], (double[])events["weights"], nest.GetConnections(synapseModel: "recorded"), post);
    }

    [Theory]
    [InlineData("jonke_synapse")]
    [InlineData("jonke_synapse_lbl")]
    public void SpikePattern_GivesTheWeightsOfNestsUpdate(string model)
    {
        var (times, weights, connection, post) = Run(model, threads: 1);
        Assert.Equal(PreTimes, times);
        Assert.Equal(HandWeights.Length, weights.Length);
        for (int i = 0; i < HandWeights.Length; i++)
            Assert.True(Math.Abs(weights[i] - HandWeights[i]) <= 1e-14 * HandWeights[i], $"spike {i}: by hand {HandWeights[i]:R}, NestSharp {weights[i]:R}");
        Assert.Equal(weights[^1], connection.GetValues<double>("weight")[0]);
        Assert.Equal(HandKplus, connection.GetValues<double>("Kplus")[0], 1e-14);
        // K- is read as stdp_synapse reads it (NEST's get_K_value), which sets the target's post_trace
        Assert.Equal(HandPostTrace, post.Get<double>("post_trace"), 1e-14);
    }

    [Fact]
    public void HpcVariant_IsTheSameRule()
    {
        // on receptor 0 the post parrot also re-emits the pre-synaptic spikes; the base model sees them alike
        static double[] OnReceptorZero(string model)
        {
            var nest = new Simulator();
            var preDrive = nest.Create("spike_generator", 1, new() { ["spike_times"] = PreTimes.Select(t => t - 1.0).ToArray() });
            var postDrive = nest.Create("spike_generator", 1, new() { ["spike_times"] = PostTimes.Select(t => t - 1.0).ToArray() });
            var pre = nest.Create("parrot_neuron");
            var post = nest.Create("parrot_neuron", 1, new() { ["tau_minus"] = 25.0 });
            var wr = nest.Create("weight_recorder");
            var common = Common();
            common["weight_recorder"] = wr;
            nest.CopyModel(model, "recorded", common);
            nest.Connect(preDrive, pre, syn: new Dictionary<string, object> { ["delay"] = 1.0 });
            nest.Connect(postDrive, post, syn: new Dictionary<string, object> { ["delay"] = 1.0 });
            nest.Connect(pre, post, syn: new Dictionary<string, object> { ["synapse_model"] = "recorded", ["weight"] = 5.0, ["delay"] = 1.0 });
            nest.Simulate(100.0);
            return (double[])((Dictionary<string, object>)wr.Get("events"))["weights"];
        }

        var plain = OnReceptorZero("jonke_synapse");
        Assert.Equal(PreTimes.Length, plain.Length);
        Assert.Equal(plain, OnReceptorZero("jonke_synapse_hpc"));
    }

    [Fact]
    public void LambdaZero_LeavesTheWeight()
    {
        var (_, weights, connection, _) = Run("jonke_synapse", threads: 1, lambda: 0.0);
        Assert.All(weights, w => Assert.Equal(5.0, w));
        Assert.Equal(HandKplus, connection.GetValues<double>("Kplus")[0], 1e-14); // the trace runs on
    }

    private static (string Rows, double[] Weights) Network(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 13L });
        nest.SetDefaults("jonke_synapse", new() { ["lambda"] = 0.5, ["mu_plus"] = -0.02, ["beta"] = 0.001, ["Wmax"] = 80.0 });
        var drive = nest.Create("poisson_generator", 1, new() { ["rate"] = 60.0 });
        var parrots = nest.Create("parrot_neuron", 12);
        var targets = nest.Create("iaf_psc_alpha", 7, new() { ["I_e"] = 370.0, ["tau_minus"] = 30.0 });
        nest.Connect(drive, parrots);
        nest.Connect(parrots, targets, Rule.FixedIndegree(5), new Dictionary<string, object>
        {
            ["synapse_model"] = "jonke_synapse", ["weight"] = 40.0, ["delay"] = nest.Random.Uniform(0.5, 3.0),
        });
        nest.Simulate(150.0);
        nest.Simulate(250.0);
        var conns = nest.GetConnections(synapseModel: "jonke_synapse");
        long[] sources = conns.Source, tgts = conns.Target;
        double[] weights = conns.GetValues<double>("weight"), kplus = conns.GetValues<double>("Kplus");
        var rows = sources.Select((s, i) => $"{s}>{tgts[i]}:{weights[i]:R}:{kplus[i]:R}");
        rows = rows.Concat(targets.Ids.Select(id => $"{id}:{nest.Nodes((int)id).Get<double>("V_m"):R}:{nest.Nodes((int)id).Get<double>("post_trace"):R}"));
        return (string.Join(";", rows.Order(StringComparer.Ordinal)), weights);
    }

    [Fact]
    public void Network_IsTheSameForOneTwoAndFourThreads()
    {
        var (one, weights) = Network(1);
        Assert.Equal(35, weights.Length);
        Assert.True(weights.Distinct().Count() > 15, "the weights changed, each in its own way");
        Assert.Equal(one, Network(2).Rows);
        Assert.Equal(one, Network(4).Rows);
    }

    [Fact]
    public void Network_IsTheSameOnOneAndTwoProcesses() =>
        Distribution.PlasticWeightsProbe.AssertSameOnOneAndTwoRanks("jonke_synapse",
            beforeCreate: nest => nest.SetDefaults("jonke_synapse", new() { ["lambda"] = 0.3 }));

    [Fact]
    public void Defaults_AreNests()
    {
        foreach (string name in new[] { "jonke_synapse", "jonke_synapse_hpc", "jonke_synapse_lbl" })
        {
            var defaults = new Simulator().GetDefaults(name);
            Assert.Equal(1.0, defaults["alpha"]);
            Assert.Equal(0.0, defaults["beta"]);
            Assert.Equal(0.01, defaults["lambda"]);
            Assert.Equal(0.0, defaults["mu_plus"]);
            Assert.Equal(0.0, defaults["mu_minus"]);
            Assert.Equal(20.0, defaults["tau_plus"]);
            Assert.Equal(100.0, defaults["Wmax"]);
            Assert.Equal(1.0, defaults["weight"]);
            Assert.Equal(0.0, defaults["Kplus"]);
            Assert.False(defaults.ContainsKey("t_lastspike"));
        }
    }

    [Fact]
    public void NegativeKplus_IsRefused_AndChangesNothing()
    {
        var nest = new Simulator();
        var a = nest.Create("parrot_neuron", 2);
        var e = Assert.Throws<BadPropertyException>(() =>
            nest.Connect(a[..1], a[1..], "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "jonke_synapse", ["Kplus"] = -0.5 }));
        Assert.Contains("Kplus", e.Message, StringComparison.Ordinal);
        Assert.Contains("-0.5", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, nest.GetConnections().Count);

        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("jonke_synapse", new() { ["Kplus"] = -1.0 }));
        Assert.Equal(0.0, nest.GetDefaults("jonke_synapse")["Kplus"]);

        nest.Connect(a[..1], a[1..], "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "jonke_synapse_hpc", ["Kplus"] = 0.5 });
        var conns = nest.GetConnections();
        Assert.Throws<BadPropertyException>(() => conns.Set("Kplus", -2.0));
        Assert.Equal(0.5, conns.GetValues<double>("Kplus")[0]);
    }

    [Fact]
    public void CommonParameters_AreNotSetPerConnection()
    {
        var nest = new Simulator();
        var a = nest.Create("parrot_neuron", 2);
        Assert.Throws<NestNotImplementedException>(() =>
            nest.Connect(a[..1], a[1..], "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "jonke_synapse", ["beta"] = 0.1 }));
        nest.Connect(a[..1], a[1..], "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "jonke_synapse" });
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.GetConnections().Set("Wmax", 3.0));
        // none of the common parameters is checked, as in NEST
        nest.SetDefaults("jonke_synapse", new() { ["tau_plus"] = -1.0, ["Wmax"] = -5.0, ["alpha"] = -2.0 });
        Assert.Equal(-5.0, nest.GetDefaults("jonke_synapse")["Wmax"]);
    }
}
