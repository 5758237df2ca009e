#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// Example of the tsodyks2_synapse. The C# counterpart of PyNEST's evaluate_tsodyks2_synapse.py.
//
// tsodyks_synapse and tsodyks2_synapse describe the same short-term plasticity (Tsodyks & Markram 1997; Fuhrmann et
// al. 2002) in two formulations: tsodyks_synapse keeps the fraction of resources in the synaptic cleft (y, decaying
// with tau_psc) and should be used with a target whose synaptic current decays with the same time constant;
// tsodyks2_synapse only keeps the recovered fraction x and the release probability u and leaves the shape of the
// response to the target. With the target's tau_syn equal to tau_psc both give almost the same membrane potential,
// which this script shows for a depressing and a facilitating synapse.
//
// A neuron driven by a constant current fires regularly and reaches two neurons, one through each synapse model. The
// standard protocol for short-term plasticity: a burst (500 ms of current), a pause (500 ms) and a recovery burst
// (500 ms); voltmeters record the responses.
//
// Run: cd examples && dotnet run evaluate_tsodyks2_synapse.cs [-- --quick]
// Writes evaluate_tsodyks2_synapse.svg and .png into the current directory.
// --quick shortens every phase of the protocol to 100 ms.

using NestSharp;
using NestSharp.Plotting;

bool quick = args.Contains("--quick");
double phase = quick ? 100.0 : 500.0;

// Parameters of a depressing and of a facilitating synapse.
var dep_params = new Dictionary<string, object> { ["U"] = 0.67, ["u"] = 0.67, ["x"] = 1.0, ["tau_rec"] = 450.0, ["tau_fac"] = 0.0, ["weight"] = 250.0 };
var fac_params = new Dictionary<string, object> { ["U"] = 0.1, ["u"] = 0.1, ["x"] = 1.0, ["tau_fac"] = 1000.0, ["tau_rec"] = 100.0, ["weight"] = 250.0 };

var fig = new LinePlot(new LinePlotOptions { Title = "tsodyks_synapse and tsodyks2_synapse", XTitle = "time (ms)" });
foreach (var (experiment_name, syn_params) in new[] { ("Depression", dep_params), ("Facilitation", fac_params) })
{
    var nest = new Simulator();

    // Assign the parameter set to the synapse models.
    var tsodyks_params = new Dictionary<string, object>(syn_params) { ["synapse_model"] = "tsodyks_synapse" };
    var tsodyks2_params = new Dictionary<string, object>(syn_params) { ["synapse_model"] = "tsodyks2_synapse" };

    // Create three neurons.
    var neuron = nest.Create("iaf_psc_exp", 3, new() { ["tau_syn_ex"] = 3.0 });

    // Neuron one produces spikes. Neurons 2 and 3 receive the spikes via the two synapse models.
    nest.Connect(neuron[0], neuron[1], syn: tsodyks_params);
    nest.Connect(neuron[0], neuron[2], syn: tsodyks2_params);

    // Two voltmeters record the responses.
    var voltmeter = nest.Create("voltmeter", 2);
    nest.Connect(voltmeter[0], neuron[1]);
    nest.Connect(voltmeter[1], neuron[2]);

    // The standard STP protocol: a burst of spikes, a pause, and a recovery response.
    neuron[0].Set("I_e", 376.0);
    nest.Simulate(phase);
    neuron[0].Set("I_e", 0.0);
    nest.Simulate(phase);
    neuron[0].Set("I_e", 376.0);
    nest.Simulate(phase);

    // Both voltage traces in one panel: they should almost completely overlap.
    var events1 = (Dictionary<string, object>)voltmeter[0].Get("events");
    var events2 = (Dictionary<string, object>)voltmeter[1].Get("events");
    var (t1, v1) = ((double[])events1["times"], (double[])events1["V_m"]);
    var (t2, v2) = ((double[])events2["times"], (double[])events2["V_m"]);
    fig.AddPanel($"{experiment_name}: V_m (mV)")
        .AddSeries("tsodyks_synapse", t1, v1, "#1f77b4", lineWidth: 2.0)
        .AddSeries("tsodyks2_synapse", t2, v2, "#ff7f0e", lineWidth: 1.0);

    double maxDifference = v1.Zip(v2, (a, b) => Math.Abs(a - b)).Max();
    Console.WriteLine($"{experiment_name}: {t1.Length} samples per neuron, peak V_m {v1.Max():F3} / {v2.Max():F3} mV, " +
        $"max |difference| {maxDifference:F3} mV");
}

var saved = fig.Save("evaluate_tsodyks2_synapse.png");
Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");
