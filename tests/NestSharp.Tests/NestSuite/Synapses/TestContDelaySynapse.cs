using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_cont_delay_synapse.py: precise spikes of a spike_generator through a
/// cont_delay_synapse make an iaf_psc_delta_ps fire exactly the delay later, for a delay that is a multiple of the
/// resolution and one that is not (set as the model's default or on the connection after Connect); a delay below the
/// resolution is refused.
/// </summary>
public sealed class TestContDelaySynapse
{
    private static double[] RunSimulation(double resolution, double delay, bool explicitDelay = false)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = resolution });

        var n = nest.Create("iaf_psc_delta_ps");
        var sg = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 2.0, 5.5 } });
        var sr = nest.Create("spike_recorder");

        // Set the delay explicitly to each connection
        if (explicitDelay)
        {
            nest.Connect(sg, n, syn: new Dictionary<string, object> { ["synapse_model"] = "cont_delay_synapse", ["weight"] = 100.0, ["delay"] = delay });
            foreach (var conn in nest.GetConnections(source: sg)) conn.Set(new Dictionary<string, object> { ["delay"] = delay });
        }
        else
        {
            nest.SetDefaults("cont_delay_synapse", new() { ["weight"] = 100.0, ["delay"] = delay });
            nest.Connect(sg, n, syn: new Dictionary<string, object> { ["synapse_model"] = "cont_delay_synapse" });
        }

        nest.Connect(n, sr);

        nest.Simulate(10.0);
        return Doubles(sr, "times");
    }

    // NEST: testsuite/pytests/synapses/test_cont_delay_synapse.py::test_delay_compatible_with_resolution
    [Theory]
    [InlineData(new[] { 3.0, 6.5 }, 1.0, 1.0, false)]
    [InlineData(new[] { 3.7, 7.2 }, 1.0, 1.7, false)]
    [InlineData(new[] { 3.7, 7.2 }, 1.0, 1.7, true)]
    public void Test_delay_compatible_with_resolution(double[] expectedSpikeTimes, double resolution, double delay, bool explicitDelay)
    {
        var actualSpikeTimes = RunSimulation(resolution, delay, explicitDelay);
        Assert.Equal(expectedSpikeTimes, actualSpikeTimes);
    }

    // NEST: testsuite/pytests/synapses/test_cont_delay_synapse.py::test_delay_shorter_than_resolution
    [Fact]
    public void Test_delay_shorter_than_resolution()
    {
        Assert.Throws<BadDelayException>(() => RunSimulation(1.0, 0.7));
    }
}
