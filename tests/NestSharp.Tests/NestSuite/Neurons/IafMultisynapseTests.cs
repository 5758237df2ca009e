namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>iaf_psc_exp_multisynapse and iaf_psc_alpha_multisynapse: tau_syn ports, recordables per port, PSCs and PSPs against the analytical solution.</summary>
public sealed class IafMultisynapseTests
{
    private static readonly double[] TauSyns = [2.0, 20.0, 60.0, 100.0];
    private static readonly double[] Delays = [7.0, 5.0, 2.0, 1.0];
    private static readonly double[] Weights = [30.0, 50.0, 20.0, 10.0];

    private static string[] RecordablesOf(NodeCollection nrn) => (string[])nrn.Get("recordables");

    // NEST: neurons/test_iaf_psc_exp_multisynapse.py::test_set_synaptic_time_constants
    [Fact]
    public void Exp_SetSynapticTimeConstants()
    {
        double[] taus = [2.0, 20.0, 60.0, 100.0];
        var nest = new Simulator();
        var nrn = nest.Create("iaf_psc_exp_multisynapse");
        nrn.Set("tau_syn", taus);
        Assert.Equal(taus, (double[])nrn.Get("tau_syn"));
    }

    // NEST: neurons/test_iaf_psc_exp_multisynapse.py::test_default_recordables
    [Fact]
    public void Exp_DefaultRecordables()
    {
        var nest = new Simulator();
        var recordables = RecordablesOf(nest.Create("iaf_psc_exp_multisynapse"));
        Assert.Equal(3, recordables.Length);
        Assert.Contains("I_syn", recordables);
        Assert.Contains("I_syn_1", recordables);
        Assert.Contains("V_m", recordables);
    }

    // NEST: neurons/test_iaf_psc_exp_multisynapse.py::test_resize_recordables
    // NEST: neurons/test_iaf_psc_alpha_multisynapse.py::test_resize_recordables
    // (both NEST tests create iaf_psc_alpha_multisynapse; the exp model is checked alike)
    [Theory]
    [InlineData("iaf_psc_alpha_multisynapse")]
    [InlineData("iaf_psc_exp_multisynapse")]
    public void ResizeRecordables(string model)
    {
        var nest = new Simulator();
        var nrn = nest.Create(model, 1, new() { ["tau_syn"] = new[] { 5.0, 1.0, 25.0 } });
        Assert.Equal(5, RecordablesOf(nrn).Length);
        nrn.Set("tau_syn", new[] { 5.0, 1.0 });
        Assert.Equal(4, RecordablesOf(nrn).Length);
        nrn.Set("tau_syn", new[] { 5.0, 1.0, 25.0, 50.0 });
        Assert.Equal(6, RecordablesOf(nrn).Length);
    }

    // NEST: neurons/test_iaf_psc_alpha_multisynapse.py::test_I_syn_1_in_recordables
    [Fact]
    public void Alpha_ISyn1InRecordables()
    {
        var nest = new Simulator();
        Assert.Contains("I_syn_1", RecordablesOf(nest.Create("iaf_psc_alpha_multisynapse")));
    }

    private static (double[] Times, Dictionary<string, object> Events) SimulateFourPorts(string model, double dt, double spikeTime, double simtime, double? mmDelay)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = dt });
        var nrn = nest.Create(model, 1, new()
        {
            ["C_m"] = 250.0, ["E_L"] = 0.0, ["V_m"] = 0.0, ["V_th"] = 1500.0, ["I_e"] = 0.0, ["tau_m"] = 15.0, ["tau_syn"] = TauSyns,
        });
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { spikeTime } });
        for (int i = 0; i < 4; i++)
        {
            nest.Connect(sg, nrn, new Dictionary<string, object> { ["rule"] = "one_to_one" }, new Dictionary<string, object>
            {
                ["synapse_model"] = "static_synapse", ["delay"] = Delays[i], ["weight"] = Weights[i], ["receptor_type"] = i + 1,
            });
        }
        var mm = nest.Create("multimeter", 1, new()
        {
            ["record_from"] = new[] { "I_syn_1", "I_syn_2", "I_syn_3", "I_syn_4", "V_m", "I_syn" }, ["interval"] = dt,
        });
        if (mmDelay is { } d) nest.Connect(mm, nrn, syn: new Dictionary<string, object> { ["delay"] = d });
        else nest.Connect(mm, nrn);
        nest.Simulate(simtime);
        var events = (Dictionary<string, object>)mm.Get("events");
        return ((double[])events["times"], events);
    }

    /// <summary>numpy's assert_array_almost_equal (6 decimals): |a - b| &lt; 1.5e-6.</summary>
    private static void AssertAlmostEqual(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1.5e-6, $"{what}[{i}]: expected {expected[i]}, got {actual[i]}");
    }

    // NEST: neurons/test_iaf_psc_exp_multisynapse.py::test_simulation_against_analytical_solution
    [Fact]
    public void Exp_SimulationAgainstAnalyticalSolution()
    {
        const double cM = 250.0, tauM = 15.0, spikeTime = 0.1;
        var (times, events) = SimulateFourPorts("iaf_psc_exp_multisynapse", 0.1, spikeTime, 8.0, 0.1);
        var vm = new double[times.Length];
        for (int p = 0; p < 4; p++)
        {
            var current = new double[times.Length];
            for (int k = 0; k < times.Length; k++)
            {
                double t = times[k] - Delays[p] - spikeTime;
                if (t <= 0.0) continue;
                current[k] = Math.Exp(-t / TauSyns[p]) * Weights[p];
                vm[k] += Weights[p] / (cM * (1.0 / TauSyns[p] - 1.0 / tauM)) * (Math.Exp(-t / tauM) - Math.Exp(-t / TauSyns[p]));
            }
            AssertAlmostEqual(current, (double[])events[$"I_syn_{p + 1}"], $"I_syn_{p + 1}");
        }
        AssertAlmostEqual(vm, (double[])events["V_m"], "V_m");
    }

    // NEST: neurons/test_iaf_psc_alpha_multisynapse.py::test_simulation_against_analytical_soln
    [Fact]
    public void Alpha_SimulationAgainstAnalyticalSolution()
    {
        const double cM = 250.0, tauM = 15.0, spikeTime = 1.0;
        var (times, events) = SimulateFourPorts("iaf_psc_alpha_multisynapse", 1.0, spikeTime, 100.0, null);
        var vm = new double[times.Length];
        for (int p = 0; p < 4; p++)
        {
            double tauS = TauSyns[p];
            var current = new double[times.Length];
            for (int k = 0; k < times.Length; k++)
            {
                double t = times[k] - Delays[p] - spikeTime;
                if (t <= 0.0) continue;
                current[k] = Math.E / tauS * t * Math.Exp(-t / tauS) * Weights[p];
                double[,] a = { { -1.0 / tauS, 0.0, 0.0 }, { 1.0, -1.0 / tauS, 0.0 }, { 0.0, 1.0 / cM, -1.0 / tauM } };
                vm[k] += MatrixExp(a, t)[2, 0] * Weights[p] * Math.E / tauS;
            }
            AssertAlmostEqual(current, (double[])events[$"I_syn_{p + 1}"], $"I_syn_{p + 1}");
        }
        AssertAlmostEqual(vm, (double[])events["V_m"], "V_m");
    }

    /// <summary>exp(A·t) of a 3×3 matrix (scipy's expm in the NEST test): scaling and squaring with a Taylor series.</summary>
    private static double[,] MatrixExp(double[,] a, double t)
    {
        int squarings = Math.Max(0, (int)Math.Ceiling(Math.Log2(Math.Max(1.0, t * 4.0))) + 4);
        double scale = t / Math.Pow(2, squarings);
        var m = new double[3, 3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) m[i, j] = a[i, j] * scale;
        var result = Identity();
        var term = Identity();
        for (int n = 1; n < 30; n++)
        {
            term = Multiply(term, m);
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) term[i, j] /= n;
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) result[i, j] += term[i, j];
        }
        for (int s = 0; s < squarings; s++) result = Multiply(result, result);
        return result;
    }

    private static double[,] Identity() => new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };

    private static double[,] Multiply(double[,] x, double[,] y)
    {
        var z = new double[3, 3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) z[i, j] += x[i, k] * y[k, j];
        return z;
    }

    // NEST: neurons/test_multisynapse_models.py::test_multisynapse_model_rport_zero
    [Theory]
    [InlineData("iaf_psc_alpha_multisynapse")]
    [InlineData("iaf_psc_exp_multisynapse")]
    public void RportZero_IsRefused(string model)
    {
        var nest = new Simulator();
        var nrn = nest.Create(model);
        Assert.ThrowsAny<NestException>(() => nest.Connect(nrn, nrn));
        Assert.Equal(0L, Convert.ToInt64(nest.GetKernelStatus("num_connections"), System.Globalization.CultureInfo.InvariantCulture));
    }

    // NEST: neurons/test_multisynapse_models.py::test_multisynapse_model_rport_one
    [Theory]
    [InlineData("iaf_psc_alpha_multisynapse")]
    [InlineData("iaf_psc_exp_multisynapse")]
    public void RportOne_IsAccepted(string model)
    {
        var nest = new Simulator();
        var nrn = nest.Create(model);
        nest.Connect(nrn, nrn, syn: new Dictionary<string, object> { ["receptor_type"] = 1 });
        Assert.Equal(1L, Convert.ToInt64(nest.GetKernelStatus("num_connections"), System.Globalization.CultureInfo.InvariantCulture));
    }

    // NEST: neurons/test_multisynapse_models.py::test_multisynapse_model_empty_param_vector
    [Theory]
    [InlineData("iaf_psc_alpha_multisynapse")]
    [InlineData("iaf_psc_exp_multisynapse")]
    public void EmptyParamVector_IsAccepted(string model)
    {
        var nest = new Simulator();
        var nrn = nest.Create(model);
        nrn.Set("tau_syn", Array.Empty<double>());
        Assert.Empty((double[])nrn.Get("tau_syn"));
    }

    // NEST's checks of tau_syn (iaf_psc_*_multisynapse::Parameters_::set): elements > 0; the number of ports is fixed
    // once a spike connection reached the node; for the exp model, tau_syn must differ from tau_m. A refused Set changes nothing.
    [Theory]
    [InlineData("iaf_psc_alpha_multisynapse")]
    [InlineData("iaf_psc_exp_multisynapse")]
    public void TauSynChecks(string model)
    {
        var nest = new Simulator();
        var nrn = nest.Create(model, 1, new() { ["tau_syn"] = new[] { 1.0, 2.0 } });
        Assert.Throws<BadPropertyException>(() => nrn.Set("tau_syn", new[] { 1.0, 0.0 }));
        Assert.Throws<BadPropertyException>(() => nrn.Set("tau_syn", new[] { -1.0 }));
        Assert.Equal(new[] { 1.0, 2.0 }, (double[])nrn.Get("tau_syn"));
        Assert.Equal(2L, nrn.Get<long>("n_synapses"));
        Assert.False(nrn.Get<bool>("has_connections"));
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nrn.Set("n_synapses", 3L));

        var sg = nest.Create("spike_generator");
        Assert.Throws<IncompatibleReceptorTypeException>(() => nest.Connect(sg, nrn, syn: new Dictionary<string, object> { ["receptor_type"] = 3 }));
        Assert.False(nrn.Get<bool>("has_connections"));
        nest.Connect(sg, nrn, syn: new Dictionary<string, object> { ["receptor_type"] = 2 });
        Assert.True(nrn.Get<bool>("has_connections"));
        Assert.Throws<BadPropertyException>(() => nrn.Set("tau_syn", new[] { 1.0 }));
        Assert.Throws<BadPropertyException>(() => nrn.Set("tau_syn", new[] { 1.0, 2.0, 3.0 }));
        nrn.Set("tau_syn", new[] { 3.0, 4.0 });
        Assert.Equal(new[] { 3.0, 4.0 }, (double[])nrn.Get("tau_syn"));
        if (model == "iaf_psc_exp_multisynapse")
            Assert.Throws<BadPropertyException>(() => nrn.Set("tau_syn", new[] { 10.0, 4.0 }));
    }
}
