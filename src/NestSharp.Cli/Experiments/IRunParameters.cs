namespace NestSharp.Cli.Experiments;

/// <summary>
/// The settings every simulating experiment takes from the options its command shares (--threads, --seed, --out and
/// the checkpoint options), so that one reader (<c>RunOptions.Read</c>) fills them for every command.
/// </summary>
public interface IRunParameters
{
    /// <summary>Kernel <c>local_num_threads</c>.</summary>
    int Threads { get; init; }

    /// <summary>Kernel <c>rng_seed</c>.</summary>
    long Seed { get; init; }

    /// <summary>Directory the experiment writes to; created if missing.</summary>
    string OutputDirectory { get; init; }

    /// <summary>Checkpoints to save while simulating, and the one to resume from.</summary>
    Checkpointing Checkpointing { get; init; }
}
