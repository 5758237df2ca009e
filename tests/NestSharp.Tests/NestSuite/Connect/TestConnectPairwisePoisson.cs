namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>NEST's testsuite/pytests/connect/test_connect_pairwise_poisson.py (class TestPairwisePoisson, with the tests of <see cref="ConnectTestBase"/>).</summary>
public sealed class TestConnectPairwisePoisson : ConnectTestBase
{
    // specify connection pattern and specific params
    private const string RuleName = "pairwise_poisson";
    private const double PairwiseAvgNumConns = 0.5;

    protected override Dictionary<string, object> ConnDict => new() { ["rule"] = RuleName, ["pairwise_avg_num_conns"] = PairwiseAvgNumConns };

    // sizes of source-, target-population and connection probability for statistical test
    private const int NS = 50, NT = 50;

    // Critical values and number of iterations of two level test
    private const double Alpha2 = 0.8;
    private const int NRuns = 20;

    // NEST: testsuite/pytests/connect/test_connect_pairwise_poisson.py::TestPairwisePoisson::testErrorMessages
    [Fact]
    public void TestErrorMessages()
    {
        bool gotError = false;
        var connParams = ConnDict;
        connParams["allow_multapses"] = false;
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

    // NEST: testsuite/pytests/connect/test_connect_pairwise_poisson.py::TestPairwisePoisson::testAutapsesTrue
    [Fact]
    public override void TestAutapsesTrue()
    {
        var connParams = ConnDict;

        // test that autapses exist
        connParams["allow_autapses"] = true;
        var pop1 = Nest.Create("iaf_psc_alpha", N1);
        Nest.Connect(pop1, pop1, connParams);
        // make sure all connections do exist
        var m = GetConnectivityMatrix(pop1, pop1);
        Assert.InRange(Diag(m).Sum(), N1 * PairwiseAvgNumConns - 2, N1 * PairwiseAvgNumConns + 2);
    }

    // NEST: testsuite/pytests/connect/test_connect_pairwise_poisson.py::TestPairwisePoisson::testExpInOutdegree
    [Fact]
    public void TestExpInOutdegree()
    {
        ResetSeed(1, NrThreads);
        SetUpNetwork(ConnDict, n1: NS, n2: NT);
        foreach (string fan in new[] { "in", "out" })
        {
            double expected = PairwiseAvgNumConns * (fan == "in" ? NS : NT);
            double meanDegrees = GetDegrees(fan, Pop1, Pop2).Average();
            Assert.InRange(meanDegrees, expected - 2, expected + 2);
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_pairwise_poisson.py::TestPairwisePoisson::testStatistics
    [Fact]
    public void TestStatistics()
    {
        var multapses = new List<double>();
        for (int i = 0; i < NRuns; i++)
        {
            ResetSeed(i + 1, NrThreads);
            SetUpNetwork(ConnDict, n1: 1, n2: 1);
            multapses.AddRange(GetDegrees("out", Pop1, Pop2));
        }

        // np.histogram(multapses, bins=[-0.5, 0.5, ..., 8.5], density=True): the share of runs with each count 0..8
        const int bins = 9;
        var distribution = new double[bins];
        foreach (double m in multapses)
        {
            if (m < bins) distribution[(int)m] += 1.0 / multapses.Count;
        }
        var expected = Enumerable.Range(0, bins).Select(k => MathNet.Numerics.Distributions.Poisson.PMF(PairwiseAvgNumConns, k)).ToArray();
        var (_, p) = ChiSquaredCheck(distribution, expected);
        Assert.True(p > Alpha2, $"chi-square p-value {p}");
    }
}
