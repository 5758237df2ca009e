using NestSharp.Tests.Checkpoint;

namespace NestSharp.Tests.Models;

/// <summary>
/// ht_synapse against NEST 3.10's update (ht_synapse.h, send): at a spike at t after the last one at t_last (0 at the
/// start) P ← 1 - (1 - P)·exp(-(t - t_last)/tau_P), the spike is transmitted with weight w·P, then P ← (1 - delta_P)·P.
/// The expected weights are worked out by hand from these equations; the results do not depend on the number of
/// threads or processes.
/// </summary>
public sealed class HtSynapseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-ht-synapse-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const double Weight = 2.5, TauP = 50.0, DeltaP = 0.3, P0 = 0.9;

    // The parrot re-emits the generator's spikes 1 ms later: the synapse sees spikes at 6, 11, 11.5, 31 and 201 ms.
    private static readonly double[] GeneratorTimes = [5.0, 10.0, 10.5, 30.0, 200.0];
    private static readonly double[] SpikeTimes = [6.0, 11.0, 11.5, 31.0, 201.0];

    /// <summary>w·P at each spike, by hand: P = 1 - (1 - P)·exp(-h/50) before the spike, P·0.7 after it.</summary>
    private static readonly double[] HandWeights = [2.278269890820711, 1.6809311468295967, 1.1898193373507882, 1.3712605669895297, 2.4486012394608485];

    /// <summary>P after the last spike.</summary>
    private const double HandFinalP = 0.6856083470490376;

    private static (double[] Times, double[] Weights, double P, double Tau, double Delta) Run(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        var generator = nest.Create("spike_generator", 1, new() { ["spike_times"] = GeneratorTimes });
        var parrot = nest.Create("parrot_neuron");
        var post = nest.Create("iaf_psc_alpha");
        var wr = nest.Create("weight_recorder");
        nest.CopyModel("ht_synapse", "ht_recorded", new() { ["weight_recorder"] = wr });
        nest.Connect(generator, parrot, syn: new Dictionary<string, object> { ["delay"] = 1.0 });
        nest.Connect(parrot, post, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = "ht_recorded", ["weight"] = Weight, ["tau_P"] = TauP, ["delta_P"] = DeltaP, ["P"] = P0,
        });
        nest.Simulate(250.0);
        var events = (Dictionary<string, object>)wr.Get("events");
        var conns = nest.GetConnections(synapseModel: "ht_recorded");
        return ((double[])events["times"], (double[])events["weights"], conns.GetValues<double>("P")[0], conns.GetValues<double>("tau_P")[0],
            conns.GetValues<double>("delta_P")[0]);
    }

    [Fact]
    public void SpikeTrain_TransmitsTheWeightsOfNestsUpdate()
    {
        var (times, weights, p, tau, delta) = Run(threads: 1);
        Assert.Equal(SpikeTimes, times);
        Assert.Equal(HandWeights.Length, weights.Length);
        for (int i = 0; i < weights.Length; i++)
            Assert.True(Math.Abs(weights[i] - HandWeights[i]) <= 1e-14 * HandWeights[i], $"spike {i}: by hand {HandWeights[i]:R}, NestSharp {weights[i]:R}");
        Assert.Equal(HandFinalP, p, 1e-15);
        Assert.Equal((TauP, DeltaP), (tau, delta));

        // the same update replayed from the recorded times: bitwise
        double pool = P0, last = 0.0;
        for (int i = 0; i < times.Length; i++)
        {
            pool = 1.0 - (1.0 - pool) * Math.Exp(-(times[i] - last) / TauP);
            Assert.Equal(Weight * pool, weights[i]);
            pool *= 1.0 - DeltaP;
            last = times[i];
        }
        Assert.Equal(pool, p);
    }

    [Fact]
    public void SpikeTrain_IsTheSameForAnyNumberOfThreads()
    {
        var one = Run(threads: 1);
        foreach (int threads in new[] { 2, 3, 4 })
        {
            var other = Run(threads);
            Assert.Equal(one.Times, other.Times);
            Assert.Equal(one.Weights, other.Weights);
            Assert.Equal(one.P, other.P);
        }
    }

    [Fact]
    public void Network_IsTheSameOnOneAndTwoProcesses()
    {
        static string? Probe(Func<Simulator> make)
        {
            var nest = make();
            nest.SetKernelStatus(new() { ["rng_seed"] = 5L });
            var drive = nest.Create("poisson_generator", 1, new() { ["rate"] = 80.0 });
            var parrots = nest.Create("parrot_neuron", 10);
            var targets = nest.Create("iaf_psc_alpha", 6);
            nest.Connect(drive, parrots);
            nest.Connect(parrots, targets, Rule.FixedIndegree(4), new Dictionary<string, object>
            {
                ["synapse_model"] = "ht_synapse", ["weight"] = 300.0, ["tau_P"] = 40.0, ["delta_P"] = 0.2,
            });
            nest.Simulate(300.0);
            // each process reads the connections it stores and the targets it has
            var conns = NestSuite.MpiDirect.MpiRanks.Own(nest, nest.GetConnections(synapseModel: "ht_synapse"));
            long[] sources = conns.Source, tgts = conns.Target;
            double[] pools = conns.GetValues<double>("P");
            var rows = sources.Select((s, i) => $"{s}>{tgts[i]}:{pools[i]:R}");
            foreach (long id in targets.Ids)
            {
                var target = nest.Nodes((int)id);
                if (target.Get<bool>("local")) rows = rows.Append($"{id}:{target.Get<double>("V_m"):R}");
            }
            return string.Join(";", rows.Order(StringComparer.Ordinal));
        }

        string alone = Distribution.InProcessRanks.Run(1, Probe)[0]!;
        Assert.Contains(":0.", alone, StringComparison.Ordinal); // some pools were depleted
        var two = Distribution.InProcessRanks.Run(2, Probe).SelectMany(rank => rank!.Split(';')).Order(StringComparer.Ordinal);
        Assert.Equal(alone, string.Join(";", two));
    }

    [Fact]
    public void Defaults_AreNests()
    {
        var defaults = new Simulator().GetDefaults("ht_synapse");
        Assert.Equal(500.0, defaults["tau_P"]);
        Assert.Equal(0.125, defaults["delta_P"]);
        Assert.Equal(1.0, defaults["P"]);
        Assert.Equal(1.0, defaults["weight"]);
        Assert.False(defaults.ContainsKey("t_lastspike"));
    }

    [Theory]
    [InlineData("tau_P", 0.0, "tau_P > 0 required.")]
    [InlineData("tau_P", -3.0, "tau_P > 0 required.")]
    [InlineData("delta_P", -0.01, "0 <= delta_P <= 1 required.")]
    [InlineData("delta_P", 1.01, "0 <= delta_P <= 1 required.")]
    [InlineData("P", -0.5, "0 <= P <= 1 required.")]
    [InlineData("P", 1.5, "0 <= P <= 1 required.")]
    public void BadValues_AreRefusedWithNestsMessage_AndChangeNothing(string key, double value, string message)
    {
        var nest = new Simulator();
        var a = nest.Create("parrot_neuron", 2);
        var e = Assert.Throws<BadPropertyException>(() => nest.SetDefaults("ht_synapse", new() { [key] = value }));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(new Simulator().GetDefaults("ht_synapse")[key], nest.GetDefaults("ht_synapse")[key]);

        Assert.Throws<BadPropertyException>(() => nest.Connect(a, a, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "ht_synapse", [key] = value }));
        Assert.Equal(0, nest.GetConnections(synapseModel: "ht_synapse").Count);

        nest.Connect(a[..1], a[1..], "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "ht_synapse" });
        var conns = nest.GetConnections(synapseModel: "ht_synapse");
        Assert.Throws<BadPropertyException>(() => conns.Set(key, value));
        Assert.Equal(new Simulator().GetDefaults("ht_synapse")[key], conns.GetValues<double>(key)[0]);
    }

    [Fact]
    public void Edges_AreAccepted()
    {
        var nest = new Simulator();
        var a = nest.Create("parrot_neuron", 2);
        nest.Connect(a[..1], a[1..], "one_to_one", new Dictionary<string, object>
        {
            ["synapse_model"] = "ht_synapse", ["delta_P"] = 1.0, ["P"] = 0.0, ["tau_P"] = 1e-3,
        });
        nest.Connect(a[..1], a[1..], "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "ht_synapse_hpc", ["delta_P"] = 0.0, ["P"] = 1.0 });
        Assert.Equal(2, nest.GetConnections().Count);
    }

    /// <summary>Parrots driven by Poisson input onto ht_neurons (AMPA, GABA_A) and iaf_psc_alpha neurons through ht_synapse.</summary>
    private static void BuildNetwork(Simulator nest)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 31L });
        var drive = nest.Create("poisson_generator", 1, new() { ["rate"] = 60.0 });
        var parrots = nest.Create("parrot_neuron", 12);
        var ht = nest.Create("ht_neuron", 5);
        var iaf = nest.Create("iaf_psc_alpha", 4);
        nest.Connect(drive, parrots);
        nest.Connect(parrots, ht, Rule.FixedIndegree(6), new Dictionary<string, object>
        {
            ["synapse_model"] = "ht_synapse", ["weight"] = 4.0, ["tau_P"] = 80.0, ["delta_P"] = 0.3, ["receptor_type"] = 1L,
        });
        nest.Connect(parrots, ht, Rule.FixedIndegree(2), new Dictionary<string, object>
        {
            ["synapse_model"] = "ht_synapse_hpc", ["weight"] = 1.0, ["delay"] = 2.3, ["receptor_type"] = 3L,
        });
        nest.Connect(parrots, iaf, Rule.FixedIndegree(5), new Dictionary<string, object>
        {
            ["synapse_model"] = "ht_synapse", ["weight"] = 400.0, ["tau_P"] = 30.0, ["delta_P"] = 0.5,
        });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(ht + iaf, recorder);
    }

    /// <summary>Every node's status and connection, and the pool P of every ht_synapse.</summary>
    private static string ObserveNetwork(Simulator nest)
    {
        var rows = new List<string>();
        foreach (string model in new[] { "ht_synapse", "ht_synapse_hpc" })
        {
            var conns = nest.GetConnections(synapseModel: model);
            long[] sources = conns.Source, targets = conns.Target;
            double[] pools = conns.GetValues<double>("P");
            rows.AddRange(Enumerable.Range(0, pools.Length).Select(i => $"{model} {sources[i]}>{targets[i]}:{pools[i]:R}"));
        }
        return CheckpointSplitRunTests.Observe(nest) + string.Join(";", rows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SplitRun_ContinuesBitwiseAfterACheckpoint()
    {
        var reference = new Simulator();
        BuildNetwork(reference);
        reference.Simulate(61.7);
        reference.Simulate(90.0);
        string expected = ObserveNetwork(reference);
        Assert.Contains(":0.", expected, StringComparison.Ordinal); // some pools were depleted
        string path = Path.Combine(_folder, "ht_synapse.nscp");
        foreach (var (before, after) in new[] { (1, 1), (1, 4), (2, 1) })
        {
            var resumed = CheckpointSplitRunTests.Restored(BuildNetwork, path, 61.7, before, after);
            resumed.Simulate(90.0);
            Assert.Equal(expected, ObserveNetwork(resumed));
        }
    }
}
