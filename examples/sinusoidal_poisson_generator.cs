#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// Sinusoidal Poisson generator example: the C# counterpart of PyNEST's sinusoidal_poisson_generator.py.
//
// Shows the sinusoidal_poisson_generator, its parameters and its two modes. Part 1 creates two generators with
// different rates, amplitudes, frequencies and phases, records their rate with multimeters and their spikes with spike
// recorders, and draws the recorded rates over peri-stimulus time (PST) histograms, and the inter-spike interval (ISI)
// histograms. Part 2 connects one generator to 20 parrot neurons, once with individual_spike_trains on (every target
// gets its own spike train) and once off (all targets get the same one), and draws both rasters.
//
// Run: cd examples && dotnet run sinusoidal_poisson_generator.cs [-- --quick]
// The Python script draws one figure of four panels; here they are four files in the current directory:
// sinusoidal_poisson_generator_rates.svg, _isi.svg, _individual.svg and _shared.svg and the .png files.
// The full run simulates 3 x 200 ms and takes about a second, so --quick runs the same simulation.

using NestSharp;
using NestSharp.Plotting;

_ = args.Contains("--quick"); // accepted for uniformity with the other examples: the full version is already small

var nest = new Simulator();

// Part 1. A fine time resolution (0.01 ms) resolves the high rates of the two generators.

nest.SetKernelStatus("resolution", 0.01);

// Two generators with their own parameters: rate and amplitude in spikes/s, frequency in Hz, phase in degrees. The
// second has a zero mean rate, so the negative half of its sine is cut off at zero.

int num_nodes = 2;
var g = nest.Create("sinusoidal_poisson_generator", new[]
{
    new Dictionary<string, object> { ["rate"] = 10000.0, ["amplitude"] = 5000.0, ["frequency"] = 10.0, ["phase"] = 0.0 },
    new Dictionary<string, object> { ["rate"] = 0.0, ["amplitude"] = 10000.0, ["frequency"] = 5.0, ["phase"] = 90.0 },
});

// One multimeter (sampling the rate every 0.1 ms) and one spike recorder per generator, connected one to one.

string[] record_from = ["rate"];
var m = nest.Create("multimeter", num_nodes, new() { ["interval"] = 0.1, ["record_from"] = record_from });
var s = nest.Create("spike_recorder", num_nodes);

nest.Connect(m, g, "one_to_one");
nest.Connect(g, s, "one_to_one");
foreach (var status in m.GetStatus())
{
    Console.WriteLine($"multimeter {status["global_id"]}: record_from [{string.Join(", ", (string[])status["record_from"])}], interval {status["interval"]} ms");
}

nest.Simulate(200.0);

// The recorded rates over PST histograms (5 ms bins, in spikes/s), and the ISI histograms (0.02 ms bins up to 1 ms),
// drawn as steps in the colours of the Python script.

string[] colors = ["#0000ff", "#008000"]; // matplotlib's "blue" and "green"
var rates = new LinePlot(new LinePlotOptions { Title = "PST histogram and firing rates", XTitle = "Time (ms)" });
var ratePanel = rates.AddPanel("Spikes per second");
var isi = new LinePlot(new LinePlotOptions { Title = "ISI histogram", XTitle = "Inter-spike interval (ms)" });
var isiPanel = isi.AddPanel("Count");
for (int j = 0; j < num_nodes; j++)
{
    var ev = (Dictionary<string, object>)m[j].Get("events");
    var t = (double[])ev["times"];
    var r = (double[])ev["rate"];

    var spike_times = (double[])((Dictionary<string, object>)s[j].Get("events"))["times"];
    var pstEdges = Arange(0.0, 201.0, 5.0);
    var pst = Histogram(spike_times, pstEdges).Select(h => h * 1000 / 5.0).ToArray();
    ratePanel.AddSeries($"generator {j + 1}: rate", t, r, colors[j]);
    var (stepX, stepY) = Steps(pstEdges, pst);
    ratePanel.AddSeries($"generator {j + 1}: PST histogram", stepX, stepY, colors[j], lineWidth: 1.0);

    var intervals = spike_times.Skip(1).Zip(spike_times, (later, earlier) => later - earlier).ToArray();
    var isiEdges = Arange(0.0, 1.005, 0.02);
    (stepX, stepY) = Steps(isiEdges, Histogram(intervals, isiEdges));
    isiPanel.AddSeries($"generator {j + 1}", stepX, stepY, colors[j]);

    Console.WriteLine($"generator {j + 1}: {spike_times.Length} spikes in 200 ms (expected {r.Average() * 0.2:F0} from the mean recorded rate " +
        $"{r.Average():F1} spikes/s); {t.Length} rate samples up to {t[^1]:0.0#} ms, mean {r.Average():R}, last {r[^1]:R} spikes/s");
}

Report(rates.Save("sinusoidal_poisson_generator_rates.png"));
Report(isi.Save("sinusoidal_poisson_generator_isi.png"));

// Part 2. A fresh kernel with 4 threads; a generator with individual_spike_trains on drives 20 parrot neurons, which
// repeat every spike they receive, and their spikes are recorded. Each parrot shows a different spike train.
// Then the same again with individual_spike_trains off: all parrots repeat one and the same train.

foreach (bool individual in new[] { true, false })
{
    nest.ResetKernel();
    nest.SetKernelStatus("local_num_threads", 4);

    nest.SetDefaults("sinusoidal_poisson_generator", new() { ["individual_spike_trains"] = individual });
    g = nest.Create("sinusoidal_poisson_generator", 1,
        new() { ["rate"] = 100.0, ["amplitude"] = 50.0, ["frequency"] = 10.0, ["phase"] = 0.0 });
    var p = nest.Create("parrot_neuron", 20);
    s = nest.Create("spike_recorder");

    nest.Connect(g, p, "all_to_all");
    nest.Connect(p, s, "all_to_all");

    nest.Simulate(200.0);

    // The raster with the parrots numbered from 0, as the Python script shifts the senders.
    var ev = (Dictionary<string, object>)s.Get("events");
    var senders = (long[])ev["senders"];
    var times = (double[])ev["times"];
    long first = senders.Length > 0 ? senders.Min() : 0;
    var parrots = senders.Select(sender => sender - first).ToArray();
    string title = individual ? "Individual spike trains for each target" : "One spike train for all targets";
    var raster = RasterPlot.Render(parrots, times, new RasterPlotOptions { Title = title, ShowHistogram = false, StartMs = 0.0, StopMs = 200.0, MarkerSize = 4 });
    Report(raster.Figure.Save(individual ? "sinusoidal_poisson_generator_individual.png" : "sinusoidal_poisson_generator_shared.png"));
    Console.WriteLine($"individual_spike_trains = {individual}: {senders.Length} spikes of 20 parrots at {times.Distinct().Count()} distinct times");
}

static void Report(SaveResult saved) =>
    Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");

// numpy.arange(start, stop, step): start, start + step, ... below stop.
static double[] Arange(double start, double stop, double step) =>
    Enumerable.Range(0, (int)Math.Ceiling((stop - start) / step)).Select(i => start + i * step).ToArray();

// numpy.histogram: counts in [edges[i], edges[i + 1]), the last bin also holding its upper edge.
static double[] Histogram(double[] values, double[] edges)
{
    var counts = new double[edges.Length - 1];
    foreach (double value in values)
    {
        if (value < edges[0] || value > edges[^1])
        {
            continue;
        }

        int index = Array.BinarySearch(edges, value);
        int bin = index >= 0 ? index : ~index - 1;
        counts[Math.Min(bin, counts.Length - 1)]++;
    }

    return counts;
}

// The outline of a histogram: each bin's count held from its lower to its upper edge.
static (double[] X, double[] Y) Steps(double[] edges, double[] counts)
{
    var x = new double[2 * counts.Length];
    var y = new double[2 * counts.Length];
    for (int i = 0; i < counts.Length; i++)
    {
        (x[2 * i], x[2 * i + 1]) = (edges[i], edges[i + 1]);
        (y[2 * i], y[2 * i + 1]) = (counts[i], counts[i]);
    }

    return (x, y);
}
