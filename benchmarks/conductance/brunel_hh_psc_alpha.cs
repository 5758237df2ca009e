#:project ../../src/NestSharp

// Brunel's sparse random network (Brunel 2000, NEST's brunel_alpha_nest.py) built from hh_psc_alpha neurons: the
// NestSharp side of the timing comparison with brunel_hh_psc_alpha.py (same network, same parameters).
// Usage: dotnet run -c Release brunel_hh_psc_alpha.cs -- [simtime_ms] [threads] [order (2500; smaller for quick checks)]

using System.Diagnostics;
using System.Globalization;
using NestSharp;

double simtime = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 1000.0;
int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
int order = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2500;

int NE = 4 * order, NI = order;            // 10,000 excitatory, 2,500 inhibitory
int CE = NE / 10, CI = NI / 10;            // epsilon = 0.1: 1,000 and 250 inputs per neuron
const double delay = 1.5;                  // ms
const double g = 6.0;                      // relative strength of inhibition
const double J_ex = 50.0;                  // pA, amplitude of the excitatory alpha current
const double J_in = -g * J_ex;             // pA, inhibitory
const double nu_ext = 13.0;                // Hz per external input, CE external inputs
var neuron_params = new Dictionary<string, object> { ["t_ref"] = 2.0, ["tau_syn_ex"] = 0.5, ["tau_syn_in"] = 0.5 };

var nest = new Simulator();
nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["local_num_threads"] = threads, ["rng_seed"] = 42L, ["print_time"] = false });
var clock = Stopwatch.StartNew();
var nodes_ex = nest.Create("hh_psc_alpha", NE, neuron_params);
var nodes_in = nest.Create("hh_psc_alpha", NI, neuron_params);
nodes_ex.Set("V_m", nest.Random.Uniform(-70.0, -60.0));
nodes_in.Set("V_m", nest.Random.Uniform(-70.0, -60.0));
var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = nu_ext * CE });
var spikes_ex = nest.Create("spike_recorder");
var spikes_in = nest.Create("spike_recorder");
nest.CopyModel("static_synapse", "excitatory", new() { ["weight"] = J_ex, ["delay"] = delay });
nest.CopyModel("static_synapse", "inhibitory", new() { ["weight"] = J_in, ["delay"] = delay });
nest.Connect(noise, nodes_ex + nodes_in, syn: "excitatory");
nest.Connect(nodes_ex[..Math.Min(50, NE)], spikes_ex, syn: "excitatory");
nest.Connect(nodes_in[..Math.Min(50, NI)], spikes_in, syn: "excitatory");
nest.Connect(nodes_ex, nodes_ex + nodes_in, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = CE }, "excitatory");
nest.Connect(nodes_in, nodes_ex + nodes_in, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = CI }, "inhibitory");
double build = clock.Elapsed.TotalSeconds;

clock.Restart();
nest.Simulate(simtime);
double sim = clock.Elapsed.TotalSeconds;

double rateEx = spikes_ex.Get<long>("n_events") / simtime * 1000.0 / Math.Min(50, NE);
double rateIn = spikes_in.Get<long>("n_events") / simtime * 1000.0 / Math.Min(50, NI);
Console.WriteLine(FormattableString.Invariant(
    $"NestSharp\tbuild {build:F2} s\tsimulate {sim:F2} s\trate exc {rateEx:F2} Hz\trate inh {rateIn:F2} Hz\tsynapses {nest.GetKernelStatus("num_connections")}"));
