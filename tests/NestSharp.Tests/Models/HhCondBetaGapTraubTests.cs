using System.Globalization;
using NestSharp.Tests.NestSuite;
using NestSharp.Tests.NestSuite.Synapses;

namespace NestSharp.Tests.Models;

/// <summary>
/// hh_cond_beta_gap_traub: a network of gap-coupled neurons, some driven, with spiking synapses among them, gives
/// bitwise the same potentials and spikes for 1, 2 and 4 threads and on 1 and 2 processes, for each
/// wfr_interpolation_order and without waveform relaxation; continues bitwise after a checkpoint; a symmetric gap
/// junction couples two neurons symmetrically; a spike of weight w gives a peak conductance of |w| nS; bad input is
/// refused and changes nothing.
/// </summary>
public sealed class HhCondBetaGapTraubTests
{
    private const int N = 14;

    private static void Build(Simulator nest, long order, bool useWfr)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 7L, ["use_wfr"] = useWfr });
        if (useWfr) nest.SetKernelStatus(new() { ["wfr_interpolation_order"] = order, ["wfr_comm_interval"] = 0.5 });
        var neurons = nest.Create("hh_cond_beta_gap_traub", N);
        neurons.Set([.. Enumerable.Range(0, N).Select(i => new Dictionary<string, object> { ["I_e"] = i % 3 == 0 ? 600.0 + 50.0 * i : 0.0 })]);
        for (int i = 0; i < N; i++)
        {
            nest.Connect(neurons[i], neurons[(i + 1) % N], new Dictionary<string, object> { ["rule"] = "one_to_one", ["make_symmetric"] = true },
                new Dictionary<string, object> { ["synapse_model"] = "gap_junction", ["weight"] = 5.0 + i % 4 });
        }
        nest.Connect(neurons[..4], neurons[..4], new Dictionary<string, object> { ["rule"] = "all_to_all" },
            new Dictionary<string, object> { ["synapse_model"] = "gap_junction", ["weight"] = 2.5 });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(3), new Dictionary<string, object> { ["weight"] = 20.0, ["delay"] = 1.2 });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(2), new Dictionary<string, object> { ["weight"] = -15.0, ["delay"] = 0.8 });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neurons, recorder);
    }

    private static string Observe(Simulator nest)
    {
        var neurons = nest.Nodes(Enumerable.Range(1, N).ToArray());
        string state = string.Join(",", neurons.GetStatus().Select(s =>
            ((double)s["V_m"]).ToString("R", CultureInfo.InvariantCulture) + "/" + ((double)s["Act_n"]).ToString("R", CultureInfo.InvariantCulture)));
        var recorder = nest.Nodes(N + 1);
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
    public void NestReference_IsTheSameForTwoThreads()
    {
        var one = TestHhCondBetaGapTraub.PrepareVoltmeter(1);
        var two = TestHhCondBetaGapTraub.PrepareVoltmeter(2);
        Assert.Equal(NestSuiteHelpers.Doubles(one, "V_m"), NestSuiteHelpers.Doubles(two, "V_m"));
        TestHhCondBetaGapTraub.AssertMatchesReference(NestSuiteHelpers.Longs(two, "times"), NestSuiteHelpers.Doubles(two, "V_m"));
    }

    [Fact]
    public void Checkpoint_ContinuesBitwise() =>
        Checkpoint.CheckpointSplitRunTests.AssertResumesBitwise(nest => Build(nest, 3, useWfr: true), Observe, 23.0, 17.0, (1, 1), (1, 3), (2, 1));

    [Fact]
    public void GapJunction_CouplesTwoNeuronsSymmetrically()
    {
        // Driving either neuron of a symmetric pair moves the other one the same way, bitwise.
        (double Driven, double Follower) Pair(int driven, double weight)
        {
            var nest = new Simulator();
            var n = nest.Create("hh_cond_beta_gap_traub", 2);
            n[driven].Set("I_e", 300.0);
            if (weight > 0)
            {
                nest.Connect(n[0], n[1], new Dictionary<string, object> { ["rule"] = "one_to_one", ["make_symmetric"] = true },
                    new Dictionary<string, object> { ["synapse_model"] = "gap_junction", ["weight"] = weight });
            }
            nest.Simulate(3.0);
            double[] vm = n.GetValues<double>("V_m");
            return (vm[driven], vm[1 - driven]);
        }
        var uncoupled = Pair(0, 0.0);
        Assert.Equal(-60.0, uncoupled.Follower, 1e-3);
        var first = Pair(0, 10.0);
        var second = Pair(1, 10.0);
        Assert.Equal(first, second);
        Assert.True(first.Follower > uncoupled.Follower + 0.1, $"the follower rose: {first.Follower}");
        Assert.True(first.Driven < uncoupled.Driven, $"the driven neuron lost current: {first.Driven} vs {uncoupled.Driven}");
    }

    [Theory]
    [InlineData(1.0, "g_ex")]
    [InlineData(-2.0, "g_in")]
    public void Spike_GivesPeakConductanceOfItsWeight(double weight, string conductance)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.01 });
        var neuron = nest.Create("hh_cond_beta_gap_traub");
        var generator = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
        nest.Connect(generator, neuron, syn: new Dictionary<string, object> { ["weight"] = weight, ["delay"] = 1.0 });
        var multimeter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { conductance }, ["interval"] = 0.01 });
        nest.Connect(multimeter, neuron);
        nest.Simulate(20.0);
        double peak = NestSuiteHelpers.Doubles(multimeter, conductance).Max();
        Assert.Equal(Math.Abs(weight), peak, 1e-3);
    }

    [Fact]
    public void Defaults_AreNests()
    {
        var nest = new Simulator();
        var d = nest.GetDefaults("hh_cond_beta_gap_traub");
        Assert.Equal(-50.0, (double)d["V_T"]);
        Assert.Equal(-60.0, (double)d["V_m"]);
        Assert.Equal(0.5, (double)d["tau_rise_ex"]);
        Assert.Equal(10.0, (double)d["tau_decay_in"]);
        Assert.True((bool)d["node_uses_wfr"]);
        Assert.False(d.ContainsKey("g_ex"));
        Assert.Equal(["Act_m", "Act_n", "Inact_h", "V_m", "g_ex", "g_in"], ((IEnumerable<object>)d["recordables"]).Select(r => r.ToString()!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("C_m", 0.0)]
    [InlineData("t_ref", -1.0)]
    [InlineData("tau_rise_ex", 0.0)]
    [InlineData("tau_decay_ex", -1.0)]
    [InlineData("tau_rise_in", 0.0)]
    [InlineData("tau_decay_in", 0.0)]
    [InlineData("g_Na", -1.0)]
    [InlineData("g_K", -1.0)]
    [InlineData("g_L", -1.0)]
    [InlineData("Act_m", -0.1)]
    [InlineData("Inact_h", -0.1)]
    [InlineData("Act_n", -0.1)]
    public void BadInput_IsRefusedAndChangesNothing(string key, double value)
    {
        var nest = new Simulator();
        var n = nest.Create("hh_cond_beta_gap_traub", 2);
        var before = n.GetStatus();
        var error = Assert.Throws<BadPropertyException>(() => n.Set(new Dictionary<string, object> { ["I_e"] = 5.0, [key] = value }));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        var after = n.GetStatus();
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(0.0, (double)after[i]["I_e"]);
            Assert.Equal(before[i][key], after[i][key]);
        }
    }

    [Fact]
    public void UnknownOrReadOnlyKeys_AreRefused()
    {
        var nest = new Simulator();
        var n = nest.Create("hh_cond_beta_gap_traub");
        Assert.Throws<UnaccessedDictionaryEntryException>(() => n.Set("g_ex", 1.0));
        Assert.Throws<UnaccessedDictionaryEntryException>(() => n.Set("tau_syn_ex", 1.0));
        Assert.ThrowsAny<NestException>(() => nest.Connect(nest.Create("spike_generator"), n, syn: new Dictionary<string, object> { ["receptor_type"] = 1 }));
    }
}
