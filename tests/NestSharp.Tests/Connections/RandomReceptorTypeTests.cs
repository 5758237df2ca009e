namespace NestSharp.Tests.Connections;

/// <summary>
/// receptor_type drawn from a random parameter, as NEST's brunel_exp_multisynapse_nest.py does
/// (<c>nest.random.uniform_int(max=nr_ports - 1) + 1</c>): every connection gets its own port, drawn from the
/// connection's keyed stream, so the ports do not depend on the number of threads.
/// </summary>
public sealed class RandomReceptorTypeTests
{
    private static (Simulator Nest, NodeCollection Sources, NodeCollection Targets) Network(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 7L });
        var sources = nest.Create("parrot_neuron", 40);
        var targets = nest.Create("iaf_psc_exp_multisynapse", 30, new() { ["tau_syn"] = new[] { 0.5, 1.0, 2.0 } });
        return (nest, sources, targets);
    }

    [Fact]
    public void DrawnPorts_CoverAllPortsEvenly_AndDoNotDependOnThreads()
    {
        long[]? first = null;
        foreach (int threads in new[] { 1, 2 })
        {
            var (nest, sources, targets) = Network(threads);
            nest.Connect(sources, targets, Rule.AllToAll(), new Dictionary<string, object>
            {
                ["synapse_model"] = "static_synapse", ["receptor_type"] = nest.Random.UniformInt(3) + 1,
            });
            var connections = nest.GetConnections();
            long[] receptors = connections.GetValues<long>("receptor");
            long[] order = [.. Enumerable.Range(0, receptors.Length)
                .OrderBy(i => connections.GetValues<long>("source")[i]).ThenBy(i => connections.GetValues<long>("target")[i])
                .Select(i => receptors[i])];
            Assert.Equal(1200, receptors.Length);
            // 1200 draws over 3 ports: each count is 400 +- 16 (one standard deviation); allow five.
            for (long port = 1; port <= 3; port++) Assert.InRange(receptors.Count(r => r == port), 320, 480);
            if (first is null) first = order;
            else Assert.Equal(first, order);
        }
    }

    [Fact]
    public void DrawnPortBeyondTheNodesPorts_IsRefused_AndNothingIsConnected()
    {
        var (nest, sources, targets) = Network(1);
        Assert.Throws<IncompatibleReceptorTypeException>(() => nest.Connect(sources, targets, Rule.AllToAll(), new Dictionary<string, object>
        {
            ["synapse_model"] = "static_synapse", ["receptor_type"] = nest.Random.UniformInt(5) + 1,
        }));
        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void DrawnNegativeOrFractionalPort_IsBadProperty()
    {
        var (nest, sources, targets) = Network(1);
        var ex = Assert.Throws<BadPropertyException>(() => nest.Connect(sources, targets, Rule.AllToAll(), new Dictionary<string, object>
        {
            ["synapse_model"] = "static_synapse", ["receptor_type"] = nest.Random.Uniform(1.0, 3.0),
        }));
        Assert.Contains("receptor_type", ex.Message);
        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));
    }
}
