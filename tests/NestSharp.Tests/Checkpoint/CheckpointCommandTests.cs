using NestSharp.Cli;
using NestSharp.Cli.Commands;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// The experiment commands' --checkpoint-every and --resume: a run saved and resumed (onto another number of threads,
/// and on to a later end time) writes the spikes of the uninterrupted run; a resume with other settings or from a
/// damaged file fails naming the reason; --checkpoint-every is checked as a simulated time.
/// </summary>
public sealed class CheckpointCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-commands-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = CommandLineApp.Run(CommandLineApp.CreateRootCommand([BrunelCommand.Create()]), args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The recorded spikes of a Brunel run's files, sorted (the files of all threads together).</summary>
    private static string[] Spikes(string folder) =>
        [.. Directory.GetFiles(folder, "brunel-py-*.dat").SelectMany(File.ReadAllLines).Where(l => !l.StartsWith('#') && !l.StartsWith("sender", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Brunel_SavedAndResumedOnOtherThreadsToALaterEnd_WritesTheUninterruptedSpikes()
    {
        string whole = Path.Combine(_folder, "whole");
        var uninterrupted = Run("brunel", "--order", "50", "--simtime", "200", "--threads", "2", "--out", whole);
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Error);

        string split = Path.Combine(_folder, "split");
        var first = Run("brunel", "--order", "50", "--simtime", "120", "--threads", "1", "--out", split, "--checkpoint-every", "50");
        Assert.True(first.ExitCode == 0, first.Error);
        string checkpoint = Path.Combine(split, "brunel.nscp");
        Assert.Contains("Checkpoint at 50 ms", first.Output);
        Assert.Contains("Checkpoint at 120 ms", first.Output);
        var second = Run("brunel", "--order", "50", "--simtime", "200", "--threads", "2", "--out", split, "--resume", checkpoint);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("Resumed at 120 ms", second.Output);

        var expected = Spikes(whole);
        Assert.True(expected.Length > 100, "the network hardly fired: the test would see little");
        Assert.Equal(expected, Spikes(split));
    }

    [Fact]
    public void Resume_WithOtherSettings_IsRefusedNamingBoth()
    {
        string folder = Path.Combine(_folder, "settings");
        Assert.Equal(0, Run("brunel", "--order", "20", "--simtime", "20", "--threads", "1", "--out", folder, "--checkpoint-every", "10").ExitCode);
        var (exitCode, _, error) = Run("brunel", "--order", "30", "--simtime", "40", "--out", folder, "--resume", Path.Combine(folder, "brunel.nscp"));
        Assert.Equal(CommandLineApp.RunFailed, exitCode);
        Assert.Contains("cannot be restored", error);
        Assert.Contains("\"Order\":20", error);
        Assert.Contains("\"Order\":30", error);
    }

    [Fact]
    public void Resume_FromADamagedFile_FailsNamingIt()
    {
        string path = Path.Combine(_folder, "damaged.nscp");
        File.WriteAllText(path, "not a checkpoint");
        var (exitCode, _, error) = Run("brunel", "--order", "20", "--simtime", "20", "--out", _folder, "--resume", path);
        Assert.Equal(CommandLineApp.RunFailed, exitCode);
        Assert.Contains("damaged.nscp", error);
        Assert.Contains("not a NestSharp checkpoint", error);
    }

    [Fact]
    public void CheckpointEvery_OffTheGrid_IsAUsageError()
    {
        var (exitCode, _, error) = Run("brunel", "--order", "20", "--checkpoint-every", "0.05");
        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Contains("--checkpoint-every must be a positive multiple of 0.1 ms; got 0.05", error);
    }
}
