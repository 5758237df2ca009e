namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// Voltmeters and spike recorders record the same whatever the order of creation and however the simulated time is cut
/// into Run calls (NEST's regressions/test_ticket_80_175_179.py).
/// </summary>
public sealed class RunBlockingRegressionTests
{
    private const double VmStop = 100.0;
    private const double TotalSimTime = VmStop + 2.0;

    private static (NodeCollection Recorders, NodeCollection Voltmeters, Simulator Nest) BuildNet()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.1);
        double[] spikeTimes = [4.8, 11.6, 18.4, 25.2, 32.0, 38.8, 45.6, 52.4, 59.2, 66.0, 72.8, 79.6, 86.4, 93.2, 100.0];
        var sgPre = nest.Create("spike_generator", 1, new() { ["spike_times"] = spikeTimes });
        var nrnPre = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 1000.0 });
        var srs = nest.Create("spike_recorder", 4, new() { ["origin"] = 0.0, ["start"] = 0.0, ["stop"] = 100.0, ["time_in_steps"] = true });
        var vms = nest.Create("voltmeter", 2, new() { ["origin"] = 0.0, ["start"] = 0.0, ["stop"] = VmStop, ["interval"] = 0.1 });
        var sgPost = nest.Create("spike_generator", 1, new() { ["spike_times"] = spikeTimes });
        var nrnPost = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 1000.0 });
        nest.Connect(nrnPre, srs[0]);
        nest.Connect(nrnPost, srs[1]);
        nest.Connect(sgPre, srs[2]);
        nest.Connect(sgPost, srs[3]);
        nest.Connect(vms[0], nrnPre);
        nest.Connect(vms[1], nrnPost);
        return (srs, vms, nest);
    }

    private static (long[][] Spikes, double[][] Vm) Recordings(NodeCollection srs, NodeCollection vms) =>
        ([.. ((object?[])srs.Get("events", "times")).Cast<long[]>()], [.. ((object?[])vms.Get("events", "V_m")).Cast<double[]>()]);

    private static (long[][] Spikes, double[][] Vm) ReferenceRun()
    {
        var (srs, vms, nest) = BuildNet();
        nest.Simulate(TotalSimTime);
        return Recordings(srs, vms);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_80_175_179.py::test_reference_recordings_identical
    [Fact]
    public void ReferenceRecordings_AreIdentical()
    {
        var (spikes, vm) = ReferenceRun();
        Assert.NotEmpty(spikes[0]);
        foreach (long[] other in spikes[1..]) Assert.Equal(spikes[0], other);
        Assert.Equal(vm[0], vm[1]);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_80_175_179.py::test_vm_and_sr_produce_same_output
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.7)]
    [InlineData(1.0)]
    [InlineData(1.3)]
    [InlineData(1.5)]
    [InlineData(1.7)]
    [InlineData(110.0)]
    public void RecordingsDoNotDependOnHowTimeIsCutIntoRuns(double tBlock)
    {
        var (srs, vms, nest) = BuildNet();
        nest.Prepare();
        while (nest.BiologicalTime < TotalSimTime) nest.Run(tBlock);
        nest.Cleanup();
        var (spikes, vm) = Recordings(srs, vms);
        var (referenceSpikes, referenceVm) = ReferenceRun();
        Assert.Equal(referenceSpikes, spikes);
        Assert.Equal(referenceVm, vm);
    }
}
