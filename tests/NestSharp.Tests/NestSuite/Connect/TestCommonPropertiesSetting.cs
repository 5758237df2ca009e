namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_common_properties_setting.py: parameters common to all connections of a
/// model. NEST parametrises over the common-property models that are built; NestSharp has all of them:
/// eprop_synapse_bsshslm_2020 (its boolean average_gradient, set to the opposite of its default), jonke_synapse,
/// stdp_dopamine_synapse, stdp_facetshw_synapse_hom, stdp_pl_synapse_hom, stdp_synapse_hom, static_synapse_hom_w and
/// tsodyks_synapse_hom.
/// </summary>
public sealed class TestCommonPropertiesSetting
{
    private readonly Simulator _nest = new();

    /// <summary>
    /// common_prop_models: for each model, the parameter, the test value and the neuron; stdp_dopamine_synapse has
    /// NEST's setup set_volume_transmitter and eprop_synapse_bsshslm_2020 set_default_delay_resolution (see
    /// <see cref="Setup"/>). The value of average_gradient is NEST's <c>not GetDefaults(...)["average_gradient"]</c>.
    /// </summary>
    public static TheoryData<string, string, object, string> AvailableCpModels => new()
    {
        { "eprop_synapse_bsshslm_2020", "average_gradient", !new Simulator().GetDefaults<bool>("eprop_synapse_bsshslm_2020", "average_gradient"), "eprop_iaf_bsshslm_2020" },
        { "jonke_synapse", "tau_plus", 10.0, "iaf_psc_alpha" },
        { "stdp_dopamine_synapse", "tau_plus", 10.0, "iaf_psc_alpha" },
        { "stdp_facetshw_synapse_hom", "tau_plus", 10.0, "iaf_psc_alpha" },
        { "stdp_pl_synapse_hom", "tau_plus", 10.0, "iaf_psc_alpha" },
        { "stdp_synapse_hom", "tau_plus", 10.0, "iaf_psc_alpha" },
        { "static_synapse_hom_w", "weight", 10.0, "iaf_psc_alpha" },
        { "tsodyks_synapse_hom", "tau_psc", 10.0, "iaf_psc_alpha" },
    };

    /// <summary>
    /// The model's setup: set_default_delay_resolution for eprop_synapse_bsshslm_2020 (the resolution becomes the
    /// model's default delay), set_volume_transmitter for stdp_dopamine_synapse, none for the others.
    /// </summary>
    private void Setup(string synModel)
    {
        if (synModel == "eprop_synapse_bsshslm_2020")
            _nest.SetKernelStatus(new() { ["resolution"] = _nest.GetDefaults<double>("eprop_synapse_bsshslm_2020", "delay") });
        if (synModel != "stdp_dopamine_synapse") return;
        var vt = _nest.Create("volume_transmitter");
        _nest.SetDefaults("stdp_dopamine_synapse", new() { ["volume_transmitter"] = vt });
    }

    // NEST: testsuite/pytests/connect/test_common_properties_setting.py::test_set_common_properties
    [Theory]
    [MemberData(nameof(AvailableCpModels))]
    public void Test_set_common_properties(string synModel, string parameter, object value, string neuron)
    {
        _ = neuron;
        Setup(synModel);
        // Test that setting a parameter works
        object oldVal = _nest.GetDefaults<object>(synModel, parameter);
        Assert.NotEqual(value, oldVal); // test would be meaningless otherwise

        _nest.SetDefaults(synModel, new() { [parameter] = value });
        object newVal = _nest.GetDefaults<object>(synModel, parameter);
        Assert.Equal(value, newVal);
    }

    // NEST: testsuite/pytests/connect/test_common_properties_setting.py::test_copy_common_properties
    [Theory]
    [MemberData(nameof(AvailableCpModels))]
    public void Test_copy_common_properties(string synModel, string parameter, object value, string neuron)
    {
        _ = neuron;
        Setup(synModel);
        // Test that parameters set on a model are copied and that setting on the copy does not touch the original
        object oldVal = _nest.GetDefaults<object>(synModel, parameter);
        Assert.NotEqual(value, oldVal); // test would be meaningless otherwise

        _nest.SetDefaults(synModel, new() { [parameter] = value });
        string newModel = synModel + "_copy";
        _nest.CopyModel(synModel, newModel);
        object newVal = _nest.GetDefaults<object>(newModel, parameter);
        Assert.Equal(value, newVal);

        // Set parameter back on copied model, original must not be changed
        _nest.SetDefaults(newModel, new() { [parameter] = oldVal });
        Assert.Equal(value, _nest.GetDefaults<object>(synModel, parameter));
    }

    // NEST: testsuite/pytests/connect/test_common_properties_setting.py::test_no_setting_on_connection
    [Theory]
    [MemberData(nameof(AvailableCpModels))]
    public void Test_no_setting_on_connection(string synModel, string parameter, object value, string neuron)
    {
        Setup(synModel);
        // Test that common property cannot be set on individual connection
        var n = _nest.Create(neuron);
        _nest.Connect(n, n, syn: new Dictionary<string, object> { ["synapse_model"] = synModel });
        var conn = _nest.GetConnections();
        Assert.Throws<UnaccessedDictionaryEntryException>(() => conn.Set(new Dictionary<string, object> { [parameter] = value }));
    }

    // NEST: testsuite/pytests/connect/test_common_properties_setting.py::test_no_setting_on_connect
    [Theory]
    [MemberData(nameof(AvailableCpModels))]
    public void Test_no_setting_on_connect(string synModel, string parameter, object value, string neuron)
    {
        Setup(synModel);
        // Test that common property cannot be set in a Connect call
        var n = _nest.Create(neuron);
        Assert.Throws<NestNotImplementedException>(() =>
            _nest.Connect(n, n, syn: new Dictionary<string, object> { ["synapse_model"] = synModel, [parameter] = value }));
    }
}
