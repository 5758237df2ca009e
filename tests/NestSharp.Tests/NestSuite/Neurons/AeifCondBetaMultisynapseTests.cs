using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// aeif_cond_beta_multisynapse: NEST 3.10's neurons/test_aeif_cond_beta_multisynapse.py (membrane response to small
/// inputs against the linearised solution, refractory clamping, w during refractoriness, recordables, beta/alpha
/// conductance shapes) and the model's rows of neurons/test_multisynapse_models.py, plus NEST's checks of the receptor
/// arrays and of the weights (models/aeif_cond_beta_multisynapse.cpp).
/// </summary>
public sealed class AeifCondBetaMultisynapseTests
{
    private const string Model = "aeif_cond_beta_multisynapse";

    private static Dictionary<string, object> Syn(double delay, double weight, long receptorType) =>
        new() { ["delay"] = delay, ["weight"] = weight, ["receptor_type"] = receptorType };

    /// <summary>numpy.testing.assert_allclose: |actual - desired| &lt;= atol + rtol·|desired| element by element.</summary>
    private static void AssertAllClose(double[] desired, double[] actual, double rtol = 1e-7, double atol = 0.0)
    {
        Assert.Equal(desired.Length, actual.Length);
        for (int i = 0; i < desired.Length; i++)
        {
            double bound = atol + rtol * Math.Abs(desired[i]);
            Assert.True(Math.Abs(actual[i] - desired[i]) <= bound,
                $"element {i}: actual {actual[i]}, desired {desired[i]}, |difference| {Math.Abs(actual[i] - desired[i])} > {bound}");
        }
    }

    // NEST: testsuite/pytests/neurons/test_aeif_cond_beta_multisynapse.py::TestAeifCondBetaMultisynapse::test_aeif_cond_beta_multisynapse
    [Fact]
    public void MembraneResponse_MatchesLinearisedSolution()
    {
        const double simulationT = 300.0, dt = 0.1, spikeTime = 10.0, vRest = -70.6, gL = 300.0;
        double[] eRev = [20.0, 0.0, -85.0], tauDecay = [40.0, 20.0, 30.0], tauRise = [20.0, 10.0, 5.0];
        double[] weights = [0.01, 0.02, 0.015], delays = [1.0, 100.0, 130.0];

        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { spikeTime } });
        var vm = nest.Create("voltmeter", 1, new() { ["interval"] = dt });
        var neuron = nest.Create(Model, 1, new()
        {
            ["E_rev"] = eRev, ["tau_decay"] = tauDecay, ["tau_rise"] = tauRise, ["V_peak"] = 0.0, ["a"] = 4.0, ["b"] = 80.5,
            ["E_L"] = vRest, ["g_L"] = gL,
        });
        for (int i = 0; i < weights.Length; i++) nest.Connect(sg, neuron, syn: Syn(delays[i], weights[i], i + 1));
        nest.Connect(vm, neuron);

        nest.Simulate(simulationT);

        double[] ts = Doubles(vm, "times"), vms = Doubles(vm, "V_m");
        var summed = new double[ts.Length];
        for (int i = 0; i < 3; i++)
        {
            double t0 = spikeTime + delays[i];
            double coefficient = weights[i] * (eRev[i] - vRest) / gL;
            double tPeak = tauDecay[i] * tauRise[i] / (tauDecay[i] - tauRise[i]) * Math.Log(tauDecay[i] / tauRise[i]);
            double g0 = coefficient / (Math.Exp(-tPeak / tauDecay[i]) - Math.Exp(-tPeak / tauRise[i]));
            for (int k = 0; k < ts.Length; k++)
            {
                if (ts[k] < t0) continue;
                summed[k] += g0 * (Math.Exp(-(ts[k] - t0) / tauDecay[i]) - Math.Exp(-(ts[k] - t0) / tauRise[i]));
            }
        }
        for (int k = 0; k < summed.Length; k++) summed[k] += vRest;

        AssertAllClose(summed, vms, rtol: 1e-5, atol: 0.0);
        AssertAllClose(summed, vms, atol: 1e-3);
    }

    // NEST: testsuite/pytests/neurons/test_aeif_cond_beta_multisynapse.py::TestAeifCondBetaMultisynapse::test_refractoriness_clamping
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    public void RefractorinessClamping(double tRef)
    {
        const double vReset = -111.0;
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.1);
        var nrn = nest.Create(Model, 1, new()
        {
            ["w"] = 0.0, ["a"] = 0.0, ["b"] = 0.0, ["Delta_T"] = 0.0, ["t_ref"] = tRef, ["I_e"] = 1000.0, ["V_reset"] = vReset,
        });
        var sr = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        var vm = nest.Create("voltmeter", 1, new() { ["time_in_steps"] = true, ["interval"] = nest.Resolution });
        nest.Connect(nrn, sr);
        nest.Connect(vm, nrn);

        nest.Simulate(10.0);

        long[] spikeSteps = Longs(sr, "times");
        double[] v = Doubles(vm, "V_m");
        Assert.NotEmpty(spikeSteps);
        foreach (long spikeStep in spikeSteps)
        {
            int s = (int)spikeStep - 1; // the sample of step k is at index k - 1
            Assert.Equal(vReset, v[s], 7);
            if (tRef == 0.0)
            {
                Assert.True(v[s + 1] > vReset);
            }
            else
            {
                Assert.Equal(vReset, v[s + 1]);
                Assert.True(v[s + 2] > vReset);
            }
        }
    }

    // NEST: testsuite/pytests/neurons/test_aeif_cond_beta_multisynapse.py::TestAeifCondBetaMultisynapse::test_w_dynamics_during_refractoriness
    [Fact]
    public void WDynamicsDuringRefractoriness_SeesVReset()
    {
        const double vReset = -111.0, eL = -70.0, tRef = 100.0, a = 10.0, b = 100.0, tauW = 1.0;
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 1.0);
        var nrn = nest.Create(Model, 1, new()
        {
            ["w"] = 0.0, ["a"] = a, ["b"] = b, ["tau_w"] = tauW, ["Delta_T"] = 0.0, ["t_ref"] = tRef, ["I_e"] = 1000.0,
            ["E_L"] = eL, ["V_reset"] = vReset,
        });
        var sr = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        var vm = nest.Create("multimeter", 1, new()
        {
            ["time_in_steps"] = true, ["interval"] = nest.Resolution, ["record_from"] = new[] { "V_m", "w" },
        });
        nest.Connect(nrn, sr);
        nest.Connect(vm, nrn);

        nest.Simulate(50.0);

        long[] spikeSteps = Longs(sr, "times");
        Assert.NotEmpty(spikeSteps);
        double[] w = Doubles(vm, "w"), v = Doubles(vm, "V_m");
        long[] times = Longs(vm, "times");
        foreach (long spikeStep in spikeSteps)
        {
            int s = (int)spikeStep - 1;
            double w0 = w[s], v0 = v[s], t0 = times[s] * nest.Resolution;
            double w1 = w[s + 20], v1 = v[s + 20], t1 = times[s + 20] * nest.Resolution;
            double dt = t1 - t0;

            Assert.True(dt < tRef);
            Assert.Equal(v0, v1);
            Assert.Equal(vReset, v0);

            double wTheory = w0 * Math.Exp(-dt / tauW) + a * (vReset - eL) * (1 - Math.Exp(-dt / tauW));
            AssertAllClose([wTheory], [w1]);
        }
    }

    // NEST: testsuite/pytests/neurons/test_aeif_cond_beta_multisynapse.py::TestAeifCondBetaMultisynapse::test_recordables
    [Fact]
    public void Recordables_AreThree()
    {
        var nest = new Simulator();
        var nrn = nest.Create(Model);
        var mm = nest.Create("multimeter", 1, new()
        {
            ["time_in_steps"] = true, ["interval"] = 1.0, ["record_from"] = new[] { "V_m", "w", "g_1" },
        });
        nest.Connect(mm, nrn);
        Assert.Equal(3, Recordables(nrn).Length);
    }

    // NEST: testsuite/pytests/neurons/test_aeif_cond_beta_multisynapse.py::TestAeifCondBetaMultisynapse::test_resize_recordables
    [Fact]
    public void ResizeRecordables()
    {
        var nest = new Simulator();
        var nrn = nest.Create(Model, 1, new()
        {
            ["E_rev"] = new[] { 0.0, 0.0, -85.0 }, ["tau_rise"] = new[] { 5.0, 1.0, 25.0 }, ["tau_decay"] = new[] { 20.0, 10.0, 85.0 },
        });
        Assert.Equal(5, Recordables(nrn).Length);

        nrn.Set(new Dictionary<string, object>
        {
            ["E_rev"] = new[] { 0.0, 0.0 }, ["tau_rise"] = new[] { 5.0, 1.0 }, ["tau_decay"] = new[] { 20.0, 10.0 },
        });
        Assert.Equal(4, Recordables(nrn).Length);

        nrn.Set(new Dictionary<string, object>
        {
            ["E_rev"] = new[] { 0.0, 0.0, -85.0, 0.0 }, ["tau_rise"] = new[] { 5.0, 1.0, 25.0, 50.0 },
            ["tau_decay"] = new[] { 20.0, 10.0, 85.0, 100.0 },
        });
        Assert.Equal(6, Recordables(nrn).Length);
    }

    // NEST: testsuite/pytests/neurons/test_aeif_cond_beta_multisynapse.py::TestAeifCondBetaMultisynapse::test_g_beta_dynamics
    [Fact]
    public void ConductanceShapes_AreBetaOrAlphaFunctions()
    {
        const double totalT = 500.0, dt = 0.1, spikeTime = 10.0;
        double[] eRev = [0.0, 0.0, -85.0, 20.0], tauRise = [20.0, 10.0, 5.0, 25.0], tauDecay = [40.0, 20.0, 30.0, 25.0];
        double[] weight = [1.0, 0.5, 2.0, 1.0], delays = [1.0, 3.0, 10.0, 10.0];

        var nest = new Simulator();
        nest.SetKernelStatus("resolution", dt);
        var nrn = nest.Create(Model, 1, new()
        {
            ["w"] = 0.0, ["a"] = 0.0, ["b"] = 0.0, ["Delta_T"] = 0.0, ["t_ref"] = 0.0, ["I_e"] = 0.0, ["E_rev"] = eRev,
            ["tau_rise"] = tauRise, ["tau_decay"] = tauDecay,
        });
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { spikeTime } });
        for (int i = 0; i < weight.Length; i++) nest.Connect(sg, nrn, syn: Syn(delays[i], weight[i], i + 1));
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = dt, ["record_from"] = new[] { "g_1", "g_2", "g_3", "g_4" } });
        nest.Connect(mm, nrn);

        nest.Simulate(totalT);

        double[] t = Doubles(mm, "times");
        for (int i = 0; i < 4; i++)
        {
            double t0 = spikeTime + delays[i];
            var theory = new double[t.Length];
            bool alpha = Math.Abs(tauRise[i] - tauDecay[i]) <= 1e-9 * Math.Max(Math.Abs(tauRise[i]), Math.Abs(tauDecay[i])); // math.isclose
            double tPeak = tauRise[i] * tauDecay[i] * Math.Log(tauDecay[i] / tauRise[i]) / (tauDecay[i] - tauRise[i]);
            double den = Math.Exp(-tPeak / tauDecay[i]) - Math.Exp(-tPeak / tauRise[i]);
            for (int k = 0; k < t.Length; k++)
            {
                if (alpha)
                {
                    double x = Math.Max((t[k] - t0) / tauRise[i], 0.0);
                    theory[k] = weight[i] * x * Math.E * Math.Exp(-x);
                }
                else
                {
                    double num = Math.Exp(-(t[k] - t0) / tauDecay[i]) - Math.Exp(-(t[k] - t0) / tauRise[i]);
                    theory[k] = weight[i] * Math.Max(num, 0.0) / den;
                }
            }
            AssertAllClose(theory, Doubles(mm, $"g_{i + 1}"));
        }
    }

    // NEST: testsuite/pytests/neurons/test_multisynapse_models.py::test_multisynapse_model_rport_zero[aeif_cond_beta_multisynapse]
    [Fact]
    public void RportZero_IsRefused()
    {
        var nest = new Simulator();
        var nrn = nest.Create(Model);
        Assert.ThrowsAny<NestException>(() => nest.Connect(nrn, nrn));
        Assert.Equal(0L, Convert.ToInt64(nest.GetKernelStatus("num_connections"), System.Globalization.CultureInfo.InvariantCulture));
    }

    // NEST: testsuite/pytests/neurons/test_multisynapse_models.py::test_multisynapse_model_rport_one[aeif_cond_beta_multisynapse]
    [Fact]
    public void RportOne_IsAccepted()
    {
        var nest = new Simulator();
        var nrn = nest.Create(Model);
        nest.Connect(nrn, nrn, syn: new Dictionary<string, object> { ["receptor_type"] = 1 });
        Assert.Equal(1L, Convert.ToInt64(nest.GetKernelStatus("num_connections"), System.Globalization.CultureInfo.InvariantCulture));
    }

    // NEST: testsuite/pytests/neurons/test_multisynapse_models.py::test_multisynapse_model_empty_param_vector[aeif_cond_beta_multisynapse]
    [Fact]
    public void EmptyParamVector_IsAccepted()
    {
        var nest = new Simulator();
        var nrn = nest.Create(Model);
        nrn.Set(new Dictionary<string, object>
        {
            ["E_rev"] = Array.Empty<double>(), ["tau_rise"] = Array.Empty<double>(), ["tau_decay"] = Array.Empty<double>(),
        });
        foreach (string key in (string[])["E_rev", "tau_rise", "tau_decay"]) Assert.Empty((double[])nrn.Get(key));
    }

    // NEST's checks of the receptor arrays (aeif_cond_beta_multisynapse::Parameters_::set), each checked with NEST 3.10:
    // a length change needs all three arrays; equal lengths; time constants > 0 with tau_rise <= tau_decay (equal is
    // allowed: the alpha function); no fewer ports once a spike connection reached the node, more are allowed; a
    // refused Set changes nothing; dg, g and n_receptors are read only.
    [Fact]
    public void ReceptorArrayChecks()
    {
        var nest = new Simulator();
        var nrn = nest.Create(Model);
        Assert.Throws<BadPropertyException>(() => nrn.Set("E_rev", new[] { 1.0, 2.0 }));
        nrn.Set("E_rev", new[] { 5.0 });
        Assert.Throws<BadPropertyException>(() => nrn.Set("tau_rise", new[] { 30.0 }));
        nrn.Set(new Dictionary<string, object> { ["tau_rise"] = new[] { 2.0 }, ["tau_decay"] = new[] { 2.0 } });
        Assert.Throws<BadPropertyException>(() => nrn.Set(new Dictionary<string, object>
        {
            ["E_rev"] = new[] { 0.0 }, ["tau_rise"] = new[] { 0.0 }, ["tau_decay"] = new[] { 2.0 },
        }));
        Assert.Throws<BadPropertyException>(() => nrn.Set(new Dictionary<string, object>
        {
            ["E_rev"] = new[] { 0.0, 1.0 }, ["tau_rise"] = new[] { 1.0, 1.0 }, ["tau_decay"] = new[] { 2.0 },
        }));
        Assert.Equal(new[] { 5.0 }, (double[])nrn.Get("E_rev"));
        Assert.Equal(new[] { 2.0 }, (double[])nrn.Get("tau_rise"));
        Assert.Equal(new[] { 2.0 }, (double[])nrn.Get("tau_decay"));
        foreach (string key in (string[])["g", "dg", "n_receptors"])
            Assert.Throws<UnaccessedDictionaryEntryException>(() => nrn.Set(key, key == "n_receptors" ? 3L : new[] { 1.0 }));

        nrn.Set(new Dictionary<string, object>
        {
            ["E_rev"] = new[] { 0.0, 0.0 }, ["tau_rise"] = new[] { 1.0, 1.0 }, ["tau_decay"] = new[] { 2.0, 2.0 },
        });
        nest.Connect(nrn, nrn, syn: new Dictionary<string, object> { ["receptor_type"] = 2 });
        Assert.True(nrn.Get<bool>("has_connections"));
        Assert.Throws<BadPropertyException>(() => nrn.Set(new Dictionary<string, object>
        {
            ["E_rev"] = new[] { 0.0 }, ["tau_rise"] = new[] { 1.0 }, ["tau_decay"] = new[] { 2.0 },
        }));
        nrn.Set(new Dictionary<string, object>
        {
            ["E_rev"] = new[] { 0.0, 0.0, 0.0 }, ["tau_rise"] = new[] { 1.0, 1.0, 1.0 }, ["tau_decay"] = new[] { 2.0, 2.0, 2.0 },
        });
        Assert.Equal(["V_m", "g_1", "g_2", "g_3", "w"], Recordables(nrn));
        Assert.Throws<IncompatibleReceptorTypeException>(() => nest.Connect(nrn, nrn, syn: new Dictionary<string, object> { ["receptor_type"] = 4 }));
        Assert.Throws<IncompatibleReceptorTypeException>(() => nest.Connect(nrn, nrn, syn: new Dictionary<string, object> { ["receptor_type"] = 0 }));
        var dc = nest.Create("dc_generator");
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(dc, nrn, syn: new Dictionary<string, object> { ["receptor_type"] = 1 }));
        nest.Connect(dc, nrn);
    }

    // NEST sizes dg and g (the state) only before a run: the status shows one element until the first Simulate, then as
    // many as the ports of the last run (values of NEST 3.10).
    [Fact]
    public void StateArrays_AreSizedByTheLastRun()
    {
        var nest = new Simulator();
        var nrn = nest.Create(Model, 1, new()
        {
            ["E_rev"] = new[] { 0.0, 0.0, -85.0 }, ["tau_rise"] = new[] { 1.0, 2.0, 3.0 }, ["tau_decay"] = new[] { 2.0, 3.0, 4.0 },
        });
        Assert.Equal(new[] { 0.0 }, (double[])nrn.Get("g"));
        Assert.Equal(new[] { 0.0 }, (double[])nrn.Get("dg"));
        Assert.Equal(3L, nrn.Get<long>("n_receptors"));
        nest.Simulate(1.0);
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, (double[])nrn.Get("g"));
        nrn.Set(new Dictionary<string, object>
        {
            ["E_rev"] = Array.Empty<double>(), ["tau_rise"] = Array.Empty<double>(), ["tau_decay"] = Array.Empty<double>(),
        });
        Assert.Equal(3, ((double[])nrn.Get("dg")).Length);
        Assert.Equal(0L, nrn.Get<long>("n_receptors"));
        Assert.Equal(["V_m", "w"], Recordables(nrn));
        nest.Simulate(1.0);
        Assert.Empty((double[])nrn.Get("dg"));
        Assert.Empty((double[])nrn.Get("g"));

        var empty = nest.Create(Model, 1, new()
        {
            ["E_rev"] = Array.Empty<double>(), ["tau_rise"] = Array.Empty<double>(), ["tau_decay"] = Array.Empty<double>(),
        });
        Assert.Equal(new[] { 0.0 }, (double[])empty.Get("g"));
    }

    // NEST connects a negative weight and fails with BadProperty when the spike is delivered (checked with NEST 3.10).
    [Fact]
    public void NegativeWeight_FailsDuringSimulate()
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
        var nrn = nest.Create(Model);
        nest.Connect(sg, nrn, syn: Syn(1.0, -1.0, 1));
        Assert.Throws<BadPropertyException>(() => nest.Simulate(5.0));
    }
}
