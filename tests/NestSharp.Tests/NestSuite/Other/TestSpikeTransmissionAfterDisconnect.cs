namespace NestSharp.Tests.NestSuite.Other;

/// <summary>NEST's testsuite/pytests/other/test_spike_transmission_after_disconnect.py: spikes still flow after a third of the connections were removed.</summary>
public sealed class TestSpikeTransmissionAfterDisconnect
{
    // NEST: testsuite/pytests/other/test_spike_transmission_after_disconnect.py::test_spike_transmission_after_disconnect
    // (NEST's test passes if the simulation completes)
    [Fact]
    public void Test_spike_transmission_after_disconnect()
    {
        var nest = new Simulator();
        var n = nest.Create("parrot_neuron", 10);
        nest.Connect(n, n);

        // Delete 1/3 of connections
        var c = nest.GetConnections();
        c.Slice(step: 3).Disconnect();

        // Add spike generator to drive
        var g = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
        nest.Connect(g, n);

        // Simulate long enough for spikes to be delivered, but not too long
        nest.Simulate(3.0);
    }
}
