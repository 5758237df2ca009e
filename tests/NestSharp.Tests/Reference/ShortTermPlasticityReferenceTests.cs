using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// NEST's reference experiments of the short-term plasticity and homogeneous-weight synapses: the deterministic pairs
/// (parrot → post) replayed by <see cref="DetReplay"/> and compared bit for bit (the weight_recorder
/// holds the transmitted weights; traces, spikes, the connection status after the run and the copy's common
/// properties), and the stochastic ones (quantal_stp_synapse, bernoulli_synapse) rebuilt and compared statistically
/// with NEST's own statistics: each quantity within four standard errors of the difference of two independent
/// estimates.
/// </summary>
public sealed class ShortTermPlasticityReferenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("tsodyks_synapse_depressing")]
    [InlineData("tsodyks_synapse_facilitating")]
    [InlineData("tsodyks2_synapse_depressing")]
    [InlineData("tsodyks2_synapse_facilitating")]
    [InlineData("tsodyks_synapse_hom")]
    [InlineData("static_synapse_hom_w")]
    public void SynapsePair_MatchesNest(string experiment)
    {
        var run = DetReplay.Run(experiment);
        run.AssertTraces(Agreement.Bitwise, output);
        run.AssertSpikes(output);
        run.AssertWeights(Agreement.Bitwise, output);
        run.AssertConnectionStatus(Agreement.Bitwise, output);
        run.AssertFinalStatus(Agreement.Bitwise, output);
    }

    [Theory]
    [InlineData("tsodyks_synapse_hom")]
    [InlineData("static_synapse_hom_w")]
    public void HomogeneousModels_ReportNoWeightPerConnection(string experiment)
    {
        var run = DetReplay.Run(experiment);
        Assert.False(run.Connections!.Get().ContainsKey("weight"));
    }

    /// <summary>
    /// spike_generator → parrot → targets through a stochastic synapse model's copy with a weight_recorder, as the
    /// _stats experiments describe; returns the weight events (times, targets, weights) and the connections.
    /// </summary>
    private static (double[] Times, long[] Targets, double[] Weights, SynapseCollection Connections) SimulateStats(string experiment, int threads)
    {
        var setup = ReferenceData.Experiment(experiment);
        var nest = new Simulator();
        ReferenceData.ApplyKernel(nest, setup.GetProperty("kernel"));
        if (threads != 1) nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        var targetsSpec = setup.GetProperty("targets");
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = ReferenceData.Doubles(setup.GetProperty("pre_spike_generator_times_ms")) });
        var parrot = nest.Create("parrot_neuron");
        var targets = nest.Create(targetsSpec.GetProperty("model").GetString()!, targetsSpec.GetProperty("n").GetInt32(),
            ReferenceData.ToStatus(targetsSpec.GetProperty("params_set")));
        var wr = nest.Create("weight_recorder");
        var sr = nest.Create("spike_recorder");
        var nodes = setup.GetProperty("nodes");
        Assert.Equal(nodes.GetProperty("weight_recorder").GetInt32(), wr.Ids[0]);
        Assert.Equal(nodes.GetProperty("spike_recorder").GetInt32(), sr.Ids[0]);

        string model = setup.GetProperty("synapse_model").GetString()!;
        nest.CopyModel(model, model + "_wr", new() { ["weight_recorder"] = wr });
        nest.Connect(sg, parrot, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 1.0 });
        var syn = new Dictionary<string, object> { ["synapse_model"] = model + "_wr" };
        foreach (var p in setup.GetProperty("synapse_connection").EnumerateObject())
            syn[p.Name == "delay_ms" ? "delay" : p.Name] = ReferenceData.ToValue(p.Value);
        nest.Connect(parrot, targets, syn: syn);
        nest.Simulate(setup.GetProperty("sim_time_ms").GetDouble());

        var events = (Dictionary<string, object>)wr.Get("events");
        return ((double[])events["times"], (long[])events["targets"], (double[])events["weights"], nest.GetConnections(parrot, targets));
    }

    /// <summary>|ours - NEST's| within four standard errors of the difference of two independent estimates with standard error <paramref name="se"/> each.</summary>
    private void AssertSameEstimate(string what, double ours, double nest, double se)
    {
        double bound = 4.0 * Math.Sqrt(2.0) * se;
        output.WriteLine($"{what}: NestSharp {ours:G6}, NEST {nest:G6}, |diff| {Math.Abs(ours - nest):G3} (bound {bound:G3})");
        Assert.True(Math.Abs(ours - nest) <= bound, $"{what}: NestSharp {ours:R}, NEST {nest:R}, bound {bound:R}");
    }

    [Fact]
    public void QuantalStpSynapse_ReleaseStatisticsMatchNest()
    {
        const string experiment = "quantal_stp_synapse_stats";
        var setup = ReferenceData.Experiment(experiment);
        var statistics = setup.GetProperty("statistics");
        int n = statistics.GetProperty("n_connections").GetInt32();
        double weight = setup.GetProperty("synapse_connection").GetProperty("weight").GetDouble();
        var (times, _, weights, connections) = SimulateStats(experiment, threads: 1);

        foreach (var perSpike in statistics.GetProperty("per_pre_spike").EnumerateArray())
        {
            double t = perSpike.GetProperty("parrot_spike_time_ms").GetDouble();
            var quanta = new double[n];
            int transmitted = 0;
            for (int e = 0; e < times.Length; e++)
            {
                if (times[e] != t) continue;
                quanta[transmitted++] = weights[e] / weight;
            }
            double fraction = (double)transmitted / n;
            double nestFraction = perSpike.GetProperty("fraction_transmitted").GetDouble();
            AssertSameEstimate($"t = {t}: fraction transmitted", fraction, nestFraction, Math.Sqrt(nestFraction * (1 - nestFraction) / n));
            double meanQuanta = quanta.Sum() / n;
            double nestSd = perSpike.GetProperty("sd_released_quanta").GetDouble();
            AssertSameEstimate($"t = {t}: mean released quanta", meanQuanta, perSpike.GetProperty("mean_released_quanta").GetDouble(), nestSd / Math.Sqrt(n));
        }
        double total = (double)times.Length / statistics.GetProperty("n_trials_total").GetInt32();
        AssertSameEstimate("fraction transmitted over all spikes", total, statistics.GetProperty("transmission_fraction_total").GetDouble(),
            statistics.GetProperty("binomial_se_of_fraction").GetDouble());

        // The facilitation variable is deterministic: the first connection's u after the run is NEST's.
        var after = setup.GetProperty("connection_status_after_sim")[0];
        Assert.True(Agreement.Bitwise.Holds(connections.GetValues<double>("u")[0], after.GetProperty("u").GetDouble()));
        Assert.Equal(after.GetProperty("n").GetInt64(), connections.GetValues<long>("n")[0]);
    }

    [Fact]
    public void BernoulliSynapse_TransmissionStatisticsMatchNest()
    {
        const string experiment = "bernoulli_synapse_stats";
        var setup = ReferenceData.Experiment(experiment);
        var statistics = setup.GetProperty("statistics");
        var (times, targets, _, _) = SimulateStats(experiment, threads: 1);
        int trials = statistics.GetProperty("n_trials_total").GetInt32();
        double fraction = (double)times.Length / trials;
        AssertSameEstimate("fraction transmitted", fraction, statistics.GetProperty("transmission_fraction_total").GetDouble(),
            statistics.GetProperty("binomial_se_of_fraction").GetDouble());

        int n = statistics.GetProperty("n_connections").GetInt32();
        var perTarget = targets.GroupBy(t => t).Select(g => (double)g.Count()).ToList();
        while (perTarget.Count < n) perTarget.Add(0);
        double mean = perTarget.Average();
        double variance = perTarget.Sum(c => (c - mean) * (c - mean)) / (n - 1);
        var counts = statistics.GetProperty("per_target_counts");
        double nestVariance = counts.GetProperty("variance").GetDouble();
        AssertSameEstimate("mean transmissions per target", mean, counts.GetProperty("mean").GetDouble(), Math.Sqrt(nestVariance / n));
        // The sample variance of n roughly normal counts has a standard error of about variance·sqrt(2/(n-1)).
        AssertSameEstimate("variance of transmissions per target", variance, nestVariance, nestVariance * Math.Sqrt(2.0 / (n - 1)));
    }

    [Theory]
    [InlineData("quantal_stp_synapse_stats")]
    [InlineData("bernoulli_synapse_stats")]
    public void StochasticSynapses_AreTheSameForAnyNumberOfThreads(string experiment)
    {
        var one = SimulateStats(experiment, threads: 1);
        var three = SimulateStats(experiment, threads: 3);
        Assert.Equal(Canonical(one), Canonical(three));

        static (double, long, double)[] Canonical((double[] Times, long[] Targets, double[] Weights, SynapseCollection _) run) =>
            [.. Enumerable.Range(0, run.Times.Length).Select(i => (run.Times[i], run.Targets[i], run.Weights[i])).Order()];
    }
}
