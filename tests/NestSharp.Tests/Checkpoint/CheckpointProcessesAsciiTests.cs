using NestSharp.Tests.Distribution;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// The ascii backend in checkpoints of several MPI processes: each process writes the files of its virtual processes,
/// and the checkpoint (written after every process closed its files) keeps every file's name and length; a restore
/// cuts each file back to that length and continues it. Saved by 2 in-process ranks and restored onto 1, and saved by
/// 1 and restored onto 2, the files hold together the spikes of the uninterrupted single-process run.
/// </summary>
public sealed class CheckpointProcessesAsciiTests : IDisposable
{
    private const int Neurons = 30;
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-processes-ascii-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void Build(Simulator nest, int threads, string dataPath)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 31L, ["local_num_threads"] = threads, ["data_path"] = dataPath, ["overwrite_files"] = true });
        var neurons = nest.Create("iaf_psc_alpha", Neurons, new() { ["I_e"] = 200.0 });
        nest.Connect(nest.Create("poisson_generator", 1, new() { ["rate"] = 20000.0 }), neurons, syn: new Dictionary<string, object> { ["weight"] = 20.0, ["delay"] = 1.0 });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(5), new SynSpec { Weight = 30.0, Delay = 1.5 });
        nest.Connect(neurons, nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii", ["label"] = "ranks" }));
    }

    /// <summary>The data lines of every file the recorder wrote in <paramref name="folder"/>, sorted.</summary>
    private static string[] Spikes(string folder) =>
        [.. Directory.GetFiles(folder, "ranks-*.dat").SelectMany(File.ReadAllLines)
            .Where(line => line.Length > 0 && char.IsDigit(line[0])).Order(StringComparer.Ordinal)];

    private static string? SaveAfterFirstRun(Func<Simulator> make, int threads, string dataPath, string path)
    {
        var nest = make();
        Build(nest, threads, dataPath);
        nest.Simulate(40.3);
        nest.SaveCheckpoint(path);
        nest.Simulate(20.0); // written beyond the checkpoint: a restore must cut it back
        return null;
    }

    private static string? Resume(Func<Simulator> make, int threads, string path)
    {
        var nest = make();
        nest.LoadCheckpoint(path, threads);
        nest.Simulate(35.0);
        return null;
    }

    [Theory]
    [InlineData(2, 1, 1, 1)]
    [InlineData(1, 1, 2, 1)]
    [InlineData(2, 1, 1, 2)]
    public void SavedOnSomeRanks_RestoredOntoOthers_FilesHoldTheUninterruptedSpikes(int ranksBefore, int threadsBefore, int ranksAfter, int threadsAfter)
    {
        string whole = Directory.CreateDirectory(Path.Combine(_folder, "whole")).FullName;
        var nest = new Simulator();
        Build(nest, 1, whole);
        nest.Simulate(40.3);
        nest.Simulate(35.0);
        var expected = Spikes(whole);
        Assert.True(expected.Count(line => double.Parse(line.Split('\t')[1], System.Globalization.CultureInfo.InvariantCulture) > 41.0) > 30,
            "the neurons hardly fired after the split: the test would see little");

        string split = Directory.CreateDirectory(Path.Combine(_folder, "split")).FullName;
        string path = Path.Combine(_folder, "ascii.nscp");
        if (ranksBefore == 1) SaveAfterFirstRun(() => new Simulator(), threadsBefore, split, path);
        else InProcessRanks.Run(ranksBefore, make => SaveAfterFirstRun(make, threadsBefore, split, path));
        if (ranksAfter == 1) Resume(() => new Simulator(), threadsAfter, path);
        else InProcessRanks.Run(ranksAfter, make => Resume(make, threadsAfter, path));

        Assert.Equal(expected, Spikes(split));
    }
}
