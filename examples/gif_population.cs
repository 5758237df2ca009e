#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// Population of GIF neurons with oscillatory behaviour: the C# counterpart of NEST's pynest/examples/gif_population.py.
//
// A population of generalized integrate-and-fire neurons (gif_psc_exp) is driven by noise from a group of Poisson
// generators. Their spike-frequency adaptation (a moving threshold and spike-triggered currents) makes the population
// oscillate on the time scale of the adaptation elements (stc and sfa). The population's activity is shown as a
// raster plot with the average firing rate below it.
//
// [1] Schwalger T, Deger M, Gerstner W (2017). Towards a theory of cortical columns: From spiking neurons to
//     interacting neural populations of finite size. PLoS Comput Biol 13(4):e1005507.
// [2] Mensi S, Naud R, Pozzorini C, Avermann M, Petersen CC, Gerstner W (2012). Parameter extraction and
//     classification of three cortical neuron types reveals two distinct adaptation mechanisms.
//     J Neurophysiol 107(6):1756-1775.
//
// Run: cd examples && dotnet run gif_population.cs [-- --quick]
// (--quick simulates 500 ms instead of 2000 ms). Writes gif_population_raster.svg and .png in the current
// directory.

using NestSharp;
using NestSharp.Plotting;

bool quick = args.Contains("--quick");

var nest = new Simulator();

// The simulation parameters.

double dt = 0.1;
double simtime = quick ? 500.0 : 2000.0;

// The parameters of the GIF model, fitted to experimental data in [2].

var neuronParams = new Dictionary<string, object>
{
    ["C_m"] = 83.1,
    ["g_L"] = 3.7,
    ["E_L"] = -67.0,
    ["Delta_V"] = 1.4,
    ["V_T_star"] = -39.6,
    ["t_ref"] = 4.0,
    ["V_reset"] = -36.7,
    ["lambda_0"] = 1.0,
    ["q_stc"] = new[] { 56.7, -6.9 },
    ["tau_stc"] = new[] { 57.8, 218.2 },
    ["q_sfa"] = new[] { 11.7, 1.8 },
    ["tau_sfa"] = new[] { 53.8, 640.0 },
    ["tau_syn_ex"] = 10.0,
};

// The population of GIF neurons: its size, the connection probability inside it and the weight of those
// connections (pA).

int N_ex = 100;
double p_ex = 0.3;
double w_ex = 30.0;

// The group of Poisson generators: its size, their rate (spikes/s) and the weight of their connections onto the
// population (pA).

int N_noise = 50;
double rate_noise = 10.0;
double w_noise = 20.0;

// The kernel's time resolution.

nest.SetKernelStatus(new() { ["resolution"] = dt });

// The GIF population, the Poisson generators and a spike recorder for the population's spikes.

var population = nest.Create("gif_psc_exp", N_ex, neuronParams);
var noise = nest.Create("poisson_generator", N_noise, new() { ["rate"] = rate_noise });
var spikeDet = nest.Create("spike_recorder");

// Connections inside the population, from the Poisson generators to the population, and from the population to the
// spike recorder.

nest.Connect(population, population, Rule.PairwiseBernoulli(p_ex), new Dictionary<string, object> { ["weight"] = w_ex });
nest.Connect(noise, population, Rule.AllToAll(), new Dictionary<string, object> { ["weight"] = w_noise });
nest.Connect(population, spikeDet);

// Simulation of the network.

nest.Simulate(simtime);

// The population activity: a raster plot with the average firing rate (where the Python script shows the figure,
// it is saved).

var events = (Dictionary<string, object>)spikeDet.Get("events");
var senders = (long[])events["senders"];
var times = (double[])events["times"];
double rate = senders.Length / (simtime / 1000.0) / N_ex;
Console.WriteLine("GIF population (C#)");
Console.WriteLine($"Neurons          : {N_ex} gif_psc_exp, {N_noise} Poisson generators at {rate_noise} Hz");
Console.WriteLine($"Synapses         : {nest.NumConnections}");
Console.WriteLine($"Simulated        : {simtime} ms");
Console.WriteLine($"Spikes           : {senders.Length} (mean rate {rate:F2} Hz per neuron)");

var raster = RasterPlot.Render(senders, times, new RasterPlotOptions { Title = "Population dynamics", BinWidthMs = 5.0 });
var saved = raster.Figure.Save("gif_population_raster.png");
Console.WriteLine($"Raster plot: {saved.SvgPath}, {saved.PngPath}");
