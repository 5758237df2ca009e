namespace NestSharp.Tests.NestSuite.Other;

/// <summary>Get/SetKernelStatus and Get/SetDefaults, as NEST's other/test_status.py checks them.</summary>
public sealed class StatusTests
{
    // NEST: other/test_status.py::StatusTestCase::test_kernel_attributes
    // (PyNEST's nest.resolution attribute is Simulator.Resolution; setting network_size is refused.)
    [Fact]
    public void KernelAttributes_AgreeWithTheKernelStatus()
    {
        var nest = new Simulator();
        Assert.Equal((double)nest.GetKernelStatus("resolution"), nest.Resolution);
        nest.SetKernelStatus("resolution", 0.4);
        Assert.Equal(0.4, nest.Resolution);
        Assert.Throws<BadPropertyException>(() => nest.SetKernelStatus("network_size", 120));
    }

    // NEST: other/test_status.py::StatusTestCase::test_GetKernelStatus
    [Fact]
    public void GetKernelStatus_GivesAllKeysAndFailsOnUnknownOnes()
    {
        var nest = new Simulator();
        var status = nest.GetKernelStatus();
        Assert.True(status.Count > 1);
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.GetKernelStatus("nonexistent_status_key"));
        Assert.Equal(0.1, (double)nest.GetKernelStatus("resolution"));
    }

    // NEST: other/test_status.py::StatusTestCase::test_SetKernelStatus
    [Fact]
    public void SetKernelStatus_AcceptsNothingAndKnownKeys_RefusesUnknownAndReadOnlyKeys()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new Dictionary<string, object>());
        nest.SetKernelStatus(new() { ["resolution"] = 0.2 });
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.SetKernelStatus(new() { ["nonexistent_status_key"] = 0 }));
        Assert.Throws<BadPropertyException>(() => nest.SetKernelStatus(new() { ["network_size"] = 120 }));
    }

    // NEST: other/test_status.py::StatusTestCase::test_GetDefaults
    [Fact]
    public void GetDefaults_OfEveryModel_HasItsKeys()
    {
        var nest = new Simulator();
        foreach (var model in nest.NodeModels().Concat(nest.SynapseModels()))
        {
            var defaults = nest.GetDefaults(model);
            Assert.True(defaults.Count > 1, model);
            Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.GetDefaults<double>(model, "nonexistent_status_key"));
            if (defaults.ContainsKey("V_m")) Assert.IsType<double>(nest.GetDefaults<object>(model, "V_m"));
        }
    }

    // NEST: other/test_status.py::StatusTestCase::test_SetDefaults
    [Fact]
    public void SetDefaults_OfV_m_RoundTrips_AndUnknownKeysAreRefused()
    {
        var nest = new Simulator();
        int checkedModels = 0;
        foreach (var model in nest.NodeModels())
        {
            if (!nest.GetDefaults(model).TryGetValue("V_m", out var vm)) continue;
            nest.SetDefaults(model, new() { ["V_m"] = -1.0 });
            Assert.Equal(-1.0, nest.GetDefaults<double>(model, "V_m"));
            nest.SetDefaults(model, new() { ["V_m"] = vm });
            Assert.Equal((double)vm, nest.GetDefaults<double>(model, "V_m"));
            var e = Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.SetDefaults(model, new() { ["nonexistent_status_key"] = 0 }));
            Assert.Contains("Unaccessed", e.Message);
            checkedModels++;
        }
        Assert.True(checkedModels >= 3); // iaf_psc_alpha, iaf_psc_exp, aeif_psc_delta_clopath
    }

    // NEST: other/test_nest_set_get.py::test_nest_get (PyNEST's nest.get(key) is GetKernelStatus(key); the default of
    // keep_source_table is true)
    [Fact]
    public void KernelGet_GivesTheDefault()
    {
        var nest = new Simulator();
        Assert.Equal(true, nest.GetKernelStatus("keep_source_table"));
    }

    // NEST: other/test_nest_set_get.py::test_nest_get_unknown_attr_raises (PyNEST's AttributeError has no C# counterpart:
    // the compiler refuses an unknown member)
    [Fact]
    public void KernelGet_OfAnUnknownKey_Fails() =>
        Assert.Throws<UnaccessedDictionaryEntryException>(() => new Simulator().GetKernelStatus("accessAbsolutelyUnknownKernelAttribute"));

    // NEST: other/test_nest_set_get.py::test_nest_set
    [Fact]
    public void KernelSet_OfRngSeed_RoundTrips()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("rng_seed", 12345L);
        Assert.Equal(12345, nest.RngSeed);
        nest.SetKernelStatus("rng_seed", 345678L);
        Assert.Equal(345678, nest.RngSeed);
    }
}
