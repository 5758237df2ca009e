namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>Frozen neurons are not updated; thawed, they go on as if never frozen.</summary>
public sealed class AddFreezeThawTests
{
    // NEST: neurons/test_add_freeze_thaw.py::test_add_freeze_thaw
    [Fact]
    public void AddedNodesAreUpdated_FrozenNodesKeepTheirPotential_ThawedNodesGoOn()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = 4 });
        var parameters = new Dictionary<string, object> { ["I_e"] = -50.0 };
        double vmRef = (double)nest.GetDefaults("iaf_psc_alpha")["V_m"];

        var popA = nest.Create("iaf_psc_alpha", 11, parameters);
        nest.Simulate(10.0);
        Assert.All(popA.GetValues<double>("V_m"), v => Assert.True(v < vmRef));

        var popB = nest.Create("iaf_psc_alpha", 11, parameters);
        var both = popA + popB;
        both.Set("V_m", vmRef);
        nest.Simulate(10.0);
        Assert.All(both.GetValues<double>("V_m"), v => Assert.True(v < vmRef));

        both.Set("V_m", vmRef);
        popA.Set("frozen", true);
        nest.Simulate(10.0);
        Assert.All(popA.GetValues<double>("V_m"), v => Assert.Equal(vmRef, v));
        Assert.All(popB.GetValues<double>("V_m"), v => Assert.True(v < vmRef));
        Assert.All(popA.GetValues<bool>("frozen"), Assert.True);

        both.Set("V_m", vmRef);
        popA.Set("frozen", false);
        nest.Simulate(10.0);
        Assert.All(both.GetValues<double>("V_m"), v => Assert.True(v < vmRef));
    }

    // NEST: recording/test_multimeter_freeze_thaw.py::test_freeze_thaw_neuron_against_only_thawed_neuron
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void FreezeThawCycles_GiveTheSamplesOfANeverFrozenNeuron(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        var neurons = nest.Create("iaf_psc_alpha", 2, new() { ["I_e"] = 1000.0 });
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.5, ["record_from"] = new[] { "V_m" } });
        nest.Connect(mm, neurons);
        for (int cycle = 0; cycle < 2; cycle++)
        {
            neurons[0].Set("frozen", true);
            nest.Simulate(5.0);
            neurons[0].Set("frozen", false);
            nest.Simulate(5.0);
        }

        var events = (Dictionary<string, object>)mm.Get("events");
        var vm = (double[])events["V_m"];
        var senders = (long[])events["senders"];
        var thawed = vm.Where((_, i) => senders[i] == 1).ToArray();
        var never = vm.Where((_, i) => senders[i] == 2).ToArray();
        var times = ((double[])events["times"]).Where((_, i) => senders[i] == 1);
        double[] nestTimes = [5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10, 15.5, 16, 16.5, 17, 17.5, 18, 18.5, 19]; // NEST 3.10: sampled only while thawed
        Assert.Equal(nestTimes, times);
        Assert.Equal(never[..thawed.Length], thawed);
        Assert.Contains(never, v => v != never[0]);
    }

    // NEST: regressions/test_ticket_464.py::test_ticket_464, recording/test_multimeter_freeze_thaw.py::test_multimeter_freeze
    [Fact]
    public void AMultimeterCannotBeFrozen_ButCanBeSetNotFrozen()
    {
        var nest = new Simulator();
        nest.Create("multimeter", 1, new() { ["frozen"] = false });
        Assert.Throws<BadPropertyException>(() => nest.Create("multimeter", 1, new() { ["frozen"] = true }));
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" } });
        Assert.Throws<BadPropertyException>(() => mm.Set("frozen", true));
        Assert.False(mm.Get<bool>("frozen"));
        var neuron = nest.Create("iaf_psc_alpha");
        nest.Connect(mm, neuron);
        nest.Simulate(3.0);
    }

    [Fact]
    public void FrozenIsNotADefault()
    {
        var nest = new Simulator();
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.SetDefaults("iaf_psc_alpha", new() { ["frozen"] = true }));
    }

    [Fact]
    public void AFrozenNeuronSendsNoSpikes()
    {
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 2, new() { ["I_e"] = 1000.0 });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neurons, recorder);
        neurons[1].Set("frozen", true);
        nest.Simulate(100.0);
        var senders = (long[])((Dictionary<string, object>)recorder.Get("events"))["senders"];
        Assert.NotEmpty(senders);
        Assert.All(senders, s => Assert.Equal(1L, s));
        Assert.Equal(-1.0, neurons[1].Get<double>("t_spike"));
    }
}
