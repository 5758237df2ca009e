namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/regressions/test_issue_77.py</c>: every neuron model registers its outgoing
/// spikes with its spike history, so an stdp_synapse onto it (driven through a parrot_neuron_ps) changes its weight.
/// </summary>
public sealed class Issue77Tests
{
    private static readonly string[] SkipModels =
    [
        "erfc_neuron", "ginzburg_neuron", "ignore_and_fire", "mcculloch_pitts_neuron", "gif_pop_psc_exp", "gauss_rate_ipn",
        "lin_rate_ipn", "lin_rate_opn", "siegert_neuron", "sigmoid_rate_gg_1998_ipn", "sigmoid_rate_ipn", "tanh_rate_ipn",
        "tanh_rate_opn", "threshold_lin_rate_ipn", "threshold_lin_rate_opn", "rate_transformer_gauss", "rate_transformer_lin",
        "rate_transformer_sigmoid", "rate_transformer_sigmoid_gg_1998", "rate_transformer_tanh", "rate_transformer_threshold_lin",
        "spike_train_injector", "music_cont_in_proxy", "music_cont_out_proxy", "music_event_in_proxy", "music_event_out_proxy",
        "music_message_in_proxy", "music_rate_in_proxy", "music_rate_out_proxy", "astrocyte_lr_1994", "eprop_readout_bsshslm_2020",
        "eprop_iaf_bsshslm_2020", "eprop_iaf_adapt_bsshslm_2020", "eprop_readout", "eprop_iaf", "eprop_iaf_adapt",
        "eprop_iaf_psc_delta", "eprop_iaf_psc_delta_adapt",
    ];

    /// <summary>NEST's extra_params, for the models NestSharp has: parameters, receptor_type and initial weight.</summary>
    private static readonly Dictionary<string, (Dictionary<string, object>? Params, long Receptor, double Weight)> ExtraParams = new()
    {
        ["aeif_psc_alpha"] = (null, 0, 80.0),
        ["aeif_psc_delta"] = (null, 0, 80.0),
        ["aeif_psc_exp"] = (null, 0, 80.0),
        ["aeif_cond_alpha_multisynapse"] = (new() { ["E_rev"] = new[] { -20.0 }, ["tau_syn"] = new[] { 2.0 } }, 1, 10.0),
        ["aeif_cond_beta_multisynapse"] = (new() { ["E_rev"] = new[] { -20.0 }, ["tau_rise"] = new[] { 1.0 }, ["tau_decay"] = new[] { 2.0 } }, 1, 10.0),
        ["iaf_cond_alpha_mc"] = (null, 1, 10.0),
        ["glif_cond"] = (new() { ["tau_syn"] = new[] { 0.2 }, ["E_rev"] = new[] { 0.0 } }, 1, 10.0),
        ["glif_psc"] = (new() { ["tau_syn"] = new[] { 1.0 } }, 1, 10.0),
        ["glif_psc_double_alpha"] = (new() { ["tau_syn_fast"] = new[] { 1.0 }, ["tau_syn_slow"] = new[] { 2.0 }, ["amp_slow"] = new[] { 0.5 } }, 1, 10.0),
        ["iaf_psc_alpha_multisynapse"] = (new() { ["tau_syn"] = new[] { 1.0 } }, 1, 10.0),
        ["iaf_psc_exp_multisynapse"] = (new() { ["tau_syn"] = new[] { 1.0 } }, 1, 10.0),
        ["gif_cond_exp_multisynapse"] = (new() { ["tau_syn"] = new[] { 1.0 } }, 1, 10.0),
        ["gif_psc_exp_multisynapse"] = (new() { ["tau_syn"] = new[] { 1.0 } }, 1, 10.0),
        ["ht_neuron"] = (null, 1, 10.0),
        ["pp_cond_exp_mc_urbanczik"] = (null, 1, 10.0),
        ["iaf_bw_2001"] = (null, 1, 10.0),
        ["iaf_bw_2001_exact"] = (null, 1, 10.0),
    };

    public static TheoryData<string> Models => NodeModelSelection.Where(NodeModelSelection.OfElementType("neuron"), SkipModels);

    // NEST: testsuite/pytests/regressions/test_issue_77.py::test_register_outgoing_spikes
    [Theory]
    [MemberData(nameof(Models))]
    public void RegisterOutgoingSpikes(string model)
    {
        var nest = new Simulator();
        var nrn = nest.Create(model);
        var (parameters, receptorType, initialWeight) = ExtraParams.GetValueOrDefault(model, (null, 0, 10.0));
        if (parameters is not null) nrn.Set(parameters);
        // a compartmental model needs at least a root compartment (and here a receptor)
        if (nest.GetDefaults(model).ContainsKey("compartments"))
        {
            nrn.Set("compartments", new Dictionary<string, object> { ["parent_idx"] = -1L });
            nrn.Set("receptors", new Dictionary<string, object> { ["comp_idx"] = 0L, ["receptor_type"] = "AMPA" });
        }

        var pg = nest.Create("poisson_generator", 1, new() { ["rate"] = 1e5 });
        var parrot = nest.Create("parrot_neuron_ps");
        var srec = nest.Create("spike_recorder");
        // through a parrot, since generators cannot connect with plastic synapses
        nest.Connect(pg, parrot);
        nest.Connect(parrot, nrn, "one_to_one", new Dictionary<string, object>
        {
            ["synapse_model"] = "stdp_synapse", ["weight"] = initialWeight, ["receptor_type"] = receptorType,
        });
        nest.Connect(nrn, srec);

        nest.Simulate(100.0);

        Assert.True(srec.Get<long>("n_events") > 0);
        Assert.True(nrn.Get<double>("t_spike") > 0);
        Assert.NotEqual(initialWeight, nest.GetConnections(parrot).Weight[0]);
    }
}
