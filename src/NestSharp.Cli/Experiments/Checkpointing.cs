using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NestSharp.Cli.Experiments;

/// <summary>
/// How an experiment command saves and resumes its simulation (<c>--checkpoint-every MS</c>, <c>--checkpoint-file
/// FILE</c>, <c>--resume FILE</c>), one implementation for every command: every <see cref="EveryMs"/> of model time the
/// simulator is saved to <see cref="File"/> (written to a temporary name and renamed, so a process killed at any moment
/// leaves the last complete checkpoint); a run given <see cref="ResumeFrom"/> loads that checkpoint instead of building
/// the network and simulates on to the end. Each checkpoint holds a description of the run's settings (all but the
/// threads, the simulated time and the checkpoint options), and a resume with other settings is refused, naming both.
/// After the settings it holds the experiment's own progress, what the experiment keeps outside the simulator (series
/// recorded so far, node ids, weights read before the simulation), as JSON on the lines after the first, so that the
/// resumed run writes the outputs of the uninterrupted one.
/// </summary>
/// <param name="EveryMs">Model time between checkpoints (ms), or null for none.</param>
/// <param name="File">Where checkpoints are written.</param>
/// <param name="ResumeFrom">The checkpoint to resume from, or null to build the network.</param>
public sealed record Checkpointing(double? EveryMs, string File, string? ResumeFrom)
{
    /// <summary>No checkpoints, no resume.</summary>
    public static Checkpointing None { get; } = new(null, "", null);

    // Progress is kept exactly: doubles round-trip, and NaN and infinities are allowed.
    private static readonly JsonSerializerOptions ProgressJson = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// The description of a run of <c>nestsharp <paramref name="command"/></c> with <paramref name="settings"/> (the
    /// experiment's parameters with the threads, the simulated time, progress output and checkpoints set to fixed
    /// values, so that they may differ between the saving and the resuming run).
    /// </summary>
    public static string Describe<TSettings>(string command, TSettings settings) =>
        $"nestsharp {command} {JsonSerializer.Serialize(settings)}";

    /// <summary>Whether the run resumes from a checkpoint.</summary>
    public bool Resumes => ResumeFrom is not null;

    /// <summary>
    /// Replaces <paramref name="nest"/>'s kernel with the checkpoint to resume from, on <paramref name="threads"/>
    /// threads, after checking that it was saved by a run described as <paramref name="description"/>, and says so on
    /// <paramref name="log"/>.
    /// </summary>
    public void Resume(Simulator nest, string description, int threads, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(nest);
        CheckedSettings(description, out _);
        nest.LoadCheckpoint(ResumeFrom!, threads);
        ReportResumed(nest, log);
    }

    /// <summary>
    /// As <see cref="Resume(Simulator, string, int, TextWriter)"/>, and returns the experiment's progress saved with the checkpoint
    /// (the value the saving run's <c>progress</c> gave to <see cref="SimulateSegments{TProgress}"/>); a checkpoint
    /// without it is refused.
    /// </summary>
    public TProgress Resume<TProgress>(Simulator nest, string description, int threads, TextWriter log)
        where TProgress : class
    {
        ArgumentNullException.ThrowIfNull(nest);
        string path = CheckedSettings(description, out string? saved);
        TProgress? progress;
        try
        {
            progress = saved is null ? null : JsonSerializer.Deserialize<TProgress>(saved, ProgressJson);
        }
        catch (JsonException e)
        {
            throw new BadCheckpointException(path, $"the experiment's progress saved with it does not read ({e.Message})");
        }
        if (progress is null) throw new BadCheckpointException(path, "it holds no progress of the experiment");
        nest.LoadCheckpoint(path, threads);
        ReportResumed(nest, log);
        return progress;
    }

    /// <summary>
    /// The experiment's progress: read back from the checkpoint to resume from, as <see cref="Resume{TProgress}"/>
    /// does, or given by <paramref name="build"/>, which builds the network in <paramref name="nest"/>, when the run
    /// does not resume.
    /// </summary>
    public TProgress ResumeOrBuild<TProgress>(Simulator nest, string description, int threads, TextWriter log, Func<TProgress> build)
        where TProgress : class
    {
        ArgumentNullException.ThrowIfNull(build);
        return Resumes ? Resume<TProgress>(nest, description, threads, log) : build();
    }

    private void ReportResumed(Simulator nest, TextWriter log) =>
        log.WriteLine(FormattableString.Invariant($"Resumed at {nest.BiologicalTime:0.###} ms from {ResumeFrom}"));

    /// <summary>
    /// The checkpoint to resume from, after checking that its settings are <paramref name="description"/>; its saved
    /// progress (the description's lines after the first) in <paramref name="progress"/>, null if none.
    /// </summary>
    private string CheckedSettings(string description, out string? progress)
    {
        string path = ResumeFrom ?? throw new InvalidOperationException("No checkpoint to resume from.");
        string saved = Simulator.ReadCheckpointDescription(path);
        int lineEnd = saved.IndexOf('\n', StringComparison.Ordinal);
        string settings = lineEnd < 0 ? saved : saved[..lineEnd];
        if (settings != description)
            throw new BadCheckpointException(path, $"it was saved by a run with other settings ({settings}); this run has {description}");
        progress = lineEnd < 0 ? null : saved[(lineEnd + 1)..];
        return path;
    }

    /// <summary>
    /// Simulates from the simulator's current time to <paramref name="endMs"/>; with <see cref="EveryMs"/>, in runs
    /// that end at its multiples, saving a checkpoint (described as <paramref name="description"/>) after each and at
    /// the end.
    /// </summary>
    public void SimulateUntil(Simulator nest, double endMs, string description, TextWriter log) =>
        SimulateSegments<object>(nest, [endMs], description, log);

    /// <summary>
    /// Simulates an experiment made of segments that end at <paramref name="segmentEndsMs"/> (model times from 0,
    /// increasing), from the simulator's current time (0, or where a resumed checkpoint stopped) to the last end.
    /// <paramref name="beforeSegment"/> is called with a segment's index before its first step (what the experiment
    /// changes for it: rates, spike times), <paramref name="afterSegment"/> after its last (what it reads then); a segment
    /// that a resumed run enters in its middle had its beginning done by the saving run. With <see cref="EveryMs"/>, the
    /// simulation also stops at its multiples and at the end to save a checkpoint, holding <paramref name="progress"/>'s
    /// value at that moment (read back by <see cref="Resume{TProgress}"/>); at a time that ends a segment the checkpoint
    /// follows <paramref name="afterSegment"/>.
    /// </summary>
    public void SimulateSegments<TProgress>(
        Simulator nest,
        IReadOnlyList<double> segmentEndsMs,
        string description,
        TextWriter log,
        Action<int>? beforeSegment = null,
        Action<int>? afterSegment = null,
        Func<TProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(nest);
        ArgumentNullException.ThrowIfNull(segmentEndsMs);
        double h = nest.Resolution;
        long now = (long)Math.Round(nest.BiologicalTime / h);
        long? period = EveryMs is { } every ? (long)Math.Round(every / h) : null;
        long start = 0;
        for (int i = 0; i < segmentEndsMs.Count; i++)
        {
            long end = (long)Math.Round(segmentEndsMs[i] / h);
            if (end <= now)
            {
                start = Math.Max(start, end);
                continue; // done before the checkpoint this run resumed from
            }
            if (now == start) beforeSegment?.Invoke(i);
            while (now < end)
            {
                long next = period is { } p ? Math.Min(end, (now / p + 1) * p) : end;
                nest.Simulate((next - now) * h);
                now = next;
                if (now == end) afterSegment?.Invoke(i);
                bool last = i == segmentEndsMs.Count - 1 && now == end;
                if (period is { } q && (now % q == 0 || last)) Save(nest, description, progress, now * h, log);
            }
            start = end;
        }
    }

    private void Save<TProgress>(Simulator nest, string description, Func<TProgress>? progress, double timeMs, TextWriter log)
    {
        string saved = progress is null ? description : description + "\n" + JsonSerializer.Serialize(progress(), ProgressJson);
        nest.SaveCheckpoint(File, saved);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Checkpoint at {timeMs:0.###} ms: {File}"));
    }
}
