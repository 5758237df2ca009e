namespace NestSharp.Tests.NestSuite.StructuralPlasticity;

/// <summary>allow_autapses and allow_multapses of a structural_plasticity_synapses entry: given values are kept, the other defaults to true.</summary>
public sealed class SpAutapsesMultapsesTests
{
    private static Dictionary<string, object> Entry(Simulator nest) =>
        (Dictionary<string, object>)((Dictionary<string, object>)nest.GetKernelStatus("structural_plasticity_synapses"))["synapse_ex"];

    private static Simulator WithSynapseEx(string key)
    {
        var nest = new Simulator();
        nest.CopyModel("static_synapse", "synapse_ex");
        nest.SetDefaults("synapse_ex", new() { ["weight"] = 1.0, ["delay"] = 1.0 });
        nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object>
        {
            ["synapse_ex"] = new Dictionary<string, object>
            {
                ["synapse_model"] = "synapse_ex", ["post_synaptic_element"] = "Den_ex", ["pre_synaptic_element"] = "Axon_ex", [key] = false,
            },
        });
        return nest;
    }

    // NEST: structural_plasticity/test_sp_autapses_multapses.py::TestStructuralPlasticityAutapses::test_autapses
    [Fact]
    public void Autapses()
    {
        var nest = WithSynapseEx("allow_autapses");
        Assert.True((bool)Entry(nest)["allow_multapses"]); // default
        Assert.False((bool)Entry(nest)["allow_autapses"]);
    }

    // NEST: structural_plasticity/test_sp_autapses_multapses.py::TestStructuralPlasticityAutapses::test_multapses
    [Fact]
    public void Multapses()
    {
        var nest = WithSynapseEx("allow_multapses");
        Assert.True((bool)Entry(nest)["allow_autapses"]); // the default
        Assert.False((bool)Entry(nest)["allow_multapses"]);
    }
}
