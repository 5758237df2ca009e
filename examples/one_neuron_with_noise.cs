#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// One neuron with noise: the C# counterpart of PyNEST's one_neuron_with_noise.py.
//
// An integrate-and-fire neuron (iaf_psc_alpha) receives the spikes of two Poisson generators, a fast excitatory one
// and a slower inhibitory one; a voltmeter records the fluctuating membrane potential, which is plotted at the end.
//
// Run: cd examples && dotnet run one_neuron_with_noise.cs [-- --quick]
// Writes the voltage trace one_neuron_with_noise.svg and .png into the current
// directory. The full run simulates one second and takes about a second, so --quick runs the same simulation.

using NestSharp;
using NestSharp.Plotting;

_ = args.Contains("--quick"); // accepted for uniformity with the other examples: the full version is already small

var nest = new Simulator();

// The neuron, two Poisson generators and a voltmeter. A spike recorder (not in the Python script) counts the
// neuron's spikes for the summary.

var neuron = nest.Create("iaf_psc_alpha");
var noise = nest.Create("poisson_generator", 2);
var voltmeter = nest.Create("voltmeter");
var spikes = nest.Create("spike_recorder");

// The rates of the two generators (spikes/s): each stands for many independent presynaptic neurons.

noise[0].Set("rate", 80000.0);
noise[1].Set("rate", 15000.0);

// Both generators connect to the neuron with one all_to_all call; the weights come as a matrix of targets x sources
// (one row for the one neuron): 1.2 pA excitatory from the first generator, -1.0 pA inhibitory from the second.

nest.Connect(noise, neuron, syn: new Dictionary<string, object> { ["weight"] = new double[,] { { 1.2, -1.0 } }, ["delay"] = 1.0 });
nest.Connect(voltmeter, neuron);
nest.Connect(neuron, spikes);

nest.Simulate(1000.0);

// The membrane potential over time, as nest.voltage_trace.from_device draws it.

var events = (Dictionary<string, object>)voltmeter.Get("events");
var times = (double[])events["times"];
var v_m = (double[])events["V_m"];

var saved = VoltageTrace.FromDevice(voltmeter).Save("one_neuron_with_noise.png");
Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");

// A short summary: the mean and standard deviation of the membrane potential and the number of spikes.

double mean = v_m.Average();
double sd = Math.Sqrt(v_m.Sum(v => (v - mean) * (v - mean)) / v_m.Length);
Console.WriteLine($"{times.Length} samples; V_m mean {mean:F4} mV, standard deviation {sd:F4} mV; {spikes.Get<long>("n_events")} spikes in 1 s");
