using static NestSharp.Tests.NestSuite.StructuralPlasticity.SpTestUtil;

namespace NestSharp.Tests.NestSuite.StructuralPlasticity;

/// <summary>Setting synaptic_elements on a node or as a model's default replaces the whole set of elements.</summary>
public sealed class SynapticElementsTests
{
    private static Dictionary<string, object> Element(double z, string curve) => new() { ["z"] = z, ["growth_curve"] = curve };

    // NEST: structural_plasticity/test_synaptic_elements.py::TestSynapticElements::test_set
    [Fact]
    public void Set()
    {
        var nest = new Simulator();
        var synapticElementDict = new Dictionary<string, object> { ["SE"] = Element(15.0, "linear") };
        var neuron = nest.Create("iaf_psc_alpha", 1);
        neuron.Set(new Dictionary<string, object> { ["synaptic_elements"] = synapticElementDict });
        var neuronSynapticElements = neuron.Get<Dictionary<string, object>>("synaptic_elements");
        Assert.Contains("SE", neuronSynapticElements.Keys);
        Assert.True(DictIsSubsetOf((Dictionary<string, object>)synapticElementDict["SE"], (Dictionary<string, object>)neuronSynapticElements["SE"]));
    }

    // NEST: structural_plasticity/test_synaptic_elements.py::TestSynapticElements::test_set_overwrite
    [Fact]
    public void SetOverwrite()
    {
        var nest = new Simulator();
        var dict1 = new Dictionary<string, object> { ["SE1"] = Element(15.0, "linear") };
        var dict2 = new Dictionary<string, object> { ["SE2"] = Element(10.0, "gaussian") };
        var neuron = nest.Create("iaf_psc_alpha", 1);
        neuron.Set(new Dictionary<string, object> { ["synaptic_elements"] = dict1 });
        neuron.Set(new Dictionary<string, object> { ["synaptic_elements"] = dict2 });
        var neuronSynapticElements = neuron.Get<Dictionary<string, object>>("synaptic_elements");
        Assert.DoesNotContain("SE1", neuronSynapticElements.Keys);
        Assert.Contains("SE2", neuronSynapticElements.Keys);
        Assert.True(DictIsSubsetOf((Dictionary<string, object>)dict2["SE2"], (Dictionary<string, object>)neuronSynapticElements["SE2"]));
    }

    // NEST: structural_plasticity/test_synaptic_elements.py::TestSynapticElements::test_set_defaults
    [Fact]
    public void SetDefaults()
    {
        var nest = new Simulator();
        var synapticElementDict = new Dictionary<string, object> { ["SE"] = Element(15.0, "linear") };
        nest.SetDefaults("iaf_psc_alpha", new() { ["synaptic_elements"] = synapticElementDict });
        var neuron = nest.Create("iaf_psc_alpha", 1);
        var neuronSynapticElements = neuron.Get<Dictionary<string, object>>("synaptic_elements");
        Assert.Contains("SE", neuronSynapticElements.Keys);
        Assert.True(DictIsSubsetOf((Dictionary<string, object>)synapticElementDict["SE"], (Dictionary<string, object>)neuronSynapticElements["SE"]));
    }

    // NEST: structural_plasticity/test_synaptic_elements.py::TestSynapticElements::test_set_defaults_overwrite
    [Fact]
    public void SetDefaultsOverwrite()
    {
        var nest = new Simulator();
        var dict1 = new Dictionary<string, object> { ["SE1"] = Element(15.0, "linear") };
        var dict2 = new Dictionary<string, object> { ["SE2"] = Element(10.0, "gaussian") };
        nest.SetDefaults("iaf_psc_alpha", new() { ["synaptic_elements"] = dict1 });
        nest.SetDefaults("iaf_psc_alpha", new() { ["synaptic_elements"] = dict2 });
        var neuron = nest.Create("iaf_psc_alpha", 1);
        var neuronSynapticElements = neuron.Get<Dictionary<string, object>>("synaptic_elements");
        Assert.DoesNotContain("SE1", neuronSynapticElements.Keys);
        Assert.Contains("SE2", neuronSynapticElements.Keys);
        Assert.True(DictIsSubsetOf((Dictionary<string, object>)dict2["SE2"], (Dictionary<string, object>)neuronSynapticElements["SE2"]));
    }
}
