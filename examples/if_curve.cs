#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// IF curve example: the C# counterpart of PyNEST's if_curve.py.
//
// Measures how the firing rate of a neuron depends on a noisy input current I(t) = I_mean + I_std * W(t), where W(t)
// is white noise (a noise_generator). A group of identical neurons receives the current; the sweep walks through a
// grid of (I_mean, I_std) pairs and counts the spikes of every pair in a fresh simulation of one second. As in the
// Python script, the neuron is the adaptive exponential integrate-and-fire model with conductance-based synapses
// (aeif_cond_exp), but any model that accepts currents can be measured: the model and its parameters are given to the
// IfCurve object when it is created.
//
// Run: cd examples && dotnet run if_curve.cs [-- --quick]
// Writes the table aeif_cond_exp_transfer.dat (the Python script stores the same arrays in a shelve file) and the
// curves if_curve.svg and .png into the current directory.
// --quick: I_mean in steps of 100 pA instead of 50 pA and I_std in steps of 200 pA instead of 50 pA (15 simulations of
// one second instead of 120).

using System.Globalization;
using System.Text;
using NestSharp;
using NestSharp.Plotting;

bool quick = args.Contains("--quick");

// The neuron model and its parameters: the adaptation (a, b, tau_w), the exponential spike onset (Delta_T, V_th, V_peak)
// and the membrane (C_m, g_L, E_L, V_reset, t_ref); the synaptic reversal potentials are not used by a current input.

string model = "aeif_cond_exp";
var parameters = new Dictionary<string, object>
{
    ["a"] = 4.0,
    ["b"] = 80.8,
    ["V_th"] = -50.4,
    ["Delta_T"] = 2.0,
    ["I_e"] = 0.0,
    ["C_m"] = 281.0,
    ["g_L"] = 30.0,
    ["V_reset"] = -70.6,
    ["tau_w"] = 144.0,
    ["t_ref"] = 5.0,
    ["V_peak"] = -40.0,
    ["E_L"] = -70.6,
    ["E_ex"] = 0.0,
    ["E_in"] = -70.0,
};

// Measure the whole grid: the mean current from 400 pA up to (not including) 900 pA, the noise amplitude from 0 up to
// (not including) 600 pA.

var transfer = new IfCurve(model, parameters);
transfer.ComputeTransfer(iMean: (400.0, 900.0, quick ? 100.0 : 50.0), iStd: (0.0, 600.0, quick ? 200.0 : 50.0));

// Store the grid and the rates as a text table: one row per I_mean, one column per I_std.

var table = new StringBuilder();
table.AppendLine(CultureInfo.InvariantCulture, $"# firing rate (spikes/s) of {model}; rows: I_mean (pA), columns: I_std (pA)");
table.AppendLine("I_mean\\I_std\t" + string.Join('\t', transfer.StdRange.Select(s => s.ToString(CultureInfo.InvariantCulture))));
for (int n = 0; n < transfer.IRange.Length; n++)
{
    var row = Enumerable.Range(0, transfer.StdRange.Length).Select(m => transfer.Rate[n, m].ToString("R", CultureInfo.InvariantCulture));
    table.AppendLine(transfer.IRange[n].ToString(CultureInfo.InvariantCulture) + "\t" + string.Join('\t', row));
}

File.WriteAllText(model + "_transfer.dat", table.ToString());
Console.WriteLine($"Table: {model}_transfer.dat");

// The Python script only stores the data; here the rates are also drawn: one f-I curve per noise amplitude.

var fig = new LinePlot(new LinePlotOptions { Title = $"{model}: firing rate with noisy input current", XTitle = "I_mean (pA)" });
var panel = fig.AddPanel("firing rate (spikes/s)");
for (int m = 0; m < transfer.StdRange.Length; m++)
{
    var rates = Enumerable.Range(0, transfer.IRange.Length).Select(n => transfer.Rate[n, m]).ToArray();
    panel.AddSeries($"I_std = {transfer.StdRange[m]:0} pA", transfer.IRange, rates);
}

var saved = fig.Save("if_curve.png");
Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");

// The summary: the rate table, as the Python script's arrays would print.

Console.WriteLine("rate (spikes/s); rows I_mean (pA), columns I_std (pA)");
Console.WriteLine("       " + string.Join(' ', transfer.StdRange.Select(s => $"{s,7:0}")));
for (int n = 0; n < transfer.IRange.Length; n++)
{
    Console.WriteLine($"{transfer.IRange[n],6:0} " + string.Join(' ', Enumerable.Range(0, transfer.StdRange.Length).Select(m => $"{transfer.Rate[n, m],7:F2}")));
}

/// <summary>Measures the firing rate of a group of neurons as a function of the mean and the amplitude of a noisy current.</summary>
internal sealed class IfCurve
{
    private const double TSim = 1000.0; // duration of one measurement (ms)
    private const int NNeurons = 100; // number of neurons the rate is averaged over
    private const int NThreads = 4; // threads of the simulation (the results do not depend on it)

    private readonly string _model;
    private readonly Dictionary<string, object>? _params;
    private readonly Simulator _nest = new();
    private NodeCollection _neuron = NodeCollection.Empty;
    private NodeCollection _noise = NodeCollection.Empty;
    private NodeCollection _spikeRecorder = NodeCollection.Empty;

    public IfCurve(string model, Dictionary<string, object>? parameters = null)
    {
        _model = model;
        _params = parameters;
        Build();
        Connect();
    }

    public double[] IRange { get; private set; } = [];

    public double[] StdRange { get; private set; } = [];

    public double[,] Rate { get; private set; } = new double[0, 0];

    /// <summary>A fresh kernel with the neurons, the noise generator and a spike recorder.</summary>
    private void Build()
    {
        // Everything from the previous measurement is discarded, and the number of threads is set again.
        _nest.ResetKernel();
        _nest.SetKernelStatus("local_num_threads", NThreads);

        _neuron = _nest.Create(_model, NNeurons, _params);
        _noise = _nest.Create("noise_generator");
        _spikeRecorder = _nest.Create("spike_recorder");
    }

    /// <summary>The noise current goes to every neuron, and every neuron's spikes to the recorder.</summary>
    private void Connect()
    {
        _nest.Connect(_noise, _neuron, "all_to_all");
        _nest.Connect(_neuron, _spikeRecorder, "all_to_all");
    }

    /// <summary>The mean firing rate (spikes/s) of the neurons for one pair of current parameters.</summary>
    public double OutputRate(double mean, double std)
    {
        Build();
        Connect();

        // The noise of this measurement: on from the start to the end of the measurement.
        _noise.Set(new Dictionary<string, object> { ["mean"] = mean, ["std"] = std, ["start"] = 0.0, ["stop"] = 1000.0, ["origin"] = 0.0 });

        // Simulate and turn the spike count into a rate per neuron.
        _nest.Simulate(TSim);
        return _spikeRecorder.Get<long>("n_events") * 1000.0 / (1.0 * NNeurons * TSim);
    }

    /// <summary>Measures the rate for every combination of I_mean and I_std; each range is (start, stop, step), stop excluded.</summary>
    public void ComputeTransfer((double Start, double Stop, double Step) iMean, (double Start, double Stop, double Step) iStd)
    {
        IRange = Arange(iMean);
        StdRange = Arange(iStd);
        Rate = new double[IRange.Length, StdRange.Length];
        for (int n = 0; n < IRange.Length; n++)
        {
            Console.WriteLine($"I  =  {IRange[n]}");
            for (int m = 0; m < StdRange.Length; m++)
            {
                Rate[n, m] = OutputRate(IRange[n], StdRange[m]);
            }
        }
    }

    /// <summary>The values start, start + step, ... below stop, as numpy.arange.</summary>
    private static double[] Arange((double Start, double Stop, double Step) range)
    {
        int count = (int)Math.Ceiling((range.Stop - range.Start) / range.Step);
        return Enumerable.Range(0, Math.Max(count, 0)).Select(i => range.Start + i * range.Step).ToArray();
    }
}
