using static NestSharp.Tests.NestSuite.StructuralPlasticity.SpTestUtil;

namespace NestSharp.Tests.NestSuite.StructuralPlasticity;

/// <summary>The structural plasticity manager: synapse types registered, delays, kernel status, synapse creation.</summary>
public sealed class SpManagerTests
{
    public static TheoryData<string> Models => SynapseModelsWithout(SpManagerExcluded);

    /// <summary>
    /// test_synapse_creation takes the first model of nest.synapse_models that is not excluded (bernoulli_synapse in
    /// NEST 3.10) and connects iaf_psc_alpha neurons with it: here every NestSharp model that iaf_psc_alpha accepts
    /// (clopath_synapse and urbanczik_synapse need other neurons, in NEST as well; sic_connection connects astrocytes
    /// to aeif_cond_alpha_astro only; the e-prop synapses connect e-prop neurons only).
    /// </summary>
    public static TheoryData<string> CreationModels => SynapseModelsWithout([.. SpManagerExcluded, "clopath_synapse", "urbanczik_synapse", "clopath_synapse_lbl", "urbanczik_synapse_lbl", "sic_connection",
        "eprop_synapse", "eprop_synapse_hpc", "eprop_learning_signal_connection", "eprop_synapse_bsshslm_2020", "eprop_synapse_bsshslm_2020_hpc",
        "eprop_learning_signal_connection_bsshslm_2020"]);

    private static Dictionary<string, object> SpSynapses(Simulator nest) =>
        (Dictionary<string, object>)nest.GetKernelStatus("structural_plasticity_synapses");

    // NEST: structural_plasticity/test_sp_manager.py::TestStructuralPlasticityManager::test_register_synapses
    [Theory]
    [MemberData(nameof(Models))]
    public void RegisterSynapses(string synModel)
    {
        var nest = new Simulator();
        nest.SetDefaults(synModel, new() { ["delay"] = 0.5 });
        var synDict = SynDict(synModel);
        SetMinMaxDelay(nest, 0.1, 1.0);
        nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object> { ["syn1"] = synDict });
        var kernelStatus = SpSynapses(nest);
        Assert.Contains("syn1", kernelStatus.Keys);
        var syn1 = (Dictionary<string, object>)kernelStatus["syn1"];
        foreach (var (key, value) in synDict.Where(kv => syn1.ContainsKey(kv.Key)))
            Assert.Equal(value, syn1[key]);
    }

    // NEST: structural_plasticity/test_sp_manager.py::TestStructuralPlasticityManager::test_min_max_delay_using_default_delay
    [Fact]
    public void MinMaxDelayUsingDefaultDelay()
    {
        var nest = new Simulator();
        const double delay = 1.0;
        nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object> { ["syn1"] = SynDict("static_synapse") });
        Assert.True((double)nest.GetKernelStatus("min_delay") <= delay);
        Assert.True((double)nest.GetKernelStatus("max_delay") >= delay);
    }

    // NEST: structural_plasticity/test_sp_manager.py::TestStructuralPlasticityManager::test_getting_kernel_status
    [Fact]
    public void GettingKernelStatus()
    {
        var nest = new Simulator();
        nest.CopyModel("static_synapse", "synapse_ex");
        nest.SetDefaults("synapse_ex", new() { ["weight"] = 1.0, ["delay"] = 1.0 });
        nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object>
        {
            ["synapse_ex"] = new Dictionary<string, object>
            {
                ["synapse_model"] = "synapse_ex", ["post_synaptic_element"] = "Den_ex", ["pre_synaptic_element"] = "Axon_ex",
            },
        });
        var growthCurve = new Dictionary<string, object>
        {
            ["growth_curve"] = "gaussian", ["growth_rate"] = 0.0001, ["continuous"] = false, ["eta"] = 0.0, ["eps"] = 0.05,
        };
        var synapticElements = new Dictionary<string, object> { ["Den_ex"] = growthCurve, ["Den_in"] = growthCurve, ["Axon_ex"] = growthCurve };
        nest.Create("iaf_psc_alpha", 2, new() { ["synaptic_elements"] = synapticElements });

        var spSynapses = (Dictionary<string, object>)SpSynapses(nest)["synapse_ex"];
        Assert.Contains("pre_synaptic_element", spSynapses.Keys);
        Assert.Contains("post_synaptic_element", spSynapses.Keys);
        Assert.Equal("Axon_ex", spSynapses["pre_synaptic_element"]);
        Assert.Equal("Den_ex", spSynapses["post_synaptic_element"]);
        Assert.Equal(10000.0, nest.GetKernelStatus("structural_plasticity_update_interval"));
    }

    // NEST: structural_plasticity/test_sp_manager.py::TestStructuralPlasticityManager::test_synapse_creation
    [Theory]
    [MemberData(nameof(CreationModels))]
    public void SynapseCreation(string synModel)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object> { ["syn1"] = SynDict(synModel) });
        var neurons = nest.Create("iaf_psc_alpha", 2, Se1Se2(z: 10.0));
        nest.EnableStructuralPlasticity();
        nest.Simulate(10.0);
        foreach (var stNeuron in SynapticElements(neurons))
        {
            Assert.Equal(10, ZConnected(stNeuron, "SE1"));
            Assert.Equal(10, ZConnected(stNeuron, "SE2"));
        }
        Assert.Equal(20, nest.GetConnections(neurons, neurons, synModel).Count);
    }
}
