namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/regressions/test_issue_327.py</c>: round-off of large precise spike times.</summary>
public sealed class Issue327Tests
{
    // NEST: testsuite/pytests/regressions/test_issue_327.py::test_spike_generator_large_precise_times
    [Fact]
    public void SpikeGeneratorLargePreciseTimes()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1 });
        // the spike time less min_delay, for the parrot_neuron_ps's delay of 1 ms
        var sg = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 353538.4 - 0.1 } });
        var pn = nest.Create("parrot_neuron_ps");
        var sr = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        nest.Connect(sg, pn);
        nest.Connect(pn, sr);

        nest.Simulate(360000);

        var events = (Dictionary<string, object>)sr.Get("events");
        // the step, with the delay of 1 ms
        Assert.Equal(3535393L, Assert.Single((long[])events["times"]));
        // the offset, to the precision of spike time · eps
        Assert.True(Math.Abs(Assert.Single((double[])events["offsets"])) < 1e-9);
    }
}
