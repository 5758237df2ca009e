using System.Globalization;

namespace NestSharp.Cli.Output;

/// <summary>The values the summary tables share, written the same way in every command (invariant culture).</summary>
internal static class SummaryFormat
{
    /// <summary>A wall-clock duration in seconds with two decimals: "12.34 s".</summary>
    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";

    /// <summary>A firing rate with two decimals: "8.21 Hz".</summary>
    public static string Hertz(double rate) => rate.ToString("F2", CultureInfo.InvariantCulture) + " Hz";

    /// <summary>A memory size in whole MiB, or "n/a" when it is not known: "512 MiB".</summary>
    public static string Mebibytes(long? bytes) =>
        bytes is { } b ? (b / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture) + " MiB" : "n/a";
}
