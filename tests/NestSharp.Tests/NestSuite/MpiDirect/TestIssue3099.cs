namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_direct/2/test_issue_3099.py, on 2 in-process ranks: setting the weight of the
/// connections a rank has must not wait for the rank that has none (the parrot and its connection live on one rank).
/// </summary>
public sealed class TestIssue3099
{
    /// <summary>The fixture conns: a parrot connected to itself, and the connections of this rank.</summary>
    private static SynapseCollection Conns(Simulator nest)
    {
        nest.ResetKernel();
        var nrn = nest.Create("parrot_neuron");
        nest.Connect(nrn, nrn);
        return MpiRanks.Own(nest, nest.GetConnections());
    }

    // NEST: testsuite/pytests/mpi_direct/2/test_issue_3099.py::test_conn_weight
    [Fact]
    public void SettingTheWeightAttribute_OnOneRank_DoesNotDeadlock() => MpiRanks.Run(2, nest =>
    {
        // Test that operation does not cause MPI deadlock.
        var conns = Conns(nest);
        if (conns.Count > 0) conns.Set("weight", 2.5);
    });

    // NEST: testsuite/pytests/mpi_direct/2/test_issue_3099.py::test_set_weight
    [Fact]
    public void SetWithADictionary_OnOneRank_DoesNotDeadlock() => MpiRanks.Run(2, nest =>
    {
        // Test that operation does not cause MPI deadlock.
        var conns = Conns(nest);
        if (conns.Count > 0) conns.Set(new Dictionary<string, object> { ["weight"] = 2.5 });
    });

    // NEST: testsuite/pytests/mpi_direct/2/test_issue_3099.py::test_set_status_weight
    [Fact]
    public void SetStatusOfTheWeight_OnOneRank_DoesNotDeadlock() => MpiRanks.Run(2, nest =>
    {
        // Test that operation does not cause MPI deadlock.
        var conns = Conns(nest);
        if (conns.Count > 0) conns.Set("weight", 2.5);
    });
}
