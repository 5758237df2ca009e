namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_connect_after_simulate.py: connections made between two Simulate calls
/// are found by GetConnections and carry spikes in the second run.
/// </summary>
public sealed class TestConnectAfterSimulate
{
    // NEST: testsuite/pytests/connect/test_connect_after_simulate.py::test_connections_before_after_simulate
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Test_connections_before_after_simulate(bool useCompressedSpikes)
    {
        // Pre-condition: GetConnections returns the same connection handles before and after calling Simulate, for
        // connections sorted by source and for connections not sorted.
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["use_compressed_spikes"] = useCompressedSpikes });

        var neurons = nest.Create("iaf_psc_alpha", 10);
        nest.Connect(neurons, neurons, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 2 });

        var connectionsBefore = nest.GetConnections();

        nest.Simulate(1.0);

        var connectionsAfter = nest.GetConnections();

        Assert.True(connectionsBefore == connectionsAfter);
    }

    // NEST: testsuite/pytests/connect/test_connect_after_simulate.py::test_connect_after_simulate
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Test_connect_after_simulate(bool useCompressedSpikes)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["use_compressed_spikes"] = useCompressedSpikes });

        var neuron = nest.Create("iaf_psc_delta", 1, new() { ["I_e"] = 500.0 });
        var parrot = nest.Create("parrot_neuron");
        var dummies = nest.Create("iaf_psc_delta", 10);
        var recorder = nest.Create("spike_recorder");

        nest.Connect(neuron, parrot);
        nest.Connect(dummies, dummies, new Dictionary<string, object> { ["rule"] = "all_to_all" });
        nest.Connect(parrot, recorder);

        // the neuron spikes once
        nest.Simulate(20.0);

        var connections = nest.GetConnections(target: parrot);
        Assert.Equal(1, connections.Count);
        Assert.Equal(0L, connections[0].Port[0]);
        // one spike, one connection to the parrot: one event
        Assert.Equal(1L, recorder.Get<long>("n_events"));

        nest.Connect(neuron, parrot);

        connections = nest.GetConnections(target: parrot);
        Assert.Equal(2, connections.Count);
        Assert.Equal(0L, connections[0].Port[0]);

        // the neuron spikes once more
        nest.Simulate(20.0);

        connections = nest.GetConnections(target: parrot);
        Assert.Equal(2, connections.Count);
        Assert.Equal(0L, connections[0].Port[0]);
        // the spike of the first run, and one more over two connections: three events
        Assert.Equal(3L, recorder.Get<long>("n_events"));
    }
}
