#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// Example of the quantal_stp_synapse. The C# counterpart of PyNEST's evaluate_quantal_stp_synapse.py.
//
// quantal_stp_synapse is the stochastic version of the Tsodyks-Markram model of short-term plasticity: the synapse has
// n release sites, each site releases with probability u and, once empty, refills stochastically with time constant
// tau_rec (Fuhrmann et al. 2002; Loebel et al. 2009). Averaged over many trials, and with the weight divided among the
// n sites, it responds as the deterministic tsodyks2_synapse does.
//
// A neuron driven by a current step (500 ms on, 1000 ms off) reaches one neuron through a tsodyks2_synapse and another
// through a quantal_stp_synapse with 10 sites. The cycle is repeated for many trials; the membrane potentials of the
// two targets, averaged over the trials, come close, and their RMS difference shrinks with the number of trials. The
// first cycle is not recorded, so that every recorded trial starts from the same synaptic state on average.
//
// Run: cd examples && dotnet run evaluate_quantal_stp_synapse.cs [-- --quick]
// Writes evaluate_quantal_stp_synapse.svg and .png into the current directory.
// --quick runs 5 trials instead of 500.

using NestSharp;
using NestSharp.Plotting;

bool quick = args.Contains("--quick");

// Simulation and stimulation parameters.
double resolution = 0.1; // [ms]
long seed = 12345;
int n_sites = 10; // number of synaptic release sites
int n_trials = quick ? 5 : 500; // number of measurement trials
double I_stim = 376.0; // [pA] stimulation current
double T_on = 500.0; // [ms] stimulation is on
double T_off = 1000.0; // [ms] stimulation is off
double T_cycle = T_on + T_off; // total duration of each stimulation cycle

// Parameters of a facilitating synapse. The tsodyks2_synapse starts with x = U; each site of the quantal synapse gets
// 1/n_sites of the weight.
var fac_params = new Dictionary<string, object> { ["U"] = 0.02, ["u"] = 0.02, ["tau_fac"] = 500.0, ["tau_rec"] = 200.0, ["weight"] = 1.0 };
var tsyn_params = fac_params; // for tsodyks2_synapse
var qsyn_params = new Dictionary<string, object>(tsyn_params); // for quantal_stp_synapse
tsyn_params["x"] = tsyn_params["U"];
qsyn_params["n"] = n_sites;
qsyn_params["weight"] = 1.0 / n_sites;

var nest = new Simulator();
nest.SetKernelStatus(new() { ["resolution"] = resolution, ["rng_seed"] = seed });

// Three neurons: the driver and one target per synapse model; a voltmeter per target, from the second cycle on.
var neurons = nest.Create("iaf_psc_exp", 3, new() { ["tau_syn_ex"] = 3.0 });
var (pre_neuron, tsyn_neuron, qsyn_neuron) = (neurons[0], neurons[1], neurons[2]);
var voltmeters = nest.Create("voltmeter", 2, new() { ["start"] = T_cycle, ["interval"] = resolution });
var (tsyn_voltmeter, qsyn_voltmeter) = (voltmeters[0], voltmeters[1]);

nest.Connect(pre_neuron, tsyn_neuron, syn: new Dictionary<string, object>(tsyn_params) { ["synapse_model"] = "tsodyks2_synapse" });
nest.SetDefaults("quantal_stp_synapse", qsyn_params);
nest.Connect(pre_neuron, qsyn_neuron, syn: new Dictionary<string, object> { ["synapse_model"] = "quantal_stp_synapse" });
nest.Connect(tsyn_voltmeter, tsyn_neuron);
nest.Connect(qsyn_voltmeter, qsyn_neuron);

// The trials: current on, current off; Prepare, Run and Cleanup as PyNEST's RunManager.
Console.Write($"Simulating {n_trials} times ");
nest.Prepare();
for (int t = 0; t <= n_trials; t++)
{
    pre_neuron.Set("I_e", I_stim);
    nest.Run(T_on);
    pre_neuron.Set("I_e", 0.0);
    nest.Run(T_off);
    if (t % 10 == 0) Console.Write(".");
}
nest.Cleanup();
Console.WriteLine();

// One more step flushes the last samples of the voltmeters.
nest.Simulate(resolution);

// The recorded potentials, one row per trial, averaged over the trials.
double[] vm_tsyn = (double[])((Dictionary<string, object>)tsyn_voltmeter.Get("events"))["V_m"];
double[] vm_qsyn = (double[])((Dictionary<string, object>)qsyn_voltmeter.Get("events"))["V_m"];
double[] t_vm = (double[])((Dictionary<string, object>)tsyn_voltmeter.Get("events"))["times"];
int steps_per_trial = (int)Math.Round(T_cycle / tsyn_voltmeter.Get<double>("interval"));
double[] t_trial = t_vm[..steps_per_trial];
var vm_tsyn_mean = new double[steps_per_trial];
var vm_qsyn_mean = new double[steps_per_trial];
for (int trial = 0; trial < n_trials; trial++)
{
    for (int s = 0; s < steps_per_trial; s++)
    {
        vm_tsyn_mean[s] += vm_tsyn[trial * steps_per_trial + s] / n_trials;
        vm_qsyn_mean[s] += vm_qsyn[trial * steps_per_trial + s] / n_trials;
    }
}
double rms_error = Math.Sqrt(vm_tsyn_mean.Zip(vm_qsyn_mean, (a, b) => (a - b) * (a - b)).Average());

var fig = new LinePlot(new LinePlotOptions
{
    Title = $"Comparison of deterministic and stochastic plasticity rules (RMS error: {rms_error:G3})",
    XTitle = "Time [ms]",
});
fig.AddPanel("Membrane potential [mV]")
    .AddSeries("Tsodyks-2 synapse (deterministic)", t_trial, vm_tsyn_mean, "#1f77b4", lineWidth: 2.0)
    .AddSeries("Quantal STP synapse (stochastic)", t_trial, vm_qsyn_mean, "#ff7f0e", lineWidth: 2.0);
var saved = fig.Save("evaluate_quantal_stp_synapse.png");
Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");
Console.WriteLine($"{n_trials} trials of {T_cycle} ms: peak mean V_m {vm_tsyn_mean.Max():F4} mV (tsodyks2) / {vm_qsyn_mean.Max():F4} mV (quantal), RMS error {rms_error:G3} mV");
