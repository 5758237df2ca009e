namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>Two spikes in one event (multiplicity 2) act as two events with multiplicity 1.</summary>
public sealed class NeuronsHandleMultiplicityTests
{
    /// <summary>NEST's skip list, for the models NestSharp has: binary neurons, input-independent, no V_m to read, parrots, astrocytes, rate models.</summary>
    private static readonly string[] SkipList =
        ["ginzburg_neuron", "ignore_and_fire", "mcculloch_pitts_neuron", "erfc_neuron", "parrot_neuron", "parrot_neuron_ps", "cm_default", "iaf_cond_alpha_mc", "pp_cond_exp_mc_urbanczik", "spike_train_injector",
         "astrocyte_lr_1994",
         "siegert_neuron", "gauss_rate_ipn", "lin_rate_ipn", "lin_rate_opn", "sigmoid_rate_gg_1998_ipn", "sigmoid_rate_ipn", "tanh_rate_ipn", "tanh_rate_opn",
         "threshold_lin_rate_ipn", "threshold_lin_rate_opn", "rate_transformer_gauss", "rate_transformer_lin", "rate_transformer_sigmoid",
         "rate_transformer_sigmoid_gg_1998", "rate_transformer_tanh", "rate_transformer_threshold_lin"];

    /// <summary>Every neuron model (element_type neuron) not in the skip list.</summary>
    public static TheoryData<string> Models
    {
        get
        {
            var nest = new Simulator();
            var rows = new TheoryData<string>();
            foreach (string model in nest.NodeModels())
                if (!SkipList.Contains(model) && (string)nest.GetDefaults(model)["element_type"] == "neuron") rows.Add(model);
            return rows;
        }
    }

    // NEST: neurons/test_neurons_handle_multiplicity.py::test_spike_multiplicity_parrot_neuron
    [Fact]
    public void SpikeMultiplicityParrotNeuron()
    {
        var nest = new Simulator();
        long[] multiplicities = [1, 3, 2];
        double[] spikes = [1.0, 2.0, 3.0];
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = spikes, ["spike_multiplicities"] = multiplicities });
        var pn = nest.Create("parrot_neuron");
        var sr = nest.Create("spike_recorder");
        nest.Connect(sg, pn);
        nest.Connect(pn, sr);

        nest.Simulate(10.0);

        var spikeTimes = (double[])((Dictionary<string, object>)sr.Get("events"))["times"];
        double minDelay = (double)nest.GetKernelStatus("min_delay");
        var expected = new List<double>();
        for (int i = 0; i < spikes.Length; i++)
            for (long m = 0; m < multiplicities[i]; m++) expected.Add(spikes[i] + minDelay);
        Assert.Equal(expected, spikeTimes);
    }

    /// <summary>NEST's extra_params: the parameters and receptor type a model needs to take a spike.</summary>
    private static (Dictionary<string, object> Parameters, long ReceptorType) ExtraParams(string model) => model switch
    {
        "iaf_psc_alpha_multisynapse" or "iaf_psc_exp_multisynapse" or "gif_psc_exp_multisynapse" or "gif_cond_exp_multisynapse" => (new() { ["tau_syn"] = new[] { 1.0 } }, 1),
        "aeif_cond_alpha_multisynapse" => (new() { ["tau_syn"] = new[] { 1.0 } }, 1),
        "aeif_cond_beta_multisynapse" => (new() { ["E_rev"] = new[] { 0.0 }, ["tau_rise"] = new[] { 1.0 }, ["tau_decay"] = new[] { 1.0 } }, 1),
        "glif_cond" => (new() { ["tau_syn"] = new[] { 1.0 }, ["E_rev"] = new[] { -85.0 } }, 1),
        "glif_psc" => (new() { ["tau_syn"] = new[] { 1.0 } }, 1),
        "glif_psc_double_alpha" => (new() { ["tau_syn_fast"] = new[] { 1.0 }, ["tau_syn_slow"] = new[] { 2.0 }, ["amp_slow"] = new[] { 0.5 } }, 1),
        "ht_neuron" => (new(), 1),
        // cannot test NMDA port since pre-synaptic also must be of same neuron type in that case
        "iaf_bw_2001" or "iaf_bw_2001_exact" => (new(), 1),
        _ => (new(), 0),
    };

    // NEST: neurons/test_neurons_handle_multiplicity.py::test_spike_multiplicity
    [Theory]
    [MemberData(nameof(Models))]
    public void SpikeMultiplicity(string model)
    {
        var nest = new Simulator();
        var (parameters, receptorType) = ExtraParams(model);
        var n1 = nest.Create(model, 1, parameters);
        var n2 = nest.Create(model, 1, parameters);
        var sg1 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 5.0 } });
        var sg2 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 5.0 } });
        var sg3 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 5.0 }, ["spike_multiplicities"] = new[] { 2L } });
        var synSpec = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["receptor_type"] = receptorType };

        // n1 receives two spikes with multiplicity 1, n2 one spike with multiplicity 2
        nest.Connect(sg1, n1, "all_to_all", synSpec);
        nest.Connect(sg2, n1, "all_to_all", synSpec);
        nest.Connect(sg3, n2, "all_to_all", synSpec);

        double v10 = n1.Get<double>("V_m");
        double v20 = n2.Get<double>("V_m");
        Assert.Equal(v20, v10, 1e-6 * Math.Abs(v20));

        nest.Simulate(8.0);

        double v1 = n1.Get<double>("V_m");
        double v2 = n2.Get<double>("V_m");
        Assert.Equal(v2, v1, 1e-6 * Math.Abs(v2));
        Assert.NotEqual(v10, v1);
    }
}
