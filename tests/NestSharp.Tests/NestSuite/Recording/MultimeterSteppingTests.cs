using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/recording/test_multimeter_stepping.py</c>. The parametrisation is NEST's:
/// every model with a non-empty recordables list except NEST's skip list (rate and binary neurons, generators), taken
/// from NestSharp's models. pandas' <c>assert_frame_equal</c> of the events becomes the equality of every events array.
/// </summary>
public sealed class MultimeterSteppingTests
{
    /// <summary>NEST's skip_models (the ones NestSharp has: binary neurons, and generators, which take no spike input).</summary>
    private static readonly HashSet<string> SkipModels =
        ["erfc_neuron", "ginzburg_neuron", "mcculloch_pitts_neuron", "ac_generator", "dc_generator", "noise_generator", "step_current_generator",
         "step_rate_generator",
         "sinusoidal_poisson_generator", "sinusoidal_gamma_generator",
         "siegert_neuron", "gauss_rate_ipn", "lin_rate_ipn", "lin_rate_opn", "sigmoid_rate_gg_1998_ipn", "sigmoid_rate_ipn", "tanh_rate_ipn", "tanh_rate_opn",
         "threshold_lin_rate_ipn", "threshold_lin_rate_opn", "rate_transformer_gauss", "rate_transformer_lin", "rate_transformer_sigmoid",
         "rate_transformer_sigmoid_gg_1998", "rate_transformer_tanh", "rate_transformer_threshold_lin"];

    /// <summary>NEST's extra_params: models that take spikes on receptor 1 (the ones NestSharp has).</summary>
    private static readonly Dictionary<string, long> ExtraReceptorType = new()
    {
        ["pp_cond_exp_mc_urbanczik"] = 1, ["iaf_psc_alpha_multisynapse"] = 1, ["iaf_psc_exp_multisynapse"] = 1,
        ["gif_psc_exp_multisynapse"] = 1, ["gif_cond_exp_multisynapse"] = 1,
        ["aeif_cond_alpha_multisynapse"] = 1, ["aeif_cond_beta_multisynapse"] = 1, ["glif_psc"] = 1, ["glif_psc_double_alpha"] = 1,
        ["iaf_cond_alpha_mc"] = 1, ["glif_cond"] = 1, ["ht_neuron"] = 1, ["iaf_bw_2001"] = 1, ["iaf_bw_2001_exact"] = 1,
    };

    public static TheoryData<string> Models() => NodeModelsWhere(d =>
        d.TryGetValue("recordables", out var r) && r is string[] { Length: > 0 } && !SkipModels.Contains((string)d["model"]));

    /// <summary>
    /// Build network to be tested: a multimeter records all recordables of the model at the resolution; the neuron
    /// receives Poisson input.
    /// </summary>
    private static (Simulator Nest, NodeCollection Multimeter) BuildNet(string model)
    {
        var nest = new Simulator();
        var nrn = nest.Create(model);
        var pg = nest.Create("poisson_generator", 1, new() { ["rate"] = 1e4 });
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = nest.Resolution, ["record_from"] = Recordables(nrn) });

        long receptorType = ExtraReceptorType.GetValueOrDefault(model);

        nest.Connect(mm, nrn);
        nest.Connect(pg, nrn, syn: new Dictionary<string, object> { ["receptor_type"] = receptorType });

        return (nest, mm);
    }

    private static void AssertFrameEqual(Dictionary<string, object> expected, Dictionary<string, object> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, column) in expected) Assert.Equal((System.Collections.IEnumerable)column, (System.Collections.IEnumerable)actual[key]);
    }

    // NEST: testsuite/pytests/recording/test_multimeter_stepping.py::test_multimeter_stepping
    [Theory]
    [MemberData(nameof(Models))]
    public void MultimeterStepping(string model)
    {
        var (nest, mm) = BuildNet(model);
        double minDelay = (double)nest.GetKernelStatus("min_delay");
        nest.Simulate(50 * minDelay);
        var df = Events(mm);

        var (nestStepwise, mmStepwise) = BuildNet(model);
        for (int i = 0; i < 50; i++) nestStepwise.Simulate((double)nestStepwise.GetKernelStatus("min_delay"));

        var dfStepwise = Events(mmStepwise);

        Assert.NotEmpty((double[])df["times"]); // (not in NEST: the comparison must not be of two empty tables)
        AssertFrameEqual(df, dfStepwise);
    }
}
