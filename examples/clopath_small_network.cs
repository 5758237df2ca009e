#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// Clopath Rule: Bidirectional connections. The C# counterpart of PyNEST's clopath_synapse_small_network.py.
//
// This script simulates a small network of ten excitatory and three inhibitory aeif_psc_delta_clopath neurons. The
// neurons are randomly connected and driven by 500 Poisson generators. The synapses from the Poisson generators to the
// excitatory population and those among the neurons of the network are Clopath synapses. The rate of the Poisson
// generators is modulated with a Gaussian profile whose center shifts randomly each 100 ms between ten equally spaced
// positions. This setup demonstrates that the Clopath synapse is able to establish bidirectional connections. The
// example is adapted from [1] (cf. fig. 5).
//
// [1] Clopath C, Büsing L, Vasilaki E, Gerstner W (2010). Connectivity reflects coding: a model of voltage-based STDP
//     with homeostasis. Nature Neuroscience 13:3, 344-352.
//
// Run: cd examples && dotnet run clopath_small_network.cs
// Writes clopath_small_network.svg and .png into the current directory. The same
// run, with its numbers written as CSV, is `nestsharp clopath`.

using NestSharp;
using NestSharp.Plotting;

// Set the parameters

double simulation_time = 1.0e4;
double resolution = 0.1;
double delay = resolution;

// Poisson_generator parameters
double pg_A = 30.0; // amplitude of Gaussian
double pg_sigma = 10.0; // std deviation

var nest = new Simulator();
nest.SetKernelStatus(new() { ["resolution"] = resolution });

// Create neurons and devices
string nrn_model = "aeif_psc_delta_clopath";
var nrn_params = new Dictionary<string, object>
{
    ["V_m"] = -30.6,
    ["g_L"] = 30.0,
    ["w"] = 0.0,
    ["tau_u_bar_plus"] = 7.0,
    ["tau_u_bar_minus"] = 10.0,
    ["tau_w"] = 144.0,
    ["a"] = 4.0,
    ["C_m"] = 281.0,
    ["Delta_T"] = 2.0,
    ["V_peak"] = 20.0,
    ["t_clamp"] = 2.0,
    ["A_LTP"] = 8.0e-6,
    ["A_LTD"] = 14.0e-6,
    ["A_LTD_const"] = false,
    ["b"] = 0.0805,
    ["u_ref_squared"] = Math.Pow(60.0, 2),
};
var pop_exc = nest.Create(nrn_model, 10, nrn_params);
var pop_inh = nest.Create(nrn_model, 3, nrn_params);

// We need parrot neurons since Poisson generators can only be connected with static connections

var pop_input = nest.Create("parrot_neuron", 500); // helper neurons
var pg = nest.Create("poisson_generator", 500);
var wr = nest.Create("weight_recorder");

// First connect Poisson generators to helper neurons

nest.Connect(pg, pop_input, "one_to_one", new Dictionary<string, object>
{
    ["synapse_model"] = "static_synapse", ["weight"] = 1.0, ["delay"] = delay,
});

// Create all the connections

nest.CopyModel("clopath_synapse", "clopath_input_to_exc", new() { ["Wmax"] = 3.0 });
var conn_dict_input_to_exc = new Dictionary<string, object> { ["rule"] = "all_to_all" };
var syn_dict_input_to_exc = new Dictionary<string, object>
{
    ["synapse_model"] = "clopath_input_to_exc", ["weight"] = nest.Random.Uniform(0.5, 2.0), ["delay"] = delay,
};
nest.Connect(pop_input, pop_exc, conn_dict_input_to_exc, syn_dict_input_to_exc);

// Create input->inh connections
var conn_dict_input_to_inh = new Dictionary<string, object> { ["rule"] = "all_to_all" };
var syn_dict_input_to_inh = new Dictionary<string, object>
{
    ["synapse_model"] = "static_synapse", ["weight"] = nest.Random.Uniform(0.0, 0.5), ["delay"] = delay,
};
nest.Connect(pop_input, pop_inh, conn_dict_input_to_inh, syn_dict_input_to_inh);

// Create exc->exc connections
nest.CopyModel("clopath_synapse", "clopath_exc_to_exc", new() { ["Wmax"] = 0.75, ["weight_recorder"] = wr });
var syn_dict_exc_to_exc = new Dictionary<string, object> { ["synapse_model"] = "clopath_exc_to_exc", ["weight"] = 0.25, ["delay"] = delay };
var conn_dict_exc_to_exc = new Dictionary<string, object> { ["rule"] = "all_to_all", ["allow_autapses"] = false };
nest.Connect(pop_exc, pop_exc, conn_dict_exc_to_exc, syn_dict_exc_to_exc);

// Create exc->inh connections
var syn_dict_exc_to_inh = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = 1.0, ["delay"] = delay };
var conn_dict_exc_to_inh = new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 8 };
nest.Connect(pop_exc, pop_inh, conn_dict_exc_to_inh, syn_dict_exc_to_inh);

// Create inh->exc connections
var syn_dict_inh_to_exc = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = 1.0, ["delay"] = delay };
var conn_dict_inh_to_exc = new Dictionary<string, object> { ["rule"] = "fixed_outdegree", ["outdegree"] = 6 };
nest.Connect(pop_inh, pop_exc, conn_dict_inh_to_exc, syn_dict_inh_to_exc);

// Randomize the initial membrane potential

pop_exc.Set("V_m", nest.Random.Normal(-60.0, 25.0));
pop_inh.Set("V_m", nest.Random.Normal(-60.0, 25.0));

// Simulation divided into intervals of 100ms for shifting the Gaussian. Python's random module is unseeded in the
// example, so every run sees other positions; here it is seeded with the kernel's default rng_seed, which makes the
// run repeatable and the same as `nestsharp clopath` with its default --seed.

var random = new Random(143202461);
double sim_interval = 100.0;
for (int i = 0; i < (int)(simulation_time / sim_interval); i++)
{
    // set rates of poisson generators
    var rates = new double[500];
    // pg_mu will be randomly chosen out of 25,75,125,...,425,475
    int pg_mu = 25 + random.Next(0, 10) * 50;
    for (int j = 0; j < 500; j++)
    {
        rates[j] = pg_A * Math.Exp((-1 * Math.Pow(j - pg_mu, 2)) / (2 * Math.Pow(pg_sigma, 2)));
        rates[j] *= 1.75;
    }
    pg.Set("rate", rates);
    nest.Simulate(sim_interval);
}

// Plot results

// Plot synapse weights of the synapses within the excitatory population. GetConnections orders the connections by
// sender and, per sender, by target, which is the example's sort; each row has the 9 targets other than the sender.
var exc_conns = nest.GetConnections(pop_exc, pop_exc);
long[] exc_conns_senders = exc_conns.Source;
long[] exc_conns_targets = exc_conns.Target;
double[] exc_conns_weights = exc_conns.Weight;
var order = Enumerable.Range(0, exc_conns_weights.Length)
    .OrderBy(k => exc_conns_senders[k]).ThenBy(k => exc_conns_targets[k]).ToArray();
var weights = new double[10, 10 - 1];
for (int k = 0; k < order.Length; k++)
    weights[k / 9, k % 9] = exc_conns_weights[order[k]];

// Row i of the 10 x 10 matrix takes row i of the 10 x 9 one, with a gap on the diagonal (no autapses)
var weight_matrix = new double[10, 10];
for (int i = 0; i < 10; i++)
{
    for (int j = 0; j < 10; j++)
        weight_matrix[i, j] = i == j ? 0.0 : weights[i, j < i ? j : j - 1];
}

// Difference between initial and final value
var init_w_matrix = new double[10, 10];
for (int i = 0; i < 10; i++)
{
    for (int j = 0; j < 10; j++)
        init_w_matrix[i, j] = i == j ? 0.0 : 0.25;
}

var change = new double[10, 10];
for (int i = 0; i < 10; i++)
{
    for (int j = 0; j < 10; j++)
        change[i, j] = weight_matrix[i, j] - init_w_matrix[i, j];
}

var saved = HeatmapPlot.Save("clopath_small_network.png", change, new HeatmapPlotOptions
{
    Title = "Change of syn weights before and after simulation",
    XTitle = "to neuron",
    YTitle = "from neuron",
    Colormap = HeatmapPlot.BlueWhiteRed,
    SymmetricValueRange = true,
    FirstColumnNumber = 1,
    FirstRowNumber = 1,
});
Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");

// Not in the example: the two numbers that say whether the connections became bidirectional. The mean change over
// the 90 connections, and the correlation of the change of i->j with the change of j->i (positive when reciprocal
// connections strengthen together).
var offDiagonal = new List<(double Forward, double Backward)>();
for (int i = 0; i < 10; i++)
{
    for (int j = 0; j < 10; j++)
        if (i != j) offDiagonal.Add((change[i, j], change[j, i]));
}
double mean = offDiagonal.Average(p => p.Forward);
double covariance = offDiagonal.Average(p => (p.Forward - mean) * (p.Backward - mean));
double variance = offDiagonal.Average(p => (p.Forward - mean) * (p.Forward - mean));
Console.WriteLine($"Mean weight change: {mean:F5}");
Console.WriteLine($"Correlation of the change of i->j with that of j->i: {covariance / variance:F3}");
