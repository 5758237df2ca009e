namespace NestSharp.Tests.StructuralPlasticity;

/// <summary>
/// Disconnect on a network grown by structural plasticity: it removes one synapse per named pair, frees the synaptic
/// elements the synapse bound (the model is a structural-plasticity synapse model), and a pair without such a synapse
/// is an error that changes nothing.
/// </summary>
public sealed class DisconnectTests
{
    /// <summary>A small network after 8 s of growth: excitatory synapses exist.</summary>
    private static SmallStructuralNetwork Grown()
    {
        var network = new SmallStructuralNetwork();
        network.Nest.Simulate(8000.0);
        Assert.True(network.Connections("synapse_ex").Length >= 20, "the network should have grown excitatory synapses");
        return network;
    }

    /// <summary>Up to <paramref name="n"/> existing pairs with distinct sources and distinct targets, spread over the list.</summary>
    private static (long Source, long Target)[] DistinctPairs((long Source, long Target)[] connections, int n)
    {
        var chosen = new List<(long, long)>();
        var sources = new HashSet<long>();
        var targets = new HashSet<long>();
        for (int i = 0; i < connections.Length && chosen.Count < n; i += 3)
        {
            var (s, t) = connections[i];
            if (s == t || sources.Contains(s) || targets.Contains(t) || sources.Contains(t) || targets.Contains(s)) continue;
            chosen.Add((s, t));
            sources.Add(s);
            targets.Add(t);
        }
        return [.. chosen];
    }

    /// <summary>Disconnects each pair with its own one_to_one call (a NodeCollection is sorted, so pairs in any order need one call each).</summary>
    private static void DisconnectEach(SmallStructuralNetwork network, IEnumerable<(long Source, long Target)> pairs)
    {
        var nest = network.Nest;
        foreach (var (source, target) in pairs)
            nest.Disconnect(nest.Nodes((int)source), nest.Nodes((int)target), "one_to_one", "synapse_ex");
    }

    private static List<(long, long)> Without((long, long)[] connections, IEnumerable<(long, long)> removed)
    {
        var remaining = connections.ToList();
        foreach (var pair in removed) Assert.True(remaining.Remove(pair));
        return remaining;
    }

    [Fact]
    public void Disconnect_RemovesExactlyTheNamedConnections()
    {
        var network = Grown();
        var before = network.Connections("synapse_ex");
        var beforeInhibitory = network.Connections("synapse_in");
        var pairs = DistinctPairs(before, 4);

        DisconnectEach(network, pairs);

        Assert.Equal(4, pairs.Length);
        Assert.Equal(Without(before, pairs), network.Connections("synapse_ex"));
        Assert.Equal(beforeInhibitory, network.Connections("synapse_in"));
        Assert.Equal((long)before.Length - 4, (long)network.Nest.GetDefaults("synapse_ex")["num_connections"]);
    }

    [Fact]
    public void Disconnect_FreesTheBoundPreAndPostSynapticElements()
    {
        var network = Grown();
        var pairs = DistinctPairs(network.Connections("synapse_ex"), 4);
        var axonsBefore = network.ConnectedElements("Axon_ex");
        var densBefore = network.ConnectedElements("Den_ex");

        DisconnectEach(network, pairs);

        var axons = network.ConnectedElements("Axon_ex");
        var dens = network.ConnectedElements("Den_ex");
        foreach (var (id, connected) in axonsBefore)
            Assert.Equal(connected - pairs.Count(p => p.Source == id), axons[id]);
        foreach (var (id, connected) in densBefore)
            Assert.Equal(connected - pairs.Count(p => p.Target == id), dens[id]);
    }

    [Fact]
    public void Disconnect_OfAMissingConnection_IsAnError_AndNothingIsRemoved()
    {
        var network = Grown();
        var before = network.Connections("synapse_ex");
        var existing = DistinctPairs(before, 1)[0];
        var present = before.ToHashSet();
        // A missing pair (source, target) above the existing one in both ids, so that the sorted collections pair them up.
        var excitatory = network.Excitatory.Ids.Select(id => (long)id).ToArray();
        var (missingSource, missingTarget) = excitatory.Where(s => s > existing.Source)
            .SelectMany(s => excitatory.Where(t => t > existing.Target && t != s).Select(t => (s, t)))
            .First(pair => !present.Contains(pair));
        var axonsBefore = network.ConnectedElements("Axon_ex");
        var densBefore = network.ConnectedElements("Den_ex");

        // The first pair exists, the second does not: the call must fail before removing the first.
        var nest = network.Nest;
        var e = Assert.Throws<InexistentConnectionException>(() => nest.Disconnect(
            nest.Nodes((int)existing.Source, (int)missingSource), nest.Nodes((int)existing.Target, (int)missingTarget), "one_to_one", "synapse_ex"));

        Assert.Contains(missingSource.ToString(), e.Message);
        Assert.Contains(missingTarget.ToString(), e.Message);
        Assert.Equal(before, network.Connections("synapse_ex"));
        Assert.Equal(axonsBefore, network.ConnectedElements("Axon_ex"));
        Assert.Equal(densBefore, network.ConnectedElements("Den_ex"));
    }

    [Fact]
    public void BookkeepingHolds_WhenStructuralPlasticityContinuesAfterDisconnect()
    {
        var network = Grown();
        var pairs = DistinctPairs(network.Connections("synapse_ex"), 4);
        DisconnectEach(network, pairs);

        network.Nest.Simulate(3000.0); // three more updates

        var connections = network.Connections("synapse_ex");
        var outgoing = connections.GroupBy(c => c.Source).ToDictionary(g => g.Key, g => (long)g.Count());
        var incoming = connections.GroupBy(c => c.Target).ToDictionary(g => g.Key, g => (long)g.Count());
        foreach (var (id, connected) in network.ConnectedElements("Axon_ex")) Assert.Equal(outgoing.GetValueOrDefault(id), connected);
        foreach (var (id, connected) in network.ConnectedElements("Den_ex")) Assert.Equal(incoming.GetValueOrDefault(id), connected);
    }
}
