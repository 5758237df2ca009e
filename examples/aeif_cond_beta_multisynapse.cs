#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// AEIF neuron with several synaptic rise and decay time constants: the C# counterpart of PyNEST's
// aeif_cond_beta_multisynapse.py.
//
// One aeif_cond_beta_multisynapse neuron has four receptor ports, each a beta-shaped conductance with its own reversal
// potential, rise and decay time. A single spike at 10 ms reaches the ports one after the other (delays 1, 300, 500
// and 700 ms), so the voltage trace shows the four responses apart: a slow excitatory one (rise 10 ms, decay 50 ms),
// a faster excitatory one (10/20 ms), a fast-rising excitatory one (1/20 ms) and an inhibitory one (E_rev = -85 mV).
//
// Run: cd examples && dotnet run aeif_cond_beta_multisynapse.cs [-- --quick]
// Writes the voltage trace aeif_cond_beta_multisynapse.svg and .png into the current
// directory. --quick: the same network and 1000 ms (the full example is already small).

using NestSharp;
using NestSharp.Plotting;

bool quick = args.Contains("--quick");
double simtime = 1000.0;

var nest = new Simulator();

// Four receptor ports: reversal potentials (mV), decay and rise times (ms).
double[] E_rev = [0.0, 0.0, 0.0, -85.0];
double[] tau_decay = [50.0, 20.0, 20.0, 20.0];
double[] tau_rise = [10.0, 10.0, 1.0, 1.0];

var neuron = nest.Create("aeif_cond_beta_multisynapse", 1, new()
{
    ["V_peak"] = 0.0,
    ["a"] = 4.0,
    ["b"] = 80.5,
    ["E_rev"] = E_rev,
    ["tau_decay"] = tau_decay,
    ["tau_rise"] = tau_rise,
});

double[] spike_times = [10.0];
var spike = nest.Create("spike_generator", 1, new() { ["spike_times"] = spike_times });

var voltmeter = nest.Create("voltmeter");

// The one spike goes to every port (receptor_type 1 .. 4), with the delays that keep the responses apart.
double[] delays = [1.0, 300.0, 500.0, 700.0];
double[] w = [1.0, 1.0, 1.0, 1.0];
for (int syn = 0; syn < 4; syn++)
{
    nest.Connect(spike, neuron, syn: new Dictionary<string, object>
    {
        ["synapse_model"] = "static_synapse", ["receptor_type"] = 1 + syn, ["weight"] = w[syn], ["delay"] = delays[syn],
    });
}

nest.Connect(voltmeter, neuron);

nest.Simulate(simtime);

var events = (Dictionary<string, object>)voltmeter.Get("events");
var Vms = (double[])events["V_m"];
var ts = (double[])events["times"];

var fig = new LinePlot(new LinePlotOptions { Title = "aeif_cond_beta_multisynapse: one spike on four ports", XTitle = "time (ms)" });
fig.AddPanel("V_m (mV)").AddSeries("V_m", ts, Vms);
var saved = fig.Save("aeif_cond_beta_multisynapse.png");
Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");

// The peak deflection after each arrival (until the next one), to show the four responses.
double rest = Vms[0];
double[] arrivals = [.. delays.Select(d => 10.0 + d), simtime];
for (int p = 0; p < 4; p++)
{
    double extreme = rest;
    for (int i = 0; i < ts.Length; i++)
    {
        if (ts[i] < arrivals[p] || ts[i] >= arrivals[p + 1]) continue;
        if (Math.Abs(Vms[i] - rest) > Math.Abs(extreme - rest)) extreme = Vms[i];
    }
    Console.WriteLine($"port {p + 1}: spike arrives at {arrivals[p]:0} ms, V_m peaks at {extreme:0.000} mV ({extreme - rest:+0.000;-0.000} mV)");
}
Console.WriteLine($"{(quick ? "quick run: " : "")}{ts.Length} samples of V_m over {simtime:0} ms.");
