namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_common_props_setting.py (TestSettingCommonProps), parametrised over
/// stdp_synapse_hom, stdp_pl_synapse_hom, stdp_facetshw_synapse_hom and stdp_dopamine_synapse (with the fixture's
/// volume_transmitter).
/// </summary>
public sealed class TestCommonPropsSetting
{
    private readonly Simulator _nest = new();

    /// <summary>NEST's autouse fixture: a volume_transmitter in the defaults of stdp_dopamine_synapse.</summary>
    public TestCommonPropsSetting()
    {
        var vt = _nest.Create("volume_transmitter");
        _nest.SetDefaults("stdp_dopamine_synapse", new() { ["volume_transmitter"] = vt });
    }

    // NEST: testsuite/pytests/synapses/test_common_props_setting.py::TestSettingCommonProps::test_setting_common_props_on_original
    [Theory]
    [InlineData("stdp_synapse_hom")]
    [InlineData("stdp_pl_synapse_hom")]
    [InlineData("stdp_dopamine_synapse")]
    [InlineData("stdp_facetshw_synapse_hom")]
    public void Test_setting_common_props_on_original(string synapse)
    {
        var expectedValues = new Dictionary<string, object> { ["tau_plus"] = 5.0, ["weight"] = 2.0 };
        _nest.SetDefaults(synapse, expectedValues);

        var actualValues = expectedValues.Keys.Select(k => _nest.GetDefaults(synapse)[k]).ToList();
        Assert.Equal(expectedValues.Values.ToList(), actualValues);
    }

    // NEST: testsuite/pytests/synapses/test_common_props_setting.py::TestSettingCommonProps::test_setting_common_props_on_copy
    [Theory]
    [InlineData("stdp_synapse_hom")]
    [InlineData("stdp_pl_synapse_hom")]
    [InlineData("stdp_dopamine_synapse")]
    [InlineData("stdp_facetshw_synapse_hom")]
    public void Test_setting_common_props_on_copy(string synapse)
    {
        string copiedSyn = $"{synapse}_copy";
        var expectedValues = new Dictionary<string, object> { ["tau_plus"] = 15.0, ["weight"] = 20.0 };
        _nest.CopyModel(synapse, copiedSyn, expectedValues);

        var actualValues = expectedValues.Keys.Select(k => _nest.GetDefaults(copiedSyn)[k]).ToList();
        Assert.Equal(expectedValues.Values.ToList(), actualValues);
    }

    // NEST: testsuite/pytests/synapses/test_common_props_setting.py::TestSettingCommonProps::test_setting_non_common_props_on_instance
    [Theory]
    [InlineData("stdp_synapse_hom")]
    [InlineData("stdp_pl_synapse_hom")]
    [InlineData("stdp_dopamine_synapse")]
    [InlineData("stdp_facetshw_synapse_hom")]
    public void Test_setting_non_common_props_on_instance(string synapse)
    {
        var neuron = _nest.Create("iaf_psc_alpha");
        _nest.Connect(neuron, neuron, syn: new Dictionary<string, object> { ["synapse_model"] = synapse });

        var singleEdge = _nest.GetConnections(source: neuron)[0];
        singleEdge.Set("weight", 3.0);

        Assert.Equal(3.0, singleEdge.Get("weight"));
        Assert.NotEqual(3.0, _nest.GetDefaults<double>(synapse, "weight"));
    }

    // NEST: testsuite/pytests/synapses/test_common_props_setting.py::TestSettingCommonProps::test_setting_common_props_on_instance
    [Theory]
    [InlineData("stdp_synapse_hom")]
    [InlineData("stdp_pl_synapse_hom")]
    [InlineData("stdp_dopamine_synapse")]
    [InlineData("stdp_facetshw_synapse_hom")]
    public void Test_setting_common_props_on_instance(string synapse)
    {
        double tauPlusRef = _nest.GetDefaults<double>(synapse, "tau_plus");
        var neuron = _nest.Create("iaf_psc_alpha");
        _nest.Connect(neuron, neuron, syn: new Dictionary<string, object> { ["synapse_model"] = synapse });

        var singleEdge = _nest.GetConnections(source: neuron)[0];

        Assert.ThrowsAny<Exception>(() => singleEdge.Set("tau_plus", (tauPlusRef + 1) * 3));

        double actualTauPlusValue = _nest.GetDefaults<double>(synapse, "tau_plus");
        Assert.Equal(tauPlusRef, actualTauPlusValue);
    }
}
