namespace NestSharp.Tests.NestSuite.StructuralPlasticity;

/// <summary>synaptic_elements_param changes parameters of a node's existing elements and keeps the others.</summary>
public sealed class UpdateSynapticElementsTests
{
    // NEST: structural_plasticity/test_update_synaptic_elements.py::TestUpdateSynapticElements::test_update_synaptic_elements
    [Fact]
    public void UpdateSynapticElements()
    {
        var nest = new Simulator();
        var growthCurveAxonal = new Dictionary<string, object> { ["growth_curve"] = "gaussian", ["growth_rate"] = 0.0001, ["eta"] = 0.4, ["eps"] = 0.7 };
        var growthCurveDendriticE = new Dictionary<string, object> { ["growth_curve"] = "gaussian", ["growth_rate"] = 0.0001, ["eta"] = 0.1, ["eps"] = 0.7 };
        var structuralPElements = new Dictionary<string, object> { ["Den_ex"] = growthCurveDendriticE, ["Axon"] = growthCurveAxonal };
        var newGrowthCurveAxonal = new Dictionary<string, object> { ["eta"] = 0.0, ["eps"] = 0.0 };
        var elementsToUpdate = new Dictionary<string, object> { ["Axon"] = newGrowthCurveAxonal };

        var neuron = nest.Create("iaf_psc_alpha", 1, new() { ["synaptic_elements"] = structuralPElements });
        var neuronSynapticElements = neuron.Get<Dictionary<string, object>>("synaptic_elements");
        Assert.Contains("Den_ex", neuronSynapticElements.Keys);
        Assert.Contains("Axon", neuronSynapticElements.Keys);
        // NEST's assertTrue(a, b) checks only that a is not empty (b is the failure message).
        Assert.NotEmpty((Dictionary<string, object>)structuralPElements["Axon"]);
        Assert.NotEmpty((Dictionary<string, object>)structuralPElements["Den_ex"]);

        // Update Axon elements
        neuron.Set("synaptic_elements_param", elementsToUpdate);
        neuronSynapticElements = neuron.Get<Dictionary<string, object>>("synaptic_elements");
        Assert.Contains("Den_ex", neuronSynapticElements.Keys);
        Assert.Contains("Axon", neuronSynapticElements.Keys);

        // Should have been updated
        Assert.NotEmpty((Dictionary<string, object>)elementsToUpdate["Axon"]);
        // Should be unchanged
        Assert.NotEmpty((Dictionary<string, object>)structuralPElements["Den_ex"]);
    }
}
