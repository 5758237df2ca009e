using System.Globalization;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// Recorders writing ASCII files continue them across a checkpoint: a run that went on after the checkpoint (and was
/// then lost) is cut back, so the restored run's files equal the uninterrupted run's byte for byte on the same
/// threads, and hold the same events when restored onto another number of threads.
/// </summary>
public sealed class CheckpointAsciiTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-ascii-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void Build(Simulator nest, string dataPath, int threads)
    {
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["data_path"] = dataPath, ["overwrite_files"] = true });
        CheckpointSplitRunTests.BuildBrunel(nest, "iaf_psc_alpha");
        var recorder = nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii", ["label"] = "spikes" });
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" }, ["record_to"] = "ascii", ["interval"] = 0.5 });
        nest.Connect(nest.Nodes(Enumerable.Range(1, 100).ToArray()), recorder);
        nest.Connect(meter, nest.Nodes(Enumerable.Range(1, 5).ToArray()));
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;

    /// <summary>The files' contents by name, the lines after the header sorted (events of all files of a recorder together).</summary>
    private static SortedDictionary<string, string> Events(string folder)
    {
        var events = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(folder, "*.dat"))
        {
            string recorder = string.Join('-', Path.GetFileNameWithoutExtension(path).Split('-')[..^1]);
            var lines = File.ReadAllLines(path).Where(l => !l.StartsWith('#') && !l.StartsWith("sender", StringComparison.Ordinal));
            events[recorder] = string.Join('\n', (events.TryGetValue(recorder, out var earlier) ? earlier.Split('\n') : [])
                .Concat(lines).Where(l => l.Length > 0).Order(StringComparer.Ordinal));
        }
        return events;
    }

    private void SplitRun(string folder, int before, int after)
    {
        var first = new Simulator();
        Build(first, folder, before);
        first.Simulate(43.7);
        string checkpoint = Path.Combine(_folder, $"ascii-{before}-{after}.nscp");
        first.SaveCheckpoint(checkpoint);
        first.Simulate(20.0); // the run went on, and what it wrote after the checkpoint is lost with it
        var second = new Simulator();
        second.LoadCheckpoint(checkpoint, after);
        second.SaveCheckpoint(checkpoint); // saved again before it ran: the files' lengths stay those of the first save
        var third = new Simulator();
        third.LoadCheckpoint(checkpoint, after);
        third.Simulate(56.3);
    }

    [Fact]
    public void SameThreads_FilesEqualTheUninterruptedRunByteForByte()
    {
        foreach (int threads in new[] { 1, 2 })
        {
            string whole = Folder($"whole-{threads}");
            var nest = new Simulator();
            Build(nest, whole, threads);
            nest.Simulate(43.7);
            nest.Simulate(56.3);
            string split = Folder($"split-{threads}");
            SplitRun(split, threads, threads);

            var expected = Directory.GetFiles(whole).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, Directory.GetFiles(split).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
            Assert.Contains(expected, name => name!.StartsWith("spikes-", StringComparison.Ordinal));
            foreach (var name in expected)
                Assert.Equal(File.ReadAllBytes(Path.Combine(whole, name!)), File.ReadAllBytes(Path.Combine(split, name!)));
            var spikes = File.ReadAllLines(Directory.GetFiles(whole, "spikes-*")[0]);
            Assert.Contains(spikes, l => l.Split('\t') is [_, var t] && double.TryParse(t, CultureInfo.InvariantCulture, out var ms) && ms > 43.7);
        }
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    public void OtherThreads_FilesHoldTheSameEvents(int before, int after)
    {
        string whole = Folder($"whole-{before}-{after}");
        var nest = new Simulator();
        Build(nest, whole, after);
        nest.Simulate(43.7);
        nest.Simulate(56.3);
        string split = Folder($"split-{before}-{after}");
        SplitRun(split, before, after);
        Assert.Equal(Events(whole), Events(split));

        // the restored recorder lists every file that holds its events
        var restored = new Simulator();
        restored.LoadCheckpoint(Path.Combine(_folder, $"ascii-{before}-{after}.nscp"), after);
        var names = (string[])restored.Nodes(103).Get("filenames");
        Assert.Equal(Math.Max(before, after), names.Length);
    }
}
