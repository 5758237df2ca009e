using System.Diagnostics;
using System.Globalization;
using NestSharp.Cli.Experiments;

// Whole-run benchmarks, each run a fresh process so that its peak memory (VmHWM) belongs to it alone.
//
// The Brunel seed network (brunel_alpha_nest): build time, simulation time, peak memory, bytes per synapse and
// delivered synaptic events per second, for each thread count:
//   dotnet run -c Release --project benchmarks/NestSharp.Benchmarks -- [--order 2500] [--simtime 1000] [--threads 1,2] [--repeat 3]
// Weak scaling of the two-population STDP network with ignore_and_fire neurons (K = 1250 inputs per neuron):
//   dotnet run -c Release --project benchmarks/NestSharp.Benchmarks -- --scaling 1250,2500,5000 [--simtime 1000] [--threads 2]
//
// Prints one markdown table row per run (and the median per thread count for Brunel).

var options = ParseOptions(args);
if (options.TryGetValue("single", out _))
{
    RunOnce(int.Parse(options["order"]), double.Parse(options["simtime"], CultureInfo.InvariantCulture), int.Parse(options["threads"]));
    return 0;
}
if (options.TryGetValue("single-scaling", out _))
{
    RunScalingOnce(int.Parse(options["n"]), double.Parse(options["simtime"], CultureInfo.InvariantCulture), int.Parse(options["threads"]));
    return 0;
}
if (options.TryGetValue("scaling", out string? sizes))
{
    string time = options.GetValueOrDefault("simtime", "1000");
    string workers = options.GetValueOrDefault("threads", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
    Console.WriteLine($"Two-population STDP network, ignore_and_fire, K = 1250, {time} ms, {workers} thread(s), {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
    Console.WriteLine("| N | synapses | build (s) | simulate (s) | peak RSS (MB) | build µs/neuron | simulate µs/neuron/s | bytes/synapse |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    foreach (string n in sizes.Split(','))
        Console.WriteLine("| " + string.Join(" | ", RunChild($"--single-scaling --n {n} --simtime {time} --threads {workers}").Split('\t')) + " |");
    return 0;
}

int order = int.Parse(options.GetValueOrDefault("order", "2500"));
string simtime = options.GetValueOrDefault("simtime", "1000");
int repeat = int.Parse(options.GetValueOrDefault("repeat", "3"));
var threadCounts = options.GetValueOrDefault("threads", "1,2").Split(',').Select(int.Parse).ToArray();

Console.WriteLine($"Brunel order {order}, {simtime} ms, {repeat} run(s) per thread count, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine("| threads | build (s) | simulate (s) | peak RSS (MB) | bytes/synapse | events/s | rate exc/inh (Hz) | alloc in simulate (MB) |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (int threads in threadCounts)
{
    var rows = new List<string[]>();
    for (int r = 0; r < repeat; r++)
    {
        var fields = RunChild($"--single --order {order} --simtime {simtime} --threads {threads}").Split('\t');
        rows.Add(fields);
        Console.WriteLine("| " + string.Join(" | ", fields) + " |");
    }
    var median = Enumerable.Range(0, rows[0].Length)
        .Select(c => c == 0 ? $"**{threads} (median)**" : MedianOf(rows.Select(row => row[c]).ToList()))
        .ToArray();
    Console.WriteLine("| " + string.Join(" | ", median) + " |");
}
return 0;

static string RunChild(string arguments)
{
    var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, SelfArguments() + arguments)
    {
        RedirectStandardOutput = true,
        UseShellExecute = false,
    })!;
    string output = child.StandardOutput.ReadToEnd().Trim();
    child.WaitForExit();
    if (child.ExitCode != 0) throw new InvalidOperationException($"benchmark run failed: {output}");
    return output;
}

static void RunScalingOnce(int n, double simtime, int threads)
{
    string dir = Directory.CreateTempSubdirectory("nestsharp-scaling").FullName;
    try
    {
        var model = new IgnoreAndFireModel(IgnoreAndFireModel.GetDefaultParameters() with
        {
            N = n,
            NThreads = threads,
            NeuronModel = "ignore_and_fire",
            DataPath = dir,
            PrintSimulationProgress = false,
        }, TextWriter.Null);
        var build = Stopwatch.StartNew();
        model.Create();
        model.Connect();
        double buildSeconds = build.Elapsed.TotalSeconds;
        var simulate = Stopwatch.StartNew();
        model.Simulate(simtime);
        double simulateSeconds = simulate.Elapsed.TotalSeconds;
        long synapses = model.Nest.NumConnections;
        long peak = PeakResidentBytes();
        Console.WriteLine(string.Join('\t',
            n.ToString(CultureInfo.InvariantCulture),
            synapses.ToString(CultureInfo.InvariantCulture),
            buildSeconds.ToString("F2", CultureInfo.InvariantCulture),
            simulateSeconds.ToString("F2", CultureInfo.InvariantCulture),
            (peak / 1e6).ToString("F0", CultureInfo.InvariantCulture),
            (buildSeconds * 1e6 / n).ToString("F1", CultureInfo.InvariantCulture),
            (simulateSeconds * 1e6 / n / (simtime / 1000.0)).ToString("F1", CultureInfo.InvariantCulture),
            ((double)peak / synapses).ToString("F1", CultureInfo.InvariantCulture)));
    }
    finally
    {
        Directory.Delete(dir, true);
    }
}

// Run as `dotnet NestSharp.Benchmarks.dll` the process is dotnet itself, which needs the assembly as first argument.
static string SelfArguments() =>
    Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? $"\"{System.Reflection.Assembly.GetEntryAssembly()!.Location}\" " : "";

// The median run's value as that run wrote it, so the median row has the same number format as the runs' rows.
static string MedianOf(List<string> values)
{
    var numbers = values.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : double.NaN).ToList();
    if (numbers.Any(double.IsNaN)) return values[0];
    var byValue = Enumerable.Range(0, values.Count).OrderBy(i => numbers[i]).ToList();
    return values[byValue[values.Count / 2]];
}

static void RunOnce(int order, double simtime, int threads)
{
    string dir = Directory.CreateTempSubdirectory("nestsharp-bench").FullName;
    try
    {
        var result = BrunelExperiment.Run(new BrunelParameters
        {
            Order = order, SimTimeMs = simtime, Threads = threads, OutputDirectory = dir, PrintTime = false,
        }, TextWriter.Null);
        long peakBytes = PeakResidentBytes();
        double eventsPerSecond = result.TotalSpikes * ((double)result.Synapses / result.Neurons) / result.SimulationTime.TotalSeconds;
        Console.WriteLine(string.Join('\t',
            threads.ToString(CultureInfo.InvariantCulture),
            result.BuildTime.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture),
            result.SimulationTime.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture),
            (peakBytes / 1e6).ToString("F0", CultureInfo.InvariantCulture),
            ((double)peakBytes / result.Synapses).ToString("F1", CultureInfo.InvariantCulture),
            eventsPerSecond.ToString("0.00E+00", CultureInfo.InvariantCulture),
            $"{result.ExcitatoryRateHz.ToString("F2", CultureInfo.InvariantCulture)}/{result.InhibitoryRateHz.ToString("F2", CultureInfo.InvariantCulture)}",
            (result.SimulationAllocatedBytes / 1e6).ToString("F1", CultureInfo.InvariantCulture)));
    }
    finally
    {
        Directory.Delete(dir, true);
    }
}

// Peak resident set size of this process (VmHWM), in bytes.
static long PeakResidentBytes()
{
    foreach (string line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            return long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    return 0;
}

static Dictionary<string, string> ParseOptions(string[] args)
{
    var options = new Dictionary<string, string>();
    for (int i = 0; i < args.Length; i++)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{args[i]}'");
        string key = args[i][2..];
        options[key] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "";
    }
    return options;
}
