namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>NEST's testsuite/pytests/mpi_direct/4/test_consistent_local_vps.py, on 4 in-process ranks.</summary>
public sealed class TestConsistentLocalVps
{
    // NEST: testsuite/pytests/mpi_direct/4/test_consistent_local_vps.py::test_consistent_local_vps
    [Fact]
    public void GetLocalVPs_AgreesWithTheThreadVpMappingOfTheKernel() => MpiRanks.Run(4, nest =>
    {
        int nVp = 3 * nest.NumProcesses;
        nest.SetKernelStatus("total_num_virtual_procs", nVp);

        var localVps = nest.GetLocalVPs();

        // Use thread-vp mapping of neurons to check mapping in kernel
        var nrns = nest.Create("iaf_psc_delta", 2 * nVp);
        var localNrns = nrns[nrns.GetValues<bool>("local")];

        long[] vpDirect = localNrns.GetValues<long>("vp");
        long[] vpIndirect = [.. localNrns.GetValues<long>("thread").Select(t => (long)localVps[(int)t])];
        Assert.NotEmpty(vpDirect);
        Assert.Equal(vpDirect, vpIndirect);
    });
}
