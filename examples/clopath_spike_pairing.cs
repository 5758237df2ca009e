#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// Clopath Rule: Spike pairing experiment. The C# counterpart of PyNEST's clopath_synapse_spike_pairing.py.
//
// This script simulates one aeif_psc_delta_clopath neuron that is connected with a Clopath connection [1]. The synapse
// receives pairs of a pre- and a postsynaptic spike that are separated by either 10 ms (pre before post) or -10 ms
// (post before pre). The change of the synaptic weight is measured after five of such pairs. This experiment is
// repeated five times with different rates of the sequence of the spike pairs: 10Hz, 20Hz, 30Hz, 40Hz, and 50Hz.
//
// [1] Clopath C, Büsing L, Vasilaki E, Gerstner W (2010). Connectivity reflects coding: a model of voltage-based STDP
//     with homeostasis. Nature Neuroscience 13:3, 344-352.
//
// Run: cd examples && dotnet run clopath_spike_pairing.cs
// Writes clopath_spike_pairing.svg and .png into the current directory. With more
// frequencies, and the curves as CSV: `nestsharp clopath-pairing`.

using NestSharp;
using NestSharp.Plotting;

// First we specify the neuron parameters. To enable voltage dependent prefactor A_LTD(u_bar_bar) add
// ["A_LTD_const"] = false to the dictionary.

var nrn_params = new Dictionary<string, object>
{
    ["V_m"] = -70.6,
    ["E_L"] = -70.6,
    ["C_m"] = 281.0,
    ["theta_minus"] = -70.6,
    ["theta_plus"] = -45.3,
    ["A_LTD"] = 14.0e-5,
    ["A_LTP"] = 8.0e-5,
    ["tau_u_bar_minus"] = 10.0,
    ["tau_u_bar_plus"] = 7.0,
    ["delay_u_bars"] = 4.0,
    ["a"] = 4.0,
    ["b"] = 0.0805,
    ["V_reset"] = -70.6 + 21.0,
    ["V_clamp"] = 33.0,
    ["t_clamp"] = 2.0,
    ["t_ref"] = 0.0,
};

// Hardcoded spike times of presynaptic spike generator

double[][] spike_times_pre =
[
    // Presynaptic spike after the postsynaptic (post-pre pairs)
    [20.0, 120.0, 220.0, 320.0, 420.0],
    [20.0, 70.0, 120.0, 170.0, 220.0],
    [20.0, 53.3, 86.7, 120.0, 153.3],
    [20.0, 45.0, 70.0, 95.0, 120.0],
    [20.0, 40.0, 60.0, 80.0, 100.0],
    // Presynaptic spike before the postsynaptic (pre-post pairs)
    [120.0, 220.0, 320.0, 420.0, 520.0, 620.0],
    [70.0, 120.0, 170.0, 220.0, 270.0, 320.0],
    [53.3, 86.6, 120.0, 153.3, 186.6, 220.0],
    [45.0, 70.0, 95.0, 120.0, 145.0, 170.0],
    [40.0, 60.0, 80.0, 100.0, 120.0, 140.0],
];

// Hardcoded spike times of postsynaptic spike generator

double[][] spike_times_post =
[
    [10.0, 110.0, 210.0, 310.0, 410.0],
    [10.0, 60.0, 110.0, 160.0, 210.0],
    [10.0, 43.3, 76.7, 110.0, 143.3],
    [10.0, 35.0, 60.0, 85.0, 110.0],
    [10.0, 30.0, 50.0, 70.0, 90.0],
    [130.0, 230.0, 330.0, 430.0, 530.0, 630.0],
    [80.0, 130.0, 180.0, 230.0, 280.0, 330.0],
    [63.3, 96.6, 130.0, 163.3, 196.6, 230.0],
    [55.0, 80.0, 105.0, 130.0, 155.0, 180.0],
    [50.0, 70.0, 90.0, 110.0, 130.0, 150.0],
];
double init_w = 0.5;
var syn_weights = new List<double>();
double resolution = 0.1;

// Loop over pairs of spike trains

foreach (var (s_t_pre, s_t_post) in spike_times_pre.Zip(spike_times_post))
{
    var nest = new Simulator();
    nest.SetKernelStatus(new() { ["resolution"] = resolution });

    // Create one neuron
    var nrn = nest.Create("aeif_psc_delta_clopath", 1, nrn_params);

    // We need a parrot neuron since spike generators can only be connected with static connections
    var prrt_nrn = nest.Create("parrot_neuron");

    // Create and connect spike generators
    var spike_gen_pre = nest.Create("spike_generator", 1, new() { ["spike_times"] = s_t_pre });

    nest.Connect(spike_gen_pre, prrt_nrn, syn: new Dictionary<string, object> { ["delay"] = resolution });

    var spike_gen_post = nest.Create("spike_generator", 1, new() { ["spike_times"] = s_t_post });

    nest.Connect(spike_gen_post, nrn, syn: new Dictionary<string, object> { ["delay"] = resolution, ["weight"] = 80.0 });

    // Create weight recorder
    var wr = nest.Create("weight_recorder");

    // Create Clopath connection with weight recorder
    nest.CopyModel("clopath_synapse", "clopath_synapse_rec", new() { ["weight_recorder"] = wr });
    var syn_dict = new Dictionary<string, object> { ["synapse_model"] = "clopath_synapse_rec", ["weight"] = init_w, ["delay"] = resolution };
    nest.Connect(prrt_nrn, nrn, syn: syn_dict);

    // Simulation
    double simulation_time = 10.0 + Math.Max(s_t_pre[^1], s_t_post[^1]);
    nest.Simulate(simulation_time);

    // Extract and save synaptic weights
    var weights = (double[])((Dictionary<string, object>)wr.Get("events"))["weights"];
    syn_weights.Add(weights[^1]);
}

// scaling of the weights so that they are comparable to [1]
double[] scaled = syn_weights.Select(w => 100.0 * 15.0 * (w - init_w) / init_w + 100.0).ToArray();

// Plot results
double[] rho = [10.0, 20.0, 30.0, 40.0, 50.0];
var fig = new LinePlot(new LinePlotOptions { Title = "synaptic weight", XTitle = "rho (Hz)" });
fig.AddPanel("normalized weight change", new DataRange(50.0, 180.0))
    .AddSeries("pre-post pairing", rho, scaled.AsSpan(5..), "#0000ff", lineWidth: 2.5)
    .AddSeries("post-pre pairing", rho, scaled.AsSpan(..5), "#008000", lineWidth: 2.5);
var saved = fig.Save("clopath_spike_pairing.png");
Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");

for (int i = 0; i < rho.Length; i++)
    Console.WriteLine($"rho = {rho[i]:0} Hz: pre-post {scaled[5 + i]:F2}, post-pre {scaled[i]:F2}");
