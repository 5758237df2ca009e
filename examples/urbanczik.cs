#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// Weight adaptation according to the Urbanczik-Senn plasticity: the C# counterpart of PyNEST's
// urbanczik_synapse_example.py.
//
// This script demonstrates the learning in a compartmental neuron where the dendritic synapses adapt their weight
// according to the plasticity rule by Urbanczik and Senn [1]. In this simple setup, a spike pattern of 200 poisson
// spike trains is repeatedly presented to a neuron that is composed of one somatic and one dendritic compartment. At
// the same time, the somatic conductances are activated to produce a time-varying matching potential. After the
// learning, this signal is then reproduced by the membrane potential of the neuron. This script produces Fig. 1B in
// [1] but uses standard units instead of the unitless quantities used in the paper.
//
// [1] R. Urbanczik, W. Senn (2014): Learning by the Dendritic Prediction of Somatic Spiking. Neuron, 81, 521-528.
//
// Run: cd examples && dotnet run urbanczik.cs
// Writes the two figures of the example, urbanczik_traces.svg (membrane potentials, somatic conductances, dendritic
// currents, rates) and urbanczik_weights.svg and .png, and the data
// urbanczik_traces.csv and urbanczik_weights.csv into the current directory. `nestsharp urbanczik` runs the same
// experiment with options, a summary and more figures.

using System.Globalization;
using System.Text;
using NestSharp;
using NestSharp.Plotting;

var nest = new Simulator();

// returns weights for the spike generator that drives the inhibitory somatic conductance.
static Func<double, double> g_inh(double amplitude, double t_start, double t_end) =>
    t => t >= t_start && t < t_end ? amplitude : 0.0;

// returns weights for the spike generator that drives the excitatory somatic conductance.
static Func<double, double> g_exc(double amplitude, double freq, double offset, double t_start, double t_end) =>
    t => t >= t_start && t < t_end ? amplitude * Math.Sin(freq * t) + offset : 0.0;

// returns the matching potential as a function of the somatic conductances.
static double matching_potential(double g_E, double g_I, Dictionary<string, object> nrn_params)
{
    var soma = (Dictionary<string, object>)nrn_params["soma"];
    double E_E = (double)soma["E_ex"];
    double E_I = (double)soma["E_in"];
    return (g_E * E_E + g_I * E_I) / (g_E + g_I);
}

// returns the dendritic prediction of the somatic membrane potential.
static double V_w_star(double V_w, Dictionary<string, object> nrn_params)
{
    var soma = (Dictionary<string, object>)nrn_params["soma"];
    double g_D = (double)nrn_params["g_sp"];
    double g_L = (double)soma["g_L"];
    double E_L = (double)soma["E_L"];
    return (g_L * E_L + g_D * V_w) / (g_L + g_D);
}

// rate function of the soma
static double phi(double U, Dictionary<string, object> nrn_params)
{
    double phi_max = (double)nrn_params["phi_max"];
    double k = (double)nrn_params["rate_slope"];
    double beta = (double)nrn_params["beta"];
    double theta = (double)nrn_params["theta"];
    return phi_max / (1.0 + k * Math.Exp(beta * (theta - U)));
}

// derivative of the rate function phi
static double h(double U, Dictionary<string, object> nrn_params)
{
    double k = (double)nrn_params["rate_slope"];
    double beta = (double)nrn_params["beta"];
    double theta = (double)nrn_params["theta"];
    return 15.0 * beta / (1.0 + Math.Exp(-beta * (theta - U)) / k);
}

// simulation params
int n_pattern_rep = 100; // number of repetitions of the spike pattern
double pattern_duration = 200.0;
double t_start = 2.0 * pattern_duration;
double t_end = n_pattern_rep * pattern_duration + t_start;
double simulation_time = t_end + 2.0 * pattern_duration;
int n_rep_total = (int)Math.Round(simulation_time / pattern_duration);
double resolution = 0.1;
nest.SetKernelStatus("resolution", resolution);

// neuron parameters
string nrn_model = "pp_cond_exp_mc_urbanczik";
var nrn_params = new Dictionary<string, object>
{
    ["t_ref"] = 3.0, // refractory period
    ["g_sp"] = 600.0, // soma-to-dendritic coupling conductance
    ["soma"] = new Dictionary<string, object>
    {
        ["V_m"] = -70.0, // initial value of V_m
        ["C_m"] = 300.0, // capacitance of membrane
        ["E_L"] = -70.0, // resting potential
        ["g_L"] = 30.0, // somatic leak conductance
        ["E_ex"] = 0.0, // resting potential for exc input
        ["E_in"] = -75.0, // resting potential for inh input
        ["tau_syn_ex"] = 3.0, // time constant of exc conductance
        ["tau_syn_in"] = 3.0, // time constant of inh conductance
    },
    ["dendritic"] = new Dictionary<string, object>
    {
        ["V_m"] = -70.0, // initial value of V_m
        ["C_m"] = 300.0, // capacitance of membrane
        ["E_L"] = -70.0, // resting potential
        ["g_L"] = 30.0, // dendritic leak conductance
        ["tau_syn_ex"] = 3.0, // time constant of exc input current
        ["tau_syn_in"] = 3.0, // time constant of inh input current
    },
    // parameters of rate function
    ["phi_max"] = 0.15, // max rate
    ["rate_slope"] = 0.5, // called 'k' in the paper
    ["beta"] = 1.0 / 3.0,
    ["theta"] = -55.0,
};
double dendritic_C_m = (double)((Dictionary<string, object>)nrn_params["dendritic"])["C_m"];

// synapse params
var syns = (Dictionary<string, int>)nest.GetDefaults(nrn_model)["receptor_types"];
double init_w = 0.3 * dendritic_C_m;
var syn_params = new Dictionary<string, object>
{
    ["synapse_model"] = "urbanczik_synapse_wr",
    ["receptor_type"] = syns["dendritic_exc"],
    ["tau_Delta"] = 100.0, // time constant of low pass filtering of the weight change
    ["eta"] = 0.17, // learning rate
    ["weight"] = init_w,
    ["Wmax"] = 4.5 * dendritic_C_m,
    ["delay"] = resolution,
};

// somatic input
double ampl_exc = 0.016 * dendritic_C_m;
double offset = 0.018 * dendritic_C_m;
double ampl_inh = 0.06 * dendritic_C_m;
double freq = 2.0 / pattern_duration;
var soma_exc_inp = g_exc(ampl_exc, 2.0 * Math.PI * freq, offset, t_start, t_end);
var soma_inh_inp = g_inh(ampl_inh, t_start, t_end);

// dendritic input
// create spike pattern by recording the spikes of a simulation of n_pg poisson generators. The recorded spike times
// are then given to spike generators.
int n_pg = 200; // number of poisson generators
double p_rate = 10.0; // rate in Hz

var pgs = nest.Create("poisson_generator", n_pg, new() { ["rate"] = p_rate });

var prrt_nrns_pg = nest.Create("parrot_neuron", n_pg);

nest.Connect(pgs, prrt_nrns_pg, new Dictionary<string, object> { ["rule"] = "one_to_one" });

var sr = nest.Create("spike_recorder", n_pg);
nest.Connect(prrt_nrns_pg, sr, new Dictionary<string, object> { ["rule"] = "one_to_one" });

nest.Simulate(pattern_duration);
var t_srs = sr.Select(ssr => (double[])((Dictionary<string, object>)ssr.Get("events"))["times"]).ToArray();

nest.ResetKernel();
nest.SetKernelStatus("resolution", resolution);

// neuron and devices
var nrn = nest.Create(nrn_model, 1, nrn_params);

// poisson generators are connected to parrot neurons which are connected to the mc neuron
var prrt_nrns = nest.Create("parrot_neuron", n_pg);

// excitatory input to the soma
var spike_times_soma_inp = Enumerable.Range(0, (int)Math.Round((simulation_time - resolution) / resolution))
    .Select(i => resolution + i * resolution).ToArray();
var sg_soma_exc = nest.Create("spike_generator", 1, new()
{
    ["spike_times"] = spike_times_soma_inp, ["spike_weights"] = spike_times_soma_inp.Select(soma_exc_inp).ToArray(),
});
// inhibitory input to the soma
var sg_soma_inh = nest.Create("spike_generator", 1, new()
{
    ["spike_times"] = spike_times_soma_inp, ["spike_weights"] = spike_times_soma_inp.Select(soma_inh_inp).ToArray(),
});

// excitatory input to the dendrite
var sg_prox = nest.Create("spike_generator", n_pg);

// for recording all parameters of the Urbanczik neuron
var rqs = (string[])nest.GetDefaults(nrn_model)["recordables"];
var mm = nest.Create("multimeter", 1, new() { ["record_from"] = rqs, ["interval"] = 0.1 });

// for recoding the synaptic weights of the Urbanczik synapses
var wr = nest.Create("weight_recorder");

// for recording the spiking of the soma
var sr_soma = nest.Create("spike_recorder");

// create connections
nest.Connect(sg_prox, prrt_nrns, new Dictionary<string, object> { ["rule"] = "one_to_one" });
nest.CopyModel("urbanczik_synapse", "urbanczik_synapse_wr", new() { ["weight_recorder"] = wr[0] });
nest.Connect(prrt_nrns, nrn, syn: syn_params);
nest.Connect(mm, nrn, syn: new Dictionary<string, object> { ["delay"] = 0.1 });
nest.Connect(sg_soma_exc, nrn, syn: new Dictionary<string, object>
{
    ["receptor_type"] = syns["soma_exc"], ["weight"] = 10.0 * resolution, ["delay"] = resolution,
});
nest.Connect(sg_soma_inh, nrn, syn: new Dictionary<string, object>
{
    ["receptor_type"] = syns["soma_inh"], ["weight"] = 10.0 * resolution, ["delay"] = resolution,
});
nest.Connect(nrn, sr_soma);

// simulation divided into intervals of the pattern duration
for (int i = 0; i < n_rep_total; i++)
{
    // Set the spike times of the pattern for each spike generator
    foreach (var (sg, t_sp) in sg_prox.Zip(t_srs))
        sg.Set("spike_times", t_sp.Select(t => t + i * pattern_duration).ToArray());

    nest.Simulate(pattern_duration);
}

// read out devices
// multimeter
var mm_events = (Dictionary<string, object>)mm.Get("events");
var t = (double[])mm_events["times"];
var V_s = (double[])mm_events["V_m.s"];
var V_d = (double[])mm_events["V_m.p"];
var V_d_star = V_d.Select(v => V_w_star(v, nrn_params)).ToArray();
var g_in = (double[])mm_events["g_in.s"];
var g_ex = (double[])mm_events["g_ex.s"];
var I_ex = (double[])mm_events["I_ex.p"];
var I_in = (double[])mm_events["I_in.p"];
var U_M = g_ex.Zip(g_in, (gE, gI) => matching_potential(gE, gI, nrn_params)).ToArray();

// weight recorder
var wr_events = (Dictionary<string, object>)wr.Get("events");
var senders = (long[])wr_events["senders"];
var targets = (long[])wr_events["targets"];
var weights = (double[])wr_events["weights"];
var times = (double[])wr_events["times"];

// spike recorder
var spike_times_soma = (double[])((Dictionary<string, object>)sr_soma.Get("events"))["times"];

// plot results (SVG and PNG). The traces are drawn at every 10th sample (1 ms), which
// is still finer than a pixel, so that the SVG stays small; the CSV below keeps every sample.
static double[] Thin(double[] values) => values.Where((_, k) => k % 10 == 0).ToArray();
double lw = 2.5;
var fig1 = new LinePlot(new LinePlotOptions { XTitle = "time [ms]", Width = 1200, PanelHeight = 220 });
var (tp, V_s_p, V_d_p, V_d_star_p) = (Thin(t), Thin(V_s), Thin(V_d), Thin(V_d_star));

// membrane potentials and matching potential
fig1.AddPanel("membrane pot [mV]")
    .AddSeries("U (soma)", tp, V_s_p, "#00008b", lw)
    .AddSeries("V_W (dendrit)", tp, V_d_p, "#00bfff", lw)
    .AddSeries("V_W* (dendrit)", tp, V_d_star_p, "#0000ff", lw)
    .AddSeries("U_M (soma)", tp, Thin(U_M), "#ff0000", lw);

// somatic conductances
fig1.AddPanel("somatic cond")
    .AddSeries("g_I", tp, Thin(g_in), "#ff0000", lw)
    .AddSeries("g_E", tp, Thin(g_ex), "#ff7f50", lw);

// dendritic currents
fig1.AddPanel("dend current")
    .AddSeries("I_ex", tp, Thin(I_ex), "#ff0000", lw)
    .AddSeries("I_in", tp, Thin(I_in), "#ff7f50", lw);

// rates, and the somatic spikes as short ticks at 0
var phi_U = V_s_p.Select(v => phi(v, nrn_params)).ToArray();
var phi_V_d_star = V_d_star_p.Select(v => phi(v, nrn_params)).ToArray();
var spike_x = spike_times_soma.SelectMany(s => new[] { s, s, double.NaN }).ToArray();
var spike_y = spike_times_soma.SelectMany(_ => new[] { 0.0, 0.3, double.NaN }).ToArray();
fig1.AddPanel("rate")
    .AddSeries("phi(U)", tp, phi_U, "#00008b", lw)
    .AddSeries("phi(V_W)", tp, V_d_p.Select(v => phi(v, nrn_params)).ToArray(), "#00bfff", lw)
    .AddSeries("phi(V_W*)", tp, phi_V_d_star, "#0000ff", lw)
    .AddSeries("h(V_W*)", tp, V_d_star_p.Select(v => h(v, nrn_params)).ToArray(), "#008000", lw)
    .AddSeries("phi(U) - phi(V_W*)", tp, phi_U.Zip(phi_V_d_star, (a, b) => a - b).ToArray(), "#ff0000", lw)
    .AddSeries("", spike_x, spike_y, "#000000", 1.0);
Report(fig1.Save("urbanczik_traces.png"));

// synaptic weights
var fig2 = new LinePlot(new LinePlotOptions { Title = "Synaptic weights of Urbanczik synapses", XTitle = "time [ms]", Width = 1200, PanelHeight = 500 });
var axA = fig2.AddPanel("weight");
for (int i = 2; i < 200; i += 10)
{
    var index = Enumerable.Range(0, senders.Length).Where(k => senders[k] == i && targets[k] == 1).ToArray();
    if (index.Length != 0)
    {
        // a step plot: each weight holds until the next event
        var x = index.SelectMany((k, j) => j == 0 ? new[] { times[k] } : new[] { times[k], times[k] }).ToArray();
        var y = index.SelectMany((k, j) => j == 0 ? new[] { weights[k] } : new[] { weights[index[j - 1]], weights[k] }).ToArray();
        axA.AddSeries($"pg_{i - 2}", x, y, lineWidth: lw);
    }
}
Report(fig2.Save("urbanczik_weights.png"));

// the data of the figures
var csv = new StringBuilder("time,V_s,V_d,V_d_star,U_M,g_ex,g_in,I_ex,I_in\n");
for (int k = 0; k < t.Length; k++)
    csv.Append(CultureInfo.InvariantCulture, $"{t[k]:R},{V_s[k]:R},{V_d[k]:R},{V_d_star[k]:R},{U_M[k]:R},{g_ex[k]:R},{g_in[k]:R},{I_ex[k]:R},{I_in[k]:R}\n");
File.WriteAllText("urbanczik_traces.csv", csv.ToString());
var wcsv = new StringBuilder("time,sender,target,weight\n");
for (int k = 0; k < times.Length; k++)
    wcsv.Append(CultureInfo.InvariantCulture, $"{times[k]:R},{senders[k]},{targets[k]},{weights[k]:R}\n");
File.WriteAllText("urbanczik_weights.csv", wcsv.ToString());
Console.WriteLine("Data: urbanczik_traces.csv, urbanczik_weights.csv");

static void Report(SaveResult saved) =>
    Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");
