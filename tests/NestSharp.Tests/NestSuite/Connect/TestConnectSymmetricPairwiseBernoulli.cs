namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_connect_symmetric_pairwise_bernoulli.py (class TestSymmetricPairwiseBernoulli,
/// with the tests of <see cref="ConnectTestBase"/>).
/// </summary>
public sealed class TestConnectSymmetricPairwiseBernoulli : ConnectTestBase
{
    public TestConnectSymmetricPairwiseBernoulli() { }

    /// <summary>The tests on one MPI rank, with its simulator (NEST's mpi_direct/2 runs this file on two processes).</summary>
    internal TestConnectSymmetricPairwiseBernoulli(Simulator rank) : base(rank) { }

    // sizes of source-, target-population and connection probability for statistical test
    private const int NS = 60, NT = 60;

    // specify connection pattern and specific params
    private const string RuleName = "symmetric_pairwise_bernoulli";
    private const double P = 0.5;

    protected override Dictionary<string, object> ConnDict => new()
    {
        ["rule"] = RuleName, ["p"] = P, ["allow_multapses"] = true, ["allow_autapses"] = false, ["make_symmetric"] = true,
    };

    // Critical values and number of iterations of two level test
    private const double Alpha2 = 0.05;
    private const int NRuns = 300;

    // NEST: testsuite/pytests/connect/test_connect_symmetric_pairwise_bernoulli.py::TestSymmetricPairwiseBernoulli::testStatistics
    [Fact]
    [Trait("Category", "Slow")]
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

    // NEST: testsuite/pytests/connect/test_connect_symmetric_pairwise_bernoulli.py::TestSymmetricPairwiseBernoulli::testAutapsesTrue
    [Fact]
    public override void TestAutapsesTrue()
    {
        var connParams = ConnDict;
        connParams["allow_autapses"] = true;
        const int n = 10;

        // test that autapses are not permitted
        var pop = Nest.Create("iaf_psc_alpha", n);
        Assert.ThrowsAny<NestException>(() => Nest.Connect(pop, pop, connParams));
    }

    // NEST: testsuite/pytests/connect/test_connect_symmetric_pairwise_bernoulli.py::TestSymmetricPairwiseBernoulli::testAutapsesFalse
    [Fact]
    public override void TestAutapsesFalse()
    {
        var connParams = ConnDict;
        const int n = 10;

        // test that autapses were excluded
        connParams["p"] = 1.0 - 1.0 / n;
        connParams["allow_autapses"] = false;
        var pop = Nest.Create("iaf_psc_alpha", n);
        Nest.Connect(pop, pop, connParams);
        var m = GetConnectivityMatrix(pop, pop);
        MpiAssert(Diag(m), new double[n]);
    }

    // NEST: testsuite/pytests/connect/test_connect_symmetric_pairwise_bernoulli.py::TestSymmetricPairwiseBernoulli::testMultapses
    [Fact]
    public void TestMultapses()
    {
        var connParams = ConnDict;
        connParams["allow_multapses"] = false;
        const int n = 10;

        // test that multapses must be permitted
        ResetKernel();
        var pop = Nest.Create("iaf_psc_alpha", n);
        Assert.ThrowsAny<NestException>(() => Nest.Connect(pop, pop, connParams));

        // test that multapses can only arise from symmetric connectivity
        connParams["p"] = 1.0 - 1.0 / n;
        connParams["allow_multapses"] = true;
        ResetKernel();
        pop = Nest.Create("iaf_psc_alpha", n);
        Nest.Connect(pop, pop, connParams);

        var connDict = new Dictionary<(long, long), int>();
        var conn = MpiDirect.MpiRanks.Own(Nest, Nest.GetConnections()); // this process's connections, read without gathering
        foreach (var key in conn.Sources().Zip(conn.Targets()))
        {
            connDict[key] = connDict.GetValueOrDefault(key) + 1;
            Assert.True(connDict[key] <= 2);
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_symmetric_pairwise_bernoulli.py::TestSymmetricPairwiseBernoulli::testCannotSetMSFalse
    [Fact]
    public void TestCannotSetMSFalse()
    {
        var connParams = ConnDict;
        const int n = 100;

        // test that make_symmetric must be enabled
        connParams["make_symmetric"] = false;
        ResetKernel();
        var pop = Nest.Create("iaf_psc_alpha", n);
        Assert.ThrowsAny<NestException>(() => Nest.Connect(pop, pop, connParams));
    }

    // NEST: testsuite/pytests/connect/test_connect_symmetric_pairwise_bernoulli.py::TestSymmetricPairwiseBernoulli::testMakeSymmetric
    [Fact]
    public void TestMakeSymmetric()
    {
        var connParams = ConnDict;
        const int n = 100;

        // test that all connections are symmetric
        connParams["make_symmetric"] = true;
        ResetKernel();
        var pop = Nest.Create("iaf_psc_alpha", n);
        Nest.Connect(pop, pop, connParams);

        var m = GetConnectivityMatrix(pop, pop);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) Assert.Equal(m[i, j], m[j, i]);
        }
    }
}
