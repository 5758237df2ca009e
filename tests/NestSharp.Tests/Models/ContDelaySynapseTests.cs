namespace NestSharp.Tests.Models;

/// <summary>
/// cont_delay_synapse against NEST 3.10 (cont_delay_synapse.h, _impl.h): a delay D that is not a multiple of the
/// resolution h is kept as d = floor(D/h) + 1 steps less the offset o = h·(1 - frac(D/h)); a spike with offset s arrives
/// d steps later with offset s + o, or d - 1 steps later with offset s + o - h when s + o &gt;= h; GetStatus reports
/// d·h - o; Connect rounds a delay it is given and keeps the offset of the model's default; a Set of such a delay
/// counts d - 1 and d into the delay extrema. Results do not depend on the number of threads or processes.
/// </summary>
public sealed class ContDelaySynapseTests
{
    [Fact]
    public void DefaultDelay_IsKeptBelowWholeSteps_AndReportedAsGiven()
    {
        var nest = new Simulator();
        nest.SetDefaults("cont_delay_synapse", new() { ["delay"] = 1.25 });
        double h = 0.1, frac = 1.25 / h - Math.Truncate(1.25 / h);
        double expected = 13 * h - h * (1.0 - frac);
        Assert.Equal(expected, (double)nest.GetDefaults("cont_delay_synapse")["delay"]);
        Assert.Equal(1.25, (double)nest.GetDefaults("cont_delay_synapse")["delay"], 1e-14);

        var a = nest.Create("parrot_neuron", 2);
        // Connect keeps the default's offset, also when it is given a delay (rounded to whole steps)
        nest.Connect(a[..1], a[1..], syn: "cont_delay_synapse");
        nest.Connect(a[1..], a[..1], syn: new Dictionary<string, object> { ["synapse_model"] = "cont_delay_synapse", ["delay"] = 2.0 });
        var delays = nest.GetConnections(synapseModel: "cont_delay_synapse").Delay;
        Assert.Equal(expected, delays[0]);
        Assert.Equal(20 * h - h * (1.0 - frac), delays[1]);
        // a connection reports NEST's keys of a static synapse: the offset is inside the delay
        var keys = nest.GetConnections(synapseModel: "cont_delay_synapse")[0].Get().Keys.Order(StringComparer.Ordinal);
        nest.Connect(a[..1], a[1..], syn: "static_synapse");
        var staticKeys = nest.GetConnections(synapseModel: "static_synapse").Get().Keys.Order(StringComparer.Ordinal);
        Assert.Equal(staticKeys, keys);

        // a whole number of steps has no offset
        nest.SetDefaults("cont_delay_synapse", new() { ["delay"] = 0.7 });
        Assert.Equal(0.7, (double)nest.GetDefaults("cont_delay_synapse")["delay"], 1e-15);
    }

    [Fact]
    public void SetDelay_OnAConnection_SplitsIt_AndCountsBothStepsIntoTheExtrema()
    {
        var nest = new Simulator();
        var a = nest.Create("parrot_neuron", 2);
        nest.Connect(a[..1], a[1..], syn: new Dictionary<string, object> { ["synapse_model"] = "cont_delay_synapse", ["delay"] = 1.5 });
        var conns = nest.GetConnections(synapseModel: "cont_delay_synapse");
        conns.Set("delay", 1.25);
        Assert.Equal(1.25, conns.Delay[0], 1e-14);
        Assert.Equal(1.2, (double)nest.GetKernelStatus()["min_delay"], 1e-12);
        Assert.Equal(1.5, (double)nest.GetKernelStatus()["max_delay"], 1e-12);

        var e = Assert.Throws<BadDelayException>(() => conns.Set("delay", 0.05));
        Assert.Contains("resolution", e.Message, StringComparison.Ordinal);
        Assert.Equal(1.25, conns.Delay[0], 1e-14);
    }

    [Fact]
    public void DelayBelowTheResolution_IsRefusedBySetDefaults_AndChangesNothing()
    {
        var nest = new Simulator();
        nest.SetDefaults("cont_delay_synapse", new() { ["delay"] = 0.35 });
        Assert.Throws<BadDelayException>(() => nest.SetDefaults("cont_delay_synapse", new() { ["delay"] = 0.07, ["weight"] = 3.0 }));
        var defaults = nest.GetDefaults("cont_delay_synapse");
        Assert.Equal(0.35, (double)defaults["delay"], 1e-14);
        Assert.Equal(1.0, defaults["weight"]);
    }

    /// <summary>
    /// Precise spikes of an injector through cont_delay_synapse (1.25 ms: 13 steps less 0.05 ms) to a parrot_neuron_ps
    /// (which repeats them at their exact arrival time) and to a grid parrot_neuron (which repeats them at the end of the
    /// step they arrive in): spike offsets below and above h - o.
    /// </summary>
    private static (double[] Precise, double[] Grid) Run(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        var injector = nest.Create("spike_train_injector", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 2.02, 2.08, 4.0, 5.55 } });
        var precise = nest.Create("parrot_neuron_ps", 3);
        var grid = nest.Create("parrot_neuron", 3);
        var sr = nest.Create("spike_recorder");
        var srGrid = nest.Create("spike_recorder");
        nest.SetDefaults("cont_delay_synapse", new() { ["delay"] = 1.25 });
        nest.Connect(injector, precise + grid, syn: "cont_delay_synapse");
        nest.Connect(precise, sr);
        nest.Connect(grid, srGrid);
        nest.Simulate(10.0);
        var times = (double[])((Dictionary<string, object>)sr.Get("events"))["times"];
        var gridTimes = (double[])((Dictionary<string, object>)srGrid.Get("events"))["times"];
        return (times, gridTimes);
    }

    [Fact]
    public void PreciseSpikes_ArriveTheExactDelayLater()
    {
        var (precise, grid) = Run(threads: 1);
        double[] sent = [2.02, 2.08, 4.0, 5.55];
        Assert.Equal(sent.Length * 3, precise.Length);
        var distinct = precise.Distinct().Order().ToArray();
        Assert.Equal(sent.Length, distinct.Length);
        for (int k = 0; k < sent.Length; k++) Assert.Equal(sent[k] + 1.25, distinct[k], 1e-12);
        // 2.02 (offset 0.08 + 0.05 >= h: 12 steps), 2.08 (offset 0.02: 13 steps), 4.0 (13 steps), 5.55 (offset 0.05 + 0.05 >= h: 12 steps)
        double[] steps = [3.3, 3.4, 5.3, 6.8];
        var gridDistinct = grid.Distinct().Order().ToArray();
        Assert.Equal(steps.Length, gridDistinct.Length);
        for (int k = 0; k < steps.Length; k++) Assert.Equal(steps[k], gridDistinct[k], 1e-12);
    }

    [Fact]
    public void PreciseSpikes_AreTheSameForAnyNumberOfThreads()
    {
        var one = Run(threads: 1);
        foreach (int threads in new[] { 2, 3 })
        {
            var other = Run(threads);
            Assert.Equal(one.Precise.Order(), other.Precise.Order());
            Assert.Equal(one.Grid.Order(), other.Grid.Order());
        }
    }

    [Fact]
    public void DelaysSetOnConnections_AreTheSameOnOneAndTwoProcesses()
    {
        static string? Probe(Func<Simulator> make)
        {
            var nest = make();
            var injector = nest.Create("spike_train_injector", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 1.01, 2.37, 5.55 } });
            var parrots = nest.Create("parrot_neuron_ps", 4);
            nest.Connect(injector, parrots, syn: new Dictionary<string, object> { ["synapse_model"] = "cont_delay_synapse", ["delay"] = 1.0 });
            var conns = nest.GetConnections(synapseModel: "cont_delay_synapse");
            conns.Set([.. Enumerable.Range(0, conns.Count).Select(i => new Dictionary<string, object> { ["delay"] = 1.03 + 0.21 * i })]);
            var recorder = nest.Create("spike_recorder");
            nest.Connect(parrots, recorder);
            nest.Simulate(10.0);
            var events = (Dictionary<string, object>)recorder.Get("events");
            var senders = (long[])events["senders"];
            var times = (double[])events["times"];
            var delays = conns.Delay;
            return string.Join(";", senders.Select((s, i) => $"{s}:{times[i]:R}").Order(StringComparer.Ordinal)) + "|" + string.Join(";", delays.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        }

        string alone = Distribution.InProcessRanks.Run(1, Probe)[0]!;
        Assert.Contains("3:3.61", alone, StringComparison.Ordinal); // 2.37 + 1.24 (the second parrot's delay)
        foreach (string? rank in Distribution.InProcessRanks.Run(2, Probe)) Assert.Equal(alone, rank);
    }

    [Fact]
    public void Checkpoint_KeepsTheOffsets_OfTheDefaultAndOfEachConnection()
    {
        static void Build(Simulator nest)
        {
            var injector = nest.Create("spike_train_injector", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 1.01, 2.37, 2.99, 5.55, 7.08 } });
            var parrots = nest.Create("parrot_neuron_ps", 3);
            nest.SetDefaults("cont_delay_synapse", new() { ["delay"] = 1.25 });
            nest.Connect(injector, parrots[..2], syn: "cont_delay_synapse");
            nest.Connect(injector, parrots[2..], syn: "cont_delay_synapse");
            nest.GetConnections(target: parrots[2..]).Set("delay", 2.33);
            var recorder = nest.Create("spike_recorder");
            nest.Connect(parrots, recorder);
        }
        static string Observe(Simulator nest)
        {
            var events = (Dictionary<string, object>)nest.Nodes(nest.NetworkSize).Get("events");
            var senders = (long[])events["senders"];
            var times = (double[])events["times"];
            return string.Join(";", senders.Select((s, i) => $"{s}:{times[i]:R}").Order(StringComparer.Ordinal))
                + "|" + string.Join(";", nest.GetConnections(synapseModel: "cont_delay_synapse").Delay.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
                + "|" + ((double)nest.GetDefaults("cont_delay_synapse")["delay"]).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        var reference = new Simulator();
        Build(reference);
        reference.Simulate(3.3);
        reference.Simulate(6.7);
        string expected = Observe(reference);
        Assert.Contains("2:3.6", expected, StringComparison.Ordinal); // 2.37 + 1.25
        string folder = Directory.CreateTempSubdirectory("nestsharp-cont-delay-").FullName;
        try
        {
            foreach (var (before, after) in new[] { (1, 1), (1, 2), (2, 1) })
            {
                var resumed = Checkpoint.CheckpointSplitRunTests.Restored(Build, Path.Combine(folder, $"{before}-{after}.nscp"), 3.3, before, after);
                resumed.Simulate(6.7);
                Assert.Equal(expected, Observe(resumed));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
