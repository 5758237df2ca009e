namespace NestSharp.Tests.Connections;

/// <summary>Bad conn_specs fail with a typed exception before anything is connected.</summary>
public sealed class ConnectErrorTests
{
    private readonly Simulator _nest;
    private readonly NodeCollection _a, _b;
    private readonly long _before;

    public ConnectErrorTests()
    {
        _nest = new Simulator();
        _nest.SetKernelStatus(new() { ["rng_seed"] = 99L, ["local_num_threads"] = 2 });
        _a = _nest.Create("iaf_psc_alpha", 10);
        _b = _nest.Create("iaf_psc_alpha", 20);
        // Existing connections, so that "nothing changed" is not the trivial "still zero".
        _nest.Connect(_a, _b, Rule.FixedIndegree(2));
        _before = NumConnections;
        Assert.Equal(40L, _before);
    }

    private long NumConnections => (long)_nest.GetKernelStatus("num_connections");

    private void AssertNothingConnected()
    {
        Assert.Equal(_before, NumConnections);
        Assert.Equal(_before, _nest.GetConnections().Count);
        Assert.Equal(_before, (long)_nest.GetDefaults("static_synapse")["num_connections"]);
    }

    [Fact]
    public void FixedIndegree_LargerThanTheSources_WithoutMultapses_Throws()
    {
        var spec = new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 11, ["allow_multapses"] = false };

        Assert.Throws<BadPropertyException>(() => _nest.Connect(_a, _b, spec));

        AssertNothingConnected();
    }

    [Fact]
    public void FixedIndegree_EqualToTheSources_WithoutAutapsesOrMultapses_OntoItself_Throws()
    {
        // Without autapses a node has only n - 1 possible sources.
        Assert.Throws<BadPropertyException>(() => _nest.Connect(_a, _a, Rule.FixedIndegree(10, allowAutapses: false, allowMultapses: false)));

        AssertNothingConnected();
    }

    [Fact]
    public void FixedOutdegree_LargerThanTheTargets_WithoutMultapses_Throws()
    {
        Assert.Throws<BadPropertyException>(() => _nest.Connect(_a, _b, Rule.FixedOutdegree(21, allowMultapses: false)));

        AssertNothingConnected();
    }

    [Fact]
    public void FixedTotalNumber_LargerThanThePairs_WithoutMultapses_Throws()
    {
        Assert.Throws<BadPropertyException>(() => _nest.Connect(_a, _b, Rule.FixedTotalNumber(201, allowMultapses: false)));

        AssertNothingConnected();
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void PairwiseBernoulli_WithPOutsideZeroToOne_Throws(double p)
    {
        var spec = new Dictionary<string, object> { ["rule"] = "pairwise_bernoulli", ["p"] = p };

        Assert.Throws<BadPropertyException>(() => _nest.Connect(_a, _b, spec));

        AssertNothingConnected();
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void RuleFactory_PairwiseBernoulli_WithPOutsideZeroToOne_Throws(double p)
    {
        Assert.Throws<BadPropertyException>(() => Rule.PairwiseBernoulli(p));
    }

    [Fact]
    public void NegativeIndegree_Throws()
    {
        var spec = new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = -1 };

        Assert.Throws<BadPropertyException>(() => _nest.Connect(_a, _b, spec));

        AssertNothingConnected();
    }

    [Fact]
    public void UnknownRuleName_InADictionary_Throws()
    {
        var spec = new Dictionary<string, object> { ["rule"] = "fixed_degree", ["indegree"] = 2 };

        Assert.Throws<BadPropertyException>(() => _nest.Connect(_a, _b, spec));

        AssertNothingConnected();
    }

    [Fact]
    public void UnknownRuleName_AsAString_Throws()
    {
        Assert.Throws<BadPropertyException>(() => _nest.Connect(_a, _b, "all_to_some"));

        AssertNothingConnected();
    }

    [Fact]
    public void UnknownConnSpecKey_Throws()
    {
        var spec = new Dictionary<string, object> { ["rule"] = "all_to_all", ["allow_loops"] = false };

        Assert.Throws<UnaccessedDictionaryEntryException>(() => _nest.Connect(_a, _b, spec));

        AssertNothingConnected();
    }

    [Fact]
    public void ConnSpecKeyOfAnotherRule_Throws()
    {
        // "outdegree" is a key of fixed_outdegree, not of fixed_indegree.
        var spec = new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 2, ["outdegree"] = 3 };

        Assert.Throws<UnaccessedDictionaryEntryException>(() => _nest.Connect(_a, _b, spec));

        AssertNothingConnected();
    }

    [Fact]
    public void MissingIndegree_Throws()
    {
        var spec = new Dictionary<string, object> { ["rule"] = "fixed_indegree" };

        Assert.Throws<BadPropertyException>(() => _nest.Connect(_a, _b, spec));

        AssertNothingConnected();
    }

    [Fact]
    public void UnknownSynapseModel_Throws()
    {
        Assert.Throws<UnknownModelNameException>(() => _nest.Connect(_a, _b, "all_to_all", "no_such_synapse"));

        AssertNothingConnected();
    }

    [Fact]
    public void UnknownSynSpecKey_Throws()
    {
        var syn = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["wieght"] = 2.0 };

        Assert.Throws<UnaccessedDictionaryEntryException>(() => _nest.Connect(_a, _b, "all_to_all", syn));

        AssertNothingConnected();
    }

    [Theory]
    [InlineData("fixed_indegree", "indegree", 1L)]
    [InlineData("fixed_outdegree", "outdegree", 1L)]
    [InlineData("fixed_total_number", "N", 1L)]
    [InlineData("pairwise_bernoulli", "p", 1.0)]
    public void RulesNeedingProxies_CannotConnectToADevice_AndNothingIsConnected(string rule, string key, object value)
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_psc_alpha");
        var recorder = nest.Create("spike_recorder", 2);

        var e = Assert.Throws<IllegalConnectionException>(() => nest.Connect(neuron, recorder, new Dictionary<string, object> { ["rule"] = rule, [key] = value }));

        Assert.Contains(rule, e.Message);
        Assert.Contains("proxies", e.Message);
        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));
        nest.Connect(neuron, recorder, "all_to_all");
        Assert.Equal(2L, (long)nest.GetKernelStatus("num_connections"));
    }
}
