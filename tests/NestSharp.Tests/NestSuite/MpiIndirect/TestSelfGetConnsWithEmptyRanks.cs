namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_self_get_conns_with_empty_ranks.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestSelfGetConnsWithEmptyRanks
{
    // NEST: testsuite/pytests/mpi_indirect/test_self_get_conns_with_empty_ranks.py::test_get_conns_with_empty_ranks
    [Fact]
    public void ConnectionsAreGatheredCorrectly_EvenIfSomeRanksHaveNoNeurons()
    {
        var all = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            var nrns = nest.Create("parrot_neuron", 2);
            nest.Connect(nrns, nrns);
            var conns = nest.GetConnections();
            MpiTestWrapper.WriteAllConnectionKeys(nest, MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank), conns, "target_thread", "port");
        });
        Assert.Equal(4, all["other"][0].Rows.Count);
    }
}
