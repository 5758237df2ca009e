using NestSharp.Tests.Distribution;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// A recorder's file that a run wrote but the saving process cannot read (deleted, or, with several MPI processes
/// without a file system they share, written by another process where rank 0 does not see it) fails the save with a
/// KernelException naming the file: kept as "no file", a restore would start it again and lose its events. The save
/// changes nothing: the earlier checkpoint at the same path stays as it was, no part or temporary file is left, and
/// the simulation goes on. For csv, parquet and ascii, on one process and on two in-process ranks where rank 1 wrote
/// the file.
/// </summary>
public sealed class CheckpointMissingRecordingFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-missing-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var backend in new[] { "csv", "parquet", "ascii" })
            foreach (int ranks in new[] { 1, 2 }) cases.Add(backend, ranks);
        return cases;
    }

    /// <summary>
    /// Saves once, runs on, moves the spike recorder's file of the last virtual process (the last rank writes it) out
    /// of sight, saves again, moves the file back and runs on; returns what the second save threw.
    /// </summary>
    private string? Probe(Func<Simulator> make, string backend, string path)
    {
        var nest = make();
        int rank = Convert.ToInt32(nest.GetKernelStatus()["mpi_rank"]);
        int ranks = Convert.ToInt32(nest.GetKernelStatus()["num_processes"]);
        string data = Path.Combine(_folder, "data");
        CheckpointSingleFileTests.Build(nest, data, backend, threads: 1);
        nest.Simulate(12.3);
        nest.SaveCheckpoint(path);
        nest.Simulate(10.0);
        string extension = backend == "ascii" ? "dat" : backend;
        string written = Path.Combine(data, $"spikes-103-{ranks - 1}.{extension}");
        if (rank == ranks - 1) File.Move(written, written + ".away");
        byte[] before = rank == 0 ? File.ReadAllBytes(path) : [];
        var error = Record.Exception(() => nest.SaveCheckpoint(path));
        if (rank == ranks - 1) File.Move(written + ".away", written);
        nest.Simulate(5.0); // nothing changed: the simulation goes on, appending to the file
        if (rank == 0) Assert.Equal(before, File.ReadAllBytes(path));
        return error is null ? "no error" : $"{error.GetType().Name}: {error.Message}";
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FileARunWroteIsMissing_SaveFailsAndChangesNothing(string backend, int ranks)
    {
        string path = Path.Combine(_folder, "missing.nscp");
        Directory.CreateDirectory(Path.Combine(_folder, "data"));
        var errors = ranks == 1 ? [Probe(() => new Simulator(), backend, path)] : InProcessRanks.Run(ranks, make => Probe(make, backend, path));

        string extension = backend == "ascii" ? "dat" : backend;
        string file = Path.Combine(_folder, "data", $"spikes-103-{ranks - 1}.{extension}");
        Assert.Equal($"KernelException: The recording file '{file}' cannot be kept in the checkpoint: a run wrote it, but it is not there "
            + "(deleted, or written by another MPI process on a file system this one does not see); the checkpoint was not written.", errors[0]);
        for (int rank = 1; rank < ranks; rank++)
            Assert.Equal("IOException: Another MPI process failed writing its part of the checkpoint; the checkpoint was not written.", errors[rank]);
        // the first save's parts only, no temporary file
        Assert.Equal(ranks - 1, Directory.GetFiles(_folder, "missing.nscp.part*").Length);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }
}
