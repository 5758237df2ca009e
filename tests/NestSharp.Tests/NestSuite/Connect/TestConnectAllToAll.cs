namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_connect_all_to_all.py (class TestAllToAll, with the tests of
/// <see cref="ConnectTestBase"/>).
/// </summary>
public sealed class TestConnectAllToAll : ConnectTestBase
{
    public TestConnectAllToAll() { }

    /// <summary>The tests on one MPI rank, with its simulator (NEST's mpi_direct/2 runs this file on two processes).</summary>
    internal TestConnectAllToAll(Simulator rank) : base(rank) { }

    // specify connection pattern
    private const string RuleName = "all_to_all";

    protected override Dictionary<string, object> ConnDict => new() { ["rule"] = RuleName };

    // sizes of populations
    protected override int N1 => 6;
    protected override int N2 => 7;
    private const int N1Array = 500;
    private const int N2Array = 10;

    // NEST: testsuite/pytests/connect/test_connect_all_to_all.py::TestAllToAll::testConnectivity
    [Fact]
    public void TestConnectivity()
    {
        SetUpNetwork(ConnDict);
        // make sure all connections do exist
        var m = GetConnectivityMatrix(Pop1, Pop2);
        var mAll = new double[Pop2.Count, Pop1.Count];
        for (int i = 0; i < Pop2.Count; i++)
            for (int j = 0; j < Pop1.Count; j++) mAll[i, j] = 1;
        MpiAssert(m, mAll);
        // make sure no connections were drawn from the target to the source population
        m = GetConnectivityMatrix(Pop2, Pop1);
        var mNone = new double[Pop1.Count, Pop2.Count];
        MpiAssert(m, mNone);
    }

    // NEST: testsuite/pytests/connect/test_connect_all_to_all.py::TestAllToAll::testInputArray
    [Fact]
    public void TestInputArray()
    {
        foreach (string label in new[] { "weight", "delay" })
        {
            var synParams = new Dictionary<string, object>();
            var paramArray = new double[N2Array, N1Array];
            for (int i = 0; i < N2Array; i++)
            {
                for (int j = 0; j < N1Array; j++)
                {
                    int k = (i * N1Array) + j;
                    paramArray[i, j] = label == "weight" ? k : (k + 1) * 0.1;
                }
            }
            synParams[label] = paramArray;
            SetUp(); // nest.ResetKernel()
            SetUpNetwork(ConnDict, synParams, n1: N1Array, n2: N2Array);
            var mNest = GetWeightedConnectivityMatrix(Pop1, Pop2, label);
            MpiAssert(mNest, paramArray);
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_all_to_all.py::TestAllToAll::testInputArrayWithoutAutapses
    [Fact]
    public void TestInputArrayWithoutAutapses()
    {
        var connDict = ConnDict;
        connDict["allow_autapses"] = false;
        foreach (string label in new[] { "weight", "delay" })
        {
            var synParams = new Dictionary<string, object>();
            var paramArray = new double[N1, N1];
            for (int i = 0; i < N1; i++)
            {
                for (int j = 0; j < N1; j++)
                {
                    int k = (i * N1) + j;
                    paramArray[i, j] = label == "weight" ? k : (k + 1) * 0.1;
                }
            }
            synParams[label] = paramArray;
            SetUpNetworkOnePop(connDict, synParams);
            var mNest = GetWeightedConnectivityMatrix(Pop, Pop, label);
            for (int i = 0; i < N1; i++) paramArray[i, i] = 0; // np.fill_diagonal(self.param_array, 0)
            MpiAssert(mNest, paramArray);
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_all_to_all.py::TestAllToAll::testInputArrayRPort
    [Fact]
    public void TestInputArrayRPort()
    {
        var synParams = new Dictionary<string, object>();
        const string neuronModel = "iaf_psc_exp_multisynapse";
        var neuronDict = new Dictionary<string, object> { ["tau_syn"] = Enumerable.Range(0, N2).Select(i => 0.1 + i).ToArray() };
        Pop1 = Nest.Create(neuronModel, N1);
        Pop2 = Nest.Create(neuronModel, N2, neuronDict);
        // np.transpose of N1 rows 1..N2: entry [i, j] = i + 1
        var paramArray = new long[N2, N1];
        for (int i = 0; i < N2; i++)
            for (int j = 0; j < N1; j++) paramArray[i, j] = i + 1;
        synParams["receptor_type"] = paramArray;
        Nest.Connect(Pop1, Pop2, ConnDict, synParams);
        var m = GetWeightedConnectivityMatrix(Pop1, Pop2, "receptor");
        var expected = new double[N2, N1];
        for (int i = 0; i < N2; i++)
            for (int j = 0; j < N1; j++) expected[i, j] = paramArray[i, j];
        MpiAssert(m, expected);
    }

    // NEST: testsuite/pytests/connect/test_connect_all_to_all.py::TestAllToAll::testRPortDistribution
    [Fact]
    public void TestRPortDistribution()
    {
        const int nRport = 10;
        const int nrNeurons = 100;
        ResetKernel(); // To reset local_num_threads
        const string neuronModel = "iaf_psc_exp_multisynapse";
        var neuronDict = new Dictionary<string, object> { ["tau_syn"] = Enumerable.Range(0, nRport).Select(i => 0.1 + i).ToArray() };
        Pop1 = Nest.Create(neuronModel, nrNeurons, neuronDict);
        Pop2 = Nest.Create(neuronModel, nrNeurons, neuronDict);
        var synParams = new Dictionary<string, object>
        {
            ["synapse_model"] = "static_synapse", ["receptor_type"] = 1 + Nest.Random.UniformInt(nRport),
        };
        Nest.Connect(Pop1, Pop2, ConnDict, synParams);
        var m = Flatten(GetWeightedConnectivityMatrix(Pop1, Pop2, "receptor"));
        var frequencies = m.GroupBy(x => x).OrderBy(g => g.Key).Select(g => (Value: g.Key, Count: (double)g.Count())).ToArray();
        Assert.True(frequencies.Select(f => f.Value).SequenceEqual(Enumerable.Range(1, nRport).Select(i => (double)i)), "Missing or invalid rports");
        var counts = frequencies.Select(f => f.Count).ToArray();
        var (_, p) = SciPyStats.ChiSquare(counts);
        Assert.True(p > Pval, $"p = {p}");
    }

    // NEST: testsuite/pytests/connect/test_connect_all_to_all.py::TestAllToAll::testInputArrayToStdpSynapse
    [Fact]
    public void TestInputArrayToStdpSynapse()
    {
        string[] parameters = ["Wmax", "alpha", "lambda", "mu_minus", "mu_plus", "tau_plus"];
        var synParams = new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse" };
        var values = new double[6][,];
        for (int p = 0; p < 6; p++)
        {
            values[p] = new double[N2, N1];
            for (int i = 0; i < N2; i++)
                for (int j = 0; j < N1; j++) values[p][i, j] = (i * N1) + j;
        }
        for (int i = 0; i < parameters.Length; i++) synParams[parameters[i]] = values[i];
        SetUpNetwork(ConnDict, synParams);
        for (int i = 0; i < parameters.Length; i++)
        {
            var a = GetWeightedConnectivityMatrix(Pop1, Pop2, parameters[i]);
            MpiAssert(a, values[i]);
        }
    }
}
