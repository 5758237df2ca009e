using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// aeif_cond_alpha_multisynapse: NEST 3.10's neurons/test_aeif_cond_alpha_multisynapse.py (a multisynapse neuron
/// against four aeif_cond_alpha neurons, recordables, their resizing, alpha-shaped conductances) and the model's rows of
/// neurons/test_multisynapse_models.py, plus NEST's checks of the receptor arrays and of the weights
/// (models/aeif_cond_alpha_multisynapse.cpp).
/// </summary>
public sealed class AeifCondAlphaMultisynapseTests
{
    private const string Model = "aeif_cond_alpha_multisynapse";

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

    // NEST: testsuite/pytests/neurons/test_aeif_cond_alpha_multisynapse.py::TestAeifCondAlphaMultisynapse::test_single_multi_synapse_equivalence
    [Fact]
    public void SingleMultiSynapseEquivalence()
    {
        const double simulationT = 2500.0, dt = 0.1, eEx = 0.0, eIn = -85.0, vPeak = 0.0, a = 4.0, b = 80.5, spikeTime = 1.0;
        const double vmSteadyState = -70.59992755, wSteadyState = 0.00029113;
        double[] tauSyn = [0.2, 0.5, 1.0, 10.0], weight = [1.0, 5.0, 1.0, -1.0], eRev = [eEx, eEx, eEx, eIn];
        // ordered, far enough apart that one PSC does not affect the next
        double[] delays = [1.0, 500.0, 1500.0, 2250.0];

        var nest = new Simulator();
        nest.SetKernelStatus("resolution", dt);
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { spikeTime } });

        // one aeif_cond_alpha per synapse of the multisynapse neuron
        var singleVm = new NodeCollection[weight.Length];
        for (int i = 0; i < weight.Length; i++)
        {
            var node = nest.Create("aeif_cond_alpha", 1, new()
            {
                ["V_m"] = vmSteadyState, ["w"] = wSteadyState, ["V_peak"] = vPeak, ["a"] = a, ["b"] = b,
                ["tau_syn_ex"] = tauSyn[i], ["tau_syn_in"] = tauSyn[i],
            });
            nest.Connect(sg, node, syn: new Dictionary<string, object> { ["delay"] = delays[i], ["weight"] = weight[i] });
            singleVm[i] = nest.Create("voltmeter", 1, new() { ["interval"] = dt });
            nest.Connect(singleVm[i], node);
        }

        var multi = nest.Create(Model, 1, new()
        {
            ["V_m"] = vmSteadyState, ["w"] = wSteadyState, ["tau_syn"] = tauSyn, ["E_rev"] = eRev, ["V_peak"] = vPeak,
            ["a"] = a, ["b"] = b,
        });
        for (int i = 0; i < weight.Length; i++) nest.Connect(sg, multi, syn: Syn(delays[i], Math.Abs(weight[i]), i + 1));
        var multiVm = nest.Create("voltmeter", 1, new() { ["interval"] = dt });
        nest.Connect(multiVm, multi);

        nest.Simulate(simulationT);

        double[] multiV = Doubles(multiVm, "V_m");
        var summed = new double[multiV.Length];
        for (int i = 0; i < 4; i++)
        {
            double[] v = Doubles(singleVm[i], "V_m");
            for (int k = 0; k < summed.Length; k++) summed[k] += v[k] - vmSteadyState;
        }
        var error = new double[summed.Length];
        for (int k = 0; k < summed.Length; k++) error[k] = Math.Abs(summed[k] + vmSteadyState - multiV[k]);

        // a large tolerance, as previous PSPs affect subsequent ones in the multisynapse neuron
        AssertAllClose(new double[error.Length], error, atol: 1e-6);
    }

    // NEST: testsuite/pytests/neurons/test_aeif_cond_alpha_multisynapse.py::TestAeifCondAlphaMultisynapse::test_recordables
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

    // NEST: testsuite/pytests/neurons/test_aeif_cond_alpha_multisynapse.py::TestAeifCondAlphaMultisynapse::test_resize_recordables
    [Fact]
    public void ResizeRecordables()
    {
        var nest = new Simulator();
        var nrn = nest.Create(Model, 1, new()
        {
            ["E_rev"] = new[] { 0.0, 0.0, -85.0 }, ["tau_syn"] = new[] { 5.0, 1.0, 25.0 },
        });
        Assert.Equal(5, Recordables(nrn).Length);

        nrn.Set(new Dictionary<string, object> { ["E_rev"] = new[] { 0.0, 0.0 }, ["tau_syn"] = new[] { 5.0, 1.0 } });
        Assert.Equal(4, Recordables(nrn).Length);

        nrn.Set(new Dictionary<string, object>
        {
            ["E_rev"] = new[] { 0.0, 0.0, -85.0, 0.0 }, ["tau_syn"] = new[] { 5.0, 1.0, 25.0, 50.0 },
        });
        Assert.Equal(6, Recordables(nrn).Length);
    }

    // NEST: testsuite/pytests/neurons/test_aeif_cond_alpha_multisynapse.py::TestAeifCondAlphaMultisynapse::test_g_alpha_dynamics
    [Fact]
    public void ConductanceShapes_AreAlphaFunctions()
    {
        const double dt = 0.1, spikeTime = 10.0, totalT = 500.0;
        double[] eRev = [0.0, 0.0, -85.0, 20.0], tauSyn = [40.0, 20.0, 30.0, 25.0];
        double[] weight = [1.0, 0.5, 2.0, 1.0], delays = [1.0, 3.0, 10.0, 10.0];

        var nest = new Simulator();
        nest.SetKernelStatus("resolution", dt);
        var nrn = nest.Create(Model, 1, new()
        {
            ["w"] = 0.0, ["a"] = 0.0, ["b"] = 0.0, ["Delta_T"] = 0.0, ["t_ref"] = 0.0, ["I_e"] = 0.0, ["E_rev"] = eRev,
            ["tau_syn"] = tauSyn,
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
            for (int k = 0; k < t.Length; k++)
            {
                double x = Math.Max((t[k] - t0) / tauSyn[i], 0.0);
                theory[k] = weight[i] * x * Math.E * Math.Exp(-x);
            }
            AssertAllClose(theory, Doubles(mm, $"g_{i + 1}"));
        }
    }

    // NEST: testsuite/pytests/neurons/test_multisynapse_models.py::test_multisynapse_model_rport_zero[aeif_cond_alpha_multisynapse]
    [Fact]
    public void RportZero_IsRefused()
    {
        var nest = new Simulator();
        var nrn = nest.Create(Model);
        Assert.ThrowsAny<NestException>(() => nest.Connect(nrn, nrn));
        Assert.Equal(0L, Convert.ToInt64(nest.GetKernelStatus("num_connections"), System.Globalization.CultureInfo.InvariantCulture));
    }

    // NEST: testsuite/pytests/neurons/test_multisynapse_models.py::test_multisynapse_model_rport_one[aeif_cond_alpha_multisynapse]
    [Fact]
    public void RportOne_IsAccepted()
    {
        var nest = new Simulator();
        var nrn = nest.Create(Model);
        nest.Connect(nrn, nrn, syn: new Dictionary<string, object> { ["receptor_type"] = 1 });
        Assert.Equal(1L, Convert.ToInt64(nest.GetKernelStatus("num_connections"), System.Globalization.CultureInfo.InvariantCulture));
    }

    // NEST: testsuite/pytests/neurons/test_multisynapse_models.py::test_multisynapse_model_empty_param_vector[aeif_cond_alpha_multisynapse]
    [Fact]
    public void EmptyParamVector_IsAccepted()
    {
        var nest = new Simulator();
        var nrn = nest.Create(Model);
        nrn.Set(new Dictionary<string, object> { ["E_rev"] = Array.Empty<double>(), ["tau_syn"] = Array.Empty<double>() });
        foreach (string key in (string[])["E_rev", "tau_syn"]) Assert.Empty((double[])nrn.Get(key));
    }

    // NEST's checks of the receptor arrays (aeif_cond_alpha_multisynapse::Parameters_::set): a length change needs both
    // arrays; equal lengths; time constants > 0; no fewer ports once a spike connection reached the node, more are
    // allowed; a refused Set changes nothing; dg, g and n_receptors are read only.
    [Fact]
    public void ReceptorArrayChecks()
    {
        var nest = new Simulator();
        var nrn = nest.Create(Model);
        Assert.Throws<BadPropertyException>(() => nrn.Set("E_rev", new[] { 1.0, 2.0 }));
        Assert.Throws<BadPropertyException>(() => nrn.Set("tau_syn", new[] { 1.0, 2.0 }));
        nrn.Set("E_rev", new[] { 5.0 });
        nrn.Set("tau_syn", new[] { 3.0 });
        Assert.Throws<BadPropertyException>(() => nrn.Set("tau_syn", new[] { 0.0 }));
        Assert.Throws<BadPropertyException>(() => nrn.Set(new Dictionary<string, object> { ["E_rev"] = new[] { 0.0 }, ["tau_syn"] = new[] { -1.0 } }));
        Assert.Throws<BadPropertyException>(() => nrn.Set(new Dictionary<string, object>
        {
            ["E_rev"] = new[] { 0.0, 1.0 }, ["tau_syn"] = new[] { 1.0 },
        }));
        Assert.Equal(new[] { 5.0 }, (double[])nrn.Get("E_rev"));
        Assert.Equal(new[] { 3.0 }, (double[])nrn.Get("tau_syn"));
        foreach (string key in (string[])["g", "dg", "n_receptors"])
            Assert.Throws<UnaccessedDictionaryEntryException>(() => nrn.Set(key, key == "n_receptors" ? 3L : new[] { 1.0 }));

        nrn.Set(new Dictionary<string, object> { ["E_rev"] = new[] { 0.0, 0.0 }, ["tau_syn"] = new[] { 1.0, 1.0 } });
        nest.Connect(nrn, nrn, syn: new Dictionary<string, object> { ["receptor_type"] = 2 });
        Assert.True(nrn.Get<bool>("has_connections"));
        Assert.Throws<BadPropertyException>(() => nrn.Set(new Dictionary<string, object> { ["E_rev"] = new[] { 0.0 }, ["tau_syn"] = new[] { 1.0 } }));
        nrn.Set(new Dictionary<string, object> { ["E_rev"] = new[] { 0.0, 0.0, 0.0 }, ["tau_syn"] = new[] { 1.0, 1.0, 1.0 } });
        Assert.Equal(["V_m", "g_1", "g_2", "g_3", "w"], Recordables(nrn));
        Assert.Throws<IncompatibleReceptorTypeException>(() => nest.Connect(nrn, nrn, syn: new Dictionary<string, object> { ["receptor_type"] = 4 }));
        Assert.Throws<IncompatibleReceptorTypeException>(() => nest.Connect(nrn, nrn, syn: new Dictionary<string, object> { ["receptor_type"] = 0 }));
        var dc = nest.Create("dc_generator");
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(dc, nrn, syn: new Dictionary<string, object> { ["receptor_type"] = 1 }));
        nest.Connect(dc, nrn);
    }

    // NEST sizes dg and g (the state) only before a run: one element until the first Simulate, then as many as the
    // ports of the last run.
    [Fact]
    public void StateArrays_AreSizedByTheLastRun()
    {
        var nest = new Simulator();
        var nrn = nest.Create(Model, 1, new() { ["E_rev"] = new[] { 0.0, 0.0, -85.0 }, ["tau_syn"] = new[] { 1.0, 2.0, 3.0 } });
        Assert.Equal(new[] { 0.0 }, (double[])nrn.Get("g"));
        Assert.Equal(3L, nrn.Get<long>("n_receptors"));
        nest.Simulate(1.0);
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, (double[])nrn.Get("dg"));
        nrn.Set(new Dictionary<string, object> { ["E_rev"] = Array.Empty<double>(), ["tau_syn"] = Array.Empty<double>() });
        Assert.Equal(3, ((double[])nrn.Get("g")).Length);
        Assert.Equal(["V_m", "w"], Recordables(nrn));
        nest.Simulate(1.0);
        Assert.Empty((double[])nrn.Get("g"));
    }

    // NEST connects a negative weight and fails with BadProperty when the spike is delivered.
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
