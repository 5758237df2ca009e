using System.CommandLine;
using System.Globalization;

namespace NestSharp.Cli.Commands;

/// <summary>
/// The options the experiment commands share (--threads, --seed, --out and the simulated time), each with its help
/// name and its range check; the command gives the default and, where its wording differs, the description.
/// </summary>
internal static class CommonOptions
{
    /// <summary>--threads, by default all cores of this machine.</summary>
    public static Option<int> ThreadsOption() => ThreadsOption(
        Environment.ProcessorCount,
        "Threads (kernel local_num_threads), by default all cores of this machine; the results do not depend on it");

    /// <summary>--threads (the kernel's local_num_threads), from 1 to 1024.</summary>
    public static Option<int> ThreadsOption(int defaultValue, string description) =>
        new Option<int>("--threads")
        {
            Description = description,
            HelpName = "T",
            DefaultValueFactory = _ => defaultValue,
        }.Require(value => value is >= 1 and <= 1024, value => $"--threads must be between 1 and 1024; got {value}.");

    /// <summary>--seed (the kernel's rng_seed), from 1 to 2^32 - 1.</summary>
    public static Option<long> SeedOption(long defaultValue, string description = "Seed of the random streams (kernel rng_seed)") =>
        new Option<long>("--seed")
        {
            Description = description,
            HelpName = "S",
            DefaultValueFactory = _ => defaultValue,
        }.Require(value => value is >= 1 and <= uint.MaxValue, value => $"--seed must be between 1 and {uint.MaxValue}; got {value}.");

    /// <summary>--out, the directory the experiment writes its files to.</summary>
    public static Option<string> OutputDirectoryOption(string defaultValue, string description) =>
        new Option<string>("--out")
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
        }.Require(isAllowed, value => $"{name} must be {requirement}; got {value.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>Whether <paramref name="ms"/> is a positive whole number of steps of <paramref name="stepMs"/>.</summary>
    public static bool IsPositiveMultipleOf(double ms, double stepMs)
    {
        double steps = ms / stepMs;
        return ms > 0 && Math.Abs(steps - Math.Round(steps)) <= 1e-9 * Math.Max(1.0, steps);
    }
}
