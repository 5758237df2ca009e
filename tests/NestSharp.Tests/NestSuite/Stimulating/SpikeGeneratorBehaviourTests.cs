using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>
/// spike_generator behaviours NestSharp takes from NEST 3.10, beyond NEST's own tests: each expected value or message
/// is what the real NEST 3.10 gave for the same script (resolution 0.1 ms).
/// </summary>
public sealed class SpikeGeneratorBehaviourTests
{
    private static NestException Refused(Dictionary<string, object> parameters)
    {
        var nest = new Simulator();
        var e = Assert.ThrowsAny<NestException>(() => nest.Create("spike_generator", 1, parameters));
        Assert.Equal(0, nest.NetworkSize);
        return e;
    }

    [Theory]
    [InlineData(double.NaN, "Time point NaN is not representable in current resolution")]
    [InlineData(double.PositiveInfinity, "is not representable in current resolution")]
    [InlineData(-1.0, "Time point -1 is not representable in current resolution")]
    [InlineData(-0.1, "Time point -0.1 is not representable in current resolution")]
    [InlineData(0.0006, "Time point 0.0006 is not representable in current resolution")]
    public void SpikeTime_NotOnTheGrid_IsBadProperty(double time, string message)
    {
        var e = Refused(new() { ["spike_times"] = new[] { 1.0, time } .Order().ToArray() });
        Assert.IsType<BadPropertyException>(e);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpikeTimeNaN_AfterOthers_IsBadProperty()
    {
        var e = Refused(new() { ["spike_times"] = new[] { 1.0, double.NaN } });
        Assert.Contains("Time point NaN is not representable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpikeTimeMinusZero_IsTimeZero() =>
        Assert.Contains("spike time cannot be set to 0", Refused(new() { ["spike_times"] = new[] { -0.0 } }).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Origin_NotFinite_IsBadProperty(double origin)
    {
        var e = Refused(new() { ["origin"] = origin, ["spike_times"] = new[] { 1.0 } });
        Assert.IsType<BadPropertyException>(e);
        Assert.Contains("'origin'", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A precise spike_generator to two memory recorders (ms, steps), two ascii recorders (ms, steps) and a
    /// parrot_neuron recorded in steps, simulated 10 ms: what NEST 3.10 gave for this script.
    /// </summary>
    [Fact]
    public void PreciseTimes_ReachRecordersAsInNest_AndGridNeuronsIgnoreTheOffset()
    {
        string directory = Directory.CreateTempSubdirectory("nestsharp-precise").FullName;
        try
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["data_path"] = directory });
            var sg = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 0.05, 1.0, 1.05, 3.0001 } });
            var inSteps = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
            var inMs = nest.Create("spike_recorder");
            var asciiSteps = nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii", ["time_in_steps"] = true, ["label"] = "steps" });
            var asciiMs = nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii", ["label"] = "ms" });
            var parrot = nest.Create("parrot_neuron");
            var parrotRecorder = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
            foreach (var recorder in new[] { inSteps, inMs, asciiSteps, asciiMs }) nest.Connect(sg, recorder);
            nest.Connect(sg, parrot);
            nest.Connect(parrot, parrotRecorder);

            nest.Simulate(10.0);

            Assert.Equal([0.05, 1.0, 1.05, 3.0001], sg.Get<double[]>("spike_times"));
            Assert.Equal([1L, 10L, 11L, 31L], Longs(inSteps, "times"));
            Assert.Equal([0.05, 0.0, 0.050000000000000044, 0.09989999999999988], Doubles(inSteps, "offsets"));
            Assert.Equal([0.05, 1.0, 1.05, 3.0001], Doubles(inMs, "times"));
            Assert.Equal([11L, 20L, 21L, 41L], Longs(parrotRecorder, "times"));
            Assert.Equal([0.0, 0.0, 0.0, 0.0], Doubles(parrotRecorder, "offsets"));
            Assert.Equal("sender\ttime_step\ttime_offset\n1\t1\t0.050\n1\t10\t0.000\n1\t11\t0.050\n1\t31\t0.100\n",
                AfterVersionLines(Path.Combine(directory, $"steps-{asciiSteps.Ids[0]}-0.dat")));
            Assert.Equal("sender\ttime_ms\n1\t0.050\n1\t1.000\n1\t1.050\n1\t3.000\n",
                AfterVersionLines(Path.Combine(directory, $"ms-{asciiMs.Ids[0]}-0.dat")));
            // a spike_generator delivers its spikes locally in NEST: off_grid_spiking stays false
            Assert.False((bool)nest.GetKernelStatus("off_grid_spiking"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string AfterVersionLines(string path) => string.Concat(File.ReadAllLines(path).Skip(2).Select(line => line + "\n"));

    [Fact]
    public void PreciseTimes_CannotChangeWhileSpikeTimesAreSet()
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
        var e = Assert.Throws<BadPropertyException>(() => sg.Set("precise_times", true));
        Assert.Contains("Options can only be set together with spike times or if no spike times have been set", e.Message, StringComparison.Ordinal);
        Assert.False(sg.Get<bool>("precise_times"));
    }

    [Fact]
    public void PreciseTimes_ZeroIsStillRefused() =>
        Assert.Contains("spike time cannot be set to 0",
            Refused(new() { ["precise_times"] = true, ["spike_times"] = new[] { 0.0 } }).Message, StringComparison.Ordinal);

    [Fact]
    public void PreciseTimes_SetLaterOnAnOffgridGenerator_IsNestsExclusivityError()
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["allow_offgrid_times"] = true });
        var e = Assert.Throws<BadPropertyException>(() => sg.Set("precise_times", true));
        Assert.Contains("Option precise_times cannot be set to true when either allow_offgrid_times or shift_now_spikes is set to true", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsorted_IsBadProperty() =>
        Assert.Contains("Spike times must be sorted in non-descending order",
            Refused(new() { ["spike_times"] = new[] { 2.0, 1.0 } }).Message, StringComparison.Ordinal);

    [Fact]
    public void WeightsAndMultiplicities_OfAnotherLength_AreBadProperty()
    {
        Assert.Contains("spike_weights must have the same number of elements as spike_times",
            Refused(new() { ["spike_times"] = new[] { 2.0, 3.0 }, ["spike_weights"] = new[] { 1.0 } }).Message, StringComparison.Ordinal);
        Assert.Contains("spike_multiplicities must have the same number of elements as spike_times",
            Refused(new() { ["spike_times"] = new[] { 2.0, 3.0 }, ["spike_multiplicities"] = new[] { 1L } }).Message, StringComparison.Ordinal);
        Assert.Contains("spike_weights must have the same number of elements as spike_times",
            Refused(new() { ["spike_weights"] = new[] { 1.0 } }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeMultiplicity_IsBadProperty()
    {
        // NEST 3.10 accepts it and then exhausts its memory in Simulate; NestSharp refuses it.
        Assert.IsType<BadPropertyException>(Refused(new() { ["spike_times"] = new[] { 2.0, 3.0 }, ["spike_multiplicities"] = new[] { 2L, -1L } }));
    }

    [Fact]
    public void Options_ChangeOnlyWithTimesOrWhileThereAreNone()
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
        var e = Assert.Throws<BadPropertyException>(() => sg.Set("allow_offgrid_times", true));
        Assert.Contains("Options can only be set together with spike times or if no spike times have been set", e.Message, StringComparison.Ordinal);
        nest.Create("spike_generator").Set("allow_offgrid_times", true);
        sg.Set(new Dictionary<string, object> { ["allow_offgrid_times"] = true, ["spike_times"] = new[] { 1.05 } });
        Assert.Equal([1.1], sg.Get<double[]>("spike_times"));
    }

    [Theory]
    [InlineData(0.0004, false, false, 0.0)]
    [InlineData(0.0006, true, false, 0.1)]
    [InlineData(0.0, false, true, 0.1)]
    public void TimesOnTheGrid_AreShownAsTheGridHoldsThem(double time, bool allowOffgrid, bool shiftNow, double shown)
    {
        var sg = new Simulator().Create("spike_generator", 1, new()
        {
            ["spike_times"] = new[] { time }, ["allow_offgrid_times"] = allowOffgrid, ["shift_now_spikes"] = shiftNow,
        });
        Assert.Equal([shown], sg.Get<double[]>("spike_times"));
    }

    [Fact]
    public void Origin_ShiftsTheSpikes()
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0, 2.0 }, ["origin"] = 5.0 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(sg, sr);
        nest.Simulate(10.0);
        Assert.Equal([6.0, 7.0], Doubles(sr, "times"));
    }
}
