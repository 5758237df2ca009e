namespace NestSharp.Tests.Connections;

/// <summary>
/// For one rng_seed the connections (and their random weights and delays) are the same whatever the number of threads:
/// GetConnections is ordered by source, then target, so the arrays must be equal element by element.
/// </summary>
public sealed class ConnectivityThreadIndependenceTests
{
    private static SynapseCollection Build(int threads, Action<Simulator, NodeCollection, NodeCollection> connect, long seed = 8086)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = seed, ["local_num_threads"] = threads, ["resolution"] = 0.1 });
        var a = nest.Create("iaf_psc_alpha", 60);
        var b = nest.Create("parrot_neuron", 45);
        connect(nest, a, b);
        return nest.GetConnections();
    }

    public static TheoryData<string> Rules => ["all_to_all", "one_to_one", "fixed_indegree", "fixed_outdegree", "fixed_total_number", "pairwise_bernoulli", "pairwise_poisson", "symmetric_pairwise_bernoulli", "mixed"];

    private static void Connect(string rule, Simulator nest, NodeCollection a, NodeCollection b)
    {
        var syn = new Dictionary<string, object>
        {
            ["weight"] = nest.Random.Normal(5.0, 1.0),
            ["delay"] = nest.Random.Uniform(0.5, 3.0),
        };
        switch (rule)
        {
            case "all_to_all": nest.Connect(a, b, Rule.AllToAll(), syn); break;
            case "one_to_one": nest.Connect(a[..45], b, Rule.OneToOne(), syn); break;
            case "fixed_indegree": nest.Connect(a, a + b, Rule.FixedIndegree(17), syn); break;
            case "fixed_outdegree": nest.Connect(a, a + b, Rule.FixedOutdegree(23), syn); break;
            case "fixed_total_number": nest.Connect(a, a + b, Rule.FixedTotalNumber(1500), syn); break;
            case "pairwise_bernoulli": nest.Connect(a, a + b, Rule.PairwiseBernoulli(0.2, allowAutapses: false), syn); break;
            case "pairwise_poisson": nest.Connect(a, a + b, Rule.PairwisePoisson(0.7, allowAutapses: false), syn); break;
            case "symmetric_pairwise_bernoulli": // both directions get the same values: random ones are refused
                nest.Connect(a, a + b, Rule.SymmetricPairwiseBernoulli(0.2), new Dictionary<string, object> { ["weight"] = 2.5, ["delay"] = 1.5 });
                break;
            case "mixed":
                // Several calls into the same nodes, as a network script makes them.
                nest.Connect(a, a, Rule.FixedIndegree(10, allowAutapses: false, allowMultapses: false), syn);
                nest.Connect(a, b, Rule.FixedOutdegree(5), syn);
                nest.Connect(a[..30], a[30..], Rule.PairwiseBernoulli(0.3), syn);
                nest.Connect(b, a, Rule.FixedTotalNumber(400), syn);
                break;
            default: throw new ArgumentException(rule);
        }
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void SourcesTargetsWeightsAndDelays_AreIdenticalFor1_2And4Threads(string rule)
    {
        var one = Build(1, (n, a, b) => Connect(rule, n, a, b));
        Assert.NotEqual(0, one.Count);
        foreach (int threads in new[] { 2, 4 })
        {
            var many = Build(threads, (n, a, b) => Connect(rule, n, a, b));
            Assert.Equal(one.Source, many.Source);
            Assert.Equal(one.Target, many.Target);
            Assert.Equal(one.Weight, many.Weight);
            Assert.Equal(one.Delay, many.Delay);
        }
    }

    [Fact]
    public void ADifferentSeed_GivesDifferentConnections()
    {
        var first = Build(2, (n, a, b) => Connect("fixed_indegree", n, a, b), seed: 1);
        var second = Build(2, (n, a, b) => Connect("fixed_indegree", n, a, b), seed: 2);

        Assert.Equal(first.Count, second.Count);
        Assert.NotEqual(first.Source, second.Source);
        Assert.NotEqual(first.Weight, second.Weight);
    }

    [Fact]
    public void TheSameSeed_GivesTheSameConnectionsInANewKernel()
    {
        var first = Build(2, (n, a, b) => Connect("mixed", n, a, b), seed: 5);
        var second = Build(2, (n, a, b) => Connect("mixed", n, a, b), seed: 5);

        Assert.Equal(first.Source, second.Source);
        Assert.Equal(first.Target, second.Target);
        Assert.Equal(first.Weight, second.Weight);
    }

    [Fact]
    public void TwoIdenticalConnectCalls_DrawDifferentConnections()
    {
        // Each Connect call has its own random streams: repeating a call must not repeat its draws.
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 77L, ["local_num_threads"] = 2 });
        var a = nest.Create("iaf_psc_alpha", 50);
        var b = nest.Create("iaf_psc_alpha", 50);

        nest.Connect(a, b, Rule.FixedIndegree(10), "static_synapse");
        nest.CopyModel("static_synapse", "second");
        nest.Connect(a, b, Rule.FixedIndegree(10), "second");

        var first = nest.GetConnections(synapseModel: "static_synapse");
        var second = nest.GetConnections(synapseModel: "second");
        Assert.NotEqual(first.Source, second.Source);
    }
}
