namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>NEST's testsuite/pytests/synapses/test_eprop_bsshslm_2020_plasticity.py.</summary>
public sealed class TestEpropBsshslm2020Plasticity
{
    private static readonly string[] SupportedSourceModels = ["eprop_iaf_bsshslm_2020", "eprop_iaf_adapt_bsshslm_2020"];
    private static readonly string[] SupportedTargetModels = [.. SupportedSourceModels, "eprop_readout_bsshslm_2020"];

    private static Dictionary<string, object> AllToAll => new() { ["rule"] = "all_to_all" };

    public static TheoryData<string, string> SourceAndTargetModels()
    {
        var data = new TheoryData<string, string>();
        foreach (string source in SupportedSourceModels)
            foreach (string target in SupportedTargetModels) data.Add(source, target);
        return data;
    }

    // NEST: testsuite/pytests/synapses/test_eprop_bsshslm_2020_plasticity.py::test_connect_with_eprop_synapse
    [Theory]
    [MemberData(nameof(SourceAndTargetModels))]
    public void Test_connect_with_eprop_synapse(string sourceModel, string targetModel)
    {
        // Ensure that the restriction to supported neuron models works.
        var nest = new Simulator();
        var src = nest.Create(sourceModel);
        var tgt = nest.Create(targetModel);
        nest.Connect(src, tgt, AllToAll,
            new Dictionary<string, object> { ["synapse_model"] = "eprop_synapse_bsshslm_2020", ["delay"] = (double)nest.GetKernelStatus("resolution") });
    }

    public static TheoryData<string> UnsupportedTargetModels()
    {
        var data = new TheoryData<string>();
        foreach (string model in new Simulator().NodeModels())
            if (!SupportedTargetModels.Contains(model)) data.Add(model);
        return data;
    }

    // NEST: testsuite/pytests/synapses/test_eprop_bsshslm_2020_plasticity.py::test_unsupported_model_raises
    [Theory]
    [MemberData(nameof(UnsupportedTargetModels))]
    public void Test_unsupported_model_raises(string targetModel)
    {
        // Confirm that connecting a non-eprop neuron as target via an eprop_synapse_bsshslm_2020 raises an error.
        var nest = new Simulator();
        var srcNrn = nest.Create(SupportedSourceModels[0]);
        var tgtNrn = nest.Create(targetModel);
        Assert.ThrowsAny<NestException>(() => nest.Connect(srcNrn, tgtNrn, AllToAll,
            new Dictionary<string, object> { ["synapse_model"] = "eprop_synapse_bsshslm_2020" }));
    }

    public static TheoryData<string> SourceModels() => [.. SupportedSourceModels];

    // NEST: testsuite/pytests/synapses/test_eprop_bsshslm_2020_plasticity.py::test_unsupported_surrogate_gradient
    [Theory]
    [MemberData(nameof(SourceModels))]
    public void Test_unsupported_surrogate_gradient(string sourceModel)
    {
        // Confirm that selecting an unsupported surrogate gradient raises an error.
        var nest = new Simulator();
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults(sourceModel,
            new Dictionary<string, object> { ["surrogate_gradient_function"] = "unsupported_surrogate_gradient" }));
    }

    private static double[] Ranges(params (int From, int To)[] ranges)
    {
        var values = new List<double>();
        foreach (var (from, to) in ranges)
            for (int x = from; x < to; x++) values.Add(x);
        return [.. values];
    }

    public static TheoryData<string, double[]> HistoryCleaningCases() => new()
    {
        { "eprop_iaf_bsshslm_2020", Ranges((1, 3), (1, 61), (21, 61), (41, 48)) },
        { "eprop_readout_bsshslm_2020", Ranges((1, 4), (1, 21), (20, 60), (20, 60), (40, 46)) },
    };

    // NEST: testsuite/pytests/synapses/test_eprop_bsshslm_2020_plasticity.py::test_eprop_history_cleaning
    [Theory]
    [MemberData(nameof(HistoryCleaningCases))]
    public void Test_eprop_history_cleaning(string neuronModel, double[] epropHistoryDurationReference)
    {
        // The length of the e-prop history matches NEST's for a given input firing pattern.
        var duration = (Step: 1.0, Sequence: 20.0);

        var nest = new Simulator();
        nest.SetKernelStatus(new Dictionary<string, object>
        {
            ["print_time"] = false,
            ["resolution"] = duration.Step,
            ["eprop_update_interval"] = duration.Sequence,
            ["total_num_virtual_procs"] = 1,
        });

        var genSpkIn = nest.Create("spike_generator", 3);
        var nrnsIn = nest.Create("parrot_neuron", 3);
        var nrnsRec = nest.Create(neuronModel, 1);

        var mmRec = nest.Create("multimeter", 1, new Dictionary<string, object>
        {
            ["interval"] = duration.Step,
            ["record_from"] = new[] { "eprop_history_duration" },
        });

        var allToAll = new Dictionary<string, object> { ["rule"] = "all_to_all", ["allow_autapses"] = false };
        var oneToOne = new Dictionary<string, object> { ["rule"] = "one_to_one" };
        var synIn = new Dictionary<string, object> { ["synapse_model"] = "eprop_synapse_bsshslm_2020", ["delay"] = duration.Step, ["weight"] = 1.0 };
        var synStatic = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["delay"] = duration.Step };

        nest.Connect(genSpkIn, nrnsIn, oneToOne, synStatic);
        nest.Connect(nrnsIn, nrnsRec, allToAll, synIn);
        nest.Connect(mmRec, nrnsRec, allToAll, synStatic);

        double[][] inputSpikeTimes = [[10.0, 20.0, 50.0, 60.0], [10.0, 30.0, 50.0, 90.0], [40.0, 60.0]];
        for (int i = 0; i < 3; i++) genSpkIn[i].Set("spike_times", inputSpikeTimes[i]);

        nest.Simulate(110.0);

        var historyDuration = NestSuiteHelpers.Doubles(mmRec, "eprop_history_duration");
        Assert.Equal(epropHistoryDurationReference.Length, historyDuration.Length);
        for (int i = 0; i < historyDuration.Length; i++)
        {
            Assert.True(Math.Abs(historyDuration[i] - epropHistoryDurationReference[i]) <= 1e-8 + 1e-8 * Math.Abs(epropHistoryDurationReference[i]),
                $"element {i}: expected {epropHistoryDurationReference[i]}, got {historyDuration[i]}");
        }
    }
}
