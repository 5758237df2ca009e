using NestSharp.Connections;
using NestSharp.Kernel;

namespace NestSharp.Tests.Connections;

/// <summary>
/// NEST's labelled synapse models (<c>*_lbl</c>, its ConnectionLabel): every model NEST gives a labelled variant has
/// one here, each connection of it has an integer synapse_label (-1 unless given, never negative), and GetConnections
/// selects by label. Unlabelled models refuse a label.
/// </summary>
public sealed class SynapseLabelTests
{
    private static readonly string[] Labelled =
    [
        "bernoulli_synapse_lbl", "clopath_synapse_lbl", "cont_delay_synapse_lbl", "ht_synapse_lbl", "jonke_synapse_lbl", "quantal_stp_synapse_lbl", "static_synapse_lbl",
        "static_synapse_hom_w_lbl", "stdp_dopamine_synapse_lbl", "stdp_facetshw_synapse_hom_lbl", "stdp_nn_pre_centered_synapse_lbl", "stdp_nn_restr_synapse_lbl",
        "stdp_nn_symm_synapse_lbl", "stdp_pl_synapse_hom_lbl", "stdp_synapse_lbl", "stdp_synapse_hom_lbl",
        "stdp_triplet_synapse_lbl", "tsodyks2_synapse_lbl", "tsodyks_synapse_lbl", "tsodyks_synapse_hom_lbl", "urbanczik_synapse_lbl",
        "vogels_sprekeler_synapse_lbl",
    ];

    [Fact]
    public void EveryLabelledModelOfNest_Exists_WithTheDefaultsOfItsModelAndSynapseLabelMinusOne()
    {
        var nest = new Simulator();
        Assert.Equal(Labelled.Order(StringComparer.Ordinal), nest.SynapseModels().Where(m => m.EndsWith("_lbl", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray());
        foreach (string model in Labelled)
        {
            var labelled = nest.GetDefaults(model);
            var plain = nest.GetDefaults(model[..^4]);
            Assert.Equal(-1L, labelled["synapse_label"]);
            Assert.Equal(plain.Keys.Append("synapse_label").Order(StringComparer.Ordinal), labelled.Keys.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void GetConnections_SelectsByLabel(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        var source = nest.Create("iaf_psc_alpha", 3);
        var target = nest.Create("iaf_psc_alpha", 4);
        nest.Connect(source, target);
        nest.Connect(source, target, syn: new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse_lbl", ["synapse_label"] = 123L });
        nest.Connect(source[..1], target[..2], syn: new Dictionary<string, object> { ["synapse_model"] = "static_synapse_lbl", ["synapse_label"] = 7L });
        nest.Connect(source[..1], target[..1], syn: "static_synapse_lbl");

        var labelled = nest.GetConnections(synapseLabel: 123);
        Assert.Equal(12, labelled.Count);
        Assert.All(labelled.GetValues<long>("synapse_label"), label => Assert.Equal(123L, label));
        Assert.All(labelled.SynapseModel, model => Assert.Equal("stdp_synapse_lbl", model));
        Assert.Equal(4, nest.GetConnections(source[..1], synapseLabel: 123).Count);
        Assert.Equal(new long[] { 4, 5 }, nest.GetConnections(target: target[..2], synapseModel: "static_synapse_lbl", synapseLabel: 7).Target);
        Assert.Equal(-1L, nest.GetConnections(synapseModel: "static_synapse_lbl", synapseLabel: -1).GetValues<long>("synapse_label").Single());
        Assert.Empty(nest.GetConnections(synapseLabel: 8));

        labelled.Set("synapse_label", 5L);
        Assert.Equal(12, nest.GetConnections(synapseLabel: 5).Count);
        nest.SetDefaults("static_synapse_lbl", new() { ["synapse_label"] = 9L });
        nest.Connect(source[2..], target[3..], syn: "static_synapse_lbl");
        Assert.Equal(new long[] { 3 }, nest.GetConnections(synapseLabel: 9).Source);
    }

    [Fact]
    public void EachLabelledTwin_IsItsModelsClassWithALabel_AndTheLabelDoesNotGrowUnlabelledSynapses()
    {
        foreach (string labelled in Labelled)
        {
            var plain = Catalog.SynapseModels[labelled[..^4]]();
            var twin = Catalog.SynapseModels[labelled]();
            Assert.Equal(plain.GetType(), twin.GetType());
            Assert.False(plain.Labelled);
            Assert.True(twin.Labelled);
            Assert.DoesNotContain(SynapseSchema.LabelKey, plain.Schema.PerConnection.Select(p => p.Key));
            Assert.True(twin.BytesPerSynapse > plain.BytesPerSynapse, labelled);
        }
        Assert.Equal(14, Catalog.SynapseModels["static_synapse"]().BytesPerSynapse);
        Assert.Equal(14, Catalog.SynapseModels["static_synapse_hpc"]().BytesPerSynapse);
    }

    [Fact]
    public void Labels_AreWholeNonNegativeNumbers_AndOnlyLabelledModelsTakeThem()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 2);
        Dictionary<string, object> Spec(string model, object label) => new() { ["synapse_model"] = model, ["synapse_label"] = label };
        var negative = Assert.Throws<BadPropertyException>(() => nest.Connect(nodes, nodes, syn: Spec("static_synapse_lbl", -3L)));
        Assert.Contains("must not be negative", negative.Message, StringComparison.Ordinal);
        Assert.Throws<TypeMismatchException>(() => nest.Connect(nodes, nodes, syn: Spec("static_synapse_lbl", 1.5)));
        var unlabelled = Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.Connect(nodes, nodes, syn: Spec("static_synapse", 3L)));
        Assert.Contains("'synapse_label'", unlabelled.Message, StringComparison.Ordinal);
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.SetDefaults("stdp_synapse", new() { ["synapse_label"] = 3L }));
        Assert.Equal(0, nest.NumConnections);
        nest.Connect(nodes, nodes, syn: Spec("static_synapse_lbl", 2L));
        Assert.Throws<BadPropertyException>(() => nest.GetConnections().Set("synapse_label", -2L));
        Assert.All(nest.GetConnections().GetValues<long>("synapse_label"), label => Assert.Equal(2L, label));
    }

    [Theory]
    [InlineData("static_synapse_lbl")]
    [InlineData("static_synapse_hom_w_lbl")]
    public void RecordingDevices_RecordThroughLabelledStaticSynapses(string model)
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 500.0 });
        var recorder = nest.Create("spike_recorder");
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" }, ["interval"] = 1.0 });
        nest.Connect(neuron, recorder, syn: new Dictionary<string, object> { ["synapse_model"] = model, ["synapse_label"] = 3L });
        nest.Connect(meter, neuron, syn: model);
        nest.Simulate(50.0);
        Assert.True(recorder.Get<long>("n_events") > 0);
        Assert.Equal(49L, meter.Get<long>("n_events"));
        // A plastic labelled model stays refused, as in NEST.
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(neuron, nest.Create("spike_recorder"), syn: "stdp_synapse_lbl"));
    }
}
