namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_sonata.py: the 300_pointneurons example network of NEST's SONATA example
/// (300 iaf_psc_alpha "internal" neurons, 100 "external" virtual nodes fed by a spike file) is built and simulated for
/// 1/2/4 virtual processes and edge files read in hyperslabs of 2^10 and 2^20 rows. NEST's data files are read from a
/// NEST checkout (NEST_SOURCE_DIR, or a checkout beside the repository); without one the test is skipped.
/// </summary>
public sealed class TestSonata
{
    private const string ExampleFolder = "pynest/examples/sonata_example/300_pointneurons";

    private const int ExpectedNumNodes = 400; // 300 'internal' + 100 'external'
    private const long ExpectedNumConnections = 48432;
    private const int ExpectedNumSpikes = 18828;

    // NEST: testsuite/pytests/connect/test_sonata.py::test_SonataNetwork
    [RequiresNestCheckoutTheory(ExampleFolder + "/circuit_config.json")]
    [InlineData(1, 1 << 10)]
    [InlineData(1, 1 << 20)]
    [InlineData(2, 1 << 10)]
    [InlineData(2, 1 << 20)]
    [InlineData(4, 1 << 10)]
    [InlineData(4, 1 << 20)]
    public void Test_SonataNetwork(int numThreads, long hyperslabSize)
    {
        string sonataPath = NestCheckout.PathOf(ExampleFolder)!;
        string config = Path.Combine(sonataPath, "circuit_config.json");
        string simConfig = Path.Combine(sonataPath, "simulation_config.json");
        Assert.True(File.Exists(config) && File.Exists(simConfig), "SONATA files not found");

        var nest = new Simulator();
        nest.SetKernelStatus("total_num_virtual_procs", numThreads);
        var sonataNet = nest.SonataNetwork(config, simConfig);
        var nodeCollections = sonataNet.BuildNetwork(hdf5HyperslabSize: hyperslabSize);

        // Verify network was built correctly
        var kernelStatus = nest.GetKernelStatus();
        Assert.Equal(ExpectedNumNodes, Convert.ToInt64(kernelStatus["network_size"]));
        Assert.Equal(ExpectedNumConnections, Convert.ToInt64(kernelStatus["num_connections"]));

        // Verify network dynamics
        var srec = nest.Create("spike_recorder");
        nest.Connect(nodeCollections["internal"], srec);
        sonataNet.Simulate();
        double[] postTimes = NestSuiteHelpers.Doubles(srec, "times");
        Assert.Equal(ExpectedNumSpikes, postTimes.Length);
    }
}
