using System.Collections;

namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// Neuron parameters and state: bad values rejected with threads, V_m from constants and random parameters (with
/// arithmetic), a spike at the first step when V_m ≥ V_th, a resting V_m kept over one step, E_L changed alone,
/// degenerate time constants, positive-only parameters.
/// </summary>
public sealed class ModelParameterRegressionTests
{
    private static Simulator FourThreads()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 4);
        return nest;
    }

    // NEST: testsuite/pytests/regressions/test_issue_545.py::test_set_bad_property_on_default_raises
    [Fact]
    public void NegativeTauMInSetDefaults_IsBadProperty()
    {
        var nest = FourThreads();
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("iaf_psc_alpha", new() { ["tau_m"] = -10 }));
    }

    // NEST: testsuite/pytests/regressions/test_issue_545.py::test_set_bad_property_on_neuron_raises
    [Fact]
    public void NegativeTauMOnANeuron_IsBadProperty()
    {
        var nest = FourThreads();
        var n = nest.Create("iaf_psc_alpha");
        Assert.Throws<BadPropertyException>(() => n.Set(new Dictionary<string, object> { ["tau_m"] = -10 }));
    }

    // NEST: testsuite/pytests/regressions/test_issue_545.py::test_set_bad_property_on_synapse_raises
    [Fact]
    public void NegativeDelayInConnect_IsBadDelay()
    {
        var nest = FourThreads();
        var n = nest.Create("iaf_psc_alpha");
        Assert.Throws<BadDelayException>(() => nest.Connect(n, n, null, new Dictionary<string, object> { ["delay"] = -10 }));
    }

    // Rows: NEST's parametrisation: node models with V_m in their defaults.
    public static TheoryData<string> ModelsWithVm() => NodeModelSelection.Where(NodeModelSelection.Having("V_m"));

    // NEST: testsuite/pytests/regressions/test_regression_issue-2480.py::test_set_vm
    [Theory]
    [MemberData(nameof(ModelsWithVm))]
    public void VmCanBeSetFromAConstantAndFromARandomParameter(string model)
    {
        var nest = new Simulator();
        var n = nest.Create(model);
        n.Set("V_m", 0.5); // any NestException fails the test: "Setting a V_m with a constant raises"
        n.Set("V_m", nest.Random.Uniform(0.0, 1.0)); // "Setting a V_m with a parameter raises"
    }

    /// <summary>The operator PyNEST does not have for these operands (its TypeError).</summary>
    private sealed class UnsupportedInNestException : Exception;

    /// <summary>
    /// <c>op(lhs, rhs)</c> with one operand a Parameter and the other a number, as Python's operator module applies it.
    /// Where NEST raises TypeError (<c>number ** Parameter</c>, <c>%</c>) this throws <see cref="UnsupportedInNestException"/>;
    /// where NEST has the operator and NestSharp does not, <see cref="MissingApi.Operator"/>.
    /// </summary>
    private static Parameter Apply(string op, object lhs, object rhs) => (op, lhs, rhs) switch
    {
        ("add", Parameter p, _) => p + Convert.ToDouble(rhs),
        ("mul", Parameter p, _) => p * Convert.ToDouble(rhs),
        ("pow", not Parameter, Parameter) => throw new UnsupportedInNestException(),
        ("mod", _, _) => throw new UnsupportedInNestException(),
        _ => MissingApi.Operator(op, lhs, rhs),
    };

    private const string NeedsParameterOperators =
        "needs: Parameter arithmetic with a number on either side (number + - * / Parameter, Parameter - / ** number, Parameter op Parameter) (parameters)";

    // NEST: testsuite/pytests/regressions/test_regression_issue-3156.py::test_params_random_denominator
    [Theory]
    [InlineData("add", 1, Skip = NeedsParameterOperators)]
    [InlineData("add", 2, Skip = NeedsParameterOperators)]
    [InlineData("add", 2.0, Skip = NeedsParameterOperators)]
    [InlineData("sub", 1, Skip = NeedsParameterOperators)]
    [InlineData("sub", 2, Skip = NeedsParameterOperators)]
    [InlineData("sub", 2.0, Skip = NeedsParameterOperators)]
    [InlineData("mul", 1, Skip = NeedsParameterOperators)]
    [InlineData("mul", 2, Skip = NeedsParameterOperators)]
    [InlineData("mul", 2.0, Skip = NeedsParameterOperators)]
    [InlineData("truediv", 1, Skip = NeedsParameterOperators)]
    [InlineData("truediv", 2, Skip = NeedsParameterOperators)]
    [InlineData("truediv", 2.0, Skip = NeedsParameterOperators)]
    [InlineData("pow", 1)]
    [InlineData("pow", 2)]
    [InlineData("pow", 2.0)]
    [InlineData("mod", 1)]
    [InlineData("mod", 2)]
    [InlineData("mod", 2.0)]
    public void NumberOperatorRandomParameter_GivesEveryNeuronItsOwnValue(string op, object lhs)
    {
        const int numNeurons = 10;
        var nest = new Simulator();
        NodeCollection n;
        try
        {
            n = nest.Create("iaf_psc_alpha", numNeurons, new() { ["V_m"] = Apply(op, lhs, nest.Random.Uniform(1, 2)) });
        }
        catch (UnsupportedInNestException)
        {
            return; // operation not supported for parameter
        }
        Assert.Equal(numNeurons, n.GetValues<double>("V_m").Distinct().Count());
    }

    // NEST: testsuite/pytests/regressions/test_regression_issue-3156.py::test_params_random_numerator
    [Theory]
    [InlineData("add", 1)]
    [InlineData("add", 2)]
    [InlineData("add", 2.0)]
    [InlineData("sub", 1, Skip = NeedsParameterOperators)]
    [InlineData("sub", 2, Skip = NeedsParameterOperators)]
    [InlineData("sub", 2.0, Skip = NeedsParameterOperators)]
    [InlineData("mul", 1)]
    [InlineData("mul", 2)]
    [InlineData("mul", 2.0)]
    [InlineData("truediv", 1, Skip = NeedsParameterOperators)]
    [InlineData("truediv", 2, Skip = NeedsParameterOperators)]
    [InlineData("truediv", 2.0, Skip = NeedsParameterOperators)]
    [InlineData("pow", 1, Skip = NeedsParameterOperators)]
    [InlineData("pow", 2, Skip = NeedsParameterOperators)]
    [InlineData("pow", 2.0, Skip = NeedsParameterOperators)]
    [InlineData("mod", 1)]
    [InlineData("mod", 2)]
    [InlineData("mod", 2.0)]
    public void RandomParameterOperatorNumber_GivesEveryNeuronItsOwnValue(string op, object rhs)
    {
        const int numNeurons = 10;
        var nest = new Simulator();
        NodeCollection n;
        try
        {
            n = nest.Create("iaf_psc_alpha", numNeurons, new() { ["V_m"] = Apply(op, nest.Random.Uniform(1, 2), rhs) });
        }
        catch (UnsupportedInNestException)
        {
            return; // operation not supported for parameter
        }
        Assert.Equal(numNeurons, n.GetValues<double>("V_m").Distinct().Count());
    }

    // NEST: testsuite/pytests/regressions/test_regression_issue-3156.py::test_random_numer_and_denom
    [Fact(Skip = NeedsParameterOperators)]
    public void RandomNumeratorOverRandomSign_GivesDistinctValuesOfBothSigns()
    {
        const int numNeurons = 50;
        var nest = new Simulator();
        var denominator = MissingApi.Operator("sub", 1.0, MissingApi.Operator("mul", 2.0, nest.Random.UniformInt(2)));
        var n = nest.Create("iaf_psc_alpha", numNeurons, new() { ["V_m"] = MissingApi.Operator("truediv", nest.Random.Uniform(1, 2), denominator) });
        var vm = n.GetValues<double>("V_m");
        Assert.Equal(numNeurons, vm.Distinct().Count());
        Assert.Contains(vm, v => v < 0);
        Assert.Contains(vm, v => v >= 0);
    }

    // Rows: NEST's parametrisation: node models with V_m and V_th, minus its skip list.
    public static TheoryData<string> ModelsWithVmAndVth() => NodeModelSelection.Where(NodeModelSelection.Having("V_m", "V_th"),
        "correlospinmatrix_detector", "eprop_iaf_bsshslm_2020", "eprop_iaf_adapt_bsshslm_2020", "eprop_readout_bsshslm_2020",
        "eprop_iaf", "eprop_iaf_adapt", "eprop_iaf_psc_delta", "eprop_iaf_psc_delta_adapt", "eprop_readout", "iaf_chxk_2008",
        "izhikevich");

    // NEST: testsuite/pytests/regressions/test_ticket_310.py::test_ticket_310
    [Theory]
    [MemberData(nameof(ModelsWithVmAndVth))]
    public void VmAboveThreshold_SpikesAtTheFirstStep(string model)
    {
        const double timeResolution = 0.125; // 2**-3
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", timeResolution);
        var nrn = nest.Create(model);
        nrn.Set("V_m", nrn.Get<double>("V_th") + 15);
        nest.Simulate(timeResolution);
        double tSpike = nrn.Get<double>("t_spike");
        Assert.True(0 < tSpike && tSpike <= timeResolution, $"t_spike = {tSpike}");
    }

    // Rows: NEST's parametrisation: node models with V_m, minus those without a steady-state V_m.
    public static TheoryData<string> ModelsWithSteadyVm() => NodeModelSelection.Where(NodeModelSelection.Having("V_m"),
        "aeif_cond_exp", "aeif_cond_alpha", "a2eif_cond_exp", "a2eif_cond_exp_HW", "aeif_cond_alpha_multisynapse",
        "aeif_psc_delta_clopath", "aeif_cond_alpha_astro", "aeif_psc_exp", "aeif_psc_alpha", "aeif_psc_delta",
        "aeif_cond_beta_multisynapse", "hh_cond_exp_traub", "hh_cond_beta_gap_traub", "hh_psc_alpha", "hh_psc_alpha_clopath",
        "hh_psc_alpha_gap", "ht_neuron", "ht_neuron_fs", "iaf_cond_exp_sfa_rr", "izhikevich", "eprop_iaf_bsshslm_2020",
        "eprop_iaf_adapt_bsshslm_2020", "eprop_readout_bsshslm_2020", "eprop_iaf", "eprop_iaf_adapt", "eprop_iaf_psc_delta",
        "eprop_iaf_psc_delta_adapt", "eprop_readout");

    // NEST: testsuite/pytests/regressions/test_ticket_421.py::test_ticket_421_membrane_potential_stays_constant
    [Theory]
    [MemberData(nameof(ModelsWithSteadyVm))]
    public void RestingVm_IsKeptOverOneStep(string model)
    {
        const double resolution = 0.125;
        var nest = new Simulator();
        double vm0 = Convert.ToDouble(nest.GetDefaults(model)["V_m"]);
        nest.SetKernelStatus(new() { ["resolution"] = resolution });
        var neuron = nest.Create(model);
        nest.Simulate(resolution);
        double vm = neuron.Get<double>("V_m");
        Assert.Equal(vm0, vm, 1e-13);
    }

    // Rows: NEST's parametrisation: node models with E_L, minus gif_cond_exp_multisynapse.
    public static TheoryData<string> ModelsWithEL() =>
        NodeModelSelection.Where(NodeModelSelection.Having("E_L"), "gif_cond_exp_multisynapse");

    // NEST: testsuite/pytests/regressions/test_ticket_459.py::test_clean_EL_change
    [Theory]
    [MemberData(nameof(ModelsWithEL))]
    public void ChangingEL_ChangesNoOtherStatusEntry(string model)
    {
        var nest = new Simulator();
        var nrn = nest.Create(model);
        var origParams = new Dictionary<string, object>(nrn.GetStatus()[0]);
        double elOrig = Convert.ToDouble(origParams["E_L"]);
        double elNew = elOrig + 0.7;
        nrn.Set("E_L", elNew);
        Assert.Equal(elNew, nrn.Get<double>("E_L"));

        var newParams = new Dictionary<string, object>(nrn.GetStatus()[0]);
        origParams.Remove("E_L");
        newParams.Remove("E_L");
        AssertDeepEqual(origParams, newParams, "");
    }

    /// <summary>numpy.testing.assert_equal on status dictionaries: same keys, equal values (NaN equals NaN), recursively.</summary>
    private static void AssertDeepEqual(object? expected, object? actual, string path)
    {
        switch (expected)
        {
            case IDictionary<string, object> e when actual is IDictionary<string, object> a:
                Assert.True(e.Keys.Order().SequenceEqual(a.Keys.Order()),
                    $"{path}: keys differ: [{string.Join(", ", e.Keys.Order())}] vs [{string.Join(", ", a.Keys.Order())}]");
                foreach (var key in e.Keys) AssertDeepEqual(e[key], a[key], $"{path}/{key}");
                break;
            case string s:
                Assert.Equal(s, actual);
                break;
            case IEnumerable e when actual is IEnumerable a and not string:
                var el = e.Cast<object?>().ToList();
                var al = a.Cast<object?>().ToList();
                Assert.True(el.Count == al.Count, $"{path}: {el.Count} vs {al.Count} entries");
                for (int i = 0; i < el.Count; i++) AssertDeepEqual(el[i], al[i], $"{path}[{i}]");
                break;
            case double d when actual is double ad:
                Assert.True(d.Equals(ad), $"{path}: {d} vs {ad}");
                break;
            default:
                Assert.True(Equals(expected, actual), $"{path}: {expected} vs {actual}");
                break;
        }
    }

    // NEST: testsuite/pytests/regressions/test_ticket_618.py::test_ticket_618_tau_parameters_raise_or_behave
    [Fact]
    public void EqualTimeConstants_AreRejectedOrGiveAFiniteVm()
    {
        HashSet<string> excludedModels =
        [
            "eprop_iaf_bsshslm_2020", "eprop_iaf_adapt_bsshslm_2020", "eprop_readout_bsshslm_2020", "eprop_iaf",
            "eprop_iaf_adapt", "eprop_iaf_psc_delta", "eprop_iaf_psc_delta_adapt", "eprop_readout", "iaf_bw_2001",
        ];
        var failingModels = new List<string>();
        var nest = new Simulator();
        foreach (var model in nest.NodeModels())
        {
            if (excludedModels.Contains(model)) continue;
            nest.ResetKernel();
            var defaults = nest.GetDefaults(model);
            if (!defaults.ContainsKey("V_m")) continue;
            var tauKeys = defaults.Keys.Where(key => key.StartsWith("tau_", StringComparison.Ordinal)).ToList();
            if (tauKeys.Count == 0) continue;
            var tauParams = tauKeys.ToDictionary(key => key, _ => (object)10.0);

            NodeCollection neuron;
            try
            {
                neuron = nest.Create(model, 1, tauParams);
            }
            catch (Exception e) when (e is BadPropertyException or TypeMismatchException or BadParameterException)
            {
                continue;
            }

            nest.Simulate(10.0);
            if (double.IsNaN(neuron.Get<double>("V_m"))) failingModels.Add(model);
        }

        Assert.True(failingModels.Count == 0, $"Models with NaN membrane potential: {string.Join(", ", failingModels.Order())}");
    }

    private static readonly HashSet<string> SkippedModels686 =
        ["correlation_detector", "correlomatrix_detector", "correlospinmatrix_detector", "siegert_neuron"];

    private static readonly Dictionary<string, string[]> DimensionPairs = new()
    {
        ["tau_sfa"] = ["q_sfa"],
        ["tau_stc"] = ["q_stc"],
    };

    private static List<string> PositiveKeys(Simulator nest, string model) =>
        nest.GetDefaults(model).Keys.Where(key => key == "C_m" || key.StartsWith("tau_", StringComparison.Ordinal)).ToList();

    private static double[] AsNumericTuple(object value) => value switch
    {
        double d => [d],
        IEnumerable e and not string => e.Cast<object>().Select(Convert.ToDouble).ToArray(),
        _ => [Convert.ToDouble(value)],
    };

    private static object CastLike(object reference, double[] values) => reference switch
    {
        double[] => values,
        IEnumerable and not string => values.ToList(),
        _ => values.Length == 1 ? values[0] : values,
    };

    private static bool AllClose(double[] a, double[] b, double absTol = 1e-12) =>
        a.Length == b.Length && a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= absTol);

    private static (bool Success, string? Error) TestParameterUpdate(NodeCollection neuron, string key, object rawValue, double[] newValues)
    {
        var update = new Dictionary<string, object> { [key] = CastLike(rawValue, newValues) };
        foreach (var pair in DimensionPairs.GetValueOrDefault(key, []))
            update[pair] = neuron.Get(pair);
        try
        {
            neuron.Set(update);
            return (true, null);
        }
        catch (NestException e)
        {
            return (false, e.Message);
        }
    }

    // NEST: testsuite/pytests/regressions/test_ticket_686_positive_parameters.py::test_ticket_686_rejects_non_positive_values
    [Fact]
    public void PositiveParameters_RejectZeroAndNegativeValues_AndKeepTheirValue()
    {
        var nest = new Simulator();
        var models = nest.NodeModels().Where(m => !SkippedModels686.Contains(m)).ToList();
        Assert.NotEmpty(models);
        var failingCases = new List<string>();
        foreach (var model in models)
        {
            var positiveKeys = PositiveKeys(nest, model);
            if (positiveKeys.Count == 0) continue;
            nest.ResetKernel();
            nest.SetKernelStatus(new() { ["dict_miss_is_error"] = false });
            foreach (var key in positiveKeys)
            {
                foreach (double candidate in new[] { 0.0, -1.0 })
                {
                    if (model == "iaf_tum_2000" && candidate == 0.0) continue;
                    var neuron = nest.Create(model);
                    var rawValue = neuron.Get(key);
                    var originalValues = AsNumericTuple(rawValue);
                    if (originalValues.Length == 0) continue;
                    var invalidValues = originalValues.Select(_ => candidate).ToArray();
                    var (success, _) = TestParameterUpdate(neuron, key, rawValue, invalidValues);
                    var currentValues = AsNumericTuple(neuron.Get(key));
                    if (success)
                        failingCases.Add($"({model}, {key}, {(AllClose(currentValues, originalValues) ? "silently_ignored" : "accepted")}_non_positive_{candidate})");
                    else if (!AllClose(currentValues, originalValues))
                        failingCases.Add($"({model}, {key}, value_changed_after_exception)");
                }
            }
        }

        Assert.True(failingCases.Count == 0, $"Models not rejecting non-positive values: {string.Join(", ", failingCases)}");
    }

    // NEST: testsuite/pytests/regressions/test_ticket_686_positive_parameters.py::test_ticket_686_accepts_positive_assignments
    [Fact]
    public void PositiveParameters_AcceptLargerPositiveValues()
    {
        var nest = new Simulator();
        var models = nest.NodeModels().Where(m => !SkippedModels686.Contains(m)).ToList();
        Assert.NotEmpty(models);
        var failingCases = new List<string>();
        foreach (var model in models)
        {
            if (model == "iaf_psc_exp_ps_lossless") continue;
            var positiveKeys = PositiveKeys(nest, model);
            if (positiveKeys.Count == 0) continue;
            nest.ResetKernel();
            nest.SetKernelStatus(new() { ["dict_miss_is_error"] = false });
            foreach (var key in positiveKeys)
            {
                var neuron = nest.Create(model);
                var rawValue = neuron.Get(key);
                var originalValues = AsNumericTuple(rawValue);
                if (originalValues.Length == 0) continue;
                var newValues = originalValues.Select(v => v + 1.0).ToArray();
                var (success, errorMsg) = TestParameterUpdate(neuron, key, rawValue, newValues);
                if (success)
                {
                    if (!AllClose(AsNumericTuple(neuron.Get(key)), newValues))
                        failingCases.Add($"({model}, {key}, value_not_updated)");
                }
                else
                {
                    failingCases.Add($"({model}, {key}, raised_exception:{errorMsg})");
                }
            }
        }

        Assert.True(failingCases.Count == 0, $"Models not accepting positive updates: {string.Join(", ", failingCases)}");
    }
}
