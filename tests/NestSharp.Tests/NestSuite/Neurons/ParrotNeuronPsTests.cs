namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/neurons/test_parrot_neuron_ps.py</c>: parrot_neuron_ps repeats precise
/// spikes on port 0 at their exact times, with multiplicity, ignores port 1, and its spikes drive STDP.
/// </summary>
public sealed class ParrotNeuronPsTests
{
    private const double SpikeTime = 1.01;
    private const double Delay = 0.2;

    /// <summary>NEST's _round_up: the simulation time rounded up to the next multiple of the resolution (0.1 ms).</summary>
    private static double RoundUp(double simtime) => 0.1 * Math.Ceiling(simtime / 0.1);

    /// <summary>NEST's setUp: a precise spike generator with one spike at 1.01 ms, a parrot_neuron_ps, a spike recorder of both.</summary>
    private static (Simulator Nest, NodeCollection Source, NodeCollection Parrot, NodeCollection Spikes) SetUp()
    {
        var nest = new Simulator();
        var source = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { SpikeTime }, ["precise_times"] = true });
        var parrot = nest.Create("parrot_neuron_ps");
        var spikes = nest.Create("spike_recorder");
        nest.Connect(source, spikes);
        nest.Connect(parrot, spikes);
        return (nest, source, parrot, spikes);
    }

    private static double[] TimesOf(NodeCollection recorder, NodeCollection sender)
    {
        var events = (Dictionary<string, object>)recorder.Get("events");
        var times = (double[])events["times"];
        var senders = (long[])events["senders"];
        return times.Where((_, i) => senders[i] == sender.Ids[0]).ToArray();
    }

    // NEST: neurons/test_parrot_neuron_ps.py::ParrotNeuronPSTestCase::test_ParrotNeuronRepeatSpike
    [Fact]
    public void ParrotNeuronRepeatSpike()
    {
        var (nest, source, parrot, spikes) = SetUp();
        nest.Connect(source, parrot, syn: new Dictionary<string, object> { ["delay"] = Delay });
        nest.Simulate(RoundUp(SpikeTime + 2 * Delay));

        var postTime = TimesOf(spikes, parrot);
        Assert.Single(postTime);
        Assert.Equal(SpikeTime + Delay, postTime[0]);
    }

    // NEST: neurons/test_parrot_neuron_ps.py::ParrotNeuronPSTestCase::test_ParrotNeuronIgnoreSpike
    [Fact]
    public void ParrotNeuronIgnoreSpike()
    {
        var (nest, source, parrot, spikes) = SetUp();
        nest.Connect(source, parrot, syn: new Dictionary<string, object> { ["receptor_type"] = 1L, ["delay"] = Delay });
        nest.Simulate(RoundUp(SpikeTime + 2.0 * Delay));

        Assert.Empty(TimesOf(spikes, parrot));
    }

    // NEST: neurons/test_parrot_neuron_ps.py::ParrotNeuronPSTestCase::test_ParrotNeuronOutgoingMultiplicity
    [Fact]
    public void ParrotNeuronOutgoingMultiplicity()
    {
        var (nest, source, parrot, spikes) = SetUp();
        nest.Connect(source, parrot, syn: new Dictionary<string, object> { ["delay"] = Delay });
        nest.Connect(source, parrot, syn: new Dictionary<string, object> { ["delay"] = Delay });
        nest.Simulate(RoundUp(SpikeTime + 2.0 * Delay));

        var postTimes = TimesOf(spikes, parrot);
        Assert.Equal(2, postTimes.Length);
        Assert.Equal(postTimes[0], postTimes[1]);
    }

    // NEST: neurons/test_parrot_neuron_ps.py::ParrotNeuronPSPoissonTestCase::test_ParrotNeuronIncomingMultiplicity
    [Fact]
    public void ParrotNeuronIncomingMultiplicity()
    {
        const double resolution = 0.1; // ms
        const double rate = 1000000.0; // spikes / s
        const double delay = 1.0; // ms
        const double tBase = 1000.0; // ms
        const double tSim = tBase + 3 * delay;
        const double spikesExpected = rate * tBase / 1000.0;
        double spikesStd = Math.Sqrt(spikesExpected);
        Assert.True(spikesExpected - 3 * spikesStd > 10.0 * tSim / resolution, "Internal inconsistency: too few spikes.");

        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = resolution, ["rng_seed"] = 123L });
        var source = nest.Create("poisson_generator", 1, new() { ["rate"] = rate });
        var parrots = nest.Create("parrot_neuron_ps", 2);
        var spikeRec = nest.Create("spike_recorder");
        nest.Connect(source, parrots[..1], syn: new Dictionary<string, object> { ["delay"] = delay });
        nest.Connect(parrots[..1], parrots[1..], syn: new Dictionary<string, object> { ["delay"] = delay });
        nest.Connect(parrots[1..], spikeRec);

        nest.Simulate(RoundUp(tSim));

        long nSpikes = spikeRec.Get<long>("n_events");
        Assert.True(nSpikes > spikesExpected - 3 * spikesStd, "parrot_neuron loses spikes.");
        Assert.True(nSpikes < spikesExpected + 3 * spikesStd, "parrot_neuron adds spikes.");
    }

    /// <summary>NEST's run_protocol: precise pre and post parrots driven at t and t + dt, joined by an stdp_synapse onto port 1.</summary>
    private static (double WPre, double WPost) RunProtocol(double dt)
    {
        const double delay = 1.0;
        const double dspike = 100.0;
        double[] preTimes = [100.0, 100.0 + dspike];
        double[] postTimes = preTimes.Select(k => k + dt).ToArray();

        var nest = new Simulator();
        var preSpikes = nest.Create("spike_generator", 1, new() { ["spike_times"] = preTimes, ["precise_times"] = true });
        var postSpikes = nest.Create("spike_generator", 1, new() { ["spike_times"] = postTimes, ["precise_times"] = true });
        var preParrot = nest.Create("parrot_neuron_ps");
        var postParrot = nest.Create("parrot_neuron_ps");
        nest.Connect(preSpikes, preParrot, syn: new Dictionary<string, object> { ["delay"] = delay });
        nest.Connect(postSpikes, postParrot, syn: new Dictionary<string, object> { ["delay"] = delay });
        var spikes = nest.Create("spike_recorder");
        nest.Connect(preParrot, spikes);
        nest.Connect(postParrot, spikes);
        nest.Connect(preParrot, postParrot, "one_to_one",
            new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["receptor_type"] = 1L });

        double wPre = nest.GetConnections(preParrot, synapseModel: "stdp_synapse").Weight[0];
        nest.Simulate(RoundUp(Math.Max(preTimes[^1], postTimes[^1]) + 2 * delay));
        double wPost = nest.GetConnections(preParrot, synapseModel: "stdp_synapse").Weight[0];
        return (wPre, wPost);
    }

    // NEST: neurons/test_parrot_neuron_ps.py::ParrotNeuronPSSTDPTestCase::test_ParrotNeuronSTDPProtocolPotentiation
    [Fact]
    public void ParrotNeuronStdpProtocolPotentiation()
    {
        var (wPre, wPost) = RunProtocol(10.0);
        Assert.True(wPre < wPost, "Parrot neuron STDP potentiation protocol failed to elicit positive weight changes.");
    }

    // NEST: neurons/test_parrot_neuron_ps.py::ParrotNeuronPSSTDPTestCase::test_ParrotNeuronSTDPProtocolDepression
    [Fact]
    public void ParrotNeuronStdpProtocolDepression()
    {
        var (wPre, wPost) = RunProtocol(-10.0);
        Assert.True(wPre > wPost, "Parrot neuron STDP potentiation protocol failed to elicit negative weight changes.");
    }
}
