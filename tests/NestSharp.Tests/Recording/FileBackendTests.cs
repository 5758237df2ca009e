using System.Globalization;
using Microsoft.VisualBasic.FileIO;
using NestSharp.Kernel.Communication;
using Parquet;
using Parquet.Schema;

namespace NestSharp.Tests.Recording;

/// <summary>
/// The parquet and csv recording backends: for every recorder kind, the file holds exactly the memory backend's
/// events (same columns, same rows in the same order, same bits) whatever the number of threads or processes; parquet
/// adds one row group per Simulate call, csv continues its file; both name files as ascii does and honour
/// overwrite_files.
/// </summary>
public sealed class FileBackendTests
{
    /// <summary>The lengths of the Simulate calls every network runs.</summary>
    private static readonly double[] Calls = [30.0, 20.0, 50.0];

    public static TheoryData<string, int> KindsAndThreads()
    {
        var data = new TheoryData<string, int>();
        foreach (string kind in new[] { "spike_recorder", "multimeter", "voltmeter", "weight_recorder" })
        {
            data.Add(kind, 1);
            data.Add(kind, 2);
        }
        return data;
    }

    /// <summary>
    /// A small active network (poisson-driven iaf_psc_alpha neurons, recurrent stdp_synapse connections) with one
    /// recorder of <paramref name="kind"/> recording to <paramref name="backend"/>; returns the kernel and the recorder.
    /// </summary>
    private static (Simulator Nest, NodeCollection Recorder) Network(
        string kind, string backend, int threads, string dataPath, Func<Simulator>? make = null, bool timeInSteps = false)
    {
        var nest = make is null ? new Simulator() : make();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 12, ["data_path"] = dataPath });
        var recorderParams = new Dictionary<string, object> { ["record_to"] = backend, ["time_in_steps"] = timeInSteps };
        if (kind == "multimeter") recorderParams["record_from"] = new[] { "V_m", "I_syn_ex" };
        if (kind == "multimeter") recorderParams["interval"] = 0.5;
        var recorder = nest.Create(kind, 1, recorderParams);
        var synapse = new Dictionary<string, object> { ["weight"] = 40.0, ["delay"] = 1.5 };
        if (kind == "weight_recorder") synapse["weight_recorder"] = recorder;
        nest.CopyModel("stdp_synapse", "plastic", synapse);

        var neurons = nest.Create("iaf_psc_alpha", 8, new() { ["I_e"] = 200.0 });
        neurons.Set("V_m", nest.Random.Uniform(-70.0, -55.0));
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 15000.0 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = 25.0 });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(3), "plastic");
        if (kind == "spike_recorder") nest.Connect(neurons, recorder);
        else if (kind != "weight_recorder") nest.Connect(recorder, neurons);
        return (nest, recorder);
    }

    /// <summary>
    /// The memory backend's events of the network on <paramref name="threads"/> virtual processes, and how many were
    /// added by each Simulate call. (Only a weight recorder's ports depend on the number of virtual processes: a port
    /// counts the source's synapses on the target's thread, as in NEST.)
    /// </summary>
    private static (Dictionary<string, object> Events, long[] PerCall) MemoryEvents(string kind, int threads, bool timeInSteps = false)
    {
        var (nest, recorder) = Network(kind, "memory", threads, dataPath: "", timeInSteps: timeInSteps);
        var perCall = new long[Calls.Length];
        long before = 0;
        for (int i = 0; i < Calls.Length; i++)
        {
            nest.Simulate(Calls[i]);
            long now = recorder.Get<long>("n_events");
            perCall[i] = now - before;
            before = now;
        }
        Assert.True(before > 0, $"the {kind} must record events");
        return ((Dictionary<string, object>)recorder.Get("events"), perCall);
    }

    /// <summary>Runs the network with the file backend; returns the recorder's one file.</summary>
    private static string RecordToFile(string kind, string backend, int threads, string dir, bool timeInSteps = false)
    {
        var (nest, recorder) = Network(kind, backend, threads, dir, timeInSteps: timeInSteps);
        foreach (double ms in Calls) nest.Simulate(ms);
        return Assert.Single((string[])recorder.Get("filenames"));
    }

    /// <summary>A Parquet file's columns (as the memory backend's events) and the row count of each row group, read with Parquet.Net.</summary>
    private static async Task<(Dictionary<string, object> Columns, long[] RowGroups)> ReadParquet(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        var columns = fields.ToDictionary(f => f.Name, f => new List<object>());
        var rowGroups = new long[reader.RowGroupCount];
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            rowGroups[g] = group.RowCount;
            foreach (var field in fields)
            {
                Assert.False(field.IsNullable, $"column {field.Name} must not be nullable");
                if (field.ClrType == typeof(long)) columns[field.Name].Add(await ReadColumn<long>(group, field));
                else if (field.ClrType == typeof(double)) columns[field.Name].Add(await ReadColumn<double>(group, field));
                else Assert.Fail($"column {field.Name} has type {field.ClrType}");
            }
        }
        var joined = columns.ToDictionary(c => c.Key, c => c.Value.Count == 0
            ? (object)(fields.First(f => f.Name == c.Key).ClrType == typeof(long) ? Array.Empty<long>() : Array.Empty<double>())
            : c.Value[0] is long[] ? c.Value.SelectMany(a => (long[])a).ToArray() : c.Value.SelectMany(a => (double[])a).ToArray());
        return (joined, rowGroups);
    }

    private static async Task<T[]> ReadColumn<T>(ParquetRowGroupReader group, DataField field) where T : struct
    {
        var values = new T[group.RowCount];
        await group.ReadAsync<T>(field, values);
        return values;
    }

    /// <summary>A CSV file read with a CSV parser, each column typed as the same column of <paramref name="like"/>.</summary>
    private static Dictionary<string, object> ReadCsv(string path, Dictionary<string, object> like)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited };
        parser.SetDelimiters(",");
        string[] header = parser.ReadFields()!;
        var cells = header.Select(_ => new List<string>()).ToArray();
        while (parser.ReadFields() is { } fields)
        {
            Assert.Equal(header.Length, fields.Length);
            for (int i = 0; i < fields.Length; i++) cells[i].Add(fields[i]);
        }
        var columns = new Dictionary<string, object>();
        for (int i = 0; i < header.Length; i++)
        {
            bool integers = like.GetValueOrDefault(header[i]) is long[];
            columns[header[i]] = integers
                ? cells[i].Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray()
                : cells[i].Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        }
        return columns;
    }

    /// <summary>Same column names in the same order, and every column the same values, bit for bit.</summary>
    private static void AssertSameEvents(Dictionary<string, object> expected, Dictionary<string, object> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, values) in expected)
        {
            if (values is double[] doubles)
            {
                var read = Assert.IsType<double[]>(actual[name]);
                Assert.Equal(doubles.Select(BitConverter.DoubleToInt64Bits), read.Select(BitConverter.DoubleToInt64Bits));
            }
            else
            {
                Assert.Equal(Assert.IsType<long[]>(values), Assert.IsType<long[]>(actual[name]));
            }
        }
    }

    private static void InTemporaryDirectory(Action<string> test)
    {
        string dir = Directory.CreateTempSubdirectory("nestsharp-filebackend").FullName;
        try
        {
            test(dir);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static async Task InTemporaryDirectory(Func<string, Task> test)
    {
        string dir = Directory.CreateTempSubdirectory("nestsharp-filebackend").FullName;
        try
        {
            await test(dir);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndThreads))]
    public async Task Parquet_HoldsTheMemoryBackendsEvents_OneRowGroupPerSimulateCall(string kind, int threads)
    {
        var (expected, perCall) = MemoryEvents(kind, threads);
        await InTemporaryDirectory(async dir =>
        {
            string file = RecordToFile(kind, "parquet", threads, dir);
            var (columns, rowGroups) = await ReadParquet(file);
            AssertSameEvents(expected, columns);
            Assert.Equal(perCall, rowGroups);

            // The same rows as with one thread (but for the ports, see MemoryEvents).
            var (oneThread, _) = MemoryEvents(kind, threads: 1);
            columns.Remove("ports");
            oneThread.Remove("ports");
            AssertSameEvents(oneThread, columns);
        });
    }

    [Theory]
    [MemberData(nameof(KindsAndThreads))]
    public void Csv_HoldsTheMemoryBackendsEvents_AcrossSimulateCalls(string kind, int threads)
    {
        var (expected, _) = MemoryEvents(kind, threads);
        InTemporaryDirectory(dir =>
        {
            string file = RecordToFile(kind, "csv", threads, dir);
            Assert.Single(File.ReadLines(file), line => line.StartsWith("senders,", StringComparison.Ordinal));
            AssertSameEvents(expected, ReadCsv(file, expected));
        });
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    public async Task TimeInSteps_GivesIntegerTimesAndOffsets_AsTheMemoryBackend(string backend)
    {
        var (expected, _) = MemoryEvents("spike_recorder", threads: 1, timeInSteps: true);
        Assert.Equal(["senders", "times", "offsets"], expected.Keys);
        await InTemporaryDirectory(async dir =>
        {
            string file = RecordToFile("spike_recorder", backend, threads: 2, dir, timeInSteps: true);
            var columns = backend == "parquet" ? (await ReadParquet(file)).Columns : ReadCsv(file, expected);
            AssertSameEvents(expected, columns);
        });
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    public void FileName_IsNestsAsciiName_WithTheRecordersVirtualProcess(string backend)
    {
        InTemporaryDirectory(dir =>
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["local_num_threads"] = 2, ["data_path"] = dir, ["data_prefix"] = "run1-" });
            var neurons = nest.Create("iaf_psc_alpha", 2, new() { ["I_e"] = 500.0 });
            var labelled = nest.Create("spike_recorder", 1, new() { ["record_to"] = backend, ["label"] = "spikes" });
            var unlabelled = nest.Create("spike_recorder", 1, new() { ["record_to"] = backend });
            nest.Connect(neurons, labelled + unlabelled);
            nest.Simulate(50.0);

            // Recorder 3 falls to virtual process 1 of 2, recorder 4 to virtual process 0.
            Assert.Equal([Path.Combine(dir, $"run1-spikes-3-1.{backend}")], (string[])labelled.Get("filenames"));
            Assert.Equal([Path.Combine(dir, $"run1-spike_recorder-4-0.{backend}")], (string[])unlabelled.Get("filenames"));
            Assert.Equal(2, Directory.GetFiles(dir).Length);
            Assert.All(Directory.GetFiles(dir), f => Assert.True(new FileInfo(f).Length > 0));
        });
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    public void ExistingFile_IsAnIOError_WithoutOverwriteFiles_AndIsLeftAsItWas(string backend)
    {
        InTemporaryDirectory(dir =>
        {
            var (nest, recorder) = Network("spike_recorder", backend, threads: 1, dir);
            string file = ((string[])recorder.Get("filenames"))[0];
            File.WriteAllText(file, "an earlier file");

            var error = Assert.Throws<IOErrorException>(() => nest.Simulate(10.0));
            Assert.Contains(file, error.Message, StringComparison.Ordinal);
            Assert.Contains("overwrite_files", error.Message, StringComparison.Ordinal);
            Assert.Equal("an earlier file", File.ReadAllText(file));
        });
    }

    [Fact]
    public async Task OverwriteFiles_ReplacesAnEarlierKernelsParquetFile()
    {
        var (expected, perCall) = MemoryEvents("spike_recorder", threads: 1);
        await InTemporaryDirectory(async dir =>
        {
            RecordToFile("spike_recorder", "parquet", threads: 1, dir);
            var (nest, recorder) = Network("spike_recorder", "parquet", threads: 2, dir);
            nest.SetKernelStatus("overwrite_files", true);
            foreach (double ms in Calls) nest.Simulate(ms);

            var (columns, rowGroups) = await ReadParquet(((string[])recorder.Get("filenames"))[0]);
            AssertSameEvents(expected, columns);
            Assert.Equal(perCall, rowGroups);
        });
    }

    [Fact]
    public void OverwriteFiles_ReplacesAnEarlierKernelsCsvFile_WithOneHeader()
    {
        var (expected, _) = MemoryEvents("multimeter", threads: 1);
        InTemporaryDirectory(dir =>
        {
            RecordToFile("multimeter", "csv", threads: 1, dir);
            var (nest, recorder) = Network("multimeter", "csv", threads: 1, dir);
            nest.SetKernelStatus("overwrite_files", true);
            foreach (double ms in Calls) nest.Simulate(ms);
            AssertSameEvents(expected, ReadCsv(((string[])recorder.Get("filenames"))[0], expected));
        });
    }

    [Fact]
    public void RunCalls_EachAddARowGroup()
    {
        InTemporaryDirectory(dir =>
        {
            var (nest, recorder) = Network("spike_recorder", "parquet", threads: 2, dir);
            nest.Prepare();
            nest.Run(10.0);
            nest.Run(15.0);
            nest.Cleanup();
            nest.Simulate(5.0);
            var (columns, rowGroups) = ReadParquet(((string[])recorder.Get("filenames"))[0]).GetAwaiter().GetResult();
            Assert.Equal(3, rowGroups.Length);
            Assert.Equal(recorder.Get<long>("n_events"), rowGroups.Sum());
            Assert.Equal(rowGroups.Sum(), ((long[])columns["senders"]).Length);
        });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task TwoProcesses_WriteOneFile_HoldingTheMemoryBackendsEvents(int threadsPerRank)
    {
        var (expected, perCall) = MemoryEvents("weight_recorder", threads: 2 * threadsPerRank);
        await InTemporaryDirectory(async dir =>
        {
            using var world = new InProcessWorld(2);
            var files = new string[2][];
            var failures = new Exception?[2];
            var ranks = Enumerable.Range(0, 2).Select(rank => new Thread(() =>
            {
                try
                {
                    foreach (string backend in new[] { "parquet", "csv" })
                    {
                        var (nest, recorder) = Network("weight_recorder", backend, threadsPerRank, dir, () => new Simulator(world.RankOf(rank)));
                        foreach (double ms in Calls) nest.Simulate(ms);
                        files[rank] = [.. files[rank] ?? [], .. (string[])recorder.Get("filenames")];
                    }
                }
                catch (Exception e)
                {
                    failures[rank] = e;
                }
            })).ToArray();
            foreach (var rank in ranks) rank.Start();
            Assert.True(ranks.All(t => t.Join(TimeSpan.FromMinutes(2))), "the ranks did not finish within 2 minutes");
            Assert.All(failures, f => Assert.Null(f));

            Assert.Equal(files[0], files[1]);
            Assert.Equal(2, Directory.GetFiles(dir).Length);
            var (columns, rowGroups) = await ReadParquet(files[0][0]);
            AssertSameEvents(expected, columns);
            Assert.Equal(perCall, rowGroups);
            AssertSameEvents(expected, ReadCsv(files[0][1], expected));
        });
    }

    [RequiresPandasParquetFact]
    public void Parquet_ReadByPandas_GivesTheMemoryBackendsEvents()
    {
        foreach (string kind in new[] { "weight_recorder", "multimeter" })
        {
            var (expected, _) = MemoryEvents(kind, threads: 2);
            InTemporaryDirectory(dir =>
            {
                string copy = Path.Combine(dir, "pandas.csv");
                Pandas.Convert(RecordToFile(kind, "parquet", threads: 2, dir), copy);
                AssertSameEvents(expected, ReadCsv(copy, expected));
            });
        }
    }

    [RequiresPandasFact]
    public void Csv_ReadByPandas_GivesTheMemoryBackendsEvents()
    {
        foreach (string kind in new[] { "weight_recorder", "multimeter" })
        {
            var (expected, _) = MemoryEvents(kind, threads: 2);
            InTemporaryDirectory(dir =>
            {
                string copy = Path.Combine(dir, "pandas.csv");
                Pandas.Convert(RecordToFile(kind, "csv", threads: 2, dir), copy);
                AssertSameEvents(expected, ReadCsv(copy, expected));
            });
        }
    }

    [Fact]
    public void UnknownBackend_IsABadProperty_ListingEveryBackend()
    {
        var nest = new Simulator();
        var error = Assert.Throws<BadPropertyException>(() => nest.Create("spike_recorder", 1, new() { ["record_to"] = "hdf5" }));
        Assert.Contains("record_to", error.Message, StringComparison.Ordinal);
        Assert.Contains("hdf5", error.Message, StringComparison.Ordinal);
        Assert.Contains("ascii, csv, memory, parquet, screen", error.Message, StringComparison.Ordinal);
        Assert.Equal(["ascii", "csv", "memory", "parquet", "screen"], (string[])nest.GetKernelStatus("recording_backends"));
        Assert.Equal(0L, nest.GetKernelStatus("network_size"));
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    public void KeysOfOtherBackends_AreRefused_AndTimeInStepsIsFixedAfterSimulate(string backend)
    {
        var nest = new Simulator();
        var recorder = nest.Create("spike_recorder", 1, new() { ["record_to"] = backend });
        var error = Assert.Throws<BadPropertyException>(() => recorder.Set("precision", 5));
        Assert.Contains("precision", error.Message, StringComparison.Ordinal);
        Assert.Contains(backend, error.Message, StringComparison.Ordinal);

        string dir = Directory.CreateTempSubdirectory("nestsharp-filebackend").FullName;
        try
        {
            nest.SetKernelStatus("data_path", dir);
            nest.Simulate(1.0);
            error = Assert.Throws<BadPropertyException>(() => recorder.Set("time_in_steps", true));
            Assert.Contains("time_in_steps", error.Message, StringComparison.Ordinal);
            Assert.False(recorder.Get<bool>("time_in_steps"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
