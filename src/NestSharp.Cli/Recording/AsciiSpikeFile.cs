using System.Globalization;

namespace NestSharp.Cli.Recording;

/// <summary>Spikes as parallel arrays: <c>Senders[i]</c> fired at <c>TimesMs[i]</c>.</summary>
public sealed record SpikeData(long[] Senders, double[] TimesMs);

/// <summary>
/// Reads spike files in NEST's ASCII format (recorder <c>record_to: "ascii"</c>): comment lines starting with '#', the
/// header <c>sender	time_ms</c>, then one tab-separated row per spike.
/// </summary>
public static class AsciiSpikeFile
{
    /// <summary>The column header line NEST writes after the comments (tab-separated), which <see cref="Read"/> requires.</summary>
    public const string Header = "sender\ttime_ms";

    /// <summary>The spikes of all <paramref name="paths"/>, file after file.</summary>
    public static SpikeData Read(IEnumerable<string> paths)
    {
        var senders = new List<long>();
        var times = new List<double>();
        foreach (string path in paths)
        {
            int lineNumber = 0;
            bool headerSeen = false;
            foreach (string line in File.ReadLines(path))
            {
                lineNumber++;
                if (line.StartsWith('#') || line.Length == 0) continue;
                if (!headerSeen)
                {
                    if (!line.StartsWith(Header, StringComparison.Ordinal))
                        throw new InvalidDataException($"{path}:{lineNumber}: expected the header '{Header}', found '{line}'.");
                    headerSeen = true;
                    continue;
                }
                var fields = line.Split('\t');
                if (fields.Length < 2
                    || !long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long sender)
                    || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double time))
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: expected 'sender<TAB>time_ms', found '{line}'.");
                }

                senders.Add(sender);
                times.Add(time);
            }
        }
        return new SpikeData([.. senders], [.. times]);
    }
}
