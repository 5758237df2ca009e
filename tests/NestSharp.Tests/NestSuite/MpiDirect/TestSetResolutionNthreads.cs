namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>NEST's testsuite/pytests/mpi_direct/4/test_set_resolution_nthreads.py, on 4 in-process ranks.</summary>
public sealed class TestSetResolutionNthreads
{
    // NEST: testsuite/pytests/mpi_direct/4/test_set_resolution_nthreads.py::test_set_resolution_before_nthreads
    [Fact]
    public void ResolutionCanBeSetBeforeTheNumberOfThreads() => MpiRanks.Run(4, nest =>
    {
        nest.ResetKernel();
        nest.SetKernelStatus("resolution", 0.5);
        nest.SetKernelStatus("local_num_threads", 4);
        nest.Simulate(100);
        Assert.Equal(0.5, nest.Resolution);
        Assert.Equal(4, nest.LocalNumThreads);
    });

    // NEST: testsuite/pytests/mpi_direct/4/test_set_resolution_nthreads.py::test_set_nthreads_before_resolution
    [Fact]
    public void NumberOfThreadsCanBeSetBeforeTheResolution() => MpiRanks.Run(4, nest =>
    {
        nest.ResetKernel();
        nest.SetKernelStatus("local_num_threads", 4);
        nest.SetKernelStatus("resolution", 0.5);
        nest.Simulate(100);
        Assert.Equal(0.5, nest.Resolution);
        Assert.Equal(4, nest.LocalNumThreads);
    });
}
