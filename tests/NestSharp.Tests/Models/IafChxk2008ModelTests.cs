namespace NestSharp.Tests.Models;

/// <summary>
/// iaf_chxk_2008: a spike when V_m crosses V_th from below, at the linearly interpolated time (its offset), the AHP
/// conductance started then, t_spike on the grid as NEST's set_spiketime, NEST's checks, and the same results for 1, 2
/// and 4 threads.
/// </summary>
public sealed class IafChxk2008ModelTests
{
    [Fact]
    public void Crossing_IsInterpolatedAndStartsTheAhp()
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_chxk_2008", 1, new() { ["I_e"] = 2000.0 });
        var recorder = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        nest.Connect(neuron, recorder);
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m", "g_ahp", "I_ahp" }, ["interval"] = 0.1 });
        nest.Connect(meter, neuron);
        Assert.True((bool)nest.GetKernelStatus("off_grid_spiking"));
        nest.Simulate(50.0);

        long[] stamps = NestSuite.NestSuiteHelpers.Longs(recorder, "times");
        double[] offsets = NestSuite.NestSuiteHelpers.Doubles(recorder, "offsets");
        Assert.True(stamps.Length >= 2);
        double[] vm = NestSuite.NestSuiteHelpers.Doubles(meter, "V_m");
        double[] gAhp = NestSuite.NestSuiteHelpers.Doubles(meter, "g_ahp");
        double[] iAhp = NestSuite.NestSuiteHelpers.Doubles(meter, "I_ahp");
        // the sample of step s is taken at its end, time s·h: index s - 1
        int at = (int)stamps[0] - 1;
        Assert.True(vm[at - 1] < -45.0 && vm[at] >= -45.0);
        double dt = 0.1 * (vm[at] - -45.0) / (vm[at] - vm[at - 1]);
        Assert.Equal(dt, offsets[0], 14);
        Assert.Equal(0.0, gAhp[at - 1]);
        double deltaDg = 443.8 * Math.E / 0.5 * Math.Exp(-dt / 0.5);
        Assert.Equal(deltaDg * dt, gAhp[at], 9);
        Assert.Equal(gAhp[at] * (vm[at] - -95.0), iAhp[at], 9);
        // NEST archives the step's end as the spike time
        Assert.Equal(stamps[^1] * 0.1, neuron.Get<double>("t_spike"), 12);
    }

    [Theory]
    [InlineData("C_m", 0.0)]
    [InlineData("tau_ahp", 0.0)]
    [InlineData("tau_syn_ex", -1.0)]
    public void BadValues_AreRefusedAndChangeNothing(string key, double value)
    {
        var neuron = new Simulator().Create("iaf_chxk_2008");
        var e = Assert.Throws<BadPropertyException>(() => neuron.Set(new Dictionary<string, object> { [key] = value, ["I_e"] = 10.0 }));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Equal(0.0, neuron.Get<double>("I_e"));
    }

    [Fact]
    public void Network_GivesTheSameResultsForAnyThreadCount()
    {
        ModelThreadRuns.AssertThreadInvariant("iaf_chxk_2008", new() { ["I_e"] = 1400.0 }, 2.0, 3.0);
    }
}
