using System.Reflection;
using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>
/// The multimeter and voltmeter behaviours NestSharp takes from NEST 3.10, beyond NEST's own tests: each expected value
/// here is what the real NEST 3.10 gave for the same script (resolution 0.1 ms; a second neuron connected to itself
/// fixes min_delay at 1 ms, as the probe scripts did).
/// </summary>
public sealed class MultimeterBehaviourTests
{
    /// <summary>
    /// NEST's probe: a multimeter recording V_m of one iaf_psc_alpha, created after <paramref name="before"/> ms of
    /// simulation, simulated for <paramref name="runs"/>; <paramref name="change"/> is set after the first run.
    /// </summary>
    private static double[] SampleTimes(Dictionary<string, object> parameters, double before = 0, double[]? runs = null, Dictionary<string, object>? change = null)
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var d = nest.Create("iaf_psc_alpha");
        nest.Connect(d, d);
        if (before > 0) nest.Simulate(before);
        parameters["record_from"] = new[] { "V_m" };
        var mm = nest.Create("multimeter", 1, parameters);
        nest.Connect(mm, n);
        runs ??= [5.0];
        for (int i = 0; i < runs.Length; i++)
        {
            nest.Simulate(runs[i]);
            if (i == 0 && change is not null) mm.Set(change);
        }
        return Doubles(mm, "times");
    }

    public static TheoryData<string, Dictionary<string, object>, double, double[], double[]> SamplingCases() => new()
    {
        { "offset 0: multiples of the interval, not t = 0", new() { ["interval"] = 1.0 }, 0, [5.0], [1.0, 2.0, 3.0, 4.0] },
        { "offset one step: NEST skips the first step", new() { ["interval"] = 1.0, ["offset"] = 0.1 }, 0, [5.0], [1.1, 2.1, 3.1] },
        { "offset two steps: first sample at t = offset", new() { ["interval"] = 1.0, ["offset"] = 0.2 }, 0, [5.0], [0.2, 1.2, 2.2, 3.2] },
        { "offset equal to the interval", new() { ["interval"] = 1.0, ["offset"] = 1.0 }, 0, [5.0], [1.0, 2.0, 3.0, 4.0] },
        { "offset and interval one step", new() { ["interval"] = 0.1, ["offset"] = 0.1 }, 0, [2.0], [0.2, 0.3, 0.4, 0.5, 0.6, 0.7000000000000001, 0.8, 0.9, 1.0] },
        { "created after 2.5 ms, offset 0", new() { ["interval"] = 1.0 }, 2.5, [5.0], [3.0, 4.0, 5.0, 6.0, 7.0] },
        { "created after 2 ms, offset one step", new() { ["interval"] = 1.0, ["offset"] = 0.1 }, 2.0, [5.0], [3.1, 4.1, 5.1000000000000005] },
        { "created after 1 ms, offset 1.1 (first grid time skipped)", new() { ["interval"] = 1.0, ["offset"] = 1.1 }, 1.0, [5.0], [2.1, 3.1, 4.1] },
        { "created after 1 ms, offset 2.1", new() { ["interval"] = 1.0, ["offset"] = 2.1 }, 1.0, [5.0], [2.1, 3.1, 4.1] },
        { "start and stop", new() { ["interval"] = 0.5, ["start"] = 2.0, ["stop"] = 3.0 }, 0, [5.0], [2.5, 3.0] },
    };

    [Theory]
    [MemberData(nameof(SamplingCases))]
    public void SamplesAtNestsTimes(string description, Dictionary<string, object> parameters, double before, double[] runs, double[] expected)
    {
        Assert.NotEmpty(description);
        Assert.Equal(expected, SampleTimes(parameters, before, runs));
    }

    [Fact]
    public void ActivityWindow_IsAppliedWhenSamplesArrive_AsNestsIs()
    {
        // Samples of the last slice of the first run arrive in the second one and pass the window set in between.
        var times = SampleTimes(new() { ["interval"] = 0.5, ["stop"] = 3.0 }, 0, [5.0, 5.0], new() { ["stop"] = 9.0 });
        Assert.Equal([0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0], times);
    }

    [Fact]
    public void NeuronConnectedLater_StartsAtItsFirstSamplingTime()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var d = nest.Create("iaf_psc_alpha");
        nest.Connect(d, d);
        var mm1 = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" }, ["interval"] = 1.0, ["offset"] = 0.1 });
        nest.Connect(mm1, n);
        nest.Simulate(2.0);
        var n2 = nest.Create("iaf_psc_alpha");
        nest.Connect(mm1, n2);
        nest.Simulate(5.0);

        var events = Longs(mm1, "senders").Zip(Doubles(mm1, "times")).ToArray();
        Assert.Equal(
            [(1L, 1.1), (1L, 2.1), (1L, 3.1), (4L, 3.1), (1L, 4.1), (4L, 4.1), (1L, 5.1000000000000005), (4L, 5.1000000000000005)],
            events);
    }

    [Theory]
    [InlineData(0.0, "at least as long as the simulation resolution")]
    [InlineData(0.05, "at least as long as the simulation resolution")]
    [InlineData(-1.0, "at least as long as the simulation resolution")]
    [InlineData(0.15, "multiple of the simulation resolution")]
    [InlineData(0.25, "multiple of the simulation resolution")]
    public void Interval_OffTheGrid_IsBadPropertyWithNestsReason(double interval, string reason)
    {
        var nest = new Simulator();
        var e = Assert.Throws<BadPropertyException>(() => nest.Create("multimeter", 1, new() { ["interval"] = interval }));
        Assert.Contains("'interval'", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Equal(0, nest.NetworkSize);
    }

    [Theory]
    [InlineData(0.1, 0.1)]
    [InlineData(0.15, 0.2)]
    [InlineData(0.149, 0.2)]
    [InlineData(0.0, 0.0)]
    public void Offset_IsKeptInWholeStepsRoundedUp_AsNestKeepsIt(double offset, double shown)
    {
        var mm = new Simulator().Create("multimeter", 1, new() { ["offset"] = offset });
        Assert.Equal(shown, mm.Get<double>("offset"));
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.06)]
    [InlineData(-0.1)]
    public void Offset_BelowTheResolution_IsBadProperty(double offset)
    {
        var e = Assert.Throws<BadPropertyException>(() => new Simulator().Create("multimeter", 1, new() { ["offset"] = offset }));
        Assert.Contains("offset for the sampling interval must be at least as long as the simulation resolution", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("interval", 1.0)]
    [InlineData("offset", 0.0)]
    [InlineData("record_from", new[] { "V_m" })]
    public void IntervalOffsetAndRecordFrom_AreFixedOnceConnected_EvenToTheSameValue(string key, object value)
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" } });
        nest.Connect(mm, n);
        var e = Assert.Throws<BadPropertyException>(() => mm.Set(key, value));
        Assert.Contains("cannot be changed after the multimeter has been connected", e.Message, StringComparison.Ordinal);
        mm.Set("label", "still settable");
        Assert.Equal("still settable", mm.Get<string>("label"));
    }

    [Fact]
    public void ConnectingTwice_InOneCall_FailsAndAddsNothing()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" } });
        nest.Connect(mm, n);
        var others = nest.Create("iaf_psc_alpha", 3);
        var e = Assert.Throws<IllegalConnectionException>(() => nest.Connect(mm, n + others));
        Assert.Contains("only be connected once", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, nest.GetConnections(mm).Count);
    }

    [Fact]
    public void EmptyRecordFrom_RecordsNothing()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var mm = nest.Create("multimeter");
        nest.Connect(mm, n);
        nest.Simulate(5.0);
        Assert.Equal(0, mm.Get<long>("n_events"));
        Assert.Empty(Doubles(mm, "times"));
        Assert.Empty(Longs(mm, "senders"));
    }

    [Theory]
    [InlineData("stdp_synapse")]
    [InlineData("stdp_synapse_hom")]
    [InlineData("clopath_synapse")]
    [InlineData("static_synapse_hpc")]
    public void Multimeter_ThroughAnythingButStaticSynapse_IsIllegal(string synapseModel)
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" } });
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(mm, n, syn: synapseModel));
        Assert.Equal(0, nest.GetConnections(mm).Count);
    }

    [Fact]
    public void Multimeter_ThroughACopyOfStaticSynapse_IsLegal()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        nest.CopyModel("static_synapse", "mystatic");
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" } });
        nest.Connect(mm, n, syn: "mystatic");
        Assert.Equal(1, nest.GetConnections(mm).Count);
    }

    [Fact]
    public void UnknownRecordable_IsIllegalConnection()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "foo" } });
        var e = Assert.Throws<IllegalConnectionException>(() => nest.Connect(mm, n));
        Assert.Contains("'foo'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SamplingLinks_TakeReceptors1And2PerNeuron_AsNestsDataLoggers()
    {
        var nest = new Simulator();
        var a = nest.Create("iaf_psc_alpha");
        var b = nest.Create("iaf_psc_alpha");
        var mm1 = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" } });
        var mm2 = nest.Create("multimeter");
        var vm = nest.Create("voltmeter");
        nest.Connect(mm1, a + b);
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(mm1, a)); // a failed connection takes no receptor
        nest.Connect(mm2, a);
        nest.Connect(vm, b);

        var kernel = (NestSharp.Kernel.KernelManager)typeof(Simulator).GetField("_kernel", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(nest)!;
        var links = kernel.Connections.RecordingLinks;
        var receptors = links.SamplingLinks.Select((l, i) => (l.Sampler, l.Target, links.SamplingReceptors[i])).ToArray();
        Assert.Equal([(3, 1, 1), (3, 2, 1), (4, 1, 2), (5, 2, 2)], receptors);
    }

    [Fact]
    public void Voltmeter_IsAMultimeterRecordingVm()
    {
        var nest = new Simulator();
        Assert.Equal(["V_m"], nest.GetDefaults<string[]>("voltmeter", "record_from"));
        var n = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 500.0 });
        var vm = nest.Create("voltmeter", 1, new() { ["interval"] = 0.5 });
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.5, ["record_from"] = new[] { "V_m" } });
        nest.Connect(vm, n);
        nest.Connect(mm, n);
        nest.Simulate(20.0);
        Assert.Equal("voltmeter", vm.Get<string>("model"));
        Assert.Equal(Doubles(mm, "times"), Doubles(vm, "times"));
        Assert.Equal(Doubles(mm, "V_m"), Doubles(vm, "V_m"));
        Assert.Equal(38, vm.Get<long>("n_events"));
    }

    [Fact]
    public void Voltmeter_RecordFrom_CanChangeBeforeConnect()
    {
        var nest = new Simulator();
        var vm = nest.Create("voltmeter");
        vm.Set("record_from", new[] { "I_syn_ex" });
        Assert.Equal(["I_syn_ex"], vm.Get<string[]>("record_from"));
        Assert.Equal(["V_m"], nest.GetDefaults<string[]>("voltmeter", "record_from"));
    }
}
