namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>NEST's testsuite/pytests/mpi_direct/4/test_localonly.py, on 4 in-process ranks.</summary>
public sealed class TestLocalonly
{
    /// <summary>The fixture network: 13 parrots and 5 spike generators, and GetNodes(local_only=True).</summary>
    private static (NodeCollection Nodes, NodeCollection LNodes) Network(Simulator nest)
    {
        nest.ResetKernel();
        var nodes = nest.Create("parrot_neuron", 13) + nest.Create("spike_generator", 5);
        var lnodes = nest.GetNodes(localOnly: true);
        return (nodes, lnodes);
    }

    // NEST: testsuite/pytests/mpi_direct/4/test_localonly.py::test_all_are_local
    [Fact]
    public void LocalOnlyNodes_AreAllLocal() => MpiRanks.Run(4, nest =>
    {
        var (_, lnodes) = Network(nest);
        Assert.All(lnodes.GetValues<bool>("local"), Assert.True);
    });

    // NEST: testsuite/pytests/mpi_direct/4/test_localonly.py::test_all_locals_included
    [Fact]
    public void EveryLocalNode_IsInTheLocalOnlyNodes() => MpiRanks.Run(4, nest =>
    {
        var (nodes, lnodes) = Network(nest);
        var nlIds = nodes.Where(n => n.Get<bool>("local")).Select(n => n.Ids[0]).ToHashSet();
        var lnIds = lnodes.Select(n => n.Ids[0]).ToHashSet();

        Assert.Equal(nlIds, lnIds);
    });

    // NEST: testsuite/pytests/mpi_direct/4/test_localonly.py::test_consistency
    [Fact]
    public void LocalOnlyNodes_AreTheLocalNodesOfTheCollection() => MpiRanks.Run(4, nest =>
    {
        var (nodes, lnodes) = Network(nest);
        var lc = nodes[nodes.GetValues<bool>("local")];
        Assert.Equal(lc.Ids.ToHashSet(), lnodes.Ids.ToHashSet());
    });
}
