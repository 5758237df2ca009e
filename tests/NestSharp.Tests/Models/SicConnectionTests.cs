using System.Globalization;
using NestSharp.Tests.NestSuite;

namespace NestSharp.Tests.Models;

/// <summary>
/// sic_connection (astrocyte_lr_1994 to aeif_cond_alpha_astro, NEST's SICEvent on the secondary-event path): NEST's
/// defaults and variants, the current arriving weight times the astrocyte's SIC one delay later for any delay and
/// min_delay, sums of several astrocytes and signed weights, a weight set on the connection, the same results for 1, 2
/// and 4 threads and on 1 and 2 processes, checkpoints continuing bitwise, and NEST's refusals.
/// </summary>
public sealed class SicConnectionTests
{
    private static Dictionary<string, object> Sic(double weight, double delay) =>
        new() { ["synapse_model"] = "sic_connection", ["weight"] = weight, ["delay"] = delay };

    /// <summary>An astrocyte whose calcium stays where it is put (no release, leak or pump): its SIC is constant.</summary>
    private static readonly Dictionary<string, object> FrozenCalcium = new() { ["rate_IP3R"] = 0.0, ["rate_L"] = 0.0, ["rate_SERCA"] = 0.0 };

    private static double SicOf(double ca) => Math.Log((ca - 0.19669) * 1000.0);

    [Fact]
    public void Defaults_AreNests()
    {
        var nest = new Simulator();
        var defaults = nest.GetDefaults("sic_connection");
        Assert.Equal(1.0, (double)defaults["weight"]);
        Assert.Equal(1.0, (double)defaults["delay"]);
        Assert.Equal(0L, Convert.ToInt64(defaults["receptor_type"], CultureInfo.InvariantCulture));
        Assert.True((bool)defaults["has_delay"]);
        Assert.Equal("synapse", defaults["element_type"]);
        // NEST registers it with HAS_DELAY only: no _lbl and no _hpc twin
        Assert.Contains("sic_connection", nest.SynapseModels());
        Assert.DoesNotContain("sic_connection_lbl", nest.SynapseModels());
        Assert.DoesNotContain("sic_connection_hpc", nest.SynapseModels());
    }

    [Fact]
    public void Connection_ShowsWeightAndDelay_AndTakesANewWeight()
    {
        var nest = new Simulator();
        var astrocyte = nest.Create("astrocyte_lr_1994");
        var neuron = nest.Create("aeif_cond_alpha_astro");
        nest.Connect(astrocyte, neuron, syn: Sic(0.5, 2.0));
        var connection = nest.GetConnections(synapseModel: "sic_connection");
        Assert.Equal(1, connection.Count);
        Assert.Equal([0.5], connection.Weight);
        Assert.Equal([2.0], connection.Delay);
        connection.Set("weight", -3.0);
        Assert.Equal([-3.0], nest.GetConnections(synapseModel: "sic_connection").Weight);
    }

    /// <summary>I_SIC sampled every step: the astrocytes' constant SIC times the weights from one delay on, 0 before.</summary>
    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(2.5, 0.1)]
    [InlineData(-0.7, 2.0)]
    [InlineData(1.3, 3.7)]
    public void Current_ArrivesWeightedAfterTheDelay(double weight, double delay)
    {
        var nest = new Simulator();
        var first = nest.Create("astrocyte_lr_1994", 1, new(FrozenCalcium) { ["Ca_astro"] = 0.25 });
        var second = nest.Create("astrocyte_lr_1994", 1, new(FrozenCalcium) { ["Ca_astro"] = 0.4 });
        var below = nest.Create("astrocyte_lr_1994", 1, new(FrozenCalcium) { ["Ca_astro"] = 0.19 }); // under SIC_th: no current
        var neuron = nest.Create("aeif_cond_alpha_astro", 1, new() { ["V_peak"] = 1000.0, ["V_th"] = 900.0 });
        nest.Connect(first, neuron, syn: Sic(weight, delay));
        nest.Connect(second, neuron, syn: Sic(2.0, delay));
        nest.Connect(below, neuron, syn: Sic(5.0, delay));
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I_SIC" }, ["interval"] = 0.1 });
        nest.Connect(meter, neuron);
        nest.Simulate(10.0);

        double[] times = NestSuiteHelpers.Doubles(meter, "times"), current = NestSuiteHelpers.Doubles(meter, "I_SIC");
        // as NEST's multimeter: the samples of the run's last slice (min_delay 1 ms, the multimeter's connection) come later
        Assert.Equal(10.0 - (double)nest.GetKernelStatus()["min_delay"], times[^1], 9);
        Assert.True(times.Count(t => t > delay + 1e-9) >= 40);
        double expected = weight * SicOf(0.25) + 2.0 * SicOf(0.4);
        for (int i = 0; i < times.Length; i++)
        {
            // the value of the step ending at t reaches the input of the step d later, which takes it up at its end
            if (times[i] <= delay + 1e-9) Assert.Equal(0.0, current[i]);
            else Assert.Equal(expected, current[i], 12);
        }
    }

    /// <summary>
    /// An astrocyte under its threshold sends zeros, which NestSharp does not add (they change nothing) unless the weight
    /// is not finite: NEST adds weight times zero, so an infinite weight makes the current NaN after the delay, and a
    /// negative weight leaves it +0 (NEST 3.10 gives these values).
    /// </summary>
    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    [InlineData(1.0)]
    public void ZerosUnderTheThreshold_AddWhatNestsAdd(double weight)
    {
        var nest = new Simulator();
        var astrocyte = nest.Create("astrocyte_lr_1994");
        var neuron = nest.Create("aeif_cond_alpha_astro");
        nest.Connect(astrocyte, neuron, syn: Sic(weight, 1.0));
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I_SIC" }, ["interval"] = 1.0 });
        nest.Connect(meter, neuron);
        nest.Simulate(5.0);

        double[] current = NestSuiteHelpers.Doubles(meter, "I_SIC");
        Assert.Equal(4, current.Length);
        Assert.Equal(0.0, current[0]);
        Assert.False(double.IsNegative(current[0]));
        for (int i = 1; i < current.Length; i++)
        {
            if (double.IsFinite(weight)) Assert.True(current[i] == 0.0 && !double.IsNegative(current[i]), $"I_SIC {current[i]}");
            else Assert.True(double.IsNaN(current[i]), $"I_SIC {current[i]}");
        }
    }

    /// <summary>The SIC follows the astrocyte's calcium step by step, one delay later, also with min_delay of several steps.</summary>
    [Fact]
    public void Current_FollowsTheCalciumOfEachStep()
    {
        var nest = new Simulator();
        var astrocyte = nest.Create("astrocyte_lr_1994", 1, new() { ["Ca_astro"] = 0.2, ["SIC_scale"] = 3.0 });
        var neuron = nest.Create("aeif_cond_alpha_astro");
        nest.Connect(astrocyte, neuron, syn: Sic(0.4, 1.5));
        var mmNeuron = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I_SIC" }, ["interval"] = 0.1 });
        var mmAstro = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "Ca_astro" }, ["interval"] = 0.1 });
        nest.Connect(mmNeuron, neuron);
        nest.Connect(mmAstro, astrocyte);
        nest.Simulate(200.0);
        // min_delay 1 ms (the multimeters' connections, as in NEST): slices of 10 steps, the SIC arriving after 15
        Assert.Equal(1.0, (double)nest.GetKernelStatus()["min_delay"]);

        double[] current = NestSuiteHelpers.Doubles(mmNeuron, "I_SIC"), ca = NestSuiteHelpers.Doubles(mmAstro, "Ca_astro");
        Assert.Equal(ca.Length, current.Length);
        Assert.True(ca.Distinct().Count() > 100, "the calcium moves");
        for (int i = 15; i < current.Length; i++)
        {
            double above = (ca[i - 15] - 0.19669) * 1000.0;
            Assert.Equal(above > 1.0 ? 0.4 * 3.0 * Math.Log(above) : 0.0, current[i], 12);
        }
    }

    /// <summary>Astrocytes driven by noise, SIC to neurons with several delays, recurrent spikes between the neurons.</summary>
    private static void Build(Simulator nest)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 23L });
        var astrocytes = nest.Create("astrocyte_lr_1994", 9, new() { ["delta_IP3"] = 0.05, ["Ca_astro"] = 0.19 });
        var neurons = nest.Create("aeif_cond_alpha_astro", 11, new() { ["I_e"] = 150.0 });
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 3000.0 });
        nest.Connect(noise, astrocytes, syn: new Dictionary<string, object> { ["weight"] = 1.0 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = 4.0 });
        nest.Connect(astrocytes, neurons, Rule.FixedIndegree(3), new Dictionary<string, object>
        {
            ["synapse_model"] = "sic_connection", ["weight"] = nest.Random.Uniform(50.0, 150.0), ["delay"] = nest.Random.Uniform(0.5, 3.0),
        });
        nest.Connect(neurons, astrocytes, Rule.FixedIndegree(2), new Dictionary<string, object> { ["weight"] = 2.0, ["delay"] = 1.2 });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(2), new Dictionary<string, object> { ["weight"] = 1.5, ["delay"] = 0.8 });
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I_SIC", "V_m" }, ["interval"] = 0.5 });
        nest.Connect(meter, neurons);
    }

    private static string State(Simulator nest)
    {
        var astrocytes = nest.Nodes(Enumerable.Range(1, 9).ToArray());
        var neurons = nest.Nodes(Enumerable.Range(10, 11).ToArray());
        string Join(NodeCollection nodes, string key) => string.Join(",", nodes.GetStatus().Select(s => ((double)s[key]).ToString("R", CultureInfo.InvariantCulture)));
        return string.Join("|", Join(astrocytes, "Ca_astro"), Join(astrocytes, "IP3"), Join(neurons, "V_m"), Join(neurons, "w"));
    }

    private static string Samples(Simulator nest)
    {
        var meter = nest.Nodes(nest.NetworkSize);
        long[] senders = NestSuiteHelpers.Longs(meter, "senders");
        double[] times = NestSuiteHelpers.Doubles(meter, "times"), sic = NestSuiteHelpers.Doubles(meter, "I_SIC"), vm = NestSuiteHelpers.Doubles(meter, "V_m");
        var order = Enumerable.Range(0, senders.Length).OrderBy(i => times[i]).ThenBy(i => senders[i]);
        return string.Join(";", order.Select(i => $"{times[i]:R}:{senders[i]}:{sic[i]:R}:{vm[i]:R}"));
    }

    private static string Run(Simulator nest, int threads)
    {
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        Build(nest);
        nest.Simulate(120.0);
        return State(nest) + "#" + Samples(nest);
    }

    [Fact]
    public void Network_IsTheSameForOneTwoAndFourThreads()
    {
        string one = Run(new Simulator(), 1);
        var sic = one.Split('#')[1].Split(';').Select(s => double.Parse(s.Split(':')[2], CultureInfo.InvariantCulture)).ToArray();
        Assert.True(sic.Count(v => v > 0.0) > 100, "slow inward currents reach the neurons");
        Assert.True(sic.Distinct().Count() > 100, "and differ from sample to sample");
        Assert.Equal(one, Run(new Simulator(), 2));
        Assert.Equal(one, Run(new Simulator(), 4));
    }

    [Fact]
    public void Network_IsTheSameOnOneAndTwoProcesses()
    {
        string alone = Run(new Simulator(), 1);
        var ranks = Distribution.InProcessRanks.Run(2, make => Run(make(), 1));
        // every process reads every node's status and holds every process's samples
        foreach (string? rank in ranks) Assert.Equal(alone, rank);
    }

    [Fact]
    public void Checkpoint_ContinuesBitwise() =>
        Checkpoint.CheckpointSplitRunTests.AssertResumesBitwise(Build, nest => State(nest) + "#" + Samples(nest), 23.3, 41.0, (1, 1), (1, 3), (2, 1));

    [Fact]
    public void SplitRun_EqualsWholeRun()
    {
        var whole = new Simulator();
        Build(whole);
        whole.Simulate(60.0);
        var split = new Simulator();
        Build(split);
        split.Simulate(17.3);
        split.Simulate(0.2);
        split.Simulate(42.5);
        Assert.Equal(State(whole) + "#" + Samples(whole), State(split) + "#" + Samples(split));
    }

    [Theory]
    [InlineData("iaf_psc_alpha", "aeif_cond_alpha_astro", "source")]
    [InlineData("aeif_cond_alpha_astro", "aeif_cond_alpha_astro", "source")]
    [InlineData("lin_rate_ipn", "aeif_cond_alpha_astro", "source")]
    [InlineData("astrocyte_lr_1994", "iaf_psc_alpha", "target")]
    [InlineData("astrocyte_lr_1994", "astrocyte_lr_1994", "target")]
    [InlineData("astrocyte_lr_1994", "lin_rate_ipn", "target")]
    public void IllegalPairs_AreRefusedAndConnectNothing(string sourceModel, string targetModel, string end)
    {
        var nest = new Simulator();
        var source = nest.Create(sourceModel);
        var target = nest.Create(targetModel);
        var e = Assert.Throws<IllegalConnectionException>(() => nest.Connect(source, target, syn: Sic(1.0, 1.0)));
        Assert.Contains("Creation of connection is not possible", e.Message, StringComparison.Ordinal);
        Assert.Contains($"The {end} node", e.Message, StringComparison.Ordinal);
        Assert.Contains("slow inward current", e.Message, StringComparison.Ordinal);
        Assert.Contains(end == "source" ? sourceModel : targetModel, e.Message, StringComparison.Ordinal);
        Assert.Equal(0L, nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void MixedTargets_AreRefusedWhole()
    {
        var nest = new Simulator();
        var astrocyte = nest.Create("astrocyte_lr_1994");
        var targets = nest.Create("aeif_cond_alpha_astro", 2) + nest.Create("iaf_psc_alpha");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(astrocyte, targets, syn: Sic(1.0, 1.0)));
        Assert.Equal(0L, nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void OtherEvents_DoNotTravelThroughIt()
    {
        var nest = new Simulator();
        var astrocyte = nest.Create("astrocyte_lr_1994");
        var neuron = nest.Create("aeif_cond_alpha_astro");
        // the astrocyte sends no spikes, and rate connections carry no SIC
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(astrocyte, neuron, syn: new Dictionary<string, object> { ["synapse_model"] = "static_synapse" }));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(astrocyte, neuron, syn: new Dictionary<string, object> { ["synapse_model"] = "rate_connection_delayed" }));
        Assert.Equal(0L, nest.GetKernelStatus("num_connections"));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    public void Receptor_OtherThanZero_IsUnknown(long receptor)
    {
        var nest = new Simulator();
        var astrocyte = nest.Create("astrocyte_lr_1994");
        var neuron = nest.Create("aeif_cond_alpha_astro");
        var e = Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(astrocyte, neuron,
            syn: new Dictionary<string, object> { ["synapse_model"] = "sic_connection", ["receptor_type"] = receptor }));
        Assert.Contains(receptor.ToString(CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.Contains("aeif_cond_alpha_astro", e.Message, StringComparison.Ordinal);
        Assert.Equal(0L, nest.GetKernelStatus("num_connections"));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Delay_NotPositive_IsRefused(double delay)
    {
        var nest = new Simulator();
        var astrocyte = nest.Create("astrocyte_lr_1994");
        var neuron = nest.Create("aeif_cond_alpha_astro");
        Assert.Throws<BadDelayException>(() => nest.Connect(astrocyte, neuron, syn: Sic(1.0, delay)));
        Assert.Equal(0L, nest.GetKernelStatus("num_connections"));
    }
}
