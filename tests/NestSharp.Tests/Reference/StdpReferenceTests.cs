namespace NestSharp.Tests.Reference;

/// <summary>
/// stdp_pl_synapse_hom_hpc between a parrot neuron (pre) and an iaf_psc_alpha (post), both driven by spike generators,
/// rebuilt from NEST's reference experiment: the weight after every transmitted spike must equal NEST's to 1e-9 relative.
/// </summary>
public sealed class StdpReferenceTests
{
    private const string Experiment = "stdp_pl_synapse_hom_hpc";

    private sealed record Run(Dictionary<string, object> WeightEvents, Dictionary<string, object> Spikes, Dictionary<string, object> Trace,
        SynapseCollection Connection);

    private static Run Simulate(int threads = 1)
    {
        var setup = ReferenceData.Experiment(Experiment);
        var nest = new Simulator();
        ReferenceData.ApplyKernel(nest, setup.GetProperty("kernel"));
        if (threads != 1) nest.SetKernelStatus(new() { ["local_num_threads"] = threads });

        var sgPre = nest.Create("spike_generator", 1, new() { ["spike_times"] = ReferenceData.Doubles(setup.GetProperty("pre_spike_generator_times_ms")) });
        var drive = setup.GetProperty("post_drive");
        var sgPost = nest.Create("spike_generator", 1, new() { ["spike_times"] = ReferenceData.Doubles(drive.GetProperty("spike_times")) });
        var parrot = nest.Create("parrot_neuron");
        var post = nest.Create(setup.GetProperty("post_model").GetString()!, 1, ReferenceData.ToStatus(setup.GetProperty("post_params_set")));
        var nodes = setup.GetProperty("nodes");
        Assert.Equal(nodes.GetProperty("sg_pre").GetInt32(), sgPre.Ids[0]);
        Assert.Equal(nodes.GetProperty("post").GetInt32(), post.Ids[0]);

        var wr = nest.Create("weight_recorder");
        var common = ReferenceData.ToStatus(setup.GetProperty("synapse_common_properties"));
        common["weight_recorder"] = wr;
        nest.CopyModel(setup.GetProperty("synapse_model").GetString()!, "plastic_wr", common);

        nest.Connect(sgPre, parrot, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 1.0 });
        nest.Connect(sgPost, post, syn: new Dictionary<string, object>
        {
            ["weight"] = drive.GetProperty("weight_pA").GetDouble(), ["delay"] = drive.GetProperty("delay_ms").GetDouble(),
        });
        var connection = setup.GetProperty("synapse_connection");
        nest.Connect(parrot, post, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = "plastic_wr",
            ["weight"] = connection.GetProperty("weight").GetDouble(),
            ["delay"] = connection.GetProperty("delay_ms").GetDouble(),
        });
        var sr = nest.Create("spike_recorder");
        nest.Connect(parrot + post, sr);
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m", "I_syn_ex", "I_syn_in" } });
        nest.Connect(mm, post);
        nest.Simulate(setup.GetProperty("sim_time_ms").GetDouble());
        return new Run((Dictionary<string, object>)((Dictionary<string, object>)wr.Get("events")),
            (Dictionary<string, object>)sr.Get("events"), (Dictionary<string, object>)mm.Get("events"),
            nest.GetConnections(parrot, post));
    }

    [Fact]
    public void WeightTrajectory_MatchesNest()
    {
        var expected = ReferenceData.ReadCsv(Experiment + "_weights.csv");
        var events = Simulate().WeightEvents;
        Assert.Equal(expected.Column("times"), (double[])events["times"]);
        Assert.Equal(expected.Column("senders").Select(x => (long)x), (long[])events["senders"]);
        Assert.Equal(expected.Column("targets").Select(x => (long)x), (long[])events["targets"]);
        var weights = (double[])events["weights"];
        var nestWeights = expected.Column("weights");
        for (int i = 0; i < weights.Length; i++)
        {
            Assert.True(Math.Abs(weights[i] - nestWeights[i]) <= 1e-9 * Math.Abs(nestWeights[i]),
                $"event {i}: weight {weights[i]:R}, NEST {nestWeights[i]:R}");
        }
    }

    [Fact]
    public void FinalWeight_MatchesNest()
    {
        var setup = ReferenceData.Experiment(Experiment);
        double expected = setup.GetProperty("final_weight").GetDouble();
        double actual = Simulate().Connection.Weight.Single();
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * expected, $"{actual:R} vs NEST {expected:R}");
    }

    [Fact]
    public void Spikes_MatchNest()
    {
        ReferenceAssert.SpikesMatch(ReferenceAssert.SpikesOf(ReferenceData.ReadCsv(Experiment + "_spikes.csv")), Simulate().Spikes);
    }

    [Fact]
    public void PostSynapticTrace_MatchesNest()
    {
        ReferenceAssert.TraceMatches(ReferenceData.ReadCsv(Experiment + "_post_trace.csv"), Simulate().Trace, 4,
            ["V_m", "I_syn_ex", "I_syn_in"], 1e-9);
    }

    [Fact]
    public void WeightTrajectory_IsTheSameForAnyThreadCount()
    {
        var one = (double[])Simulate(1).WeightEvents["weights"];
        Assert.Equal(one, (double[])Simulate(3).WeightEvents["weights"]);
    }
}
