namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// Connect: probabilistic rules onto recorders, infeasible degrees, generators and multimeters with one synapse model
/// and only static synapses, _hpc synapses to recorders, syn_spec dictionaries left unchanged.
/// </summary>
public sealed class ConnectRegressionTests
{
    private static Dictionary<string, object> Spec(params (string Key, object Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);

    // Rows: NEST's parametrisation: recorders other than multimeter, voltmeter, weight_recorder and the correlation
    // and spin detectors, times the four probabilistic rules.
    public static TheoryData<string, string> RecordersAndProbabilisticRules()
    {
        var data = new TheoryData<string, string>();
        var recorders = NodeModelSelection.Models(NodeModelSelection.OfElementType("recorder"), "multimeter", "voltmeter",
            "weight_recorder", "correlation_detector", "correlomatrix_detector", "correlospinmatrix_detector", "spin_detector");
        foreach (string model in recorders)
        {
            foreach (var rule in new[] { "fixed_indegree", "fixed_outdegree", "fixed_total_number", "pairwise_bernoulli" })
                data.Add(model, rule);
        }
        return data;
    }

    private static Dictionary<string, object> ProbabilisticConnSpec(string rule) => rule switch
    {
        "fixed_indegree" => Spec(("rule", rule), ("indegree", 1)),
        "fixed_outdegree" => Spec(("rule", rule), ("outdegree", 1)),
        "fixed_total_number" => Spec(("rule", rule), ("N", 1)),
        "pairwise_bernoulli" => Spec(("rule", rule), ("p", 1.0)),
        _ => throw new ArgumentException(rule),
    };

    // NEST: testsuite/pytests/regressions/test_issue_351.py::test_error_raised_for_illegal_connections_to_recording_device
    [Theory]
    [MemberData(nameof(RecordersAndProbabilisticRules))]
    public void ProbabilisticRulesOntoARecorder_AreIllegal(string model, string rule)
    {
        var nest = new Simulator();
        var nrn = nest.Create("iaf_psc_alpha", 1);
        var rec = nest.Create(model, 2);
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(nrn, rec, ProbabilisticConnSpec(rule)));
    }

    public static TheoryData<string, bool, bool, bool, string> ImpossibleScenarios() => new()
    {
        { "fixed_indegree", false, true, false, "Indegree" },
        { "fixed_indegree", false, false, false, "Indegree" },
        { "fixed_outdegree", false, true, true, "Outdegree" },
        { "fixed_outdegree", false, false, true, "Outdegree" },
    };

    private static Dictionary<string, object> DegreeSpec(string rule, int degree, bool allowMultapses, bool allowAutapses) =>
        Spec(("rule", rule), (rule == "fixed_indegree" ? "indegree" : "outdegree", degree),
            ("allow_multapses", allowMultapses), ("allow_autapses", allowAutapses));

    // NEST: testsuite/pytests/regressions/test_ticket_451.py::test_ticket_451_rejects_impossible_random_connect_requests
    [Theory]
    [MemberData(nameof(ImpossibleScenarios))]
    public void InfeasibleDegreeWithoutMultapses_IsRejected(string rule, bool allowMultapses, bool allowAutapses, bool useFirstAsSource, string errorPattern)
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 3);
        var first = nodes[..1];
        var (sources, targets) = useFirstAsSource ? (first, nodes) : (nodes, first);
        var e = Assert.Throws<BadPropertyException>(() => nest.Connect(sources, targets, DegreeSpec(rule, 4, allowMultapses, allowAutapses)));
        Assert.Matches(errorPattern, e.Message);
    }

    public static TheoryData<string, int, bool, bool, bool, int> ValidScenarios() => new()
    {
        { "fixed_indegree", 3, false, true, false, 3 },
        { "fixed_indegree", 2, false, true, false, 2 },
        { "fixed_indegree", 2, false, false, false, 2 },
        { "fixed_indegree", 1, true, true, false, 1 },
        { "fixed_outdegree", 3, false, true, true, 3 },
        { "fixed_outdegree", 2, false, true, true, 2 },
        { "fixed_outdegree", 2, false, false, true, 2 },
        { "fixed_outdegree", 1, true, false, true, 1 },
    };

    // NEST: testsuite/pytests/regressions/test_ticket_451.py::test_ticket_451_accepts_feasible_random_connect_requests
    [Theory]
    [MemberData(nameof(ValidScenarios))]
    public void FeasibleDegree_MakesTheRequestedConnections(string rule, int degree, bool allowMultapses, bool allowAutapses, bool useFirstAsSource, int expectedConnections)
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 3);
        var first = nodes[..1];
        var (sources, targets) = useFirstAsSource ? (first, nodes) : (nodes, first);
        nest.Connect(sources, targets, DegreeSpec(rule, degree, allowMultapses, allowAutapses));
        var connections = nest.GetConnections(source: sources, target: targets);
        Assert.Equal(expectedConnections, connections.Count);
    }

    // Rows: NEST's parametrisation: node models with element_type "stimulator", minus step_rate_generator.
    public static TheoryData<string> Stimulators() =>
        NodeModelSelection.Where(NodeModelSelection.OfElementType("stimulator"), "step_rate_generator");

    // NEST: testsuite/pytests/regressions/test_ticket_737.py::test_ticket_737_all_static
    [Theory]
    [MemberData(nameof(Stimulators))]
    public void Stimulator_CanConnectRepeatedlyWithStaticSynapse(string stimModel)
    {
        var nest = new Simulator();
        var stim = nest.Create(stimModel);
        var n = nest.Create("iaf_psc_alpha");
        nest.Connect(stim, n, "all_to_all", "static_synapse");
        nest.Connect(stim, n, "all_to_all", "static_synapse");
    }

    // NEST: testsuite/pytests/regressions/test_ticket_737.py::test_ticket_737_user_defined
    [Theory]
    [MemberData(nameof(Stimulators))]
    public void Stimulator_CanConnectRepeatedlyWithAUserDefinedSynapse(string stimModel)
    {
        var nest = new Simulator();
        var stim = nest.Create(stimModel);
        var n = nest.Create("iaf_psc_alpha");
        string synmodel = $"{stim.Get<string>("model")}_syn";
        nest.CopyModel("static_synapse", synmodel);
        nest.Connect(stim, n, "all_to_all", synmodel);
        nest.Connect(stim, n, "all_to_all", synmodel);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_737.py::test_ticket_737_break_on_different_types
    [Theory]
    [MemberData(nameof(Stimulators))]
    public void Stimulator_CannotConnectWithASecondSynapseModel(string stimModel)
    {
        var nest = new Simulator();
        var stim = nest.Create(stimModel);
        var n = nest.Create("iaf_psc_alpha");
        string synmodel = $"{stim.Get<string>("model")}_syn";
        nest.CopyModel("static_synapse", synmodel);
        nest.Connect(stim, n, "all_to_all", "static_synapse");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(stim, n, "all_to_all", synmodel));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_710.py::test_static_synapse_hpc_connects_to_spike_recorder
    [Fact]
    public void StaticSynapseHpc_ConnectsANeuronToASpikeRecorder()
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_psc_alpha");
        var sr = nest.Create("spike_recorder");
        nest.Connect(neuron, sr, null, Spec(("synapse_model", "static_synapse_hpc")));
    }

    private static readonly HashSet<string> ExcludedSynapses =
    [
        "eprop_learning_signal_connection", "eprop_learning_signal_connection_bsshslm_2020", "gap_junction",
        "sic_connection", "rate_connection_delayed", "rate_connection_instantaneous",
    ];

    private static void TryToConnect(Simulator nest, string src, string tgt, string syn, Dictionary<string, object>? srcParams = null)
    {
        nest.ResetKernel();
        var source = nest.Create(src, 1, srcParams);
        var target = nest.Create(tgt);
        var synSpec = Spec(("synapse_model", syn));
        if (nest.GetDefaults(syn).ContainsKey("volume_transmitter"))
        {
            var vt = nest.Create("volume_transmitter");
            nest.SetDefaults(syn, Spec(("volume_transmitter", vt)));
        }
        nest.Connect(source, target, null, synSpec);
    }

    private static string[] SynapseParamKeys(Simulator nest, string model) =>
        nest.GetDefaults(model).Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>NEST's split of the synapse models into static ones (the key set of static_synapse or of static_synapse_lbl) and plastic ones.</summary>
    private static (List<string> Static, List<string> Plastic) StaticAndPlasticSynapseModels(Simulator nest)
    {
        var staticDefaults = SynapseParamKeys(nest, "static_synapse");
        var staticLabelledDefaults = SynapseParamKeys(nest, "static_synapse_lbl");
        bool IsStatic(string m) => SynapseParamKeys(nest, m) is var keys && (keys.SequenceEqual(staticDefaults) || keys.SequenceEqual(staticLabelledDefaults));
        var candidates = nest.SynapseModels().Where(m => !ExcludedSynapses.Contains(m)).ToList();
        return (candidates.Where(IsStatic).ToList(), candidates.Where(m => !IsStatic(m)).ToList());
    }

    // NEST: testsuite/pytests/regressions/test_ticket_478.py::test_generators_static_and_plastic_synapses
    [Fact]
    public void Generators_ConnectToNeuronsOnlyThroughStaticSynapses()
    {
        var nest = new Simulator();
        string[] candidateGenerators =
        [
            "gamma_sup_generator", "mip_generator", "noise_generator", "poisson_generator", "ppd_sup_generator",
            "sinusoidal_gamma_generator", "poisson_generator_ps",
        ];
        var dsModels = candidateGenerators.Where(m => nest.NodeModels().Contains(m)).ToList();
        Assert.NotEmpty(dsModels);

        var (staticSynModels, plasticSynModels) = StaticAndPlasticSynapseModels(nest);
        Assert.NotEmpty(staticSynModels);
        Assert.NotEmpty(plasticSynModels);

        foreach (var syn in staticSynModels)
        {
            foreach (var gen in dsModels)
                TryToConnect(nest, gen, "iaf_psc_alpha", syn);
        }

        foreach (var syn in plasticSynModels)
        {
            foreach (var gen in dsModels)
            {
                var e = Assert.ThrowsAny<NestException>(() => TryToConnect(nest, gen, "iaf_psc_alpha", syn));
                Assert.True(e is IllegalConnectionException, $"{gen} -> iaf_psc_alpha with {syn}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    // NEST: testsuite/pytests/regressions/test_ticket_478.py::test_multimeter_static_and_plastic_synapses
    [Fact]
    public void Multimeter_ConnectsOnlyThroughStaticNonHpcSynapses()
    {
        var nest = new Simulator();
        var (staticSynModels, plasticSynModels) = StaticAndPlasticSynapseModels(nest);
        Assert.NotEmpty(staticSynModels);
        Assert.NotEmpty(plasticSynModels);

        var staticNonHpcModels = staticSynModels.Where(m => !m.EndsWith("_hpc", StringComparison.Ordinal)).ToList();
        var modelsToFail = plasticSynModels.Concat(staticSynModels.Where(m => m.EndsWith("_hpc", StringComparison.Ordinal))).ToList();
        var mmParams = Spec(("record_from", new[] { "V_m" }));

        foreach (var syn in staticNonHpcModels)
            TryToConnect(nest, "multimeter", "iaf_psc_alpha", syn, mmParams);

        foreach (var syn in modelsToFail)
        {
            var e = Assert.ThrowsAny<NestException>(() => TryToConnect(nest, "multimeter", "iaf_psc_alpha", syn, mmParams));
            Assert.True(e is IllegalConnectionException, $"multimeter -> iaf_psc_alpha with {syn}: {e.GetType().Name}: {e.Message}");
        }
    }

    // NEST: testsuite/pytests/regressions/test_regression_issue-2069.py::SynSpecCopyTestCase::test_syn_spec_copied
    [Fact]
    public void SynSpecWithAWeightArray_IsNotModifiedByConnect()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 4);
        var weights = new[] { 1.0, 2.0, 3.0, 4.0 };
        var synSpec = Spec(("synapse_model", "stdp_synapse"), ("weight", weights));
        nest.Connect(nodes, nodes, "one_to_one", synSpec);

        Assert.Equal(["synapse_model", "weight"], synSpec.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("stdp_synapse", synSpec["synapse_model"]);
        Assert.Same(weights, synSpec["weight"]);
        Assert.Equal(new[] { 1.0, 2.0, 3.0, 4.0 }, weights);
    }

    // NEST: testsuite/pytests/regressions/test_regression_issue-2069.py::SynSpecCopyTestCase::test_syn_spec_copied_with_parameter
    [Fact]
    public void SynSpecWithAWeightParameter_IsNotModifiedByConnect()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 4);
        var weightParam = nest.Random.Uniform(0.0, 5);
        var synSpec = Spec(("synapse_model", "stdp_synapse"), ("weight", weightParam));
        nest.Connect(nodes, nodes, null, synSpec);

        Assert.Equal(["synapse_model", "weight"], synSpec.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("stdp_synapse", synSpec["synapse_model"]);
        Assert.Same(weightParam, synSpec["weight"]);
        var uniform = Assert.IsType<UniformParameter>(weightParam);
        Assert.Equal((0.0, 5.0), (uniform.Lower, uniform.Upper));
    }
}
