using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/stimulating/test_spike_generator.py</c>. pytest's
/// <c>raises(NESTError, match=...)</c> becomes a NestException whose message contains NEST's text.
/// </summary>
public sealed class SpikeGeneratorTests
{
    /// <summary>NEST's prepare_kernel fixture.</summary>
    private static Simulator PrepareKernel()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 1);
        nest.SetKernelStatus("resolution", 0.1);
        return nest;
    }

    private static void AssertRaisesMatching(string match, Action action)
    {
        var e = Assert.ThrowsAny<NestException>(action);
        Assert.Contains(match, e.Message, StringComparison.Ordinal);
    }

    // NEST: testsuite/pytests/stimulating/test_spike_generator.py::test_check_spike_time_zero_error
    [Fact]
    public void CheckSpikeTimeZeroError()
    {
        var nest = PrepareKernel();
        var sg = nest.Create("spike_generator");

        AssertRaisesMatching("spike time cannot be set to 0", () => sg.Set("spike_times", new[] { 0.0 }));
    }

    // NEST: testsuite/pytests/stimulating/test_spike_generator.py::test_spike_generator_precise_time_false
    [Fact]
    public void SpikeGeneratorPreciseTimeFalse()
    {
        var nest = PrepareKernel();
        var sg = nest.Create("spike_generator");
        var sgParams = new Dictionary<string, object>
        {
            ["precise_times"] = false, ["spike_times"] = new[] { 4.33 }, ["origin"] = 0.0, ["start"] = 0.0, ["stop"] = 0.0,
        };

        AssertRaisesMatching("Time point 4.33 is not representable in current resolution", () => sg.Set(sgParams));
    }

    public static TheoryData<double[], bool, long[]> RoundingCases() => new()
    {
        { [2.9999, 4.3001], false, [30, 43] },
        { [1.0, 1.9999, 3.0001], false, [10, 20, 30] },
        { [1.0, 1.05, 3.0001], true, [10, 11, 30] },
    };

    // NEST: testsuite/pytests/stimulating/test_spike_generator.py::test_spike_generator
    [Theory]
    [MemberData(nameof(RoundingCases))]
    public void SpikeGenerator(double[] spikeTimes, bool allowOffgridTimes, long[] expectedSpikeTimes)
    {
        var nest = PrepareKernel();
        var sg = nest.Create("spike_generator", 1, new()
        {
            ["precise_times"] = false,
            ["spike_times"] = spikeTimes,
            ["allow_offgrid_times"] = allowOffgridTimes,
            ["origin"] = 0.0,
            ["start"] = 0.0,
            ["stop"] = 6.0,
        });
        var sr = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        nest.Connect(sg, sr, syn: new Dictionary<string, object> { ["delay"] = 1.0, ["weight"] = 1.0 });

        nest.Simulate(10.0);

        Assert.Equal(expectedSpikeTimes, Longs(sr, "times"));
    }

    // NEST: testsuite/pytests/stimulating/test_spike_generator.py::test_spike_generator_spike_not_res_multiple
    [Fact]
    public void SpikeGeneratorSpikeNotResMultiple()
    {
        var nest = PrepareKernel();
        var sg = nest.Create("spike_generator");
        var sgParams = new Dictionary<string, object>
        {
            ["spike_times"] = new[] { 1.0, 1.05, 3.0001 }, ["origin"] = 0.0, ["start"] = 0.0, ["stop"] = 6.0,
        };

        AssertRaisesMatching("Time point 1.05 is not representable in current resolution", () => sg.Set(sgParams));
    }

    // NEST: testsuite/pytests/stimulating/test_spike_generator.py::test_spike_generator_spike_time_at_simulation_end_time
    [Fact]
    public void SpikeGeneratorSpikeTimeAtSimulationEndTime()
    {
        var nest = PrepareKernel();
        var sg = nest.Create("spike_generator");
        var sr = nest.Create("spike_recorder");
        nest.Connect(sg, sr);

        nest.Simulate(10.0);

        sg.Set(new Dictionary<string, object> { ["spike_times"] = new[] { 10.0001 }, ["origin"] = 0.0, ["start"] = 0.0, ["stop"] = 16.0 });

        nest.Simulate(10.0);

        Assert.Equal(0, sr.Get<long>("n_events"));
    }

    // NEST: testsuite/pytests/stimulating/test_spike_generator.py::test_spike_generator_with_shift_now_spikes
    [Fact]
    public void SpikeGeneratorWithShiftNowSpikes()
    {
        var nest = PrepareKernel();
        var sg = nest.Create("spike_generator", 1, new() { ["shift_now_spikes"] = true, ["origin"] = 0.0, ["start"] = 0.0 });
        var sr = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        nest.Connect(sg, sr, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 1.0 });

        nest.Simulate(10.0);

        sg.Set("spike_times", new[] { 10.0001, 11.0001 });

        nest.Simulate(10.0);

        Assert.Equal([101L, 110L], Longs(sr, "times"));

        AssertAlmostEqual([0, 0], Doubles(sr, "offsets"));
    }

    // NEST: testsuite/pytests/stimulating/test_spike_generator.py::test_spike_generator_precise_times_and_allow_offgrid_times
    [Fact]
    public void SpikeGeneratorPreciseTimesAndAllowOffgridTimes()
    {
        var nest = PrepareKernel();
        AssertRaisesMatching(
            "Option precise_times cannot be set to true when either allow_offgrid_times or shift_now_spikes is set to true.",
            () => nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["allow_offgrid_times"] = true }));
    }

    // NEST: testsuite/pytests/stimulating/test_spike_generator.py::test_spike_generator_precise_times_and_shift_now_spikes
    [Fact]
    public void SpikeGeneratorPreciseTimesAndShiftNowSpikes()
    {
        var nest = PrepareKernel();
        AssertRaisesMatching(
            "Option precise_times cannot be set to true when either allow_offgrid_times or shift_now_spikes is set to true.",
            () => nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["shift_now_spikes"] = true }));
    }

    /// <summary>NEST's set/get cases (default, allow_offgrid_times, precise_times, shift_now_spikes).</summary>
    public static TheoryData<Dictionary<string, object>, double[]> SetAndGetCases() => new()
    {
        { new() { ["spike_times"] = new[] { 0.1, 10.0, 10.5, 10.50001 } }, [0.1, 10.0, 10.5, 10.5] },
        { new() { ["spike_times"] = new[] { 0.1, 10.0, 10.5, 10.50001, 10.55 }, ["allow_offgrid_times"] = true }, [0.1, 10.0, 10.5, 10.5, 10.6] },
        { new() { ["spike_times"] = new[] { 0.1, 10.0, 10.5, 10.50001, 10.55 }, ["precise_times"] = true }, [0.1, 10.0, 10.5, 10.5, 10.55] },
        { new() { ["spike_times"] = new[] { 0.0, 10.0, 10.5, 10.50001 }, ["shift_now_spikes"] = true }, [0.1, 10.0, 10.5, 10.5] },
    };

    // NEST: testsuite/pytests/stimulating/test_spike_generator.py::test_spike_generator_set_and_get
    [Theory]
    [MemberData(nameof(SetAndGetCases))]
    public void SpikeGeneratorSetAndGet(Dictionary<string, object> sgParams, double[] expectedSpikeTimes)
    {
        var nest = PrepareKernel();
        var sg = nest.Create("spike_generator");
        sg.Set(sgParams);

        AssertAlmostEqual(expectedSpikeTimes, sg.Get<double[]>("spike_times"), decimalPlaces: 5);
    }

    // NEST: testsuite/pytests/stimulating/test_spike_generator.py::test_spike_generator_precise_spikes
    [Fact]
    public void SpikeGeneratorPreciseSpikes()
    {
        var nest = PrepareKernel();
        var sg = nest.Create("spike_generator", 1, new()
        {
            ["precise_times"] = true, ["spike_times"] = new[] { 1.0, 1.05, 3.0001 }, ["origin"] = 0.0, ["start"] = 0.0, ["stop"] = 6.0,
        });
        var sr = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        nest.Connect(sg, sr, syn: new Dictionary<string, object> { ["delay"] = 1.0, ["weight"] = 1.0 });

        nest.Simulate(10.0);

        Assert.Equal([10L, 11L, 31L], Longs(sr, "times"));
        AssertAlmostEqual([0, 0.05, 0.0999], Doubles(sr, "offsets"));
    }

    // NEST: testsuite/pytests/stimulating/test_spike_generator.py::test_spike_generator_precise_time_future_spike
    [Fact]
    public void SpikeGeneratorPreciseTimeFutureSpike()
    {
        var nest = PrepareKernel();
        var sg = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["origin"] = 0.0, ["start"] = 0.0 });
        var sr = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        nest.Connect(sg, sr);

        nest.Simulate(10.0);

        sg.Set("spike_times", new[] { 10.0001 });

        nest.Simulate(10.0);

        Assert.Equal([101L], Longs(sr, "times"));
        AssertAlmostEqual([0.0999], Doubles(sr, "offsets"));
    }

    // NEST: testsuite/pytests/stimulating/test_spike_generator.py::test_spike_generator_precise_times_different_resolution
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void SpikeGeneratorPreciseTimesDifferentResolution(double h)
    {
        double[] expectedSpikeTimes = [5.3, 5.300001, 5.399999, 5.9, 6.0];
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", h);
        var sg = nest.Create("spike_generator", 1, new()
        {
            ["precise_times"] = true, ["spike_times"] = new[] { 0.1, 5.0, 5.3, 5.300001, 5.399999, 5.9, 6.0, 9.3 },
            ["origin"] = 0.0, ["start"] = 5.0, ["stop"] = 6.0,
        });
        var sr = nest.Create("spike_recorder");
        nest.Connect(sg, sr, syn: new Dictionary<string, object> { ["delay"] = 1.0, ["weight"] = 1.0 });

        nest.Simulate(7.0);

        AssertAlmostEqual(expectedSpikeTimes, Doubles(sr, "times"));
    }
}
