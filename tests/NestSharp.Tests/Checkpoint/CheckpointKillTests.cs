using System.Diagnostics;
using NestSharp.Cli.Commands;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// <c>nestsharp ignore-and-fire --checkpoint-every</c> killed with SIGKILL at random moments (shortly after one of its
/// checkpoints), several times, and resumed each time from its last checkpoint writes the same final
/// weights, weight distribution and spike files as an uninterrupted run, byte for byte.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CheckpointKillTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-kill-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly string[] Network = ["ignore-and-fire", "--N", "400", "--K", "100", "--T", "20000", "--threads", "2"];

    private static ProcessStartInfo Command(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(IgnoreAndFireCommand).Assembly.Location);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    private static void RunToEnd(IEnumerable<string> arguments)
    {
        using var process = Process.Start(Command(arguments))!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "the run did not finish within 5 minutes");
        Assert.True(process.ExitCode == 0, output);
    }

    /// <summary>Waits until the checkpoint file is newer than <paramref name="before"/>, the run ended, or two minutes passed.</summary>
    private static void WaitForNewCheckpoint(Process process, string checkpoint, DateTime before)
    {
        var waited = Stopwatch.StartNew();
        while (!process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2)
               && !(File.Exists(checkpoint) && File.GetLastWriteTimeUtc(checkpoint) > before))
        {
            Thread.Sleep(10);
        }
    }

    [Fact]
    public void KilledAndResumedRuns_WriteWhatTheUninterruptedRunWrites()
    {
        string whole = Path.Combine(_folder, "whole");
        RunToEnd([.. Network, "--out", whole]);

        string split = Path.Combine(_folder, "split");
        string checkpoint = Path.Combine(_folder, "run.nscp");
        string[] checkpoints = ["--out", split, "--checkpoint-every", "1000", "--checkpoint-file", checkpoint];
        var random = new System.Random(20261201);
        int kills = 0, resumes = 0;
        for (int attempt = 0; attempt < 4; attempt++)
        {
            bool resume = File.Exists(checkpoint);
            if (resume) resumes++;
            using var process = Process.Start(Command([.. Network, .. checkpoints, .. resume ? ["--resume", checkpoint] : Array.Empty<string>()]))!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            // Killed at a random moment shortly after the run wrote a new checkpoint, so that the kill falls inside
            // the simulation whatever the machine's speed (a fixed delay killed before the first checkpoint on a
            // loaded machine, after the end on a quiet one).
            WaitForNewCheckpoint(process, checkpoint, File.Exists(checkpoint) ? File.GetLastWriteTimeUtc(checkpoint) : DateTime.MinValue);
            if (!process.WaitForExit(TimeSpan.FromMilliseconds(300 * random.NextDouble())))
            {
                process.Kill(); // SIGKILL on Linux
                process.WaitForExit();
                kills++;
            }
        }
        resumes += File.Exists(checkpoint) ? 1 : 0;
        RunToEnd([.. Network, .. checkpoints, .. File.Exists(checkpoint) ? ["--resume", checkpoint] : Array.Empty<string>()]);
        Assert.True(kills >= 2, $"only {kills} of the runs were killed: the test did not interrupt the simulation");
        Assert.True(resumes >= 2, $"only {resumes} runs resumed from a checkpoint");

        string expected = Path.Combine(whole, "ignore_and_fire"), actual = Path.Combine(split, "ignore_and_fire");
        var compared = Directory.GetFiles(expected, "*.dat").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("connectivity_postsim.dat", compared);
        Assert.Contains("weight_distribution.dat", compared);
        Assert.Contains(compared, name => name!.StartsWith("spikes-", StringComparison.Ordinal));
        Assert.Equal(compared, Directory.GetFiles(actual, "*.dat").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        foreach (var name in compared)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, name!))), $"{name} differs");
    }
}
