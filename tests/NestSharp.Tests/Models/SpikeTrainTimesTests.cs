namespace NestSharp.Tests.Models;

/// <summary>
/// Negative, infinite and NaN spike times of spike_generator and spike_train_injector: what NEST 3.10 accepts, shows
/// and sends. Every expected value is what the installed NEST 3.10 gave for the same script (resolution 0.1 ms; a
/// spike_generator recorded through a parrot_neuron with delay 1 ms, a spike_train_injector recorded directly).
/// </summary>
public sealed class SpikeTrainTimesTests
{
    public static TheoryData<string> Models => new() { "spike_generator", "spike_train_injector" };

    private static double[] Shown(string model, Dictionary<string, object> parameters)
    {
        var nest = new Simulator();
        return nest.Create(model, 1, parameters).Get<double[]>("spike_times");
    }

    /// <summary>Sets <paramref name="parameters"/>, simulates 20 ms and returns the times recorded.</summary>
    private static double[] Sent(string model, Dictionary<string, object> parameters, double? origin = null)
    {
        var nest = new Simulator();
        var device = nest.Create(model, 1, parameters);
        if (origin is { } o) device.Set("origin", o);
        var recorder = nest.Create("spike_recorder");
        if (model == "spike_generator")
        {
            var parrot = nest.Create("parrot_neuron");
            nest.Connect(device, parrot);
            nest.Connect(parrot, recorder);
        }
        else
        {
            nest.Connect(device, recorder);
        }
        nest.Simulate(20.0);
        return (double[])((Dictionary<string, object>)recorder.Get("events"))["times"];
    }

    private static Dictionary<string, object> Times(double[] times, string? option = null, string? second = null)
    {
        var parameters = new Dictionary<string, object> { ["spike_times"] = times };
        if (option is not null) parameters[option] = true;
        if (second is not null) parameters[second] = true;
        return parameters;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void NegativeTimeOnTheGrid_WithoutOptions_IsNotRepresentable(string model)
    {
        // NEST's Time::ms truncates t·tics_per_ms + 0.5 towards 0: -1 ms becomes -999 tics, off the grid.
        var nest = new Simulator();
        var e = Assert.Throws<BadPropertyException>(() => nest.Create(model, 1, Times([-1.0, 2.0])));
        Assert.Contains("Time point -1 is not representable", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<BadPropertyException>(() => nest.Create(model, 1, Times([-1.00007])));
        Assert.Contains("Time point -1.00007 is not representable", e.Message, StringComparison.Ordinal);
        Assert.Throws<BadPropertyException>(() => nest.Create(model, 1, Times([-1.0], "shift_now_spikes")));
        Assert.Equal(0, nest.NetworkSize);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void TinyNegativeTime_IsTicZero_OnTheGrid(string model) =>
        Assert.Equal([0.0], Shown(model, Times([-1e-5])));

    [Theory]
    [MemberData(nameof(Models))]
    public void NegativeTimes_WithAllowOffgridTimes_MoveToTheEndOfTheirStep(string model)
    {
        Assert.Equal([-1.0], Shown(model, Times([-1.05], "allow_offgrid_times")));
        Assert.Equal([-1.0], Shown(model, Times([-1.0], "allow_offgrid_times")));
        Assert.Equal([-1.0], Shown(model, Times([-1.0], "allow_offgrid_times", "shift_now_spikes")));
        Assert.Equal([0.0], Shown(model, Times([-0.05], "allow_offgrid_times")));
        Assert.Empty(Sent(model, Times([-1.05], "allow_offgrid_times")));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void TimesBeyondTheRange_WithAllowOffgridTimes_AreNestsInfiniteTimes(string model)
    {
        Assert.Equal([-double.MaxValue], Shown(model, Times([double.NegativeInfinity], "allow_offgrid_times")));
        Assert.Equal([double.MaxValue], Shown(model, Times([double.PositiveInfinity], "allow_offgrid_times")));
        Assert.Equal([-double.MaxValue], Shown(model, Times([-1e300], "allow_offgrid_times")));
        Assert.Equal([double.MaxValue], Shown(model, Times([1e300], "allow_offgrid_times")));
        Assert.Equal([-double.MaxValue], Shown(model, Times([double.NaN], "allow_offgrid_times")));
        Assert.Equal([5.0], Sent(model, Times([double.NegativeInfinity, 5.0, double.PositiveInfinity], "allow_offgrid_times")).Select(t => t - (model == "spike_generator" ? 1.0 : 0.0)).ToArray());
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void NegativePreciseTimes_AreShownAsGiven_AndNeverSent(string model)
    {
        Assert.Equal([-1.05, 2.0], Shown(model, Times([-1.05, 2.0], "precise_times")));
        Assert.Equal([-2.0, -1.0], Shown(model, Times([-2.0, -1.0], "precise_times")));
        Assert.Equal([-0.05], Shown(model, Times([-0.05], "precise_times")));
        Assert.Equal([model == "spike_generator" ? 3.0 : 2.0], Sent(model, Times([-1.05, 2.0], "precise_times")));
        Assert.Empty(Sent(model, Times([-1.0], "precise_times")));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void PreciseTimesBeyondTheRange_AreShownAsNestShowsThem(string model)
    {
        Assert.Equal([double.NegativeInfinity], Shown(model, Times([double.NegativeInfinity], "precise_times")));
        Assert.Equal([double.PositiveInfinity], Shown(model, Times([double.PositiveInfinity], "precise_times")));
        Assert.Equal([-double.MaxValue], Shown(model, Times([-1e300], "precise_times")));
        Assert.Equal([double.MaxValue], Shown(model, Times([1e300], "precise_times")));
        Assert.True(double.IsNaN(Shown(model, Times([double.NaN], "precise_times"))[0]));
        Assert.Empty(Sent(model, Times([double.NegativeInfinity, double.PositiveInfinity], "precise_times")));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void UnsortedNegativeTimes_AreBadProperty(string model)
    {
        var nest = new Simulator();
        var e = Assert.Throws<BadPropertyException>(() => nest.Create(model, 1, Times([-1.0, -2.0], "precise_times")));
        Assert.Contains("sorted in non-descending order", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void MinusZero_IsStillTimeZero(string model)
    {
        var nest = new Simulator();
        Assert.Throws<BadPropertyException>(() => nest.Create(model, 1, Times([-0.0], "precise_times")));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void NegativeTimeAfterALaterOrigin_LiesBeforeStart_AndIsNotSent(string model) =>
        Assert.Empty(Sent(model, Times([-4.95], "precise_times"), origin: 10.0));
}
