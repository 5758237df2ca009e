namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/stimulating/test_spike_train_injector.py</c>. The cases with
/// precise_times true (the third row of test_set_spike_times and test_spike_train_injector_in_simulation, which needs
/// precise spike times and parrot_neuron_ps) are not ported: NestSharp has no precise-timing models.
/// </summary>
public sealed class SpikeTrainInjectorTests
{
    // NEST: testsuite/pytests/stimulating/test_spike_train_injector.py::test_set_spike_times
    [Theory]
    [InlineData(new[] { 1.0, 1.9999, 3.0001 }, new[] { 1.0, 2.0, 3.0 }, false)]
    [InlineData(new[] { 1.0, 1.05, 3.0001 }, new[] { 1.0, 1.1, 3.0 }, true)]
    public void SetSpikeTimes(double[] inSpikeTimes, double[] expectedSpikeTimes, bool allowOffgridTimes)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["tics_per_ms"] = 1000.0 });
        var injector = nest.Create("spike_train_injector", 1, new()
        {
            ["spike_times"] = inSpikeTimes, ["precise_times"] = false, ["allow_offgrid_times"] = allowOffgridTimes,
        });
        var outSpikeTimes = injector.Get<double[]>("spike_times");
        Assert.Equal(expectedSpikeTimes.Length, outSpikeTimes.Length);
        for (int i = 0; i < outSpikeTimes.Length; i++) Assert.Equal(expectedSpikeTimes[i], outSpikeTimes[i], 1e-6 * expectedSpikeTimes[i]);
    }
}
