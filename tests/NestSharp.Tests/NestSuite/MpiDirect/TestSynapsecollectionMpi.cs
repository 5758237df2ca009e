namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>NEST's testsuite/pytests/mpi_direct/2/test_synapsecollection_mpi.py, on 2 in-process ranks.</summary>
public sealed class TestSynapsecollectionMpi
{
    // NEST: testsuite/pytests/mpi_direct/2/test_synapsecollection_mpi.py::testTooFewConnections
    [Fact]
    public void GetConnections_DoesNotDeadlock_WhenOnlyOneProcessHasConnections() => MpiRanks.Run(2, nest =>
    {
        // Deadlock with empty SynapseCollection
        nest.ResetKernel();
        Assert.Equal(2L, Convert.ToInt64(nest.GetKernelStatus("num_processes"))); // the test expects to be run with 2 MPI processes

        var pre = nest.Create("iaf_psc_alpha", 5);
        var post = nest.Create("iaf_psc_alpha", 1);

        nest.Connect(pre, post); // with 2 processes only one process will have connections

        var conns = nest.GetConnections(); // Checking that a deadlock does not occur here

        // Expect to get either an empty or a not empty SynapseCollection
        Assert.IsType<SynapseCollection>(conns);
    });
}
