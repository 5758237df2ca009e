namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// NEST's testsuite/pytests/other/test_refractory.py (TestRefractoryCase): every neuron model with a t_ref implements
/// its refractory period. A strong DC current (1200 pA) makes the neuron spike within the first 50 ms; the voltmeter
/// must show V_m at V_reset for exactly t_ref = 1.7 ms after the first spike (after the clamp of models that clamp
/// V_m first). Models that do not clamp V_m are driven so hard that they fire again at once: the interspike interval
/// (minus one step) is t_ref. NEST's test loops over the models in one function; here each model is one row.
/// </summary>
public sealed class RefractoryTests
{
    private const double Resolution = 0.1;
    private const double TRef = 1.7;
    private const double SimTime = 100;

    /// <summary>Neurons tested through a high current that makes them spike immediately (t_ref = interspike interval).</summary>
    private static readonly string[] NeuronsInterspike = ["amat2_psc_exp", "ht_neuron", "mat2_psc_exp"];

    private static readonly string[] NeuronsInterspikePs = ["iaf_psc_alpha_ps", "iaf_psc_delta_ps", "iaf_psc_exp_ps"];

    private static readonly string[] NeuronsEprop = ["eprop_iaf_bsshslm_2020", "eprop_iaf_adapt_bsshslm_2020", "eprop_iaf", "eprop_iaf_adapt"];

    /// <summary>Models that first clamp the membrane potential at a higher value.</summary>
    private static readonly string[] NeuronsWithClamping = ["aeif_psc_delta_clopath"];

    /// <summary>Multi-compartment models.</summary>
    private static readonly string[] McModels = ["iaf_cond_alpha_mc"];

    /// <summary>Models that cannot be tested (the Hodgkin-Huxley models do not reset V_m; others as NEST says).</summary>
    private static readonly string[] IgnoreModel =
    [
        "gif_pop_psc_exp", "hh_cond_exp_traub", "hh_cond_beta_gap_traub", "hh_psc_alpha", "hh_psc_alpha_clopath",
        "hh_psc_alpha_gap", "pp_cond_exp_mc_urbanczik", "iaf_psc_exp_ps_lossless", "siegert_neuron", "step_rate_generator",
        "eprop_readout_bsshslm_2020", "eprop_readout", "iaf_tum_2000", "iaf_bw_2001", "iaf_bw_2001_exact",
    ];

    /// <summary>Additional parameters for the connection of the current generator.</summary>
    private static readonly Dictionary<string, Dictionary<string, object>> AddConnectParam = new()
    {
        ["iaf_cond_alpha_mc"] = new() { ["receptor_type"] = 7L },
    };

    /// <summary>NEST's tested_models (neurons not ignored), restricted to those with a t_ref as the loop does.</summary>
    public static TheoryData<string> TestedModels()
    {
        var nest = new Simulator();
        var rows = new TheoryData<string>();
        foreach (string model in nest.NodeModels())
        {
            var defaults = nest.GetDefaults(model);
            if ((string)defaults["element_type"] == "neuron" && !IgnoreModel.Contains(model) && defaults.ContainsKey("t_ref")) rows.Add(model);
        }
        return rows;
    }

    // NEST: testsuite/pytests/other/test_refractory.py::TestRefractoryCase::test_refractory_time
    [Theory]
    [MemberData(nameof(TestedModels))]
    public void RefractoryTime(string model)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = Resolution, ["rng_seed"] = 123456L });

        var neuron = nest.Create(model, 1, new() { ["t_ref"] = TRef });
        string nameVm = McModels.Contains(model) ? "V_m.s" : "V_m";
        var vm = nest.Create("voltmeter", 1, new() { ["interval"] = Resolution, ["record_from"] = new[] { nameVm } });
        var sr = nest.Create("spike_recorder");
        double amplitude = 1200.0;
        // Models that do not clamp V_m get a very large current, so that t_ref almost equals the interspike interval.
        if (NeuronsInterspikePs.Contains(model) || NeuronsEprop.Contains(model)) amplitude = 10000000.0;
        else if (model == "ht_neuron") amplitude = 2000.0; // a very large amplitude takes ht_neuron too long
        else if (NeuronsInterspike.Contains(model)) amplitude = 15000.0;
        var cg = nest.Create("dc_generator", 1, new() { ["amplitude"] = amplitude });

        nest.Connect(vm, neuron);
        nest.Connect(cg, neuron, syn: AddConnectParam.GetValueOrDefault(model, []));
        nest.Connect(neuron, sr);

        nest.Simulate(SimTime);

        double tRefSim = ComputeRefTime(model, sr, vm, neuron, nameVm);
        if (NeuronsWithClamping.Contains(model)) tRefSim -= neuron.Get<double>("t_clamp");

        // Approximate result for precise spikes (interpolation error): 3 places, else unittest's default of 7.
        int places = NeuronsInterspikePs.Contains(model) || NeuronsEprop.Contains(model) ? 3 : 7;
        Assert.True(Math.Round(TRef - tRefSim, places) == 0, $"Error in model {model}: {TRef} != {tRefSim}");
    }

    /// <summary>NEST's compute_reftime: the simulated refractory period of the neuron.</summary>
    private static double ComputeRefTime(string model, NodeCollection sr, NodeCollection vm, NodeCollection neuron, string nameVm)
    {
        double[] spikeTimes = NestSuiteHelpers.Doubles(sr, "times");
        Assert.True(spikeTimes.Length >= 2, $"{model}: {spikeTimes.Length} spikes in {SimTime} ms");
        if (NeuronsInterspike.Contains(model)) return spikeTimes[1] - spikeTimes[0] - Resolution; // spike emitted at the next step
        if (NeuronsInterspikePs.Contains(model) || NeuronsEprop.Contains(model)) return spikeTimes[1] - spikeTimes[0];

        double vr = neuron.Get<double>("V_reset");
        double[] times = NestSuiteHelpers.Doubles(vm, "times");
        double[] vs = NestSuiteHelpers.Doubles(vm, nameVm);
        int idxMax = Array.IndexOf(times, spikeTimes[1]); // index of the 2nd spike
        int idxSpike = Array.IndexOf(times, spikeTimes[0]); // index at which the first spike occurred
        // End of the refractory period between the 1st and the 2nd spike: the last sample np.isclose(V, V_reset, 1e-6).
        int idxEnd = -1;
        for (int i = idxSpike; i < idxMax; i++)
        {
            if (Math.Abs(vs[i] - vr) <= 1e-8 + 1e-6 * Math.Abs(vr)) idxEnd = i - idxSpike;
        }
        Assert.True(idxEnd >= 0, $"{model}: V_m never at V_reset between the first two spikes");
        return idxEnd * Resolution;
    }
}
