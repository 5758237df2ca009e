using System.Diagnostics;

namespace NestSharp.Tests.Connections;

/// <summary>
/// A Connect call too large to hold fails at once, before drawing or allocating anything: a KernelException naming the
/// rule, the number of connections and the memory they need; the network is unchanged and still usable.
/// </summary>
public sealed class ConnectionBudgetTests
{
    /// <summary>Runs the call, which must fail within a second, and returns its error.</summary>
    private static KernelException FailsFast(Action connect)
    {
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<KernelException>(connect);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the call took {clock.Elapsed.TotalSeconds:0.00} s to fail");
        return e;
    }

    /// <summary>Nothing was connected, and a small call still works.</summary>
    private static void Unchanged(Simulator nest, NodeCollection nodes)
    {
        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));
        nest.Connect(nodes[0], nodes[1]);
        Assert.Equal(1L, (long)nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void AllToAll_OfOneHundredThousandSquared_FailsFast_NamingRuleCountAndMemory()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 100_000);

        var e = FailsFast(() => nest.Connect(nodes, nodes));

        Assert.Contains("'all_to_all'", e.Message);
        Assert.Contains("10000000000 connections", e.Message);
        Assert.Matches("needs about .*(GB|connections per thread)", e.Message);
        Unchanged(nest, nodes);
    }

    [Fact]
    public void FixedTotalNumber_OfATrillion_FailsFast_NamingRuleCountAndMemory()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 10);

        var e = FailsFast(() => nest.Connect(nodes, nodes, new Dictionary<string, object> { ["rule"] = "fixed_total_number", ["N"] = 1_000_000_000_000L }));

        Assert.Contains("'fixed_total_number'", e.Message);
        Assert.Contains("1000000000000 connections", e.Message);
        Assert.Matches("needs about [0-9.]+ [GT]B of memory", e.Message);
        Unchanged(nest, nodes);
    }

    [Fact]
    public void FixedIndegree_OfABillion_FailsFast_NamingRuleCountAndMemory()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = 2 });
        var nodes = nest.Create("iaf_psc_alpha", 1000);

        var e = FailsFast(() => nest.Connect(nodes[..10], nodes, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 1_000_000_000L }));

        Assert.Contains("'fixed_indegree'", e.Message);
        Assert.Contains("1000000000000 connections", e.Message);
        Assert.Matches("needs about [0-9.]+ [GT]B of memory", e.Message);
        Unchanged(nest, nodes);
    }

    [Fact]
    public void PlasticSynapses_NeedMoreMemoryPerConnection_ThanStaticOnes()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 10);
        var conn = new Dictionary<string, object> { ["rule"] = "fixed_total_number", ["N"] = 1_000_000_000_000L };

        var staticError = FailsFast(() => nest.Connect(nodes, nodes, conn, "static_synapse"));
        var stdpError = FailsFast(() => nest.Connect(nodes, nodes, conn, "stdp_synapse"));

        Assert.Contains("14 bytes per connection of static_synapse", staticError.Message);
        Assert.Matches("[0-9]+ bytes per connection of stdp_synapse", stdpError.Message);
        Assert.DoesNotContain("14 bytes per connection", stdpError.Message);
        Unchanged(nest, nodes);
    }
}
