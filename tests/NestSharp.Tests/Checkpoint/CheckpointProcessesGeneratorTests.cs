using NestSharp.Tests.Distribution;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// Generators whose state is per connection (noise_generator's amplitudes, gamma_sup_generator's phase occupations,
/// ppd_sup_generator's age distributions) in checkpoints of several MPI processes: each process keeps that state for the
/// targets it holds and saves it in its part; a restore gathers every part's. Saved by 2 in-process ranks and restored
/// onto 1, saved by 1 and restored onto 2 (and 2 onto 2 with other threads), the spikes equal the uninterrupted
/// single-process run's bit for bit.
/// </summary>
public sealed class CheckpointProcessesGeneratorTests : IDisposable
{
    private const int Neurons = 24;
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-processes-generators-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Neurons below threshold driven by the three generators, their spikes recorded; ids 1..Neurons are the neurons, the recorder is last.</summary>
    private static void Build(Simulator nest, int threads)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 23L, ["local_num_threads"] = threads });
        var neurons = nest.Create("iaf_psc_alpha", Neurons, new() { ["I_e"] = 250.0 });
        var noise = nest.Create("noise_generator", 1, new() { ["mean"] = 0.0, ["std"] = 150.0, ["dt"] = 0.5 });
        var gamma = nest.Create("gamma_sup_generator", 1, new() { ["rate"] = 300.0, ["gamma_shape"] = 5L, ["n_proc"] = 10L });
        var ppd = nest.Create("ppd_sup_generator", 1, new() { ["rate"] = 200.0, ["dead_time"] = 4.0, ["n_proc"] = 8L });
        nest.Connect(noise, neurons);
        nest.Connect(gamma, neurons, syn: new Dictionary<string, object> { ["weight"] = 30.0, ["delay"] = 1.0 });
        nest.Connect(ppd, neurons, syn: new Dictionary<string, object> { ["weight"] = 25.0, ["delay"] = 1.5 });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neurons, recorder);
    }

    private static string Spikes(Simulator nest)
    {
        var events = (Dictionary<string, object>)nest.Nodes(Neurons + 4).Get("events");
        return string.Join(";", ((long[])events["senders"]).Zip((double[])events["times"])
            .Select(x => $"{x.First}@{x.Second:R}").Order(StringComparer.Ordinal));
    }

    private static string? SaveAfterFirstRun(Func<Simulator> make, int threads, string path)
    {
        var nest = make();
        Build(nest, threads);
        nest.Simulate(40.3);
        nest.SaveCheckpoint(path);
        return null;
    }

    private static string? ResumeAndRecord(Func<Simulator> make, int threads, string path)
    {
        var nest = make();
        nest.LoadCheckpoint(path, threads);
        nest.Simulate(35.0);
        return Spikes(nest);
    }

    [Theory]
    [InlineData(2, 1, 1, 1)]
    [InlineData(1, 1, 2, 1)]
    [InlineData(2, 1, 2, 2)]
    public void SavedOnSomeRanks_RestoredOntoOthers_BitForBit(int ranksBefore, int threadsBefore, int ranksAfter, int threadsAfter)
    {
        var whole = new Simulator();
        Build(whole, 1);
        whole.Simulate(40.3);
        whole.Simulate(35.0);
        string expected = Spikes(whole);
        Assert.True(expected.Split(';').Count(s => double.Parse(s.Split('@')[1], System.Globalization.CultureInfo.InvariantCulture) > 41.0) > 30,
            "the neurons hardly fired after the split: the test would see little");

        string path = Path.Combine(_folder, "generators.nscp");
        if (ranksBefore == 1) SaveAfterFirstRun(() => new Simulator(), threadsBefore, path);
        else InProcessRanks.Run(ranksBefore, make => SaveAfterFirstRun(make, threadsBefore, path));
        Assert.Equal(ranksBefore - 1, Directory.GetFiles(_folder, "generators.nscp.part*").Length);

        string resumed = ranksAfter == 1 ? ResumeAndRecord(() => new Simulator(), threadsAfter, path)!
            : InProcessRanks.Run(ranksAfter, make => ResumeAndRecord(make, threadsAfter, path))[0]!;
        Assert.Equal(expected, resumed);
    }
}
