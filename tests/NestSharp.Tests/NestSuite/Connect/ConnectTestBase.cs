namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/connect_test_base.py: the set-up and the tests every connection rule runs (one
/// derived class per rule file), and the helpers (connectivity matrices, degrees, expected degree distributions,
/// chi-square check). As in NEST, each test starts from a fresh kernel with 2 threads; the loops over synapse models
/// run every model of NEST's lists. NEST's mpi_direct/2 runs these files on two MPI processes: a
/// test made with a rank's simulator (the internal constructors) runs on that rank, as MpiDirect's ports do. Where NEST
/// reads a rank's own connections without gathering them, the tests read <see cref="OwnConnections"/>; where it gathers
/// them (mpi_assert, gather_data), they read GetConnections, which gives every process's connections on every rank.
/// </summary>
public abstract class ConnectTestBase
{
    // sizes of populations
    protected virtual int N1 => 6;
    protected virtual int N2 => 6;

    // time step
    protected const double Dt = 0.1;

    // default params
    protected const double W0 = 1.0, D0 = 1.0;
    protected const long R0 = 0;
    protected const string Syn0 = "static_synapse";

    // parameter for test of distributed parameter
    protected const double Pval = 0.05; // minimum p-value to pass kolmogorov smirnov test

    // number of threads
    protected const int NrThreads = 2;

    /// <summary>The rule's conn_spec (NEST's class attribute conn_dict); a fresh copy on each read.</summary>
    protected abstract Dictionary<string, object> ConnDict { get; }

    protected Simulator Nest { get; private set; }

    // The simulator of an MPI rank (reset instead of replaced by ResetKernel); null: a fresh simulator each time.
    private readonly Simulator? _rank;

    protected NodeCollection Pop1 { get; set; } = null!;
    protected NodeCollection Pop2 { get; set; } = null!;
    protected NodeCollection Pop { get; set; } = null!;

    protected ConnectTestBase() => Nest = SetUp();

    /// <summary>The test on one MPI rank: every kernel it uses is <paramref name="rank"/>'s, reset.</summary>
    private protected ConnectTestBase(Simulator rank)
    {
        _rank = rank;
        Nest = SetUp();
    }

    /// <summary>A fresh kernel: a new simulator, or the rank's simulator reset.</summary>
    private Simulator FreshKernel()
    {
        if (_rank is null) return new Simulator();
        _rank.ResetKernel();
        return _rank;
    }

    /// <summary>setUp: ResetKernel and local_num_threads = nr_threads.</summary>
    protected Simulator SetUp()
    {
        Nest = FreshKernel();
        Nest.SetKernelStatus("local_num_threads", NrThreads);
        return Nest;
    }

    /// <summary>nest.ResetKernel() inside a test: a fresh kernel with one thread.</summary>
    protected void ResetKernel() => Nest = FreshKernel();

    /// <summary>
    /// nest.GetConnections(source, target) as a test reads it on its process without gathering: the connections this
    /// process stores (see MpiDirect's MpiRanks.Own); on one process, all of them.
    /// </summary>
    protected SynapseCollection OwnConnections(NodeCollection source, NodeCollection target) =>
        MpiDirect.MpiRanks.Own(Nest, Nest.GetConnections(source, target));

    protected void SetUpNetwork(Dictionary<string, object>? connDict = null, Dictionary<string, object>? synDict = null, int? n1 = null, int? n2 = null)
    {
        Pop1 = Nest.Create("iaf_psc_alpha", n1 ?? N1);
        Pop2 = Nest.Create("iaf_psc_alpha", n2 ?? N2);
        Nest.Connect(Pop1, Pop2, connDict, synDict);
    }

    protected void SetUpNetworkOnePop(Dictionary<string, object>? connDict = null, Dictionary<string, object>? synDict = null, int? n = null)
    {
        Pop = Nest.Create("iaf_psc_alpha", n ?? N1);
        Nest.Connect(Pop, Pop, connDict, synDict);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testWeightSetting
    [Fact]
    public void TestWeightSetting()
    {
        // one weight for all connections
        const double w0 = 0.351;
        const string label = "weight";
        var synParams = new Dictionary<string, object> { [label] = w0 };
        CheckSynapse([label], [w0], synParams);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testDelaySetting
    [Fact]
    public void TestDelaySetting()
    {
        // one delay for all connections
        const double d0 = 0.275;
        var synParams = new Dictionary<string, object> { ["delay"] = d0 };
        SetUpNetwork(ConnDict, synParams);
        var connections = OwnConnections(Pop1, Pop2);
        var nestDelays = connections.Delay;
        // all delays need to be equal
        Assert.True(AllEqual(nestDelays));
        // delay (rounded) needs to equal the delay that was put in
        Assert.True(Math.Abs(d0 - nestDelays[0]) < Dt);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testRPortSetting
    [Fact]
    public void TestRPortSetting()
    {
        const string neuronModel = "iaf_psc_exp_multisynapse";
        var neuronDict = new Dictionary<string, object> { ["tau_syn"] = new[] { 0.5, 0.7 } };
        const long rtype = 2;
        Pop1 = Nest.Create(neuronModel, N1, neuronDict);
        Pop2 = Nest.Create(neuronModel, N2, neuronDict);
        var synParams = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["receptor_type"] = rtype };
        Nest.Connect(Pop1, Pop2, ConnDict, synParams);
        var conns = OwnConnections(Pop1, Pop2);
        var ports = conns.Receptor;
        Assert.True(AllEqual(ports));
        Assert.True(ports[0] == rtype);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testSynapseSetting
    [Fact]
    public void TestSynapseSetting()
    {
        Nest.CopyModel("static_synapse", "test_syn", new() { ["receptor_type"] = 0 });
        var synParams = new Dictionary<string, object> { ["synapse_model"] = "test_syn" };
        SetUpNetwork(ConnDict, synParams);
        var conns = OwnConnections(Pop1, Pop2);
        var syns = conns.SynapseModel;
        Assert.True(AllEqual(syns));
        Assert.True(syns[0] == (string)synParams["synapse_model"]);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testDefaultParams
    // tested on each mpi process separately
    [Fact]
    public void TestDefaultParams()
    {
        SetUpNetwork(ConnDict);
        var conns = OwnConnections(Pop1, Pop2);
        Assert.True(conns.Weight.All(x => x == W0));
        Assert.True(conns.Delay.All(x => x == D0));
        Assert.True(conns.Receptor.All(x => x == R0));
        Assert.True(conns.SynapseModel.All(x => x == Syn0));
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testAutapsesTrue
    [Fact]
    public virtual void TestAutapsesTrue()
    {
        var connParams = ConnDict;

        // test that autapses exist
        connParams["allow_autapses"] = true;
        Pop1 = Nest.Create("iaf_psc_alpha", N1);
        Nest.Connect(Pop1, Pop1, connParams);
        // make sure all connections do exist
        var m = GetConnectivityMatrix(Pop1, Pop1);
        MpiAssert(Diag(m), Ones(N1));
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testAutapsesFalse
    [Fact]
    public virtual void TestAutapsesFalse()
    {
        var connParams = ConnDict;

        // test that autapses were excluded
        connParams["allow_autapses"] = false;
        Pop1 = Nest.Create("iaf_psc_alpha", N1);
        Nest.Connect(Pop1, Pop1, connParams);
        // make sure all connections do exist
        var m = GetConnectivityMatrix(Pop1, Pop1);
        MpiAssert(Diag(m), new double[N1]);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testStdpFacetshwSynapseHom
    [Fact]
    public void TestStdpFacetshwSynapseHom()
    {
        string[] parameters = ["a_acausal", "a_causal", "a_thresh_th", "a_thresh_tl", "next_readout_time"];
        double[] values = [0.162, 0.263, 20.46, 19.83, 0.1];
        var synParams = new Dictionary<string, object> { ["synapse_model"] = "stdp_facetshw_synapse_hom" };
        CheckSynapse(parameters, values, synParams);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testStdpPlSynapseHom
    [Fact]
    public void TestStdpPlSynapseHom()
    {
        string[] parameters = ["Kplus"];
        double[] values = [0.173];
        var synParams = new Dictionary<string, object> { ["synapse_model"] = "stdp_pl_synapse_hom" };
        CheckSynapse(parameters, values, synParams);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testStdpSynapseHom
    [Fact]
    public void TestStdpSynapseHom()
    {
        string[] parameters = ["Kplus"];
        double[] values = [0.382];
        var synParams = new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse_hom" };
        CheckSynapse(parameters, values, synParams);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testStdpSynapse
    [Fact]
    public void TestStdpSynapse()
    {
        string[] parameters = ["Wmax", "alpha", "lambda", "mu_minus", "mu_plus", "tau_plus"];
        double[] values = [98.34, 0.945, 0.02, 0.945, 1.26, 19.73];
        var synParams = new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse" };
        CheckSynapse(parameters, values, synParams);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testHtSynapse
    [Fact]
    public void TestHtSynapse()
    {
        string[] parameters = ["P", "delta_P"];
        double[] values = [0.987, 0.362];
        var synParams = new Dictionary<string, object> { ["synapse_model"] = "ht_synapse" };
        CheckSynapse(parameters, values, synParams);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testQuantalStpSynapse
    [Fact]
    public void TestQuantalStpSynapse()
    {
        string[] parameters = ["U", "tau_fac", "tau_rec", "u", "a", "n"];
        double[] values = [0.679, 8.45, 746.2, 0.498, 10, 5];
        var synParams = new Dictionary<string, object> { ["synapse_model"] = "quantal_stp_synapse" };
        CheckSynapse(parameters, values, synParams);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testTsodyks2Synapse
    [Fact]
    public void TestTsodyks2Synapse()
    {
        string[] parameters = ["U", "tau_fac", "tau_rec", "u", "x"];
        double[] values = [0.362, 0.152, 789.2, 0.683, 0.945];
        var synParams = new Dictionary<string, object> { ["synapse_model"] = "tsodyks2_synapse" };
        CheckSynapse(parameters, values, synParams);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testTsodyksSynapse
    [Fact]
    public void TestTsodyksSynapse()
    {
        string[] parameters = ["U", "tau_fac", "tau_psc", "tau_rec", "x", "y", "u"];
        double[] values = [0.452, 0.263, 2.56, 801.34, 0.567, 0.376, 0.102];
        var synParams = new Dictionary<string, object> { ["synapse_model"] = "tsodyks_synapse" };
        CheckSynapse(parameters, values, synParams);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testStdpDopamineSynapse
    [Fact]
    public void TestStdpDopamineSynapse()
    {
        // ResetKernel (one thread), since setting c and n in a syn_spec is refused with several threads
        ResetKernel();
        SetVolumeTransmitter();
        string[] parameters = ["c", "n"];
        double[] values = [0.153, 0.365];
        var synParams = new Dictionary<string, object> { ["synapse_model"] = "stdp_dopamine_synapse" };
        CheckSynapse(parameters, values, synParams);
    }

    /// <summary>The synapse models of NEST's loops in testRPortAllSynapses and testDelayAllSynapses, one row each.</summary>
    public static TheoryData<string> NestsSynapseModels =>
    [
        "cont_delay_synapse", "ht_synapse", "quantal_stp_synapse", "static_synapse_hom_w", "stdp_dopamine_synapse",
        "stdp_facetshw_synapse_hom", "stdp_pl_synapse_hom", "stdp_synapse_hom", "stdp_synapse", "tsodyks2_synapse", "tsodyks_synapse",
    ];

    /// <summary>The models of NEST's loop in testWeightAllSynapses: all but static_synapse_hom_w, whose weight is common.</summary>
    public static TheoryData<string> NestsSynapseModelsWithWeights =>
    [
        "cont_delay_synapse", "ht_synapse", "quantal_stp_synapse", "stdp_dopamine_synapse", "stdp_facetshw_synapse_hom",
        "stdp_pl_synapse_hom", "stdp_synapse_hom", "stdp_synapse", "tsodyks2_synapse", "tsodyks_synapse",
    ];

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testRPortAllSynapses
    // The loop runs over NEST's list of models, one row each.
    [Theory]
    [MemberData(nameof(NestsSynapseModels))]
    public void TestRPortAllSynapses(string syn)
    {
        if (syn == "stdp_dopamine_synapse") SetVolumeTransmitter();
        var synParams = new Dictionary<string, object> { ["receptor_type"] = 1L, ["synapse_model"] = syn };
        Pop1 = Nest.Create("iaf_psc_exp_multisynapse", N1, new() { ["tau_syn"] = new[] { 0.2, 0.5 } });
        Pop2 = Nest.Create("iaf_psc_exp_multisynapse", N2, new() { ["tau_syn"] = new[] { 0.2, 0.5 } });
        Nest.Connect(Pop1, Pop2, ConnDict, synParams);
        var conns = OwnConnections(Pop1, Pop2);
        var connParams = conns.Receptor;
        Assert.True(AllEqual(connParams));
        Assert.True(connParams[0] == (long)synParams["receptor_type"]);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testWeightAllSynapses
    // The loop runs over NEST's list of models, one row each.
    [Theory]
    [MemberData(nameof(NestsSynapseModelsWithWeights))]
    public void TestWeightAllSynapses(string syn)
    {
        if (syn == "stdp_dopamine_synapse") SetVolumeTransmitter();
        // test all synapses apart from static_synapse_hom_w where weight is not settable
        var synParams = new Dictionary<string, object> { ["weight"] = 0.372, ["synapse_model"] = syn };
        CheckSynapse(["weight"], [(double)synParams["weight"]], synParams);
    }

    // NEST: testsuite/pytests/connect/connect_test_base.py::ConnectTestBase::testDelayAllSynapses
    // The loop runs over NEST's list of models, one row each.
    [Theory]
    [MemberData(nameof(NestsSynapseModels))]
    public void TestDelayAllSynapses(string syn)
    {
        if (syn == "stdp_dopamine_synapse") SetVolumeTransmitter();
        var synParams = new Dictionary<string, object> { ["delay"] = 0.4, ["synapse_model"] = syn };
        CheckSynapse(["delay"], [(double)synParams["delay"]], synParams);
    }

    // ---------------------------------------------------------------- helpers of connect_test_base.py

    /// <summary>The set-up NEST's loops do before stdp_dopamine_synapse: a volume_transmitter in its defaults.</summary>
    protected void SetVolumeTransmitter()
    {
        var vt = Nest.Create("volume_transmitter");
        Nest.SetDefaults("stdp_dopamine_synapse", new() { ["volume_transmitter"] = vt });
    }

    /// <summary>mpi_assert: np.allclose for arrays (one process here: nothing to gather).</summary>
    protected static void MpiAssert(double[] dataOriginal, double[] dataTest)
    {
        Assert.Equal(dataTest.Length, dataOriginal.Length);
        for (int i = 0; i < dataTest.Length; i++)
            Assert.True(Math.Abs(dataOriginal[i] - dataTest[i]) <= 1e-8 + (1e-5 * Math.Abs(dataTest[i])), $"entry {i}: {dataOriginal[i]} != {dataTest[i]}");
    }

    /// <summary>mpi_assert on matrices: np.allclose.</summary>
    protected static void MpiAssert(double[,] dataOriginal, double[,] dataTest) => MpiAssert(Flatten(dataOriginal), Flatten(dataTest));

    /// <summary>mpi_assert on numbers: ==.</summary>
    protected static void MpiAssert(long dataOriginal, long dataTest) => Assert.True(dataOriginal == dataTest, $"{dataOriginal} != {dataTest}");

    /// <summary>all_equal: whether all elements are equal.</summary>
    protected static bool AllEqual<T>(IReadOnlyList<T> x) => x.Count(v => EqualityComparer<T>.Default.Equals(v, x[0])) == x.Count;

    /// <summary>
    /// get_connectivity_matrix: M[i, j] counts the connections from the j-th node of <paramref name="pop1"/> to the i-th
    /// of <paramref name="pop2"/>.
    /// </summary>
    protected double[,] GetConnectivityMatrix(NodeCollection pop1, NodeCollection pop2)
    {
        var m = new double[pop2.Count, pop1.Count];
        var connections = Nest.GetConnections(pop1, pop2);
        var indexDic = new Dictionary<long, int>();
        for (int count = 0; count < pop1.Count; count++) indexDic[pop1.Ids[count]] = count;
        for (int count = 0; count < pop2.Count; count++) indexDic[pop2.Ids[count]] = count;
        foreach (var (source, target) in connections.Sources().Zip(connections.Targets()))
            m[indexDic[target], indexDic[source]] += 1;
        return m;
    }

    /// <summary>
    /// get_weighted_connectivity_matrix: M[i, j] sums the values of <paramref name="label"/> over the connections from
    /// the j-th node of pop1 to the i-th of pop2. With several processes each reads its own connections (a process
    /// reads the parameters only of the connections it stores) and the matrices are summed over the processes, as
    /// NEST's tests gather them (mpi_assert, gather_data).
    /// </summary>
    protected double[,] GetWeightedConnectivityMatrix(NodeCollection pop1, NodeCollection pop2, string label)
    {
        var m = new double[pop2.Count, pop1.Count];
        var connections = OwnConnections(pop1, pop2);
        var sources = connections.Source;
        var targets = connections.Target;
        var weights = connections.GetValues<double>(label);
        var indexDic = new Dictionary<long, int>();
        for (int count = 0; count < pop1.Count; count++) indexDic[pop1.Ids[count]] = count;
        for (int count = 0; count < pop2.Count; count++) indexDic[pop2.Ids[count]] = count;
        for (int counter = 0; counter < weights.Length; counter++)
            m[indexDic[targets[counter]], indexDic[sources[counter]]] += weights[counter];
        if (Nest.NumProcesses == 1) return m;
        var sum = MpiDirect.MpiRanks.SumOverProcesses(Nest, Flatten(m));
        for (int k = 0; k < sum.Length; k++) m[k / pop1.Count, k % pop1.Count] = sum[k];
        return m;
    }

    /// <summary>check_synapse: the given values of the given parameters on every connection.</summary>
    protected void CheckSynapse(string[] parameters, double[] values, Dictionary<string, object> synParams)
    {
        for (int i = 0; i < parameters.Length; i++) synParams[parameters[i]] = values[i];
        SetUpNetwork(ConnDict, synParams);
        for (int i = 0; i < parameters.Length; i++)
        {
            var conns = OwnConnections(Pop1, Pop2);
            var connParams = conns.GetValues<double>(parameters[i]);
            Assert.True(AllEqual(connParams));
            Assert.True(connParams[0] == values[i]);
        }
    }

    /// <summary>get_degrees: in-degrees (row sums) or out-degrees (column sums) of the connectivity matrix.</summary>
    protected double[] GetDegrees(string fan, NodeCollection pop1, NodeCollection pop2)
    {
        var m = GetConnectivityMatrix(pop1, pop2);
        return fan switch
        {
            "in" => Enumerable.Range(0, m.GetLength(0)).Select(i => Enumerable.Range(0, m.GetLength(1)).Sum(j => m[i, j])).ToArray(),
            "out" => Enumerable.Range(0, m.GetLength(1)).Select(j => Enumerable.Range(0, m.GetLength(0)).Sum(i => m[i, j])).ToArray(),
            _ => throw new ArgumentException($"fan must be 'in' or 'out', got '{fan}'."),
        };
    }

    /// <summary>get_expected_degrees_fixedDegrees.</summary>
    protected static double[] GetExpectedDegreesFixedDegrees(int n, string fan, int lenSourcePop, int lenTargetPop)
    {
        int nD = fan == "in" ? lenTargetPop : lenSourcePop; // of driver nodes.
        int nP = fan == "in" ? lenSourcePop : lenTargetPop; // of pool nodes.
        double expectedDegree = nD * n / (double)nP;
        return Enumerable.Repeat(expectedDegree, nP).ToArray();
    }

    /// <summary>get_expected_degrees_totalNumber.</summary>
    protected static double[] GetExpectedDegreesTotalNumber(int n, string fan, int lenSourcePop, int lenTargetPop) =>
        fan == "in" ? Enumerable.Repeat(n / (double)lenTargetPop, lenTargetPop).ToArray() : Enumerable.Repeat(n / (double)lenSourcePop, lenSourcePop).ToArray();

    /// <summary>
    /// get_expected_degrees_bernoulli: the expected degree distribution, degrees with expected number of observations
    /// below e_min combined into larger bins. Rows: degree, expected observations, observed (0), bins combined.
    /// </summary>
    protected internal static List<double[]> GetExpectedDegreesBernoulli(double p, string fan, int lenSourcePop, int lenTargetPop)
    {
        int n = fan == "in" ? lenSourcePop : lenTargetPop;
        int nP = fan == "in" ? lenTargetPop : lenSourcePop;
        int mid = (int)Math.Round(n * p, MidpointRounding.ToEven);
        const double eMin = 5;

        // Combine from front.
        var dataFront = new List<double[]>();
        double cumexp = 0.0;
        int binsCombined = 0;
        for (int degree = 0; degree < mid; degree++)
        {
            cumexp += SciPyStats.BinomPmf(degree, n, p) * nP;
            binsCombined++;
            if (cumexp < eMin)
            {
                if (degree == mid - 1)
                {
                    if (dataFront.Count == 0) throw new InvalidOperationException("Not enough data");
                    var last = dataFront[^1];
                    dataFront[^1] = [last[0], last[1] + cumexp, last[2], last[3] + binsCombined];
                }
                else
                {
                    continue;
                }
            }
            else
            {
                dataFront.Add([degree - binsCombined + 1, cumexp, 0, binsCombined]);
                cumexp = 0.0;
                binsCombined = 0;
            }
        }

        // Combine from back.
        var dataBack = new List<double[]>();
        cumexp = 0.0;
        binsCombined = 0;
        for (int degree = n; degree >= mid; degree--)
        {
            cumexp += SciPyStats.BinomPmf(degree, n, p) * nP;
            binsCombined++;
            if (cumexp < eMin)
            {
                if (degree == mid)
                {
                    if (dataBack.Count == 0) throw new InvalidOperationException("Not enough data");
                    var last = dataBack[^1];
                    dataBack[^1] = [degree, last[1] + cumexp, last[2], last[3] + binsCombined];
                }
                else
                {
                    continue;
                }
            }
            else
            {
                dataBack.Add([degree, cumexp, 0, binsCombined]);
                cumexp = 0.0;
                binsCombined = 0;
            }
        }
        dataBack.Reverse();

        var expected = dataFront.Concat(dataBack).ToList();
        double combined = expected.Sum(row => row[3]);
        Assert.Equal(fan == "out" ? lenTargetPop + 1 : lenSourcePop + 1, combined);
        return expected;
    }

    /// <summary>reset_seed: a fresh kernel with the given seed and threads.</summary>
    protected void ResetSeed(int seed, int nrThreads)
    {
        Nest = FreshKernel();
        Nest.SetKernelStatus(new() { ["local_num_threads"] = nrThreads, ["rng_seed"] = (long)seed });
    }

    /// <summary>chi_squared_check: scipy.stats.chisquare of the degrees against the expectation (binned for the Bernoulli rules).</summary>
    protected static (double Chi, double P) ChiSquaredCheck(double[] degrees, double[] expected) => SciPyStats.ChiSquare(degrees, expected);

    /// <summary>chi_squared_check for pairwise_bernoulli: observations added to the bins of <paramref name="expected"/>.</summary>
    protected internal static (double Chi, double P) ChiSquaredCheck(double[] degrees, List<double[]> expected)
    {
        var observed = new Dictionary<int, int>();
        foreach (double degree in degrees) observed[(int)degree] = observed.GetValueOrDefault((int)degree) + 1;
        var observedColumn = new double[expected.Count];
        for (int r = 0; r < expected.Count; r++)
        {
            var row = expected[r];
            for (int i = 0; i < (int)row[3]; i++)
            {
                int deg = (int)row[0] + i;
                if (observed.TryGetValue(deg, out int count)) observedColumn[r] += count;
            }
        }
        return SciPyStats.ChiSquare(observedColumn, expected.Select(row => row[1]).ToArray());
    }

    protected static double[] Diag(double[,] m) => Enumerable.Range(0, Math.Min(m.GetLength(0), m.GetLength(1))).Select(i => m[i, i]).ToArray();

    protected static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();

    protected static double[] Flatten(double[,] m) => m.Cast<double>().ToArray();

    protected static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++) m[i, i] = 1;
        return m;
    }
}
