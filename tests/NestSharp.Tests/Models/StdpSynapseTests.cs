namespace NestSharp.Tests.Models;

/// <summary>
/// The STDP synapses against a direct transcription of their published update rules for one pre- and one
/// post-synaptic train (post spikes forced by a strong input, pre spikes from a parrot), and thread independence.
/// </summary>
public sealed class StdpSynapseTests
{
    private static readonly double[] PreTimes = [10.0, 25.0, 40.0, 41.0, 70.0, 100.0, 103.0, 130.0];
    private static readonly double[] PostDriveTimes = [12.0, 30.0, 38.0, 60.0, 99.0, 120.0];
    private const double Delay = 1.0;

    /// <summary>Simulates the pair; returns the weight after every transmitted spike and the post spike times.</summary>
    private static (double[] Weights, double[] PostSpikes, double[] PreSpikes) Run(string model, Dictionary<string, object> parameters, double w0)
    {
        var nest = new Simulator();
        var sgPre = nest.Create("spike_generator", 1, new() { ["spike_times"] = PreTimes });
        var sgPost = nest.Create("spike_generator", 1, new() { ["spike_times"] = PostDriveTimes });
        var pre = nest.Create("parrot_neuron");
        var post = nest.Create("iaf_psc_alpha", 1, new() { ["tau_minus"] = 25.0 });
        var wr = nest.Create("weight_recorder");
        parameters["weight_recorder"] = wr;
        nest.CopyModel(model, "plastic", parameters);
        nest.Connect(sgPre, pre);
        nest.Connect(sgPost, post, syn: new Dictionary<string, object> { ["weight"] = 10000.0 });
        nest.Connect(pre, post, syn: new Dictionary<string, object> { ["synapse_model"] = "plastic", ["weight"] = w0, ["delay"] = Delay });
        var srPost = nest.Create("spike_recorder");
        var srPre = nest.Create("spike_recorder");
        nest.Connect(post, srPost);
        nest.Connect(pre, srPre);
        nest.Simulate(200.0);
        static double[] Times(NodeCollection r) => (double[])((Dictionary<string, object>)r.Get("events"))["times"];
        return ((double[])((Dictionary<string, object>)wr.Get("events"))["weights"], Times(srPost), Times(srPre));
    }

    /// <summary>The rule applied by hand: all-to-all pairing with traces K+ (tau_plus) and K- (tau_minus of the target).</summary>
    private static double[] ByHand(double[] pre, double[] post, double w, double tauPlus, double tauMinus,
        Func<double, double, double> facilitate, Func<double, double, double> depress)
    {
        var weights = new List<double>();
        double kplus = 0, tLast = 0;
        foreach (double t in pre)
        {
            foreach (double tp in post.Where(tp => tp > tLast - Delay && tp <= t - Delay))
                w = facilitate(w, kplus * Math.Exp((tLast - (tp + Delay)) / tauPlus));
            double kminus = post.Where(tp => tp < t - Delay).Sum(tp => Math.Exp((tp - (t - Delay)) / tauMinus));
            w = depress(w, kminus);
            weights.Add(w);
            kplus = kplus * Math.Exp((tLast - t) / tauPlus) + 1.0;
            tLast = t;
        }
        return weights.ToArray();
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Abs(expected[i]) + 1e-14, $"event {i}: {actual[i]:R} vs {expected[i]:R}");
    }

    [Fact]
    public void StdpSynapse_FollowsTheSoftBoundRule()
    {
        double lambda = 0.05, alpha = 1.2, muPlus = 0.5, muMinus = 0.7, wmax = 200.0, tauPlus = 15.0;
        var (weights, post, pre) = Run("stdp_synapse", new()
        {
            ["tau_plus"] = tauPlus, ["lambda"] = lambda, ["alpha"] = alpha, ["mu_plus"] = muPlus, ["mu_minus"] = muMinus, ["Wmax"] = wmax,
        }, 100.0);
        Assert.True(post.Length >= 5);
        var expected = ByHand(pre, post, 100.0, tauPlus, 25.0,
            (w, k) => Math.Min(wmax, (w / wmax + lambda * Math.Pow(1 - w / wmax, muPlus) * k) * wmax),
            (w, k) => Math.Max(0, (w / wmax - alpha * lambda * Math.Pow(w / wmax, muMinus) * k) * wmax));
        AssertClose(expected, weights);
        Assert.NotEqual(100.0, weights[^1]);
    }

    [Fact]
    public void StdpPlSynapseHom_FollowsThePowerLawRule()
    {
        double lambda = 0.1, alpha = 0.0513, mu = 0.4, tauPlus = 15.0;
        var (weights, post, pre) = Run("stdp_pl_synapse_hom", new()
        {
            ["tau_plus"] = tauPlus, ["lambda"] = lambda, ["alpha"] = alpha, ["mu"] = mu,
        }, 50.0);
        var expected = ByHand(pre, post, 50.0, tauPlus, 25.0,
            (w, k) => w + lambda * Math.Pow(w, mu) * k,
            (w, k) => Math.Max(0, w - lambda * alpha * w * k));
        AssertClose(expected, weights);
    }

    [Fact]
    public void StdpSynapseHom_EqualsStdpSynapseWithTheSameParameters()
    {
        var parameters = new Dictionary<string, object> { ["tau_plus"] = 18.0, ["lambda"] = 0.02, ["alpha"] = 0.9, ["Wmax"] = 150.0 };
        var hom = Run("stdp_synapse_hom", new(parameters), 80.0).Weights;
        var perConnection = Run("stdp_synapse", new(parameters), 80.0).Weights;
        Assert.Equal(perConnection, hom);
    }

    [Fact]
    public void CommonParameterInSynSpec_IsRejectedForHomModels()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 2);
        // NEST: NotImplemented ("can only be set via SetDefaults() or CopyModel()").
        var e = Assert.Throws<NestNotImplementedException>(() => nest.Connect(n, n, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = "stdp_pl_synapse_hom", ["alpha"] = 0.5,
        }));
        Assert.Contains("alpha", e.Message);
    }

    [Fact]
    public void PerConnectionParameterInSynSpec_IsUsedByStdpSynapse()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(n[..1], n[1..], syn: new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["Wmax"] = 5.0, ["weight"] = 2.0 });
        Assert.Equal(1L, nest.GetDefaults("stdp_synapse")["num_connections"]);
    }

    [Fact]
    public void PlasticSynapseFromAGenerator_IsIllegal()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var pg = nest.Create("poisson_generator", 1, new() { ["rate"] = 10.0 });
        var e = Assert.Throws<IllegalConnectionException>(() => nest.Connect(pg, n, syn: "stdp_synapse"));
        Assert.Contains("parrot_neuron", e.Message);
    }

    [Fact]
    public void StdpNetwork_WeightsAreIdenticalForAnyThreadCount()
    {
        static double[] FinalWeights(int threads)
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 31L });
            var neurons = nest.Create("iaf_psc_alpha", 200, new() { ["I_e"] = 300.0 });
            neurons.Set("V_m", nest.Random.Uniform(-70.0, -56.0));
            var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 8000.0 });
            nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = 20.0 });
            nest.CopyModel("stdp_pl_synapse_hom", "plastic", new() { ["alpha"] = 0.1 });
            nest.Connect(neurons, neurons, Rule.FixedIndegree(20), new Dictionary<string, object>
            {
                ["synapse_model"] = "plastic", ["weight"] = nest.Random.Uniform(10.0, 30.0), ["delay"] = nest.Random.Uniform(1.0, 3.0),
            });
            nest.Simulate(500.0);
            return nest.GetConnections(synapseModel: "plastic").Weight;
        }
        var one = FinalWeights(1);
        Assert.Contains(one, w => Math.Abs(w - 20.0) > 1.0);
        Assert.Equal(one, FinalWeights(2));
        Assert.Equal(one, FinalWeights(4));
    }

    [Fact]
    public void SpikeHistory_StaysBoundedOverLongRuns()
    {
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 20, new() { ["I_e"] = 600.0 });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(5), "stdp_synapse");
        nest.Simulate(2000.0);
        long[] early = neurons.GetValues<long>("archiver_length");
        nest.Simulate(20_000.0);
        long[] late = neurons.GetValues<long>("archiver_length");
        Assert.True(neurons.GetValues<double>("t_spike").All(t => t > 21_000.0), "every neuron keeps firing");
        Assert.True(early.Max() > 0);
        Assert.True(late.Max() <= early.Max() + 2, $"history grew from {early.Max()} to {late.Max()} entries");
    }
}
