using NestSharp.Tests.NestSuite;

namespace NestSharp.Tests.Models;

/// <summary>
/// The rate models on the secondary-event path: a recurrent network of noisy rate neurons of several gain functions
/// with instantaneous (waveform relaxation) and delayed rate connections gives bitwise the same rates for 1, 2 and 4
/// threads, on 1 and 2 processes, with and without waveform relaxation, and continues bitwise after a checkpoint.
/// </summary>
public sealed class RateNeuronTests
{
    private static void Build(Simulator nest)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 11L });
        var noisy = new Dictionary<string, object> { ["tau"] = 5.0, ["sigma"] = 0.4, ["mu"] = 0.3 };
        var populations = nest.Create("lin_rate_ipn", 8, noisy)
            + nest.Create("tanh_rate_ipn", 6, noisy)
            + nest.Create("threshold_lin_rate_opn", 6, new() { ["tau"] = 4.0, ["sigma"] = 0.2, ["mu"] = 0.5 })
            + nest.Create("sigmoid_rate_ipn", 5, noisy)
            + nest.Create("rate_transformer_tanh", 4);
        nest.Connect(populations, populations, Rule.FixedIndegree(4), new Dictionary<string, object>
        {
            ["synapse_model"] = "rate_connection_instantaneous", ["weight"] = 0.15,
        });
        nest.Connect(populations, populations, Rule.FixedIndegree(3), new Dictionary<string, object>
        {
            ["synapse_model"] = "rate_connection_delayed", ["weight"] = -0.2, ["delay"] = 1.3,
        });
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "rate" }, ["interval"] = 0.5 });
        nest.Connect(meter, populations);
    }

    private static string Rates(Simulator nest)
    {
        var neurons = nest.Nodes(Enumerable.Range(1, 29).ToArray());
        return string.Join(",", neurons.GetStatus().Select(s => ((double)s["rate"]).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Samples(Simulator nest)
    {
        var meter = nest.Nodes(nest.NetworkSize);
        long[] senders = NestSuiteHelpers.Longs(meter, "senders");
        double[] times = NestSuiteHelpers.Doubles(meter, "times"), rates = NestSuiteHelpers.Doubles(meter, "rate");
        var order = Enumerable.Range(0, senders.Length).OrderBy(i => times[i]).ThenBy(i => senders[i]);
        return string.Join(";", order.Select(i => $"{times[i]:R}:{senders[i]}:{rates[i]:R}"));
    }

    private static string Run(Simulator nest, int threads, bool useWfr)
    {
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["use_wfr"] = useWfr });
        Build(nest);
        nest.Simulate(40.0);
        return Rates(nest) + "|" + Samples(nest);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Network_IsTheSameForOneTwoAndFourThreads(bool useWfr)
    {
        string one = Run(new Simulator(), 1, useWfr);
        Assert.True(one.Split('|')[0].Split(',').Distinct().Count() > 20, "the rates differ from node to node");
        Assert.True(one.Split(';').Length > 29 * 70, "the multimeter sampled every node");
        Assert.Equal(one, Run(new Simulator(), 2, useWfr));
        Assert.Equal(one, Run(new Simulator(), 4, useWfr));
    }

    [Fact]
    public void Network_IsTheSameOnOneAndTwoProcesses()
    {
        string alone = Run(new Simulator(), 1, useWfr: true);
        var ranks = Distribution.InProcessRanks.Run(2, make => Run(make(), 1, useWfr: true));
        // every process reads every node's status and holds every process's samples
        foreach (string? rank in ranks) Assert.Equal(alone, rank);
    }

    [Fact]
    public void Checkpoint_ContinuesBitwise() =>
        Checkpoint.CheckpointSplitRunTests.AssertResumesBitwise(Build, Rates, 23.0, 17.0, (1, 1), (1, 3), (2, 1));
}
