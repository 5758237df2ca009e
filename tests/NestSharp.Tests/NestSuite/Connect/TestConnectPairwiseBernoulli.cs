namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>NEST's testsuite/pytests/connect/test_connect_pairwise_bernoulli.py (class TestPairwiseBernoulli, with the tests of <see cref="ConnectTestBase"/>).</summary>
public sealed class TestConnectPairwiseBernoulli : ConnectTestBase
{
    public TestConnectPairwiseBernoulli() { }

    /// <summary>The tests on one MPI rank, with its simulator (NEST's mpi_direct/2 runs this file on two processes).</summary>
    internal TestConnectPairwiseBernoulli(Simulator rank) : base(rank) { }

    // specify connection pattern and specific params
    private const string RuleName = "pairwise_bernoulli";
    private const double P = 0.5;

    protected override Dictionary<string, object> ConnDict => new() { ["rule"] = RuleName, ["p"] = P };

    // sizes of source-, target-population and connection probability for statistical test
    private const int NS = 50, NT = 50;

    // Critical values and number of iterations of two level test
    private const double Alpha2 = 0.05;
    private const int NRuns = 20;

    // NEST: testsuite/pytests/connect/test_connect_pairwise_bernoulli.py::TestPairwiseBernoulli::testStatistics
    [Fact]
    public void TestStatistics()
    {
        foreach (string fan in new[] { "in", "out" })
        {
            var expected = GetExpectedDegreesBernoulli(P, fan, NS, NT);
            var pvalues = new List<double>();
            for (int i = 0; i < NRuns; i++)
            {
                ResetSeed(i + 1, NrThreads);
                SetUpNetwork(ConnDict, n1: NS, n2: NT);
                var degrees = GetDegrees(fan, Pop1, Pop2);
                var (_, p) = ChiSquaredCheck(degrees, expected);
                pvalues.Add(p);
            }
            var (_, pKs) = SciPyStats.KsTestUniform(pvalues);
            Assert.True(pKs > Alpha2, $"{fan}: KS p-value {pKs}");
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_pairwise_bernoulli.py::TestPairwiseBernoulli::testAutapsesTrue
    [Fact]
    public override void TestAutapsesTrue()
    {
        var connParams = ConnDict;
        const int n = 10;
        connParams["allow_multapses"] = false;

        // test that autapses exist
        connParams["p"] = 1.0;
        connParams["allow_autapses"] = true;
        var pop = Nest.Create("iaf_psc_alpha", n);
        Nest.Connect(pop, pop, connParams);
        // make sure all connections do exist
        var m = GetConnectivityMatrix(pop, pop);
        MpiAssert(Diag(m), Ones(n));
    }

    // NEST: testsuite/pytests/connect/test_connect_pairwise_bernoulli.py::TestPairwiseBernoulli::testAutapsesFalse
    [Fact]
    public override void TestAutapsesFalse()
    {
        var connParams = ConnDict;
        const int n = 10;
        connParams["allow_multapses"] = false;

        // test that autapses were excluded
        connParams["p"] = 1.0;
        connParams["allow_autapses"] = false;
        var pop = Nest.Create("iaf_psc_alpha", n);
        Nest.Connect(pop, pop, connParams);
        // make sure all connections do exist
        var m = GetConnectivityMatrix(pop, pop);
        MpiAssert(Diag(m), new double[n]);
    }
}
