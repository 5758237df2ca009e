using System.Globalization;
using NestSharp.Tests.Distribution;

namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>
/// The counterpart of NEST's testsuite/pytests/mpi_indirect/mpi_test_wrapper.py: runs one test body with each number of
/// processes of a list, the processes as in-process ranks (<see cref="InProcessRanks"/>), all writing into one folder,
/// then reads back what they wrote (spike recorders' and multimeters' ascii files labelled <see cref="SpikeLabel"/> and
/// <see cref="MultiLabel"/>, TAB-separated tables at <see cref="OtherPath"/>) and compares it as the wrapper class does:
/// <see cref="AssertEqual"/> (MPITestAssertEqual), <see cref="AssertAllRanksEqual"/> (MPITestAssertAllRanksEqual),
/// <see cref="AssertCompletes"/> (MPITestAssertCompletes) and <see cref="AssertEqualSums"/> (MPITestAssertEqualSums).
/// </summary>
internal static class MpiTestWrapper
{
    /// <summary>The label of spike recorders for <paramref name="numProcesses"/> processes (SPIKE_LABEL).</summary>
    public static string SpikeLabel(int numProcesses) => $"spike-{numProcesses}";

    /// <summary>The label of multimeters for <paramref name="numProcesses"/> processes (MULTI_LABEL).</summary>
    public static string MultiLabel(int numProcesses) => $"multi-{numProcesses}";

    /// <summary>The run's folder; the process body writes its other data to <see cref="OtherPath"/> in it.</summary>
    [ThreadStatic] private static string? _folder;

    /// <summary>The file for other data of <paramref name="rank"/> of <paramref name="numProcesses"/> (OTHER_LABEL).</summary>
    public static string OtherPath(int numProcesses, int rank) => Path.Combine(_folder!, $"other-{numProcesses}-{rank}.dat");

    /// <summary>A table as pandas reads it: the column names and the rows of cells, as text.</summary>
    public sealed record Frame(string[] Columns, List<string[]> Rows);

    /// <summary>What the runs wrote: per label kind, per number of processes, the tables of the files (null: no file).</summary>
    public sealed record Results(List<Frame>[]? Spike, List<Frame>[]? Multi, List<Frame>[]? Other);

    /// <summary>
    /// Runs <paramref name="body"/> (given the simulator of its rank) for each of <paramref name="procs"/> processes,
    /// with data_path set to a fresh folder, and reads back what the runs wrote.
    /// </summary>
    public static Results Run(int[] procs, Action<Simulator> body)
    {
        string folder = Directory.CreateTempSubdirectory("nestsharp-mpi-indirect-").FullName;
        try
        {
            foreach (int n in procs)
            {
                InProcessRanks.Run(n, make =>
                {
                    _folder = folder;
                    var nest = make();
                    nest.SetKernelStatus("data_path", folder);
                    body(nest);
                    return null;
                });
            }
            return new Results(Collect(folder, procs, n => $"spike-{n}-*.dat"), Collect(folder, procs, n => $"multi-{n}-*.dat"),
                Collect(folder, procs, n => $"other-{n}-*.dat"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<Frame>[]? Collect(string folder, int[] procs, Func<int, string> pattern)
    {
        if (procs.All(n => Directory.GetFiles(folder, pattern(n)).Length == 0)) return null;
        return [.. procs.Select(n => Directory.GetFiles(folder, pattern(n)).Order(StringComparer.Ordinal)
            .Select(Read).OfType<Frame>().ToList())];
    }

    /// <summary>Reads a TAB-separated file as pandas' read_csv(sep="\t", comment="#"): null for a file without a header.</summary>
    private static Frame? Read(string path)
    {
        var lines = File.ReadAllLines(path).Select(l => l.IndexOf('#') is int i and >= 0 ? l[..i] : l).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) return null;
        return new Frame(lines[0].Split('\t'), [.. lines.Skip(1).Select(l => l.Split('\t'))]);
    }

    /// <summary>Writes a table as pandas' to_csv(sep="\t", index=False): a header line, then one line per row.</summary>
    public static void WriteTable(string path, IReadOnlyList<string> columns, IEnumerable<IEnumerable<object?>> rows)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(string.Join('\t', columns));
        foreach (var row in rows) writer.WriteLine(string.Join('\t', row.Select(Cell)));
    }

    /// <summary>
    /// The connections this process stores (those to its nodes, and those to recorders from its nodes), one collection per row: what NEST's
    /// <c>GetConnections()</c> gives on a rank. NestSharp's gathers the connections of every process, so a rank keeps
    /// the rows of its own targets, as NEST's rank would write them.
    /// </summary>
    public static List<SynapseCollection> OwnConnections(Simulator nest, SynapseCollection conns)
    {
        var local = new Dictionary<long, bool>();
        bool IsLocal(long id)
        {
            if (!local.TryGetValue(id, out bool isLocal)) local[id] = isLocal = nest.Nodes((int)id).Get<bool>("local");
            return isLocal;
        }
        long[] sources = conns.Source, targets = conns.Target;
        var own = new List<SynapseCollection>();
        for (int i = 0; i < targets.Length; i++)
        {
            // A recorder is on every process; NEST keeps a connection to it with the replica on the source's thread.
            bool toRecorder = (string)nest.Nodes((int)targets[i]).Get("element_type") == "recorder";
            if (toRecorder ? IsLocal(sources[i]) : IsLocal(targets[i])) own.Add(conns[i]);
        }
        return own;
    }

    /// <summary>
    /// The positions of the nodes of <paramref name="layer"/> this process has, in the order of their ids: what NEST's
    /// <c>layer.spatial["positions"]</c> gives on a rank (NestSharp's gives every node's).
    /// </summary>
    public static List<double[]> OwnPositions(Simulator nest, NodeCollection layer)
    {
        var all = (double[][])nest.GetSpatial(layer)!["positions"];
        return [.. layer.Select((node, i) => (node, i)).Where(p => p.node.Get<bool>("local")).Select(p => all[p.i])];
    }

    /// <summary>
    /// Writes the given keys of this process's connections (<see cref="OwnConnections"/>) as pandas'
    /// DataFrame.from_dict(conns.get(keys)).to_csv(sep="\t", index=False).
    /// </summary>
    public static void WriteConnections(Simulator nest, string path, SynapseCollection conns, IReadOnlyList<string> keys) =>
        WriteTable(path, keys, OwnConnections(nest, conns).Select(row => keys.Select(row.Get)));

    /// <summary>
    /// Writes every key of this process's connections but <paramref name="dropped"/>, sorted
    /// (conns.get(output="pandas").drop(...)); nothing when the process has none (an empty DataFrame writes an empty file).
    /// </summary>
    public static void WriteAllConnectionKeys(Simulator nest, string path, SynapseCollection conns, params string[] dropped)
    {
        var own = OwnConnections(nest, conns);
        if (own.Count == 0)
        {
            File.WriteAllText(path, "");
            return;
        }
        string[] keys = [.. own[0].Get().Keys.Where(k => !dropped.Contains(k))];
        WriteTable(path, keys, own.Select(row => keys.Select(row.Get)));
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Sorts rows by the cells of <paramref name="keys"/>, numerically where both are numbers.</summary>
    private static List<string[]> Sorted(Frame frame, IReadOnlyList<string> keys)
    {
        int[] at = [.. keys.Select(k => Array.IndexOf(frame.Columns, k))];
        Assert.DoesNotContain(-1, at);
        var rows = frame.Rows.ToList();
        rows.Sort((a, b) =>
        {
            foreach (int c in at)
            {
                int order = double.TryParse(a[c], CultureInfo.InvariantCulture, out double x) && double.TryParse(b[c], CultureInfo.InvariantCulture, out double y)
                    ? x.CompareTo(y) : string.CompareOrdinal(a[c], b[c]);
                if (order != 0) return order;
            }
            return 0;
        });
        return rows;
    }

    /// <summary>The non-empty tables of one process count concatenated (pd.concat of the non-empty frames), then sorted.</summary>
    private static Frame Combined(List<Frame> frames, IReadOnlyList<string>? sortKeys)
    {
        var nonEmpty = frames.Where(f => f.Rows.Count > 0).ToList();
        Assert.True(nonEmpty.Count > 0, "no data to concatenate");
        var columns = nonEmpty[0].Columns;
        Assert.All(nonEmpty, f => Assert.Equal(columns, f.Columns));
        var all = new Frame(columns, [.. nonEmpty.SelectMany(f => f.Rows)]);
        return all with { Rows = Sorted(all, sortKeys ?? columns) };
    }

    private static void AssertFramesEqual(Frame expected, Frame actual, string what)
    {
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.True(expected.Rows.Count == actual.Rows.Count, $"{what}: {expected.Rows.Count} rows, then {actual.Rows.Count}");
        for (int i = 0; i < expected.Rows.Count; i++)
        {
            Assert.True(expected.Rows[i].SequenceEqual(actual.Rows[i]),
                $"{what}, row {i}: \"{string.Join(' ', expected.Rows[i])}\" vs \"{string.Join(' ', actual.Rows[i])}\"");
        }
    }

    /// <summary>
    /// MPITestAssertEqual: for each kind of data, the tables of each process count concatenated and sorted (spikes and
    /// samples by time_step, time_offset and sender; other data by all columns) must be equal for all process counts.
    /// Returns the combined tables per kind ("spike", "multi", "other"), by process count, for test-specific checks.
    /// </summary>
    public static Dictionary<string, Frame[]> AssertEqual(int[] procs, Action<Simulator> body)
    {
        var results = Run(procs, body);
        var all = new Dictionary<string, Frame[]>();
        string[] byTime = ["time_step", "time_offset", "sender"];
        if (results.Spike is { } spike) all["spike"] = [.. spike.Select(f => Combined(f, byTime))];
        if (results.Multi is { } multi) all["multi"] = [.. multi.Select(f => Combined(f, byTime))];
        if (results.Other is { } other) all["other"] = [.. other.Select(f => Combined(f, null))];
        Assert.True(all.Count > 0, "No test data collected");
        foreach (var (kind, frames) in all)
        {
            Assert.Equal(procs.Length, frames.Length);
            for (int i = 1; i < frames.Length; i++) AssertFramesEqual(frames[0], frames[i], $"{kind}, {procs[0]} vs {procs[i]} processes");
        }
        return all;
    }

    /// <summary>
    /// MPITestAssertAllRanksEqual: only other data; every rank of every process count wrote the same table as rank 0
    /// of the first.
    /// </summary>
    public static void AssertAllRanksEqual(int[] procs, Action<Simulator> body)
    {
        var results = Run(procs, body);
        Assert.Null(results.Spike);
        Assert.Null(results.Multi);
        var all = results.Other!;
        Assert.Equal(procs.Length, all.Length);
        Assert.Equal(procs[0], all[0].Count);
        var reference = all[0][0];
        for (int i = 0; i < procs.Length; i++)
        {
            Assert.Equal(procs[i], all[i].Count);
            foreach (var frame in all[i]) AssertFramesEqual(reference, frame, $"{procs[i]} processes");
        }
    }

    /// <summary>MPITestAssertCompletes: every run completes; nothing is compared.</summary>
    public static void AssertCompletes(int[] procs, Action<Simulator> body) => Run(procs, body);

    /// <summary>
    /// MPITestAssertEqualSums: only other data; the column sums of each process count's tables concatenated must be
    /// equal for all process counts (an empty cell counts as nothing, as pandas' sum skips NaN).
    /// </summary>
    public static void AssertEqualSums(int[] procs, Action<Simulator> body)
    {
        var results = Run(procs, body);
        Assert.Null(results.Spike);
        Assert.Null(results.Multi);
        Assert.NotNull(results.Other);
        var sums = results.Other.Select(frames =>
        {
            var columns = frames[0].Columns;
            Assert.All(frames, f => Assert.Equal(columns, f.Columns));
            return columns.Select((_, c) => frames.SelectMany(f => f.Rows)
                .Sum(r => r[c].Length == 0 ? 0.0 : double.Parse(r[c], CultureInfo.InvariantCulture))).ToArray();
        }).ToList();
        Assert.Equal(procs.Length, sums.Count);
        for (int i = 1; i < sums.Count; i++) Assert.Equal(sums[0], sums[i]);
    }
}
