namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>NEST's testsuite/pytests/connect/test_connect_fixed_outdegree.py (class TestFixedOutDegree, with the tests of <see cref="ConnectTestBase"/>).</summary>
public sealed class TestConnectFixedOutdegree : ConnectTestBase
{
    public TestConnectFixedOutdegree() { }

    /// <summary>The tests on one MPI rank, with its simulator (NEST's mpi_direct/2 runs this file on two processes).</summary>
    internal TestConnectFixedOutdegree(Simulator rank) : base(rank) { }

    // specify connection pattern and specific params
    private const string RuleName = "fixed_outdegree";

    // sizes of source-, target-population and outdegree for connection test and tests in test_Params
    protected override int N1 => 50;
    protected override int N2 => 70;
    private const int Nout = 10;

    protected override Dictionary<string, object> ConnDict => new() { ["rule"] = RuleName, ["outdegree"] = Nout };

    // sizes of source-, target-population and outdegree for statistical test
    private const int NS = 10, NT = 10, C = 10;

    // Critical values and number of iterations of two level test
    private const double Alpha2 = 0.05;
    private const int NRuns = 400;

    // NEST: testsuite/pytests/connect/test_connect_fixed_outdegree.py::TestFixedOutDegree::testErrorMessages
    // tested on each mpi process separately
    [Fact]
    public void TestErrorMessages()
    {
        bool gotError = false;
        var connParams = ConnDict;
        connParams["allow_autapses"] = true;
        connParams["allow_multapses"] = false;
        connParams["outdegree"] = N2 + 1;
        try
        {
            SetUpNetwork(connParams);
        }
        catch (NestException)
        {
            gotError = true;
        }
        Assert.True(gotError);
    }

    // NEST: testsuite/pytests/connect/test_connect_fixed_outdegree.py::TestFixedOutDegree::testOutDegree
    [Fact]
    public void TestOutDegree()
    {
        var connParams = ConnDict;
        connParams["allow_autapses"] = false;
        connParams["allow_multapses"] = false;
        SetUpNetwork(connParams);
        // make sure the outdegree is right
        var outds = GetDegrees("out", Pop1, Pop2);
        MpiAssert(outds, Enumerable.Repeat((double)Nout, N1).ToArray());
        // make sure no connections were drawn from the target to the source population
        var m = GetConnectivityMatrix(Pop2, Pop1);
        MpiAssert(m, new double[Pop1.Count, Pop2.Count]);
    }

    // NEST: testsuite/pytests/connect/test_connect_fixed_outdegree.py::TestFixedOutDegree::testStatistics
    [Fact]
    public void TestStatistics()
    {
        var connParams = ConnDict;
        connParams["allow_autapses"] = true;
        connParams["allow_multapses"] = true;
        connParams["outdegree"] = C;
        var expected = GetExpectedDegreesFixedDegrees(C, "out", NS, NT);
        var pvalues = new List<double>();
        for (int i = 0; i < NRuns; i++)
        {
            ResetSeed(i + 1, NrThreads);
            SetUpNetwork(connParams, n1: NS, n2: NT);
            var degrees = GetDegrees("in", Pop1, Pop2);
            var (_, p) = ChiSquaredCheck(degrees, expected);
            pvalues.Add(p);
        }
        var (_, pKs) = SciPyStats.KsTestUniform(pvalues);
        Assert.True(pKs > Alpha2, $"KS p-value {pKs}");
    }

    // NEST: testsuite/pytests/connect/test_connect_fixed_outdegree.py::TestFixedOutDegree::testAutapsesTrue
    [Fact]
    public override void TestAutapsesTrue()
    {
        var connParams = ConnDict;
        const int n = 10;
        connParams["allow_multapses"] = false;

        // test that autapses exist
        connParams["outdegree"] = n;
        connParams["allow_autapses"] = true;
        var pop = Nest.Create("iaf_psc_alpha", n);
        Nest.Connect(pop, pop, connParams);
        // make sure all connections do exist
        var m = GetConnectivityMatrix(pop, pop);
        MpiAssert(Diag(m), Ones(n));
    }

    // NEST: testsuite/pytests/connect/test_connect_fixed_outdegree.py::TestFixedOutDegree::testAutapsesFalse
    [Fact]
    public override void TestAutapsesFalse()
    {
        var connParams = ConnDict;
        const int n = 10;
        connParams["allow_multapses"] = false;

        // test that autapses were excluded
        connParams["outdegree"] = n - 1;
        connParams["allow_autapses"] = false;
        var pop = Nest.Create("iaf_psc_alpha", n);
        Nest.Connect(pop, pop, connParams);
        // make sure all connections do exist
        var m = GetConnectivityMatrix(pop, pop);
        MpiAssert(Diag(m), new double[n]);
    }

    // NEST: testsuite/pytests/connect/test_connect_fixed_outdegree.py::TestFixedOutDegree::testMultapsesTrue
    [Fact]
    public void TestMultapsesTrue()
    {
        var connParams = ConnDict;
        const int n = 3;
        connParams["allow_autapses"] = true;

        // test that multapses were drawn
        connParams["outdegree"] = n + 1;
        connParams["allow_multapses"] = true;
        var pop = Nest.Create("iaf_psc_alpha", n);
        Nest.Connect(pop, pop, connParams);
        int nrConns = Nest.GetConnections(pop, pop).Count;
        MpiAssert(nrConns, (n + 1) * n);
    }

    // NEST: testsuite/pytests/connect/test_connect_fixed_outdegree.py::TestFixedOutDegree::testMultapsesFalse
    [Fact]
    public void TestMultapsesFalse()
    {
        var connParams = ConnDict;
        const int n = 3;
        connParams["allow_autapses"] = true;

        // test that no multapses exist
        connParams["outdegree"] = n;
        connParams["allow_multapses"] = false;
        var pop = Nest.Create("iaf_psc_alpha", n);
        Nest.Connect(pop, pop, connParams);
        var m = GetConnectivityMatrix(pop, pop);
        // NEST asserts assertTrue(M.flatten, np.ones(N * N)), which passes for any M; the intent, checked here: every pair once.
        MpiAssert(Flatten(m), Ones(n * n));
    }
}
