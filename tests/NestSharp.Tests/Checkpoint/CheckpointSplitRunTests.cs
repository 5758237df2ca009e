namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// "Simulate T1, save, load into a new simulator, simulate T2" must give bitwise what one simulator gives simulating T1
/// and then T2: every node's status (state and parameters), every spike recorder's events and every connection, for 1
/// and 2 threads and across a change of the thread count. (The reference makes the same two Simulate calls: as in NEST,
/// the end of a run brings each neuron's calcium up to that time, so one call of T1 + T2 differs in Ca's last bits.)
/// </summary>
public sealed class CheckpointSplitRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A Brunel-like network: noise-driven excitatory and inhibitory populations with recurrent static synapses.</summary>
    internal static void BuildBrunel(Simulator nest, string model)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 12345L, ["resolution"] = 0.1 });
        var parameters = new Dictionary<string, object> { ["V_th"] = -55.0, ["V_reset"] = -70.0, ["E_L"] = -70.0, ["t_ref"] = 2.0 };
        var exc = nest.Create(model, 80, parameters);
        var inh = nest.Create(model, 20, parameters);
        var all = exc + inh;
        all.Set("V_m", nest.Random.Uniform(-70.0, -55.0));
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 12000.0 });
        nest.Connect(noise, all, syn: new Dictionary<string, object> { ["weight"] = 30.0, ["delay"] = 1.0 });
        nest.Connect(exc, all, Rule.FixedIndegree(8), new Dictionary<string, object> { ["weight"] = 25.0, ["delay"] = 1.5 });
        nest.Connect(inh, all, Rule.FixedIndegree(2), new Dictionary<string, object>
        {
            ["weight"] = -100.0, ["delay"] = nest.Random.Uniform(1.0, 3.0),
        });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(all, recorder);
    }

    /// <summary>Status keys that tell where a node is stored, which depends on the number of threads.</summary>
    private static readonly string[] PlacementKeys = ["thread", "vp", "thread_local_id"];

    /// <summary>
    /// Everything a user can read of the network (but where nodes are stored), as text in which every double keeps all
    /// its bits.
    /// </summary>
    internal static string Observe(Simulator nest)
    {
        var ids = Enumerable.Range(1, nest.NetworkSize).ToArray();
        var status = nest.Nodes(ids).GetStatus();
        foreach (var node in status)
            foreach (var key in PlacementKeys) node.Remove(key);
        // GetConnections lists device connections in an order that depends on the threads (as NEST's does): sorted here
        var columns = nest.GetConnections().Get("source", "target", "weight", "delay", "synapse_model");
        var rows = Enumerable.Range(0, ((Array)columns["source"]).Length)
            .Select(i => string.Join(' ', new[] { "source", "target", "synapse_model", "weight", "delay" }.Select(key => NestJson.ToJson(((Array)columns[key]).GetValue(i)))))
            .Order(StringComparer.Ordinal).ToArray();
        return NestJson.ToJson(new Dictionary<string, object> { ["nodes"] = status.ToArray(), ["connections"] = rows });
    }

    /// <summary>
    /// Builds on <paramref name="threadsBefore"/> threads, simulates <paramref name="first"/> ms, saves to
    /// <paramref name="path"/> and restores into a new simulator on <paramref name="threadsAfter"/> threads: the restored
    /// simulator, not yet simulated.
    /// </summary>
    internal static Simulator Restored(Action<Simulator> build, string path, double first, int threadsBefore, int threadsAfter)
    {
        var before = new Simulator();
        before.SetKernelStatus("local_num_threads", threadsBefore);
        build(before);
        before.Simulate(first);
        before.SaveCheckpoint(path);

        var after = new Simulator();
        after.LoadCheckpoint(path, threadsAfter);
        return after;
    }

    /// <summary>
    /// Asserts that the network <paramref name="build"/> makes, simulated <paramref name="first"/> ms, saved on the first
    /// thread count of each pair, restored on the second and simulated <paramref name="second"/> ms more, observes
    /// (<paramref name="observe"/>) as the uninterrupted run on one thread does.
    /// </summary>
    internal static void AssertResumesBitwise(Action<Simulator> build, Func<Simulator, string> observe, double first, double second,
        params (int Before, int After)[] threadPairs)
    {
        var whole = new Simulator();
        build(whole);
        whole.Simulate(first);
        whole.Simulate(second);
        string expected = observe(whole);
        string folder = Directory.CreateTempSubdirectory("nestsharp-resume-").FullName;
        try
        {
            foreach (var (before, after) in threadPairs)
            {
                var resumed = Restored(build, Path.Combine(folder, $"{before}-{after}.nscp"), first, before, after);
                resumed.Simulate(second);
                Assert.Equal(expected, observe(resumed));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string SplitRun(Action<Simulator> build, double first, double second, int threadsBefore, int threadsAfter)
    {
        var after = Restored(build, Path.Combine(_folder, $"split-{threadsBefore}-{threadsAfter}.nscp"), first, threadsBefore, threadsAfter);
        Assert.Equal(first, after.BiologicalTime);
        Assert.Equal(threadsAfter, after.LocalNumThreads);
        after.Simulate(second);
        return Observe(after);
    }

    private static string UninterruptedRun(Action<Simulator> build, double first, double second)
    {
        var nest = new Simulator();
        build(nest);
        nest.Simulate(first);
        nest.Simulate(second);
        return Observe(nest);
    }

    public static TheoryData<string> BrunelModels => ["iaf_psc_alpha", "iaf_psc_exp", "iaf_psc_delta"];

    [Theory]
    [MemberData(nameof(BrunelModels))]
    public void SplitRun_EqualsUninterruptedRun_ForOneAndTwoThreadsAndAThreadChange(string model)
    {
        void Build(Simulator nest) => BuildBrunel(nest, model);
        // 43.7 ms ends inside a slice of min_delay 1 ms's grid and with spikes in flight on the 1.5-3 ms delays
        string whole = UninterruptedRun(Build, 43.7, 56.3);
        Assert.Contains("\"times\"", whole);
        foreach (var (before, after) in new[] { (1, 1), (2, 2), (1, 2), (2, 1) })
        {
            string split = SplitRun(Build, 43.7, 56.3, before, after);
            Assert.Equal(whole, split);
        }
    }

    [Fact]
    public void SplitRun_HasSpikesOnBothSidesOfTheSplit()
    {
        var nest = new Simulator();
        BuildBrunel(nest, "iaf_psc_alpha");
        nest.Simulate(100.0);
        var times = (double[])((Dictionary<string, object>)nest.Nodes(nest.NetworkSize).Get("events"))["times"];
        Assert.Contains(times, t => t < 43.7);
        Assert.Contains(times, t => t > 43.7);
    }

    [Fact]
    public void Restore_ContinuesCopiedModelsDefaultsAndKernelSettings()
    {
        void Build(Simulator nest)
        {
            nest.SetKernelStatus(new() { ["rng_seed"] = 7L, ["resolution"] = 0.05 });
            nest.CopyModel("iaf_psc_alpha", "my_neuron", new() { ["tau_m"] = 15.0, ["I_e"] = 380.0 });
            nest.SetDefaults("static_synapse", new() { ["weight"] = 12.0, ["delay"] = 0.8 });
            nest.CopyModel("static_synapse", "my_synapse", new() { ["weight"] = -7.5 });
            var neurons = nest.Create("my_neuron", 10);
            neurons.Set("V_m", nest.Random.Normal(-65.0, 3.0));
            nest.Connect(neurons, neurons, Rule.FixedIndegree(3));
            nest.Connect(neurons, neurons, Rule.FixedOutdegree(2), new Dictionary<string, object> { ["synapse_model"] = "my_synapse" });
            var recorder = nest.Create("spike_recorder");
            nest.Connect(neurons, recorder);
        }
        string whole = UninterruptedRun(Build, 61.35, 58.65);
        Assert.Equal(whole, SplitRun(Build, 61.35, 58.65, 1, 2));

        var restored = new Simulator();
        var source = new Simulator();
        Build(source);
        source.Simulate(10.0);
        string path = Path.Combine(_folder, "models.nscp");
        source.SaveCheckpoint(path);
        restored.LoadCheckpoint(path);
        Assert.Equal(0.05, restored.Resolution);
        Assert.Equal(7L, restored.RngSeed);
        Assert.Equal(15.0, restored.GetDefaults("my_neuron")["tau_m"]);
        Assert.Equal(-7.5, restored.GetDefaults("my_synapse")["weight"]);
        Assert.Equal(12.0, restored.GetDefaults("static_synapse")["weight"]);
        // a new Create and Connect after the restore draws as it would have without the stop
        source.Create("my_neuron", 3).Set("V_m", source.Random.Uniform(-70.0, -60.0));
        restored.Create("my_neuron", 3).Set("V_m", restored.Random.Uniform(-70.0, -60.0));
        Assert.Equal(Observe(source), Observe(restored));
    }
}
