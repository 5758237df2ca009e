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

    [Fact]
    public void PreciseTimes_IsNotImplemented_FalseIsAccepted()
    {
        var e = Refused(new() { ["precise_times"] = true, ["spike_times"] = new[] { 2.0, 3.05 } });
        Assert.IsType<NestNotImplementedException>(e);
        Assert.Contains("precise_times", e.Message, StringComparison.Ordinal);
        var nest = new Simulator();
        Assert.False(nest.Create("spike_generator", 1, new() { ["precise_times"] = false }).Get<bool>("precise_times"));
    }

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
