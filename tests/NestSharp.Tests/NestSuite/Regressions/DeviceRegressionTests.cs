namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// Devices: start/stop/origin on the grid, multimeter record_from checked at Connect, meters connected after a run,
/// recording every recordable, frozen targets, frozen multimeters, spike times on and off the grid.
/// </summary>
public sealed class DeviceRegressionTests
{
    private static Simulator ResolutionOneTicsPerMs1000()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 1.0, ["tics_per_ms"] = 1000 });
        return nest;
    }

    public static TheoryData<string, string> DevicesAndTimes()
    {
        var data = new TheoryData<string, string>();
        foreach (var device in new[] { "spike_generator", "spike_recorder" })
        {
            foreach (var item in new[] { "start", "stop", "origin" })
                data.Add(device, item);
        }
        return data;
    }

    // NEST: testsuite/pytests/regressions/test_issue_264.py::test_incommensurate_resolution_on_set_defaults
    [Theory]
    [MemberData(nameof(DevicesAndTimes))]
    public void DeviceTimeOffTheGridInSetDefaults_IsBadProperty(string device, string item)
    {
        var nest = ResolutionOneTicsPerMs1000();
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults(device, new() { [item] = 1.5 }));
    }

    // NEST: testsuite/pytests/regressions/test_issue_264.py::test_incommensurate_resolution_on_device_set
    [Theory]
    [MemberData(nameof(DevicesAndTimes))]
    public void DeviceTimeOffTheGridOnADevice_IsBadProperty(string device, string item)
    {
        var nest = ResolutionOneTicsPerMs1000();
        Assert.Throws<BadPropertyException>(() =>
        {
            var d = nest.Create(device);
            d.Set(new Dictionary<string, object> { [item] = 1.5 });
        });
    }

    // NEST: testsuite/pytests/regressions/test_ticket_349.py::test_exception_on_bad_recordables
    [Fact]
    public void UnknownRecordFromNames_AreIllegalAtConnect_ValidOnesConnect()
    {
        var nest = new Simulator();
        var goodRecordables = ((IEnumerable<string>)nest.GetDefaults("iaf_psc_alpha")["recordables"]).ToArray();
        var notRecordables = goodRecordables.Select(item => $"{item}_foo").ToArray();
        var mm = nest.Create("multimeter");
        var nrn = nest.Create("iaf_psc_alpha");
        Assert.Throws<IllegalConnectionException>(() =>
        {
            mm.Set("record_from", notRecordables);
            nest.Connect(mm, nrn);
        });
        mm.Set("record_from", goodRecordables);
        nest.Connect(mm, nrn);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_349.py::test_empty_recordables
    [Fact]
    public void MultimeterWithEmptyRecordFrom_RecordsNothing()
    {
        var nest = new Simulator();
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = Array.Empty<string>() });
        var nrn = nest.Create("iaf_psc_alpha");
        nest.Connect(mm, nrn);
        nest.Simulate(10.0);
        var events = (Dictionary<string, object>)mm.Get("events");
        Assert.Empty((System.Collections.IEnumerable)events["senders"]);
        Assert.Empty((System.Collections.IEnumerable)events["times"]);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_382.py::test_ticket_382
    [Theory]
    [InlineData("voltmeter")]
    [InlineData("multimeter")]
    public void MeterConnectedAfterARun_Works(string model)
    {
        var nest = new Simulator();
        var meter = model == "multimeter" ? nest.Create(model, 1, new() { ["record_from"] = new[] { "V_m" } }) : nest.Create(model);
        var n = nest.Create("iaf_psc_alpha");
        nest.Simulate(10.0);
        nest.Connect(meter, n, null, new Dictionary<string, object> { ["delay"] = 0.1 });
        nest.Simulate(10.0);
    }

    /// <summary>NEST's _models_supporting_recordables: every node model with non-empty recordables, and whether its defaults have compartments.</summary>
    public static TheoryData<string, bool> ModelsSupportingRecordables()
    {
        var data = new TheoryData<string, bool>();
        var nest = new Simulator();
        foreach (string model in nest.NodeModels())
        {
            var defaults = nest.GetDefaults(model);
            if (defaults.TryGetValue("recordables", out var r) && r is string[] { Length: > 0 }) data.Add(model, defaults.ContainsKey("compartments"));
        }

        return data;
    }

    // NEST: testsuite/pytests/regressions/test_ticket_386.py::test_ticket_386
    [Theory]
    [MemberData(nameof(ModelsSupportingRecordables))]
    public void MultimeterAtTheResolution_RecordsEveryRecordable(string model, bool hasCompartments)
    {
        const double resolution = 0.1;
        var nest = new Simulator();
        var recordables = ((IEnumerable<string>)nest.GetDefaults(model)["recordables"]).ToArray();
        nest.SetKernelStatus(new() { ["resolution"] = resolution });
        var neuron = nest.Create(model);
        if (hasCompartments)
            neuron.Set(new Dictionary<string, object> { ["compartments"] = new Dictionary<string, object> { ["parent_idx"] = -1 } });
        var multimeter = nest.Create("multimeter", 1, new() { ["record_from"] = recordables, ["interval"] = resolution });
        nest.Connect(multimeter, neuron);
        nest.Simulate(10.0);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_414.py::test_ticket_414
    [Fact]
    public void FrozenNeuron_CanReceiveSpikes()
    {
        var nest = new Simulator();
        var spikeGenerator = nest.Create("spike_generator", 1, new() { ["precise_times"] = false, ["spike_times"] = new[] { 1.0 } });
        var neuron = nest.Create("iaf_psc_alpha");
        neuron.Set("frozen", true);
        nest.Connect(spikeGenerator, neuron);
        nest.Simulate(10.0);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_464.py::test_ticket_464
    [Fact]
    public void FrozenMultimeter_IsAnError_UnfrozenOneRuns()
    {
        var nest = new Simulator();
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" } });
        Assert.ThrowsAny<NestException>(() =>
        {
            mm.Set("frozen", true);
            var iafNeuron = nest.Create("iaf_psc_alpha");
            nest.Connect(mm, iafNeuron);
            nest.Simulate(3.0);
        });

        nest.ResetKernel();
        mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" } });
        mm.Set("frozen", false);
        var neuron = nest.Create("iaf_psc_alpha");
        nest.Connect(mm, neuron);
        nest.Simulate(3.0);
    }

    private static Simulator ResolutionPointOne()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.1);
        return nest;
    }

    // NEST: testsuite/pytests/regressions/test_ticket_507.py::test_spike_generator_on_grid_time
    [Fact]
    public void SpikeTimeOnTheGrid_IsAccepted()
    {
        var nest = ResolutionPointOne();
        var sg = nest.Create("spike_generator");
        sg.Set(new Dictionary<string, object> { ["spike_times"] = new[] { 0.2 }, ["precise_times"] = false });
    }

    // NEST: testsuite/pytests/regressions/test_ticket_507.py::test_spike_generator_off_grid_times_should_fail
    [Fact]
    public void SpikeTimesOffTheGrid_AreRejected()
    {
        var nest = ResolutionPointOne();
        var sg = nest.Create("spike_generator");
        Assert.ThrowsAny<NestException>(() =>
            sg.Set(new Dictionary<string, object> { ["spike_times"] = new[] { 0.1, 0.123456789, 0.22345567854 }, ["precise_times"] = false }));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_507.py::test_spike_generator_single_off_grid_time_should_fail
    [Fact]
    public void SingleSpikeTimeOffTheGrid_IsRejected()
    {
        var nest = ResolutionPointOne();
        var sg = nest.Create("spike_generator");
        Assert.ThrowsAny<NestException>(() =>
            sg.Set(new Dictionary<string, object> { ["spike_times"] = new[] { 0.123456789 }, ["precise_times"] = false }));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_507.py::test_spike_generator_precise_times_true_should_pass
    [Fact]
    public void SingleSpikeTimeOffTheGrid_WithPreciseTimes_IsAccepted()
    {
        var nest = ResolutionPointOne();
        var sg = nest.Create("spike_generator");
        sg.Set(new Dictionary<string, object> { ["spike_times"] = new[] { 0.123456789 }, ["precise_times"] = true });
    }
}
