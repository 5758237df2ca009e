using NestSharp.Cli.Recording;

namespace NestSharp.Cli.Experiments;

/// <summary>
/// Reading back the data files the ignore_and_fire example's model writes (its module-level functions in model.py):
/// the list of a recorder's files, the spikes (the spike recorder's ASCII files), the connectivity (text, optionally
/// gzip-compressed).
/// </summary>
public static class IgnoreAndFireDataFiles
{
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
