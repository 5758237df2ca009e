namespace NestSharp.Tests.StructuralPlasticity;

/// <summary>
/// allow_autapses and allow_multapses of a structural_plasticity_synapses entry, and structural updates without any
/// structural-plasticity synapse, with the numbers NEST 3.10 gives.
/// </summary>
public sealed class StructuralPlasticitySynapseOptionsTests
{
    private static Simulator TwoNeurons(Dictionary<string, object> entryOptions, out NodeCollection neurons)
    {
        var nest = new Simulator();
        var entry = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["pre_synaptic_element"] = "SE1", ["post_synaptic_element"] = "SE2" };
        foreach (var (key, value) in entryOptions) entry[key] = value;
        nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object> { ["s"] = entry });
        neurons = nest.Create("iaf_psc_alpha", 2, new()
        {
            ["synaptic_elements"] = new Dictionary<string, object>
            {
                ["SE1"] = new Dictionary<string, object> { ["z"] = 10.0, ["growth_rate"] = 0.0 },
                ["SE2"] = new Dictionary<string, object> { ["z"] = 10.0, ["growth_rate"] = 0.0 },
            },
        });
        nest.EnableStructuralPlasticity();
        return nest;
    }

    private static Dictionary<string, object> Element(NodeCollection node, string name) =>
        (Dictionary<string, object>)node.Get<Dictionary<string, object>>("synaptic_elements")[name];

    [Fact]
    public void WithoutAutapses_TheUpdatePairsNoNeuronWithItself()
    {
        var nest = TwoNeurons(new() { ["allow_autapses"] = false }, out var neurons);

        nest.Simulate(10.0);

        var connections = nest.GetConnections();
        Assert.NotEqual(0, connections.Count);
        Assert.All(connections.Source.Zip(connections.Target), c => Assert.NotEqual(c.First, c.Second));
        // Autapse pairs are skipped without binding elements (NEST 3.10 got 10 synapses for its seed); the vacant
        // elements then retract by tau_vacant.
        foreach (var n in neurons)
        {
            long id = n.Ids[0];
            long outgoing = connections.Source.Count(s => s == id);
            long incoming = connections.Target.Count(t => t == id);
            Assert.Equal(outgoing, Element(n, "SE1")["z_connected"]);
            Assert.Equal(incoming, Element(n, "SE2")["z_connected"]);
            Assert.Equal(10.0 - (10 - outgoing) * 0.1, (double)Element(n, "SE1")["z"], 12);
        }
    }

    [Fact]
    public void WithoutMultapses_IsReportedButDoesNotRestrictTheUpdate_AsInNest()
    {
        var nest = TwoNeurons(new() { ["allow_multapses"] = false }, out var neurons);

        nest.Simulate(10.0);

        // NEST 3.10's structural-plasticity builder does not check allow_multapses: every element is bound.
        Assert.Equal(20, nest.GetConnections().Count);
        Assert.All(neurons, n => Assert.Equal(10L, Element(n, "SE1")["z_connected"]));
        var entry = (Dictionary<string, object>)((Dictionary<string, object>)nest.GetKernelStatus("structural_plasticity_synapses"))["s"];
        Assert.False((bool)entry["allow_multapses"]);
        Assert.True((bool)entry["allow_autapses"]);
    }

    [Fact]
    public void AWeightOfTheEntry_IsTheWeightOfTheSynapsesItCreates_AndIsNotReported_AsInNest()
    {
        // NEST's builder takes the entry as a syn_spec (mpi_direct/2/test_issue_576.py gives a weight of 3.0).
        var nest = TwoNeurons(new() { ["weight"] = 3.0 }, out _);

        nest.Simulate(10.0);

        var weights = nest.GetConnections().Weight;
        Assert.NotEmpty(weights);
        Assert.All(weights, w => Assert.Equal(3.0, w));
        var entry = (Dictionary<string, object>)((Dictionary<string, object>)nest.GetKernelStatus("structural_plasticity_synapses"))["s"];
        Assert.False(entry.ContainsKey("weight"));
    }

    [Fact]
    public void NonBooleanAllowAutapses_IsATypeMismatch_AndTheEntriesStay()
    {
        var nest = new Simulator();
        var entry = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["pre_synaptic_element"] = "SE1", ["post_synaptic_element"] = "SE2" };
        nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object> { ["s"] = entry });
        var bad = new Dictionary<string, object>(entry) { ["allow_autapses"] = "yes" };

        var e = Assert.Throws<TypeMismatchException>(() =>
            nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object> { ["t"] = bad }));

        Assert.Contains("allow_autapses", e.Message);
        var entries = (Dictionary<string, object>)nest.GetKernelStatus("structural_plasticity_synapses");
        Assert.Equal(["s"], entries.Keys);
    }

    [Fact]
    public void Enabled_WithoutStructuralPlasticitySynapses_UpdatesAndRetractsVacantElements_AsNest()
    {
        // NEST 3.10: EnableStructuralPlasticity needs no structural_plasticity_synapses; the update at t = 0 retracts
        // tau_vacant of the vacant elements: 3.7 - 3 · 0.5 = 2.2.
        var nest = new Simulator();
        nest.EnableStructuralPlasticity();
        var neurons = nest.Create("iaf_psc_alpha", 2, new()
        {
            ["synaptic_elements"] = new Dictionary<string, object>
            {
                ["SE1"] = new Dictionary<string, object> { ["z"] = 3.7, ["growth_rate"] = 0.0, ["tau_vacant"] = 0.5 },
            },
        });

        nest.Simulate(10.0);

        Assert.True(nest.StructuralPlasticityEnabled);
        Assert.All(neurons, n => Assert.Equal(2.2, (double)Element(n, "SE1")["z"], 12));
        Assert.Equal(0, nest.GetConnections().Count);
    }
}
