namespace NestSharp.Tests.StructuralPlasticity;

/// <summary>
/// Connect and Disconnect with synaptic elements named in the syn_spec, the delay extrema of registered
/// structural-plasticity synapses and a model's default elements, as NEST 3.10 does them.
/// </summary>
public sealed class ElementBindingTests
{
    private static readonly Dictionary<string, object> BoundSynSpec = new()
    {
        ["synapse_model"] = "static_synapse", ["pre_synaptic_element"] = "SE1", ["post_synaptic_element"] = "SE2",
    };

    private static NodeCollection TwoNeuronsWithElements(Simulator nest) => nest.Create("iaf_psc_alpha", 2, new()
    {
        ["synaptic_elements"] = new Dictionary<string, object>
        {
            ["SE1"] = new Dictionary<string, object> { ["z"] = 0.0, ["growth_rate"] = 0.0 },
            ["SE2"] = new Dictionary<string, object> { ["z"] = 0.0, ["growth_rate"] = 0.0 },
        },
    });

    private static long ZConnected(NodeCollection node, string element) =>
        (long)((Dictionary<string, object>)node.Get<Dictionary<string, object>>("synaptic_elements")[element])["z_connected"];

    [Theory]
    [InlineData("fixed_indegree", "indegree", 1L)]
    [InlineData("fixed_outdegree", "outdegree", 1L)]
    [InlineData("fixed_total_number", "N", 1L)]
    [InlineData("pairwise_bernoulli", "p", 0.5)]
    public void Connect_BindingElements_WithAnotherRuleThanOneToOneOrAllToAll_IsNotImplemented_AndConnectsNothing(string rule, string key, object value)
    {
        var nest = new Simulator();
        var neurons = TwoNeuronsWithElements(nest);

        var e = Assert.Throws<NestNotImplementedException>(() =>
            nest.Connect(neurons, neurons, new Dictionary<string, object> { ["rule"] = rule, [key] = value }, BoundSynSpec));

        Assert.Contains(rule, e.Message);
        Assert.Equal(0L, nest.GetKernelStatus("num_connections"));
        Assert.Equal(0L, ZConnected(neurons[0], "SE1"));
    }

    [Fact]
    public void Connect_WithOnlyOneElementName_IsABadProperty_NamingTheMissingOne()
    {
        var nest = new Simulator();
        var neurons = TwoNeuronsWithElements(nest);

        var e = Assert.Throws<BadPropertyException>(() => nest.Connect(neurons, neurons, "one_to_one",
            new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["pre_synaptic_element"] = "SE1" }));

        Assert.Contains("post_synaptic_element", e.Message);
        Assert.Equal(0L, nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void Disconnect_WithElementsInTheSynSpec_FreesThem_WithoutStructuralPlasticitySynapses()
    {
        var nest = new Simulator();
        var neurons = TwoNeuronsWithElements(nest);
        nest.Connect(neurons, neurons, "all_to_all", BoundSynSpec);

        nest.Disconnect(neurons[1], neurons[0], "one_to_one", BoundSynSpec);

        Assert.Equal((1L, 2L), (ZConnected(neurons[1], "SE1"), ZConnected(neurons[1], "SE2")));
        Assert.Equal((2L, 1L), (ZConnected(neurons[0], "SE1"), ZConnected(neurons[0], "SE2")));
        Assert.Equal(3L, nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void Disconnect_WithoutElementNames_LeavesBoundElements_AsNest()
    {
        // NEST remembers no binding per synapse: without structural_plasticity_synapses only the syn_spec's names count.
        var nest = new Simulator();
        var neurons = TwoNeuronsWithElements(nest);
        nest.Connect(neurons, neurons, "all_to_all", BoundSynSpec);

        nest.Disconnect(neurons[0], neurons[1], "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "static_synapse" });

        Assert.Equal(2L, ZConnected(neurons[0], "SE1"));
        Assert.Equal(2L, ZConnected(neurons[1], "SE2"));
        Assert.Equal(3L, nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void Disconnect_OfAStructuralPlasticitySynapseModel_FreesTheElementsOfItsEntry()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object> { ["syn"] = BoundSynSpec });
        var neurons = TwoNeuronsWithElements(nest);
        nest.Connect(neurons, neurons, "all_to_all", BoundSynSpec);

        nest.Disconnect(neurons[0], neurons[1], synapseModel: "static_synapse");

        Assert.Equal(1L, ZConnected(neurons[0], "SE1"));
        Assert.Equal(1L, ZConnected(neurons[1], "SE2"));
    }

    [Fact]
    public void Disconnect_WithAnUnknownSynSpecKey_IsRefused_AndRemovesNothing()
    {
        var nest = new Simulator();
        var neurons = TwoNeuronsWithElements(nest);
        nest.Connect(neurons, neurons, "all_to_all");

        var e = Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.Disconnect(neurons[0], neurons[1], "one_to_one",
            new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["tau_plus"] = 2.0 }));

        Assert.Contains("tau_plus", e.Message);
        Assert.Equal(4L, nest.GetKernelStatus("num_connections"));

        // The model's own keys are read and play no part (NEST's connection builder reads weight and delay for Disconnect too).
        nest.Disconnect(neurons[0], neurons[1], "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = 2.0, ["delay"] = 3.0 });
        Assert.Equal(3L, nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void Disconnect_ByARuleWithoutDisconnection_IsNotImplemented_AndAnUnknownRuleABadProperty()
    {
        var nest = new Simulator();
        var neurons = TwoNeuronsWithElements(nest);
        nest.Connect(neurons, neurons, "all_to_all");

        Assert.Throws<NestNotImplementedException>(() => nest.Disconnect(neurons, neurons, "fixed_indegree"));
        Assert.Throws<BadPropertyException>(() => nest.Disconnect(neurons, neurons, "no_such_rule"));
        Assert.Equal(4L, nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void RegisteringStructuralPlasticitySynapses_BringsTheirDefaultDelaysIntoTheDelayExtrema()
    {
        // NEST 3.10: without connections, static_synapse with delay 2.5 gives min_delay = max_delay = 2.5; after a
        // connection of delay 3, registering static_synapse (default 1) gives min_delay 1 and max_delay 3.
        var nest = new Simulator();
        nest.SetDefaults("static_synapse", new() { ["delay"] = 2.5 });
        nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object> { ["syn"] = BoundSynSpec });
        Assert.Equal((2.5, 2.5), ((double)nest.GetKernelStatus("min_delay"), (double)nest.GetKernelStatus("max_delay")));

        var other = new Simulator();
        var neurons = other.Create("iaf_psc_alpha", 2);
        other.Connect(neurons, neurons, syn: new Dictionary<string, object> { ["delay"] = 3.0 });
        other.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object> { ["syn"] = BoundSynSpec });
        Assert.Equal((1.0, 3.0), ((double)other.GetKernelStatus("min_delay"), (double)other.GetKernelStatus("max_delay")));
    }

    [Fact]
    public void AStructuralPlasticitySynapseWithItsOwnDelay_IsABadProperty_AsNestWithoutUserDelayExtrema()
    {
        var nest = new Simulator();
        var entry = new Dictionary<string, object>(BoundSynSpec) { ["delay"] = 3.0 };

        var e = Assert.Throws<BadPropertyException>(() =>
            nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object> { ["syn"] = entry }));

        Assert.Contains("delay", e.Message);
        Assert.Empty((Dictionary<string, object>)nest.GetKernelStatus("structural_plasticity_synapses"));
    }

    [Fact]
    public void GetDefaults_ShowsTheModelsDefaultElements()
    {
        var nest = new Simulator();
        nest.SetDefaults("iaf_psc_alpha", new()
        {
            ["synaptic_elements"] = new Dictionary<string, object> { ["A"] = new Dictionary<string, object> { ["z"] = 2.0 } },
        });

        var elements = (Dictionary<string, object>)nest.GetDefaults("iaf_psc_alpha")["synaptic_elements"];

        var a = (Dictionary<string, object>)elements["A"];
        Assert.Equal(2.0, a["z"]);
        Assert.Equal(0L, a["z_connected"]);
        Assert.Equal("linear", a["growth_curve"]);
    }

    [Fact]
    public void ABadElementInSetDefaults_NamesItsKeyAndValue_NotADotNetType()
    {
        var nest = new Simulator();

        var e = Assert.ThrowsAny<NestException>(() => nest.SetDefaults("iaf_psc_alpha", new()
        {
            ["synaptic_elements"] = new Dictionary<string, object> { ["A"] = 5.0 },
        }));

        Assert.Contains("A", e.Message);
        Assert.DoesNotContain("System.", e.Message);
        Assert.DoesNotContain("`", e.Message);
    }
}
