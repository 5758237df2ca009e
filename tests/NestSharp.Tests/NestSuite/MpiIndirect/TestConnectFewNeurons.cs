namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_connect_few_neurons.py, on 1 and 4 in-process ranks.</summary>
public sealed class TestConnectFewNeurons
{
    // NEST: testsuite/pytests/mpi_indirect/test_connect_few_neurons.py::test_connect_few_neurons
    [Theory]
    [InlineData("all_to_all")]
    [InlineData("one_to_one")]
    [InlineData("pairwise_bernoulli")]
    public void ConnectionsAreCreatedCorrectly_ForMoreTargetsThanLocalNodes(string rule)
    {
        object connspec = rule == "pairwise_bernoulli"
            ? new Dictionary<string, object> { ["rule"] = "pairwise_bernoulli", ["p"] = 1.0 }
            : rule;
        var all = MpiTestWrapper.AssertEqual([1, 4], nest =>
        {
            var nrns = nest.Create("parrot_neuron", 4);
            nest.Connect(nrns, nrns, connspec);
            var conns = nest.GetConnections();
            MpiTestWrapper.WriteAllConnectionKeys(nest, MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank), conns, "target_thread", "port");
        });
        Assert.Equal(rule == "one_to_one" ? 4 : 16, all["other"][0].Rows.Count);
    }
}
