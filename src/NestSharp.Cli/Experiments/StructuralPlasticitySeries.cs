using System.Globalization;
using System.Text;

namespace NestSharp.Cli.Experiments;

/// <summary>What the structural plasticity example records at the end of each second of model time.</summary>
/// <param name="TimeS">Model time of the recording in s.</param>
/// <param name="MeanCaE">Mean calcium concentration of the excitatory neurons (their <c>Ca</c> status).</param>
/// <param name="MeanCaI">Mean calcium concentration of the inhibitory neurons.</param>
/// <param name="ConnectionsE">Excitatory connections: the sum of <c>z_connected</c> of every excitatory neuron's <c>Axon_ex</c>.</param>
/// <param name="ConnectionsI">Inhibitory connections: the sum of <c>z_connected</c> of every inhibitory neuron's <c>Axon_in</c>.</param>
public sealed record StructuralPlasticitySample(double TimeS, double MeanCaE, double MeanCaI, long ConnectionsE, long ConnectionsI);

/// <summary>
/// The recorded series as CSV: the header <c>time_s,mean_ca_e,mean_ca_i,connections_e,connections_i</c>, then one row
/// per recording, numbers in invariant culture with doubles round-tripping.
/// </summary>
public static class StructuralPlasticitySeriesFile
{
    /// <summary>The first line of the file; <see cref="Read"/> rejects a file that does not start with it.</summary>
    public const string Header = "time_s,mean_ca_e,mean_ca_i,connections_e,connections_i";

    /// <summary>Writes <paramref name="series"/> to <paramref name="path"/> (UTF-8 without BOM, LF line ends), replacing the file.</summary>
    public static void Write(string path, IEnumerable<StructuralPlasticitySample> series)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var s in series)
            text.Append(CultureInfo.InvariantCulture, $"{s.TimeS:R},{s.MeanCaE:R},{s.MeanCaI:R},{s.ConnectionsE},{s.ConnectionsI}\n");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    /// <summary>Reads a file written by <see cref="Write"/>; a malformed line throws <see cref="InvalidDataException"/> naming it.</summary>
    public static IReadOnlyList<StructuralPlasticitySample> Read(string path)
    {
        var series = new List<StructuralPlasticitySample>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1)
            {
                if (line != Header) throw new InvalidDataException($"{path}:1: expected the header '{Header}', found '{line}'.");
                continue;
            }
            if (line.Length == 0) continue;
            var f = line.Split(',');
            var inv = CultureInfo.InvariantCulture;
            if (f.Length != 5
                || !double.TryParse(f[0], NumberStyles.Float, inv, out double time)
                || !double.TryParse(f[1], NumberStyles.Float, inv, out double caE)
                || !double.TryParse(f[2], NumberStyles.Float, inv, out double caI)
                || !long.TryParse(f[3], NumberStyles.Integer, inv, out long connectionsE)
                || !long.TryParse(f[4], NumberStyles.Integer, inv, out long connectionsI))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected five comma-separated numbers, found '{line}'.");
            }

            series.Add(new StructuralPlasticitySample(time, caE, caI, connectionsE, connectionsI));
        }
        return series;
    }
}
