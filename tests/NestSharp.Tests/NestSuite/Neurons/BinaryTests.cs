using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/neurons/test_binary.py</c>: the communication of binary neurons (two spikes
/// in a step are a change to 1, one spike a change to 0), their state changes as events, and which connections they
/// take.
/// </summary>
public sealed class BinaryTests
{
    public static TheoryData<string> Models => new() { "ginzburg_neuron", "mcculloch_pitts_neuron", "erfc_neuron" };

    // NEST: testsuite/pytests/neurons/test_binary.py::TestBinary::test_binary
    [Theory]
    [MemberData(nameof(Models))]
    public void Binary(string neuronModel)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.1);

        double[] expected = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0];

        var nrn = nest.Create(neuronModel);
        var sg = nest.Create("spike_generator");
        sg.Set("spike_times", new[] { 10.0, 10.0, 15.0 });
        nest.Connect(sg, nrn);
        var multi = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "h" } });
        nest.Connect(multi, nrn);

        nest.Simulate(20.0);

        var hRecorded = Doubles(multi, "h");
        Assert.Equal(expected.Length, hRecorded.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], hRecorded[i], 1e-7);
    }

    // NEST: testsuite/pytests/neurons/test_binary.py::TestBinary::test_binary_neuron_state_change
    [Theory]
    [MemberData(nameof(Models))]
    public void BinaryNeuronStateChange(string neuronModel)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.1);

        var nrn1 = nest.Create(neuronModel);
        var sr = nest.Create("spike_recorder");

        // set threshold so that neuron makes transition to 1
        nrn1.Set("theta", -10.0);
        nrn1.Set("tau_m", 1.0);

        nest.Connect(nrn1, sr);

        nest.Simulate(100.0);

        // should have two events, both at the same time
        Assert.Equal(2, Longs(sr, "senders").Length);
        Assert.Single(Doubles(sr, "times").Distinct());

        // set threshold so that neuron makes transition to 0
        nrn1.Set("theta", 10.0);

        nest.Simulate(100.0);

        // should have one more event now
        Assert.Equal(3, Longs(sr, "senders").Length);
    }

    // NEST: testsuite/pytests/neurons/test_binary.py::TestBinary::test_connecting_binary
    [Fact]
    public void ConnectingBinary()
    {
        var nest = new Simulator();
        var binary = nest.Create("mcculloch_pitts_neuron");
        var spiking = nest.Create("iaf_psc_alpha");
        var sg = nest.Create("spike_generator");
        var sr = nest.Create("spike_recorder");

        // connecting a binary to a spiking neuron throws
        Assert.ThrowsAny<NestException>(() => nest.Connect(binary, spiking));

        // connecting a spiking neuron to a binary throws
        Assert.ThrowsAny<NestException>(() => nest.Connect(spiking, binary));

        // connecting a binary or a spiking neuron to a general device works
        nest.Connect(sg, spiking);
        nest.Connect(sg, binary);
        nest.Connect(spiking, sr);
        nest.Connect(binary, sr);
    }

    // NEST: testsuite/pytests/neurons/test_binary.py::TestBinary::test_keep_source_table
    [Fact]
    public void KeepSourceTable()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("keep_source_table", false);
        var ginzburg = nest.Create("ginzburg_neuron");
        var mcculloch = nest.Create("mcculloch_pitts_neuron");

        nest.Connect(ginzburg, mcculloch);

        Assert.ThrowsAny<NestException>(() => nest.Simulate(100.0));
    }
}
