namespace NestSharp.Tests.StructuralPlasticity;

/// <summary>
/// synaptic_elements as a model's default (SetDefaults, CopyModel), as in NEST: new nodes receive their own copy of
/// the model's elements; nodes that exist and models copied earlier keep what they had; a bad value changes nothing.
/// </summary>
public sealed class SynapticElementDefaultsTests
{
    private static Dictionary<string, object> Elements(string name, double z, string curve = "linear") =>
        new() { [name] = new Dictionary<string, object> { ["z"] = z, ["growth_curve"] = curve } };

    private static Dictionary<string, object> ElementsOf(NodeCollection node) => node.Get<Dictionary<string, object>>("synaptic_elements");

    private static double Z(NodeCollection node, string element) => (double)((Dictionary<string, object>)ElementsOf(node)[element])["z"];

    [Fact]
    public void SetDefaults_GivesNewNodesTheElements_AndExistingNodesKeepTheirs()
    {
        var nest = new Simulator();
        var before = nest.Create("iaf_psc_alpha");
        nest.SetDefaults("iaf_psc_alpha", new() { ["synaptic_elements"] = Elements("Axon", 3.0) });
        var after = nest.Create("iaf_psc_alpha", 2);

        Assert.Empty(ElementsOf(before));
        Assert.All(after, n => Assert.Equal(3.0, Z(n, "Axon")));
    }

    [Fact]
    public void EachNode_HasItsOwnCopy()
    {
        var nest = new Simulator();
        nest.SetDefaults("iaf_psc_alpha", new() { ["synaptic_elements"] = Elements("Axon", 3.0) });
        var nodes = nest.Create("iaf_psc_alpha", 2);

        nodes[0].Set("synaptic_elements_param", Elements("Axon", 7.0));

        Assert.Equal(7.0, Z(nodes[0], "Axon"));
        Assert.Equal(3.0, Z(nodes[1], "Axon"));
        Assert.Equal(3.0, Z(nest.Create("iaf_psc_alpha"), "Axon"));
    }

    [Fact]
    public void CopyModel_WithElements_GivesThemToTheCopyOnly()
    {
        var nest = new Simulator();
        nest.CopyModel("iaf_psc_alpha", "grower", new() { ["synaptic_elements"] = Elements("Den", 2.0, "gaussian") });

        var grower = nest.Create("grower");
        var plain = nest.Create("iaf_psc_alpha");

        Assert.Equal(2.0, Z(grower, "Den"));
        Assert.Equal("gaussian", ((Dictionary<string, object>)ElementsOf(grower)["Den"])["growth_curve"]);
        Assert.Empty(ElementsOf(plain));
    }

    [Fact]
    public void CopyModel_TakesTheElementsTheModelHasAtThatTime()
    {
        var nest = new Simulator();
        nest.SetDefaults("iaf_psc_alpha", new() { ["synaptic_elements"] = Elements("A", 1.0) });
        nest.CopyModel("iaf_psc_alpha", "copy");
        nest.SetDefaults("iaf_psc_alpha", new() { ["synaptic_elements"] = Elements("B", 2.0) });

        var copy = ElementsOf(nest.Create("copy"));
        var original = ElementsOf(nest.Create("iaf_psc_alpha"));

        Assert.Equal(["A"], copy.Keys);
        Assert.Equal(["B"], original.Keys);
    }

    [Fact]
    public void SynapticElementsParam_InSetDefaults_ChangesTheExistingDefaultElementsOnly()
    {
        var nest = new Simulator();
        nest.SetDefaults("iaf_psc_alpha", new() { ["synaptic_elements"] = Elements("A", 1.0) });
        nest.SetDefaults("iaf_psc_alpha", new()
        {
            ["synaptic_elements_param"] = new Dictionary<string, object>
            {
                ["A"] = new Dictionary<string, object> { ["growth_rate"] = 0.5 },
                ["C"] = new Dictionary<string, object> { ["z"] = 4.0 }, // not an element of the model: ignored, as NEST does
            },
        });

        var elements = ElementsOf(nest.Create("iaf_psc_alpha"));

        Assert.Equal(["A"], elements.Keys);
        Assert.Equal(0.5, ((Dictionary<string, object>)elements["A"])["growth_rate"]);
        Assert.Equal(1.0, ((Dictionary<string, object>)elements["A"])["z"]);
    }

    [Fact]
    public void BadDefaultElement_IsRejected_AndTheDefaultsStay()
    {
        var nest = new Simulator();
        nest.SetDefaults("iaf_psc_alpha", new() { ["synaptic_elements"] = Elements("A", 1.0) });
        var bad = new Dictionary<string, object> { ["A"] = new Dictionary<string, object> { ["z"] = 2.0, ["tau_vacant"] = -1.0 } };

        var e = Assert.Throws<BadPropertyException>(() => nest.SetDefaults("iaf_psc_alpha", new() { ["synaptic_elements"] = bad, ["C_m"] = 300.0 }));

        Assert.Contains("tau_vacant", e.Message);
        var node = nest.Create("iaf_psc_alpha");
        Assert.Equal(1.0, Z(node, "A"));
        Assert.Equal(250.0, node.Get<double>("C_m"));
    }

    [Fact]
    public void ParamsGivenToCreate_StartFromTheModelsElements()
    {
        var nest = new Simulator();
        nest.SetDefaults("iaf_psc_alpha", new() { ["synaptic_elements"] = Elements("A", 1.0) });

        var node = nest.Create("iaf_psc_alpha", 1, new() { ["synaptic_elements_param"] = Elements("A", 5.0) });

        Assert.Equal(5.0, Z(node, "A"));
    }

    [Fact]
    public void NodesMadeFromDefaults_TakePartInStructuralPlasticity()
    {
        var nest = new Simulator();
        nest.SetDefaults("iaf_psc_alpha", new()
        {
            ["synaptic_elements"] = new Dictionary<string, object>
            {
                ["SE1"] = new Dictionary<string, object> { ["z"] = 3.0, ["growth_rate"] = 0.0 },
                ["SE2"] = new Dictionary<string, object> { ["z"] = 3.0, ["growth_rate"] = 0.0 },
            },
        });
        nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object>
        {
            ["syn"] = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["pre_synaptic_element"] = "SE1", ["post_synaptic_element"] = "SE2" },
        });
        var neurons = nest.Create("iaf_psc_alpha", 2);
        nest.EnableStructuralPlasticity();

        nest.Simulate(10.0);

        Assert.Equal(6, nest.GetConnections(neurons, neurons).Count);
    }

    [Fact]
    public void ReplacingElements_StartsThemWithNoBoundElements_AsNest()
    {
        // NEST 3.10 makes new elements when synaptic_elements is set: z_connected starts at 0 even where synapses exist.
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 2, new()
        {
            ["synaptic_elements"] = new Dictionary<string, object>
            {
                ["SE1"] = new Dictionary<string, object> { ["z"] = 0.0, ["growth_rate"] = 0.0 },
                ["SE2"] = new Dictionary<string, object> { ["z"] = 0.0, ["growth_rate"] = 0.0 },
            },
        });
        nest.Connect(neurons, neurons, "all_to_all", new Dictionary<string, object>
        {
            ["synapse_model"] = "static_synapse", ["pre_synaptic_element"] = "SE1", ["post_synaptic_element"] = "SE2",
        });

        neurons.Set("synaptic_elements", new Dictionary<string, object> { ["SE1"] = new Dictionary<string, object> { ["z"] = 5.0, ["growth_rate"] = 0.0 } });

        var se1 = (Dictionary<string, object>)ElementsOf(neurons[0])["SE1"];
        Assert.Equal(0L, se1["z_connected"]);
        Assert.Equal(5.0, se1["z"]);
        Assert.DoesNotContain("SE2", ElementsOf(neurons[0]).Keys);
    }
}
