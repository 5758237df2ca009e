using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>
/// A multimeter recording the current of a dc_generator (its recordable I), as NEST 3.10 records it. The setup is the
/// dc_generator part of NEST's <c>testsuite/pytests/recording/test_current_recording_generators.py</c> (whose fixture
/// also needs ac_generator, step_current_generator and noise_generator, which NestSharp lacks); the expected values are
/// what NEST 3.10 gave for this script.
/// </summary>
public sealed class GeneratorRecordingTests
{
    private const double Origin = 5.0, Start = 2.5, Stop = 40.0, Amplitude = 500.0;

    [Fact]
    public void DcGeneratorCurrent_IsAmplitudeWhileActive_AndZeroOtherwise()
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_psc_alpha", 1, new() { ["V_reset"] = -65.0 });
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = Amplitude, ["origin"] = Origin, ["start"] = Start, ["stop"] = Stop });
        nest.Connect(dc, neuron);
        var mVm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" }, ["interval"] = 0.1 });
        nest.Connect(mVm, neuron);
        var mDc = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I" }, ["interval"] = 0.1 });
        nest.Connect(mDc, dc);

        nest.Simulate(50);

        var times = Doubles(mDc, "times");
        var current = Doubles(mDc, "I");
        Assert.Equal(Doubles(mVm, "V_m").Length, current.Length);
        Assert.Equal(490, current.Length);
        Assert.All(Longs(mDc, "senders"), s => Assert.Equal((long)dc.Ids[0], s));

        int startIndex = Array.IndexOf(times, Start + Origin);
        int stopIndex = Array.IndexOf(times, Stop + Origin);
        Assert.True(startIndex > 0 && stopIndex > startIndex);
        Assert.All(current[..startIndex], i => Assert.Equal(0.0, i));
        Assert.All(current[stopIndex..], i => Assert.Equal(0.0, i));
        Assert.All(current[startIndex..stopIndex], i => Assert.Equal(Amplitude, i));
        Assert.Equal(375, current.Count(i => i != 0));
    }

    [Fact]
    public void DcGeneratorCurrent_IsRecordedOnce_WithTwoThreads()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = 2 });
        var neurons = nest.Create("iaf_psc_alpha", 2);
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = Amplitude, ["start"] = Start, ["stop"] = Stop });
        nest.Connect(dc, neurons);
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I" }, ["interval"] = 1.0 });
        nest.Connect(mm, dc);

        nest.Simulate(10);

        Assert.Equal([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0], Doubles(mm, "times"));
        Assert.Equal([0.0, 0.0, 500.0, 500.0, 500.0, 500.0, 500.0, 500.0, 500.0], Doubles(mm, "I"));
    }

    [Fact]
    public void MultimeterToDcGenerator_TakesReceptor1()
    {
        var nest = new Simulator();
        var dc = nest.Create("dc_generator");
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I" } });
        nest.Connect(mm, dc);
        Assert.Equal([1L], nest.GetConnections(mm).Receptor);
    }

    [Fact]
    public void MultimeterToDcGenerator_UnknownRecordable_IsIllegalConnection()
    {
        var nest = new Simulator();
        var dc = nest.Create("dc_generator");
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" } });
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(mm, dc));
    }

    [Theory]
    [InlineData("poisson_generator")]
    [InlineData("spike_generator")]
    public void MultimeterToAGeneratorWithoutRecordables_IsIllegalConnection(string model)
    {
        var nest = new Simulator();
        var g = nest.Create(model);
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I" } });
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(mm, g));
    }
}
