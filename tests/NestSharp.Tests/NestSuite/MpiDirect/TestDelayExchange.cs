namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>NEST's testsuite/pytests/mpi_direct/4/test_delay_exchange.py, on 4 in-process ranks.</summary>
public sealed class TestDelayExchange
{
    // NEST: testsuite/pytests/mpi_direct/4/test_delay_exchange.py::test_delay_exchange
    [Fact]
    public void ConnectionsOnOneRank_SetTheDelayExtremaOnAllRanks() => MpiRanks.Run(4, nest =>
    {
        Assert.Equal(4, nest.NumProcesses);

        const double minDelay = 0.5, maxDelay = 2.5;

        var n = nest.Create("parrot_neuron");
        nest.Connect(n, n, "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["delay"] = minDelay });
        nest.Connect(n, n, "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["delay"] = maxDelay });

        // Accessing kernel attributes forces GetKernelStatus with exchange of delay info
        Assert.Equal(minDelay, Convert.ToDouble(nest.GetKernelStatus("min_delay")));
        Assert.Equal(maxDelay, Convert.ToDouble(nest.GetKernelStatus("max_delay")));
    });
}
