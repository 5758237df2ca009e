using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/recording/test_spike_recorder_reset.py</c>.</summary>
public sealed class SpikeRecorderResetTests
{
    // NEST: testsuite/pytests/recording/test_spike_recorder_reset.py::test_spike_recorder_reset
    [Fact]
    public void SpikeRecorderReset()
    {
        var nest = new Simulator();

        // numpy.linspace(10.0, 200.0, 20)
        var spikeTimes = Enumerable.Range(0, 20).Select(i => 10.0 + i * (190.0 / 19)).ToArray();

        var sgen = nest.Create("spike_generator", 1, new() { ["spike_times"] = spikeTimes });
        var srec = nest.Create("spike_recorder");

        nest.Connect(sgen, srec);

        nest.Simulate(105.0); // should record spikes 10..100 -> 10 spikes

        Assert.Equal(spikeTimes[..10], Doubles(srec, "times"));

        // reset
        srec.Set("n_events", 0L);

        Assert.Equal(0, srec.Get<long>("n_events"));
        Assert.Empty(Doubles(srec, "times"));

        // simulate more, till 160
        nest.Simulate(55.0); // spikes 110 .. 160 -> 6 spikes

        Assert.Equal(spikeTimes[10..16], Doubles(srec, "times"));
    }
}
