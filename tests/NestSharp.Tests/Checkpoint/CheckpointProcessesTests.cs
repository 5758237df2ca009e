using NestSharp.Kernel.Communication;
using NestSharp.MpiProbe;
using NestSharp.Tests.Distribution;
using NestSharp.Tests.Mpi;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// A checkpoint saved by several processes restores onto one, and one saved by one process restores onto several,
/// continuing bit for bit as the uninterrupted run: the probe network of the MPI tests (<see cref="DistributedProbe"/>:
/// Poisson-driven Brunel network, STDP onto some neurons with a weight recorder, a multimeter, a spike recorder) runs
/// 150 ms, is saved, restored and runs 50 ms more; every spike, sample, weight event, final V_m and connection must
/// equal the uninterrupted single-process run's. The processes are ranks in this process (<see cref="InProcessWorld"/>)
/// and, where OpenMPI is installed, real processes under mpirun (reported Skipped without it, a failure on CI).
/// </summary>
public sealed class CheckpointProcessesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-processes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Runs <paramref name="probe"/> on <paramref name="ranks"/> in-process ranks; returns rank 0's result.</summary>
    private static string? RunOnRanks(int ranks, Func<Func<Simulator>, string?> probe) => InProcessRanks.Run(ranks, probe)[0];

    /// <summary>The record of the uninterrupted run and of the resumed one are equal but for the number of processes.</summary>
    private static void AssertSameRecord(string uninterrupted, string resumed)
    {
        string[] one = uninterrupted.Split('\n'), other = resumed.Split('\n');
        Assert.Equal(one[0].Split(' ')[2..], other[0].Split(' ')[2..]);
        Assert.True(one.Count(l => l.StartsWith("spike ", StringComparison.Ordinal)) > 500, "the probe network must be active");
        Assert.True(one.Any(l => l.StartsWith("weight ", StringComparison.Ordinal)), "the probe network must record weight events");
        Assert.Equal(one.Length, other.Length);
        for (int i = 1; i < one.Length; i++)
            Assert.True(one[i] == other[i], $"line {i} differs: uninterrupted \"{one[i]}\", resumed \"{other[i]}\"");
    }

    [Theory]
    [InlineData(2, 1, 1, 1)]
    [InlineData(2, 1, 1, 2)]
    [InlineData(1, 1, 2, 1)]
    [InlineData(1, 2, 2, 1)]
    [InlineData(2, 2, 3, 1)]
    public void InProcessRanks_SavedOnSome_RestoreOntoOthers_BitForBit(int ranksBefore, int threadsBefore, int ranksAfter, int threadsAfter)
    {
        string path = Path.Combine(_folder, "probe.ckpt");
        string uninterrupted = DistributedProbe.Run(threads: 1)!;
        if (ranksBefore == 1) DistributedProbe.SaveAfterFirstRun(threadsBefore, path);
        else RunOnRanks(ranksBefore, make => DistributedProbe.SaveAfterFirstRun(threadsBefore, path, make));
        Assert.Equal(ranksBefore - 1, Directory.GetFiles(_folder, "probe.ckpt.part*").Length);

        string resumed = ranksAfter == 1 ? DistributedProbe.ResumeAndRecord(threadsAfter, path)!
            : RunOnRanks(ranksAfter, make => DistributedProbe.ResumeAndRecord(threadsAfter, path, make))!;
        Assert.StartsWith($"processes {ranksAfter} ", resumed);
        AssertSameRecord(uninterrupted, resumed);
    }

    [Fact]
    public void InProcessRanks_SavingAgain_ReplacesTheParts_AndAMissingPartIsABadCheckpoint()
    {
        string path = Path.Combine(_folder, "probe.ckpt");
        RunOnRanks(2, make => DistributedProbe.SaveAfterFirstRun(1, path, make));
        string first = Assert.Single(Directory.GetFiles(_folder, "probe.ckpt.part*"));
        RunOnRanks(2, make => DistributedProbe.SaveAfterFirstRun(1, path, make));
        string second = Assert.Single(Directory.GetFiles(_folder, "probe.ckpt.part*"));
        Assert.NotEqual(first, second);

        File.Move(second, first);
        var nest = new Simulator();
        var before = nest.Create("iaf_psc_alpha", 3);
        var error = Assert.Throws<BadCheckpointException>(() => nest.LoadCheckpoint(path));
        Assert.Contains("part1of2", error.Message);
        Assert.Equal(3, nest.NetworkSize);
        before.Set("V_m", -60.0);
    }

    /// <summary>A network with a spike_dilutor (which Simulate runs in one process only) on several ranks.</summary>
    private static Simulator DilutorNetwork(Simulator nest)
    {
        var neurons = nest.Create("iaf_psc_alpha", 4);
        var dilutor = nest.Create("spike_dilutor", 1, new() { ["p_copy"] = 0.5 });
        nest.Connect(neurons[..2], dilutor);
        nest.Connect(dilutor, neurons[2..]);
        return nest;
    }

    [Fact]
    public void InProcessRanks_SpikeDilutor_IsRefusedWithTheReason_OnSaveAndOnRestore()
    {
        string path = Path.Combine(_folder, "refused.ckpt");
        var messages = new string[2];
        RunOnRanks(2, make =>
        {
            var nest = DilutorNetwork(make());
            Assert.Contains("one process only", Assert.Throws<KernelException>(() => nest.Simulate(5.0)).Message);
            messages[nest.Rank] = Assert.Throws<NestNotImplementedException>(() => nest.SaveCheckpoint(path)).Message;
            return null;
        });
        Assert.All(messages, m => Assert.Contains("Checkpoints of spike_dilutor nodes with several MPI processes (NestSharp simulates a spike_dilutor in one process only", m));
        Assert.Empty(Directory.GetFiles(_folder));

        var single = DilutorNetwork(new Simulator());
        single.Simulate(5.0);
        single.SaveCheckpoint(path);
        RunOnRanks(2, make =>
        {
            var nest = make();
            var message = Assert.Throws<BadCheckpointException>(() => nest.LoadCheckpoint(path)).Message;
            Assert.Contains("Restoring spike_dilutor nodes with several MPI processes (NestSharp simulates a spike_dilutor in one process only", message);
            return null;
        });
    }

    private const string Mpirun = "mpirun";
    private const string OpenMpi = "openmpi-bin";

    /// <summary>Runs the probe under mpirun on <paramref name="processes"/> processes; returns what rank 0 wrote (or null).</summary>
    private string? RunUnderMpirun(int processes, params string[] options)
    {
        string output = Path.Combine(_folder, $"record-{Guid.NewGuid():N}.txt");
        MpirunProbe.Run(ExternalTool.PathOf(Mpirun), processes, 1, output, options);
        return File.Exists(output) ? File.ReadAllText(output) : null;
    }

    [RequiresToolFact(Mpirun, OpenMpi, requiredOnCi: true)]
    [Trait("Category", "Slow")]
    public void UnderMpirun_TwoProcessesOntoOne_AndOneOntoTwo_BitForBit()
    {
        string uninterrupted = DistributedProbe.Run(threads: 1)!;

        string fromTwo = Path.Combine(_folder, "two.ckpt");
        RunUnderMpirun(2, "--save-checkpoint", fromTwo);
        Assert.Single(Directory.GetFiles(_folder, "two.ckpt.part1of2.*"));
        string resumedOnOne = DistributedProbe.ResumeAndRecord(threads: 1, fromTwo)!;
        Assert.StartsWith("processes 1 ", resumedOnOne);
        AssertSameRecord(uninterrupted, resumedOnOne);

        string fromOne = Path.Combine(_folder, "one.ckpt");
        DistributedProbe.SaveAfterFirstRun(threads: 1, fromOne);
        string resumedOnTwo = RunUnderMpirun(2, "--resume-checkpoint", fromOne)!;
        Assert.StartsWith("processes 2 ", resumedOnTwo);
        AssertSameRecord(uninterrupted, resumedOnTwo);
    }
}
