using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NestSharp.Cli.Recording;

/// <summary>Connections as parallel arrays: connection <c>i</c> runs from <c>Source[i]</c> to <c>Target[i]</c>.</summary>
/// <param name="Source">Pre-synaptic node ids.</param>
/// <param name="Target">Post-synaptic node ids.</param>
/// <param name="Weight">Synaptic weights (pA for current-based synapses).</param>
/// <param name="Delay">Delays in ms.</param>
public sealed record ConnectivityData(long[] Source, long[] Target, double[] Weight, double[] Delay)
{
    /// <summary>The number of connections (the length of each array).</summary>
    public int Count => Source.Length;

    /// <summary>The connections of a <see cref="SynapseCollection"/>, in its order.</summary>
    public static ConnectivityData From(SynapseCollection connections) =>
        new(connections.Source, connections.Target, connections.Weight, connections.Delay);

    /// <summary>All connections of <paramref name="parts"/>, part after part.</summary>
    public static ConnectivityData Concat(IEnumerable<ConnectivityData> parts)
    {
        var list = parts.ToList();
        return new ConnectivityData(
            [.. list.SelectMany(p => p.Source)], [.. list.SelectMany(p => p.Target)],
            [.. list.SelectMany(p => p.Weight)], [.. list.SelectMany(p => p.Delay)]);
    }
}

/// <summary>
/// Text files of connections as PyNEST examples write them with <c>numpy.savetxt</c>: one header line
/// <c>#  source \t target \t weight \tdelay (ms)</c>, then one tab-separated row per connection, ids as integers and
/// weight and delay with four significant digits (<c>%d\t%d\t%.3e\t%.3e</c>). A file whose name ends in <c>.gz</c> is
/// written and read gzip-compressed, as numpy does.
/// </summary>
public static class ConnectivityFile
{
    /// <summary>The header line (numpy's "# " comment prefix and the example's header text).</summary>
    public const string Header = "#  source \t target \t weight \tdelay (ms)";

    /// <summary>Writes <paramref name="data"/> to <paramref name="path"/>, gzip-compressed when the name ends in ".gz".</summary>
    public static void Write(string path, ConnectivityData data)
    {
        using var stream = OpenWrite(path);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine(Header);
        var line = new StringBuilder(64);
        for (int i = 0; i < data.Count; i++)
        {
            line.Clear()
                .Append(data.Source[i].ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(data.Target[i].ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(Scientific(data.Weight[i])).Append('\t')
                .Append(Scientific(data.Delay[i]));
            writer.WriteLine(line);
        }
    }

    /// <summary>
    /// Reads a file written by <see cref="Write"/> (or by numpy.savetxt in that format), gzip-compressed when the name
    /// ends in ".gz". Lines starting with '#' and empty lines are skipped.
    /// </summary>
    public static ConnectivityData Read(string path)
    {
        var source = new List<long>();
        var target = new List<long>();
        var weight = new List<double>();
        var delay = new List<double>();
        using var stream = OpenRead(path);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4
                || !TryParseId(fields[0], out long s)
                || !TryParseId(fields[1], out long t)
                || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double w)
                || !double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected 'source<TAB>target<TAB>weight<TAB>delay', found '{line}'.");
            }

            source.Add(s);
            target.Add(t);
            weight.Add(w);
            delay.Add(d);
        }
        return new ConnectivityData([.. source], [.. target], [.. weight], [.. delay]);
    }

    /// <summary>True when <paramref name="path"/> names a gzip-compressed file (ends in ".gz").</summary>
    public static bool IsCompressed(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="value"/> as C's <c>%.3e</c>: one digit, point, three digits, 'e', sign and at least two exponent
    /// digits ("3.190e+01").
    /// </summary>
    public static string Scientific(double value) =>
        double.IsFinite(value) ? value.ToString("0.000e+00", CultureInfo.InvariantCulture) : value switch
        {
            double.PositiveInfinity => "inf",
            double.NegativeInfinity => "-inf",
            _ => "nan",
        };

    // numpy writes ids with %d; files written from float arrays may hold "1.000000e+00" style ids, so accept integral floats too.
    private static bool TryParseId(string text, out long id)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out id)) return true;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value == Math.Floor(value)
            && Math.Abs(value) < 1e15)
        {
            id = (long)value;
            return true;
        }
        return false;
    }

    private static Stream OpenWrite(string path)
    {
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        return IsCompressed(path) ? new GZipStream(file, CompressionLevel.Fastest, leaveOpen: false) : file;
    }

    private static Stream OpenRead(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return IsCompressed(path) ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: false) : file;
    }
}
