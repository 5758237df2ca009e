namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_labeled_synapses.py (LabeledSynapsesTestCase): labels on the _lbl synapse
/// models (on Connect, by Set, by SetDefaults, found by GetConnections) and refused on every other model. NEST loops
/// over the models inside each test; here each model is one case. The network of each model is NEST's
/// default_network: neurons that take the model's connections.
/// </summary>
public sealed class TestLabeledSynapses
{
    private static readonly string[] RateModelConnections =
        ["rate_connection_instantaneous", "rate_connection_instantaneous_lbl", "rate_connection_delayed", "rate_connection_delayed_lbl"];

    private static readonly string[] SiegertConnections = ["diffusion_connection", "diffusion_connection_lbl"];

    private static readonly string[] ClopathSynapses = ["clopath_synapse", "clopath_synapse_lbl", "clopath_synapse_hpc"];

    private static readonly string[] UrbanczikSynapses = ["urbanczik_synapse", "urbanczik_synapse_lbl", "urbanczik_synapse_hpc"];

    private static readonly string[] EpropSynapsesBsshslm2020 = ["eprop_synapse_bsshslm_2020", "eprop_synapse_bsshslm_2020_hpc"];

    private static readonly string[] EpropConnectionsBsshslm2020 =
        ["eprop_learning_signal_connection_bsshslm_2020", "eprop_learning_signal_connection_bsshslm_2020_lbl", "eprop_learning_signal_connection_bsshslm_2020_hpc"];

    private static readonly string[] EpropSynapses = ["eprop_synapse", "eprop_synapse_hpc"];

    private static readonly string[] EpropConnections =
        ["eprop_learning_signal_connection", "eprop_learning_signal_connection_lbl", "eprop_learning_signal_connection_hpc"];

    public static TheoryData<string> LabeledModels() =>
        [.. new Simulator().SynapseModels().Where(s => s.EndsWith("_lbl", StringComparison.Ordinal))];

    // NEST skips sic_connection: it needs different pre- and post-synaptic neuron models.
    public static TheoryData<string> UnlabeledModels() =>
        [.. new Simulator().SynapseModels().Where(s => !s.EndsWith("_lbl", StringComparison.Ordinal) && s != "sic_connection")];

    /// <summary>NEST's default_network: volume transmitters for the dopamine synapses, neurons taking <paramref name="synModel"/>.</summary>
    private static (NodeCollection Neurons, long ReceptorType) DefaultNetwork(Simulator nest, string synModel)
    {
        var vt = nest.Create("volume_transmitter", 3);
        nest.SetDefaults("stdp_dopamine_synapse", new() { ["volume_transmitter"] = vt[0] });
        nest.SetDefaults("stdp_dopamine_synapse_lbl", new() { ["volume_transmitter"] = vt[1] });
        nest.SetDefaults("stdp_dopamine_synapse_hpc", new() { ["volume_transmitter"] = vt[2] });

        var neurons = nest.Create("hh_psc_alpha_gap", 5);
        if (RateModelConnections.Contains(synModel)) neurons = nest.Create("lin_rate_ipn", 5);
        if (SiegertConnections.Contains(synModel)) neurons = nest.Create("siegert_neuron", 5);
        if (ClopathSynapses.Contains(synModel)) neurons = nest.Create("hh_psc_alpha_clopath", 5);
        long receptorType = 0;
        if (UrbanczikSynapses.Contains(synModel))
        {
            neurons = nest.Create("pp_cond_exp_mc_urbanczik", 5);
            receptorType = ((Dictionary<string, int>)nest.GetDefaults("pp_cond_exp_mc_urbanczik")["receptor_types"])["soma_exc"];
        }
        if (EpropSynapsesBsshslm2020.Contains(synModel)) neurons = nest.Create("eprop_iaf_bsshslm_2020", 5);
        if (EpropConnectionsBsshslm2020.Contains(synModel))
            neurons = nest.Create("eprop_readout_bsshslm_2020", 5) + nest.Create("eprop_iaf_bsshslm_2020", 5);
        if (EpropSynapses.Contains(synModel)) neurons = nest.Create("eprop_iaf", 5);
        if (EpropConnections.Contains(synModel)) neurons = nest.Create("eprop_readout", 5) + nest.Create("eprop_iaf", 5);
        return (neurons, receptorType);
    }

    private static Dictionary<string, object> OneToOne(Simulator nest, string syn) =>
        new() { ["rule"] = "one_to_one", ["make_symmetric"] = (bool)nest.GetDefaults(syn)["requires_symmetric"] };

    private static void AssertLabels(SynapseCollection connections, long label)
    {
        var labels = connections.GetValues<long>("synapse_label");
        Assert.NotEmpty(labels);
        Assert.All(labels, x => Assert.Equal(label, x));
    }

    // NEST: testsuite/pytests/synapses/test_labeled_synapses.py::LabeledSynapsesTestCase::test_SetLabelToSynapseOnConnect
    [Theory]
    [MemberData(nameof(LabeledModels))]
    public void SetLabelToSynapseOnConnect(string syn)
    {
        var nest = new Simulator();
        var (a, rType) = DefaultNetwork(nest, syn);
        nest.Connect(a, a, OneToOne(nest, syn), new Dictionary<string, object> { ["synapse_model"] = syn, ["synapse_label"] = 123L, ["receptor_type"] = rType });
        AssertLabels(nest.GetConnections(a, a), 123);
    }

    // NEST: testsuite/pytests/synapses/test_labeled_synapses.py::LabeledSynapsesTestCase::test_SetLabelToSynapseSet
    [Theory]
    [MemberData(nameof(LabeledModels))]
    public void SetLabelToSynapseSet(string syn)
    {
        var nest = new Simulator();
        var (a, rType) = DefaultNetwork(nest, syn);
        nest.Connect(a, a, OneToOne(nest, syn), new Dictionary<string, object> { ["synapse_model"] = syn, ["receptor_type"] = rType });
        var c = nest.GetConnections(a, a);
        AssertLabels(c, -1);
        c.Set(new Dictionary<string, object> { ["synapse_label"] = 123L });
        AssertLabels(c, 123);
    }

    // NEST: testsuite/pytests/synapses/test_labeled_synapses.py::LabeledSynapsesTestCase::test_SetLabelToSynapseSetDefaults
    [Theory]
    [MemberData(nameof(LabeledModels))]
    public void SetLabelToSynapseSetDefaults(string syn)
    {
        var nest = new Simulator();
        var (a, rType) = DefaultNetwork(nest, syn);
        nest.SetDefaults(syn, new() { ["synapse_label"] = 123L });
        nest.Connect(a, a, OneToOne(nest, syn), new Dictionary<string, object> { ["synapse_model"] = syn, ["receptor_type"] = rType });
        AssertLabels(nest.GetConnections(a, a), 123);
    }

    // NEST: testsuite/pytests/synapses/test_labeled_synapses.py::LabeledSynapsesTestCase::test_GetLabeledSynapses
    [Theory]
    [MemberData(nameof(LabeledModels))]
    public void GetLabeledSynapses(string syn)
    {
        var nest = new Simulator();
        var (a, rType) = DefaultNetwork(nest, syn);
        string synapseType = "static_synapse";
        if (RateModelConnections.Contains(syn)) synapseType = "rate_connection_instantaneous";
        if (SiegertConnections.Contains(syn)) synapseType = "diffusion_connection";
        nest.Connect(a, a, new Dictionary<string, object> { ["rule"] = "one_to_one" }, new Dictionary<string, object> { ["synapse_model"] = synapseType, ["receptor_type"] = rType });
        nest.Connect(a, a, OneToOne(nest, syn), new Dictionary<string, object> { ["synapse_model"] = syn, ["synapse_label"] = 123L, ["receptor_type"] = rType });
        AssertLabels(nest.GetConnections(source: a, target: a, synapseLabel: 123), 123);
    }

    // NEST: testsuite/pytests/synapses/test_labeled_synapses.py::LabeledSynapsesTestCase::test_SetLabelToNotLabeledSynapse
    [Theory]
    [MemberData(nameof(UnlabeledModels))]
    public void SetLabelToNotLabeledSynapse(string syn)
    {
        var nest = new Simulator();
        var (a, rType) = DefaultNetwork(nest, syn);
        var conn = OneToOne(nest, syn);
        Assert.ThrowsAny<NestException>(() => nest.SetDefaults(syn, new() { ["synapse_label"] = 123L }));
        if (EpropConnectionsBsshslm2020.Contains(syn) || EpropConnections.Contains(syn) || EpropSynapsesBsshslm2020.Contains(syn) || EpropSynapses.Contains(syn))
        {
            double resolution = (double)nest.GetKernelStatus("resolution");
            Assert.ThrowsAny<NestException>(() => nest.Connect(a[..2], a[^2..], conn,
                new Dictionary<string, object> { ["synapse_model"] = syn, ["synapse_label"] = 123L, ["delay"] = resolution }));
            nest.Connect(a[..2], a[^2..], conn, new Dictionary<string, object> { ["synapse_model"] = syn, ["receptor_type"] = rType, ["delay"] = resolution });
        }
        else
        {
            Assert.ThrowsAny<NestException>(() => nest.Connect(a, a, conn, new Dictionary<string, object> { ["synapse_model"] = syn, ["synapse_label"] = 123L }));
            nest.Connect(a, a, conn, new Dictionary<string, object> { ["synapse_model"] = syn, ["receptor_type"] = rType });
        }
        var c = nest.GetConnections(a, a);
        Assert.ThrowsAny<NestException>(() => c.Set(new Dictionary<string, object> { ["synapse_label"] = 123L }));
    }
}
