using NestSharp.Cli;
using NestSharp.Cli.Commands;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// --checkpoint-every and --resume of every experiment command besides brunel and ignore-and-fire (those are in
/// <see cref="CheckpointCommandTests"/>), at small sizes: a run that saves checkpoints writes what a run without them
/// writes; a copy of one of its checkpoints taken in the middle (inside a segment of the experiment where it may stop
/// there: an input profile, a pattern presentation, the measured period, a pairing protocol after the first) is
/// resumed in a new run on another number of threads, which writes the same files (series, weights, spikes, curves)
/// and the same summary numbers as the uninterrupted run.
/// </summary>
public sealed class CheckpointEveryCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-every-command-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    [Trait("Category", "Slow")]
    public void StructuralPlasticity_ResumedAfterARecording_WritesTheUninterruptedSeries() =>
        AssertResumedRunEqualsUninterrupted("structural-plasticity", ["--simtime", "3000"], "structural-plasticity.nscp", every: "1000", captureAt: "1000");

    [Fact]
    public void Clopath_ResumedInsideAnInputProfile_WritesTheUninterruptedWeights() =>
        AssertResumedRunEqualsUninterrupted("clopath", ["--simtime", "400"], "clopath.nscp", every: "150", captureAt: "150");

    [Fact]
    public void Urbanczik_ResumedInsideAPatternPresentation_WritesTheUninterruptedRecording() =>
        AssertResumedRunEqualsUninterrupted("urbanczik", ["--repetitions", "2"], "urbanczik.nscp", every: "250", captureAt: "500");

    [Fact]
    public void HpcBenchmark_ResumedInsideTheMeasuredPeriod_WritesTheUninterruptedSpikes() =>
        AssertResumedRunEqualsUninterrupted(
            "hpc-benchmark", ["--scale", "0.01", "--presimtime", "20", "--simtime", "40"], "hpc-benchmark.nscp", every: "15", captureAt: "45");

    [Fact]
    public void Brette2007_Resumed_WritesTheUninterruptedSpikes() =>
        AssertResumedRunEqualsUninterrupted("brette-2007", ["--network", "coba", "--simtime", "80"], "brette-2007.nscp", every: "30", captureAt: "30");

    [Fact]
    public void StructuralPlasticity_CheckpointsOffTheRecordingGrid_AreAUsageError()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = CommandLineApp.Run(
            CommandLineApp.CreateRootCommand([StructuralPlasticityCommand.Create()]), ["structural-plasticity", "--checkpoint-every", "700"], output, error);
        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Contains("--checkpoint-every must be a positive multiple of 1000 ms; got 700", error.ToString());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Microcircuit_ResumedInsideThePresimulation_WritesTheUninterruptedStatistics() =>
        AssertResumedRunEqualsUninterrupted(
            "microcircuit", ["--scale-n", "0.02", "--scale-k", "0.02", "--presimtime", "40", "--simtime", "60"], "microcircuit.nscp", every: "25", captureAt: "25");

    [Fact]
    public void ClopathPairing_ResumedInsideTheThirdProtocol_WritesTheUninterruptedCurves() =>
        AssertResumedRunEqualsUninterrupted(
            "clopath-pairing", ["--frequencies", "10,40"], "clopath-pairing.nscp", every: "100", captureAt: "100", occurrence: 3, threads: false);

    /// <summary>
    /// Runs <paramref name="command"/> with <paramref name="settings"/> three times: without checkpoints; with a
    /// checkpoint every <paramref name="every"/> ms, copying the checkpoint written at <paramref name="captureAt"/> ms (the
    /// <paramref name="occurrence"/>-th such one); and resumed from that copy (on 2 threads where the saving run had 1).
    /// All three must write the same files and summary numbers.
    /// </summary>
    private void AssertResumedRunEqualsUninterrupted(
        string command, string[] settings, string checkpointName, string every, string captureAt, int occurrence = 1, bool threads = true)
    {
        string[] oneThread = threads ? ["--threads", "1"] : [];
        string[] twoThreads = threads ? ["--threads", "2"] : [];
        string whole = Path.Combine(_folder, "whole");
        var uninterrupted = Run(TextWriterFor(null), [command, .. settings, .. oneThread, "--out", whole]);

        string saving = Path.Combine(_folder, "saving");
        string copy = Path.Combine(_folder, "middle.nscp");
        var capture = TextWriterFor(new Capture(Path.Combine(saving, checkpointName), $"Checkpoint at {captureAt} ms:", occurrence, copy));
        var saved = Run(capture, [command, .. settings, .. oneThread, "--out", saving, "--checkpoint-every", every]);
        Assert.True(File.Exists(copy), $"no checkpoint at {captureAt} ms was written:\n{saved}");
        var savedFiles = Outputs(saving);

        var resumed = Run(TextWriterFor(null), [command, .. settings, .. twoThreads, "--out", saving, "--resume", copy]);
        Assert.Contains("Resumed", resumed);

        var expectedFiles = Outputs(whole);
        Assert.NotEmpty(expectedFiles);
        Assert.Equal(expectedFiles, savedFiles);
        Assert.Equal(expectedFiles, Outputs(saving));
        var expectedSummary = SummaryNumbers(uninterrupted);
        Assert.NotEmpty(expectedSummary);
        Assert.Equal(expectedSummary, SummaryNumbers(saved));
        Assert.Equal(expectedSummary, SummaryNumbers(resumed));
    }

    private static string Run(StringWriter output, string[] args)
    {
        var error = new StringWriter();
        var root = CommandLineApp.CreateRootCommand(
        [
            StructuralPlasticityCommand.Create(), ClopathCommand.Create(), ClopathPairingCommand.Create(), UrbanczikCommand.Create(),
            HpcBenchmarkCommand.Create(), MicrocircuitCommand.Create(), Brette2007Command.Create(),
        ]);
        int exitCode = CommandLineApp.Run(root, args, output, error);
        Assert.True(exitCode == 0, $"nestsharp {string.Join(' ', args)} failed: {error}");
        return output.ToString();
    }

    private static StringWriter TextWriterFor(Capture? capture) => capture is null ? new StringWriter() : new CapturingWriter(capture);

    /// <summary>
    /// The data files a run wrote, by name: CSV files whole, the spike files (.dat, one per thread) as their sorted
    /// data lines together; the HPC benchmark's log (wall-clock times and memory) and the figures are left out.
    /// </summary>
    private static SortedDictionary<string, string> Outputs(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string csv in Directory.GetFiles(folder, "*.csv")) files[Path.GetFileName(csv)] = File.ReadAllText(csv);
        string[] spikes = [.. Directory.GetFiles(folder, "*.dat")
            .Where(path => Path.GetFileName(path) != "log_0.dat")
            .SelectMany(File.ReadAllLines)
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !char.IsLetter(line[0]))
            .Order(StringComparer.Ordinal)];
        if (spikes.Length > 0) files["spikes"] = string.Join('\n', spikes);
        return files;
    }

    /// <summary>The rows of a run's summary table, without those measuring the run itself (times, memory, threads).</summary>
    private static string[] SummaryNumbers(string output)
    {
        string[] measured = ["time", "Time", "memory", "Memory", "Bytes per", "Real-time", "Threads", "GetConnections"];
        return [.. output.Split('\n')
            .Where(line => line.TrimStart().StartsWith('|') && !measured.Any(line.Contains))
            .Select(line => line.Trim())];
    }

    /// <summary>Which checkpoint to copy: the <paramref name="Occurrence"/>-th log line starting with <paramref name="Line"/>.</summary>
    private sealed record Capture(string CheckpointFile, string Line, int Occurrence, string CopyTo);

    /// <summary>An output that copies the checkpoint file when the run logs the line of the checkpoint wanted.</summary>
    private sealed class CapturingWriter(Capture capture) : StringWriter
    {
        private int _seen;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value is not null && value.StartsWith(capture.Line, StringComparison.Ordinal) && ++_seen == capture.Occurrence)
                File.Copy(capture.CheckpointFile, capture.CopyTo, overwrite: true);
        }
    }
}
