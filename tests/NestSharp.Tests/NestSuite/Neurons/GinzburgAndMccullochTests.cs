namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/neurons/test_ginzburg_and_mcculloch.py</c>.</summary>
public sealed class GinzburgAndMccullochTests
{
    // NEST: testsuite/pytests/neurons/test_ginzburg_and_mcculloch.py::test_ginzburg_and_mcculloch_pitts_neurons
    [Fact]
    public void GinzburgAndMccullochPittsNeurons()
    {
        var nest = new Simulator();
        var ginzburg = nest.Create("ginzburg_neuron");
        var mcculloch = nest.Create("mcculloch_pitts_neuron");
        nest.Connect(ginzburg, mcculloch);

        Assert.Equal(1L, (long)nest.GetKernelStatus("num_connections"));

        nest.Simulate(100.0);

        Assert.True((long)nest.GetKernelStatus("local_spike_counter") >= 1);
    }
}
