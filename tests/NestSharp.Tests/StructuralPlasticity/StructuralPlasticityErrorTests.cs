namespace NestSharp.Tests.StructuralPlasticity;

/// <summary>Bad synaptic elements and structural-plasticity settings fail with a clear message and change nothing.</summary>
public sealed class StructuralPlasticityErrorTests
{
    private static Dictionary<string, object> Elements(string name, Dictionary<string, object> element) => new() { [name] = element };

    private static Dictionary<string, object> Gaussian() => new() { ["growth_curve"] = "gaussian", ["growth_rate"] = 0.0001, ["eta"] = 0.0, ["eps"] = 0.05 };

    private static Dictionary<string, object> ElementsOf(NodeCollection neuron) => neuron.Get<Dictionary<string, object>>("synaptic_elements");

    private static Dictionary<string, object> Builders() => new()
    {
        ["syn"] = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["pre_synaptic_element"] = "Axon", ["post_synaptic_element"] = "Den" },
    };

    [Fact]
    public void UnknownGrowthCurve_IsRejectedNamingItAndTheKnownOnes()
    {
        var nest = new Simulator();
        var element = Gaussian();
        element["growth_curve"] = "cubic";

        var e = Assert.Throws<BadPropertyException>(() => nest.Create("iaf_psc_alpha", 1, new() { ["synaptic_elements"] = Elements("Den_ex", element) }));

        Assert.Contains("cubic", e.Message);
        Assert.Contains("gaussian", e.Message);
        Assert.Contains("sigmoid", e.Message);
        Assert.Equal(0, nest.NetworkSize);
    }

    [Fact]
    public void UnknownElementKey_IsRejectedNamingTheElementAndTheKey()
    {
        var nest = new Simulator();
        var element = Gaussian();
        element["psi"] = 0.1; // a sigmoid parameter, not a gaussian one

        var e = Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.Create("iaf_psc_alpha", 1, new() { ["synaptic_elements"] = Elements("Den_ex", element) }));

        Assert.Contains("Den_ex", e.Message);
        Assert.Contains("'psi'", e.Message);
        Assert.Contains("eta", e.Message); // the valid keys are listed
    }

    [Fact]
    public void NegativeTauVacant_IsRejected_AndTheElementsStayAsTheyWere()
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_psc_alpha", 1, new() { ["synaptic_elements"] = Elements("Den_ex", Gaussian()) });
        var bad = Gaussian();
        bad["tau_vacant"] = -0.5;
        bad["growth_rate"] = 0.5;

        var e = Assert.Throws<BadPropertyException>(() => neuron.Set("synaptic_elements", Elements("Den_ex", bad)));

        Assert.Contains("tau_vacant", e.Message);
        var den = (Dictionary<string, object>)ElementsOf(neuron)["Den_ex"];
        Assert.Equal(0.1, den["tau_vacant"]);
        Assert.Equal(0.0001, den["growth_rate"]);
    }

    [Fact]
    public void ZConnected_IsReadOnly()
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_psc_alpha", 1, new() { ["synaptic_elements"] = Elements("Den_ex", Gaussian()) });
        var element = Gaussian();
        element["z_connected"] = 3L;

        var e = Assert.Throws<BadPropertyException>(() => neuron.Set("synaptic_elements", Elements("Den_ex", element)));

        Assert.Contains("z_connected", e.Message);
        Assert.Contains("read-only", e.Message);
        Assert.Equal(0L, ((Dictionary<string, object>)ElementsOf(neuron)["Den_ex"])["z_connected"]);
    }

    [Fact]
    public void EnableStructuralPlasticity_WithoutStructuralPlasticitySynapses_IsAllowed_AsInNest()
    {
        // NEST 3.10's EnableStructuralPlasticity does not ask for structural_plasticity_synapses (see
        // StructuralPlasticitySynapseOptionsTests for what an update then does).
        var nest = new Simulator();

        nest.EnableStructuralPlasticity();

        Assert.True(nest.StructuralPlasticityEnabled);
    }

    [Fact]
    public void StructuralPlasticitySynapse_WithUnknownSynapseModel_IsRejectedAndTheSettingKept()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["structural_plasticity_synapses"] = Builders() });
        var bad = Builders();
        ((Dictionary<string, object>)bad["syn"])["synapse_model"] = "no_such_synapse";

        Assert.Throws<UnknownModelNameException>(() => nest.SetKernelStatus(new() { ["structural_plasticity_synapses"] = bad }));

        var kept = (Dictionary<string, object>)nest.GetKernelStatus("structural_plasticity_synapses");
        Assert.Equal("static_synapse", ((Dictionary<string, object>)kept["syn"])["synapse_model"]);
    }

    [Fact]
    public void StructuralPlasticitySynapse_WithoutPreSynapticElement_IsRejectedNamingTheKey()
    {
        var nest = new Simulator();
        var bad = Builders();
        ((Dictionary<string, object>)bad["syn"]).Remove("pre_synaptic_element");

        var e = Assert.Throws<BadPropertyException>(() => nest.SetKernelStatus(new() { ["structural_plasticity_synapses"] = bad }));

        Assert.Contains("pre_synaptic_element", e.Message);
    }

    [Fact]
    public void NonPositiveUpdateInterval_IsRejected()
    {
        var nest = new Simulator();

        Assert.Throws<BadPropertyException>(() => nest.SetKernelStatus(new() { ["structural_plasticity_update_interval"] = 0.0 }));

        Assert.Equal(10000.0, nest.GetKernelStatus("structural_plasticity_update_interval"));
    }
}
