namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>ignore_and_fire spikes at its phase, then with its period, whatever its input.</summary>
public sealed class IgnoreAndFireNeuronTests
{
    // NEST: neurons/test_ignore_and_fire_neuron.py::IgnoreAndFireNeuronTestCase::test_IgnoreAndFireSpikeTimes
    [Fact]
    public void IgnoreAndFireSpikeTimes()
    {
        const double rate = 5.0; // spikes/s
        const double phase = 0.4;
        const double dt = 0.125; // 2**-3 ms
        const double t = 1000.0;
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = dt });
        var neuron = nest.Create("ignore_and_fire", 1);
        neuron.Set(new Dictionary<string, object> { ["rate"] = rate, ["phase"] = phase });
        var spikeRecorder = nest.Create("spike_recorder");
        nest.Connect(neuron, spikeRecorder);

        nest.Simulate(t);

        double period = 1.0 / rate * 1e3;
        double firstSpikeTime = phase * period + dt;
        var expected = new List<double>();
        for (int k = 0; firstSpikeTime + k * period < t; k++) expected.Add(firstSpikeTime + k * period);
        var times = (double[])((Dictionary<string, object>)spikeRecorder.Get("events"))["times"];
        Assert.Equal(expected, times);
    }
}
