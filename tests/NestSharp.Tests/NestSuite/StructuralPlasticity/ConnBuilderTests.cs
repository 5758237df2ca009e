using static NestSharp.Tests.NestSuite.StructuralPlasticity.SpTestUtil;

namespace NestSharp.Tests.NestSuite.StructuralPlasticity;

/// <summary>Connect with pre_synaptic_element and post_synaptic_element binds synaptic elements (one_to_one, all_to_all only).</summary>
public sealed class ConnBuilderTests
{
    // NEST: structural_plasticity/test_conn_builder.py::TestSPBuilder::test_synapse_initialisation_one_to_one
    [Fact]
    public void SynapseInitialisation_OneToOne()
    {
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 2, Se1Se2());
        nest.Connect(neurons, neurons, "one_to_one", SynDict("static_synapse"));
        foreach (var status in SynapticElements(neurons))
        {
            Assert.Equal(1, ZConnected(status, "SE1"));
            Assert.Equal(1, ZConnected(status, "SE2"));
        }
    }

    // NEST: structural_plasticity/test_conn_builder.py::TestSPBuilder::test_synapse_initialisation_all_to_all
    [Fact]
    public void SynapseInitialisation_AllToAll()
    {
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 2, Se1Se2());
        nest.Connect(neurons, neurons, "all_to_all", SynDict("static_synapse"));
        foreach (var status in SynapticElements(neurons))
        {
            Assert.Equal(2, ZConnected(status, "SE1"));
            Assert.Equal(2, ZConnected(status, "SE2"));
        }
    }

    // NEST: structural_plasticity/test_conn_builder.py::TestSPBuilder::test_not_implemented_rules
    [Fact]
    public void NotImplementedRules()
    {
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 2, Se1Se2());
        Dictionary<string, object>[] connDicts =
        [
            new() { ["rule"] = "fixed_indegree", ["indegree"] = 1L },
            new() { ["rule"] = "fixed_outdegree", ["outdegree"] = 1L },
            new() { ["rule"] = "fixed_total_number", ["N"] = 1L },
            new() { ["rule"] = "pairwise_bernoulli", ["p"] = 0.5 },
        ];
        foreach (var connDict in connDicts)
            Assert.Throws<NestNotImplementedException>(() => nest.Connect(neurons, neurons, connDict, SynDict("static_synapse")));
    }
}
