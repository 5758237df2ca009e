#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// Two neuron example: the C# counterpart of PyNEST's twoneurons.py.
//
// A presynaptic integrate-and-fire neuron (iaf_psc_alpha) is driven by a constant current and fires regularly; each
// of its spikes reaches a postsynaptic neuron of the same model through a static synapse. One voltmeter records the
// membrane potentials of both, which are plotted together. See also one_neuron.cs.
//
// Run: cd examples && dotnet run twoneurons.cs [-- --quick]
// Writes the voltage traces twoneurons.svg and .png into the current directory.
// The full run simulates one second and takes well under a second, so --quick runs the same simulation.

using NestSharp;
using NestSharp.Plotting;

_ = args.Contains("--quick"); // accepted for uniformity with the other examples: the full version is already small

var nest = new Simulator();

// The two neurons and a voltmeter.

var neuron_1 = nest.Create("iaf_psc_alpha");
var neuron_2 = nest.Create("iaf_psc_alpha");
var voltmeter = nest.Create("voltmeter");

// Only the presynaptic neuron gets the constant current (376 pA, just above its rheobase).

neuron_1.Set("I_e", 376.0);

// The synapse from neuron 1 to neuron 2: its weight (pA, the amplitude of the postsynaptic current) and delay (ms).

double weight = 20.0;
double delay = 1.0;

nest.Connect(neuron_1, neuron_2, syn: new Dictionary<string, object> { ["weight"] = weight, ["delay"] = delay });

// The one voltmeter observes both neurons; its events tell them apart by their sender.

nest.Connect(voltmeter, neuron_1);
nest.Connect(voltmeter, neuron_2);

nest.Simulate(1000.0);

// One trace per neuron, as nest.voltage_trace.from_device draws them, and a summary line for each.

var events = (Dictionary<string, object>)voltmeter.Get("events");
var senders = (long[])events["senders"];
var times = (double[])events["times"];
var v_m = (double[])events["V_m"];

foreach (var neuron in new[] { neuron_1, neuron_2 })
{
    long id = neuron.Ids[0];
    var own = Enumerable.Range(0, senders.Length).Where(i => senders[i] == id).ToArray();
    var t = own.Select(i => times[i]).ToArray();
    var v = own.Select(i => v_m[i]).ToArray();
    Console.WriteLine($"Neuron {id}: {t.Length} samples, V_m between {v.Min():F6} and {v.Max():F6} mV, mean {v.Average():F9} mV, " +
        $"last {v[^1]:R} mV");
}

var saved = VoltageTrace.FromDevice(voltmeter).Save("twoneurons.png");
Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");
