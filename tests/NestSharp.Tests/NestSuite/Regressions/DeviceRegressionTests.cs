namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// Devices: start/stop/origin on the grid, multimeter record_from checked at Connect, meters connected after a run,
/// recording every recordable, frozen targets, frozen multimeters, spike times on and off the grid, recordings
/// independent of creation order and of how the run is split.
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

    // NEST: regressions/test_issue_264.py::test_incommensurate_resolution_on_set_defaults
    [Theory]
    [MemberData(nameof(DevicesAndTimes))]
    public void DeviceTimeOffTheGridInSetDefaults_IsBadProperty(string device, string item)
    {
        var nest = ResolutionOneTicsPerMs1000();
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults(device, new() { [item] = 1.5 }));
    }

    // NEST: regressions/test_issue_264.py::test_incommensurate_resolution_on_device_set
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

    // NEST: regressions/test_ticket_349.py::test_exception_on_bad_recordables
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

    // NEST: regressions/test_ticket_349.py::test_empty_recordables
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

    // NEST: regressions/test_ticket_382.py::test_ticket_382
    [Theory]
    [InlineData("voltmeter", false)]
    [InlineData("multimeter", true)]
    public void MeterConnectedAfterARun_Works(string model, bool recordFromVm)
    {
        var nest = new Simulator();
        var meter = nest.Create(model, 1, recordFromVm ? new() { ["record_from"] = new[] { "V_m" } } : null);
        var n = nest.Create("iaf_psc_alpha");
        nest.Simulate(10.0);
        nest.Connect(meter, n, null, new Dictionary<string, object> { ["delay"] = 0.1 });
        nest.Simulate(10.0);
    }

    // Rows: NEST's parametrisation (node models with non-empty recordables; compartments where the defaults have
    // them) restricted to NestSharp's models.
    public static TheoryData<string, bool> ModelsWithRecordables() => new()
    {
        { "aeif_psc_delta_clopath", false },
        { "dc_generator", false },
        { "iaf_psc_alpha", false },
        { "iaf_psc_exp", false },
        { "pp_cond_exp_mc_urbanczik", false },
    };

    // NEST: regressions/test_ticket_386.py::test_ticket_386
    [Theory]
    [MemberData(nameof(ModelsWithRecordables))]
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

    // NEST: regressions/test_ticket_414.py::test_ticket_414
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

    // NEST: regressions/test_ticket_464.py::test_ticket_464
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

    // NEST: regressions/test_ticket_507.py::test_spike_generator_on_grid_time
    [Fact]
    public void SpikeTimeOnTheGrid_IsAccepted()
    {
        var nest = ResolutionPointOne();
        var sg = nest.Create("spike_generator");
        sg.Set(new Dictionary<string, object> { ["spike_times"] = new[] { 0.2 }, ["precise_times"] = false });
    }

    // NEST: regressions/test_ticket_507.py::test_spike_generator_off_grid_times_should_fail
    [Fact]
    public void SpikeTimesOffTheGrid_AreRejected()
    {
        var nest = ResolutionPointOne();
        var sg = nest.Create("spike_generator");
        Assert.ThrowsAny<NestException>(() =>
            sg.Set(new Dictionary<string, object> { ["spike_times"] = new[] { 0.1, 0.123456789, 0.22345567854 }, ["precise_times"] = false }));
    }

    // NEST: regressions/test_ticket_507.py::test_spike_generator_single_off_grid_time_should_fail
    [Fact]
    public void SingleSpikeTimeOffTheGrid_IsRejected()
    {
        var nest = ResolutionPointOne();
        var sg = nest.Create("spike_generator");
        Assert.ThrowsAny<NestException>(() =>
            sg.Set(new Dictionary<string, object> { ["spike_times"] = new[] { 0.123456789 }, ["precise_times"] = false }));
    }

    // NEST: regressions/test_ticket_507.py::test_spike_generator_precise_times_true_should_pass
    [Fact]
    public void SpikeTimeOffTheGridWithPreciseTimes_IsAccepted()
    {
        var nest = ResolutionPointOne();
        var sg = nest.Create("spike_generator");
        sg.Set(new Dictionary<string, object> { ["spike_times"] = new[] { 0.123456789 }, ["precise_times"] = true });
    }

    private const double VmStop = 100.0;
    private const double TotalSimTime = VmStop + 2.0;

    /// <summary>
    /// NEST's <c>build_net</c>: one iaf_psc_alpha created before the recorders and voltmeters, one after, both driven by
    /// DC; spike generators likewise; recorders on all of them.
    /// </summary>
    private static (NodeCollection Srs, NodeCollection Vms) BuildNet(Simulator nest)
    {
        nest.ResetKernel();
        nest.SetKernelStatus("resolution", 0.1);
        var vmParams = new Dictionary<string, object> { ["origin"] = 0.0, ["start"] = 0.0, ["stop"] = VmStop, ["interval"] = 0.1 };
        var srParams = new Dictionary<string, object> { ["origin"] = 0.0, ["start"] = 0.0, ["stop"] = 100.0, ["time_in_steps"] = true };
        var sgParams = new Dictionary<string, object>
        {
            ["spike_times"] = new[] { 4.8, 11.6, 18.4, 25.2, 32.0, 38.8, 45.6, 52.4, 59.2, 66.0, 72.8, 79.6, 86.4, 93.2, 100.0 },
        };
        var iafParams = new Dictionary<string, object> { ["I_e"] = 1000.0 };

        var sgPre = nest.Create("spike_generator", 1, sgParams);
        var nrnPre = nest.Create("iaf_psc_alpha", 1, iafParams);
        var srs = nest.Create("spike_recorder", 4, srParams);
        var vms = nest.Create("voltmeter", 2, vmParams);
        var sgPost = nest.Create("spike_generator", 1, sgParams);
        var nrnPost = nest.Create("iaf_psc_alpha", 1, iafParams);

        nest.Connect(nrnPre, srs[0]);
        nest.Connect(nrnPost, srs[1]);
        nest.Connect(sgPre, srs[2]);
        nest.Connect(sgPost, srs[3]);
        nest.Connect(vms[0], nrnPre);
        nest.Connect(vms[1], nrnPost);
        return (srs, vms);
    }

    private static object[] Events(NodeCollection recorders, string key) =>
        recorders.Select(r => ((Dictionary<string, object>)r.Get("events"))[key]).ToArray();

    /// <summary>NEST's module-scoped fixture <c>reference_run</c>: the whole time in one Simulate.</summary>
    private static (object[] Srs, object[] Vms) ReferenceRun()
    {
        var nest = new Simulator();
        var (srs, vms) = BuildNet(nest);
        nest.Simulate(TotalSimTime);
        return (Events(srs, "times"), Events(vms, "V_m"));
    }

    // NEST: regressions/test_ticket_80_175_179.py::test_reference_recordings_identical
    [Fact]
    public void RecordingsOfNeuronsCreatedBeforeAndAfterTheDevices_AreIdentical()
    {
        var (srsReference, vmsReference) = ReferenceRun();
        foreach (var srec in srsReference.Skip(1))
            Assert.Equal((System.Collections.IEnumerable)srsReference[0], (System.Collections.IEnumerable)srec);
        Assert.Equal((System.Collections.IEnumerable)vmsReference[0], (System.Collections.IEnumerable)vmsReference[1]);
    }

    // NEST: regressions/test_ticket_80_175_179.py::test_vm_and_sr_produce_same_output
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.7)]
    [InlineData(1.0)]
    [InlineData(1.3)]
    [InlineData(1.5)]
    [InlineData(1.7)]
    [InlineData(110.0)]
    public void RecordingsDoNotDependOnHowTheRunIsSplit(double tBlock)
    {
        var (srsReference, vmsReference) = ReferenceRun();
        var nest = new Simulator();
        var (srs, vms) = BuildNet(nest);
        nest.Prepare(); // with nest.RunManager():
        while (nest.BiologicalTime < TotalSimTime) nest.Run(tBlock);
        nest.Cleanup();

        var srsTimes = Events(srs, "times");
        var vmsRecs = Events(vms, "V_m");
        for (int i = 0; i < srsReference.Length; i++)
            Assert.Equal((System.Collections.IEnumerable)srsReference[i], (System.Collections.IEnumerable)srsTimes[i]);
        for (int i = 0; i < vmsReference.Length; i++)
            Assert.Equal((System.Collections.IEnumerable)vmsReference[i], (System.Collections.IEnumerable)vmsRecs[i]);
    }
}
