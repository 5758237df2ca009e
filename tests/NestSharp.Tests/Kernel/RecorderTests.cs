namespace NestSharp.Tests.Kernel;

public sealed class RecorderTests
{
    private static (Simulator Nest, NodeCollection Neuron) Driven(double current = 500.0)
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = current });
        return (nest, n);
    }

    private static double[] Times(NodeCollection recorder) => (double[])((Dictionary<string, object>)recorder.Get("events"))["times"];

    [Fact]
    public void SpikeRecorder_WindowIsStartExclusiveStopInclusive()
    {
        var (nest, n) = Driven();
        var all = nest.Create("spike_recorder");
        var window = nest.Create("spike_recorder", 1, new() { ["start"] = 20.0, ["stop"] = 60.0 });
        nest.Connect(n, all);
        nest.Connect(n, window);
        nest.Simulate(100.0);
        var expected = Times(all).Where(t => t > 20.0 && t <= 60.0).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Times(window));
    }

    [Fact]
    public void SettingNEventsToZero_ClearsEvents()
    {
        var (nest, n) = Driven();
        var sr = nest.Create("spike_recorder");
        nest.Connect(n, sr);
        nest.Simulate(100.0);
        Assert.True(sr.Get<long>("n_events") > 0);
        sr.Set("n_events", 0L);
        Assert.Equal(0L, sr.Get<long>("n_events"));
        Assert.Empty(Times(sr));
        Assert.Throws<BadPropertyException>(() => sr.Set("n_events", 3L));
    }

    [Fact]
    public void Multimeter_SamplesAtItsIntervalAndLagsOneMinDelay()
    {
        var (nest, n) = Driven();
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.5, ["record_from"] = new[] { "V_m" } });
        nest.Connect(mm, n);
        nest.Simulate(20.0);
        var t = Times(mm);
        Assert.Equal(0.5, t[0], 12);
        Assert.Equal(19.0, t[^1], 12); // min_delay 1 ms: the last slice is handed over by the next Simulate
        nest.Simulate(10.0);
        t = Times(mm);
        Assert.Equal(29.0, t[^1], 12);
        Assert.Equal(58, t.Length);
        for (int i = 1; i < t.Length; i++) Assert.Equal(0.5, t[i] - t[i - 1], 9);
    }

    [Fact]
    public void Multimeter_IntervalOffTheGrid_IsRejectedWhenSet()
    {
        var (nest, _) = Driven();
        Assert.Throws<BadPropertyException>(() => nest.Create("multimeter", 1, new() { ["interval"] = 0.25, ["record_from"] = new[] { "V_m" } }));
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.5 });
        var e = Assert.Throws<BadPropertyException>(() => mm.Set(new Dictionary<string, object> { ["interval"] = 0.25, ["label"] = "changed" }));
        Assert.Contains("'interval' = 0.25", e.Message, StringComparison.Ordinal);
        Assert.Contains("multiple of the simulation resolution", e.Message, StringComparison.Ordinal);
        Assert.Equal(0.5, mm.Get<double>("interval"));
        Assert.Equal("", mm.Get<string>("label"));
    }

    [Fact]
    public void RepeatedSimulate_EqualsOneLongSimulate()
    {
        static double[] Run(params double[] pieces)
        {
            var (nest, n) = Driven(420.0);
            var sr = nest.Create("spike_recorder");
            nest.Connect(n, sr);
            foreach (double piece in pieces) nest.Simulate(piece);
            return Times(sr);
        }
        // Pieces that end inside min_delay slices, too.
        Assert.Equal(Run(300.0), Run(37.3, 100.0, 0.4, 162.3));
    }

    [Fact]
    public void ParameterSetBetweenSimulateCalls_TakesEffect()
    {
        var (nest, n) = Driven(0.0);
        var sr = nest.Create("spike_recorder");
        nest.Connect(n, sr);
        nest.Simulate(100.0);
        Assert.Equal(0L, sr.Get<long>("n_events"));
        n.Set("I_e", 500.0);
        nest.Simulate(100.0);
        Assert.True(sr.Get<long>("n_events") > 0);
        Assert.All(Times(sr), t => Assert.True(t > 100.0));
    }

    [Fact]
    public void AsciiRecorder_WritesNestsFormat()
    {
        string dir = Directory.CreateTempSubdirectory("nestsharp-ascii").FullName;
        try
        {
            var (nest, n) = Driven();
            nest.SetKernelStatus(new() { ["data_path"] = dir, ["data_prefix"] = "run1-" });
            var sr = nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii", ["label"] = "spikes" });
            nest.Connect(n, sr);
            nest.Simulate(100.0);
            string file = Path.Combine(dir, "run1-spikes-2-0.dat");
            Assert.Equal(file, ((string[])sr.Get("filenames"))[0]);
            var lines = File.ReadAllLines(file);
            Assert.Equal("# NEST version: 3.10.0", lines[0]);
            Assert.Equal("# RecordingBackendASCII version: 2", lines[1]);
            Assert.Equal("sender\ttime_ms", lines[2]);
            Assert.Equal(sr.Get<long>("n_events"), lines.Length - 3);
            Assert.Matches(@"^1\t\d+\.\d{3}$", lines[3]);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void DcGenerator_DrivesLikeI_e()
    {
        static double[] Run(bool useGenerator)
        {
            var nest = new Simulator();
            var n = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = useGenerator ? 0.0 : 450.0 });
            if (useGenerator)
            {
                var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 450.0 });
                nest.Connect(dc, n, syn: new Dictionary<string, object> { ["delay"] = 0.1 });
            }
            var sr = nest.Create("spike_recorder");
            nest.Connect(n, sr);
            nest.Simulate(200.0);
            return Times(sr);
        }
        var direct = Run(false);
        var viaGenerator = Run(true);
        Assert.Equal(direct.Length, viaGenerator.Length);
        // The generator's current arrives after its delay and acts from the following step: 0.2 ms later.
        for (int i = 0; i < direct.Length; i++) Assert.Equal(direct[i] + 0.2, viaGenerator[i], 9);
    }
}

public sealed class AsciiFilesPerVirtualProcessTests
{
    [Fact]
    public void EachVirtualProcess_WritesTheSpikesOfTheNodesItOwns()
    {
        string dir = Directory.CreateTempSubdirectory("nestsharp-vpfiles").FullName;
        try
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["local_num_threads"] = 2, ["data_path"] = dir });
            var neurons = nest.Create("iaf_psc_alpha", 40, new() { ["I_e"] = 500.0 });
            neurons.Set("V_m", nest.Random.Uniform(-70.0, -55.0));
            var file = nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii", ["label"] = "vp" });
            var memory = nest.Create("spike_recorder");
            nest.Connect(neurons, file);
            nest.Connect(neurons, memory);
            nest.Simulate(100.0);

            var files = (string[])file.Get("filenames");
            Assert.Equal(2, files.Length);
            var vpOf = neurons.Ids.Zip(neurons.GetValues<long>("vp")).ToDictionary(p => (long)p.First, p => p.Second);
            var rows = new List<(long Sender, string Time)>();
            for (int vp = 0; vp < 2; vp++)
            {
                Assert.EndsWith($"-{vp}.dat", files[vp]);
                foreach (string line in File.ReadLines(files[vp]).Skip(3))
                {
                    var fields = line.Split('\t');
                    long sender = long.Parse(fields[0]);
                    Assert.Equal(vp, vpOf[sender]);
                    rows.Add((sender, fields[1]));
                }
            }
            var events = (Dictionary<string, object>)memory.Get("events");
            var expected = ((long[])events["senders"]).Zip(((double[])events["times"]).Select(t => t.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(expected.OrderBy(e => e).ToArray(), rows.OrderBy(e => e).ToArray());
            Assert.Contains(vpOf.Values, v => v == 1);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
