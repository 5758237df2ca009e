namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// NodeCollection Get and Set, as NEST's other/test_node_collection_get.py and test_node_collection_set.py check them.
/// PyNEST's attribute access (<c>nodes.V_m</c>) is Get("V_m") here, its KeyError for an unknown key
/// UnaccessedDictionaryEntryException, its IndexError for an array of the wrong length BadPropertyException.
/// </summary>
public sealed class NodeCollectionGetSetTests
{
    // NEST: other/test_node_collection_get.py::test_node_collection_get_neuron_params and ::test_node_collection_get_attribute
    [Theory]
    [InlineData("C_m", 250.0)]
    [InlineData("E_L", -70.0)]
    [InlineData("V_m", -70.0)]
    [InlineData("t_ref", 2.0)]
    public void Get_OfAParameter_GivesOneValuePerNode(string key, double expected)
    {
        var nodes = new Simulator().Create("iaf_psc_alpha", 10);
        Assert.Equal(Enumerable.Repeat<object?>(expected, 10), (object?[])nodes.Get(key));
    }

    // NEST: other/test_node_collection_get.py::test_node_collection_get_node_ids
    [Fact]
    public void Get_OfGlobalId_GivesTheIds()
    {
        var nodes = new Simulator().Create("iaf_psc_alpha", 10);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), nodes.GetValues<long>("global_id"));
    }

    // NEST: other/test_node_collection_get.py::test_node_collection_get_multiple_params
    [Fact]
    public void Get_OfSeveralKeys_GivesEachKeyPerNode()
    {
        var nodes = new Simulator().Create("iaf_psc_alpha", 10);
        var g = nodes.Get(["local", "thread", "vp"]);
        Assert.Equal(3, g.Count);
        Assert.All((object?[])g["local"], v => Assert.Equal(true, v));
        Assert.All((object?[])g["thread"], v => Assert.Equal(0L, System.Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All((object?[])g["vp"], v => Assert.Equal(0L, System.Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)));
    }

    // NEST: other/test_node_collection_get.py::test_node_collection_get_nonexistent_attribute_raises
    [Fact]
    public void Get_OfAnUnknownKey_Fails() =>
        Assert.Throws<UnaccessedDictionaryEntryException>(() => new Simulator().Create("iaf_psc_alpha", 10).Get("nonexistent_attribute"));

    // NEST: other/test_node_collection_get.py::test_node_collection_get_empty_attribute
    [Fact]
    public void Spatial_OfNodesWithoutPositions_IsNull()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 10);
        Assert.Null(nest.GetSpatial(nodes));
    }

    // NEST: other/test_node_collection_get.py::test_node_collection_get_spatial_attributes
    [Fact]
    public void Spatial_OfAGridLayer_GivesItsAttributes()
    {
        var nest = new Simulator();
        var spatialNode = nest.Create("iaf_psc_alpha", Positions.Grid([2, 2]));
        var spatial = nest.GetSpatial(spatialNode)!;
        Assert.Equal(["center", "edge_wrap", "extent", "network_size", "shape"], spatial.Keys.Order());
        Assert.Equal(4L, spatial["network_size"]);
        Assert.Equal(new[] { 0.0, 0.0 }, spatial["center"]);
        Assert.Equal(false, spatial["edge_wrap"]);
        Assert.Equal(new[] { 1.0, 1.0 }, spatial["extent"]);
        Assert.Equal(new long[] { 2, 2 }, spatial["shape"]);
    }

    // NEST: other/test_node_collection_get.py::test_sliced_node_collection_get
    [Fact]
    public void Get_OnSlices_GivesTheSlicedNodesValues()
    {
        var nodes = new Simulator().Create("iaf_psc_alpha", 10);
        Assert.Equal([-70.0, -70.0, -70.0], nodes.Slice(2, 5).GetValues<double>("V_m"));
        Assert.Equal([2.0, 2.0], ((object?[])nodes.Slice(5, 7).Get(["t_ref", "tau_m"])["t_ref"]).Cast<double>());
        Assert.Equal([250.0, 250.0, 250.0, 250.0], nodes.Slice(2, 9, 2).GetValues<double>("C_m"));
    }

    // NEST: other/test_node_collection_get.py::test_composite_node_collection_get
    [Fact]
    public void Get_OnAComposite_GivesValuesInOrder_AndNullWhereAModelHasNoSuchKey()
    {
        var nest = new Simulator();
        var n1 = nest.Create("iaf_psc_alpha", 2);
        var n2 = nest.Create("iaf_psc_delta", 2);
        var n3 = nest.Create("iaf_psc_exp");
        var n4 = nest.Create("iaf_psc_alpha", 3);
        n1.Set("V_m", new[] { -77.0, -88.0 });
        n3.Set(new Dictionary<string, object> { ["V_m"] = -55.0 });
        n1.Set("C_m", new[] { 251.0, 252.0 });
        n2.Set("C_m", new[] { 253.0, 254.0 });
        n3.Set(new Dictionary<string, object> { ["C_m"] = 255.0 });
        n4.Set("C_m", new[] { 256.0, 257.0, 258.0 });
        var n5 = n1 + n2 + n3 + n4;

        var status = n5.Get();
        Assert.Equal([-77.0, -88.0, -70.0, -70.0, -55.0, -70.0, -70.0, -70.0], (object?[])status["V_m"]);
        Assert.Equal([2.0, 2.0, null, null, 2.0, 2.0, 2.0, 2.0], (object?[])status["tau_syn_ex"]);
        object?[] refractoryInput = [null, null, false, false, null, null, null, null];
        Assert.Equal(refractoryInput, (object?[])status["refractory_input"]);
        Assert.Equal(Enumerable.Range(251, 8).Select(c => (object?)(double)c), (object?[])n5.Get("C_m"));
        Assert.Equal(refractoryInput, (object?[])n5.Get("refractory_input"));
    }

    // NEST: other/test_node_collection_get.py::test_different_sized_node_collections_get
    [Fact]
    public void Get_OnOneOrManyNodes_GivesAValueOrOnePerNode_IncludingHierarchicalKeys()
    {
        var nest = new Simulator();
        var single = nest.Create("spike_recorder");
        var multi = nest.Create("spike_recorder", 10);

        Assert.Equal(0.0, single.Get("start"));
        var two = single.Get(["start", "time_in_steps"]);
        Assert.Equal(0.0, two["start"]);
        Assert.Equal(false, two["time_in_steps"]);
        Assert.Empty((double[])single.Get("events", "times"));
        Assert.All((object?[])multi.Get("events", "times"), times => Assert.Empty((double[])times!));

        var events = single.Get("events", ["senders", "times"]);
        Assert.Equal(2, events.Count);
        Assert.Empty((long[])events["senders"]);
        Assert.Empty((double[])events["times"]);
        var multiEvents = multi.Get("events", ["senders", "times"]);
        Assert.All((object?[])multiEvents["senders"], s => Assert.Empty((long[])s!));
        Assert.All((object?[])multiEvents["times"], t => Assert.Empty((double[])t!));

        var singleAll = single.Get();
        Assert.Equal(0.0, singleAll["start"]);
        var multiAll = multi.Get();
        Assert.Equal(Enumerable.Repeat<object?>(0.0, 10), (object?[])multiAll["start"]);
        Assert.Equal(singleAll.Count, multiAll.Count);
    }

    // NEST: other/test_node_collection_set.py::test_node_collection_set_single_param and ::test_node_collection_set_dict_single_param
    [Fact]
    public void Set_OfOneValue_SetsEveryNode()
    {
        var nodes = new Simulator().Create("iaf_psc_alpha", 10);
        nodes.Set("tau_Ca", 500.0);
        nodes.Set(new Dictionary<string, object> { ["C_m"] = 100.0 });
        Assert.Equal(Enumerable.Repeat(500.0, 10), nodes.GetValues<double>("tau_Ca"));
        Assert.Equal(Enumerable.Repeat(100.0, 10), nodes.GetValues<double>("C_m"));
    }

    // NEST: other/test_node_collection_set.py::test_node_collection_set_list_of_single_param and ::test_node_collection_set_attribute
    [Fact]
    public void Set_OfAnArray_SetsOneValuePerNode()
    {
        var nodes = new Simulator().Create("iaf_psc_alpha", 10);
        double[] vReset = [-85, -82, -80, -77, -75, -72, -70, -67, -65, -62];
        nodes.Set("V_reset", vReset);
        Assert.Equal(vReset, nodes.GetValues<double>("V_reset"));
    }

    // NEST: other/test_node_collection_set.py::test_node_collection_set_list_of_single_param_wrong_length_raises
    // and ::test_node_collection_set_attribute_list_wrong_length_raises
    [Fact]
    public void Set_OfAnArrayOfTheWrongLength_FailsNamingTheKey_AndChangesNothing()
    {
        var nodes = new Simulator().Create("iaf_psc_alpha", 10);
        var e = Assert.Throws<BadPropertyException>(() => nodes.Set("V_reset", new[] { -85.0, -82.0, -80.0, -77.0, -75.0 }));
        Assert.Contains("V_reset", e.Message);
        Assert.Equal(Enumerable.Repeat(-70.0, 10), nodes.GetValues<double>("V_reset"));
    }

    // NEST: other/test_node_collection_set.py::test_node_collection_set_list_of_dicts
    [Fact]
    public void Set_OfOneDictionaryPerNode_SetsEachNode()
    {
        var nodes = new Simulator().Create("iaf_psc_alpha", 10);
        double[] vm = [10, 20, 30, 40, 50, 60, 70, 80, 90, -100];
        nodes.Set([.. vm.Select(v => new Dictionary<string, object> { ["V_m"] = v })]);
        Assert.Equal(vm, nodes.GetValues<double>("V_m"));
    }

    // NEST: other/test_node_collection_set.py::test_node_collection_set_dict_multiple_params
    [Fact]
    public void Set_OfSeveralKeys_SetsThemAll()
    {
        var nodes = new Simulator().Create("iaf_psc_alpha", 10);
        nodes.Set(new Dictionary<string, object> { ["t_ref"] = 44.0, ["tau_m"] = 2.0, ["tau_minus"] = 42.0 });
        Assert.Equal(Enumerable.Repeat(44.0, 10), nodes.GetValues<double>("t_ref"));
        Assert.Equal(Enumerable.Repeat(2.0, 10), nodes.GetValues<double>("tau_m"));
        Assert.Equal(Enumerable.Repeat(42.0, 10), nodes.GetValues<double>("tau_minus"));
    }

    // NEST: other/test_node_collection_set.py::test_node_collection_set_dict_with_lists
    [Fact]
    public void Set_OfArraysAndScalars_SetsEachNode()
    {
        var nodes = new Simulator().Create("iaf_psc_alpha", 3);
        double[] vm = [-11, -12, -13], tauMinus = [22, 24, 26];
        nodes.Set(new Dictionary<string, object> { ["V_m"] = vm, ["C_m"] = 177.0, ["tau_minus"] = tauMinus });
        Assert.Equal(vm, nodes.GetValues<double>("V_m"));
        Assert.Equal([177.0, 177.0, 177.0], nodes.GetValues<double>("C_m"));
        Assert.Equal(tauMinus, nodes.GetValues<double>("tau_minus"));
    }

    // NEST: other/test_node_collection_set.py::test_node_collection_set_dict_with_single_element_lists
    [Fact]
    public void Set_OfOneElementArraysOnOneNode_SetsThatNode()
    {
        var node = new Simulator().Create("iaf_psc_alpha");
        node.Set(new Dictionary<string, object> { ["V_m"] = new[] { -13.0 }, ["C_m"] = new[] { 222.0 } });
        Assert.Equal(-13.0, node.Get<double>("V_m"));
        Assert.Equal(222.0, node.Get<double>("C_m"));
    }

    // NEST: other/test_node_collection_set.py::test_node_collection_set_dict_bool_list
    [Fact]
    public void Set_OfABoolArray_SetsOneFlagPerRecorder()
    {
        var recorders = new Simulator().Create("spike_recorder", 3);
        bool[] flags = [true, false, true];
        recorders.Set(new Dictionary<string, object> { ["time_in_steps"] = flags });
        Assert.Equal(flags, recorders.GetValues<bool>("time_in_steps"));
    }

    // NEST: other/test_node_collection_set.py::test_create_with_params_list_that_should_not_be_split and ::test_set_on_spike_generator
    [Fact]
    public void SpikeTimes_AreNotSplitAcrossGenerators_InCreateOrSet()
    {
        var nest = new Simulator();
        double[] created = [1, 2, 30], set = [1, 2, 3];
        var sg = nest.Create("spike_generator", 2, new() { ["spike_times"] = created });
        Assert.Equal(created, sg[0].Get<double[]>("spike_times"));
        Assert.Equal(created, sg[1].Get<double[]>("spike_times"));
        sg.Set(new Dictionary<string, object> { ["spike_times"] = set });
        Assert.Equal(set, sg[0].Get<double[]>("spike_times"));
        Assert.Equal(set, sg[1].Get<double[]>("spike_times"));
    }

    // NEST: other/test_node_collection_set.py::test_node_collection_set_nonexistent_param_raises and
    // ::test_node_collection_set_nonexistent_attribute_raises
    [Fact]
    public void Set_OfAReadOnlyOrUnknownKey_FailsAsUnaccessed()
    {
        var nodes = new Simulator().Create("iaf_psc_alpha", 10);
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nodes.Set(new Dictionary<string, object> { ["vp"] = 2 }));
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nodes.Set("nonexistent_attribute", 1.0));
    }

    // NEST: other/test_node_collection_set.py::test_set_on_empty_node_collection (both parametrisations)
    [Fact]
    public void Set_OnAnEmptyCollection_DoesNothing()
    {
        var nest = new Simulator();
        nest.Create("iaf_psc_alpha");
        foreach (var empty in new[] { NodeCollection.Empty, nest.Nodes() })
        {
            empty.Set(new Dictionary<string, object>());
            empty.Set("V_m", 1.0);
            Assert.Empty(empty);
        }
    }

    // NEST: other/test_node_collection_set.py::test_sliced_node_collection_set
    [Fact]
    public void Set_OnSlices_ChangesOnlyTheSlicedNodes()
    {
        var nodes = new Simulator().Create("iaf_psc_alpha", 10);
        nodes.Slice(2, 5).Set([new() { ["V_m"] = -50.0 }, new() { ["V_m"] = -40.0 }, new() { ["V_m"] = -30.0 }]);
        nodes.Slice(5, 7).Set(new Dictionary<string, object> { ["t_ref"] = 4.4, ["tau_m"] = 3.0 });
        nodes.Slice(2, 9, 2).Set("C_m", 111.0);

        Assert.Equal([-70.0, -70.0, -50.0, -40.0, -30.0, -70.0, -70.0, -70.0, -70.0, -70.0], nodes.GetValues<double>("V_m"));
        Assert.Equal([250.0, 250.0, 111.0, 250.0, 111.0, 250.0, 111.0, 250.0, 111.0, 250.0], nodes.GetValues<double>("C_m"));
        var status = nodes.Get(["t_ref", "tau_m"]);
        Assert.Equal([2.0, 2.0, 2.0, 2.0, 2.0, 4.4, 4.4, 2.0, 2.0, 2.0], ((object?[])status["t_ref"]).Cast<double>());
        Assert.Equal([10.0, 10.0, 10.0, 10.0, 10.0, 3.0, 3.0, 10.0, 10.0, 10.0], ((object?[])status["tau_m"]).Cast<double>());
    }
}
