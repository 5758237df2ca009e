using System.Globalization;

namespace NestSharp.Cli.Experiments;

/// <summary>
/// How an experiment command saves and resumes its simulation (<c>--checkpoint-every MS</c>, <c>--checkpoint-file
/// FILE</c>, <c>--resume FILE</c>): every <see cref="EveryMs"/> of model time the simulator is saved to
/// <see cref="File"/> (written to a temporary name and renamed, so a process killed at any moment leaves the last
/// complete checkpoint); a run given <see cref="ResumeFrom"/> loads that checkpoint instead of building the network
/// and simulates on to the end. Each checkpoint holds a description of the run's settings (all but the threads, the
/// simulated time and the checkpoint options), and a resume with other settings is refused, naming both.
/// </summary>
/// <param name="EveryMs">Model time between checkpoints (ms), or null for none.</param>
/// <param name="File">Where checkpoints are written.</param>
/// <param name="ResumeFrom">The checkpoint to resume from, or null to build the network.</param>
public sealed record Checkpointing(double? EveryMs, string File, string? ResumeFrom)
{
    /// <summary>No checkpoints, no resume.</summary>
    public static Checkpointing None { get; } = new(null, "", null);

    /// <summary>
    /// The description of a run of <c>nestsharp <paramref name="command"/></c> with <paramref name="settings"/> (the
    /// experiment's parameters with the threads, the simulated time, progress output and checkpoints set to fixed
    /// values, so that they may differ between the saving and the resuming run).
    /// </summary>
    public static string Describe<TSettings>(string command, TSettings settings) =>
        $"nestsharp {command} {System.Text.Json.JsonSerializer.Serialize(settings)}";

    /// <summary>Whether the run resumes from a checkpoint.</summary>
    public bool Resumes => ResumeFrom is not null;

    /// <summary>
    /// Replaces <paramref name="nest"/>'s kernel with the checkpoint to resume from, on <paramref name="threads"/>
    /// threads, after checking that it was saved by a run described as <paramref name="description"/>.
    /// </summary>
    public void Resume(Simulator nest, string description, int threads)
    {
        string path = ResumeFrom ?? throw new InvalidOperationException("No checkpoint to resume from.");
        string saved = Simulator.ReadCheckpointDescription(path);
        if (saved != description)
            throw new BadCheckpointException(path, $"it was saved by a run with other settings ({saved}); this run has {description}");
        nest.LoadCheckpoint(path, threads);
    }

    /// <summary>
    /// Simulates from the simulator's current time to <paramref name="endMs"/>; with <see cref="EveryMs"/>, in runs
    /// that end at its multiples, saving a checkpoint (described as <paramref name="description"/>) after each.
    /// </summary>
    public void SimulateUntil(Simulator nest, double endMs, string description, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(nest);
        double h = nest.Resolution;
        long now = (long)Math.Round(nest.BiologicalTime / h);
        long end = (long)Math.Round(endMs / h);
        if (EveryMs is not { } every)
        {
            if (end > now) nest.Simulate((end - now) * h);
            return;
        }
        long period = (long)Math.Round(every / h);
        while (now < end)
        {
            long next = Math.Min(end, (now / period + 1) * period);
            nest.Simulate((next - now) * h);
            now = next;
            nest.SaveCheckpoint(File, description);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Checkpoint at {now * h:0.###} ms: {File}"));
        }
    }
}
