namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// Recorders writing one file each (record_to "csv" and "parquet") continue it across a checkpoint: a run that went on
/// after the checkpoint (and was then lost) is undone, so the restored run's file equals the uninterrupted run's byte
/// for byte, on the same threads and, since the file holds every event whatever the threads, also restored onto
/// another number of threads (the file's name follows the virtual process; the new one starts as a copy, and the old
/// one keeps what it held at the checkpoint).
/// </summary>
public sealed class CheckpointSingleFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The Brunel network of the split-run tests with a spike recorder (id 103) and a multimeter (id 104) writing to <paramref name="backend"/>.</summary>
    internal static void Build(Simulator nest, string dataPath, string backend, int threads)
    {
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["data_path"] = dataPath, ["overwrite_files"] = true });
        CheckpointSplitRunTests.BuildBrunel(nest, "iaf_psc_alpha");
        var recorder = nest.Create("spike_recorder", 1, new() { ["record_to"] = backend, ["label"] = "spikes" });
        var meter = nest.Create("multimeter", 1, new()
        {
            ["record_from"] = new[] { "V_m", "I_syn_ex" }, ["record_to"] = backend, ["interval"] = 0.5, ["label"] = "meter",
        });
        nest.Connect(nest.Nodes(Enumerable.Range(1, 100).ToArray()), recorder);
        nest.Connect(meter, nest.Nodes(Enumerable.Range(1, 5).ToArray()));
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;

    public static TheoryData<string, int, int> Cases()
    {
        var cases = new TheoryData<string, int, int>();
        foreach (var backend in new[] { "csv", "parquet" })
            foreach (var (before, after) in new[] { (1, 1), (2, 2), (1, 2), (2, 1) }) cases.Add(backend, before, after);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SplitRun_FilesEqualTheUninterruptedRunByteForByte(string backend, int before, int after)
    {
        string whole = Folder("whole");
        var nest = new Simulator();
        Build(nest, whole, backend, after);
        nest.Simulate(43.7);
        nest.Simulate(56.3);

        string split = Folder("split");
        var first = new Simulator();
        Build(first, split, backend, before);
        first.Simulate(43.7);
        string checkpoint = Path.Combine(_folder, "files.nscp");
        first.SaveCheckpoint(checkpoint);
        first.Simulate(20.0); // the run went on, and what it wrote after the checkpoint is lost with it
        var second = new Simulator();
        second.LoadCheckpoint(checkpoint, after);
        second.SaveCheckpoint(checkpoint); // saved again before it ran: the files are kept as they were at the first save
        var third = new Simulator();
        third.LoadCheckpoint(checkpoint, after);
        third.Simulate(56.3);

        var expected = Directory.GetFiles(whole).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, expected.Length);
        foreach (var name in expected)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole, name!)), File.ReadAllBytes(Path.Combine(split, name!)));
            Assert.Equal([Path.Combine(split, name!)], (string[])third.Nodes(name!.StartsWith("spikes", StringComparison.Ordinal) ? 103 : 104).Get("filenames"));
        }
        if (before == after)
        {
            Assert.Equal(expected, Directory.GetFiles(split).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        }
        else
        {
            // the file under the earlier layout's name holds what it held at the checkpoint: the start of the new one
            // (all but a parquet file's footer), not what the run that went on wrote
            string earlier = Directory.GetFiles(split, "spikes-*").Single(p => Path.GetFileName(p) != expected[1]);
            byte[] old = File.ReadAllBytes(earlier), continued = File.ReadAllBytes(Path.Combine(split, expected[1]!));
            int footer = backend == "parquet" ? BitConverter.ToInt32(old, old.Length - 8) + 8 : 0;
            Assert.True(old.Length < continued.Length);
            Assert.Equal(continued.AsSpan(0, old.Length - footer).ToArray(), old.AsSpan(0, old.Length - footer).ToArray());
            if (backend == "csv")
            {
                var times = File.ReadAllLines(earlier).Skip(1).Select(l => double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
                Assert.All(times, t => Assert.True(t <= 43.7, $"{t} ms is after the checkpoint"));
            }
        }
        Assert.True(new FileInfo(Path.Combine(whole, expected[1]!)).Length > 2000, "too few spikes: the test would see little of the file");
    }
}
