namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_connect_all_to_all.py (class TestAllToAll, with the tests of
/// <see cref="ConnectTestBase"/>). testInputArrayRPort and testRPortDistribution need iaf_psc_exp_multisynapse and are
/// not ported.
/// </summary>
public sealed class TestConnectAllToAll : ConnectTestBase
{
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
