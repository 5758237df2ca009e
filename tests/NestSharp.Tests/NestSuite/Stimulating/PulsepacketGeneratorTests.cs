using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/stimulating/test_pulsepacket_generator.py</c>.</summary>
public sealed class PulsepacketGeneratorTests
{
    // NEST: testsuite/pytests/stimulating/test_pulsepacket_generator.py::test_set_params_on_instance_and_model
    [Fact]
    public void SetParamsOnInstanceAndModel()
    {
        var nest = new Simulator();
        var parameters = new Dictionary<string, object> { ["pulse_times"] = new[] { 1.0, 2.5, 4.6 }, ["activity"] = 150L, ["sdev"] = 0.1234 };
        var ppg1 = nest.Create("pulsepacket_generator");
        ppg1.Set(new Dictionary<string, object>(parameters));
        nest.SetDefaults("pulsepacket_generator", new(parameters));
        var ppg2 = nest.Create("pulsepacket_generator");
        Assert.Equal(ppg1.Get<double[]>("pulse_times"), ppg2.Get<double[]>("pulse_times"));
        Assert.Equal(ppg1.Get<long>("activity"), ppg2.Get<long>("activity"));
        Assert.Equal(ppg1.Get<double>("sdev"), ppg2.Get<double>("sdev"));
    }

    // NEST: testsuite/pytests/stimulating/test_pulsepacket_generator.py::test_set_illegal_values
    [Theory]
    [InlineData("sdev", -5.0)]
    [InlineData("activity", -5L)]
    public void SetIllegalValues(string key, object value)
    {
        var nest = new Simulator();
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("pulsepacket_generator", new() { [key] = value }));
    }

    // NEST: testsuite/pytests/stimulating/test_pulsepacket_generator.py::test_valid_to_pass_empty_pulse_times
    [Fact]
    public void ValidToPassEmptyPulseTimes()
    {
        var nest = new Simulator();
        var ppg = nest.Create("pulsepacket_generator");
        ppg.Set(new Dictionary<string, object> { ["pulse_times"] = Array.Empty<double>(), ["activity"] = 0L, ["sdev"] = 0.0 });
        nest.Simulate(1.0);
    }

    // NEST: testsuite/pytests/stimulating/test_pulsepacket_generator.py::test_number_of_spikes
    [Fact]
    public void NumberOfSpikes()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.1);
        double tstart = 75.0, tstop = 225.0, stddev = 5.0;
        const long nspk = 10;
        double[] pulset = [10.0, 125.0, 175.0, 275.0];
        // pulse centres in [tstart, tstop]: their spikes are (almost surely) the only ones emitted
        long npsktot = nspk * pulset.Count(t => t >= tstart && t <= tstop);

        var ppg = nest.Create("pulsepacket_generator", 1, new()
        {
            ["start"] = tstart, ["stop"] = tstop, ["pulse_times"] = pulset, ["activity"] = nspk, ["sdev"] = stddev,
        });
        var sr = nest.Create("spike_recorder");
        nest.Connect(ppg, sr);
        nest.Simulate(300.0);

        var actualSpikes = Doubles(sr, "times");
        Assert.True(actualSpikes.Min() >= tstart);
        Assert.True(actualSpikes.Max() <= tstop);
        Assert.Equal(npsktot, actualSpikes.Length);
    }
}
