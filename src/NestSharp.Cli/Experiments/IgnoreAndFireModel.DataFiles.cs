using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NestSharp.Cli.Recording;

namespace NestSharp.Cli.Experiments;

// The model's data files, as the example's Model writes them and its figure script reads them back: the parameters
// (JSON), the connectivity (text, optionally gzip-compressed) and the spikes (the spike recorder's ASCII files).
public sealed partial class IgnoreAndFireModel
{
    /// <summary>
    /// Writes all parameters, base and derived, as indented JSON to <c>path/filenameRoot.json</c> with the example's keys
    /// (data_path is the model's data directory and N_rec_spikes a number, as the example stores them). Returns the path.
    /// </summary>
    public string SaveParameters(string filenameRoot, string path)
    {
        string file = Path.Combine(path, filenameRoot + ".json");
        if (Nest.Rank == 0) File.WriteAllText(file, ParametersJson());
        return file;
    }

    /// <summary>The JSON text <see cref="SaveParameters"/> writes.</summary>
    public string ParametersJson()
    {
        var pars = JsonSerializer.SerializeToNode(Parameters, JsonOptions)!.AsObject();
        var d = Derived;
        pars["N_rec_spikes"] = d.NRecSpikes;
        pars["data_path"] = d.DataPath;
        pars["N_E"] = d.NE;
        pars["N_I"] = d.NI;
        pars["K_E"] = d.KE;
        pars["K_I"] = d.KI;
        pars["J_unit"] = Float(d.JUnit);
        pars["I_E"] = Float(d.IE);
        pars["I_I"] = Float(d.II);
        pars["I_X"] = Float(d.IX);
        pars["nu_theta"] = Float(d.NuTheta);
        pars["nu_X"] = Float(d.NuX);
        return pars.ToJsonString(JsonOptions);
    }

    private static JsonNode Float(double value) => JsonSerializer.SerializeToNode(value, JsonOptions)!;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, IndentSize = 4, Converters = { new PythonFloatConverter() } };

    /// <summary>Writes whole-number doubles as Python's json does ("250.0", not "250"), so that they read back as floats.</summary>
    private sealed class PythonFloatConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value) && value == Math.Floor(value) && Math.Abs(value) < 1e16)
                writer.WriteRawValue(value.ToString("0.0", CultureInfo.InvariantCulture));
            else writer.WriteNumberValue(value);
        }
    }

    /// <summary>
    /// The connections from <paramref name="popPre"/> to <paramref name="popPost"/> (source, target, weight, delay),
    /// ordered by source, then target. When <paramref name="filename"/> is given they are also written to it in the
    /// example's text format (see <see cref="ConnectivityFile"/>), gzip-compressed if the name ends in ".gz".
    /// </summary>
    public ConnectivityData GetConnectivity(NodeCollection popPre, NodeCollection popPost, string? filename = null)
    {
        _log.WriteLine("Extracting connectivity...");
        var conns = Nest.GetConnections(source: popPre, target: popPost);
        var c = ConnectivityData.From(conns);
        if (!string.IsNullOrEmpty(filename) && Nest.Rank == 0) ConnectivityFile.Write(filename, c); // under mpirun, rank 0 writes
        return c;
    }

    // ---------------------------------------------------------------- loading data

    /// <summary>
    /// The files in <paramref name="path"/> whose names start with <paramref name="label"/> and end in ".dat" (or
    /// ".dat.gz"), sorted by name.
    /// </summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static IReadOnlyList<string> GetDataFileList(string path, string label)
    {
        var files = Directory.EnumerateFiles(path)
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith(label, StringComparison.Ordinal)
                && (name.EndsWith(".dat", StringComparison.Ordinal) || name.EndsWith(".dat.gz", StringComparison.Ordinal)))
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0) throw new FileNotFoundException($"No files of type '{label}*.dat' found in path '{path}'.");
        return files;
    }

    /// <summary>
    /// Spikes from the ASCII files <c>path/label*.dat</c>: all of them, or those in [start, stop] ms when
    /// <paramref name="timeInterval"/> is given, and only those of <paramref name="pop"/>'s neurons when it is given
    /// (then grouped by neuron in <paramref name="pop"/>'s order, as the example's loop does).
    /// </summary>
    public static SpikeData LoadSpikeData(string path, string label, (double Start, double Stop)? timeInterval = null, NodeCollection? pop = null)
    {
        var spikes = AsciiSpikeFile.Read(GetDataFileList(path, label).Select(name => Path.Combine(path, name)));
        var senders = spikes.Senders;
        var times = spikes.TimesMs;
        if (timeInterval is { } interval)
        {
            var keep = Enumerable.Range(0, senders.Length).Where(i => times[i] >= interval.Start && times[i] <= interval.Stop).ToArray();
            senders = [.. keep.Select(i => senders[i])];
            times = [.. keep.Select(i => times[i])];
        }
        if (pop is not null)
        {
            var byNeuron = new Dictionary<long, List<int>>();
            for (int i = 0; i < senders.Length; i++)
            {
                if (!byNeuron.TryGetValue(senders[i], out var list)) byNeuron[senders[i]] = list = [];
                list.Add(i);
            }
            var order = new List<int>(senders.Length);
            foreach (int id in pop.Ids)
                if (byNeuron.TryGetValue(id, out var list)) order.AddRange(list);
            senders = [.. order.Select(i => senders[i])];
            times = [.. order.Select(i => times[i])];
        }
        return new SpikeData(senders, times);
    }

    /// <summary>Connections from the files <c>path/label*.dat</c> (and <c>.dat.gz</c>), file after file.</summary>
    public static ConnectivityData LoadConnectivityData(string path, string label) =>
        ConnectivityData.Concat(GetDataFileList(path, label).Select(name => ConnectivityFile.Read(Path.Combine(path, name))));
}
