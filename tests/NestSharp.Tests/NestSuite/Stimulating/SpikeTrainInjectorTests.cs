namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/stimulating/test_spike_train_injector.py</c>.
/// </summary>
public sealed class SpikeTrainInjectorTests
{
    // NEST: testsuite/pytests/stimulating/test_spike_train_injector.py::test_set_spike_times
    [Theory]
    [InlineData(new[] { 1.0, 1.9999, 3.0001 }, new[] { 1.0, 2.0, 3.0 }, false, false)]
    [InlineData(new[] { 1.0, 1.05, 3.0001 }, new[] { 1.0, 1.1, 3.0 }, false, true)]
    [InlineData(new[] { 1.0, 1.05, 3.0001 }, new[] { 1.0, 1.05, 3.0001 }, true, false)]
    public void SetSpikeTimes(double[] inSpikeTimes, double[] expectedSpikeTimes, bool preciseTimes, bool allowOffgridTimes)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["tics_per_ms"] = 1000.0 });
        var injector = nest.Create("spike_train_injector", 1, new()
        {
            ["spike_times"] = inSpikeTimes, ["precise_times"] = preciseTimes, ["allow_offgrid_times"] = allowOffgridTimes,
        });
        var outSpikeTimes = injector.Get<double[]>("spike_times");
        Assert.Equal(expectedSpikeTimes.Length, outSpikeTimes.Length);
        for (int i = 0; i < outSpikeTimes.Length; i++) Assert.Equal(expectedSpikeTimes[i], outSpikeTimes[i], 1e-6 * expectedSpikeTimes[i]);
    }

    // NEST: testsuite/pytests/stimulating/test_spike_train_injector.py::test_spike_train_injector_in_simulation
    [Theory]
    [InlineData("parrot_neuron")]
    [InlineData("parrot_neuron_ps")]
    public void SpikeTrainInjectorInSimulation(string parrotModel)
    {
        const double spikeTime = 1.01, delay = 0.2, simtime = 2.0;
        var nest = new Simulator();
        var source = nest.Create("spike_train_injector", 1, new() { ["spike_times"] = new[] { spikeTime }, ["precise_times"] = true });
        var parrot = nest.Create(parrotModel);
        var srec = nest.Create("spike_recorder");
        nest.Connect(source, parrot, syn: new Dictionary<string, object> { ["delay"] = delay });
        nest.Connect(parrot, srec);

        nest.Simulate(simtime);

        double[] postTime = NestSuiteHelpers.Doubles(srec, "times");
        double resolution = (double)nest.GetKernelStatus("resolution");
        double expectedPostTime = spikeTime + delay;
        // a grid-based parrot ignores the offset: the spike is repeated at the end of the step holding its time
        if (parrotModel == "parrot_neuron") expectedPostTime = Math.Ceiling(expectedPostTime / resolution) * resolution;
        Assert.Equal(expectedPostTime, Assert.Single(postTime), 1e-6 * expectedPostTime);
    }
}
