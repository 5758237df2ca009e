#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// Random balanced network (alpha synapses) connected with NEST: the C# counterpart of PyNEST's brunel_alpha_nest.py.
//
// An excitatory and an inhibitory population on the basis of the network used in [1]. NEST's builtin connection
// routines draw the random connections; customary synapse models allow querying the number of created synapses.
// Spike recorders establish the average firing rates of the neurons in the populations. The building as well as the
// simulation time of the network are recorded.
//
// [1] Brunel N (2000). Dynamics of sparsely connected networks of excitatory and inhibitory spiking neurons.
//     Journal of Computational Neuroscience 8, 183-208.
//
// Run: cd examples && dotnet run brunel_alpha.cs
// Writes the spike files brunel-py-ex-*.dat, brunel-py-in-*.dat and the raster plot brunel_raster.svg and .png
// into the current directory.

using System.Diagnostics;
using NestSharp;
using NestSharp.Numerics;
using NestSharp.Plotting;

// The synaptic weights are calibrated with the maximum of the postsynaptic potential for a synaptic input current of
// unit amplitude (1 pA), the script's ComputePSPnorm: PostSynapticPotential.PeakOfUnitAlphaCurrent finds the time of
// the maximum with the lower branch of the Lambert W function (as gsl_sf_lambert_Wm1).

var nest = new Simulator();

// Assigning the current time to a variable in order to determine the build time of the network.

var startbuild = Stopwatch.GetTimestamp();

// Assigning the simulation parameters to variables.

double dt = 0.1; // the resolution in ms
double simtime = 1000.0; // Simulation time in ms
double delay = 1.5; // synaptic delay in ms

// Definition of the parameters crucial for asynchronous irregular firing of the neurons.

double g = 5.0; // ratio inhibitory weight/excitatory weight
double eta = 2.0; // external rate relative to threshold rate
double epsilon = 0.1; // connection probability

// Definition of the number of neurons in the network and the number of neurons recorded from

int order = 2500;
int NE = 4 * order; // number of excitatory neurons
int NI = 1 * order; // number of inhibitory neurons
int N_neurons = NE + NI; // number of neurons in total
int N_rec = 50; // record from 50 neurons

// Definition of connectivity parameters

int CE = (int)(epsilon * NE); // number of excitatory synapses per neuron
int CI = (int)(epsilon * NI); // number of inhibitory synapses per neuron
int C_tot = CI + CE; // total number of synapses per neuron

// Initialization of the parameters of the integrate and fire neuron and the synapses. The parameters of the neuron
// are stored in a dictionary. The synaptic currents are normalized such that the amplitude of the PSP is J.

double tauSyn = 0.5; // synaptic time constant in ms
double tauMem = 20.0; // time constant of membrane potential in ms
double CMem = 250.0; // capacitance of membrane in in pF
double theta = 20.0; // membrane threshold potential in mV
var neuron_params = new Dictionary<string, object>
{
    ["C_m"] = CMem,
    ["tau_m"] = tauMem,
    ["tau_syn_ex"] = tauSyn,
    ["tau_syn_in"] = tauSyn,
    ["t_ref"] = 2.0,
    ["E_L"] = 0.0,
    ["V_reset"] = 0.0,
    ["V_m"] = 0.0,
    ["V_th"] = theta,
};
double J = 0.1; // postsynaptic amplitude in mV
double J_unit = PostSynapticPotential.PeakOfUnitAlphaCurrent(tauMem, CMem, tauSyn);
double J_ex = J / J_unit; // amplitude of excitatory postsynaptic current
double J_in = -g * J_ex; // amplitude of inhibitory postsynaptic current

// Definition of threshold rate, which is the external rate needed to fix the membrane potential around its
// threshold, the external firing rate and the rate of the poisson generator which is multiplied by the in-degree CE
// and converted to Hz by multiplication by 1000.

double nu_th = (theta * CMem) / (J_ex * CE * Math.E * tauMem * tauSyn);
double nu_ex = eta * nu_th;
double p_rate = 1000.0 * nu_ex * CE;

// Configuration of the simulation kernel by the previously defined time resolution used in the simulation. Setting
// print_time to true prints the already processed simulation time as well as its percentage of the total simulation
// time.

nest.SetKernelStatus(new() { ["resolution"] = dt, ["print_time"] = true, ["overwrite_files"] = true });

Console.WriteLine("Building network");

// Creation of the nodes using Create. We store the returned handles in variables for later reference. Here the
// excitatory and inhibitory, as well as the poisson generator and two spike recorders. The spike recorders will
// later be used to record excitatory and inhibitory spikes. Properties of the nodes are specified via a dictionary.

var nodes_ex = nest.Create("iaf_psc_alpha", NE, neuron_params);
var nodes_in = nest.Create("iaf_psc_alpha", NI, neuron_params);
var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = p_rate });
var espikes = nest.Create("spike_recorder");
var ispikes = nest.Create("spike_recorder");

// Configuration of the spike recorders recording excitatory and inhibitory spikes by sending parameter dictionaries
// to Set. Setting the property record_to to "ascii" ensures that the spikes will be recorded to a file, whose name
// starts with the string assigned to the property label.

espikes.Set(new Dictionary<string, object> { ["label"] = "brunel-py-ex", ["record_to"] = "ascii" });
ispikes.Set(new Dictionary<string, object> { ["label"] = "brunel-py-in", ["record_to"] = "ascii" });

Console.WriteLine("Connecting devices");

// Definition of a synapse using CopyModel, which expects the model name of a pre-defined synapse, the name of the
// customary synapse and an optional parameter dictionary. The parameters defined in the dictionary will be the
// default parameter for the customary synapse. Here we define one synapse for the excitatory and one for the
// inhibitory connections giving the previously defined weights and equal delays.

nest.CopyModel("static_synapse", "excitatory", new() { ["weight"] = J_ex, ["delay"] = delay });
nest.CopyModel("static_synapse", "inhibitory", new() { ["weight"] = J_in, ["delay"] = delay });

// Connecting the previously defined poisson generator to the excitatory and inhibitory neurons using the excitatory
// synapse. Since the poisson generator is connected to all neurons in the population the default rule (all_to_all)
// of Connect is used.

nest.Connect(noise, nodes_ex, syn: "excitatory");
nest.Connect(noise, nodes_in, syn: "excitatory");

// Connecting the first N_rec nodes of the excitatory and inhibitory population to the associated spike recorders
// using excitatory synapses.

nest.Connect(nodes_ex[..N_rec], espikes, syn: "excitatory");
nest.Connect(nodes_in[..N_rec], ispikes, syn: "excitatory");

Console.WriteLine("Connecting network");

Console.WriteLine("Excitatory connections");

// Connecting the excitatory population to all neurons using the pre-defined excitatory synapse. Beforehand, the
// connection parameters are defined in a dictionary. Here we use the connection rule fixed_indegree, which requires
// the definition of the indegree.

var conn_params_ex = new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = CE };
nest.Connect(nodes_ex, nodes_ex + nodes_in, conn_params_ex, "excitatory");

Console.WriteLine("Inhibitory connections");

// Connecting the inhibitory population to all neurons using the pre-defined inhibitory synapse.

var conn_params_in = new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = CI };
nest.Connect(nodes_in, nodes_ex + nodes_in, conn_params_in, "inhibitory");

// Storage of the time point after the buildup of the network in a variable.

var endbuild = Stopwatch.GetTimestamp();

// Simulation of the network.

Console.WriteLine("Simulating");

nest.Simulate(simtime);

// Storage of the time point after the simulation of the network in a variable.

var endsimulate = Stopwatch.GetTimestamp();

// Reading out the total number of spikes received from the spike recorder connected to the excitatory population
// and the inhibitory population.

long events_ex = espikes.Get<long>("n_events");
long events_in = ispikes.Get<long>("n_events");

// Calculation of the average firing rate of the excitatory and the inhibitory neurons by dividing the total number
// of recorded spikes by the number of neurons recorded from and the simulation time. The multiplication by 1000.0
// converts the unit 1/ms to 1/s=Hz.

double rate_ex = events_ex / simtime * 1000.0 / N_rec;
double rate_in = events_in / simtime * 1000.0 / N_rec;

// Reading out the number of connections established using the excitatory and inhibitory synapse model. The numbers
// are summed up resulting in the total number of synapses.

long num_synapses_ex = (long)nest.GetDefaults("excitatory")["num_connections"];
long num_synapses_in = (long)nest.GetDefaults("inhibitory")["num_connections"];
long num_synapses = num_synapses_ex + num_synapses_in;

// Establishing the time it took to build and simulate the network by taking the difference of the pre-defined time
// variables.

double build_time = Stopwatch.GetElapsedTime(startbuild, endbuild).TotalSeconds;
double sim_time = Stopwatch.GetElapsedTime(endbuild, endsimulate).TotalSeconds;

// Printing the network properties, firing rates and building times.

Console.WriteLine("Brunel network simulation (C#)");
Console.WriteLine($"Number of neurons : {N_neurons}");
Console.WriteLine($"Number of synapses: {num_synapses}");
Console.WriteLine($"       Excitatory : {num_synapses_ex}");
Console.WriteLine($"       Inhibitory : {num_synapses_in}");
Console.WriteLine($"Excitatory rate   : {rate_ex:F2} Hz");
Console.WriteLine($"Inhibitory rate   : {rate_in:F2} Hz");
Console.WriteLine($"Building time     : {build_time:F2} s");
Console.WriteLine($"Simulation time   : {sim_time:F2} s");

// Plot a raster of the excitatory neurons and a histogram, read back from the spike recorder's ASCII files as
// nest.raster_plot.from_device(espikes, hist=True) does, and save it (where the Python script calls plt.show()).

var raster = RasterPlot.FromDevice(espikes, new RasterPlotOptions { Title = "Brunel network: excitatory spikes", BinWidthMs = 5.0 });
var saved = raster.Figure.Save("brunel_raster.png");
Console.WriteLine($"Raster plot: {saved.SvgPath}, {saved.PngPath}");
