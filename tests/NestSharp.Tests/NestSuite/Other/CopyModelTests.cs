namespace NestSharp.Tests.NestSuite.Other;

/// <summary>CopyModel of every model, as NEST's other/test_copy_model.py checks it.</summary>
public sealed class CopyModelTests
{
    public static TheoryData<string> NodeModels() => [.. new Simulator().NodeModels()];

    public static TheoryData<string> SynapseModels() => [.. new Simulator().SynapseModels()];

    // NEST: other/test_copy_model.py::TestCopyModel::test_copy_node_models
    [Theory]
    [MemberData(nameof(NodeModels))]
    public void EveryNodeModel_CanBeCopied_WithAHigherModelId(string model)
    {
        var nest = new Simulator();
        string copy = model + "_copy";
        nest.CopyModel(model, copy);
        var original = nest.Create(model);
        var copied = nest.Create(copy);
        Assert.True(copied.Get<long>("model_id") > original.Get<long>("model_id"));
        Assert.Equal(copy, copied.Get<string>("model"));
    }

    // NEST: other/test_copy_model.py::TestCopyModel::test_copy_synapse_models
    [Theory]
    [MemberData(nameof(SynapseModels))]
    public void EverySynapseModel_CanBeCopied_WithAHigherModelId(string model)
    {
        var nest = new Simulator();
        string copy = model + "_copy";
        nest.CopyModel(model, copy);
        Assert.True(nest.GetDefaults<long>(copy, "synapse_modelid") > nest.GetDefaults<long>(model, "synapse_modelid"));
        Assert.Equal(copy, nest.GetDefaults<string>(copy, "synapse_model"));
    }

    // NEST: other/test_copy_model.py::TestCopyModel::test_set_param_on_copy_neuron
    [Fact]
    public void ParametersGivenToCopyModel_AreThoseOfTheNewNodes()
    {
        var nest = new Simulator();
        nest.CopyModel("iaf_psc_alpha", "new_neuron", new() { ["V_m"] = 10.0, ["tau_m"] = 100.0 });
        var n = nest.Create("new_neuron");
        Assert.Equal(10.0, n.Get<double>("V_m"), 1e-6);
        Assert.Equal(100.0, n.Get<double>("tau_m"), 1e-6);
    }

    // NEST: other/test_copy_model.py::TestCopyModel::test_set_param_on_copy_synapse
    [Fact]
    public void ParametersGivenToCopyModel_AreThoseOfTheNewSynapses()
    {
        var nest = new Simulator();
        nest.CopyModel("stdp_synapse", "new_synapse", new() { ["weight"] = 10.0, ["delay"] = 2.0, ["alpha"] = 99.0 });
        var n = nest.Create("iaf_psc_alpha");
        nest.Connect(n, n, syn: "new_synapse");
        var conn = nest.GetConnections();
        Assert.Equal(10.0, Convert.ToDouble(conn.Get("weight")), 1e-6);
        Assert.Equal(2.0, Convert.ToDouble(conn.Get("delay")), 1e-6);
        Assert.Equal(99.0, Convert.ToDouble(conn.Get("alpha")), 1e-6);
    }

    // NEST: other/test_copy_model.py::TestCopyModel::test_cannot_copy_to_existing_model (node and synapse model)
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CopyingOntoAnExistingName_Fails(bool nodeModel)
    {
        var nest = new Simulator();
        string model = nodeModel ? nest.NodeModels()[0] : nest.SynapseModels()[0];
        Assert.Throws<NewModelNameExistsException>(() => nest.CopyModel(model, model));
    }

    // NEST: other/test_copy_model.py::TestCopyModel::test_cannot_copy_twice (node and synapse model)
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CopyingTwiceToTheSameName_Fails(bool nodeModel)
    {
        var nest = new Simulator();
        string model = nodeModel ? nest.NodeModels()[0] : nest.SynapseModels()[0];
        nest.CopyModel(model, model + "_copy");
        Assert.Throws<NewModelNameExistsException>(() => nest.CopyModel(model, model + "_copy"));
    }
}
