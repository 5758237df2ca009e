using NestSharp.Tests.Distribution;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// The csv and parquet backends (one file per recorder, written by the process running the virtual process the
/// recorder's id falls to) in checkpoints of several MPI processes: rank 0 keeps every recorder's file (name, length,
/// footer) whichever process wrote it, and the process that writes it after the restore gives it back that content and
/// appends. Saved by 2 in-process ranks and restored onto 1 (with 1 or 2 threads), saved by 1 and restored onto 2, with
/// the saving run going on past the checkpoint, the files equal byte for byte those of the uninterrupted
/// single-process run on as many virtual processes as the restored run (so with the same names).
/// </summary>
public sealed class CheckpointProcessesSingleFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-processes-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;

    private static string? SaveAfterFirstRun(Func<Simulator> make, int threads, string dataPath, string backend, string path)
    {
        var nest = make();
        CheckpointSingleFileTests.Build(nest, dataPath, backend, threads);
        nest.Simulate(43.7);
        nest.SaveCheckpoint(path);
        nest.Simulate(20.0); // written beyond the checkpoint: a restore must give the files back their content then
        return null;
    }

    /// <summary>Restores, runs on and returns the files the recorders name (on rank 0).</summary>
    private static string? Resume(Func<Simulator> make, int threads, string path)
    {
        var nest = make();
        nest.LoadCheckpoint(path, threads);
        nest.Simulate(56.3);
        return string.Join("\n", new[] { 103, 104 }.Select(id => ((string[])nest.Nodes(id).Get("filenames")).Single()));
    }

    public static TheoryData<string, int, int, int, int> Cases()
    {
        var cases = new TheoryData<string, int, int, int, int>();
        foreach (var backend in new[] { "csv", "parquet" })
        {
            cases.Add(backend, 2, 1, 1, 1);
            cases.Add(backend, 1, 1, 2, 1);
            cases.Add(backend, 2, 1, 1, 2);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SavedOnSomeRanks_RestoredOntoOthers_FilesEqualTheUninterruptedRun(string backend, int ranksBefore, int threadsBefore, int ranksAfter, int threadsAfter)
    {
        string whole = Folder("whole");
        var nest = new Simulator();
        CheckpointSingleFileTests.Build(nest, whole, backend, ranksAfter * threadsAfter);
        nest.Simulate(43.7);
        nest.Simulate(56.3);

        string split = Folder("split");
        string path = Path.Combine(_folder, "files.nscp");
        if (ranksBefore == 1) SaveAfterFirstRun(() => new Simulator(), threadsBefore, split, backend, path);
        else InProcessRanks.Run(ranksBefore, make => SaveAfterFirstRun(make, threadsBefore, split, backend, path));
        string named = ranksAfter == 1 ? Resume(() => new Simulator(), threadsAfter, path)!
            : InProcessRanks.Run(ranksAfter, make => Resume(make, threadsAfter, path))[0]!;

        var expected = Directory.GetFiles(whole).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, expected.Length);
        Assert.Equal(expected.Select(name => Path.Combine(split, name!)).Order(StringComparer.Ordinal), named.Split('\n').Order(StringComparer.Ordinal));
        foreach (var name in expected)
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole, name!)), File.ReadAllBytes(Path.Combine(split, name!)));
        Assert.True(new FileInfo(Path.Combine(whole, expected[1]!)).Length > 2000, "too few spikes: the test would see little of the file");
        // the spike recorder falls to virtual process 1 of 2: with 2 ranks of 1 thread rank 1 writes its file
        Assert.Contains(ranksBefore * threadsBefore == 2 ? "spikes-103-1." : "spikes-103-0.", string.Join(" ", Directory.GetFiles(split)));
    }
}
