namespace NestSharp.Tests.Models;

/// <summary>
/// Which sources the synapse models with dynamics of their own (plastic and short-term plastic) take, as NEST 3.10
/// decides it: sources that send spike events (neurons, parrots, spike_train_injector, pulsepacket_generator) are
/// accepted; generators that send a DSSpikeEvent (spike_generator, poisson_generator), current generators and samplers
/// are refused with NEST's reason (checked against the installed NEST 3.10).
/// </summary>
public sealed class SynapseSourceTests
{
    private static readonly double[] PreTimes = [10.0, 25.0, 40.0, 41.0, 70.0, 100.0, 103.0, 130.0];
    private static readonly double[] PostDriveTimes = [12.0, 30.0, 38.0, 60.0, 99.0, 120.0];

    /// <summary>
    /// Runs <paramref name="model"/> from a spike_train_injector with <see cref="PreTimes"/> or from a parrot_neuron
    /// that re-emits a spike_generator's train one step late at the same times; returns the weight recorder's times and
    /// weights and the target's membrane potential at the end.
    /// </summary>
    private static (double[] Times, double[] Weights, double Vm) Run(string model, bool injector, int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        NodeCollection pre;
        if (injector)
        {
            pre = nest.Create("spike_train_injector", 1, new() { ["spike_times"] = PreTimes });
        }
        else
        {
            var generator = nest.Create("spike_generator", 1, new() { ["spike_times"] = PreTimes.Select(t => t - 1.0).ToArray() });
            pre = nest.Create("parrot_neuron");
            nest.Connect(generator, pre, syn: new Dictionary<string, object> { ["delay"] = 1.0 });
        }
        var postDrive = nest.Create("spike_generator", 1, new() { ["spike_times"] = PostDriveTimes });
        var post = nest.Create("iaf_psc_alpha", 1, new() { ["tau_minus"] = 25.0 });
        var wr = nest.Create("weight_recorder");
        nest.CopyModel(model, "recorded", new() { ["weight_recorder"] = wr, ["weight"] = 0.5 });
        nest.Connect(postDrive, post, syn: new Dictionary<string, object> { ["weight"] = 10000.0 });
        nest.Connect(pre, post, syn: new Dictionary<string, object> { ["synapse_model"] = "recorded", ["delay"] = 1.5 });
        nest.Simulate(200.0);
        var events = (Dictionary<string, object>)wr.Get("events");
        return ((double[])events["times"], (double[])events["weights"], post.Get<double>("V_m"));
    }

    [Theory]
    [InlineData("stdp_synapse")]
    [InlineData("stdp_synapse_hom")]
    [InlineData("stdp_triplet_synapse")]
    [InlineData("vogels_sprekeler_synapse")]
    [InlineData("tsodyks_synapse")]
    [InlineData("tsodyks2_synapse")]
    [InlineData("tsodyks_synapse_hom")]
    [InlineData("ht_synapse")]
    [InlineData("stdp_nn_symm_synapse")]
    [InlineData("stdp_nn_pre_centered_synapse")]
    [InlineData("stdp_nn_restr_synapse")]
    [InlineData("jonke_synapse")]
    public void FromASpikeTrainInjector_TransmitsAsFromAParrotWithTheSameTrain(string model)
    {
        var viaParrot = Run(model, injector: false, threads: 1);
        Assert.Equal(PreTimes.Length, viaParrot.Weights.Length);
        foreach (int threads in new[] { 1, 2 })
        {
            var viaInjector = Run(model, injector: true, threads);
            Assert.Equal(viaParrot.Times, viaInjector.Times);
            Assert.Equal(viaParrot.Weights, viaInjector.Weights);
            Assert.Equal(viaParrot.Vm, viaInjector.Vm);
        }
    }

    [Fact]
    public void StdpFromASpikeTrainInjector_ChangesTheWeight()
    {
        var (_, weights, _) = Run("stdp_synapse", injector: true, threads: 1);
        Assert.Contains(weights, w => w != 0.5);
    }

    [Theory]
    [InlineData("stdp_synapse")]
    [InlineData("tsodyks_synapse")]
    [InlineData("bernoulli_synapse")]
    [InlineData("quantal_stp_synapse")]
    public void FromAPulsepacketGenerator_IsAccepted(string model)
    {
        // NEST 3.10's pulsepacket_generator sends SpikeEvents in the connection test, which every synapse model takes.
        var nest = new Simulator();
        var pp = nest.Create("pulsepacket_generator", 1, new() { ["pulse_times"] = new[] { 20.0 }, ["activity"] = 3L, ["sdev"] = 1.0 });
        var n = nest.Create("iaf_psc_alpha");
        nest.Connect(pp, n, syn: model);
        Assert.Equal(1, nest.GetConnections(pp).Count);
        nest.Simulate(50.0);
    }

    [Theory]
    [InlineData("stdp_synapse", "spike_generator", "does not support spike input")]
    [InlineData("stdp_synapse", "poisson_generator", "does not support spike input")]
    [InlineData("stdp_synapse", "dc_generator", "does not support current input")]
    [InlineData("stdp_synapse", "multimeter", "does not support data logging requests")]
    [InlineData("tsodyks_synapse", "spike_generator", "does not support spike input")]
    [InlineData("tsodyks_synapse", "poisson_generator", "does not support spike input")]
    [InlineData("tsodyks_synapse", "dc_generator", "does not support current input")]
    [InlineData("bernoulli_synapse", "poisson_generator", "does not support spike input")]
    public void FromSourcesNestRefuses_IsIllegalWithNestsReason(string model, string source, string reason)
    {
        var nest = new Simulator();
        var s = source == "multimeter"
            ? nest.Create(source, 1, new() { ["record_from"] = new[] { "V_m" } })
            : nest.Create(source);
        var n = nest.Create("iaf_psc_alpha");
        var e = Assert.Throws<IllegalConnectionException>(() => nest.Connect(s, n, syn: model));
        Assert.Contains(reason, e.Message);
        Assert.Contains(model, e.Message);
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Fact]
    public void StaticSynapseHomW_TakesEverySource()
    {
        // NEST's static_synapse_hom_w test target takes every event, as static_synapse's does.
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        foreach (string source in new[] { "spike_generator", "poisson_generator", "dc_generator", "spike_train_injector" })
            nest.Connect(nest.Create(source), n, syn: "static_synapse_hom_w");
        Assert.Equal(4, nest.GetConnections().Count);
    }
}
