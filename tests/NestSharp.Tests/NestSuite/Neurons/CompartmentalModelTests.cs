using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// cm_default: NEST 3.10's neurons/test_compartmental_model.py. The model's implicit step and Hines solve are compared
/// with the linear systems the test writes down (one step, steady state, attenuation, conductance input), solved here
/// by <see cref="DenseSolve"/> in place of numpy.linalg; then status, errors and continued runs.
/// test_compartments_wrapper is not ported: it tests PyNEST's Python class <c>nest.Compartments</c> (its + operator and
/// TypeErrors), which has no counterpart in the C# API (test_add_assign covers what += sends: add_compartments).
/// </summary>
public sealed class CompartmentalModelTests
{
    private static readonly Dictionary<string, double> SP = Params(1.00, 0.00, 0.100, -70.0, -70.0);

    private static readonly Dictionary<string, double>[] DP =
    [
        Params(0.10, 0.10, 0.010, -70.0, -70.0),
        Params(0.08, 0.11, 0.007, -70.0, -70.0),
        Params(0.09, 0.07, 0.011, -70.0, -70.0),
        Params(0.15, 0.12, 0.014, -70.0, -70.0),
        Params(0.20, 0.32, 0.022, -55.0, -55.0),
        Params(0.12, 0.12, 0.010, -23.0, -23.0),
        Params(0.32, 0.09, 0.032, -32.0, -32.0),
        Params(0.01, 0.05, 0.001, -88.0, -88.0),
        Params(0.02, 0.03, 0.002, -90.0, -90.0),
    ];

    private static Dictionary<string, double> Params(double cm, double gc, double gl, double el, double v) =>
        new() { ["C_m"] = cm, ["g_C"] = gc, ["g_L"] = gl, ["e_L"] = el, ["v_comp"] = v };

    private static Dictionary<string, object> AsObjects(Dictionary<string, double> p) => p.ToDictionary(kv => kv.Key, kv => (object)kv.Value);

    private static Dictionary<string, object> Compartment(long parent, Dictionary<string, double> p) =>
        new() { ["parent_idx"] = parent, ["params"] = AsObjects(p) };

    private static Dictionary<string, object> Receptor(long compartment, string type) =>
        new() { ["comp_idx"] = compartment, ["receptor_type"] = type };

    private static Dictionary<string, object> Syn(double weight, long receptor, double? delay = null)
    {
        var syn = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = weight, ["receptor_type"] = receptor };
        if (delay is { } d) syn["delay"] = d;
        return syn;
    }

    /// <summary>The parents of the test's trees (compartment i takes SP for i = 0, DP[i - 1] otherwise).</summary>
    private static int[] ParentsOf(string model) => model switch
    {
        "1dend_1comp" => [-1, 0],
        "2dend_1comp" => [-1, 0, 0],
        "1dend_2comp" => [-1, 0, 1],
        "tdend_4comp" => [-1, 0, 1, 2, 2],
        "2tdend_4comp" => [-1, 0, 1, 2, 2, 0, 5, 6, 6],
        _ => throw new ArgumentException(model),
    };

    private static Dictionary<string, double> ParamsOf(int compartment) => compartment == 0 ? SP : DP[compartment - 1];

    private sealed record Built(Simulator Nest, NodeCollection Neuron, NodeCollection Meter, double[,] Aa, double[] Bb, double[,] Ss);

    /// <summary>
    /// The test's create_&lt;model&gt;: a cm_default with the tree, V_th 100, a multimeter on every v_comp (interval
    /// 0.1), the matrix and right-hand side of one step from rest, and the steady-state conductance matrix.
    /// </summary>
    private static Built Create(string model, double dt = 0.1)
    {
        int[] parents = ParentsOf(model);
        int n = parents.Length;
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", dt);
        var neuron = nest.Create("cm_default", 1, model == "tdend_4comp" ? new() { ["V_th"] = 100.0 } : null);
        neuron.Set("V_th", 100.0);
        neuron.Set("compartments", Enumerable.Range(0, n).Select(i => Compartment(parents[i], ParamsOf(i))).ToArray());
        var meter = nest.Create("multimeter", 1, new()
        {
            ["record_from"] = Enumerable.Range(0, n).Select(i => $"v_comp{i}").ToArray(), ["interval"] = 0.1,
        });
        nest.Connect(meter, neuron);

        var aa = new double[n, n];
        var bb = new double[n];
        var ss = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            var p = ParamsOf(i);
            aa[i, i] = p["C_m"] / dt + p["g_L"] / 2.0;
            bb[i] = p["C_m"] / dt * p["e_L"] + p["g_L"] * p["e_L"] / 2.0;
            ss[i, i] = -p["g_L"];
        }
        for (int i = 1; i < n; i++)
        {
            // coupling of compartment i with its parent, on both rows
            var p = ParamsOf(i);
            int q = parents[i];
            var pq = ParamsOf(q);
            aa[i, i] += p["g_C"] / 2.0;
            aa[q, q] += p["g_C"] / 2.0;
            aa[i, q] = aa[q, i] = -p["g_C"] / 2.0;
            bb[i] -= p["g_C"] * (p["e_L"] - pq["e_L"]) / 2.0;
            bb[q] -= p["g_C"] * (pq["e_L"] - p["e_L"]) / 2.0;
            ss[i, i] -= p["g_C"];
            ss[q, q] -= p["g_C"];
            ss[i, q] = ss[q, i] = p["g_C"];
        }
        return new Built(nest, neuron, meter, aa, bb, ss);
    }

    private static double[] Last(NodeCollection meter, int n) => [.. Enumerable.Range(0, n).Select(i => Doubles(meter, $"v_comp{i}")[^1])];

    /// <summary>numpy.allclose: |a - b| &lt;= atol + rtol·|b| everywhere.</summary>
    private static void AssertAllClose(double[] expected, double[] actual, double rtol = 1e-5, double atol = 1e-8)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) <= atol + rtol * Math.Abs(expected[i]),
                $"element {i}: NestSharp {actual[i]}, expected {expected[i]}");
        }
    }

    public static TheoryData<string> InversionModels() => ["1dend_1comp", "2dend_1comp", "1dend_2comp", "tdend_4comp"];

    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_inversion
    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_all_inversion
    [Theory]
    [MemberData(nameof(InversionModels))]
    public void Inversion_OneStepEqualsTheMatrixSolution(string model)
    {
        const double dt = 0.1;
        var b = Create(model, dt);
        int n = b.Bb.Length;
        for (int ii = 0; ii < n; ii++)
        {
            double amplitude = 0.1 * (ii + 1);
            var dc = b.Nest.Create("dc_generator", 1, new() { ["amplitude"] = amplitude });
            b.Nest.Connect(dc, b.Neuron, syn: Syn(1.0, ii, dt));
            b.Bb[ii] += amplitude;
        }

        // two steps recorded: the input arrives in the second
        b.Nest.Simulate(3.0 * dt);

        AssertAllClose(DenseSolve.Solve(b.Aa, b.Bb), Last(b.Meter, n));
    }

    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_no_inp_inversion
    [Fact]
    public void NoInputInversion_FirstStepFromUnequalLeaksEqualsTheMatrixSolution()
    {
        const double dt = 0.1;
        var b = Create("2tdend_4comp", dt);
        int n = b.Bb.Length;
        for (int ii = 0; ii < n; ii++)
        {
            var dc = b.Nest.Create("dc_generator", 1, new() { ["amplitude"] = 0.0 });
            b.Nest.Connect(dc, b.Neuron, syn: Syn(1.0, ii, dt));
        }

        b.Nest.Simulate(2.0 * dt);

        double[] first = [.. Enumerable.Range(0, n).Select(i => Doubles(b.Meter, $"v_comp{i}")[0])];
        AssertAllClose(DenseSolve.Solve(b.Aa, b.Bb), first, rtol: 1e-7, atol: 0.0); // numpy.testing.assert_allclose
    }

    public static TheoryData<string, double> AttenuationCases() => new()
    {
        { "1dend_1comp", 2000.0 }, // test_attenuation's own defaults
        { "1dend_1comp", 300.0 },
        { "2dend_1comp", 300.0 },
        { "1dend_2comp", 300.0 },
        { "tdend_4comp", 300.0 },
        { "2tdend_4comp", 300.0 },
    };

    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_attenuation
    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_all_attenuation
    [Theory]
    [MemberData(nameof(AttenuationCases))]
    public void Attenuation_EqualsTheImpedanceMatrix(string model, double tMax)
    {
        const double dt = 0.1, amplitude = 1.0;
        var gg = Create(model, dt).Ss;
        int n = gg.GetLength(0);
        var minusG = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) minusG[i, j] = -gg[i, j];
        double[,] zz = DenseSolve.Inverse(minusG);

        for (int ii = 0; ii < n; ii++)
        {
            var b = Create(model, dt);
            var dc = b.Nest.Create("dc_generator", 1, new() { ["amplitude"] = amplitude });
            b.Nest.Connect(dc, b.Neuron, syn: Syn(1.0, ii, tMax / 2.0));

            b.Nest.Simulate(tMax);

            int before = (int)(tMax / (2.0 * dt)) - 1;
            double[] vNeat = [.. Enumerable.Range(0, n).Select(i => Doubles(b.Meter, $"v_comp{i}") is var v ? v[^1] - v[before] : 0.0)];
            double[] attNeat = [.. vNeat.Select(v => v / vNeat[ii])];
            double[] attSol = [.. Enumerable.Range(0, n).Select(j => zz[ii, j] / zz[ii, ii])];
            AssertAllClose(attSol, attNeat);
        }
    }

    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_equilibrium
    [Fact]
    public void Equilibrium_EqualsTheSteadyStateSolution()
    {
        const double tMax = 200.0;
        var b = Create("2tdend_4comp", 0.1);
        int n = b.Ss.GetLength(0);
        double[] gl = [.. Enumerable.Range(0, n).Select(i => ParamsOf(i)["g_L"])];
        double[] el = [.. Enumerable.Range(0, n).Select(i => ParamsOf(i)["e_L"])];
        var dc = b.Nest.Create("dc_generator", 1, new() { ["amplitude"] = 0.0 });
        b.Nest.Connect(dc, b.Neuron, syn: Syn(1.0, 0, 0.1));

        b.Nest.Simulate(tMax);

        var minusG = Negated(b.Ss);
        AssertAllClose(DenseSolve.Solve(minusG, [.. gl.Zip(el, (g, e) => g * e)]), Last(b.Meter, n));
    }

    private static double[,] Negated(double[,] m)
    {
        int n = m.GetLength(0);
        var r = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) r[i, j] = -m[i, j];
        return r;
    }

    public static TheoryData<string> AllModels() => ["1dend_1comp", "2dend_1comp", "1dend_2comp", "tdend_4comp", "2tdend_4comp"];

    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_conductance_input
    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_all_conductance_input
    [Theory]
    [MemberData(nameof(AllModels))]
    public void ConductanceInput_SteadyStateEqualsTheSolution(string model)
    {
        const double dt = 0.01, tMax = 300.0, tauR = 0.2, tauD = 3.0, weight = 0.001;
        double tp = tauR * tauD / (tauD - tauR) * Math.Log(tauD / tauR);
        double surface = (tauD - tauR) / (-Math.Exp(-tp / tauR) + Math.Exp(-tp / tauD));

        var b = Create(model, dt);
        int n = b.Ss.GetLength(0);
        double[] gl = [.. Enumerable.Range(0, n).Select(i => ParamsOf(i)["g_L"])];
        double[] el = [.. Enumerable.Range(0, n).Select(i => ParamsOf(i)["e_L"])];
        double[] synWeights = [.. Enumerable.Range(1, n).Select(k => weight * k)];
        double[] gs = [.. synWeights.Select(w => w * surface)];

        b.Neuron.Set("receptors", Enumerable.Range(0, n).Select(i => Receptor(i, "AMPA")).ToArray());
        // numpy.arange(0.1, t_max, dt)
        int count = (int)Math.Ceiling((tMax - 0.1) / dt);
        double[] spikeTimes = [.. Enumerable.Range(0, count).Select(k => 0.1 + k * dt)];
        for (int ii = 0; ii < n; ii++)
        {
            var sg = b.Nest.Create("spike_generator", 1, new() { ["spike_times"] = spikeTimes });
            b.Nest.Connect(sg, b.Neuron, syn: Syn(synWeights[ii] * dt, ii, 0.1));
        }

        b.Nest.Simulate(tMax);

        var matrix = Negated(b.Ss);
        for (int i = 0; i < n; i++) matrix[i, i] += gs[i];
        AssertAllClose(DenseSolve.Solve(matrix, [.. gl.Zip(el, (g, e) => g * e)]), Last(b.Meter, n), rtol: 1e-4);
    }

    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_spike_transmission
    [Fact]
    public void SpikeTransmission_BetweenTwoCompartmentalNeurons()
    {
        const double dt = 0.1;
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", dt);
        var soma = new Dictionary<string, object> { ["C_m"] = 1.0, ["g_C"] = 0.1, ["g_L"] = 0.1, ["e_L"] = -70.0 };

        var n0 = nest.Create("cm_default", 1, new() { ["compartments"] = new Dictionary<string, object> { ["parent_idx"] = -1L, ["params"] = soma } });
        var n1 = nest.Create("cm_default", 1, new()
        {
            ["compartments"] = new Dictionary<string, object> { ["parent_idx"] = -1L, ["params"] = soma },
            ["receptors"] = Receptor(0, "AMPA"),
        });
        nest.Connect(n0, n1, syn: Syn(0.1, 0));
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 2.0 });
        nest.Connect(dc, n0, syn: Syn(1.0, 0));
        var m0 = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "v_comp0" }, ["interval"] = dt });
        nest.Connect(m0, n0);
        var m1 = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "v_comp0" }, ["interval"] = dt });
        nest.Connect(m1, n1);

        nest.Simulate(100.0);

        Assert.Contains(Doubles(m0, "v_comp0"), v => v != -70.0);
        Assert.Contains(Doubles(m1, "v_comp0"), v => v != -70.0);
    }

    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_set_combinations
    [Fact]
    public void SetCombinations_SeparateAndSingleCallsGiveTheSameNeuron()
    {
        const double dt = 0.1;
        var nest = new Simulator();
        var sg01 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0 } });
        var sg02 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 15.0 } });
        var sg11 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0 } });
        var sg12 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 15.0 } });

        var n0 = nest.Create("cm_default");
        n0.Set("compartments", new[] { Compartment(-1, SP), Compartment(0, DP[0]) });
        n0.Set("receptors", new[] { Receptor(0, "GABA"), Receptor(1, "AMPA") });
        nest.Connect(sg01, n0, syn: Syn(0.1, 0));
        nest.Connect(sg02, n0, syn: Syn(0.1, 1));

        var n1 = nest.Create("cm_default", 1, new()
        {
            ["compartments"] = new[] { Compartment(-1, SP), Compartment(0, DP[0]) },
            ["receptors"] = new[] { Receptor(0, "GABA"), Receptor(1, "AMPA") },
        });
        nest.Connect(sg11, n1, syn: Syn(0.1, 0));
        nest.Connect(sg12, n1, syn: Syn(0.1, 1));

        var m0 = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "v_comp0" }, ["interval"] = dt });
        nest.Connect(m0, n0);
        var m1 = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "v_comp0" }, ["interval"] = dt });
        nest.Connect(m1, n1);

        nest.Simulate(100.0);

        AssertAllClose(Doubles(m1, "v_comp0"), Doubles(m0, "v_comp0"));
    }

    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_get
    [Fact]
    public void Get_ShowsCompartmentsReceptorsAndRecordables()
    {
        var nest = new Simulator();
        var neuron = nest.Create("cm_default");
        neuron.Set("compartments", new[] { Compartment(-1, SP), Compartment(0, DP[0]) });
        neuron.Set("receptors", new[] { Receptor(1, "AMPA"), Receptor(0, "GABA") });

        var compartments = (Dictionary<string, object>[])neuron.Get("compartments");
        var receptors = (Dictionary<string, object>[])neuron.Get("receptors");

        Assert.Equal(0L, compartments[0]["comp_idx"]);
        Assert.Equal(-1L, compartments[0]["parent_idx"]);
        Assert.Equal(1L, compartments[1]["comp_idx"]);
        Assert.Equal(0L, compartments[1]["parent_idx"]);

        Assert.Equal(0L, receptors[0]["comp_idx"]);
        Assert.Equal(1L, receptors[0]["receptor_idx"]);
        Assert.Equal("GABA", receptors[0]["receptor_type"]);
        Assert.Equal(1L, receptors[1]["comp_idx"]);
        Assert.Equal(0L, receptors[1]["receptor_idx"]);
        Assert.Equal("AMPA", receptors[1]["receptor_type"]);

        string[] expected =
        [
            "m_Na_0", "h_Na_0", "n_K_0", "v_comp0", "m_Na_1", "h_Na_1", "n_K_1", "v_comp1",
            "g_r_AMPA_0", "g_d_AMPA_0", "g_r_GABA_1", "g_d_GABA_1",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Recordables(neuron).Order(StringComparer.Ordinal));
    }

    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_error_handling
    [Fact]
    public void ErrorHandling_NamesTheCompartmentOrPort()
    {
        var nest = new Simulator();

        // double root
        var neuron = nest.Create("cm_default");
        var e = Assert.ThrowsAny<NestException>(() => neuron.Set("compartments", new[] { Compartment(-1, SP), Compartment(-1, SP) }));
        Assert.Matches("Compartment 0 , the root, has already been instantiated.", e.Message);

        // undefined parent compartment
        neuron = nest.Create("cm_default");
        e = Assert.ThrowsAny<NestException>(() => neuron.Set("compartments", new[] { Compartment(-1, SP), Compartment(15, SP) }));
        Assert.Matches("Compartment 15 does not exist in tree, but was specified as a parent.", e.Message);

        // undefined compartment when adding a receptor
        neuron = nest.Create("cm_default");
        neuron.Set("compartments", Compartment(-1, SP));
        e = Assert.ThrowsAny<NestException>(() => neuron.Set("receptors", Receptor(12, "GABA")));
        Assert.Matches("Compartment 12 does not exist in tree.", e.Message);

        // simulate without adding compartments
        nest.Create("cm_default");
        e = Assert.ThrowsAny<NestException>(() => nest.Simulate(10.0));
        Assert.Matches("Compartment 0 does not exist in tree, meaning that no compartments have been added.", e.Message);

        // connection port out of range for current input
        neuron = nest.Create("cm_default");
        neuron.Set("compartments", new[] { Compartment(-1, SP), Compartment(0, SP) });
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 2.0 });
        e = Assert.ThrowsAny<NestException>(() => nest.Connect(dc, neuron, syn: Syn(1.0, 3)));
        Assert.Matches(@"Port with id 3 does not exist. Valid current receptor ports for cm_default are in \[0, 2\[", e.Message);

        // connection port out of range for spike input
        neuron = nest.Create("cm_default");
        neuron.Set("compartments", Compartment(-1, SP));
        neuron.Set("receptors", new[] { Receptor(0, "GABA"), Receptor(0, "GABA"), Receptor(0, "GABA") });
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0 } });
        e = Assert.ThrowsAny<NestException>(() => nest.Connect(sg, neuron, syn: Syn(1.0, 3)));
        Assert.Matches(@"Port with id 3 does not exist. Valid spike receptor ports for cm_default are in \[0, 3\[", e.Message);

        // connection with an unknown recordable
        neuron = nest.Create("cm_default");
        neuron.Set("compartments", Compartment(-1, SP));
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "v_comp1" }, ["interval"] = 1.0 });
        var illegal = Assert.Throws<IllegalConnectionException>(() => nest.Connect(mm, neuron));
        Assert.Matches("Creation of connection is not possible because:\nCannot connect with unknown recordable v_comp1", illegal.Message);

        // compartments and receptors set twice
        neuron = nest.Create("cm_default");
        neuron.Set("compartments", Compartment(-1, SP));
        neuron.Set("receptors", Receptor(0, "GABA"));
        e = Assert.ThrowsAny<NestException>(() => neuron.Set("compartments", Compartment(0, SP)));
        Assert.Matches("'compartments' is already defined for this model", e.Message);
        e = Assert.ThrowsAny<NestException>(() => neuron.Set("receptors", Receptor(0, "GABA")));
        Assert.Matches("'receptors' is already defined for this model", e.Message);

        neuron = nest.Create("cm_default");
        neuron.Set("compartments", Compartment(-1, SP));
        Assert.ThrowsAny<NestException>(() => neuron.Set("compartments", Compartment(0, SP)));
    }

    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_continuerun
    [Fact]
    public void ContinueRun_TwoSimulateCallsEqualOne()
    {
        const double dt = 0.1;
        string[] recordables = ["v_comp0", "v_comp1", "g_r_GABA_0", "g_d_GABA_0", "g_r_AMPA_1", "g_d_AMPA_1"];

        Dictionary<string, object> Run(params double[] durations)
        {
            var nest = new Simulator();
            nest.SetKernelStatus("resolution", dt);
            var neuron = nest.Create("cm_default", 1, new()
            {
                ["compartments"] = new[] { Compartment(-1, SP), Compartment(0, DP[0]) },
                ["receptors"] = new[] { Receptor(0, "GABA"), Receptor(1, "AMPA") },
            });
            var sg1 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0 } });
            var sg2 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 15.0 } });
            nest.Connect(sg1, neuron, syn: Syn(0.1, 0));
            nest.Connect(sg2, neuron, syn: Syn(0.1, 1));
            var m = nest.Create("multimeter", 1, new() { ["record_from"] = recordables, ["interval"] = 1.0 });
            nest.Connect(m, neuron);
            foreach (double t in durations) nest.Simulate(t);
            return Events(m);
        }

        var whole = Run(100.0);
        var split = Run(12.0, 88.0);

        foreach (string key in recordables) AssertAllClose((double[])whole[key], (double[])split[key]);
    }

    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_add_assign
    [Fact]
    public void AddAssign_AddsCompartmentsAndReceptors()
    {
        // PyNEST's cm.compartments += x sets add_compartments = x (and receptors likewise).
        var nest = new Simulator();
        var cm = nest.Create("cm_default");
        cm.Set("compartments", Compartment(-1, SP));
        cm.Set("add_compartments", Compartment(0, DP[0]));
        cm.Set("receptors", Receptor(0, "GABA"));
        cm.Set("add_receptors", Receptor(1, "AMPA"));

        var compartments = (Dictionary<string, object>[])cm.Get("compartments");
        Assert.Equal(0L, compartments[0]["comp_idx"]);
        Assert.Equal(-1L, compartments[0]["parent_idx"]);
        Assert.Equal(1L, compartments[1]["comp_idx"]);
        Assert.Equal(0L, compartments[1]["parent_idx"]);
        var receptors = (Dictionary<string, object>[])cm.Get("receptors");
        Assert.Equal(0L, receptors[0]["receptor_idx"]);
        Assert.Equal("GABA", receptors[0]["receptor_type"]);
        Assert.Equal(1L, receptors[1]["receptor_idx"]);
        Assert.Equal("AMPA", receptors[1]["receptor_type"]);

        var cm2 = nest.Create("cm_default");
        cm2.Set("compartments", Compartment(-1, SP));
        cm2.Set("add_compartments", new[] { Compartment(0, DP[0]), Compartment(0, DP[0]) });
        Assert.Equal(3, ((Dictionary<string, object>[])cm2.Get("compartments")).Length);

        var cm3 = nest.Create("cm_default");
        cm3.Set("compartments", new[] { Compartment(-1, SP), Compartment(0, DP[0]) });
        cm3.Set("add_compartments", Compartment(1, DP[0]));
        Assert.Equal(3, ((Dictionary<string, object>[])cm3.Get("compartments")).Length);

        cm2.Set("receptors", Receptor(0, "GABA"));
        cm2.Set("add_receptors", new[] { Receptor(1, "AMPA"), Receptor(2, "GABA") });
        Assert.Equal(3, ((Dictionary<string, object>[])cm2.Get("receptors")).Length);
    }

    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_custom_v_init
    [Fact]
    public void CustomVInit_StartsTheCompartmentsAndChannelsThere()
    {
        var sp0 = Params(1.00, 0.00, 0.100, -60.0, -60.0);
        var dp0 = Params(0.10, 0.10, 0.010, -60.0, -60.0);
        var sp1 = Params(1.00, 0.00, 0.100, -75.0, -60.0);
        var dp1 = Params(0.10, 0.10, 0.010, -80.0, -60.0);
        var sp2 = Params(1.00, 0.00, 0.100, -70.0, -70.0);
        var dp2 = Params(0.10, 0.10, 0.010, -70.0, -70.0);
        var nest = new Simulator();

        // initialisation equal to the leak
        var cm = nest.Create("cm_default");
        cm.Set("compartments", new[] { Compartment(-1, sp0), Compartment(0, dp0) });
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "v_comp0", "v_comp1" }, ["interval"] = 1.0 });
        nest.Connect(mm, cm);
        nest.Simulate(10.0);
        Assert.All(Doubles(mm, "v_comp0"), v => Assert.True(Math.Abs(v - sp0["v_comp"]) <= 1e-8 + 1e-5 * 60.0));
        Assert.All(Doubles(mm, "v_comp1"), v => Assert.True(Math.Abs(v - -60.0) <= 1e-8 + 1e-5 * 60.0));

        // initialisation different from the leak
        cm = nest.Create("cm_default");
        cm.Set("compartments", new[] { Compartment(-1, sp1), Compartment(0, dp1) });
        mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "v_comp0", "v_comp1" }, ["interval"] = 0.1 });
        nest.Connect(mm, cm);
        nest.Simulate(10.0);
        static bool Close(double a, double b, double atol) => Math.Abs(a - b) <= atol + 1e-5 * Math.Abs(b);
        Assert.True(Close(Doubles(mm, "v_comp0")[0], -60.0, 2e-1));
        Assert.True(Close(Doubles(mm, "v_comp1")[0], -60.0, 2e-1));
        Assert.False(Close(Doubles(mm, "v_comp0")[^1], -60.0, 2e-1));
        Assert.False(Close(Doubles(mm, "v_comp1")[^1], -60.0, 2e-1));

        // channels initialised at -70
        cm = nest.Create("cm_default");
        cm.Set("compartments", new[] { Compartment(-1, sp2), Compartment(0, dp2) });
        mm = nest.Create("multimeter", 1, new()
        {
            ["record_from"] = new[] { "v_comp0", "v_comp1", "m_Na_0", "h_Na_0", "n_K_0" }, ["interval"] = 1.0,
        });
        nest.Connect(mm, cm);
        nest.Simulate(10.0);

        static double VFun(double v, double th, double r, double q) => r * (v - th) / (1.0 - Math.Exp(-(v - th) / q));
        const double v0 = -70.0;
        double alphaM = VFun(v0, -35.013, 0.182, 9.0), betaM = VFun(-v0, 35.013, 0.124, 9.0);
        double mNa = alphaM / (alphaM + betaM);
        double hNa = 1.0 / (1.0 + Math.Exp((v0 + 65.0) / 6.2));
        double alphaN = 0.02 * (v0 - 25.0) / (1.0 - Math.Exp(-(v0 - 25.0) / 9.0));
        double betaN = -0.002 * (v0 - 25.0) / (1.0 - Math.Exp((v0 - 25.0) / 9.0));
        double nK = alphaN / (alphaN + betaN);

        Assert.True(Close(Doubles(mm, "m_Na_0")[0], mNa, 1e-8));
        Assert.True(Close(Doubles(mm, "h_Na_0")[0], hNa, 1e-8));
        Assert.True(Close(Doubles(mm, "n_K_0")[0], nK, 1e-8));
    }

    // NEST: testsuite/pytests/neurons/test_compartmental_model.py::CompartmentsTestCase::test_unused_dict_entries
    [Fact]
    public void UnusedDictEntries_AreUnaccessedDictionaryEntries()
    {
        var spReal = new Dictionary<string, object> { ["C_m"] = 1.00, ["g_C"] = 0.00, ["g_L"] = 0.100, ["e_L"] = -60.0 };
        var spFake = new Dictionary<string, object> { ["bla"] = 5.0 };
        var rpReal = new Dictionary<string, object>();
        var rpFake = new Dictionary<string, object> { ["oops"] = 10.0 };
        var nest = new Simulator();

        var cm = nest.Create("cm_default");
        Assert.Throws<UnaccessedDictionaryEntryException>(() =>
            cm.Set("compartments", new[] { new Dictionary<string, object> { ["parent_idx"] = -1L, ["params"] = spFake } }));
        Assert.Throws<UnaccessedDictionaryEntryException>(() =>
            cm.Set("compartments", new[] { new Dictionary<string, object> { ["parent_idx"] = -1L, ["params_name"] = spFake } }));

        cm = nest.Create("cm_default");
        cm.Set("compartments", new[] { new Dictionary<string, object> { ["parent_idx"] = -1L, ["params"] = spReal } });
        Assert.Throws<UnaccessedDictionaryEntryException>(() =>
            cm.Set("receptors", new[] { new Dictionary<string, object> { ["comp_idx"] = 0L, ["receptor_type"] = "AMPA", ["params"] = rpFake } }));

        cm = nest.Create("cm_default");
        cm.Set("compartments", new[] { new Dictionary<string, object> { ["parent_idx"] = -1L, ["params"] = spReal } });
        Assert.Throws<UnaccessedDictionaryEntryException>(() =>
            cm.Set("receptors", new[] { new Dictionary<string, object> { ["comp_idx"] = 0L, ["receptor_type"] = "AMPA", ["params_name"] = rpReal } }));
    }
}

/// <summary>The dense linear algebra the test needs in place of numpy.linalg: solve and inverse by Gaussian elimination with partial pivoting.</summary>
internal static class DenseSolve
{
    /// <summary>x with a·x = b.</summary>
    public static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int k = 0; k < n; k++)
        {
            int pivot = k;
            for (int i = k + 1; i < n; i++) if (Math.Abs(m[i, k]) > Math.Abs(m[pivot, k])) pivot = i;
            if (m[pivot, k] == 0.0) throw new InvalidOperationException("singular matrix");
            if (pivot != k)
            {
                for (int j = 0; j < n; j++) (m[k, j], m[pivot, j]) = (m[pivot, j], m[k, j]);
                (x[k], x[pivot]) = (x[pivot], x[k]);
            }
            for (int i = k + 1; i < n; i++)
            {
                double f = m[i, k] / m[k, k];
                for (int j = k; j < n; j++) m[i, j] -= f * m[k, j];
                x[i] -= f * x[k];
            }
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = x[i];
            for (int j = i + 1; j < n; j++) s -= m[i, j] * x[j];
            x[i] = s / m[i, i];
        }
        return x;
    }

    /// <summary>The inverse of <paramref name="a"/>, column by column.</summary>
    public static double[,] Inverse(double[,] a)
    {
        int n = a.GetLength(0);
        var inverse = new double[n, n];
        for (int j = 0; j < n; j++)
        {
            var e = new double[n];
            e[j] = 1.0;
            double[] column = Solve(a, e);
            for (int i = 0; i < n; i++) inverse[i, j] = column[i];
        }
        return inverse;
    }
}
