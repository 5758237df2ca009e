namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_connect_tripartite_bernoulli.py: TripartiteConnect of aeif_cond_alpha_astro
/// populations with an astrocyte_lr_1994 population as the third factor (third_factor_bernoulli_with_pool, sic_connection
/// from the astrocytes): the primary pairwise_bernoulli rule gives binomial in- and out-degrees, each target is served by
/// at most pool_size astrocytes, and autapses follow allow_autapses. The degree distributions and the helpers
/// (get_expected_degrees_bernoulli, chi_squared_check) are the ones of connect_test_base
/// (<see cref="ConnectTestBase"/>). Without MPI, gather_data and mpi_assert compare the process's own data.
/// </summary>
public sealed class TestConnectTripartiteBernoulli
{
    private Simulator _nest = new();

    private static Dictionary<string, object> Spec(params (string Key, object Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);

    /// <summary>setup_network: source, target and third populations, connected by TripartiteConnect.</summary>
    private (NodeCollection Pop1, NodeCollection Pop2, NodeCollection Pop3) SetupNetwork(Dictionary<string, object> connDict,
        Dictionary<string, object> thirdConnDict, Dictionary<string, object> synDict, int n1, int n2,
        string primaryModel = "aeif_cond_alpha_astro", string thirdModel = "astrocyte_lr_1994")
    {
        var pop1 = _nest.Create(primaryModel, n1);
        var pop2 = _nest.Create(primaryModel, n2);
        var pop3 = _nest.Create(thirdModel, n2);
        _nest.TripartiteConnect(pop1, pop2, pop3, connDict, thirdConnDict, synDict);
        return (pop1, pop2, pop3);
    }

    /// <summary>get_connectivity_matrix: M[i, j] counts the connections from the j-th node of pop1 to the i-th of pop2.</summary>
    private double[,] GetConnectivityMatrix(NodeCollection pop1, NodeCollection pop2)
    {
        var m = new double[pop2.Count, pop1.Count];
        var connections = _nest.GetConnections(pop1, pop2);
        var indexDic = new Dictionary<long, int>();
        for (int count = 0; count < pop1.Count; count++) indexDic[pop1.Ids[count]] = count;
        for (int count = 0; count < pop2.Count; count++) indexDic[pop2.Ids[count]] = count;
        foreach (var (source, target) in connections.Sources().Zip(connections.Targets()))
            m[indexDic[target], indexDic[source]] += 1;
        return m;
    }

    /// <summary>get_degrees: in-degrees (row sums) or out-degrees (column sums) of the connectivity matrix.</summary>
    private double[] GetDegrees(string fan, NodeCollection pop1, NodeCollection pop2)
    {
        var m = GetConnectivityMatrix(pop1, pop2);
        return fan switch
        {
            "in" => Enumerable.Range(0, m.GetLength(0)).Select(i => Enumerable.Range(0, m.GetLength(1)).Sum(j => m[i, j])).ToArray(),
            "out" => Enumerable.Range(0, m.GetLength(1)).Select(j => Enumerable.Range(0, m.GetLength(0)).Sum(i => m[i, j])).ToArray(),
            _ => throw new ArgumentException($"fan must be 'in' or 'out', got '{fan}'."),
        };
    }

    // NEST: testsuite/pytests/connect/test_connect_tripartite_bernoulli.py::test_statistics
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    public void Test_statistics(double pPrimary)
    {
        // set network and connectivity parameters
        const int n1 = 50, n2 = 50, poolSize = 5;
        var connDict = Spec(("rule", "pairwise_bernoulli"), ("p", pPrimary));
        var thirdConnDict = Spec(("rule", "third_factor_bernoulli_with_pool"), ("pool_size", poolSize));

        // set test parameters
        const double alpha2 = 0.05;
        const int nRuns = 20, nrThreads = 2;

        // here we test
        // 1. p_primary yields the correct indegree and outdegree
        // 2. pool_size limits the number of third-population nodes connected to each target nodes
        foreach (string fan in new[] { "in", "out" })
        {
            var expected = ConnectTestBase.GetExpectedDegreesBernoulli(pPrimary, fan, n1, n2);
            var pvalues = new List<double>();
            var nThirdNodes = new List<int>();
            for (int i = 0; i < nRuns; i++)
            {
                // setup network and connect
                _nest = new Simulator();
                _nest.SetKernelStatus(new() { ["local_num_threads"] = nrThreads, ["rng_seed"] = (long)(i + 1) });
                var (pop1, pop2, pop3) = SetupNetwork(connDict, thirdConnDict,
                    new Dictionary<string, object> { ["third_out"] = Spec(("synapse_model", "sic_connection")) }, n1, n2);
                // get indegree or outdegree, and do chi-square test for it
                var degrees = GetDegrees(fan, pop1, pop2);
                var (_, pDegrees) = ConnectTestBase.ChiSquaredCheck(degrees, expected);
                pvalues.Add(pDegrees);
                // get number of third_nodes connected to each target nodes
                var connsN2n = _nest.GetConnections(pop1, pop2);
                var connsA2n = _nest.GetConnections(pop3, pop2);
                long[] thirdNodes = [.. connsA2n.Sources()], targets = [.. connsA2n.Targets()];
                foreach (long id in connsN2n.Targets().Distinct())
                    nThirdNodes.Add(Enumerable.Range(0, targets.Length).Where(k => targets[k] == id).Select(k => thirdNodes[k]).Distinct().Count());
            }
            // assert that the p-values are uniformly distributed
            var (_, pUniform) = SciPyStats.KsTestUniform(pvalues);
            Assert.True(pUniform > alpha2, $"{fan}: KS p-value {pUniform}");
            // assert that for each target nodes, number of third_nodes is smaller than pool_size
            Assert.NotEmpty(nThirdNodes);
            Assert.All(nThirdNodes, n => Assert.True(n <= poolSize, $"{n} third nodes for one target"));
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_tripartite_bernoulli.py::test_autapses_true
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Test_autapses_true(bool autapses)
    {
        // set network and connectivity parameters
        const int n = 50;
        var connDict = Spec(("rule", "pairwise_bernoulli"), ("p", 1.0), ("allow_autapses", autapses));
        var thirdConnDict = Spec(("rule", "third_factor_bernoulli_with_pool"));

        // create the network
        var popPrimay = _nest.Create("aeif_cond_alpha_astro", n);
        var popThird = _nest.Create("astrocyte_lr_1994", n);
        _nest.TripartiteConnect(popPrimay, popPrimay, popThird, connDict, thirdConnDict,
            new Dictionary<string, object> { ["third_out"] = Spec(("synapse_model", "sic_connection")) });

        // make sure autapses do (or do not) exist
        var m = GetConnectivityMatrix(popPrimay, popPrimay);
        double expectedDiagonal = autapses ? 1.0 : 0.0;
        for (int i = 0; i < n; i++) Assert.Equal(expectedDiagonal, m[i, i]);
        Assert.Equal(n * n - (autapses ? 0 : 1) * n, m.Cast<double>().Sum());
    }
}
