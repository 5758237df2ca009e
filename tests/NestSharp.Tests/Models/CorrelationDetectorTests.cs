using NestSharp.Tests.Checkpoint;

namespace NestSharp.Tests.Models;

/// <summary>
/// correlation_detector and correlomatrix_detector beyond NEST's pytests: results independent of the number of
/// threads, checkpoints, delays and offsets ignored, weights, NEST's defaults and recalibration, refused input.
/// </summary>
public sealed class CorrelationDetectorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-corrdet-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Correlated parrots (a mip_generator) and independent ones (a poisson_generator) into both detectors through two
    /// synapse models with random weights and delays, a Poisson generator and a precise spike generator directly, and a
    /// probabilistic rule.
    /// </summary>
    private static void Build(Simulator nest)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 77L });
        var mip = nest.Create("mip_generator", 1, new() { ["rate"] = 400.0, ["p_copy"] = 0.4 });
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 300.0 });
        var parrots = nest.Create("parrot_neuron", 12);
        nest.Connect(mip, parrots[..8]);
        nest.Connect(noise, parrots[8..]);
        var cd = nest.Create("correlation_detector", 1, new() { ["delta_tau"] = 0.5, ["tau_max"] = 10.0, ["Tstart"] = 5.0 });
        var cm = nest.Create("correlomatrix_detector", 1, new() { ["N_channels"] = 3, ["delta_tau"] = 0.3, ["tau_max"] = 3.0 });
        for (int port = 0; port < 2; port++)
        {
            nest.Connect(parrots[(port * 4)..(port * 4 + 4)], cd, syn: new Dictionary<string, object>
            {
                ["receptor_type"] = port, ["weight"] = nest.Random.Uniform(0.5, 2.0), ["delay"] = nest.Random.Uniform(0.5, 4.0),
            });
        }
        nest.Connect(parrots[8..], cd, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = "tsodyks2_synapse", ["receptor_type"] = 1, ["weight"] = 1.5, ["delay"] = 1.0,
        });
        nest.Connect(noise, cd, syn: new Dictionary<string, object> { ["receptor_type"] = 0, ["weight"] = 0.25, ["delay"] = 2.0 });
        var precise = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 3.05, 7.42, 20.01, 31.7 } });
        nest.Connect(precise, cd, syn: new Dictionary<string, object> { ["receptor_type"] = 1, ["weight"] = 3.0 });
        for (int channel = 0; channel < 3; channel++)
        {
            nest.Connect(parrots[(channel * 4)..(channel * 4 + 4)], cm, syn: new Dictionary<string, object>
            {
                ["receptor_type"] = channel, ["weight"] = nest.Random.Uniform(0.5, 2.0), ["delay"] = nest.Random.Uniform(0.5, 4.0),
            });
        }
        nest.Connect(parrots, cm, Rule.FixedIndegree(2), new Dictionary<string, object> { ["receptor_type"] = 2, ["weight"] = -1.0 });
    }

    private static string Detectors(Simulator nest)
    {
        var detectors = nest.Nodes(15, 16).GetStatus().Select(s => new Dictionary<string, object>(s.Where(kv => kv.Key is not ("thread" or "vp" or "thread_local_id" or "local"))));
        return NestJson.ToJson(detectors.ToArray());
    }

    [Fact]
    public void Results_DoNotDependOnTheNumberOfThreads()
    {
        string? reference = null;
        foreach (int threads in new[] { 1, 2, 4 })
        {
            var nest = new Simulator();
            nest.SetKernelStatus("local_num_threads", threads);
            Build(nest);
            nest.Simulate(60.0);
            Assert.Equal("correlation_detector", nest.Nodes(15).Get<string>("model"));
            long[] events = [.. nest.Nodes(15).Get<long[]>("n_events"), .. nest.Nodes(16).Get<long[]>("n_events")];
            Assert.True(events.All(n => n > 10), string.Join(", ", events));
            string observed = Detectors(nest);
            if (reference is null) reference = observed;
            else Assert.Equal(reference, observed);
        }
    }

    [Fact]
    public void SplitRun_ContinuesBitwise()
    {
        var whole = new Simulator();
        Build(whole);
        whole.Simulate(23.4);
        whole.Simulate(31.3);
        string expected = CheckpointSplitRunTests.Observe(whole);
        foreach (var (before, after) in new[] { (1, 1), (1, 2), (2, 1) })
        {
            var resumed = CheckpointSplitRunTests.Restored(Build, Path.Combine(_folder, $"corr-{before}-{after}.nscp"), 23.4, before, after);
            resumed.Simulate(31.3);
            Assert.Equal(expected, CheckpointSplitRunTests.Observe(resumed));
        }
    }

    /// <summary>Two spike generators into a detector on receptors 0 and 1, with the given weights and delays.</summary>
    private static NodeCollection Pair(Simulator nest, string model, double[] times0, double[] times1, double w0 = 1.0, double w1 = 1.0,
        double d0 = 1.0, double d1 = 1.0, Dictionary<string, object>? parameters = null)
    {
        var detector = nest.Create(model, 1, parameters ?? []);
        var sg0 = nest.Create("spike_generator", 1, new() { ["spike_times"] = times0 });
        var sg1 = nest.Create("spike_generator", 1, new() { ["spike_times"] = times1 });
        nest.Connect(sg0, detector, syn: new Dictionary<string, object> { ["receptor_type"] = 0, ["weight"] = w0, ["delay"] = d0 });
        nest.Connect(sg1, detector, syn: new Dictionary<string, object> { ["receptor_type"] = 1, ["weight"] = w1, ["delay"] = d1 });
        return detector;
    }

    [Fact]
    public void Delays_AreIgnored_AndWeightsMultiply()
    {
        var p = new Dictionary<string, object> { ["delta_tau"] = 1.0, ["tau_max"] = 5.0 };
        var nest = new Simulator();
        var a = Pair(nest, "correlation_detector", [1.0, 2.0, 6.0], [2.0, 4.0], parameters: p);
        var b = Pair(nest, "correlation_detector", [1.0, 2.0, 6.0], [2.0, 4.0], 2.0, 3.0, 1.0, 7.5, p);
        nest.Simulate(20.0);
        long[] counts = a.Get<long[]>("count_histogram");
        Assert.Equal(new long[] { 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0 }, counts);
        Assert.Equal(counts, b.Get<long[]>("count_histogram"));
        Assert.Equal(counts.Select(c => 6.0 * c), b.Get<double[]>("histogram"));
        Assert.All(b.Get<double[]>("histogram_correction"), c => Assert.Equal(0.0, c));
    }

    [Fact]
    public void PreciseOffsets_AreIgnored()
    {
        var nest = new Simulator();
        var detector = nest.Create("correlation_detector", 1, new() { ["delta_tau"] = 0.1, ["tau_max"] = 0.5 });
        var sg0 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 2.0 }, ["precise_times"] = true });
        var sg1 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 2.23 }, ["precise_times"] = true });
        nest.Connect(sg0, detector, syn: new Dictionary<string, object> { ["receptor_type"] = 0 });
        nest.Connect(sg1, detector, syn: new Dictionary<string, object> { ["receptor_type"] = 1 });
        nest.Simulate(10.0);
        // 2.23 is stamped 2.3: the lag counted is 0.3 ms (bin 5 + 3), not 0.23
        long[] counts = nest.Nodes(detector.Ids[0]).Get<long[]>("count_histogram");
        Assert.Equal(1, counts[8]);
        Assert.Equal(1, counts.Sum());
    }

    [Fact]
    public void SpikesOfTheLastSlice_ArriveAtTheNextRun()
    {
        var nest = new Simulator();
        var detector = Pair(nest, "correlation_detector", [4.0], [4.5]);
        nest.Simulate(4.5);
        Assert.Equal(new long[] { 1, 0 }, detector.Get<long[]>("n_events"));
        nest.Simulate(1.0);
        Assert.Equal(new long[] { 1, 1 }, detector.Get<long[]>("n_events"));
    }

    [Fact]
    public void Defaults_AreNests_AndFollowTheResolution()
    {
        var nest = new Simulator();
        var d = nest.GetDefaults("correlation_detector");
        Assert.Equal("recorder", d["element_type"]);
        Assert.Equal(0.5, d["delta_tau"]);
        Assert.Equal(5.0, d["tau_max"]);
        Assert.Equal(0.0, d["Tstart"]);
        Assert.Equal(double.MaxValue, d["Tstop"]);
        Assert.Equal(new long[] { 0, 0 }, d["n_events"]);
        Assert.Empty((double[])d["histogram"]);
        var m = nest.GetDefaults("correlomatrix_detector");
        Assert.Equal(1L, m["N_channels"]);
        Assert.Equal(new long[] { 0 }, m["n_events"]);

        var coarse = new Simulator();
        coarse.SetKernelStatus("resolution", 0.2);
        Assert.Equal(1.0, coarse.GetDefaults("correlation_detector")["delta_tau"]);
        Assert.Equal(5.0, coarse.GetDefaults("correlation_detector")["tau_max"]);
        var finer = new Simulator();
        finer.SetKernelStatus("resolution", 0.05);
        Assert.Equal(0.5, finer.GetDefaults("correlomatrix_detector")["delta_tau"]);
    }

    [Fact]
    public void NewDetector_SizesItsHistogramsAtItsFirstRun()
    {
        var nest = new Simulator();
        var cd = nest.Create("correlation_detector");
        Assert.Empty(cd.Get<double[]>("histogram"));
        nest.Simulate(1.0);
        Assert.Equal(21, cd.Get<double[]>("histogram").Length);
        cd.Set("tau_max", 1.0);
        // As NEST: the Set clears with the sizes it found; the next run takes the new ones.
        Assert.Equal(21, cd.Get<double[]>("histogram").Length);
        nest.Simulate(1.0);
        Assert.Equal(5, cd.Get<double[]>("histogram").Length);
        var cm = nest.Create("correlomatrix_detector");
        cm.Set("N_channels", 3);
        Assert.Equal(3, cm.Get<double[][][]>("covariance").Length);
    }

    [Fact]
    public void ProbabilisticRules_ConnectToDetectors()
    {
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 5);
        var detectors = nest.Create("correlation_detector", 2);
        nest.Connect(neurons, detectors, Rule.FixedIndegree(2));
        Assert.Equal(4, nest.GetConnections(target: detectors).Count);
    }

    [Fact]
    public void BadInput_IsRefused_AndChangesNothing()
    {
        var nest = new Simulator();
        var cd = nest.Create("correlation_detector");
        var cm = nest.Create("correlomatrix_detector", 1, new() { ["N_channels"] = 2 });
        string before = NestJson.ToJson(nest.Nodes(1, 2).GetStatus().ToArray());

        Assert.Contains("delta_tau", Assert.Throws<StepMultipleRequiredException>(() => cd.Set("delta_tau", 0.25)).Message);
        Assert.Contains("tau_max", Assert.Throws<TimeMultipleRequiredException>(() => cd.Set(new Dictionary<string, object> { ["delta_tau"] = 1.0, ["tau_max"] = 2.5 })).Message);
        // -5 ms is -4999 tics as NEST rounds it (TimeMultipleRequired); -4.5005 ms is -4500 tics, a multiple of delta_tau
        Assert.Contains("tau_max", Assert.Throws<TimeMultipleRequiredException>(() => cd.Set("tau_max", -5.0)).Message);
        Assert.Contains("tau_max", Assert.Throws<BadPropertyException>(() => cd.Set("tau_max", -4.5005)).Message);
        Assert.Contains("n_events", Assert.Throws<BadPropertyException>(() => cd.Set("n_events", new long[] { 1, 0 })).Message);
        Assert.Contains("is a read-only", Assert.Throws<UnaccessedDictionaryEntryException>(() => cd.Set("histogram", new[] { 1.0 })).Message);
        Assert.Contains("stop", Assert.Throws<BadPropertyException>(() => cd.Set(new Dictionary<string, object> { ["start"] = 5.0, ["stop"] = 2.0 })).Message);
        Assert.Contains("delta_tau", Assert.Throws<BadPropertyException>(() => cm.Set("delta_tau", 0.2)).Message);
        Assert.Contains("N_channels", Assert.Throws<BadPropertyException>(() => cm.Set("N_channels", 0)).Message);
        Assert.Throws<UnaccessedDictionaryEntryException>(() => cm.Set("n_events", new long[] { 0, 0 }));

        var neuron = nest.Create("iaf_psc_alpha");
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(neuron, cd, syn: new Dictionary<string, object> { ["receptor_type"] = 2 }));
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(neuron, cm, syn: new Dictionary<string, object> { ["receptor_type"] = 2 }));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(cd, neuron));
        Assert.Equal(before, NestJson.ToJson(nest.Nodes(1, 2).GetStatus().ToArray()));
        Assert.Equal(0, nest.GetConnections().Count);
    }
}
