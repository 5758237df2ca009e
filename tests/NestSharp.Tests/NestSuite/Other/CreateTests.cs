namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// Create with every model and with parameters, as NEST's other/test_create.py checks it. PyNEST's IndexError for an
/// array of the wrong length is BadPropertyException here (naming the key); its TypeError for a tuple instead of a
/// dictionary cannot happen in C# (the parameter is typed), so that parametrisation has no port.
/// </summary>
public sealed class CreateTests
{
    public static TheoryData<string> NodeModels() => [.. new Simulator().NodeModels()];

    // NEST: other/test_create.py::test_create_model
    [Theory]
    [MemberData(nameof(NodeModels))]
    public void Create_GivesAPositiveId(string model)
    {
        var node = new Simulator().Create(model);
        Assert.True(node.Ids[0] > 0);
    }

    // NEST: other/test_create.py::test_create_model_n_nodes
    [Theory]
    [MemberData(nameof(NodeModels))]
    public void Create_MakesTheRequestedNumberOfNodes(string model) =>
        Assert.Equal(10, new Simulator().Create(model, 10).Count);

    // NEST: other/test_create.py::test_correct_node_collection_model_created
    [Fact]
    public void JoiningOneNodeOfEveryModel_KeepsEachModelInOrder()
    {
        var nest = new Simulator();
        var models = nest.NodeModels();
        var nc = NodeCollection.Empty;
        foreach (string model in models) nc += nest.Create(model);
        Assert.True(nc.Count > 0);
        int i = 0;
        foreach (var node in nc) Assert.Equal(models[i++], node.Get<string>("model"));
    }

    // NEST: other/test_create.py::test_create_with_params_dict
    [Fact]
    public void Create_WithADictionary_SetsEveryNode()
    {
        var nodes = new Simulator().Create("iaf_psc_alpha", 10, new() { ["V_m"] = 12.0 });
        Assert.Equal(Enumerable.Repeat(12.0, 10), nodes.GetValues<double>("V_m"));
    }

    // NEST: other/test_create.py::test_create_accepts_empty_params_dict
    [Fact]
    public void Create_AcceptsAnEmptyDictionary() =>
        Assert.Single(new Simulator().Create("iaf_psc_delta", 1, new Dictionary<string, object>()));

    // NEST: other/test_create.py::test_create_with_params_dicts
    [Fact]
    public void Create_WithOneDictionaryPerNode_SetsEachNode()
    {
        double[] vm = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        var nodes = new Simulator().Create("iaf_psc_alpha", [.. vm.Select(v => new Dictionary<string, object> { ["V_m"] = v })]);
        Assert.Equal(vm, nodes.GetValues<double>("V_m"));
    }

    // NEST: other/test_create.py::test_create_with_single_params_list
    [Fact]
    public void Create_WithAnArray_GivesOneValuePerNode()
    {
        double[] vm = [-11, -12, -13];
        var nodes = new Simulator().Create("iaf_psc_alpha", 3, new() { ["V_m"] = vm });
        Assert.Equal(vm, nodes.GetValues<double>("V_m"));
    }

    // NEST: other/test_create.py::test_create_with_multiple_params_lists and ::test_create_with_params_numpy
    [Fact]
    public void Create_WithSeveralArraysAndAScalar_SetsEachNode()
    {
        double[] vm = [-22, -33, -44], vMin = [-1, -2, -3];
        var nodes = new Simulator().Create("iaf_psc_alpha", 3, new() { ["V_m"] = vm, ["C_m"] = 124.0, ["V_min"] = vMin });
        Assert.Equal(vm, nodes.GetValues<double>("V_m"));
        Assert.Equal([124.0, 124.0, 124.0], nodes.GetValues<double>("C_m"));
        Assert.Equal(vMin, nodes.GetValues<double>("V_min"));
    }

    // NEST: other/test_create.py::test_create_with_params_list_that_should_not_be_split
    [Fact]
    public void Create_WithArrayValuedSpikeTimes_GivesEveryGeneratorTheWholeArray()
    {
        double[] spikes = [10, 20, 30];
        var generators = new Simulator().Create("spike_generator", 2, new() { ["spike_times"] = spikes });
        Assert.Equal(spikes, generators[0].Get<double[]>("spike_times"));
        Assert.Equal(spikes, generators[1].Get<double[]>("spike_times"));
    }

    // NEST: other/test_create.py::test_erroneous_param_to_create_raises ({"V_m": [-50]} and {"V_mm": [..]})
    [Fact]
    public void Create_WithAWrongLengthArrayOrUnknownKey_FailsAndCreatesNothing()
    {
        var nest = new Simulator();
        var e = Assert.Throws<BadPropertyException>(() => nest.Create("iaf_psc_alpha", 3, new() { ["V_m"] = new[] { -50.0 } }));
        Assert.Contains("V_m", e.Message);
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.Create("iaf_psc_alpha", 3, new() { ["V_mm"] = new[] { -50.0, -50.0, -50.0 } }));
        Assert.Equal(0, nest.NetworkSize);
    }
}
