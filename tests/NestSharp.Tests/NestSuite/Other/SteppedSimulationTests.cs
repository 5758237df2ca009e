using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// Port of NEST 3.10's testsuite/pytests/other/test_stepped_simulation.py: iaf_psc_delta_ps driven by one spike of
/// 15 mV fires at the same time whether simulated for 3 ms at once, in three Simulate calls of 1 ms, or in three Run
/// calls of 1 ms between Prepare and Cleanup (NEST's RunManager).
/// </summary>
public sealed class SteppedSimulationTests
{
    /// <summary>NEST's build_net: returns the kernel and the spike recorder.</summary>
    private static (Simulator Nest, NodeCollection Recorder) BuildNet()
    {
        var nest = new Simulator();
        var nrn = nest.Create("iaf_psc_delta_ps");
        var sgen = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 0.4 }, ["precise_times"] = false });
        var srec = nest.Create("spike_recorder");
        nest.Connect(sgen, nrn, syn: new Dictionary<string, object> { ["weight"] = 15.0, ["delay"] = 1.0 });
        nest.Connect(nrn, srec);
        return (nest, srec);
    }

    // NEST: testsuite/pytests/other/test_stepped_simulation.py::test_stepped_simulation
    [Fact]
    public void Test_stepped_simulation()
    {
        var (single, srecSingle) = BuildNet();
        single.Simulate(3.0);
        var spikesSingle = Doubles(srecSingle, "times");

        var (stepped, srecStepped) = BuildNet();
        for (int k = 0; k < 3; k++) stepped.Simulate(1.0);
        var spikesStepped = Doubles(srecStepped, "times");

        var (steppedRm, srecSteppedRm) = BuildNet();
        steppedRm.Prepare();
        for (int k = 0; k < 3; k++) steppedRm.Run(1.0);
        steppedRm.Cleanup();
        var spikesSteppedRm = Doubles(srecSteppedRm, "times");

        Assert.NotEmpty(spikesSingle);
        Assert.Equal(spikesSingle, spikesStepped);
        Assert.Equal(spikesSingle, spikesSteppedRm);
    }
}
