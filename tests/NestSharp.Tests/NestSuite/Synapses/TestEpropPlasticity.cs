namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_eprop_plasticity.py: connecting through eprop_synapse, its restriction to
/// e-prop targets, the regression task's losses for each recurrent model (weights and inputs drawn from numpy's legacy
/// generator, <see cref="NumpyLegacyRandom"/>), the surrogate gradient functions against NEST's values, and the cleaning
/// of the e-prop history.
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

    // NEST: testsuite/pytests/synapses/test_eprop_plasticity.py::test_eprop_regression
    [Theory]
    [InlineData("eprop_iaf", "adam", new[] { 0.14000491891386, 0.28735818029752, 0.22263713699860, 0.23015072431384, 0.17565248170694 })]
    [InlineData("eprop_iaf_adapt", "gradient_descent", new[] { 0.02242584487453, 0.01916753791522, 0.00571493935652, 0.00037875376195, 0.00037823157578 })]
    [InlineData("eprop_iaf_psc_delta", "gradient_descent", new[] { 0.27039631749159, 0.51390204375229, 0.53473859833866, 0.53608474802202, 0.49323580244201 })]
    [InlineData("eprop_iaf_psc_delta_adapt", "gradient_descent", new[] { 0.16416646182675, 0.27952159282830, 0.29937515524341, 0.26160957500433, 0.26384514215024 })]
    public void Regression_GivesNestsLosses(string neuronModel, string optimizer, double[] lossNestReference)
    {
        var rng = new NumpyLegacyRandom(1); // np.random.seed(rng_seed)

        const int groupSize = 1, nIter = 5, stepsSequence = 100;
        const int stepsTask = nIter * groupSize * stepsSequence;
        const int offsetGen = 1, delayInRec = 1, extensionSim = 3;
        const int totalOffset = offsetGen + delayInRec;
        const int stepsSim = stepsTask + totalOffset + extensionSim;
        const double step = 1.0;

        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["print_time"] = false, ["resolution"] = step, ["total_num_virtual_procs"] = 1 });

        const int nIn = 100, nRec = 100, nOut = 1;
        var paramsNrnOut = new Dictionary<string, object>
        {
            ["C_m"] = 1.0, ["E_L"] = 0.0, ["eprop_isi_trace_cutoff"] = 100.0, ["I_e"] = 0.0, ["tau_m"] = 30.0, ["V_m"] = 0.0,
        };
        var paramsNrnRec = new Dictionary<string, object>
        {
            ["C_m"] = 1.0, ["c_reg"] = 300.0 / stepsSequence, ["E_L"] = 0.0, ["eprop_isi_trace_cutoff"] = 100.0, ["f_target"] = 10.0,
            ["flush_event_send_interval"] = (double)stepsSequence, ["I_e"] = 0.0, ["kappa"] = 0.97, ["kappa_reg"] = 0.97,
            ["surrogate_gradient_function"] = "piecewise_linear", ["surrogate_gradient_height"] = 10.0,
            ["surrogate_gradient_width"] = 0.03, ["t_ref"] = 0.0, ["tau_m"] = 30.0, ["V_m"] = 0.0, ["V_th"] = 0.03,
        };
        double scaleFactor = 1.0 - 0.97;
        bool pscDelta = neuronModel is "eprop_iaf_psc_delta" or "eprop_iaf_psc_delta_adapt";
        if (pscDelta)
        {
            paramsNrnRec["V_reset"] = -0.5;
            paramsNrnRec["c_reg"] = 2.0 / stepsSequence / (scaleFactor * scaleFactor);
            paramsNrnRec["V_th"] = 0.5;
        }
        else if (neuronModel == "eprop_iaf_adapt")
        {
            paramsNrnRec["adapt_beta"] = 0.0174;
            paramsNrnRec["adapt_tau"] = 2000.0;
            paramsNrnRec["adaptation"] = 0.0;
        }

        var genSpkIn = nest.Create("spike_generator", nIn);
        var nrnsIn = nest.Create("parrot_neuron", nIn);
        var nrnsRec = nest.Create(neuronModel, nRec, paramsNrnRec);
        var nrnsOut = nest.Create("eprop_readout", nOut, paramsNrnOut);
        var genRateTarget = nest.Create("step_rate_generator", nOut);
        var genLearningWindow = nest.Create("step_rate_generator");

        var mmRec = nest.Create("multimeter", 1, new()
        {
            ["interval"] = step, ["record_from"] = new[] { "V_m", "surrogate_gradient", "learning_signal" },
            ["start"] = (double)(offsetGen + delayInRec), ["stop"] = (double)(offsetGen + delayInRec + stepsTask),
        });
        var mmOut = nest.Create("multimeter", 1, new()
        {
            ["interval"] = step, ["record_from"] = new[] { "V_m", "readout_signal", "target_signal", "error_signal" },
            ["start"] = (double)totalOffset, ["stop"] = (double)(totalOffset + stepsTask),
        });
        var sr = nest.Create("spike_recorder", 1, new() { ["start"] = (double)offsetGen, ["stop"] = (double)(totalOffset + stepsTask) });
        var wr = nest.Create("weight_recorder", 1, new()
        {
            ["senders"] = nrnsIn[..1] + nrnsRec[..1], ["targets"] = nrnsRec[..1] + nrnsOut,
            ["start"] = (double)totalOffset, ["stop"] = (double)(totalOffset + stepsTask),
        });

        var allToAll = new Dictionary<string, object> { ["rule"] = "all_to_all", ["allow_autapses"] = false };
        var oneToOne = new Dictionary<string, object> { ["rule"] = "one_to_one" };

        // np.array(..., dtype=np.float32), scaled in float32 as numpy does with a Python float.
        float scale32 = (float)scaleFactor;
        var gaussInRec = rng.Randn(nIn, nRec);
        var gaussRecRec = rng.Randn(nRec, nRec);
        var gaussRecOut = rng.Randn(nRec, nOut);
        var gaussOutRec = rng.Randn(nRec, nOut);
        var weightsInRec = new double[nRec, nIn];
        var weightsRecRec = new double[nRec, nRec];
        var weightsRecOut = new double[nOut, nRec];
        var weightsOutRec = new double[nRec, nOut];
        for (int i = 0; i < nRec; i++)
        {
            for (int j = 0; j < nIn; j++)
            {
                float w = (float)(gaussInRec[j, i] / Math.Sqrt(nIn));
                weightsInRec[i, j] = pscDelta ? w : w * scale32;
            }
            for (int j = 0; j < nRec; j++)
            {
                float w = i == j ? 0f : (float)(gaussRecRec[j, i] / Math.Sqrt(nRec));
                weightsRecRec[i, j] = pscDelta ? w : w * scale32;
            }
            weightsRecOut[0, i] = (float)(gaussRecOut[i, 0] / Math.Sqrt(nRec)) * scale32;
            float feedback = (float)(gaussOutRec[i, 0] / Math.Sqrt(nRec));
            weightsOutRec[i, 0] = pscDelta ? feedback / scale32 : feedback * scale32;
        }

        var optimizerParams = new Dictionary<string, object>
        {
            ["type"] = optimizer, ["batch_size"] = 1L, ["eta"] = 1e-4 * scaleFactor * scaleFactor, ["optimize_each_step"] = true,
            ["Wmin"] = -100.0, ["Wmax"] = 100.0,
        };
        if (optimizer == "adam")
        {
            optimizerParams["beta_1"] = 0.9;
            optimizerParams["beta_2"] = 0.999;
            optimizerParams["epsilon"] = 1e-7;
        }
        nest.SetDefaults("eprop_synapse", new Dictionary<string, object> { ["optimizer"] = optimizerParams, ["weight_recorder"] = wr });

        Dictionary<string, object> Eprop(double[,] weights) => new() { ["synapse_model"] = "eprop_synapse", ["delay"] = step, ["weight"] = weights };
        var synStatic = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["delay"] = step };
        nest.Connect(genSpkIn, nrnsIn, oneToOne, synStatic);
        nest.Connect(nrnsIn, nrnsRec, allToAll, Eprop(weightsInRec));
        nest.Connect(nrnsRec, nrnsRec, allToAll, Eprop(weightsRecRec));
        nest.Connect(nrnsRec, nrnsOut, allToAll, Eprop(weightsRecOut));
        nest.Connect(nrnsOut, nrnsRec, allToAll,
            new Dictionary<string, object> { ["synapse_model"] = "eprop_learning_signal_connection", ["delay"] = step, ["weight"] = weightsOutRec });
        nest.Connect(genRateTarget, nrnsOut, oneToOne,
            new Dictionary<string, object> { ["synapse_model"] = "rate_connection_delayed", ["delay"] = step, ["receptor_type"] = 2L });
        nest.Connect(genLearningWindow, nrnsOut, allToAll,
            new Dictionary<string, object> { ["synapse_model"] = "rate_connection_delayed", ["delay"] = step, ["receptor_type"] = 1L });
        nest.Connect(nrnsIn + nrnsRec, sr, allToAll, synStatic);
        nest.Connect(mmRec, nrnsRec[..1], allToAll, synStatic);
        nest.Connect(mmOut, nrnsOut, allToAll, synStatic);

        // input_spike_bools = (np.random.rand(steps["sequence"], n_in) < input_spike_prob).swapaxes(0, 1)
        var uniform = rng.Rand(stepsSequence, nIn);
        var paramsGenSpkIn = new Dictionary<string, object>[nIn];
        for (int j = 0; j < nIn; j++)
        {
            var times = new List<double>();
            for (int start = offsetGen; start < stepsTask + offsetGen; start += stepsSequence)
            {
                for (int s = 0; s < stepsSequence; s++)
                    if (uniform[s, j] < 0.05) times.Add((float)(s * step + start));
            }
            paramsGenSpkIn[j] = new() { ["spike_times"] = times.ToArray() };
        }
        genSpkIn.Set(paramsGenSpkIn);

        // generate_superimposed_sines: with periods longer than the sequence every sine is constant (np.linspace(phi, phi, n)),
        // so the superposition minus its first value is zero; the amplitudes and phases are drawn all the same.
        for (int i = 0; i < 8; i++) rng.NextDouble();
        var targetSignal = new double[stepsSequence];
        genRateTarget.Set(new Dictionary<string, object>
        {
            ["amplitude_times"] = Enumerable.Range(0, stepsTask).Select(k => k * step + totalOffset).ToArray(),
            ["amplitude_values"] = Enumerable.Range(0, nIter * groupSize).SelectMany(_ => targetSignal).ToArray(),
        });
        genLearningWindow.Set(new Dictionary<string, object> { ["amplitude_times"] = new[] { (double)totalOffset }, ["amplitude_values"] = new[] { 1.0 } });

        nest.Simulate(stepsSim * step);

        double[] readoutSignal = NestSuiteHelpers.Doubles(mmOut, "readout_signal");
        double[] recordedTarget = NestSuiteHelpers.Doubles(mmOut, "target_signal");
        Assert.Equal(nOut * nIter * groupSize * stepsSequence, readoutSignal.Length);
        var loss = new double[nIter];
        for (int iteration = 0; iteration < nIter; iteration++)
        {
            double sum = 0.0;
            for (int s = 0; s < stepsSequence; s++)
            {
                double d = readoutSignal[iteration * stepsSequence + s] - recordedTarget[iteration * stepsSequence + s];
                sum += d * d;
            }
            loss[iteration] = 0.5 * sum;
        }
        for (int i = 0; i < nIter; i++)
            Assert.True(IsClose(loss[i], lossNestReference[i], 1e-8), $"{i}: {loss[i]:R} vs {lossNestReference[i]:R}");
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
