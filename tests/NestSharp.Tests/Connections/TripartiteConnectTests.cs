using NestSharp.Tests.Distribution;

namespace NestSharp.Tests.Connections;

/// <summary>
/// TripartiteConnect with third_factor_bernoulli_with_pool: block and random pools, the conditional probability p,
/// one third-factor connection per primary connection (not per collocated synapse), and the same connections for any
/// number of threads and processes.
/// </summary>
public sealed class TripartiteConnectTests
{
    private static Dictionary<string, object> Pool(params (string Key, object Value)[] entries)
    {
        var spec = new Dictionary<string, object> { ["rule"] = "third_factor_bernoulli_with_pool" };
        foreach (var (key, value) in entries) spec[key] = value;
        return spec;
    }

    /// <summary>The third-factor sources of each post-synaptic target, by target id.</summary>
    private static Dictionary<long, long[]> ThirdOfTargets(Simulator nest, NodeCollection third, NodeCollection post)
    {
        var conns = nest.GetConnections(third, post);
        return conns.Target.Zip(conns.Source).GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.Select(p => p.Second).ToArray());
    }

    [Fact]
    public void BlockPoolOfSize1_GivesEachBlockOfTargetsOneThirdFactorNode()
    {
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron", 5);
        var post = nest.Create("parrot_neuron", 6);
        var third = nest.Create("parrot_neuron", 3);

        nest.TripartiteConnect(pre, post, third, Rule.AllToAll(), Rule.ThirdFactorBernoulliWithPool(poolType: "block", poolSize: 1));

        var byTarget = ThirdOfTargets(nest, third, post);
        for (int i = 0; i < post.Count; i++)
            Assert.Equal(Enumerable.Repeat((long)third.Ids[i / 2], pre.Count), byTarget[post.Ids[i]]);
    }

    [Fact]
    public void WideBlockPools_AreConsecutiveThirdFactorNodes()
    {
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron", 40);
        var post = nest.Create("parrot_neuron", 3);
        var third = nest.Create("parrot_neuron", 6);

        nest.TripartiteConnect(pre, post, third, Rule.AllToAll(), Rule.ThirdFactorBernoulliWithPool(poolType: "block", poolSize: 2));

        var byTarget = ThirdOfTargets(nest, third, post);
        for (int i = 0; i < post.Count; i++)
            Assert.Equal([third.Ids[2 * i], third.Ids[2 * i + 1]], byTarget[post.Ids[i]].Distinct().Order().Select(id => (int)id));
    }

    [Fact]
    public void RandomPools_HavePoolSizeNodesPerTarget_DrawnFromTheThirdFactorPopulation()
    {
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron", 60);
        var post = nest.Create("parrot_neuron", 10);
        var third = nest.Create("parrot_neuron", 8);

        nest.TripartiteConnect(pre, post, third, Rule.AllToAll(), Rule.ThirdFactorBernoulliWithPool(poolSize: 3));

        var pools = ThirdOfTargets(nest, third, post).Values.Select(s => s.Distinct().Order().ToArray()).ToArray();
        Assert.Equal(post.Count, pools.Length);
        Assert.All(pools, pool => Assert.Equal(3, pool.Length));
        Assert.True(pools.Select(p => string.Join(",", p)).Distinct().Count() > 1, "every target drew the same pool");
    }

    [Fact]
    public void ThirdInConnections_GoFromTheSourceOfEachPrimaryConnectionToItsThirdFactorNode()
    {
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron", 7);
        var post = nest.Create("parrot_neuron", 4);
        var third = nest.Create("parrot_neuron", 2);

        nest.TripartiteConnect(pre, post, third, Rule.FixedIndegree(3), Rule.ThirdFactorBernoulliWithPool(poolType: "block", poolSize: 1));

        // Targets 0, 1 have third node 0, targets 2, 3 third node 1: third node k gets a connection from the source
        // of every primary connection to its targets.
        var primary = nest.GetConnections(pre, post);
        var expected = primary.Source.Zip(primary.Target)
            .Select(p => (p.First, (long)third.Ids[post.IndexOf((int)p.Second) / 2])).Order().ToArray();
        var thirdIn = nest.GetConnections(pre, third);
        Assert.Equal(expected, thirdIn.Source.Zip(thirdIn.Target).Order().ToArray());
    }

    [Fact]
    public void ConditionalProbability_ThirdFactorConnectionsForAboutPOfThePrimaryOnes()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("rng_seed", 12345);
        var pre = nest.Create("parrot_neuron", 100);
        var post = nest.Create("parrot_neuron", 50);
        var third = nest.Create("parrot_neuron", 10);

        nest.TripartiteConnect(pre, post, third, Rule.AllToAll(), Rule.ThirdFactorBernoulliWithPool(p: 0.3));

        int n = pre.Count * post.Count, k = nest.GetConnections(third, post).Count;
        double sigma = Math.Sqrt(n * 0.3 * 0.7);
        Assert.InRange(k, n * 0.3 - 4 * sigma, n * 0.3 + 4 * sigma);
        Assert.Equal(k, nest.GetConnections(pre, third).Count);
        Assert.Equal(n, nest.GetConnections(pre, post).Count);
    }

    [Fact]
    public void PZero_MakesNoThirdFactorConnections()
    {
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron", 5);
        var post = nest.Create("parrot_neuron", 5);
        var third = nest.Create("parrot_neuron", 2);

        nest.TripartiteConnect(pre, post, third, Rule.AllToAll(), Pool(("p", 0.0)));

        Assert.Equal(25, Convert.ToInt64(nest.GetKernelStatus()["num_connections"]));
        Assert.Equal(0, nest.GetConnections(source: third).Count);
    }

    [Fact]
    public void CollocatedPrimarySynapses_GetOneThirdFactorConnectionPerPrimaryConnection()
    {
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron", 3);
        var post = nest.Create("parrot_neuron", 2);
        var third = nest.Create("parrot_neuron", 2);

        nest.TripartiteConnect(pre, post, third, Rule.AllToAll(), Rule.ThirdFactorBernoulliWithPool(),
            new Dictionary<string, object> { ["primary"] = new CollocatedSynapses(new SynSpec(), new SynSpec { SynapseModel = "stdp_synapse" }) });

        Assert.Equal(12, nest.GetConnections(pre, post).Count);
        Assert.Equal(6, nest.GetConnections(pre, third).Count);
        Assert.Equal(6, nest.GetConnections(third, post).Count);
    }

    [Fact]
    public void SynSpecsOfEachPart_ApplyToTheirConnectionsOnly()
    {
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron", 3);
        var post = nest.Create("iaf_psc_alpha", 2);
        var third = nest.Create("parrot_neuron", 2);

        nest.TripartiteConnect(pre, post, third, Rule.AllToAll(), Rule.ThirdFactorBernoulliWithPool(), new Dictionary<string, object>
        {
            ["primary"] = new SynSpec { Weight = 2.0 },
            ["third_in"] = new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["delay"] = 2.5 },
            ["third_out"] = "static_synapse_hpc",
        });

        Assert.Equal([2.0], nest.GetConnections(pre, post).Weight.Distinct());
        Assert.Equal(["stdp_synapse"], nest.GetConnections(pre, third).SynapseModel.Distinct());
        Assert.Equal([2.5], nest.GetConnections(pre, third).Delay.Distinct());
        Assert.Equal(["static_synapse_hpc"], nest.GetConnections(third, post).SynapseModel.Distinct());
    }

    private static string Network(Simulator nest, int threads) => Network(nest, threads, "pairwise_bernoulli");

    private static string Network(Simulator nest, int threads, string rule)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 77, ["local_num_threads"] = threads });
        var pre = nest.Create("iaf_psc_alpha", 30);
        var post = nest.Create("parrot_neuron", 25);
        var third = nest.Create("parrot_neuron", 9);
        var primary = rule switch
        {
            "fixed_indegree" => Rule.FixedIndegree(7),
            "fixed_outdegree" => Rule.FixedOutdegree(6),
            "fixed_total_number" => Rule.FixedTotalNumber(200),
            "all_to_all" => Rule.AllToAll(),
            _ => Rule.PairwiseBernoulli(0.3),
        };
        nest.TripartiteConnect(pre, post, third, primary, Rule.ThirdFactorBernoulliWithPool(p: 0.6, poolSize: 3),
            new Dictionary<string, object>
            {
                ["primary"] = new SynSpec { Weight = nest.Random.Normal(5.0, 1.0) },
                ["third_in"] = new SynSpec { Weight = nest.Random.Uniform(0.5, 1.5), Delay = nest.Random.Uniform(1.0, 2.0) },
                ["third_out"] = new SynSpec { Weight = nest.Random.Uniform(-1.0, 0.0) },
            });
        var conns = nest.GetConnections();
        return string.Join("\n", Enumerable.Range(0, conns.Count)
            .Select(i => FormattableString.Invariant($"{conns.Source[i]} {conns.Target[i]} {conns.Weight[i]:R} {conns.Delay[i]:R}")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("pairwise_bernoulli")]
    [InlineData("fixed_indegree")]
    [InlineData("fixed_outdegree")]
    [InlineData("fixed_total_number")]
    [InlineData("all_to_all")]
    public void Connections_AreTheSameFor1_2And4Threads(string rule)
    {
        string one = Network(new Simulator(), 1, rule);
        Assert.NotEmpty(one);
        Assert.Equal(one, Network(new Simulator(), 2, rule));
        Assert.Equal(one, Network(new Simulator(), 4, rule));
    }

    [Fact]
    public void Connections_AreTheSameOnTwoRanksAsOnOne()
    {
        string one = Network(new Simulator(), 2);
        var ranks = InProcessRanks.Run(2, make => Network(make(), 1)); // GetConnections gathers every rank's connections
        Assert.All(ranks, rank => Assert.Equal(one, rank));
    }

    [Fact]
    public void AFailingCall_LeavesTheNextCallAsIfItHadNotBeenMade()
    {
        static string Connect(bool failFirst)
        {
            var nest = new Simulator();
            var pre = nest.Create("parrot_neuron", 10);
            var post = nest.Create("parrot_neuron", 10);
            var third = nest.Create("parrot_neuron", 4);
            if (failFirst)
            {
                Assert.Throws<UnknownModelNameException>(() => nest.TripartiteConnect(pre, post, third, Rule.PairwiseBernoulli(0.5),
                    Rule.ThirdFactorBernoulliWithPool(p: 0.5), new Dictionary<string, object> { ["third_out"] = "no_such_synapse" }));
                Assert.Equal(0, Convert.ToInt64(nest.GetKernelStatus()["num_connections"]));
            }
            nest.TripartiteConnect(pre, post, third, Rule.PairwiseBernoulli(0.5), Rule.ThirdFactorBernoulliWithPool(p: 0.5));
            var conns = nest.GetConnections();
            return string.Join(";", conns.Source.Zip(conns.Target));
        }

        Assert.Equal(Connect(failFirst: false), Connect(failFirst: true));
    }

    [Fact]
    public void EmptyThirdFactorPopulation_IsIllegal()
    {
        var nest = new Simulator();
        var nodes = nest.Create("parrot_neuron", 4);

        var error = Assert.Throws<IllegalConnectionException>(() => nest.TripartiteConnect(nodes, nodes, nodes[new bool[4]], Rule.AllToAll(), Pool()));
        Assert.Contains("Third-factor nodes", error.Message);
    }

    [Fact]
    public void RuleFactory_ChecksItsArguments()
    {
        Assert.Equal("third_factor_bernoulli_with_pool", Rule.ThirdFactorBernoulliWithPool(0.5, "block", 2).Rule);
        Assert.Throws<BadPropertyException>(() => Rule.ThirdFactorBernoulliWithPool(poolType: "gaussian"));
    }

    [Fact]
    public void PairwisePoisson_IsAPrimaryRule_SymmetricPairwiseBernoulliIsNot()
    {
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron", 20);
        var post = nest.Create("parrot_neuron", 20);
        var third = nest.Create("parrot_neuron", 4);

        nest.TripartiteConnect(pre, post, third, Rule.PairwisePoisson(0.5), Rule.ThirdFactorBernoulliWithPool());
        int primary = nest.GetConnections(pre, post).Count;
        Assert.True(primary > 0);
        Assert.Equal(primary, nest.GetConnections(third, post).Count);

        var symmetric = new Dictionary<string, object>
        {
            ["rule"] = "symmetric_pairwise_bernoulli", ["p"] = 0.5, ["allow_autapses"] = false, ["make_symmetric"] = true,
        };
        var error = Assert.Throws<BadPropertyException>(() => nest.TripartiteConnect(pre, post, third, symmetric, Pool()));
        Assert.Contains("make_symmetric", error.Message);
    }

    [Fact]
    public void AGeneratorSource_ConnectsToTheThirdFactorNodesOfItsTargets()
    {
        var nest = new Simulator();
        var generator = nest.Create("poisson_generator", 1, new() { ["rate"] = 100.0 });
        var post = nest.Create("parrot_neuron", 4);
        var third = nest.Create("parrot_neuron", 2);

        nest.TripartiteConnect(generator, post, third, Rule.AllToAll(), Rule.ThirdFactorBernoulliWithPool(poolType: "block", poolSize: 1));

        Assert.Equal(4, nest.GetConnections(generator, post).Count);
        Assert.Equal(4, nest.GetConnections(generator, third).Count);
        Assert.Equal(4, nest.GetConnections(third, post).Count);
    }
}
