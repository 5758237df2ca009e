#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// Random balanced network with many synaptic time constants: the C# counterpart of PyNEST's
// brunel_exp_multisynapse_nest.py.
//
// The network of brunel_delta_nest (after [1]), built from iaf_psc_exp_multisynapse neurons: each neuron has 100
// receptor ports, port i with its own exponential current of time constant tau_syn[i] = 0.1 + 0.01 (i - 1) ms, and
// every connection lands on a port drawn at random. Custom copies of the static synapse let us ask for the number of
// synapses created; spike recorders give the average firing rates of the populations. The time to build and the time
// to simulate the network are measured.
//
// [1] Brunel N (2000). Dynamics of sparsely connected networks of excitatory and inhibitory spiking neurons.
//     Journal of Computational Neuroscience 8, 183-208.
//
// Run: cd examples && dotnet run brunel_exp_multisynapse_nest.cs [-- --quick]
// Writes the spike files brunel-py-ex-*.dat, brunel-py-in-*.dat and the raster plot brunel_exp_multisynapse_raster.svg and .png
// into the current directory.
// --quick: a network ten times smaller (order 250: 1000 excitatory and 250 inhibitory neurons) for 200 ms.

using System.Diagnostics;
using NestSharp;
using NestSharp.Plotting;

bool quick = args.Contains("--quick");

var nest = new Simulator();

// The build time is measured from here.

var startbuild = Stopwatch.GetTimestamp();

// Simulation parameters.

double dt = 0.1; // resolution (ms)
double simtime = quick ? 200.0 : 1000.0; // simulated time (ms)
double delay = 1.5; // synaptic delay (ms)

// The parameters that put the network into the asynchronous irregular state.

double g = 5.0; // inhibitory weight relative to the excitatory one
double eta = 2.0; // external rate relative to the threshold rate
double epsilon = 0.1; // connection probability

// Sizes: the populations, and how many neurons of each are recorded.

int order = quick ? 250 : 2500;
int NE = 4 * order; // excitatory neurons
int NI = 1 * order; // inhibitory neurons
int N_neurons = NE + NI; // all neurons
int N_rec = 50; // neurons recorded per population

// In-degrees: each neuron receives CE excitatory and CI inhibitory connections.

int CE = (int)(epsilon * NE);
int CI = (int)(epsilon * NI);

// The neuron parameters, as NEST's script sets them (C_m = 1 pF, so a weight of J pA moves the membrane by about
// J tau_syn / C_m mV), and the receptor ports: one synaptic time constant per port.

double tauMem = 20.0; // membrane time constant (ms)
double theta = 20.0; // threshold (mV), relative to the resting potential 0
int nr_ports = 100; // receptor ports per neuron
double[] tau_syn = Enumerable.Range(0, nr_ports).Select(i => 0.1 + 0.01 * i).ToArray();
var neuron_params = new Dictionary<string, object>
{
    ["C_m"] = 1.0,
    ["tau_m"] = tauMem,
    ["t_ref"] = 2.0,
    ["E_L"] = 0.0,
    ["V_reset"] = 0.0,
    ["V_m"] = 0.0,
    ["V_th"] = theta,
    ["tau_syn"] = tau_syn,
};
double J = 0.1; // postsynaptic potential amplitude (mV)
double J_ex = J; // excitatory PSP amplitude
double J_in = -g * J_ex; // inhibitory PSP amplitude

// The threshold rate is the external rate that alone brings the mean membrane potential to threshold; the external
// drive is eta times that, and one Poisson generator stands for all CE external inputs of a neuron (times 1000: from
// spikes/ms to spikes/s).

double nu_th = theta / (J * CE * tauMem);
double nu_ex = eta * nu_th;
double p_rate = 1000.0 * nu_ex * CE;

// Kernel: the resolution, a progress display while simulating, permission to overwrite old spike files, and NEST's
// script's four threads (the results do not depend on the number of threads).

nest.SetKernelStatus(new() { ["resolution"] = dt, ["print_time"] = true, ["overwrite_files"] = true, ["local_num_threads"] = 4 });

Console.WriteLine("Building network");

// The nodes: both populations with the same parameters, the external Poisson drive and one spike recorder for each
// population.

var nodes_ex = nest.Create("iaf_psc_exp_multisynapse", NE, neuron_params);
var nodes_in = nest.Create("iaf_psc_exp_multisynapse", NI, neuron_params);
var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = p_rate });
var espikes = nest.Create("spike_recorder");
var ispikes = nest.Create("spike_recorder");

// The recorders write ASCII files named after their labels.

espikes.Set(new Dictionary<string, object> { ["label"] = "brunel-py-ex", ["record_to"] = "ascii" });
ispikes.Set(new Dictionary<string, object> { ["label"] = "brunel-py-in", ["record_to"] = "ascii" });

Console.WriteLine("Connecting devices");

// Two named copies of static_synapse carry the excitatory and the inhibitory weight (and the common delay) as their
// defaults; connections then only name the copy, and each copy counts its own connections.

nest.CopyModel("static_synapse", "excitatory", new() { ["weight"] = J_ex, ["delay"] = delay });
nest.CopyModel("static_synapse", "inhibitory", new() { ["weight"] = J_in, ["delay"] = delay });

// Every connection goes to a receptor port drawn uniformly at random: uniform_int(nr_ports - 1) gives 0 ... 98, so
// the ports are 1 ... 99, exactly as in NEST's script (port 100 receives nothing).

var syn_params_ex = new Dictionary<string, object> { ["synapse_model"] = "excitatory", ["receptor_type"] = nest.Random.UniformInt(nr_ports - 1) + 1 };
var syn_params_in = new Dictionary<string, object> { ["synapse_model"] = "inhibitory", ["receptor_type"] = nest.Random.UniformInt(nr_ports - 1) + 1 };

// The Poisson generator drives every neuron of both populations (all_to_all, the default rule): each neuron gets its
// own independent spike train, on a random port.

nest.Connect(noise, nodes_ex, syn: syn_params_ex);
nest.Connect(noise, nodes_in, syn: syn_params_ex);

// The first N_rec neurons of each population report to its recorder.

nest.Connect(nodes_ex[..N_rec], espikes, syn: "excitatory");
nest.Connect(nodes_in[..N_rec], ispikes, syn: "excitatory");

Console.WriteLine("Connecting network");

Console.WriteLine("Excitatory connections");

// Every neuron of the network draws CE excitatory presynaptic partners at random (fixed_indegree).

var conn_params_ex = new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = CE };
nest.Connect(nodes_ex, nodes_ex + nodes_in, conn_params_ex, syn_params_ex);

Console.WriteLine("Inhibitory connections");

// And CI inhibitory ones, in the same way.

var conn_params_in = new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = CI };
nest.Connect(nodes_in, nodes_ex + nodes_in, conn_params_in, syn_params_in);

// The network is built.

var endbuild = Stopwatch.GetTimestamp();

Console.WriteLine("Simulating");

nest.Simulate(simtime);

var endsimulate = Stopwatch.GetTimestamp();

// The spike counts of the recorded neurons, turned into mean rates per neuron (spikes per ms times 1000: spikes/s).

long events_ex = espikes.Get<long>("n_events");
long events_in = ispikes.Get<long>("n_events");
double rate_ex = events_ex / simtime * 1000.0 / N_rec;
double rate_in = events_in / simtime * 1000.0 / N_rec;

// The number of synapses of each kind, as counted by the synapse copies.

long num_synapses_ex = (long)nest.GetDefaults("excitatory")["num_connections"];
long num_synapses_in = (long)nest.GetDefaults("inhibitory")["num_connections"];
long num_synapses = num_synapses_ex + num_synapses_in;

double build_time = Stopwatch.GetElapsedTime(startbuild, endbuild).TotalSeconds;
double sim_time = Stopwatch.GetElapsedTime(endbuild, endsimulate).TotalSeconds;

// The summary: network size, rates and times.

Console.WriteLine("Brunel network simulation (C#)");
Console.WriteLine($"Number of neurons : {N_neurons}");
Console.WriteLine($"Number of synapses: {num_synapses}");
Console.WriteLine($"       Excitatory : {num_synapses_ex}");
Console.WriteLine($"       Inhibitory : {num_synapses_in}");
Console.WriteLine($"Excitatory rate   : {rate_ex:F2} spks/s");
Console.WriteLine($"Inhibitory rate   : {rate_in:F2} spks/s");
Console.WriteLine($"Building time     : {build_time:F2} s");
Console.WriteLine($"Simulation time   : {sim_time:F2} s");

// The raster of the recorded excitatory neurons with their population rate below, read back from the recorder's
// files: RasterPlot.FromDevice is nest.raster_plot.from_device(espikes, hist=True).

var raster = RasterPlot.FromDevice(espikes, new RasterPlotOptions { Title = "Brunel network (100 receptor ports): excitatory spikes" });
var saved = raster.Figure.Save("brunel_exp_multisynapse_raster.png");
Console.WriteLine($"Raster plot: {saved.SvgPath}, {saved.PngPath}");
