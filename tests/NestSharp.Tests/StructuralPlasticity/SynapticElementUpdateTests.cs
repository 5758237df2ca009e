namespace NestSharp.Tests.StructuralPlasticity;

/// <summary>
/// When a neuron's synaptic elements follow their growth curves: at each of its spikes (with Ca just before the
/// increment), at each structural-plasticity update and at the end of each run, from the state of the previous such
/// event, as NEST's update_synaptic_elements. Expected values are the closed forms; NEST 3.10 gives the same numbers.
/// </summary>
public sealed class SynapticElementUpdateTests
{
    private const double TauCa = 1000.0; // ms
    private const double BetaCa = 0.05;

    private static Dictionary<string, object> Element(string curve, double rate, params (string Key, double Value)[] parameters)
    {
        var element = new Dictionary<string, object> { ["growth_curve"] = curve, ["growth_rate"] = rate, ["continuous"] = true };
        foreach (var (key, value) in parameters) element[key] = value;
        return element;
    }

    private static double Z(NodeCollection neuron, string element) =>
        (double)((Dictionary<string, object>)neuron.Get<Dictionary<string, object>>("synaptic_elements")[element])["z"];

    /// <summary>The linear curve's closed form from (t0, Ca0, z0) to t1, without clipping.</summary>
    private static double Linear(double t0, double t1, double ca0, double z0, double rate, double eps) =>
        z0 + rate * ((t1 - t0) - ca0 * TauCa * (1.0 - Math.Exp(-(t1 - t0) / TauCa)) / eps);

    [Fact]
    public void Elements_FollowTheCurveWithCaBeforeEachSpike()
    {
        // A parrot fires at 11, 31 and 61 ms; a linear element is integrated piecewise between the spikes with Ca just
        // before each increment, then up to the end of the run. No structural plasticity.
        var nest = new Simulator();
        var drive = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0, 30.0, 60.0 } });
        var neuron = nest.Create("parrot_neuron", 1, new()
        {
            ["tau_Ca"] = TauCa, ["beta_Ca"] = BetaCa, ["Ca"] = 0.02,
            ["synaptic_elements"] = new Dictionary<string, object> { ["Axon"] = Element("linear", 0.01, ("eps", 0.1)) },
        });
        nest.Connect(drive, neuron, syn: new Dictionary<string, object> { ["delay"] = 1.0 });

        nest.Simulate(70.0);

        double z = 0.0, ca = 0.02, t = 0.0;
        foreach (double spike in new[] { 11.0, 31.0, 61.0 })
        {
            z = Linear(t, spike, ca, z, 0.01, 0.1);
            ca = ca * Math.Exp(-(spike - t) / TauCa) + BetaCa;
            t = spike;
        }
        z = Linear(t, 70.0, ca, z, 0.01, 0.1);
        ca *= Math.Exp(-(70.0 - t) / TauCa);
        Assert.Equal(z, Z(neuron, "Axon"), 1e-12);
        Assert.Equal(ca, neuron.Get<double>("Ca"), 1e-14);
        Assert.Equal(0.04227692519364584, Z(neuron, "Axon")); // NEST 3.10
        Assert.Equal(0.16342276925193647, neuron.Get<double>("Ca"));
    }

    [Fact]
    public void Elements_OfSilentNeuron_AreBroughtUpToDateAtEachStructuralUpdate()
    {
        // No spikes: the element changes only at the updates (every 500 ms), each time by the curve from the previous one.
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["structural_plasticity_update_interval"] = 500.0 });
        nest.SetKernelStatus(new()
        {
            ["structural_plasticity_synapses"] = new Dictionary<string, object>
            {
                ["syn"] = new Dictionary<string, object>
                {
                    ["synapse_model"] = "static_synapse", ["pre_synaptic_element"] = "Axon", ["post_synaptic_element"] = "Den",
                },
            },
        });
        var neuron = nest.Create("parrot_neuron", 1, new()
        {
            ["tau_Ca"] = TauCa, ["Ca"] = 0.02,
            ["synaptic_elements"] = new Dictionary<string, object> { ["Axon"] = Element("linear", 0.0005, ("eps", 0.1)) },
        });
        nest.EnableStructuralPlasticity();

        nest.Simulate(700.0); // updates at 0 and 500 ms, run end at 700
        double afterFirst = Z(neuron, "Axon");
        nest.Simulate(600.0); // update at 1000 ms, run end at 1300

        double at500 = Linear(0.0, 500.0, 0.02, 0.0, 0.0005, 0.1);
        double at700 = Linear(500.0, 700.0, 0.02 * Math.Exp(-500.0 / TauCa), at500, 0.0005, 0.1);
        double at1300 = Linear(700.0, 1300.0, 0.02 * Math.Exp(-700.0 / TauCa), at700, 0.0005, 0.1);
        Assert.Equal(at700, afterFirst, 1e-12);
        Assert.Equal(at1300, Z(neuron, "Axon"), 1e-12);
        Assert.Equal(0.02 * Math.Exp(-1300.0 / TauCa), neuron.Get<double>("Ca"), 1e-15);
        Assert.Equal(0.299658530379141, afterFirst); // NEST 3.10
        Assert.Equal(0.5772531793034013, Z(neuron, "Axon"));
    }

    [Fact]
    public void GaussianElement_IsIntegratedOnTheSimulationGrid()
    {
        // Resolution 0.25 ms: the forward-Euler sum runs over steps of that size, piece by piece (0 to 1000 to 1500 ms).
        const double h = 0.25, rate = 0.0004, eta = 0.0, eps = 0.05, ca0 = 0.04;
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = h, ["structural_plasticity_update_interval"] = 1000.0 });
        nest.SetKernelStatus(new()
        {
            ["structural_plasticity_synapses"] = new Dictionary<string, object>
            {
                ["syn"] = new Dictionary<string, object>
                {
                    ["synapse_model"] = "static_synapse", ["pre_synaptic_element"] = "Axon", ["post_synaptic_element"] = "Den",
                },
            },
        });
        var neuron = nest.Create("parrot_neuron", 1, new()
        {
            ["tau_Ca"] = TauCa, ["Ca"] = ca0,
            ["synaptic_elements"] = new Dictionary<string, object> { ["Axon"] = Element("gaussian", rate, ("eta", eta), ("eps", eps)) },
        });
        nest.EnableStructuralPlasticity();

        nest.Simulate(1500.0); // updates at 0 and 1000 ms, run end at 1500

        double xi = (eta + eps) / 2, zeta = (eps - eta) / (2 * Math.Sqrt(Math.Log(2)));
        double z = 0.0, ca = ca0;
        for (int k = 1; k <= 6000; k++)
        {
            if (k == 4001) ca = ca0 * Math.Exp(-1000.0 / TauCa); // each piece starts from the exact Ca of the update
            ca += h * (-ca / TauCa);
            z += h * rate * (2 * Math.Exp(-Math.Pow((ca - xi) / zeta, 2)) - 1);
        }
        Assert.Equal(Math.Max(z, 0.0), Z(neuron, "Axon"), 1e-12);
        Assert.True(z > 0.05, "the element should have grown");
        Assert.Equal(0.48294525733588983, Z(neuron, "Axon")); // NEST 3.10
    }

    [Fact]
    public void VacantElements_RetractByTauVacantAtEachUpdate()
    {
        // z = 4.7 and no partner: 4 vacant elements; after the update z = 4.7 - 4 · 0.25 (growth rate 0, so no growth).
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["structural_plasticity_update_interval"] = 100.0 });
        nest.SetKernelStatus(new()
        {
            ["structural_plasticity_synapses"] = new Dictionary<string, object>
            {
                ["syn"] = new Dictionary<string, object>
                {
                    ["synapse_model"] = "static_synapse", ["pre_synaptic_element"] = "Axon", ["post_synaptic_element"] = "Den",
                },
            },
        });
        var element = Element("linear", 0.0, ("eps", 0.1));
        element["z"] = 4.7;
        element["tau_vacant"] = 0.25;
        var neuron = nest.Create("parrot_neuron", 1, new() { ["synaptic_elements"] = new Dictionary<string, object> { ["Axon"] = element } });
        nest.EnableStructuralPlasticity();

        nest.Simulate(50.0); // update at 0

        Assert.Equal(4.7 - 4 * 0.25, Z(neuron, "Axon"), 1e-12);
    }
}
