#:project ../src/NestSharp
#:project ../src/NestSharp.Plotting

// Structural Plasticity example: the C# counterpart of PyNEST's structural_plasticity.py.
//
// This example shows a simple network of two populations where structural plasticity is used. The network has 1000
// neurons, 80% excitatory and 20% inhibitory. The simulation starts without any connectivity. A set of homeostatic
// rules is defined, according to which structural plasticity will create and delete synapses dynamically during the
// simulation until a desired level of activity is reached. The model of structural plasticity used here corresponds
// to the formulation presented in [1].
//
// At the end of the simulation, a plot of the evolution of the connectivity in the network and the average calcium
// concentration in the neurons is created.
//
// [1] Butz, M., and van Ooyen, A. (2013). A simple rule for dendritic spine and axonal bouton formation can account
//     for cortical reorganization after focal retinal lesions. PLoS Comput. Biol. 9 (10), e1003259.
//
// Run: cd examples && dotnet run structural_plasticity.cs [t_sim in ms, default 200000]
// Writes StructuralPlasticityExample.svg and .png into the current directory.

using System.Globalization;
using NestSharp;
using NestSharp.Plotting;

// Finally we take all the functions that we have defined and create the sequence for our example. We prepare the
// simulation, create the nodes for the network, connect the external input and then simulate. Please note that as we
// are simulating 200 biological seconds in this example, it will take a few minutes to complete.

var example = new StructuralPlasticityExample();
if (args.Length > 0) example.t_sim = double.Parse(args[0], CultureInfo.InvariantCulture);
// Prepare simulation
example.prepare_simulation();
example.create_nodes();
example.connect_external_input();
// Start simulation
example.simulate();
example.plot_data();

internal sealed class StructuralPlasticityExample
{
    private readonly Simulator nest = new();

    // The example's attributes, public as in Python.

    // simulated time (ms)
    public double t_sim = 200000.0;

    // simulation step (ms).
    public readonly double dt = 0.1;
    public readonly int number_excitatory_neurons = 800;
    public readonly int number_inhibitory_neurons = 200;

    // Structural_plasticity properties
    public readonly double update_interval = 10000.0;
    public readonly double record_interval = 1000.0;

    // rate of background Poisson input
    public readonly double bg_rate = 10000.0;
    public readonly string neuron_model = "iaf_psc_exp"; // as in the Python example, which creates iaf_psc_alpha all the same

    // In this implementation of structural plasticity, neurons grow connection points called synaptic elements.
    // Synapses can be created between compatible synaptic elements. The growth of these elements is guided by
    // homeostatic rules, defined as growth curves. Here we specify the growth curves for synaptic elements of
    // excitatory and inhibitory neurons.

    // Excitatory synaptic elements of excitatory neurons
    public readonly Dictionary<string, object> growth_curve_e_e = new()
    {
        ["growth_curve"] = "gaussian",
        ["growth_rate"] = 0.0001, // (elements/ms)
        ["continuous"] = false,
        ["eta"] = 0.0, // Ca2+
        ["eps"] = 0.05, // Ca2+
    };

    // Inhibitory synaptic elements of excitatory neurons
    public readonly Dictionary<string, object> growth_curve_e_i;

    // Excitatory synaptic elements of inhibitory neurons
    public readonly Dictionary<string, object> growth_curve_i_e = new()
    {
        ["growth_curve"] = "gaussian",
        ["growth_rate"] = 0.0004, // (elements/ms)
        ["continuous"] = false,
        ["eta"] = 0.0, // Ca2+
        ["eps"] = 0.2, // Ca2+
    };

    // Inhibitory synaptic elements of inhibitory neurons
    public readonly Dictionary<string, object> growth_curve_i_i;

    // Now we specify the neuron model. (As in the Python example, these parameters are not passed to Create: the
    // neurons keep the model's defaults.)
    public readonly Dictionary<string, object> model_params = new()
    {
        ["tau_m"] = 10.0, // membrane time constant (ms)
        ["tau_syn_ex"] = 0.5, // excitatory synaptic time constant (ms)
        ["tau_syn_in"] = 0.5, // inhibitory synaptic time constant (ms)
        ["t_ref"] = 2.0, // absolute refractory period (ms)
        ["E_L"] = -65.0, // resting membrane potential (mV)
        ["V_th"] = -50.0, // spike threshold (mV)
        ["C_m"] = 250.0, // membrane capacitance (pF)
        ["V_reset"] = -65.0, // reset potential (mV)
    };

    public NodeCollection? nodes_e;
    public NodeCollection? nodes_i;
    public readonly List<double> mean_ca_e = [];
    public readonly List<double> mean_ca_i = [];
    public readonly List<double> total_connections_e = [];
    public readonly List<double> total_connections_i = [];

    // We initialize variables for the postsynaptic currents of the excitatory, inhibitory, and external synapses.
    // These values were calculated from a PSP amplitude of 1 for excitatory synapses, -1 for inhibitory synapses and
    // 0.11 for external synapses.
    public readonly double psc_e = 585.0;
    public readonly double psc_i = -585.0;
    public readonly double psc_ext = 6.2;

    public StructuralPlasticityExample()
    {
        growth_curve_e_i = new()
        {
            ["growth_curve"] = "gaussian",
            ["growth_rate"] = 0.0001, // (elements/ms)
            ["continuous"] = false,
            ["eta"] = 0.0, // Ca2+
            ["eps"] = growth_curve_e_e["eps"], // Ca2+
        };
        growth_curve_i_i = new()
        {
            ["growth_curve"] = "gaussian",
            ["growth_rate"] = 0.0001, // (elements/ms)
            ["continuous"] = false,
            ["eta"] = 0.0, // Ca2+
            ["eps"] = growth_curve_i_e["eps"], // Ca2+
        };
    }

    public void prepare_simulation()
    {
        nest.ResetKernel();

        // We set global kernel parameters. Here we define the resolution for the simulation, which is also the time
        // resolution for the update of the synaptic elements.
        nest.SetKernelStatus(new() { ["resolution"] = dt });

        // Set Structural Plasticity synaptic update interval which is how often the connectivity will be updated
        // inside the network. It is important to notice that synaptic elements and connections change on different
        // time scales.
        nest.SetKernelStatus(new() { ["structural_plasticity_update_interval"] = update_interval });

        // Now we define Structural Plasticity synapses. In this example we create two synapse models, one for
        // excitatory and one for inhibitory synapses. Then we define that excitatory synapses can only be created
        // between a pre-synaptic element called `Axon_ex` and a postsynaptic element called `Den_ex`. In a similar
        // manner, synaptic elements for inhibitory synapses are defined.
        nest.CopyModel("static_synapse", "synapse_ex");
        nest.SetDefaults("synapse_ex", new() { ["weight"] = psc_e, ["delay"] = 1.0 });
        nest.CopyModel("static_synapse", "synapse_in");
        nest.SetDefaults("synapse_in", new() { ["weight"] = psc_i, ["delay"] = 1.0 });
        nest.SetKernelStatus(new()
        {
            ["structural_plasticity_synapses"] = new Dictionary<string, object>
            {
                ["synapse_ex"] = new Dictionary<string, object>
                {
                    ["synapse_model"] = "synapse_ex",
                    ["post_synaptic_element"] = "Den_ex",
                    ["pre_synaptic_element"] = "Axon_ex",
                },
                ["synapse_in"] = new Dictionary<string, object>
                {
                    ["synapse_model"] = "synapse_in",
                    ["post_synaptic_element"] = "Den_in",
                    ["pre_synaptic_element"] = "Axon_in",
                },
            },
        });
    }

    /// <summary>Assign growth curves to synaptic elements</summary>
    public void create_nodes()
    {
        var synaptic_elements = new Dictionary<string, object>
        {
            ["Den_ex"] = growth_curve_e_e,
            ["Den_in"] = growth_curve_e_i,
            ["Axon_ex"] = growth_curve_e_e,
        };

        var synaptic_elements_i = new Dictionary<string, object>
        {
            ["Den_ex"] = growth_curve_i_e,
            ["Den_in"] = growth_curve_i_i,
            ["Axon_in"] = growth_curve_i_i,
        };

        // Then it is time to create a population with 80% of the total network size excitatory neurons and another
        // one with 20% of the total network size of inhibitory neurons.
        nodes_e = nest.Create("iaf_psc_alpha", number_excitatory_neurons, new() { ["synaptic_elements"] = synaptic_elements });
        nodes_i = nest.Create("iaf_psc_alpha", number_inhibitory_neurons, new() { ["synaptic_elements"] = synaptic_elements_i });
        nodes_e.Set("synaptic_elements", synaptic_elements);
        nodes_i.Set("synaptic_elements", synaptic_elements_i);
    }

    /// <summary>We create and connect the Poisson generator for external input</summary>
    public void connect_external_input()
    {
        var noise = nest.Create("poisson_generator");
        noise.Set("rate", bg_rate);
        nest.Connect(noise, nodes_e!, "all_to_all", new Dictionary<string, object> { ["weight"] = psc_ext, ["delay"] = 1.0 });
        nest.Connect(noise, nodes_i!, "all_to_all", new Dictionary<string, object> { ["weight"] = psc_ext, ["delay"] = 1.0 });
    }

    // In order to save the amount of average calcium concentration in each population through time we create the
    // function record_ca. Here we use the value of `Ca` for every neuron in the network and then store the average.
    private void record_ca()
    {
        var ca_e = nodes_e!.GetValues<double>("Ca"); // Calcium concentration
        mean_ca_e.Add(ca_e.Average());

        var ca_i = nodes_i!.GetValues<double>("Ca"); // Calcium concentration
        mean_ca_i.Add(ca_i.Average());
    }

    // In order to save the state of the connectivity in the network through time we create the function
    // record_connectivity. Here we retrieve the number of connected pre-synaptic elements of each neuron. The total
    // amount of excitatory connections is equal to the total amount of connected excitatory pre-synaptic elements.
    // The same applies for inhibitory connections.
    private void record_connectivity()
    {
        var syn_elems_e = nodes_e!.GetValues<Dictionary<string, object>>("synaptic_elements");
        var syn_elems_i = nodes_i!.GetValues<Dictionary<string, object>>("synaptic_elements");
        total_connections_e.Add(syn_elems_e.Sum(neuron => (long)((Dictionary<string, object>)neuron["Axon_ex"])["z_connected"]));
        total_connections_i.Add(syn_elems_i.Sum(neuron => (long)((Dictionary<string, object>)neuron["Axon_in"])["z_connected"]));
    }

    // We define a function to plot the recorded values at the end of the simulation. Where the Python example draws
    // twin y axes, this figure stacks two panels over the same time axis: calcium above, connections below.
    public void plot_data()
    {
        double[] time = [.. Enumerable.Range(0, mean_ca_e.Count).Select(i => (double)i)]; // recording index, in s
        double end = Math.Max(1.0, time.Length);
        double[] span = [0.0, end];
        double eps_e = (double)growth_curve_e_e["eps"];
        double eps_i = (double)growth_curve_i_e["eps"];

        // The Python example's axis limits, ylim [0, 0.275] and [0, 2500], raised when the curves go higher (with room
        // for the legends, which this figure draws at the top right of each panel).
        double ca_max = Math.Max(0.275, 1.4 * mean_ca_e.Concat(mean_ca_i).DefaultIfEmpty(0.0).Max());
        var fig = new LinePlot(new LinePlotOptions { XTitle = "Time in [s]", XRange = new DataRange(0.0, end) });
        fig.AddPanel("Ca concentration", new DataRange(0, ca_max))
            .AddSeries("", span, [eps_e, eps_e], "#9999FF", lineWidth: 4.0)
            .AddSeries("Ca Concentration Excitatory Neurons", time, mean_ca_e.ToArray(), "#0000ff", lineWidth: 2.0)
            .AddSeries("", span, [eps_i, eps_i], "#FF9999", lineWidth: 4.0)
            .AddSeries("Ca Concentration Inhibitory Neurons", time, mean_ca_i.ToArray(), "#ff0000", lineWidth: 2.0);
        double connections_max = Math.Max(2500.0, 1.4 * total_connections_e.Concat(total_connections_i).DefaultIfEmpty(0.0).Max());
        fig.AddPanel("Connections", new DataRange(0, connections_max))
            .AddSeries("Excitatory connections", time, total_connections_e.ToArray(), "#bf00bf", lineWidth: 2.0)
            .AddSeries("Inhibitory connections", time, total_connections_i.ToArray(), "#000000", lineWidth: 2.0);
        var saved = fig.Save("StructuralPlasticityExample.png");
        Console.WriteLine($"Figure: {saved.SvgPath}, {saved.PngPath}");
    }

    // It is time to specify how we want to perform the simulation. In this function we first enable structural
    // plasticity in the network and then we simulate in steps. On each step we record the calcium concentration and
    // the connectivity. At the end of the simulation, the plot of connections and calcium concentration through time
    // is generated.
    public void simulate()
    {
        if ((long)nest.GetKernelStatus("num_processes") > 1)
        {
            Console.Error.WriteLine("For simplicity, this example only works for a single process.");
            Environment.Exit(1);
        }
        nest.EnableStructuralPlasticity();
        Console.WriteLine("Starting simulation");
        int sim_steps = (int)Math.Ceiling(t_sim / record_interval); // numpy.arange(0, t_sim, record_interval)
        for (int i = 0; i < sim_steps; i++)
        {
            nest.Simulate(record_interval);
            record_ca();
            record_connectivity();
            if (i % 20 == 0)
            {
                // The Python example prints i / 2, which is the percentage for its 200 steps.
                Console.WriteLine(FormattableString.Invariant($"Progress: {100.0 * i / sim_steps}%"));
            }
        }
        Console.WriteLine("Simulation finished successfully");
    }
}
