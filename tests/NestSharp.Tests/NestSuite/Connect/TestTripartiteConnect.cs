namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_tripartite_connect.py: basic tests of TripartiteConnect with the third-factor
/// rule third_factor_bernoulli_with_pool. Each test starts from a fresh kernel (the autouse fixture reset_kernel).
/// </summary>
public sealed class TestTripartiteConnect
{
    private readonly Simulator _nest = new();

    private static Dictionary<string, object> Spec(params (string Key, object Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);

    /// <summary>pre, post and third populations of parrot neurons, in that order.</summary>
    private (NodeCollection Pre, NodeCollection Post, NodeCollection Third) Populations(int nPre, int nPost, int nThird) =>
        (_nest.Create("parrot_neuron", nPre), _nest.Create("parrot_neuron", nPost), _nest.Create("parrot_neuron", nThird));

    /// <summary>The assertion the tests share: as many pre → post, pre → third and third → post connections as primary ones.</summary>
    private void AssertPrimaryEverywhere(NodeCollection pre, NodeCollection post, NodeCollection third, int nPrimary)
    {
        Assert.Equal(nPrimary, _nest.GetConnections(pre, post).Count);
        Assert.Equal(nPrimary, _nest.GetConnections(pre, third).Count);
        Assert.Equal(nPrimary, _nest.GetConnections(third, post).Count);
    }

    // NEST: testsuite/pytests/connect/test_tripartite_connect.py::test_connect_all
    [Fact]
    public void Test_connect_all()
    {
        int nPre = 4, nPost = 2, nThird = 3;
        var (pre, post, third) = Populations(nPre, nPost, nThird);

        _nest.TripartiteConnect(pre, post, third,
            Spec(("rule", "pairwise_bernoulli"), ("p", 1.0)),
            Spec(("rule", "third_factor_bernoulli_with_pool"), ("p", 1.0)));

        AssertPrimaryEverywhere(pre, post, third, nPre * nPost);
    }

    // NEST: testsuite/pytests/connect/test_tripartite_connect.py::test_connect_astro
    [Fact]
    public void Test_connect_astro()
    {
        int nPre = 4, nPost = 2, nThird = 3;
        var pre = _nest.Create("aeif_cond_alpha_astro", nPre);
        var post = _nest.Create("aeif_cond_alpha_astro", nPost);
        var third = _nest.Create("astrocyte_lr_1994", nThird);

        _nest.TripartiteConnect(pre, post, third,
            Spec(("rule", "pairwise_bernoulli"), ("p", 1.0)),
            Spec(("rule", "third_factor_bernoulli_with_pool"), ("p", 1.0)),
            new Dictionary<string, object> { ["third_out"] = Spec(("synapse_model", "sic_connection")) });

        AssertPrimaryEverywhere(pre, post, third, nPre * nPost);
    }

    // NEST: testsuite/pytests/connect/test_tripartite_connect.py::test_explicit_random_pool
    [Fact]
    public void Test_explicit_random_pool()
    {
        int nPre = 4, nPost = 2, nThird = 3;
        var (pre, post, third) = Populations(nPre, nPost, nThird);

        _nest.TripartiteConnect(pre, post, third,
            Spec(("rule", "pairwise_bernoulli"), ("p", 1.0)),
            Spec(("rule", "third_factor_bernoulli_with_pool"), ("p", 1.0), ("pool_type", "random"), ("pool_size", 2)));

        AssertPrimaryEverywhere(pre, post, third, nPre * nPost);
    }

    // NEST: testsuite/pytests/connect/test_tripartite_connect.py::test_block_pool_single
    [Fact]
    public void Test_block_pool_single()
    {
        int nPre = 4, nPost = 4, nThird = 2;
        var (pre, post, third) = Populations(nPre, nPost, nThird);

        _nest.TripartiteConnect(pre, post, third,
            Spec(("rule", "pairwise_bernoulli"), ("p", 1.0)),
            Spec(("rule", "third_factor_bernoulli_with_pool"), ("p", 1.0), ("pool_type", "block"), ("pool_size", 1)));

        AssertPrimaryEverywhere(pre, post, third, nPre * nPost);
    }

    // NEST: testsuite/pytests/connect/test_tripartite_connect.py::test_block_pool_wide
    [Fact]
    public void Test_block_pool_wide()
    {
        int nPre = 4, nPost = 2, nThird = 8;
        var (pre, post, third) = Populations(nPre, nPost, nThird);

        _nest.TripartiteConnect(pre, post, third,
            Spec(("rule", "pairwise_bernoulli"), ("p", 1.0)),
            Spec(("rule", "third_factor_bernoulli_with_pool"), ("p", 1.0), ("pool_type", "block"), ("pool_size", 4)));

        AssertPrimaryEverywhere(pre, post, third, nPre * nPost);
    }

    // NEST: testsuite/pytests/connect/test_tripartite_connect.py::test_tripartite_raises
    [Fact]
    public void Test_tripartite_raises()
    {
        var (pre, post, third) = Populations(4, 2, 8);

        Assert.Throws<IllegalConnectionException>(() =>
            _nest.TripartiteConnect(pre, post, third, Spec(("rule", "one_to_one")), Spec(("rule", "one_to_one"))));
    }

    // NEST: testsuite/pytests/connect/test_tripartite_connect.py::test_tripartite_rejects_make_symmetric
    [Fact]
    public void Test_tripartite_rejects_make_symmetric()
    {
        var (pre, post, third) = Populations(4, 4, 8);

        Assert.Throws<BadPropertyException>(() => _nest.TripartiteConnect(pre, post, third,
            Spec(("rule", "one_to_one"), ("make_symmetric", true)),
            Spec(("rule", "third_factor_bernoulli_with_pool"))));
    }

    /// <summary>The parametrisation of test_third_works_for_all_primary_rules: the primary conn_spec and the number of connections expected.</summary>
    public static TheoryData<string, int> PrimaryRules => new()
    {
        { "one_to_one", 6 },
        { "all_to_all", 36 },
        { "fixed_indegree", 18 },
        { "fixed_outdegree", 18 },
        { "fixed_total_number", 23 },
        { "pairwise_bernoulli", 36 },
    };

    private static Dictionary<string, object> PrimarySpec(string rule) => rule switch
    {
        "fixed_indegree" => Spec(("rule", rule), ("indegree", 3)),
        "fixed_outdegree" => Spec(("rule", rule), ("outdegree", 3)),
        "fixed_total_number" => Spec(("rule", rule), ("N", 23)),
        "pairwise_bernoulli" => Spec(("rule", rule), ("p", 1)),
        _ => Spec(("rule", rule)),
    };

    // NEST: testsuite/pytests/connect/test_tripartite_connect.py::test_third_works_for_all_primary_rules
    [Theory]
    [MemberData(nameof(PrimaryRules))]
    public void Test_third_works_for_all_primary_rules(string rule, int numConnsExpected)
    {
        _nest.SetKernelStatus("local_num_threads", 4);
        int n = 6; // if this is changed, number of expected connection must be adjusted above
        var pre = _nest.Create("parrot_neuron", n);
        var post = _nest.Create("parrot_neuron", n);
        var third = _nest.Create("parrot_neuron", 5);

        _nest.TripartiteConnect(pre, post, third, PrimarySpec(rule), Spec(("rule", "third_factor_bernoulli_with_pool"), ("p", 1.0)));

        AssertPrimaryEverywhere(pre, post, third, numConnsExpected);
    }

    // NEST: testsuite/pytests/connect/test_tripartite_connect.py::test_sliced_third
    [Fact]
    public void Test_sliced_third()
    {
        // Test that connection works on multiple threads when using complex node collection as third factor.
        _nest.SetKernelStatus("local_num_threads", 4);
        var nrn = _nest.Create("parrot_neuron", 20);
        var joined = nrn[..3] + nrn[5..];
        var third = joined.Slice(0, joined.Count, 3);

        _nest.TripartiteConnect(nrn, nrn, third,
            Spec(("rule", "all_to_all")),
            Spec(("rule", "third_factor_bernoulli_with_pool"), ("pool_type", "random"), ("pool_size", 2)));

        var tIn = _nest.GetConnections(target: third);
        var tOut = _nest.GetConnections(source: third);

        Assert.Equal(tIn.Count, tOut.Count);
        var thirdIds = third.Ids.Select(id => (long)id).ToHashSet();
        Assert.Subset(thirdIds, tIn.Targets().ToHashSet());
        Assert.Subset(thirdIds, tOut.Sources().ToHashSet());
    }

    // NEST: testsuite/pytests/connect/test_tripartite_connect.py::test_connect_complex_synspecs
    [Fact]
    public void Test_connect_complex_synspecs()
    {
        int nPre = 4, nPost = 2, nThird = 3;
        var (pre, post, third) = Populations(nPre, nPost, nThird);

        _nest.TripartiteConnect(pre, post, third,
            Spec(("rule", "pairwise_bernoulli"), ("p", 1.0)),
            Spec(("rule", "third_factor_bernoulli_with_pool"), ("p", 1.0)),
            new Dictionary<string, object>
            {
                ["primary"] = new CollocatedSynapses(
                    Spec(("synapse_model", "stdp_synapse"), ("weight", 2.0)), Spec(("synapse_model", "tsodyks_synapse"), ("delay", 3.0))),
                ["third_in"] = new CollocatedSynapses(
                    Spec(("synapse_model", "static_synapse"), ("weight", _nest.Random.Uniform(0.5, 1.5))),
                    Spec(("synapse_model", "tsodyks2_synapse"))),
                ["third_out"] = new CollocatedSynapses(
                    Spec(("synapse_model", "static_synapse_lbl")),
                    Spec(("synapse_model", "stdp_synapse_hpc"), ("alpha", _nest.Random.Uniform(0.5, 1.5)))),
            });

        int nPrimary = nPre * nPost;
        var cStdp = _nest.GetConnections(synapseModel: "stdp_synapse");
        Assert.Equal(nPrimary, cStdp.Count);
        Assert.Equal([2.0], cStdp.Weight.ToHashSet());

        var cTsodyks = _nest.GetConnections(synapseModel: "tsodyks_synapse");
        Assert.Equal(nPrimary, cTsodyks.Count);
        Assert.Equal([3.0], cTsodyks.Delay.ToHashSet());

        var cStatic = _nest.GetConnections(synapseModel: "static_synapse");
        Assert.Equal(nPrimary, cStatic.Count);
        Assert.Equal(cStatic.Count, cStatic.Weight.ToHashSet().Count); // random values, all different

        var cTsodyks2 = _nest.GetConnections(synapseModel: "tsodyks2_synapse");
        Assert.Equal(nPrimary, cTsodyks2.Count);
        Assert.Equal([1.0], cTsodyks2.Delay.ToHashSet());

        var cStatLbl = _nest.GetConnections(synapseModel: "static_synapse_lbl");
        Assert.Equal(nPrimary, cStatLbl.Count);
        Assert.Equal([1.0], cStatLbl.Weight.ToHashSet());

        var cStdpHpc = _nest.GetConnections(synapseModel: "stdp_synapse_hpc");
        Assert.Equal(nPrimary, cStdpHpc.Count);
        Assert.Equal(cStdpHpc.Count, cStdpHpc.GetValues<double>("alpha").ToHashSet().Count); // random values, all different
    }
}
