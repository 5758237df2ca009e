#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// One neuron example: the C# counterpart of PyNEST's one_neuron.py.
//
// A single integrate-and-fire neuron (iaf_psc_alpha) receives a constant current through its I_e parameter, strong
// enough to make it fire regularly; a voltmeter samples its membrane potential, which is plotted at the end.
// See also twoneurons.cs, where this neuron drives a second one.
//
// Run: cd examples && dotnet run one_neuron.cs [-- --quick]
// Writes the voltage trace one_neuron.svg and .png into the current directory.
// The full run simulates one second and takes well under a second, so --quick runs the same simulation.

using NestSharp;
using NestSharp.Plotting;

_ = args.Contains("--quick"); // accepted for uniformity with the other examples: the full version is already small

var nest = new Simulator();

// The neuron and the voltmeter that records it.

var neuron = nest.Create("iaf_psc_alpha");
var voltmeter = nest.Create("voltmeter");

// A constant input current of 376 pA: just above the default neuron's rheobase, (V_th - E_L) C_m / tau_m = 375 pA,
// so it fires regularly.

neuron.Set("I_e", 376.0);

// The voltmeter is connected to the neuron it observes (device first, as in NEST).

nest.Connect(voltmeter, neuron);

nest.Simulate(1000.0);

// The membrane potential over time, as nest.voltage_trace.from_device draws it.

var events = (Dictionary<string, object>)voltmeter.Get("events");
var times = (double[])events["times"];
var v_m = (double[])events["V_m"];

var saved = VoltageTrace.FromDevice(voltmeter).Save("one_neuron.png");
Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");

// A short summary: the number of samples, the recorded range and the last sample.

Console.WriteLine($"{times.Length} samples from {times[0]:0.#} to {times[^1]:0.#} ms; V_m between {v_m.Min():F6} and {v_m.Max():F6} mV, " +
    $"mean {v_m.Average():F9} mV");
Console.WriteLine($"V_m at {times[^1]:0.#} ms: {v_m[^1]:R} mV; neuron's V_m at the end: {neuron.Get<double>("V_m"):R} mV");
