#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// Example using Hodgkin-Huxley neuron: the C# counterpart of PyNEST's hh_psc_alpha.py.
//
// The script computes the firing rate of a Hodgkin-Huxley neuron (hh_psc_alpha) in response to a range of constant
// (DC) input currents: for each amplitude the neuron settles for one second, then its spikes are counted for another.
// A DC input only drives the neuron's channel dynamics, so this does not check the synaptic response.
//
// Run: cd examples && dotnet run hh_psc_alpha.cs [-- --quick]
// Writes the f-I curve hh_psc_alpha.svg and .png into the current directory.
// --quick: every 200 pA instead of every 20 pA, with 100 ms to settle and 400 ms counted (5 s simulated in all).

using NestSharp;
using NestSharp.Plotting;

bool quick = args.Contains("--quick");

var nest = new Simulator();

double simtime = quick ? 400.0 : 1000.0; // time over which spikes are counted (ms)
double warmup = quick ? 100.0 : 1000.0; // time to reach the equilibrium state at each current (ms)

// The DC amplitudes (pA): from dcfrom up to (not including) dcto in steps of dcstep.
int dcfrom = 0;
int dcstep = quick ? 200 : 20;
int dcto = 2000;

double h = 0.1; // simulation step size in ms

var neuron = nest.Create("hh_psc_alpha");
var sr = nest.Create("spike_recorder");

sr.Set("record_to", "memory");

nest.Connect(neuron, sr, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = h });

// Simulation loop: for each amplitude the neuron first settles, then the spike count starts from zero and the spikes
// of the next simtime give the rate.

int n_data = (dcto - dcfrom) / dcstep;
var amplitudes = new double[n_data];
var event_freqs = new double[n_data];
for (int i = 0; i < n_data; i++)
{
    int amp = dcfrom + i * dcstep;
    neuron.Set("I_e", (double)amp);
    Console.WriteLine($"Simulating with current I={amp} pA");
    nest.Simulate(warmup); // warm-up time for the equilibrium state
    sr.Set("n_events", 0L); // then reset the spike count
    nest.Simulate(simtime); // another simulation call to record the firing rate

    long n_events = sr.Get<long>("n_events");
    amplitudes[i] = amp;
    event_freqs[i] = n_events / (simtime / 1000.0);
}

var fig = new LinePlot(new LinePlotOptions { Title = "hh_psc_alpha: f-I curve", XTitle = "I_e (pA)" });
fig.AddPanel("firing rate (spikes/s)").AddSeries("hh_psc_alpha", amplitudes, event_freqs);
var saved = fig.Save("hh_psc_alpha.png");
Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");

int first = Array.FindIndex(event_freqs, f => f > 0);
Console.WriteLine(first < 0
    ? "No spikes at any amplitude."
    : $"Rheobase between {(first > 0 ? amplitudes[first - 1] : 0):0} and {amplitudes[first]:0} pA; rate at {amplitudes[^1]:0} pA: {event_freqs[^1]:0.#} spikes/s.");
