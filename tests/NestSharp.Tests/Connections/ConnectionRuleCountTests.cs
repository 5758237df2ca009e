namespace NestSharp.Tests.Connections;

/// <summary>The connection rules make exactly the connections their definition fixes.</summary>
public sealed class ConnectionRuleCountTests
{
    private static Simulator NewKernel(int threads = 1)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 4711L, ["local_num_threads"] = threads });
        return nest;
    }

    private static (long Source, long Target)[] Pairs(SynapseCollection c) => c.Source.Zip(c.Target).ToArray();

    [Fact]
    public void AllToAll_ConnectsEverySourceToEveryTargetOnce()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 7);
        var b = nest.Create("parrot_neuron", 5);

        nest.Connect(a, b);

        var pairs = Pairs(nest.GetConnections());
        var expected = a.Ids.SelectMany(s => b.Ids.Select(t => ((long)s, (long)t))).ToHashSet();
        Assert.Equal(7 * 5, pairs.Length);
        Assert.True(expected.SetEquals(pairs));
        Assert.Equal(35L, (long)nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void AllToAll_WithoutAutapses_OntoItself_ConnectsEveryOrderedPairOfDistinctNodes()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 9);

        nest.Connect(a, a, Rule.AllToAll(allowAutapses: false));

        var pairs = Pairs(nest.GetConnections());
        Assert.Equal(9 * 8, pairs.Length);
        Assert.DoesNotContain(pairs, p => p.Source == p.Target);
        Assert.Equal(pairs.Length, pairs.Distinct().Count());
    }

    [Fact]
    public void AllToAll_WithAutapses_OntoItself_IncludesSelfConnections()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 9);

        nest.Connect(a, a);

        var pairs = Pairs(nest.GetConnections());
        Assert.Equal(9 * 9, pairs.Length);
        Assert.Equal(9, pairs.Count(p => p.Source == p.Target));
    }

    [Fact]
    public void OneToOne_ConnectsTheIthSourceToTheIthTarget()
    {
        var nest = NewKernel(threads: 2);
        var a = nest.Create("iaf_psc_alpha", 6);
        var b = nest.Create("iaf_psc_alpha", 6);

        nest.Connect(a, b, Rule.OneToOne());

        var c = nest.GetConnections();
        Assert.Equal(a.Ids.Select(i => (long)i), c.Source);
        Assert.Equal(b.Ids.Select(i => (long)i), c.Target);
    }

    [Fact]
    public void OneToOne_PairsTheNodesInIdOrder_AsJoinedCollectionsAreSorted()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 4);
        var b = nest.Create("iaf_psc_alpha", 4);
        var joinedInReverse = b[3] + b[2] + b[1] + b[0];

        nest.Connect(a, joinedInReverse, Rule.OneToOne());

        var pairs = Pairs(nest.GetConnections());
        Assert.Equal([(1L, 5L), (2L, 6L), (3L, 7L), (4L, 8L)], pairs);
    }

    [Fact]
    public void OneToOne_WithCollectionsOfDifferentSize_ThrowsAndConnectsNothing()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 5);
        var b = nest.Create("iaf_psc_alpha", 4);

        Assert.Throws<BadPropertyException>(() => nest.Connect(a, b, Rule.OneToOne()));

        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void FixedIndegree_GivesEveryTargetExactlyKInputs(int threads)
    {
        var nest = NewKernel(threads);
        var a = nest.Create("iaf_psc_alpha", 30);
        var b = nest.Create("iaf_psc_alpha", 40);

        nest.Connect(a, b, Rule.FixedIndegree(12));

        var c = nest.GetConnections();
        Assert.Equal(40 * 12, c.Count);
        var perTarget = StatTestCounts(c.Target, b.Ids);
        Assert.All(perTarget, n => Assert.Equal(12, n));
        Assert.All(c.Source, s => Assert.InRange(s, a.Ids[0], a.Ids[^1]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void FixedOutdegree_GivesEverySourceExactlyKOutputs(int threads)
    {
        var nest = NewKernel(threads);
        var a = nest.Create("iaf_psc_alpha", 30);
        var b = nest.Create("iaf_psc_alpha", 40);

        nest.Connect(a, b, Rule.FixedOutdegree(15));

        var c = nest.GetConnections();
        Assert.Equal(30 * 15, c.Count);
        var perSource = StatTestCounts(c.Source, a.Ids);
        Assert.All(perSource, n => Assert.Equal(15, n));
        Assert.All(c.Target, t => Assert.InRange(t, b.Ids[0], b.Ids[^1]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void FixedTotalNumber_MakesExactlyNConnections(int threads)
    {
        var nest = NewKernel(threads);
        var a = nest.Create("iaf_psc_alpha", 30);
        var b = nest.Create("iaf_psc_alpha", 40);

        nest.Connect(a, b, Rule.FixedTotalNumber(777));

        var c = nest.GetConnections();
        Assert.Equal(777, c.Count);
        Assert.Equal(777L, (long)nest.GetKernelStatus("num_connections"));
        Assert.All(c.Source, s => Assert.InRange(s, a.Ids[0], a.Ids[^1]));
        Assert.All(c.Target, t => Assert.InRange(t, b.Ids[0], b.Ids[^1]));
    }

    [Fact]
    public void PairwiseBernoulli_WithPOne_ConnectsAllPairs()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 8);
        var b = nest.Create("iaf_psc_alpha", 6);

        nest.Connect(a, b, Rule.PairwiseBernoulli(1.0));

        var pairs = Pairs(nest.GetConnections());
        Assert.Equal(48, pairs.Length);
        Assert.Equal(48, pairs.Distinct().Count());
    }

    [Fact]
    public void PairwiseBernoulli_WithPZero_ConnectsNothing()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 8);

        nest.Connect(a, a, Rule.PairwiseBernoulli(0.0));

        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Fact]
    public void NumConnections_OfASynapseModel_CountsOnlyItsConnections()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 10);
        nest.CopyModel("static_synapse", "excitatory", new() { ["weight"] = 2.0 });

        nest.Connect(a, a, Rule.FixedIndegree(3), "excitatory");
        nest.Connect(a, a, Rule.FixedIndegree(2));

        Assert.Equal(30L, (long)nest.GetDefaults("excitatory")["num_connections"]);
        Assert.Equal(20L, (long)nest.GetDefaults("static_synapse")["num_connections"]);
        Assert.Equal(50L, (long)nest.GetKernelStatus("num_connections"));
        Assert.Equal(30, nest.GetConnections(synapseModel: "excitatory").Count);
        Assert.All(nest.GetConnections(synapseModel: "excitatory").Weight, w => Assert.Equal(2.0, w));
    }

    [Fact]
    public void GetConnections_IsOrderedBySourceThenTarget()
    {
        var nest = NewKernel(threads: 4);
        var a = nest.Create("iaf_psc_alpha", 40);
        nest.Connect(a, a, Rule.FixedIndegree(7));
        nest.Connect(a, a, Rule.PairwiseBernoulli(0.1));

        var pairs = Pairs(nest.GetConnections());

        Assert.True(pairs.Length > 40 * 7);
        var sorted = pairs.OrderBy(p => p.Source).ThenBy(p => p.Target).ToArray();
        Assert.Equal(sorted, pairs);
    }

    private static long[] StatTestCounts(long[] values, IReadOnlyList<int> ids) =>
        Statistics.StatTest.CountsPer(values, ids);
}
