using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/recording/test_spike_recorder.py</c>.</summary>
public sealed class SpikeRecorderTests
{
    /// <summary>NEST's simulator(resolution): a precise spike_generator recorded for 8 ms; the recorded and the given times.</summary>
    private static (double[] Actual, double[] Expected) Simulate(double resolution)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", resolution);
        double[] spikeTimes = [0.1, 5.0, 5.3, 5.33, 5.4, 5.9, 6.0];
        var sgen = nest.Create("spike_generator", 1, new() { ["spike_times"] = spikeTimes, ["precise_times"] = true });
        var srec = nest.Create("spike_recorder");
        nest.Connect(sgen, srec);

        nest.Simulate(8.0);

        return (Doubles(srec, "times"), spikeTimes);
    }

    // NEST: testsuite/pytests/recording/test_spike_recorder.py::test_spike_recorder_different_resolutions
    [Theory]
    [InlineData(1.0)]
    [InlineData(0.1)]
    [InlineData(0.02)]
    [InlineData(0.01)]
    [InlineData(0.001)]
    public void SpikeRecorderDifferentResolutions(double resolution)
    {
        var (actual, expected) = Simulate(resolution);
        AssertAlmostEqual(expected, actual);
    }
}
