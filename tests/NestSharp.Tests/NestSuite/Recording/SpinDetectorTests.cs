using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/recording/test_spin_detector.py</c>.</summary>
public sealed class SpinDetectorTests
{
    // NEST: testsuite/pytests/recording/test_spin_detector.py::test_spin_detector
    [Fact]
    public void SpinDetector()
    {
        var nest = new Simulator();
        double[] spikeTimes = [10.0, 10.0, 15.0];

        var spikeGen = nest.Create("spike_generator", 1, new() { ["spike_times"] = spikeTimes });
        var spinDet = nest.Create("spin_detector");

        nest.Connect(spikeGen, spinDet);

        nest.Simulate(20.0);

        Assert.Equal([1L, 0L], Longs(spinDet, "state"));
        Assert.Equal([10.0, 15.0], Doubles(spinDet, "times"));
    }
}
