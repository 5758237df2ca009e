using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.Kernel;

/// <summary>
/// The kernel keys min_delay and max_delay set by the user (SetKernelStatus), as NEST 3.10 (every expected value was
/// checked with NEST 3.10 at resolution 0.1 ms).
/// </summary>
public sealed class MinMaxDelayTests
{
    private static (double Min, double Max) Extrema(Simulator nest) =>
        ((double)nest.GetKernelStatus("min_delay"), (double)nest.GetKernelStatus("max_delay"));

    private static void SetExtrema(Simulator nest, double min, double max) =>
        nest.SetKernelStatus(new() { ["min_delay"] = min, ["max_delay"] = max });

    private static Simulator WithExtrema(double min, double max)
    {
        var nest = new Simulator();
        SetExtrema(nest, min, max);
        return nest;
    }

    private static void ConnectWithDelay(Simulator nest, NodeCollection pre, NodeCollection post, double delay) =>
        nest.Connect(pre, post, syn: new Dictionary<string, object> { ["delay"] = delay });

    [Fact]
    public void SetTogether_AreReported()
    {
        Assert.Equal((0.5, 2.5), Extrema(WithExtrema(0.5, 2.5)));
        Assert.Equal((1.0, 1.0), Extrema(WithExtrema(1.0, 1.0)));
    }

    [Fact]
    public void SetAgainBeforeAnyConnection_TheLastValuesHold()
    {
        var nest = WithExtrema(1.0, 2.0);
        SetExtrema(nest, 0.2, 4.0);
        Assert.Equal((0.2, 4.0), Extrema(nest));
    }

    [Fact]
    public void ResetKernel_ForgetsThem()
    {
        var nest = WithExtrema(1.0, 2.0);
        nest.ResetKernel();
        Assert.Equal((0.1, 0.1), Extrema(nest));
    }

    [Theory]
    [InlineData("min_delay")]
    [InlineData("max_delay")]
    public void OnlyOne_IsABadProperty_AndChangesNothing(string key)
    {
        var nest = new Simulator();
        var e = Assert.Throws<BadPropertyException>(() => nest.SetKernelStatus(new() { [key] = 0.5 }));
        Assert.Contains("both min_delay and max_delay", e.Message);
        Assert.Equal((0.1, 0.1), Extrema(nest));
    }

    [Theory]
    [InlineData(0.05, 2.5, "resolution")]
    [InlineData(-1.0, 2.0, "resolution")]
    [InlineData(3.0, 2.5, "max_delay")]
    public void InvalidExtrema_AreABadDelay_AndChangeNothing(double min, double max, string reason)
    {
        var nest = new Simulator();
        var e = Assert.Throws<BadDelayException>(() => SetExtrema(nest, min, max));
        Assert.Contains(reason, e.Message);
        Assert.Equal((0.1, 0.1), Extrema(nest));
    }

    [Fact]
    public void ValuesOffTheGrid_MinIsRoundedDown_MaxUp()
    {
        Assert.Equal((0.5, 2.6), Extrema(WithExtrema(0.57, 2.51)));
    }

    [Fact]
    public void ANewResolution_RoundsThemAgain()
    {
        var nest = WithExtrema(0.5, 2.5);
        nest.SetKernelStatus(new() { ["resolution"] = 0.2 });
        Assert.Equal((0.4, 2.6), Extrema(nest));
    }

    [Fact]
    public void AfterAConnection_SettingThemIsABadProperty()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(n[0], n[1]);

        var e = Assert.Throws<BadPropertyException>(() => SetExtrema(nest, 0.5, 2.5));

        Assert.Contains("connections already exist", e.Message);
        Assert.Equal((1.0, 1.0), Extrema(nest));
    }

    [Fact]
    public void ConnectionsWithin_AreMade_AndLeaveThemUnchanged()
    {
        var nest = WithExtrema(0.5, 2.5);
        var n = nest.Create("iaf_psc_alpha", 2);
        ConnectWithDelay(nest, n[0], n[1], 1.0);
        ConnectWithDelay(nest, n[0], n[1], 2.5);
        ConnectWithDelay(nest, n[0], n[1], 0.5);

        Assert.Equal((0.5, 2.5), Extrema(nest));
        Assert.Equal(3, nest.GetConnections().Count);
        var e = Assert.Throws<BadPropertyException>(() => SetExtrema(nest, 0.5, 2.5));
        Assert.Contains("connections already exist", e.Message);
    }

    [Theory]
    [InlineData(3.0, "smaller than or equal to max_delay")]
    [InlineData(0.2, "greater than or equal to min_delay")]
    public void ConnectionsOutside_AreABadDelay(double delay, string reason)
    {
        var nest = WithExtrema(0.5, 2.5);
        var n = nest.Create("iaf_psc_alpha", 2);

        var e = Assert.Throws<BadDelayException>(() => ConnectWithDelay(nest, n[0], n[1], delay));

        Assert.Contains(reason, e.Message);
        Assert.Equal(0, nest.GetConnections().Count);
        Assert.Equal((0.5, 2.5), Extrema(nest));
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(0.1)]
    public void DefaultDelaysOutside_AreABadDelay(double delay)
    {
        var nest = WithExtrema(0.5, 2.5);
        Assert.Throws<BadDelayException>(() => nest.SetDefaults("static_synapse", new() { ["delay"] = delay }));
        Assert.Equal(1.0, nest.GetDefaults("static_synapse")["delay"]);
    }

    [Fact]
    public void SettingAConnectionsDelayOutside_IsABadDelay()
    {
        var nest = WithExtrema(0.5, 2.5);
        var n = nest.Create("iaf_psc_alpha", 2);
        ConnectWithDelay(nest, n[0], n[1], 1.0);
        var connections = nest.GetConnections();

        Assert.Throws<BadDelayException>(() => connections.Set("delay", 3.0));

        Assert.Equal([1.0], nest.GetConnections().Delay);
    }

    [Fact]
    public void AfterSimulate_TheyHold_AndConnectionsMustFitThem()
    {
        var nest = WithExtrema(0.5, 2.5);
        var n = nest.Create("iaf_psc_alpha", 2);
        ConnectWithDelay(nest, n[0], n[1], 1.0);
        nest.Simulate(1.0);

        Assert.Equal((0.5, 2.5), Extrema(nest));
        ConnectWithDelay(nest, n[0], n[1], 1.5);
        var e = Assert.Throws<BadDelayException>(() => ConnectWithDelay(nest, n[0], n[1], 2.7));
        Assert.Contains("after Simulate", e.Message);
    }

    [Fact]
    public void SetAfterSimulateWithoutConnections_IsTaken_ButTheSimulatedExtremaStay()
    {
        // NEST 3.10 takes the values without error; the extrema the simulation used stay, and a delay outside them
        // is refused as changing them after Simulate.
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 2);
        nest.Simulate(1.0);

        SetExtrema(nest, 0.5, 2.5);

        Assert.Equal((0.1, 0.1), Extrema(nest));
        var e = Assert.Throws<BadDelayException>(() => ConnectWithDelay(nest, n[0], n[1], 3.0));
        Assert.Contains("after Simulate", e.Message);
        nest.Simulate(1.0);
        Assert.Equal(2.0, (double)nest.GetKernelStatus("biological_time"));
    }

    [Theory]
    [InlineData(0.0, 4.0)]
    [InlineData(0.5, 4.5)]
    [InlineData(1.0, 4.0)]
    public void Prepare_UsesThem_SamplesArriveOneMinDelayLate(double minDelay, double lastSample)
    {
        // A multimeter's samples reach it one slice (min_delay) after they were taken: NEST 3.10 reports 4.0 (no
        // user extrema: min_delay 1), 4.5 (min_delay 0.5) and 4.0 (min_delay 1) as the last sample after 5 ms.
        var nest = new Simulator();
        if (minDelay > 0) SetExtrema(nest, minDelay, 2.5);
        var neuron = nest.Create("iaf_psc_alpha");
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" }, ["interval"] = 0.1 });
        nest.Connect(mm, neuron);

        nest.Simulate(5.0);

        Assert.Equal(lastSample, Doubles(mm, "times").Max(), 9);
    }

    private static Dictionary<string, object> SpEntry(double? delay)
    {
        var entry = new Dictionary<string, object>
        {
            ["synapse_model"] = "syn_ex", ["post_synaptic_element"] = "Den_ex", ["pre_synaptic_element"] = "Axon_ex",
        };
        if (delay is { } d) entry["delay"] = d;
        return new() { ["s"] = entry };
    }

    [Fact]
    public void AStructuralPlasticitySynapseWithItsOwnDelay_IsTakenOnceTheyAreSet_AndItsSynapsesHaveThatDelay()
    {
        // NEST 3.10: 4 neurons with 2 axonal and 2 dendritic elements each make 8 synapses, all of delay 2; the
        // delay is not reported in structural_plasticity_synapses; the user's extrema stay.
        var nest = WithExtrema(0.5, 3.0);
        nest.CopyModel("static_synapse", "syn_ex");
        nest.SetKernelStatus(new() { ["structural_plasticity_synapses"] = SpEntry(2.0), ["structural_plasticity_update_interval"] = 1.0 });
        var element = new Dictionary<string, object> { ["growth_curve"] = "gaussian", ["growth_rate"] = 0.0, ["continuous"] = false, ["z"] = 2.0 };
        var elements = new Dictionary<string, object> { ["Den_ex"] = element, ["Axon_ex"] = element };
        nest.Create("iaf_psc_alpha", 4, new() { ["synaptic_elements"] = elements });
        nest.EnableStructuralPlasticity();

        nest.Simulate(2.0);

        var created = nest.GetConnections(synapseModel: "syn_ex");
        Assert.Equal(8, created.Count);
        Assert.All(created.Delay, d => Assert.Equal(2.0, d));
        var reported = (Dictionary<string, object>)((Dictionary<string, object>)nest.GetKernelStatus("structural_plasticity_synapses"))["s"];
        Assert.DoesNotContain("delay", reported.Keys);
        Assert.Equal((0.5, 3.0), Extrema(nest));
    }

    [Fact]
    public void AStructuralPlasticitySynapseWithItsOwnDelay_WithoutThem_IsABadProperty()
    {
        var nest = new Simulator();
        nest.CopyModel("static_synapse", "syn_ex");

        var e = Assert.Throws<BadPropertyException>(() => nest.SetKernelStatus("structural_plasticity_synapses", SpEntry(2.0)));

        Assert.Contains("min_delay and max_delay", e.Message);
        Assert.Equal((0.1, 0.1), Extrema(nest));
    }
}
