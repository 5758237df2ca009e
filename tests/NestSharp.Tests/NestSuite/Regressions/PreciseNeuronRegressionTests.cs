using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// NEST's regression tests of the precise neuron models (iaf_psc_alpha_ps, iaf_psc_delta_ps, iaf_psc_exp_ps; NEST's
/// lists leave iaf_psc_exp_ps_lossless out), run for the ones NestSharp has (<see cref="AvailableModels"/>): plastic synapses and the
/// spike archive (ticket 85), simultaneous input spikes (issue 368), refractory times (tickets 638 and 673), stepped
/// simulation with poisson_generator_ps input (ticket 452), poisson_generator_ps into several targets (ticket 481).
/// </summary>
public sealed class PreciseNeuronRegressionTests
{
    /// <summary>NEST's PRECISE_MODELS of these tests (without parrot_neuron_ps, which test_ticket_85 adds), those NestSharp has.</summary>
    private static IEnumerable<string> AvailableModels() =>
        new[] { "iaf_psc_alpha_ps", "iaf_psc_delta_ps", "iaf_psc_exp_ps" }.Where(m => NestSharp.Kernel.Catalog.NodeModels.ContainsKey(m));

    public static TheoryData<string> Models() => [.. AvailableModels()];

    public static TheoryData<string> ExpModel() => [.. AvailableModels().Where(m => m == "iaf_psc_exp_ps")];

    // NEST: testsuite/pytests/regressions/test_ticket_85.py::test_ticket_85_can_create_plastic_connections
    [Theory]
    [MemberData(nameof(Models))]
    public void TestTicket85CanCreatePlasticConnections(string model)
    {
        var nest = new Simulator();
        var pre = nest.Create(model);
        var post = nest.Create(model);
        nest.Connect(pre, post, "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse" });
    }

    // NEST: testsuite/pytests/regressions/test_ticket_85.py::test_ticket_85_archiving_node_exposes_tau_minus
    [Theory]
    [MemberData(nameof(Models))]
    public void TestTicket85ArchivingNodeExposesTauMinus(string model)
    {
        var nest = new Simulator();
        var neuron = nest.Create(model);
        Assert.True(neuron.GetStatus()[0].ContainsKey("tau_minus"));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_85.py::test_ticket_85_archiving_node_tracks_last_spike
    [Theory]
    [MemberData(nameof(Models))]
    public void TestTicket85ArchivingNodeTracksLastSpike(string model)
    {
        var nest = new Simulator();
        var spikeGenerator = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0 } });
        var neuron = nest.Create(model);
        var recorder = nest.Create("spike_recorder");
        nest.Connect(spikeGenerator, neuron, syn: new Dictionary<string, object> { ["weight"] = 10000.0, ["delay"] = 1.0 });
        nest.Connect(neuron, recorder);
        nest.Simulate(20.0);
        var times = Doubles(recorder, "times");
        Assert.Equal(times[^1], neuron.Get<double>("t_spike"));
    }

    // NEST: testsuite/pytests/regressions/test_issue_368.py::test_linear_summation_of_input_ps_models
    [Theory]
    [MemberData(nameof(Models))]
    public void TestLinearSummationOfInputPsModels(string model)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.25, ["tics_per_ms"] = 1024.0 });
        if (model == "iaf_psc_exp_ps") nest.SetDefaults("iaf_psc_exp_ps", new() { ["tau_syn_ex"] = 2.0, ["tau_syn_in"] = 2.0 });
        const double tSpike1 = 2.375; // 2.5 - 0.125 offset
        const double w1 = 5.0; // sufficiently small to avoid psc_delta spikes
        const double w2 = -10.0;
        var sg = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { tSpike1 } });
        var n1 = nest.Create(model);
        var n2 = nest.Create(model);
        var n3 = nest.Create(model);
        var n4 = nest.Create(model);
        nest.Connect(sg, n1, "one_to_one", new Dictionary<string, object> { ["weight"] = w1 * 2 });
        nest.Connect(sg, n2, "one_to_one", new Dictionary<string, object> { ["weight"] = w1 });
        nest.Connect(sg, n2, "one_to_one", new Dictionary<string, object> { ["weight"] = w1 });
        nest.Connect(sg, n3, "one_to_one", new Dictionary<string, object> { ["weight"] = w1 + w2 });
        nest.Connect(sg, n4, "one_to_one", new Dictionary<string, object> { ["weight"] = w1 });
        nest.Connect(sg, n4, "one_to_one", new Dictionary<string, object> { ["weight"] = w2 });
        nest.Simulate(4.0);

        // pytest.approx: relative 1e-6
        double v1 = n1.Get<double>("V_m"), v2 = n2.Get<double>("V_m"), v3 = n3.Get<double>("V_m"), v4 = n4.Get<double>("V_m");
        Assert.True(Math.Abs(v1 - v2) <= 1e-6 * Math.Abs(v1), $"{v1:R} vs {v2:R}");
        Assert.True(Math.Abs(v3 - v4) <= 1e-6 * Math.Abs(v3), $"{v3:R} vs {v4:R}");
        Assert.NotEqual(nest.GetDefaults(model)["V_m"], v1); // the input arrived
    }

    // NEST: testsuite/pytests/regressions/test_issue_368.py::test_linear_summation_of_input_ps_models_with_two_time_constants
    [Theory]
    [MemberData(nameof(ExpModel))]
    public void TestLinearSummationOfInputPsModelsWithTwoTimeConstants(string model)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.25, ["tics_per_ms"] = 1024.0 });
        nest.SetDefaults(model, new() { ["tau_syn_ex"] = 5.0, ["tau_syn_in"] = 1.0 });
        const double tSpike1 = 2.375;
        const double w1 = 1000.0;
        var sg = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { tSpike1 } });
        var n1 = nest.Create(model);
        var n2 = nest.Create(model);
        var n3 = nest.Create(model);
        nest.Connect(sg, n1, "one_to_one", new Dictionary<string, object> { ["weight"] = w1 });
        nest.Connect(sg, n2, "one_to_one", new Dictionary<string, object> { ["weight"] = -w1 });
        nest.Connect(sg, n3, "one_to_one", new Dictionary<string, object> { ["weight"] = w1 });
        nest.Connect(sg, n3, "one_to_one", new Dictionary<string, object> { ["weight"] = -w1 });
        double v0 = n1.Get<double>("V_m");
        Assert.Equal(n1.Get<double>("E_L"), v0);
        nest.Simulate(4.0);

        double v1 = n1.Get<double>("V_m"), v2 = n2.Get<double>("V_m"), v3 = n3.Get<double>("V_m");
        Assert.Equal(v3 - v0, (v1 - v0) + (v2 - v0));
    }

    /// <summary>NEST's _run_simulation of ticket 638: the number of spikes in 100 ms under I_e 1000 pA.</summary>
    private static long SpikeCount638(string model, double tRef)
    {
        var nest = new Simulator();
        var neuron = nest.Create(model, 1, new() { ["I_e"] = 1000.0, ["t_ref"] = tRef });
        var spikeRecorder = nest.Create("spike_recorder");
        nest.Connect(neuron, spikeRecorder);
        nest.Simulate(100.0);
        return spikeRecorder.Get<long>("n_events");
    }

    // NEST: testsuite/pytests/regressions/test_ticket_638.py::test_ticket_638_precise_models_spike_with_default_refractory
    // (NEST's loop over the three models, over those NestSharp has)
    [Fact]
    public void TestTicket638PreciseModelsSpikeWithDefaultRefractory()
    {
        var counts = AvailableModels().Select(m => SpikeCount638(m, 2.0)).ToArray();
        Assert.NotEmpty(counts);
        Assert.All(counts, count => Assert.True(count > 1));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_638.py::test_ticket_638_precise_models_reject_zero_refractory
    [Theory]
    [MemberData(nameof(Models))]
    public void TestTicket638PreciseModelsRejectZeroRefractory(string model)
    {
        var nest = new Simulator();
        var error = Assert.Throws<BadPropertyException>(() => nest.Create(model, 1, new() { ["t_ref"] = 0.0 }));
        Assert.Contains("Refractory time must be at least one time step", error.Message);
    }

    /// <summary>NEST's _second_spike_time of ticket 673.</summary>
    private static double SecondSpikeTime673(string model, double tRef)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1 });
        var neuron = nest.Create(model, 1, new() { ["I_e"] = 1000.0, ["t_ref"] = tRef });
        var spikeRecorder = nest.Create("spike_recorder");
        nest.Connect(neuron, spikeRecorder);
        nest.Simulate(20.0);
        var times = Doubles(spikeRecorder, "times");
        Assert.True(times.Length > 1, $"Model {model} did not fire at least twice.");
        return times[1];
    }

    // NEST: testsuite/pytests/regressions/test_ticket_673.py::test_ticket_673_precise_models_shift_second_spike
    [Theory]
    [MemberData(nameof(Models))]
    public void TestTicket673PreciseModelsShiftSecondSpike(string model)
    {
        double spikeTimeDefault = SecondSpikeTime673(model, 1.0);
        double spikeTimeShorter = SecondSpikeTime673(model, 0.1);
        Assert.True(Math.Abs(spikeTimeDefault - spikeTimeShorter - 0.9) <= 1e-12, $"{spikeTimeDefault - spikeTimeShorter:R}");
    }

    /// <summary>NEST's run_simulation of ticket 452: a precise neuron under I_e 500 pA and a 10 kHz poisson_generator_ps (0.125 ms).</summary>
    private static double[] SpikeTimes452(string model, Action<Simulator> simulate)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["tics_per_ms"] = 8.0, ["resolution"] = 0.125 });
        var neuron = nest.Create(model, 1, new() { ["I_e"] = 500.0 });
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 10000.0, ["start"] = 0.0 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(pg, neuron, syn: new Dictionary<string, object> { ["delay"] = 1.0, ["weight"] = 1.0 });
        nest.Connect(neuron, sr);
        simulate(nest);
        return Doubles(sr, "times");
    }

    // NEST: testsuite/pytests/regressions/test_ticket_452.py::test_ticket_452 (NEST's loop over iaf_psc_delta_ps and
    // iaf_psc_alpha_ps; 500 ms whole and in 500 pieces of 1 ms give the same spike times)
    [Fact]
    public void TestTicket452()
    {
        foreach (string model in new[] { "iaf_psc_delta_ps", "iaf_psc_alpha_ps" })
        {
            var continuous = SpikeTimes452(model, nest => nest.Simulate(500.0));
            var stepped = SpikeTimes452(model, nest =>
            {
                for (int k = 0; k < 500; k++) nest.Simulate(1.0);
            });
            Assert.NotEmpty(continuous);
            Assert.Equal(continuous, stepped);
        }
    }

    /// <summary>NEST's setup of ticket 481: a new kernel at resolution 0.125 ms (tics_per_ms 8).</summary>
    private static Simulator Setup481()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["tics_per_ms"] = 8.0, ["resolution"] = 0.125 });
        return nest;
    }

    /// <summary>
    /// NEST's run_simulation of ticket 481: one poisson_generator_ps (10 kHz) into two neurons through
    /// <paramref name="syn1"/> and <paramref name="syn2"/>; whether both potentials rose above -70 mV in 1000 ms.
    /// </summary>
    private static bool BothReceive481(Simulator nest, string model, string syn1, string syn2)
    {
        const double vRef = -70.0;
        var parameters = new Dictionary<string, object> { ["V_m"] = vRef, ["E_L"] = vRef, ["V_th"] = 1e10, ["I_e"] = 0.0 };
        var n1 = nest.Create(model, 1, parameters);
        var n2 = nest.Create(model, 1, parameters);
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 10000.0, ["start"] = 0.0 });
        var vm1 = nest.Create("voltmeter", 1, new() { ["interval"] = 0.125 });
        var vm2 = nest.Create("voltmeter", 1, new() { ["interval"] = 0.125 });
        nest.Connect(pg, n1, syn: new Dictionary<string, object> { ["synapse_model"] = syn1 });
        nest.Connect(pg, n2, syn: new Dictionary<string, object> { ["synapse_model"] = syn2 });
        nest.Connect(vm1, n1);
        nest.Connect(vm2, n2);
        nest.Simulate(1000.0);
        return Doubles(vm1, "V_m").Max() > vRef && Doubles(vm2, "V_m").Max() > vRef;
    }

    // NEST: testsuite/pytests/regressions/test_ticket_481.py::test_ticket_481
    [Fact]
    public void TestTicket481()
    {
        Assert.True(BothReceive481(Setup481(), "iaf_psc_delta_ps", "static_synapse", "static_synapse"),
            "Both neurons should receive spikes with identical synapse models.");

        var nest = Setup481();
        nest.CopyModel("static_synapse", "hoo");
        Assert.True(BothReceive481(nest, "iaf_psc_delta_ps", "hoo", "hoo"),
            "Both neurons should receive spikes with identical synapse models, even if renamed.");

        nest = Setup481();
        nest.CopyModel("static_synapse", "foo");
        nest.CopyModel("static_synapse", "goo");
        Assert.ThrowsAny<NestException>(() => BothReceive481(nest, "iaf_psc_delta_ps", "foo", "goo"));
    }
}
