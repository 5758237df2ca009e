#:project ../../src/NestSharp

// Save and load times of a checkpoint of Brunel's network (NEST's brunel_alpha_nest.py: 12,500 iaf_psc_alpha and
// 15.6 M static synapses at order 2500, a memory spike recorder) after 100 ms of model time, for issue 15's speed
// criterion (each under 1 s). Rounds alternate a save and a load into a new simulator; the first round includes JIT
// compilation and is reported but left out of the medians. CPU time (all threads of the process, the garbage collector's
// included) is reported beside wall time, since the machine may be shared.
// Usage: dotnet run -c Release brunel_checkpoint.cs -- [rounds (6)] [threads (1)] [order (2500)] [folder (temp)]

using System.Diagnostics;
using System.Globalization;
using NestSharp;
using NestSharp.Numerics;

int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 6;
int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
int order = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2500;
string folder = args.Length > 3 ? args[3] : Directory.CreateTempSubdirectory("brunel-checkpoint-").FullName;

int ne = 4 * order, ni = order, ce = ne / 10, ci = ni / 10;
const double tauSyn = 0.5, tauMem = 20.0, cMem = 250.0, theta = 20.0, j = 0.1, g = 5.0, eta = 2.0, delay = 1.5;
double jEx = j / PostSynapticPotential.PeakOfUnitAlphaCurrent(tauMem, cMem, tauSyn), jIn = -g * jEx;
double pRate = 1000.0 * eta * theta * cMem / (jEx * ce * Math.E * tauMem * tauSyn) * ce;

var nest = new Simulator();
nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["local_num_threads"] = threads, ["rng_seed"] = 55L });
var neuron = new Dictionary<string, object>
{
    ["C_m"] = cMem, ["tau_m"] = tauMem, ["tau_syn_ex"] = tauSyn, ["tau_syn_in"] = tauSyn, ["t_ref"] = 2.0,
    ["E_L"] = 0.0, ["V_reset"] = 0.0, ["V_m"] = 0.0, ["V_th"] = theta,
};
long start = Stopwatch.GetTimestamp();
var exc = nest.Create("iaf_psc_alpha", ne, neuron);
var inh = nest.Create("iaf_psc_alpha", ni, neuron);
var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = pRate });
var spikes = nest.Create("spike_recorder");
nest.CopyModel("static_synapse", "excitatory", new() { ["weight"] = jEx, ["delay"] = delay });
nest.CopyModel("static_synapse", "inhibitory", new() { ["weight"] = jIn, ["delay"] = delay });
nest.Connect(noise, exc + inh, syn: new Dictionary<string, object> { ["synapse_model"] = "excitatory" });
nest.Connect(exc[..50], spikes);
nest.Connect(exc, exc + inh, Rule.FixedIndegree(ce), new Dictionary<string, object> { ["synapse_model"] = "excitatory" });
nest.Connect(inh, exc + inh, Rule.FixedIndegree(ci), new Dictionary<string, object> { ["synapse_model"] = "inhibitory" });
Console.WriteLine($"built {nest.NetworkSize} nodes, {nest.NumConnections} connections in {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s");
nest.Simulate(100.0);

string path = Path.Combine(folder, "brunel.nscp");
var saves = new List<double>();
var loads = new List<double>();
var saveCpu = new List<double>();
var loadCpu = new List<double>();
static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
for (int round = 0; round < rounds; round++)
{
    double cpu = Cpu();
    start = Stopwatch.GetTimestamp();
    nest.SaveCheckpoint(path);
    saves.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
    saveCpu.Add(Cpu() - cpu);
    var restored = new Simulator();
    cpu = Cpu();
    start = Stopwatch.GetTimestamp();
    restored.LoadCheckpoint(path, threads);
    loads.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
    loadCpu.Add(Cpu() - cpu);
    GC.KeepAlive(restored);
    GC.Collect();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round + 1}: save {saves[^1]:F2} s (cpu {saveCpu[^1]:F2} s), load {loads[^1]:F2} s (cpu {loadCpu[^1]:F2} s)"));
}
static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"threads {threads}: file {new FileInfo(path).Length / 1e6:F0} MB, median of rounds 2-{rounds}: save {Median(saves.Skip(1)):F2} s (cpu {Median(saveCpu.Skip(1)):F2} s), " +
    $"load {Median(loads.Skip(1)):F2} s (cpu {Median(loadCpu.Skip(1)):F2} s), " +
    $"managed heap {GC.GetTotalMemory(true) / 1e6:F0} MB, peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1e9:F2} GB"));
File.Delete(path);

