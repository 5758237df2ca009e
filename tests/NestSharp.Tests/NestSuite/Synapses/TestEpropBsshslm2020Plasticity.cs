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
    private static bool IsClose(double a, double b, double rtol) => Math.Abs(a - b) <= 1e-8 + rtol * Math.Abs(b);

    /// <summary>numpy's generate_superimposed_sines of the tests: the sines' amplitudes and phases drawn from <paramref name="rng"/>.</summary>
    private static double[] SuperimposedSines(NumpyLegacyRandom rng, int stepsSequence, int[] periods)
    {
        var amplitudes = new double[periods.Length];
        var phases = new double[periods.Length];
        for (int i = 0; i < periods.Length; i++) amplitudes[i] = rng.Uniform(0.5, 2.0);
        for (int i = 0; i < periods.Length; i++) phases[i] = rng.Uniform(0.0, 2.0 * Math.PI);
        var superposition = new double[stepsSequence];
        for (int k = 0; k < periods.Length; k++)
        {
            // A * np.sin(np.linspace(phi, phi + 2π·(steps // T), steps))
            double start = phases[k], stop = phases[k] + (2.0 * Math.PI * (stepsSequence / periods[k]));
            double delta = (stop - start) / (stepsSequence - 1);
            for (int s = 0; s < stepsSequence; s++)
            {
                double x = s == stepsSequence - 1 ? stop : (s * delta) + start;
                superposition[s] += amplitudes[k] * Math.Sin(x);
            }
        }
        double first = superposition[0], max = 0.0;
        for (int s = 0; s < stepsSequence; s++)
        {
            superposition[s] -= first;
            max = Math.Max(max, Math.Abs(superposition[s]));
        }
        max = Math.Max(max, 1e-6);
        for (int s = 0; s < stepsSequence; s++) superposition[s] /= max;
        return superposition;
    }

    // NEST: testsuite/pytests/synapses/test_eprop_bsshslm_2020_plasticity.py::test_eprop_regression
    [Fact]
    public void Test_eprop_regression()
    {
        // The losses of the regression task (sine waves) match NEST's and the TensorFlow implementation's.
        var rng = new NumpyLegacyRandom(1); // np.random.seed(rng_seed)

        const int batchSize = 1, nIter = 5, stepsSequence = 1000;
        const int stepsTask = nIter * batchSize * stepsSequence;
        const int offsetGen = 1, delayInRec = 1, delayRecOut = 1, delayOutNorm = 1, extensionSim = 1;
        const int totalOffset = offsetGen + delayInRec + delayRecOut + delayOutNorm;
        const int stepsSim = stepsTask + totalOffset + extensionSim;
        const double step = 1.0;

        var nest = new Simulator();
        nest.SetKernelStatus(new Dictionary<string, object>
        {
            ["eprop_learning_window"] = (double)stepsSequence,
            ["eprop_reset_neurons_on_update"] = true,
            ["eprop_update_interval"] = (double)stepsSequence,
            ["print_time"] = false,
            ["resolution"] = step,
            ["total_num_virtual_procs"] = 1,
        });

        const int nIn = 100, nRec = 100, nOut = 1;
        var paramsNrnOut = new Dictionary<string, object>
        {
            ["C_m"] = 1.0, ["E_L"] = 0.0, ["I_e"] = 0.0, ["loss"] = "mean_squared_error", ["regular_spike_arrival"] = false,
            ["tau_m"] = 30.0, ["V_m"] = 0.0,
        };
        const double vTh = 0.03;
        var paramsNrnRec = new Dictionary<string, object>
        {
            ["C_m"] = 1.0, ["c_reg"] = 300.0, ["E_L"] = 0.0, ["f_target"] = 10.0, ["flush_event_send_interval"] = (double)stepsSequence,
            ["I_e"] = 0.0, ["regular_spike_arrival"] = false, ["surrogate_gradient_function"] = "piecewise_linear",
            ["surrogate_gradient_height"] = 0.3 / vTh, ["surrogate_gradient_width"] = 1.0 * Math.Abs(vTh), ["t_ref"] = 0.0,
            ["tau_m"] = 30.0, ["V_m"] = 0.0, ["V_th"] = vTh,
        };

        var genSpkIn = nest.Create("spike_generator", nIn);
        var nrnsIn = nest.Create("parrot_neuron", nIn);
        var nrnsRec = nest.Create("eprop_iaf_bsshslm_2020", nRec, paramsNrnRec);
        var nrnsOut = nest.Create("eprop_readout_bsshslm_2020", nOut, paramsNrnOut);
        var genRateTarget = nest.Create("step_rate_generator", nOut);

        var mmRec = nest.Create("multimeter", 1, new Dictionary<string, object>
        {
            ["interval"] = (double)stepsSequence, ["record_from"] = new[] { "V_m", "surrogate_gradient", "learning_signal" },
            ["start"] = (double)(offsetGen + delayInRec), ["stop"] = (double)(offsetGen + delayInRec + stepsTask),
        });
        var mmOut = nest.Create("multimeter", 1, new Dictionary<string, object>
        {
            ["interval"] = step,
            ["record_from"] = new[] { "V_m", "readout_signal", "readout_signal_unnorm", "target_signal", "error_signal" },
            ["start"] = (double)totalOffset, ["stop"] = (double)(totalOffset + stepsTask),
        });
        var sr = nest.Create("spike_recorder", 1, new Dictionary<string, object> { ["start"] = (double)offsetGen, ["stop"] = (double)(totalOffset + stepsTask) });
        var wr = nest.Create("weight_recorder", 1, new Dictionary<string, object>
        {
            ["senders"] = nrnsIn[..1] + nrnsRec[..1], ["targets"] = nrnsRec[..1] + nrnsOut,
            ["start"] = (double)totalOffset, ["stop"] = (double)(totalOffset + stepsTask),
        });

        var allToAll = new Dictionary<string, object> { ["rule"] = "all_to_all", ["allow_autapses"] = false };
        var oneToOne = new Dictionary<string, object> { ["rule"] = "one_to_one" };

        // np.array(np.random.randn(...).T / np.sqrt(n), dtype=np.float32)
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
            for (int j = 0; j < nIn; j++) weightsInRec[i, j] = (float)(gaussInRec[j, i] / Math.Sqrt(nIn));
            for (int j = 0; j < nRec; j++) weightsRecRec[i, j] = i == j ? 0f : (float)(gaussRecRec[j, i] / Math.Sqrt(nRec));
            weightsRecOut[0, i] = (float)(gaussRecOut[i, 0] / Math.Sqrt(nRec));
            weightsOutRec[i, 0] = (float)(gaussOutRec[i, 0] / Math.Sqrt(nRec));
        }

        nest.SetDefaults("eprop_synapse_bsshslm_2020", new Dictionary<string, object>
        {
            ["optimizer"] = new Dictionary<string, object>
            {
                ["type"] = "gradient_descent", ["batch_size"] = (long)batchSize, ["eta"] = 1e-4, ["Wmin"] = -100.0, ["Wmax"] = 100.0,
            },
            ["average_gradient"] = false,
            ["weight_recorder"] = wr,
        });

        Dictionary<string, object> Eprop(double[,] weights) => new()
        {
            ["synapse_model"] = "eprop_synapse_bsshslm_2020", ["delay"] = step, ["tau_m_readout"] = 30.0, ["weight"] = weights,
        };
        var synStatic = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["delay"] = step };
        nest.Connect(genSpkIn, nrnsIn, oneToOne, synStatic);
        nest.Connect(nrnsIn, nrnsRec, allToAll, Eprop(weightsInRec));
        nest.Connect(nrnsRec, nrnsRec, allToAll, Eprop(weightsRecRec));
        nest.Connect(nrnsRec, nrnsOut, allToAll, Eprop(weightsRecOut));
        nest.Connect(nrnsOut, nrnsRec, allToAll, new Dictionary<string, object>
        {
            ["synapse_model"] = "eprop_learning_signal_connection_bsshslm_2020", ["delay"] = step, ["weight"] = weightsOutRec,
        });
        nest.Connect(genRateTarget, nrnsOut, oneToOne,
            new Dictionary<string, object> { ["synapse_model"] = "rate_connection_delayed", ["delay"] = step, ["receptor_type"] = 2L });
        nest.Connect(nrnsIn + nrnsRec, sr, allToAll, synStatic);
        nest.Connect(mmRec, nrnsRec[..1], allToAll, synStatic);
        nest.Connect(mmOut, nrnsOut, allToAll, synStatic);

        // input_spike_bools = (np.random.rand(steps["sequence"], n_in) < input_spike_prob).swapaxes(0, 1); the first step silent
        var uniform = rng.Rand(stepsSequence, nIn);
        var paramsGenSpkIn = new Dictionary<string, object>[nIn];
        for (int j = 0; j < nIn; j++)
        {
            var times = new List<double>();
            for (int start = offsetGen; start < stepsTask + offsetGen; start += stepsSequence)
            {
                for (int s = 1; s < stepsSequence; s++)
                    if (uniform[s, j] < 0.05) times.Add((float)((s * step) + start));
            }
            paramsGenSpkIn[j] = new() { ["spike_times"] = times.ToArray() };
        }
        genSpkIn.Set(paramsGenSpkIn);

        var targetSignal = SuperimposedSines(rng, stepsSequence, [1000, 500, 333, 200]);
        genRateTarget.Set(new Dictionary<string, object>
        {
            ["amplitude_times"] = Enumerable.Range(0, stepsTask).Select(k => (k * step) + totalOffset).ToArray(),
            ["amplitude_values"] = Enumerable.Range(0, nIter * batchSize).SelectMany(_ => targetSignal).ToArray(),
        });

        nest.Simulate(stepsSim * step);

        double[] readoutSignal = NestSuiteHelpers.Doubles(mmOut, "readout_signal");
        double[] recordedTarget = NestSuiteHelpers.Doubles(mmOut, "target_signal");
        Assert.Equal(nOut * nIter * batchSize * stepsSequence, readoutSignal.Length);
        var loss = new double[nIter];
        for (int iteration = 0; iteration < nIter; iteration++)
        {
            double sum = 0.0;
            for (int s = 0; s < stepsSequence; s++)
            {
                double d = readoutSignal[(iteration * stepsSequence) + s] - recordedTarget[(iteration * stepsSequence) + s];
                sum += d * d;
            }
            loss[iteration] = 0.5 * sum;
        }

        double[] lossNestReference = [101.964356999041, 103.466731126205, 103.340607074771, 103.680244037686, 104.412775748752];
        double[] lossTfReference = [101.964363098144, 103.466735839843, 103.340606689453, 103.680244445800, 104.412780761718];
        for (int i = 0; i < nIter; i++)
        {
            Assert.True(IsClose(loss[i], lossTfReference[i], 1e-7), $"{i}: {loss[i]:R} vs TensorFlow's {lossTfReference[i]:R}");
            Assert.True(IsClose(loss[i], lossNestReference[i], 1e-8), $"{i}: {loss[i]:R} vs NEST's {lossNestReference[i]:R}");
        }
    }
    // NEST: testsuite/pytests/synapses/test_eprop_bsshslm_2020_plasticity.py::test_eprop_classification
    [Theory]
    [InlineData(1, new[] { 0.741152550006, 0.740388187700, 0.665785233177, 0.663644193322, 0.729428962844 })]
    [InlineData(2, new[] { 0.702163370672, 0.735555303152, 0.740354864111, 0.683882815282, 0.707841122268 })]
    public void Test_eprop_classification(int batchSize, double[] lossNestReference)
    {
        // The losses of the evidence accumulation task match NEST's (and, with batches of one, TensorFlow's).
        var rng = new NumpyLegacyRandom(1); // np.random.seed(rng_seed)

        const int nIter = 5, nSymbols = 4, nCues = 7;
        const double probGroup = 0.3, spikeProb = 0.04;
        const int stepsCue = 100, stepsSpacing = 50, stepsBgNoise = 1050, stepsRecall = 150;
        const int stepsCues = nCues * (stepsCue + stepsSpacing);
        const int stepsSequence = stepsCues + stepsBgNoise + stepsRecall;
        const int stepsLearningWindow = stepsRecall;
        int stepsTask = nIter * batchSize * stepsSequence;
        const int offsetGen = 1, delayInRec = 1, delayRecOut = 1, delayOutNorm = 1, extensionSim = 1;
        const int totalOffset = offsetGen + delayInRec + delayRecOut + delayOutNorm;
        int stepsSim = stepsTask + totalOffset + extensionSim;
        const double step = 1.0;

        var nest = new Simulator();
        nest.SetKernelStatus(new Dictionary<string, object>
        {
            ["eprop_learning_window"] = (double)stepsLearningWindow,
            ["eprop_reset_neurons_on_update"] = true,
            ["eprop_update_interval"] = (double)stepsSequence,
            ["print_time"] = false,
            ["resolution"] = step,
            ["total_num_virtual_procs"] = 1,
        });

        const int nIn = 40, nAd = 50, nReg = 50, nRec = nAd + nReg, nOut = 2;
        var paramsNrnOut = new Dictionary<string, object>
        {
            ["C_m"] = 1.0, ["E_L"] = 0.0, ["I_e"] = 0.0, ["loss"] = "cross_entropy", ["regular_spike_arrival"] = false,
            ["tau_m"] = 20.0, ["V_m"] = 0.0,
        };
        const double vTh = 0.6;
        Dictionary<string, object> Recurrent() => new()
        {
            ["C_m"] = 1.0, ["c_reg"] = 300.0, ["E_L"] = 0.0, ["f_target"] = 10.0, ["flush_event_send_interval"] = (double)stepsSequence,
            ["I_e"] = 0.0, ["regular_spike_arrival"] = true, ["surrogate_gradient_function"] = "piecewise_linear",
            ["surrogate_gradient_height"] = 0.3 / vTh, ["surrogate_gradient_width"] = 1.0 * Math.Abs(vTh), ["t_ref"] = 5.0,
            ["tau_m"] = 20.0, ["V_m"] = 0.0, ["V_th"] = vTh,
        };
        var paramsNrnReg = Recurrent();
        var paramsNrnAd = Recurrent();
        paramsNrnAd["adapt_tau"] = 2000.0;
        paramsNrnAd["adaptation"] = 0.0;
        paramsNrnAd["adapt_beta"] = 1.7 * ((1.0 - Math.Exp(-step / 2000.0)) / (1.0 - Math.Exp(-step / 20.0)));

        var genSpkIn = nest.Create("spike_generator", nIn);
        var nrnsIn = nest.Create("parrot_neuron", nIn);
        var nrnsReg = nest.Create("eprop_iaf_bsshslm_2020", nReg, paramsNrnReg);
        var nrnsAd = nest.Create("eprop_iaf_adapt_bsshslm_2020", nAd, paramsNrnAd);
        var nrnsOut = nest.Create("eprop_readout_bsshslm_2020", nOut, paramsNrnOut);
        var genRateTarget = nest.Create("step_rate_generator", nOut);
        var nrnsRec = nrnsReg + nrnsAd;

        string[] recordFromReg = ["V_m", "surrogate_gradient", "learning_signal"];
        var mmReg = nest.Create("multimeter", 1, new Dictionary<string, object>
        {
            ["interval"] = step, ["record_from"] = recordFromReg,
            ["start"] = (double)(offsetGen + delayInRec), ["stop"] = (double)(offsetGen + delayInRec + stepsTask),
        });
        var mmAd = nest.Create("multimeter", 1, new Dictionary<string, object>
        {
            ["interval"] = step, ["record_from"] = recordFromReg.Concat(["V_th_adapt", "adaptation"]).ToArray(),
            ["start"] = (double)(offsetGen + delayInRec), ["stop"] = (double)(offsetGen + delayInRec + stepsTask),
        });
        var mmOut = nest.Create("multimeter", 1, new Dictionary<string, object>
        {
            ["interval"] = step,
            ["record_from"] = new[] { "V_m", "readout_signal", "readout_signal_unnorm", "target_signal", "error_signal" },
            ["start"] = (double)totalOffset, ["stop"] = (double)(totalOffset + stepsTask),
        });
        var sr = nest.Create("spike_recorder", 1, new Dictionary<string, object> { ["start"] = (double)offsetGen, ["stop"] = (double)(totalOffset + stepsTask) });
        var wr = nest.Create("weight_recorder", 1, new Dictionary<string, object>
        {
            ["senders"] = nrnsIn[..1] + nrnsRec[..1], ["targets"] = nrnsRec[..1] + nrnsOut,
            ["start"] = (double)totalOffset, ["stop"] = (double)(totalOffset + stepsTask),
        });

        var allToAll = new Dictionary<string, object> { ["rule"] = "all_to_all", ["allow_autapses"] = false };
        var oneToOne = new Dictionary<string, object> { ["rule"] = "one_to_one" };

        // np.array(..., dtype=np.float32) of randn / sqrt(n), the readout weights from calculate_glorot_dist (uniform)
        var gaussInRec = rng.Randn(nIn, nRec);
        var gaussRecRec = rng.Randn(nRec, nRec);
        double glorotLimit = Math.Sqrt(3.0 * (1.0 / Math.Max(1.0, (nRec + nOut) / 2.0)));
        var glorot = new double[nRec, nOut];
        for (int r = 0; r < nRec; r++)
            for (int o = 0; o < nOut; o++) glorot[r, o] = rng.Uniform(-glorotLimit, glorotLimit);
        var gaussOutRec = rng.Randn(nRec, nOut);
        var weightsInRec = new double[nRec, nIn];
        var weightsRecRec = new double[nRec, nRec];
        var weightsRecOut = new double[nOut, nRec];
        var weightsOutRec = new double[nRec, nOut];
        for (int i = 0; i < nRec; i++)
        {
            for (int j = 0; j < nIn; j++) weightsInRec[i, j] = (float)(gaussInRec[j, i] / Math.Sqrt(nIn));
            for (int j = 0; j < nRec; j++) weightsRecRec[i, j] = i == j ? 0f : (float)(gaussRecRec[j, i] / Math.Sqrt(nRec));
            for (int o = 0; o < nOut; o++)
            {
                weightsRecOut[o, i] = (float)glorot[i, o];
                weightsOutRec[i, o] = (float)gaussOutRec[i, o];
            }
        }

        nest.SetDefaults("eprop_synapse_bsshslm_2020", new Dictionary<string, object>
        {
            ["optimizer"] = new Dictionary<string, object>
            {
                ["type"] = "adam", ["batch_size"] = (long)batchSize, ["beta_1"] = 0.9, ["beta_2"] = 0.999, ["epsilon"] = 1e-8,
                ["eta"] = 5e-3, ["Wmin"] = -100.0, ["Wmax"] = 100.0,
            },
            ["average_gradient"] = true,
            ["weight_recorder"] = wr,
        });

        Dictionary<string, object> Eprop(double[,] weights) => new()
        {
            ["synapse_model"] = "eprop_synapse_bsshslm_2020", ["delay"] = step, ["tau_m_readout"] = 20.0, ["weight"] = weights,
        };
        var synStatic = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["delay"] = step };
        nest.Connect(genSpkIn, nrnsIn, oneToOne, synStatic);
        nest.Connect(nrnsIn, nrnsRec, allToAll, Eprop(weightsInRec));
        nest.Connect(nrnsRec, nrnsRec, allToAll, Eprop(weightsRecRec));
        nest.Connect(nrnsRec, nrnsOut, allToAll, Eprop(weightsRecOut));
        nest.Connect(nrnsOut, nrnsRec, allToAll, new Dictionary<string, object>
        {
            ["synapse_model"] = "eprop_learning_signal_connection_bsshslm_2020", ["delay"] = step, ["weight"] = weightsOutRec,
        });
        nest.Connect(genRateTarget, nrnsOut, oneToOne,
            new Dictionary<string, object> { ["synapse_model"] = "rate_connection_delayed", ["delay"] = step, ["receptor_type"] = 2L });
        nest.Connect(nrnsOut, nrnsOut, allToAll, new Dictionary<string, object>
        {
            ["synapse_model"] = "rate_connection_delayed", ["delay"] = step, ["receptor_type"] = 1L, ["weight"] = 1.0,
        });
        nest.Connect(nrnsIn + nrnsRec, sr, allToAll, synStatic);
        nest.Connect(mmReg, nrnsReg[..1], allToAll, synStatic);
        nest.Connect(mmAd, nrnsAd[..1], allToAll, synStatic);
        nest.Connect(mmOut, nrnsOut, allToAll, synStatic);

        var initOptimizer = new Dictionary<string, object>
        {
            ["optimizer"] = new Dictionary<string, object> { ["m"] = 0.0, ["v"] = 0.0 },
        };
        nest.GetConnections(nrnsRec[0], nrnsRec[1..3]).Set([initOptimizer, initOptimizer]);

        // generate_evidence_accumulation_input_output, once per iteration
        const int nPopNrn = nIn / nSymbols;
        var inputSpikes = new bool[stepsTask, nIn];
        var targetCues = new List<int>();
        for (int iteration = 0; iteration < nIter; iteration++)
        {
            float[] probChoices = [(float)probGroup, (float)(1 - probGroup)];
            var idx = new long[batchSize];
            for (int b = 0; b < batchSize; b++) idx[b] = rng.RandInt(2); // np.random.choice([0, 1], batch_size)
            var batchedCues = new int[batchSize, nCues];
            for (int b = 0; b < batchSize; b++)
            {
                double[] probs = [probChoices[idx[b]], probChoices[1 - idx[b]]];
                for (int c = 0; c < nCues; c++) batchedCues[b, c] = rng.Choice(probs);
            }
            var inputSpikeProbs = new double[batchSize, stepsSequence, nIn];
            for (int b = 0; b < batchSize; b++)
            {
                for (int c = 0; c < nCues; c++)
                {
                    int stepStart = (c * (stepsCue + stepsSpacing)) + stepsSpacing;
                    int popStart = batchedCues[b, c] * nPopNrn;
                    for (int s = stepStart; s < stepStart + stepsCue; s++)
                        for (int n = popStart; n < popStart + nPopNrn; n++) inputSpikeProbs[b, s, n] = spikeProb;
                }
                for (int s = stepsSequence - stepsRecall; s < stepsSequence; s++)
                    for (int n = 2 * nPopNrn; n < 3 * nPopNrn; n++) inputSpikeProbs[b, s, n] = spikeProb;
                for (int s = 0; s < stepsSequence; s++)
                    for (int n = 3 * nPopNrn; n < nIn; n++) inputSpikeProbs[b, s, n] = spikeProb / 4.0;
            }
            for (int b = 0; b < batchSize; b++)
            {
                for (int s = 0; s < stepsSequence; s++)
                {
                    for (int n = 0; n < nIn; n++)
                    {
                        bool spike = inputSpikeProbs[b, s, n] > rng.NextDouble();
                        inputSpikes[(((iteration * batchSize) + b) * stepsSequence) + s, n] = spike && s != 0;
                    }
                }
            }
            for (int b = 0; b < batchSize; b++)
            {
                int sum = 0;
                for (int c = 0; c < nCues; c++) sum += batchedCues[b, c];
                targetCues.Add(sum > nCues / 2 ? 1 : 0);
            }
        }

        var paramsGenSpkIn = new Dictionary<string, object>[nIn];
        for (int n = 0; n < nIn; n++)
        {
            var times = new List<double>();
            for (int t = 0; t < stepsTask; t++)
                if (inputSpikes[t, n]) times.Add((float)((t * step) + offsetGen));
            paramsGenSpkIn[n] = new() { ["spike_times"] = times.ToArray() };
        }
        var paramsGenRateTarget = new Dictionary<string, object>[nOut];
        for (int o = 0; o < nOut; o++)
        {
            paramsGenRateTarget[o] = new()
            {
                ["amplitude_times"] = Enumerable.Range(0, batchSize * nIter).Select(k => (k * (double)stepsSequence) + totalOffset).ToArray(),
                ["amplitude_values"] = targetCues.Select(cue => cue == o ? 1.0 : 0.0).ToArray(),
            };
        }
        genSpkIn.Set(paramsGenSpkIn);
        genRateTarget.Set(paramsGenRateTarget);

        nest.Simulate(stepsSim * step);

        var events = NestSuiteHelpers.Events(mmOut);
        var readoutAll = (double[])events["readout_signal"];
        var targetAll = (double[])events["target_signal"];
        var senders = (long[])events["senders"];
        var loss = new double[nIter];
        for (int o = 0; o < nOut; o++)
        {
            long sender = nrnsOut[o].Ids[0];
            var readout = new List<double>();
            var target = new List<double>();
            for (int e = 0; e < senders.Length; e++)
            {
                if (senders[e] != sender) continue;
                readout.Add(readoutAll[e]);
                target.Add(targetAll[e]);
            }
            Assert.Equal(nIter * batchSize * stepsSequence, readout.Count);
            for (int iteration = 0; iteration < nIter; iteration++)
            {
                for (int b = 0; b < batchSize; b++)
                {
                    int first = (((iteration * batchSize) + b) * stepsSequence) + stepsSequence - stepsLearningWindow;
                    for (int s = first; s < first + stepsLearningWindow; s++)
                        loss[iteration] -= target[s] * Math.Log(readout[s]) / (batchSize * stepsLearningWindow);
                }
            }
        }

        double[] lossTfReference = [0.741152524948, 0.740388214588, 0.665785133838, 0.663644134998, 0.729429066181];
        for (int i = 0; i < nIter; i++)
        {
            if (batchSize == 1)
                Assert.True(IsClose(loss[i], lossTfReference[i], 1e-6), $"{i}: {loss[i]:R} vs TensorFlow's {lossTfReference[i]:R}");
            Assert.True(IsClose(loss[i], lossNestReference[i], 1e-8), $"{i}: {loss[i]:R} vs NEST's {lossNestReference[i]:R}");
        }
    }
}
