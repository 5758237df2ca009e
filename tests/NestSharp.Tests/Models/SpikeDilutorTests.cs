using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.Models;

/// <summary>
/// spike_dilutor (NEST has no pytest for it): the times of passed-on spikes against NEST 3.10's output (checked with the
/// built NEST), activity and NEST's handling of arrivals in inactive slices, the connections it accepts, p_copy's
/// checks, the statistics of the child trains, and the same trains for any number of threads.
/// </summary>
public sealed class SpikeDilutorTests
{
    private static Dictionary<string, object> Spec(params (string Key, object Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);

    private static void AssertTimes(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-9);
    }

    /// <summary>spike_generator -(d1)-> spike_dilutor -(d2)-> parrot_neuron -> spike_recorder: the parrot's spike times.</summary>
    private static double[] ParrotTimes(double[] spikeTimes, Dictionary<string, object>? dilutor = null, double d1 = 1.0, double d2 = 2.0, double simTime = 30.0)
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = spikeTimes });
        var di = nest.Create("spike_dilutor", 1, dilutor);
        var p = nest.Create("parrot_neuron");
        var sr = nest.Create("spike_recorder");
        nest.Connect(sg, di, null, Spec(("delay", d1)));
        nest.Connect(di, p, null, Spec(("delay", d2)));
        nest.Connect(p, sr);
        nest.Simulate(simTime);
        return Doubles(sr, "times");
    }

    [Fact]
    public void ASpikeLeavesInTheStepItArrives()
    {
        Assert.Equal([4.0], ParrotTimes([1.0]));
        Assert.Equal([4.0, 4.0, 4.0], ParrotTimes([1.0, 1.0, 1.0]));
    }

    [Fact]
    public void ASpikeGoesThroughTwoDilutorsWithTheirDelays()
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
        var d1 = nest.Create("spike_dilutor");
        var d2 = nest.Create("spike_dilutor");
        var p = nest.Create("parrot_neuron");
        var sr = nest.Create("spike_recorder");
        nest.Connect(sg, d1, null, Spec(("delay", 1.0)));
        nest.Connect(d1, d2, null, Spec(("delay", 1.5)));
        nest.Connect(d2, p, null, Spec(("delay", 2.0)));
        nest.Connect(p, sr);
        nest.Simulate(10.0);
        Assert.Equal([5.5], Doubles(sr, "times"));
    }

    [Fact]
    public void ANeuronsSpikesArePassedOn()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 1000.0 });
        var di = nest.Create("spike_dilutor");
        var p = nest.Create("parrot_neuron");
        var srDilutor = nest.Create("spike_recorder");
        var srNeuron = nest.Create("spike_recorder");
        nest.Connect(n, di, null, Spec(("delay", 1.0), ("weight", 5.0)));
        nest.Connect(di, p, null, Spec(("delay", 1.0)));
        nest.Connect(p, srDilutor);
        nest.Connect(n, srNeuron);
        nest.Simulate(30.0);
        // NEST 3.10: neuron 4.8, 11.6, 18.4, 25.2; parrot 6.8, 13.6, 20.4, 27.2
        AssertTimes([4.8, 11.6, 18.4, 25.2], Doubles(srNeuron, "times"));
        AssertTimes([6.8, 13.6, 20.4, 27.2], Doubles(srDilutor, "times"));
    }

    [Fact]
    public void ASpikeRecorderRecordsTheSpikesAtTheirArrivalWithoutDelay()
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0, 1.0, 1.0, 3.0 } });
        var di = nest.Create("spike_dilutor");
        var sr = nest.Create("spike_recorder");
        nest.Connect(sg, di, null, Spec(("delay", 1.0)));
        nest.Connect(di, sr, null, Spec(("delay", 2.0)));
        nest.Simulate(10.0);
        Assert.Equal([2.0, 2.0, 2.0, 4.0], Doubles(sr, "times"));
        Assert.Equal([2L, 2L, 2L, 2L], Longs(sr, "senders"));
    }

    // Spikes at 1, 2, ... ms arrive one delay later; the dilutor tests activity at each slice's start (min_delay 1 ms
    // with d2 = 2: buffer of 3 ms). Arrivals in an inactive slice stay in the buffer and come out one buffer length
    // later when the dilutor is active then (NEST 3.10's output for every row).
    [Theory]
    [InlineData(5.0, double.MaxValue, 0.0, 1.0, 2.0, new[] { 1.0, 2, 3, 4, 5, 6, 7 }, new[] { 9.0, 9, 10, 10, 10, 11, 11 })]
    [InlineData(0.0, 5.0, 0.0, 1.0, 2.0, new[] { 1.0, 2, 3, 4, 5, 6, 7 }, new[] { 4.0, 5, 6, 7, 8 })]
    [InlineData(5.0, double.MaxValue, 2.0, 1.0, 2.0, new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9 }, new[] { 11.0, 11, 11, 12, 12, 12, 13, 13, 13 })]
    [InlineData(4.5, double.MaxValue, 0.0, 1.0, 2.0, new[] { 1.0, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6 }, new[] { 7.5, 7.5, 8, 8, 8.5, 8.5, 9, 9, 9.5, 10, 10 })]
    [InlineData(5.0, double.MaxValue, 0.0, 0.5, 0.5, new[] { 1.0, 2, 3, 4, 5, 6, 7 }, new[] { 6.5, 6.5, 7, 7, 7.5, 7.5, 8 })]
    public void ActivityWindow_AsNest(double start, double stop, double origin, double d1, double d2, double[] spikeTimes, double[] expected)
    {
        var dilutor = new Dictionary<string, object> { ["start"] = start, ["stop"] = stop, ["origin"] = origin };
        Assert.Equal(expected, ParrotTimes(spikeTimes, dilutor, d1, d2));
    }

    [Fact]
    public void TheWeightOfTheOutgoingConnectionScalesTheSpikes()
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0, 1.0 } });
        var di = nest.Create("spike_dilutor");
        var n = nest.Create("iaf_psc_delta", 1, new() { ["E_L"] = -70.0, ["V_th"] = 1000.0 });
        nest.Connect(sg, di, null, Spec(("weight", 7.0)));
        nest.Connect(di, n, null, Spec(("weight", 3.0), ("delay", 1.0)));
        nest.Simulate(3.0);
        // two spikes arrive at 2 ms, leave then and reach the neuron at 3 ms: 2 · 3 mV (the 7 is ignored)
        Assert.Equal(-64.0, n.Get<double>("V_m"), 1e-12);
    }

    [Fact]
    public void OnlySpikesMayBeSentToADilutor()
    {
        var nest = new Simulator();
        var dc = nest.Create("dc_generator");
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" } });
        var di = nest.Create("spike_dilutor");
        var parrot = nest.Create("parrot_neuron");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(dc, di));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(mm, di));
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(parrot, di, null, Spec(("receptor_type", 1))));
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Fact]
    public void ADilutorSendsToNeuronsRecordersAndDilutorsButNotToAGlobalReceiver()
    {
        var nest = new Simulator();
        var di = nest.Create("spike_dilutor");
        var vt = nest.Create("volume_transmitter");
        var n = nest.Create("iaf_psc_alpha");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(di, vt));
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(di, n, null, Spec(("receptor_type", 1))));

        var sr = nest.Create("spike_recorder");
        var other = nest.Create("spike_dilutor");
        nest.Connect(di, n);
        nest.Connect(di, sr);
        nest.Connect(di, other);
        var conns = nest.GetConnections(di);
        Assert.Equal([n.Ids[0], sr.Ids[0], other.Ids[0]], conns.Target);
        Assert.All(conns.SynapseModel, m => Assert.Equal("static_synapse", m));
    }

    [Fact]
    public void PlasticSynapsesToADilutor_AreIllegal()
    {
        // NEST 3.10: "The target node does not support STDP synapses."
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var di = nest.Create("spike_dilutor");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(n, di, null, Spec(("synapse_model", "stdp_synapse"))));
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Fact]
    public void PlasticSynapsesFromADilutor_AreRefusedAsFromAnyGenerator()
    {
        // A deliberate difference: NEST 3.10 accepts stdp_synapse from a spike_dilutor; NestSharp serves a dilutor's
        // targets as a generator's, through static synapses only.
        var nest = new Simulator();
        var di = nest.Create("spike_dilutor");
        var n = nest.Create("iaf_psc_alpha");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(di, n, null, Spec(("synapse_model", "stdp_synapse"))));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(di, n, null, Spec(("synapse_model", "tsodyks_synapse"))));
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    public void PCopyOutsideZeroToOne_IsBadProperty(double pCopy)
    {
        var nest = new Simulator();
        var di = nest.Create("spike_dilutor");
        var e = Assert.Throws<BadPropertyException>(() => di.Set("p_copy", pCopy));
        Assert.Contains("Copy probability must be in [0, 1].", e.Message);
        Assert.Equal(1.0, di.Get<double>("p_copy"));
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("spike_dilutor", new() { ["p_copy"] = pCopy }));
        Assert.Equal(1.0, Convert.ToDouble(nest.GetDefaults("spike_dilutor")["p_copy"]));
    }

    /// <summary>
    /// A parent train of <paramref name="parentSpikes"/> spikes (one per step, every 0.5 ms) through a dilutor to
    /// <paramref name="targets"/> parrots: each parrot's spike times.
    /// </summary>
    private static double[][] ChildTrains(double pCopy, int targets, int parentSpikes, int threads = 1, long seed = 12345)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = seed });
        var times = Enumerable.Range(1, parentSpikes).Select(i => i * 0.5).ToArray();
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = times });
        var di = nest.Create("spike_dilutor", 1, new() { ["p_copy"] = pCopy });
        var parrots = nest.Create("parrot_neuron", targets);
        nest.Connect(sg, di);
        nest.Connect(di, parrots);
        var recorders = new NodeCollection[targets];
        for (int i = 0; i < targets; i++)
        {
            recorders[i] = nest.Create("spike_recorder");
            nest.Connect(parrots[i], recorders[i]);
        }
        nest.Simulate((parentSpikes * 0.5) + 5.0);
        return recorders.Select(r => Doubles(r, "times")).ToArray();
    }

    [Fact]
    public void ChildTrains_CopyEachParentSpikeIndependentlyWithPCopy()
    {
        const double p = 0.3;
        const int n = 2000, targets = 10;
        var trains = ChildTrains(p, targets, n);

        // each child: Binomial(n, p) spikes, at most one per parent spike
        double sd = Math.Sqrt(n * p * (1 - p));
        foreach (var train in trains)
        {
            Assert.True(Math.Abs(train.Length - (n * p)) < 4 * sd, $"{train.Length} spikes, expected {n * p} ± {sd:F1}");
            Assert.Equal(train.Length, train.Distinct().Count());
        }
        double total = trains.Sum(t => t.Length);
        Assert.True(Math.Abs(total - (targets * n * p)) < 4 * Math.Sqrt(targets) * sd, $"{total} spikes in all");

        // independent copies: two children share a parent spike with probability p²
        double pairP = p * p, pairSd = Math.Sqrt(n * pairP * (1 - pairP));
        for (int i = 1; i < targets; i++)
        {
            int shared = trains[0].Intersect(trains[i]).Count();
            Assert.True(Math.Abs(shared - (n * pairP)) < 4 * pairSd, $"children 0 and {i} share {shared} spikes, expected {n * pairP} ± {pairSd:F1}");
        }
    }

    [Fact]
    public void PCopyZeroPassesNothingAndOnePassesEverything()
    {
        Assert.All(ChildTrains(0.0, 3, 200), t => Assert.Empty(t));
        var expected = Enumerable.Range(1, 200).Select(i => (i * 0.5) + 2.0).ToArray(); // + the two default delays
        Assert.All(ChildTrains(1.0, 3, 200), t => AssertTimes(expected, t));
    }

    [Fact]
    public void ChildTrains_AreTheSameForAnyNumberOfThreads()
    {
        // NEST refuses more than one thread (KernelException); NestSharp gives the same trains.
        var one = ChildTrains(0.5, 7, 400, threads: 1);
        var two = ChildTrains(0.5, 7, 400, threads: 2);
        var three = ChildTrains(0.5, 7, 400, threads: 3);
        Assert.Equal(one, two);
        Assert.Equal(one, three);
        Assert.NotEqual(one, ChildTrains(0.5, 7, 400, threads: 1, seed: 54321));
    }

    [Fact]
    public void ParentMultiplicity_IsDilutedPerTarget()
    {
        // 40 spikes in one step: each of 50 parrots repeats k ~ Binomial(40, 0.25) of them
        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = Enumerable.Repeat(1.0, 40).ToArray() });
        var di = nest.Create("spike_dilutor", 1, new() { ["p_copy"] = 0.25 });
        var parrots = nest.Create("parrot_neuron", 50);
        var sr = nest.Create("spike_recorder");
        nest.Connect(sg, di);
        nest.Connect(di, parrots);
        nest.Connect(parrots, sr);
        nest.Simulate(5.0);
        var times = Doubles(sr, "times");
        Assert.All(times, t => Assert.Equal(3.0, t, 1e-12));
        var perTarget = Longs(sr, "senders").GroupBy(s => s).Select(g => g.Count()).ToArray();
        Assert.True(perTarget.Distinct().Count() > 1, "all targets received the same number");
        double sd = Math.Sqrt(50 * 40 * 0.25 * 0.75);
        Assert.True(Math.Abs(times.Length - (50 * 40 * 0.25)) < 4 * sd, $"{times.Length} spikes in all");
    }
}
