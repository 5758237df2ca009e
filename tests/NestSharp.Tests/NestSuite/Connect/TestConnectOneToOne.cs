namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_connect_one_to_one.py (class TestOneToOne, with the tests of
/// <see cref="ConnectTestBase"/>).
/// </summary>
public sealed class TestConnectOneToOne : ConnectTestBase
{
    public TestConnectOneToOne() { }

    /// <summary>The tests on one MPI rank, with its simulator (NEST's mpi_direct/2 runs this file on two processes).</summary>
    internal TestConnectOneToOne(Simulator rank) : base(rank) { }

    // specify connection pattern
    private const string RuleName = "one_to_one";

    protected override Dictionary<string, object> ConnDict => new() { ["rule"] = RuleName };

    // sizes of populations
    private const int N = 6;
    protected override int N1 => N;
    protected override int N2 => N;
    private const int NArray = 1000;

    // NEST: testsuite/pytests/connect/test_connect_one_to_one.py::TestOneToOne::testConnectivity
    [Fact]
    public void TestConnectivity()
    {
        SetUpNetwork(ConnDict);
        // make sure all connections do exist
        var m = GetConnectivityMatrix(Pop1, Pop2);
        MpiAssert(m, Identity(N));
        // make sure no connections were drawn from the target to the source population
        m = GetConnectivityMatrix(Pop2, Pop1);
        MpiAssert(m, new double[N, N]);
    }

    // NEST: testsuite/pytests/connect/test_connect_one_to_one.py::TestOneToOne::testSymmetricFlag
    [Fact]
    public void TestSymmetricFlag()
    {
        var connDictSymmetric = ConnDict;
        connDictSymmetric["make_symmetric"] = true;
        SetUpNetwork(connDictSymmetric);
        var m1 = GetConnectivityMatrix(Pop1, Pop2);
        var m2 = GetConnectivityMatrix(Pop2, Pop1);
        // test that connections were created in both directions
        var m2T = new double[N, N];
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) m2T[i, j] = m2[j, i];
        MpiAssert(m1, m2T);
        // test that no other connections were created
        MpiAssert(m1, Identity(N));
    }

    // NEST: testsuite/pytests/connect/test_connect_one_to_one.py::TestOneToOne::testInputArray
    [Fact]
    public void TestInputArray()
    {
        var synParams = new Dictionary<string, object>();
        foreach (string label in new[] { "weight", "delay" })
        {
            var paramArray = label == "weight"
                ? Enumerable.Range(0, NArray).Select(i => (double)i).ToArray()
                : Enumerable.Range(1, NArray).Select(i => i * 0.1).ToArray();
            synParams[label] = paramArray;
            SetUp(); // nest.ResetKernel()
            SetUpNetwork(ConnDict, synParams, n1: NArray, n2: NArray);
            var mNest = GetWeightedConnectivityMatrix(Pop1, Pop2, label);
            var diag = new double[NArray, NArray];
            for (int i = 0; i < NArray; i++) diag[i, i] = paramArray[i];
            MpiAssert(mNest, diag);
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_one_to_one.py::TestOneToOne::testInputArrayRPort
    [Fact]
    public void TestInputArrayRPort()
    {
        var synParams = new Dictionary<string, object>();
        const string neuronModel = "iaf_psc_exp_multisynapse";
        var neuronDict = new Dictionary<string, object> { ["tau_syn"] = Enumerable.Range(0, N1).Select(i => 0.1 + i).ToArray() };
        Pop1 = Nest.Create(neuronModel, N1, neuronDict);
        Pop2 = Nest.Create(neuronModel, N1, neuronDict);
        var paramArray = Enumerable.Range(1, N1).Select(i => (long)i).ToArray();
        synParams["receptor_type"] = paramArray;
        Nest.Connect(Pop1, Pop2, ConnDict, synParams);
        var m = GetWeightedConnectivityMatrix(Pop1, Pop2, "receptor");
        var diag = new double[N1, N1];
        for (int i = 0; i < N1; i++) diag[i, i] = paramArray[i];
        MpiAssert(m, diag);
    }

    // NEST: testsuite/pytests/connect/test_connect_one_to_one.py::TestOneToOne::testInputArrayToStdpSynapse
    [Fact]
    public void TestInputArrayToStdpSynapse()
    {
        string[] parameters = ["Wmax", "alpha", "lambda", "mu_minus", "mu_plus", "tau_plus"];
        var synParams = new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse" };
        var values = Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, N1).Select(i => (double)i).ToArray()).ToArray();
        for (int i = 0; i < parameters.Length; i++) synParams[parameters[i]] = values[i];
        SetUpNetwork(ConnDict, synParams);
        for (int i = 0; i < parameters.Length; i++)
        {
            var a = GetWeightedConnectivityMatrix(Pop1, Pop2, parameters[i]);
            MpiAssert(Diag(a), values[i]);
        }
    }
}
