using System.Globalization;
using NestSharp.Tests.NestSuite;

namespace NestSharp.Tests.Models;

/// <summary>
/// gap_junction and hh_psc_alpha_gap: a network of gap-coupled neurons, some driven, with spiking synapses among them,
/// gives bitwise the same potentials and spikes for 1, 2 and 4 threads and on 1 and 2 processes, for each
/// wfr_interpolation_order and without waveform relaxation; continues bitwise after a checkpoint; bad input is refused.
/// </summary>
public sealed class GapJunctionTests
{
    private static void Build(Simulator nest, long order, bool useWfr)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 5L, ["use_wfr"] = useWfr });
        if (useWfr) nest.SetKernelStatus(new() { ["wfr_interpolation_order"] = order, ["wfr_comm_interval"] = 0.5 });
        var neurons = nest.Create("hh_psc_alpha_gap", 14);
        neurons.Set([.. Enumerable.Range(0, 14).Select(i => new Dictionary<string, object> { ["I_e"] = i % 3 == 0 ? 150.0 + 20.0 * i : 0.0 })]);
        // a ring of gap junctions and a few chords, weights varying
        for (int i = 0; i < 14; i++)
        {
            nest.Connect(neurons[i], neurons[(i + 1) % 14], new Dictionary<string, object> { ["rule"] = "one_to_one", ["make_symmetric"] = true },
                new Dictionary<string, object> { ["synapse_model"] = "gap_junction", ["weight"] = 3.0 + i % 4 });
        }
        nest.Connect(neurons[..4], neurons[..4], new Dictionary<string, object> { ["rule"] = "all_to_all" },
            new Dictionary<string, object> { ["synapse_model"] = "gap_junction", ["weight"] = 1.5 });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(3), new Dictionary<string, object> { ["weight"] = 40.0, ["delay"] = 1.2 });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(2), new Dictionary<string, object> { ["weight"] = -30.0, ["delay"] = 0.8 });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neurons, recorder);
    }

    private static string Observe(Simulator nest)
    {
        var neurons = nest.Nodes(Enumerable.Range(1, 14).ToArray());
        string state = string.Join(",", neurons.GetStatus().Select(s =>
            ((double)s["V_m"]).ToString("R", CultureInfo.InvariantCulture) + "/" + ((double)s["Inact_p"]).ToString("R", CultureInfo.InvariantCulture)));
        var recorder = nest.Nodes(15);
        long[] senders = NestSuiteHelpers.Longs(recorder, "senders");
        double[] times = NestSuiteHelpers.Doubles(recorder, "times");
        var order = Enumerable.Range(0, senders.Length).OrderBy(i => times[i]).ThenBy(i => senders[i]);
        return state + "|" + string.Join(";", order.Select(i => $"{times[i]:R}:{senders[i]}"));
    }

    private static string Run(Simulator nest, int threads, long order, bool useWfr)
    {
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        Build(nest, order, useWfr);
        nest.Simulate(40.0);
        return Observe(nest);
    }

    [Theory]
    [InlineData(0L, true)]
    [InlineData(1L, true)]
    [InlineData(3L, true)]
    [InlineData(3L, false)]
    public void Network_IsTheSameForOneTwoAndFourThreads(long order, bool useWfr)
    {
        string one = Run(new Simulator(), 1, order, useWfr);
        int spikes = one.Split('|')[1].Split(';', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(spikes > 10, $"the neurons spiked ({spikes})");
        Assert.Equal(one, Run(new Simulator(), 2, order, useWfr));
        Assert.Equal(one, Run(new Simulator(), 4, order, useWfr));
    }

    [Fact]
    public void Network_IsTheSameOnOneAndTwoProcesses()
    {
        string alone = Run(new Simulator(), 1, 3, useWfr: true);
        var ranks = Distribution.InProcessRanks.Run(2, make => Run(make(), 2, 3, useWfr: true));
        foreach (string? rank in ranks) Assert.Equal(alone, rank);
    }

    [Fact]
    public void InterpolationOrders_AgreeToTheirAccuracy()
    {
        // The orders solve the same coupled system: potentials of the first 5 ms (before spikes shift apart) agree closely.
        double VmAt(long order)
        {
            var nest = new Simulator();
            Build(nest, order, useWfr: true);
            nest.Simulate(5.0);
            return nest.Nodes(2).GetValues<double>("V_m")[0];
        }
        double cubic = VmAt(3), linear = VmAt(1), constant = VmAt(0);
        Assert.True(Math.Abs(cubic - linear) < 0.05, $"{cubic} vs {linear}");
        Assert.True(Math.Abs(cubic - constant) < 0.5, $"{cubic} vs {constant}");
        Assert.NotEqual(cubic, linear);
    }

    [Fact]
    public void GapJunction_CouplesThePotentials()
    {
        // A neuron without input follows its driven neighbour only through the gap junction.
        double Follower(double weight)
        {
            var nest = new Simulator();
            var n = nest.Create("hh_psc_alpha_gap", 2);
            n[0].Set("I_e", 100.0);
            if (weight > 0)
            {
                nest.Connect(n[0], n[1], new Dictionary<string, object> { ["rule"] = "one_to_one", ["make_symmetric"] = true },
                    new Dictionary<string, object> { ["synapse_model"] = "gap_junction", ["weight"] = weight });
            }
            nest.Simulate(3.0);
            return n[1].GetValues<double>("V_m")[0];
        }
        Assert.Equal(-69.60401191631222, Follower(0.0), 1e-6);
        Assert.True(Follower(10.0) > Follower(0.0) + 0.1);
    }

    [Fact]
    public void Checkpoint_ContinuesBitwise() =>
        Checkpoint.CheckpointSplitRunTests.AssertResumesBitwise(nest => Build(nest, 3, useWfr: true), Observe, 23.0, 17.0, (1, 1), (1, 3), (2, 1));

    [Fact]
    public void BadInput_IsRefused()
    {
        var nest = new Simulator();
        var n = nest.Create("hh_psc_alpha_gap", 2);
        Assert.Throws<BadPropertyException>(() => n.Set("C_m", 0.0));
        Assert.Throws<BadPropertyException>(() => n.Set("Inact_p", -0.1));
        Assert.Throws<BadPropertyException>(() => n.Set("g_Kv3", -1.0));
        Assert.Throws<BadPropertyException>(() => n.Set("tau_syn_in", 0.0));
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("gap_junction", new() { ["delay"] = 2.0 }));
        var symmetric = new Dictionary<string, object> { ["rule"] = "one_to_one", ["make_symmetric"] = true };
        Assert.ThrowsAny<NestException>(() => nest.Connect(n[0], n[1], symmetric,
            new Dictionary<string, object> { ["synapse_model"] = "gap_junction", ["receptor_type"] = 1 }));
        // a gap junction to a device or from a generator is refused
        var generator = nest.Create("dc_generator");
        Assert.ThrowsAny<NestException>(() => nest.Connect(generator, n[0], "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "gap_junction" }));
        Assert.Empty(nest.GetConnections(synapseModel: "gap_junction"));
        Assert.Equal(40.0, n.GetValues<double>("C_m")[0]);
    }
}
