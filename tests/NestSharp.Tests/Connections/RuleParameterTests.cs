namespace NestSharp.Tests.Connections;

/// <summary>
/// Connection rules whose own parameter is a <see cref="Parameter"/> (NEST 3's conn_spec parameters):
/// fixed_indegree's indegree drawn per target, fixed_outdegree's outdegree per source (rounded, as NEST), and
/// pairwise_bernoulli's p drawn per pair. Drawn from keyed streams: the same network for any number of threads.
/// </summary>
public sealed class RuleParameterTests
{
    /// <summary>The (source, target) pairs the rule makes on <paramref name="n"/> neurons, sorted.</summary>
    private static (long Source, long Target)[] Connect(int threads, Dictionary<string, object> conn, int n = 100)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = (long)threads, ["rng_seed"] = 12345L });
        var nodes = nest.Create("iaf_psc_alpha", n);
        nest.Connect(nodes, nodes, conn);
        var connections = nest.GetConnections();
        return connections.Source.Zip(connections.Target).Order().ToArray();
    }

    [Fact]
    public void FixedIndegree_DrawsEachTargetsIndegreeFromTheParameter()
    {
        var nest = new Simulator();
        var indegree = nest.CreateParameter("uniform_int", new() { ["max"] = 9L }); // 0..8
        var conn = new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = indegree };
        var targets = Connect(1, conn).Select(c => c.Target).ToArray();
        var perTarget = Enumerable.Range(1, 100).Select(t => targets.Count(x => x == t)).ToArray();
        Assert.All(perTarget, k => Assert.InRange(k, 0, 8));
        Assert.True(perTarget.Distinct().Count() >= 7, $"indegrees {string.Join(" ", perTarget)} barely vary");
        // Mean 4, standard error sqrt(60/9 / 100) ≈ 0.26.
        Assert.InRange(perTarget.Average(), 4 - 4 * 0.26, 4 + 4 * 0.26);
        Assert.Equal(Connect(1, conn), Connect(3, conn));
    }

    [Fact]
    public void FixedOutdegree_RoundsTheParameterPerSource()
    {
        var nest = new Simulator();
        var outdegree = nest.CreateParameter("uniform", new() { ["min"] = 1.5, ["max"] = 2.5 });
        var conn = new Dictionary<string, object> { ["rule"] = "fixed_outdegree", ["outdegree"] = outdegree };
        var sources = Connect(1, conn).Select(c => c.Source).ToArray();
        var perSource = Enumerable.Range(1, 100).Select(s => sources.Count(x => x == s)).ToArray();
        Assert.All(perSource, k => Assert.True(k == 2, $"outdegree {k}: 1.5..2.5 rounds to 2"));
        Assert.Equal(Connect(1, conn), Connect(2, conn));
    }

    [Fact]
    public void PairwiseBernoulli_DrawsPPerPair()
    {
        var nest = new Simulator();
        var p = nest.CreateParameter("uniform", new() { ["min"] = 0.0, ["max"] = 0.2 });
        var conn = new Dictionary<string, object> { ["rule"] = "pairwise_bernoulli", ["p"] = p };
        var sources = Connect(1, conn, 200).Select(c => c.Source).ToArray();
        // 40,000 pairs, each connected with probability E[p] = 0.1: 4000 ± 60 (binomial standard deviation).
        Assert.InRange(sources.Length, 4000 - 4 * 60, 4000 + 4 * 60);
        Assert.Equal(Connect(1, conn, 200), Connect(3, conn, 200));
    }

    [Fact]
    public void IndegreeParameter_AboveWhatMultapsesAllow_IsRefusedAndNothingConnected()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 5);
        var conn = new Dictionary<string, object>
        {
            ["rule"] = "fixed_indegree", ["indegree"] = nest.CreateParameter("constant", new() { ["value"] = 6.0 }),
            ["allow_multapses"] = false,
        };
        var error = Assert.Throws<BadPropertyException>(() => nest.Connect(nodes, nodes, conn));
        Assert.Contains("indegree", error.Message);
        Assert.Contains("6", error.Message);
        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void IndegreeParameter_WhenTheOnlySourceIsTheTargetWithoutAutapses_IsRefusedNotEndless()
    {
        var nest = new Simulator();
        var node = nest.Create("iaf_psc_alpha");
        var conn = new Dictionary<string, object>
        {
            ["rule"] = "fixed_indegree", ["indegree"] = Parameter.Constant(1.0), ["allow_autapses"] = false,
        };
        var error = Assert.Throws<BadPropertyException>(() => nest.Connect(node, node, conn));
        Assert.Contains("indegree", error.Message);
    }

    [Fact]
    public void NegativeOutdegreeParameter_IsRefused()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 5);
        var conn = new Dictionary<string, object> { ["rule"] = "fixed_outdegree", ["outdegree"] = Parameter.Constant(-2.0) };
        var error = Assert.Throws<BadPropertyException>(() => nest.Connect(nodes, nodes, conn));
        Assert.Contains("outdegree", error.Message);
        Assert.Contains("-2", error.Message);
    }
}
