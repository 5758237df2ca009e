namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_eprop_plasticity.py: connecting through eprop_synapse, its restriction to
/// e-prop targets, the surrogate gradient functions against NEST's values, and the cleaning of the e-prop history.
/// test_eprop_regression (the sine-wave regression task) is not ported: it needs step_rate_generator, which NestSharp
/// lacks.
/// </summary>
public sealed class TestEpropPlasticity
{
    private static readonly string[] SupportedSourceModels = ["eprop_iaf", "eprop_iaf_adapt", "eprop_iaf_psc_delta", "eprop_iaf_psc_delta_adapt"];
    private static readonly string[] SupportedTargetModels = [.. SupportedSourceModels, "eprop_readout"];

    /// <summary>The rows whose models NestSharp has.</summary>
    private static bool Has(string model) => new Simulator().NodeModels().Contains(model);

    public static TheoryData<string, string> SourceAndTarget()
    {
        var data = new TheoryData<string, string>();
        foreach (var source in SupportedSourceModels)
        {
            foreach (var target in SupportedTargetModels)
                if (Has(source) && Has(target)) data.Add(source, target);
        }
        return data;
    }

    // NEST: testsuite/pytests/synapses/test_eprop_plasticity.py::test_connect_with_eprop_synapse
    [Theory]
    [MemberData(nameof(SourceAndTarget))]
    public void ConnectWithEpropSynapse(string sourceModel, string targetModel)
    {
        var nest = new Simulator();
        var src = nest.Create(sourceModel);
        var tgt = nest.Create(targetModel);
        nest.Connect(src, tgt, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "eprop_synapse", ["delay"] = nest.GetKernelStatus("resolution") });
    }

    public static TheoryData<string> UnsupportedTargets()
    {
        var data = new TheoryData<string>();
        foreach (var model in new Simulator().NodeModels())
            if (!SupportedTargetModels.Contains(model)) data.Add(model);
        return data;
    }

    // NEST: testsuite/pytests/synapses/test_eprop_plasticity.py::test_unsupported_model_raises
    [Theory]
    [MemberData(nameof(UnsupportedTargets))]
    public void UnsupportedTarget_Raises(string targetModel)
    {
        var nest = new Simulator();
        var srcNrn = nest.Create(SupportedSourceModels[0]);
        var tgtNrn = nest.Create(targetModel);
        Assert.ThrowsAny<NestException>(() =>
            nest.Connect(srcNrn, tgtNrn, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "eprop_synapse" }));
    }

    public static TheoryData<string> SourceModels()
    {
        var data = new TheoryData<string>();
        foreach (var model in SupportedSourceModels)
            if (Has(model)) data.Add(model);
        return data;
    }

    // NEST: testsuite/pytests/synapses/test_eprop_plasticity.py::test_unsupported_surrogate_gradient
    [Theory]
    [MemberData(nameof(SourceModels))]
    public void UnsupportedSurrogateGradient_IsBadProperty(string sourceModel)
    {
        var nest = new Simulator();
        Assert.Throws<BadPropertyException>(() =>
            nest.SetDefaults(sourceModel, new Dictionary<string, object> { ["surrogate_gradient_function"] = "unsupported_surrogate_gradient" }));
    }

    // NEST: testsuite/pytests/synapses/test_eprop_plasticity.py::test_eprop_surrogate_gradients
    [Theory]
    [InlineData("piecewise_linear", new[] { 0.21030100902759, 0.18933659619924, 0.17036721102500, 0.15320300152221, 0.13767218251307 })]
    [InlineData("exponential", new[] { 0.28011776848615, 0.26861558105999, 0.25861553046549, 0.24988832085299, 0.24224569105944 })]
    [InlineData("fast_sigmoid_derivative", new[] { 0.20044113201621, 0.19020804299944, 0.18160934703950, 0.17432167613232, 0.16809903522604 })]
    [InlineData("arctan_derivative", new[] { 0.37433498786304, 0.36073812744784, 0.34852165076370, 0.33759316659435, 0.32784181049728 })]
    public void SurrogateGradients_MatchNest(string surrogateGradientType, double[] surrogateGradientReference)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 1.0, ["total_num_virtual_procs"] = 1 });

        var paramsNrnRec = new Dictionary<string, object>
        {
            ["C_m"] = 1.0, ["c_reg"] = 0.0, ["E_L"] = 0.0, ["I_e"] = 0.0,
            ["surrogate_gradient_function"] = surrogateGradientType, ["surrogate_gradient_height"] = 0.5,
            ["surrogate_gradient_width"] = 1.0 / 1.7, ["t_ref"] = 3.0, ["V_m"] = 0.0, ["V_th"] = 0.6,
        };
        var genSpkIn = nest.Create("spike_generator", 1);
        var nrnsIn = nest.Create("parrot_neuron", 1);
        var nrnsRec = nest.Create("eprop_iaf", 1, paramsNrnRec);
        var mmRec = nest.Create("multimeter", 1, new() { ["interval"] = 1.0, ["record_from"] = new[] { "surrogate_gradient", "V_m" } });

        genSpkIn.Set(new Dictionary<string, object> { ["spike_times"] = new[] { 1.0, 2.0, 3.0, 5.0, 9.0, 11.0 } });
        var oneToOne = new Dictionary<string, object> { ["rule"] = "one_to_one" };
        var syn = new Dictionary<string, object> { ["synapse_model"] = "eprop_synapse", ["delay"] = 1.0, ["weight"] = 0.3 };
        var synStatic = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["delay"] = 1.0 };
        nest.Connect(genSpkIn, nrnsIn, oneToOne, synStatic);
        nest.Connect(nrnsIn, nrnsRec, oneToOne, syn);
        nest.Connect(mmRec, nrnsRec, oneToOne, synStatic);

        nest.Simulate(20.0);
        double[] surrogateGradient = NestSuiteHelpers.Doubles(mmRec, "surrogate_gradient")[^5..];
        for (int i = 0; i < 5; i++)
            Assert.True(IsClose(surrogateGradient[i], surrogateGradientReference[i], 1e-8), $"{i}: {surrogateGradient[i]:R} vs {surrogateGradientReference[i]:R}");
    }

    /// <summary>numpy.allclose with rtol and the default atol 1e-8.</summary>
    private static bool IsClose(double a, double b, double rtol) => Math.Abs(a - b) <= 1e-8 + rtol * Math.Abs(b);

    // NEST: testsuite/pytests/synapses/test_eprop_plasticity.py::test_eprop_history_cleaning
    [Theory]
    [InlineData("eprop_iaf", 5.0)]
    [InlineData("eprop_iaf", 100000.0)]
    [InlineData("eprop_readout", 100000.0)]
    public void HistoryCleaning_KeepsNestsHistoryLengths(string neuronModel, double epropIsiTraceCutoff)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 1.0, ["total_num_virtual_procs"] = 1 });
        var paramsNrn = new Dictionary<string, object> { ["eprop_isi_trace_cutoff"] = epropIsiTraceCutoff };
        if (neuronModel != "eprop_readout") paramsNrn["flush_event_send_interval"] = epropIsiTraceCutoff;

        var genSpkIn = nest.Create("spike_generator", 3);
        var nrnsIn = nest.Create("parrot_neuron", 3);
        var nrns = nest.Create(neuronModel, 1, paramsNrn);
        var mmRec = nest.Create("multimeter", 1, new() { ["interval"] = 1.0, ["record_from"] = new[] { "eprop_history_duration" } });

        var allToAll = new Dictionary<string, object> { ["rule"] = "all_to_all", ["allow_autapses"] = false };
        var oneToOne = new Dictionary<string, object> { ["rule"] = "one_to_one" };
        var synIn = new Dictionary<string, object> { ["synapse_model"] = "eprop_synapse", ["delay"] = 1.0, ["weight"] = 1.0 };
        var synStatic = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["delay"] = 1.0 };
        nest.Connect(genSpkIn, nrnsIn, oneToOne, synStatic);
        nest.Connect(nrnsIn, nrns, allToAll, synIn);
        nest.Connect(mmRec, nrns, allToAll, synStatic);

        double[][] inputSpikeTimes = [[10.0, 20.0, 50.0, 60.0], [10.0, 30.0, 50.0, 90.0], [40.0, 60.0]];
        genSpkIn.Set(inputSpikeTimes.Select(t => new Dictionary<string, object> { ["spike_times"] = t }).ToArray());

        nest.Simulate(110.0);

        double[] duration = NestSuiteHelpers.Doubles(mmRec, "eprop_history_duration");
        var reference = new List<double>();
        foreach (var (x, y) in new[] { (1.0, 11.0), (2.0, 21.0), (12.0, 31.0), (12.0, 21.0), (12.0, 41.0), (32.0, 49.0) })
        {
            for (double v = x; v < y + 1; v++) reference.Add(v);
        }
        Assert.Equal(reference.Count, duration.Length);
        for (int i = 0; i < reference.Count; i++) Assert.True(IsClose(duration[i], reference[i], 1e-8), $"{i}: {duration[i]} vs {reference[i]}");
    }
}
