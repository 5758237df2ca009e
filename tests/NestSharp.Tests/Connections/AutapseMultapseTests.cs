namespace NestSharp.Tests.Connections;

/// <summary>
/// allow_autapses = false and allow_multapses = false, tested in settings where self-connections and repeated pairs
/// would occur with near certainty if they were allowed (the control tests check that they do).
/// </summary>
public sealed class AutapseMultapseTests
{
    private const int PopulationSize = 10;

    private static Simulator NewKernel(int threads = 2)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 20240611L, ["local_num_threads"] = threads });
        return nest;
    }

    /// <summary>
    /// A conn_spec onto a population of 10 nodes connected to itself. With autapses and multapses allowed, these would
    /// make self-connections with probability above 1 - 1e-9 (fixed_indegree/outdegree: 10 targets each drawing 20 times
    /// from 10, P(none) = 0.9^200; fixed_total_number: 300 draws, P(none) = 0.9^300; the others always).
    /// </summary>
    private static Dictionary<string, object> AutapseProneSpec(string rule, bool allowAutapses)
    {
        var spec = new Dictionary<string, object> { ["rule"] = rule, ["allow_autapses"] = allowAutapses };
        switch (rule)
        {
            case "fixed_indegree": spec["indegree"] = 20; break;
            case "fixed_outdegree": spec["outdegree"] = 20; break;
            case "fixed_total_number": spec["N"] = 300; break;
            case "pairwise_bernoulli": spec["p"] = 1.0; break;
        }
        return spec;
    }

    /// <summary>
    /// A conn_spec from 10 sources to 50 targets. With multapses allowed, repeated pairs would occur with near certainty
    /// (fixed_indegree: 8 draws from 10, P(all distinct) = 10!/(2! 10^8) = 0.018 per target, over 50 targets 1e-87;
    /// fixed_outdegree: 40 draws from 50 per source; fixed_total_number: 400 draws from 500 pairs).
    /// </summary>
    private static Dictionary<string, object> MultapseProneSpec(string rule, bool allowMultapses)
    {
        var spec = new Dictionary<string, object> { ["rule"] = rule, ["allow_multapses"] = allowMultapses };
        switch (rule)
        {
            case "fixed_indegree": spec["indegree"] = 8; break;
            case "fixed_outdegree": spec["outdegree"] = 40; break;
            case "fixed_total_number": spec["N"] = 400; break;
        }
        return spec;
    }

    private static (long, long)[] Pairs(SynapseCollection c) => c.Source.Zip(c.Target).ToArray();

    [Theory]
    [InlineData("all_to_all")]
    [InlineData("fixed_indegree")]
    [InlineData("fixed_outdegree")]
    [InlineData("fixed_total_number")]
    [InlineData("pairwise_bernoulli")]
    public void WithAutapsesForbidden_NoNodeIsConnectedToItself(string rule)
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", PopulationSize);

        nest.Connect(a, a, AutapseProneSpec(rule, allowAutapses: false));

        var c = nest.GetConnections();
        Assert.NotEqual(0, c.Count);
        Assert.DoesNotContain(Pairs(c), p => p.Item1 == p.Item2);
    }

    [Theory]
    [InlineData("all_to_all")]
    [InlineData("fixed_indegree")]
    [InlineData("fixed_outdegree")]
    [InlineData("fixed_total_number")]
    [InlineData("pairwise_bernoulli")]
    public void WithAutapsesAllowed_TheSameSettingMakesSelfConnections(string rule)
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", PopulationSize);

        nest.Connect(a, a, AutapseProneSpec(rule, allowAutapses: true));

        Assert.Contains(Pairs(nest.GetConnections()), p => p.Item1 == p.Item2);
    }

    [Fact]
    public void FixedIndegree_WithoutAutapses_StillGivesEveryTargetExactlyKInputs()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", PopulationSize);

        nest.Connect(a, a, AutapseProneSpec("fixed_indegree", allowAutapses: false));

        var perTarget = Statistics.StatTest.CountsPer(nest.GetConnections().Target, a.Ids);
        Assert.All(perTarget, n => Assert.Equal(20, n));
    }

    [Fact]
    public void OneToOne_WithoutAutapses_OntoItself_ConnectsNothing()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", PopulationSize);

        nest.Connect(a, a, new Dictionary<string, object> { ["rule"] = "one_to_one", ["allow_autapses"] = false });

        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Theory]
    [InlineData("fixed_indegree")]
    [InlineData("fixed_outdegree")]
    [InlineData("fixed_total_number")]
    public void WithMultapsesForbidden_NoPairIsConnectedTwice(string rule)
    {
        var nest = NewKernel();
        var sources = nest.Create("iaf_psc_alpha", PopulationSize);
        var targets = nest.Create("iaf_psc_alpha", 50);

        nest.Connect(sources, targets, MultapseProneSpec(rule, allowMultapses: false));

        var pairs = Pairs(nest.GetConnections());
        Assert.NotEmpty(pairs);
        Assert.Equal(pairs.Length, pairs.Distinct().Count());
    }

    [Theory]
    [InlineData("fixed_indegree")]
    [InlineData("fixed_outdegree")]
    [InlineData("fixed_total_number")]
    public void WithMultapsesAllowed_TheSameSettingRepeatsPairs(string rule)
    {
        var nest = NewKernel();
        var sources = nest.Create("iaf_psc_alpha", PopulationSize);
        var targets = nest.Create("iaf_psc_alpha", 50);

        nest.Connect(sources, targets, MultapseProneSpec(rule, allowMultapses: true));

        var pairs = Pairs(nest.GetConnections());
        Assert.True(pairs.Distinct().Count() < pairs.Length, "expected repeated (source, target) pairs");
    }

    [Theory]
    [InlineData("fixed_indegree", 50 * 8)]
    [InlineData("fixed_outdegree", 10 * 40)]
    [InlineData("fixed_total_number", 400)]
    public void WithMultapsesForbidden_TheNumberOfConnectionsIsStillExact(string rule, int expected)
    {
        var nest = NewKernel();
        var sources = nest.Create("iaf_psc_alpha", PopulationSize);
        var targets = nest.Create("iaf_psc_alpha", 50);

        nest.Connect(sources, targets, MultapseProneSpec(rule, allowMultapses: false));

        Assert.Equal(expected, nest.GetConnections().Count);
    }

    [Fact]
    public void FixedIndegree_WithoutAutapsesOrMultapses_AndIndegreeNMinusOne_ConnectsEveryOtherNode()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", PopulationSize);

        nest.Connect(a, a, Rule.FixedIndegree(PopulationSize - 1, allowAutapses: false, allowMultapses: false));

        var pairs = Pairs(nest.GetConnections()).ToHashSet();
        var expected = a.Ids.SelectMany(s => a.Ids.Where(t => t != s).Select(t => ((long)s, (long)t))).ToHashSet();
        Assert.True(expected.SetEquals(pairs));
        Assert.Equal(PopulationSize * (PopulationSize - 1), nest.GetConnections().Count);
    }

    [Fact]
    public void FixedOutdegree_WithoutAutapsesOrMultapses_AndOutdegreeNMinusOne_ConnectsEveryOtherNode()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", PopulationSize);

        nest.Connect(a, a, Rule.FixedOutdegree(PopulationSize - 1, allowAutapses: false, allowMultapses: false));

        var pairs = Pairs(nest.GetConnections());
        Assert.Equal(PopulationSize * (PopulationSize - 1), pairs.Length);
        Assert.Equal(pairs.Length, pairs.Distinct().Count());
        Assert.DoesNotContain(pairs, p => p.Item1 == p.Item2);
    }

    [Fact]
    public void FixedTotalNumber_WithoutAutapsesOrMultapses_AndNAllPairs_ConnectsEveryOrderedPair()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", PopulationSize);

        nest.Connect(a, a, Rule.FixedTotalNumber(PopulationSize * (PopulationSize - 1), allowAutapses: false, allowMultapses: false));

        var pairs = Pairs(nest.GetConnections());
        Assert.Equal(PopulationSize * (PopulationSize - 1), pairs.Length);
        Assert.Equal(pairs.Length, pairs.Distinct().Count());
        Assert.DoesNotContain(pairs, p => p.Item1 == p.Item2);
    }
}
