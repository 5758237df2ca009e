using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>
/// Behaviours of recorders and devices NestSharp takes from NEST 3.10, beyond NEST's own tests; each expected value or
/// message is what the real NEST 3.10 gave for the same script (time_in_steps per backend, start/stop/origin on the
/// grid, file names).
/// </summary>
public sealed class RecorderBehaviourTests
{
    public static TheoryData<string> Devices() => NodeModelsWhere(d => d.ContainsKey("start"));

    public static TheoryData<string, string> DevicesAndTimes()
    {
        var data = new TheoryData<string, string>();
        foreach (string device in Devices())
        {
            foreach (var key in new[] { "start", "stop", "origin" }) data.Add(device, key);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DevicesAndTimes))]
    public void TimeOffTheGrid_IsBadPropertyAndChangesNothing(string device, string key)
    {
        var nest = new Simulator();
        var e = Assert.Throws<BadPropertyException>(() => nest.Create(device, 1, new() { [key] = 0.05 }));
        Assert.Contains($"{key} must be a multiple of the simulation resolution", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, nest.NetworkSize);

        // A valid key set in the same call stays unchanged (spike_train_injector, a neuron in NEST, and the correlation
        // detectors, pseudo-recording devices, have no label).
        var node = nest.Create(device);
        var defaults = nest.GetDefaults(device);
        bool labelled = defaults.ContainsKey("label"), timed = defaults.ContainsKey("spike_times");
        var witness = labelled ? ("label", (object)"x") : timed ? ("spike_times", new[] { 5.0 }) : ("Tstart", 5.0);
        Assert.Throws<BadPropertyException>(() => node.Set(new Dictionary<string, object> { [witness.Item1] = witness.Item2, [key] = 0.15 }));
        if (labelled) Assert.Equal("", node.Get<string>("label"));
        else if (timed) Assert.Empty(node.Get<double[]>("spike_times"));
        else Assert.Equal(0.0, node.Get<double>("Tstart"));
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults(device, new() { [key] = 0.15 }));
        node.Set(key, 0.3);
        Assert.Equal(0.3, node.Get<double>(key));
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void InfiniteStartAndStop_AreShownAsNestShowsThem(string device)
    {
        var nest = new Simulator();
        var node = nest.Create(device, 1, new() { ["start"] = double.PositiveInfinity });
        Assert.Equal(double.MaxValue, node.Get<double>("start"));
        Assert.Equal(double.MaxValue, node.Get<double>("stop"));
        node.Set(new Dictionary<string, object> { ["start"] = double.NegativeInfinity, ["stop"] = double.MaxValue });
        Assert.Equal(-double.MaxValue, node.Get<double>("start"));
        // Status values set back unchanged are accepted.
        node.Set(new Dictionary<string, object> { ["start"] = node.Get<double>("start"), ["stop"] = node.Get<double>("stop") });
        var e = Assert.Throws<BadPropertyException>(() => nest.Create(device, 1, new() { ["stop"] = double.NegativeInfinity }));
        Assert.Contains("stop >= start required", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void NaNTimesAndInfiniteOrigin_AreBadProperty(string device)
    {
        // NEST takes NaN as +infinity and accepts an infinite origin, with which a device never acts; NestSharp refuses both.
        var nest = new Simulator();
        foreach (var key in new[] { "start", "stop", "origin" })
        {
            var e = Assert.Throws<BadPropertyException>(() => nest.Create(device, 1, new() { [key] = double.NaN }));
            Assert.StartsWith($"'{key}' = NaN", e.Message, StringComparison.Ordinal);
        }
        Assert.Throws<BadPropertyException>(() => nest.Create(device, 1, new() { ["origin"] = double.PositiveInfinity }));
        Assert.Throws<BadPropertyException>(() => nest.Create(device, 1, new() { ["origin"] = double.NegativeInfinity }));
        Assert.Equal(0, nest.NetworkSize);
    }

    [Fact]
    public void StartNaN_OnASpikeRecorderWithAFiniteStop_NamesStart()
    {
        var nest = new Simulator();
        var sr = nest.Create("spike_recorder", 1, new() { ["stop"] = 5.0 });
        var e = Assert.Throws<BadPropertyException>(() => sr.Set("start", double.NaN));
        Assert.StartsWith("'start' = NaN", e.Message, StringComparison.Ordinal);
        Assert.Equal(0.0, sr.Get<double>("start"));
    }

    [Theory]
    [InlineData("iaf_psc_alpha")]
    [InlineData("parrot_neuron")]
    [InlineData("spike_generator")]
    [InlineData("dc_generator")]
    public void ConnectingANodeToAWeightRecorder_IsIllegalConnection(string model)
    {
        // NEST: IllegalConnection, "The target node or synapse model does not support spike input."
        var nest = new Simulator();
        var n = nest.Create(model, 2);
        var wr = nest.Create("weight_recorder");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(n, wr));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(n, wr, Rule.FixedIndegree(1)));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(wr, n));
        Assert.Equal(0, nest.NumConnections);
    }

    [Fact]
    public void WeightRecorder_SendersAndTargets_AreInstanceKeys_NotInTheModelDefaults()
    {
        // NEST 3.10: GetDefaults("weight_recorder") has neither key; an instance shows both (empty until set).
        var nest = new Simulator();
        var defaults = nest.GetDefaults("weight_recorder");
        Assert.False(defaults.ContainsKey("senders"));
        Assert.False(defaults.ContainsKey("targets"));
        nest.Create("parrot_neuron", 3);
        var wr = nest.Create("weight_recorder", 1, new() { ["senders"] = new long[] { 1, 2 } });
        Assert.Equal([1L, 2L], wr.Get<long[]>("senders"));
        Assert.Empty(wr.Get<long[]>("targets"));
    }

    [Fact]
    public void SpikeRecorder_InfiniteStart_RecordsNothing_NegativeInfiniteStart_RecordsAll()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 500.0 });
        var never = nest.Create("spike_recorder", 1, new() { ["start"] = double.PositiveInfinity });
        var always = nest.Create("spike_recorder", 1, new() { ["start"] = double.NegativeInfinity });
        var plain = nest.Create("spike_recorder");
        nest.Connect(n, never + always + plain);
        nest.Simulate(100.0);
        Assert.Equal(0, never.Get<long>("n_events"));
        Assert.True(plain.Get<long>("n_events") > 0);
        Assert.Equal(Doubles(plain, "times"), Doubles(always, "times"));
    }

    [Fact]
    public void TimeInSteps_Memory_RecordsStepsAndOffsets()
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0, 2.5 } });
        var sr = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        Assert.Empty(Doubles(sr, "offsets"));
        nest.Connect(sg, sr);
        nest.Simulate(5.0);
        Assert.Equal([10L, 25L], Longs(sr, "times"));
        Assert.Equal([0.0, 0.0], Doubles(sr, "offsets"));
    }

    [Fact]
    public void TimeInSteps_Memory_CannotBeSetAfterSimulate_EvenToTheSameValue_NorOnNewRecorders()
    {
        var nest = new Simulator();
        var sr = nest.Create("spike_recorder");
        sr.Set("time_in_steps", true);
        nest.Simulate(1.0);
        foreach (bool value in new[] { true, false })
        {
            var e = Assert.Throws<BadPropertyException>(() => sr.Set("time_in_steps", value));
            Assert.Contains("Property time_in_steps cannot be set after Simulate has been called", e.Message, StringComparison.Ordinal);
            Assert.Throws<BadPropertyException>(() => nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = value }));
        }
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("spike_recorder", new() { ["time_in_steps"] = true }));
        Assert.True(sr.Get<bool>("time_in_steps"));
    }

    [Fact]
    public void TimeInSteps_Ascii_MayBeSetToItsValueAfterSimulate_Screen_Always()
    {
        var nest = new Simulator();
        nest.Simulate(1.0);
        var ascii = nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii" });
        ascii.Set("time_in_steps", false);
        Assert.Throws<BadPropertyException>(() => ascii.Set("time_in_steps", true));
        var screen = nest.Create("spike_recorder", 1, new() { ["record_to"] = "screen" });
        screen.Set("time_in_steps", true);
        Assert.True(screen.Get<bool>("time_in_steps"));
    }

    [Fact]
    public void TimeInSteps_BelongsToTheBackend_AndSwitchingBackendStartsFromItsDefaults()
    {
        var nest = new Simulator();
        var sr = nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii", ["time_in_steps"] = true, ["precision"] = 5L });
        sr.Set("record_to", "memory");
        Assert.False(sr.Get<bool>("time_in_steps"));
        sr.Set("record_to", "ascii");
        Assert.False(sr.Get<bool>("time_in_steps"));
        Assert.Equal(3L, sr.Get<long>("precision"));
        Assert.True(nest.Create("weight_recorder", 1, new() { ["time_in_steps"] = true }).Get<bool>("time_in_steps"));
    }

    [Fact]
    public void TimeInSteps_Ascii_WritesStepAndOffset()
    {
        using var dir = new ScratchDirectory();
        var nest = new Simulator();
        nest.SetKernelStatus("data_path", dir.Path);
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0, 2.5 } });
        var sr = nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii", ["time_in_steps"] = true });
        nest.Connect(sg, sr);
        nest.Simulate(5.0);
        var lines = File.ReadAllLines(sr.Get<string[]>("filenames")[0]);
        Assert.Equal(["sender\ttime_step\ttime_offset", "1\t10\t0.000", "1\t25\t0.000"], lines[2..]);
    }

    [Fact]
    public void ExistingFile_IsIOError_AndLeavesTheKernelPreparedUntilCleanup_AsInNest()
    {
        using var dir = new ScratchDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "spike_recorder-1-0.dat"), "");
        var nest = new Simulator();
        nest.SetKernelStatus("data_path", dir.Path);
        var sr = nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii" });
        nest.Connect(nest.Create("iaf_psc_alpha"), sr);

        var e = Assert.Throws<IOErrorException>(() => nest.Simulate(10.0));
        Assert.Equal("IOError", e.NestName);
        Assert.Equal(true, nest.GetKernelStatus()["prepared"]);
        Assert.Throws<KernelException>(() => nest.Simulate(10.0)); // NEST: Prepare called twice
        nest.Cleanup();
        Assert.Equal(false, nest.GetKernelStatus()["prepared"]);
        Assert.Throws<KernelException>(() => nest.Cleanup());
        Assert.Equal(0.0, nest.BiologicalTime);
    }

    [Fact]
    public void Filenames_AreShownBeforeAnyRun_WithTheNodeIdAsNestWritesIt()
    {
        using var dir = new ScratchDirectory();
        var nest = new Simulator();
        nest.SetKernelStatus("data_path", dir.Path);
        var sr = nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii" });
        Assert.Equal([Path.Combine(dir.Path, "spike_recorder-1-0.dat")], sr.Get<string[]>("filenames"));
        var n = nest.Create("iaf_psc_alpha", 20);
        nest.Connect(n, sr);
        nest.Simulate(1.0);
        Assert.Equal([Path.Combine(dir.Path, "spike_recorder-1-0.dat")], sr.Get<string[]>("filenames"));
        Assert.True(File.Exists(Path.Combine(dir.Path, "spike_recorder-1-0.dat")));

        nest.SetKernelStatus("data_prefix", "pre_");
        sr.Set("label", "y");
        Assert.Equal([Path.Combine(dir.Path, "pre_y-1-0.dat")], sr.Get<string[]>("filenames"));
    }

    [Fact]
    public void Filenames_OnePerVirtualProcess()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 2);
        nest.Create("iaf_psc_alpha", 8);
        var sr = nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii", ["label"] = "x" });
        Assert.Equal(["x-9-0.dat", "x-9-1.dat"], sr.Get<string[]>("filenames"));
    }

    [Fact]
    public void PreciseTimes_OnARecorder_IsNotAParameter_AsInNest()
    {
        var nest = new Simulator();
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.Create("spike_recorder", 1, new() { ["precise_times"] = true }));
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.Create("poisson_generator", 1, new() { ["precise_times"] = true }));
    }
}
