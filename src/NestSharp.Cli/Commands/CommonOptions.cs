using System.CommandLine;
using System.Globalization;
using System.Numerics;
using NestSharp.Cli.Experiments;

namespace NestSharp.Cli.Commands;

/// <summary>
/// The options the experiment commands share (--threads, --seed, --out and the simulated time), each with its help
/// name and its range check, and the whole-number options they declare themselves. Values are read in the invariant
/// culture; one that does not parse is reported in words ("--order: '1e3' is not a whole number between 10 and
/// 2147483647."), one out of range with what is allowed and what was given.
/// </summary>
internal static class CommonOptions
{
    /// <summary>--threads, by default all cores of this machine.</summary>
    public static Option<int> ThreadsOption() => ThreadsOption(
        Environment.ProcessorCount,
        "Threads (kernel local_num_threads), by default all cores of this machine; the results do not depend on it");

    /// <summary>--threads (the kernel's local_num_threads), from 1 to 1024.</summary>
    public static Option<int> ThreadsOption(int defaultValue, string description) =>
        WholeNumberOption("--threads", "T", description, defaultValue, 1, 1024);

    /// <summary>--seed (the kernel's rng_seed), from 1 to 2^32 - 1.</summary>
    public static Option<long> SeedOption(long defaultValue, string description = "Seed of the random streams (kernel rng_seed)") =>
        WholeNumberOption("--seed", "S", description, defaultValue, 1L, uint.MaxValue);

    /// <summary>
    /// A name from <paramref name="allowed"/> under <paramref name="name"/>; another is reported as
    /// "<paramref name="name"/> must be one of a, b; got 'c'.".
    /// </summary>
    public static Option<string> OneOfOption(string name, string helpName, string description, string defaultValue, IReadOnlyList<string> allowed)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var value }] && !allowed.Contains(value))
                result.AddError($"{name} must be one of {string.Join(", ", allowed)}; got '{value}'.");
        });
        return option;
    }

    /// <summary>--out, the directory the experiment writes its files to.</summary>
    public static Option<string> OutputDirectoryOption(string defaultValue, string description) =>
        new("--out")
        {
            Description = description,
            HelpName = "DIR",
            DefaultValueFactory = _ => defaultValue,
        };

    /// <summary>
    /// The simulated time in ms under <paramref name="name"/>; a value <paramref name="isAllowed"/> refuses is reported
    /// as "<paramref name="name"/> must be <paramref name="requirement"/>; got ...".
    /// </summary>
    public static Option<double> SimulatedTimeOption(
        string name, double defaultValue, string description, Func<double, bool> isAllowed, string requirement) =>
        new Option<double>(name)
        {
            Description = description,
            HelpName = "MS",
            DefaultValueFactory = _ => defaultValue,
        }.ParsedAs(
            "a number",
            value => isAllowed(value) ? null : $"{name} must be {requirement}; got {value.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>
    /// A whole number from <paramref name="minimum"/> to <paramref name="maximum"/> under <paramref name="name"/>. A value
    /// out of range is reported as "<paramref name="name"/> must be at least <paramref name="minimum"/> (reason); got
    /// ..." when <paramref name="maximum"/> is the largest <typeparamref name="T"/>, as "... must be between minimum and
    /// maximum; got ..." otherwise.
    /// </summary>
    public static Option<T> WholeNumberOption<T>(
        string name, string helpName, string description, T defaultValue, T minimum, T maximum, string? reason = null)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        string allowed = maximum == T.MaxValue
            ? FormattableString.Invariant($"at least {minimum}")
            : FormattableString.Invariant($"between {minimum} and {maximum}");
        string because = reason is null ? "" : $" ({reason})";
        return new Option<T>(name)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => defaultValue,
        }.ParsedAs(
            FormattableString.Invariant($"a whole number between {minimum} and {maximum}"),
            value => value >= minimum && value <= maximum
                ? null
                : FormattableString.Invariant($"{name} must be {allowed}{because}; got {value}."));
    }

    /// <summary>
    /// --checkpoint-every, --checkpoint-file and --resume (see <see cref="Checkpointing"/>); the file is by default
    /// <paramref name="fileName"/> in the output directory. The time between checkpoints is a positive multiple of
    /// <paramref name="stepMs"/>: the resolution, or for an experiment whose results depend on where Simulate stops a
    /// longer step, for the reason <paramref name="why"/>.
    /// </summary>
    public static CheckpointOptions CheckpointOptionsOf(string fileName, double stepMs, string? why = null)
    {
        string step = why is null
            ? FormattableString.Invariant($"the resolution, {stepMs} ms")
            : FormattableString.Invariant($"{stepMs} ms: {why}");
        var every = new Option<double?>("--checkpoint-every")
        {
            Description = $"Save a checkpoint every MS of model time (a positive multiple of {step}), to continue with --resume after a stop",
            HelpName = "MS",
        };
        every.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } ms && !CommonOptions.IsPositiveMultipleOf(ms, stepMs))
                result.AddError(FormattableString.Invariant($"--checkpoint-every must be a positive multiple of {stepMs} ms; got {ms}."));
        });
        var file = new Option<string?>("--checkpoint-file")
        {
            Description = $"Where --checkpoint-every writes, replacing it at each checkpoint (default: {fileName} in the output directory)",
            HelpName = "FILE",
        };
        var resume = new Option<string?>("--resume")
        {
            Description = "Continue the run saved in this checkpoint (same settings; the threads and the end time may differ) instead of building the network",
            HelpName = "FILE",
        };
        return new CheckpointOptions(every, file, resume, fileName);
    }

    /// <summary>The simulated time in ms under <paramref name="name"/>, a positive multiple of the simulation's resolution.</summary>
    public static Option<double> SimulatedTimeOption(string name, double defaultValue, double resolutionMs) =>
        SimulatedTimeOption(
            name,
            defaultValue,
            FormattableString.Invariant($"Simulated time in ms, a positive multiple of the resolution ({resolutionMs} ms)"),
            value => IsPositiveMultipleOf(value, resolutionMs),
            FormattableString.Invariant($"a positive multiple of {resolutionMs} ms"));

    /// <summary>Whether <paramref name="ms"/> is a positive whole number of steps of <paramref name="stepMs"/>.</summary>
    public static bool IsPositiveMultipleOf(double ms, double stepMs)
    {
        double steps = ms / stepMs;
        return ms > 0 && Math.Abs(steps - Math.Round(steps)) <= 1e-9 * Math.Max(1.0, steps);
    }

    /// <summary>
    /// Reads the option's value in the invariant culture. A value that does not parse is reported as
    /// "--name: 'text' is not <paramref name="expected"/>."; one that parses, with the message
    /// <paramref name="problem"/> gives for it (null when the value is allowed).
    /// </summary>
    private static Option<T> ParsedAs<T>(this Option<T> option, string expected, Func<T, string?> problem)
        where T : IParsable<T>
    {
        option.CustomParser = result =>
        {
            if (result.Tokens is not [{ Value: var text }]) return default; // a missing or repeated value: the parser reports it
            if (!T.TryParse(text, CultureInfo.InvariantCulture, out T? value))
            {
                result.AddError($"{option.Name}: '{text}' is not {expected}.");
                return default;
            }
            if (problem(value) is { } message) result.AddError(message);
            return value;
        };
        return option;
    }
}

/// <summary>--threads, --seed, --out and the checkpoint options, the options every simulating experiment command has.</summary>
internal sealed record RunOptions(Option<int> Threads, Option<long> Seed, Option<string> OutputDirectory, CheckpointOptions Checkpoints)
{
    /// <summary>
    /// --threads by default all cores of this machine, --seed and --out by default those of <paramref name="defaults"/>
    /// (--out described as <paramref name="outputDescription"/>), and <paramref name="checkpoints"/>.
    /// </summary>
    public static RunOptions Of(IRunParameters defaults, string outputDescription, CheckpointOptions checkpoints) =>
        new(
            CommonOptions.ThreadsOption(),
            CommonOptions.SeedOption(defaults.Seed),
            CommonOptions.OutputDirectoryOption(defaults.OutputDirectory, outputDescription),
            checkpoints);

    /// <summary>All of them, in the order the help lists them when the command puts none of its own among them.</summary>
    public IEnumerable<Option> All => [Threads, Seed, OutputDirectory, .. Checkpoints.All];

    /// <summary>
    /// The experiment's settings with the values these options give (the checkpoint file by default in the output
    /// directory), the others at their defaults.
    /// </summary>
    public T Read<T>(ParseResult parsed) where T : IRunParameters, new()
    {
        string outputDirectory = parsed.GetValue(OutputDirectory)!;
        return new T
        {
            Threads = parsed.GetValue(Threads),
            Seed = parsed.GetValue(Seed),
            OutputDirectory = outputDirectory,
            Checkpointing = Checkpoints.Read(parsed, outputDirectory),
        };
    }
}

/// <summary>The checkpoint options of an experiment command, and the file name it checkpoints to by default.</summary>
internal sealed record CheckpointOptions(Option<double?> Every, Option<string?> File, Option<string?> Resume, string DefaultFileName)
{
    /// <summary>The three options, in the order the help lists them.</summary>
    public IEnumerable<Option> All => [Every, File, Resume];

    /// <summary>The settings the options give, for a run writing to <paramref name="outputDirectory"/>.</summary>
    public Checkpointing Read(ParseResult parsed, string outputDirectory) =>
        new(parsed.GetValue(Every), parsed.GetValue(File) ?? Path.Combine(outputDirectory, DefaultFileName), parsed.GetValue(Resume));
}
