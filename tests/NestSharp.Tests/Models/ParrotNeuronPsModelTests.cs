namespace NestSharp.Tests.Models;

/// <summary>
/// parrot_neuron_ps beyond NEST's tests: exact times through chains and delays, the order of spikes within a step,
/// generators' grid spikes beside precise ones, independence of the thread count, off_grid_spiking, and synapse
/// models that draw whether to transmit.
/// </summary>
public sealed class ParrotNeuronPsModelTests
{
    private static (double[] Times, long[] Senders) Events(NodeCollection recorder)
    {
        var events = (Dictionary<string, object>)recorder.Get("events");
        return ((double[])events["times"], (long[])events["senders"]);
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12, $"event {i}: {actual[i]:R} vs {expected[i]:R}");
    }

    /// <summary>Precise times through two parrots with delays 1.3 and 0.7 ms.</summary>
    private static (double[] Times, long[] Senders) Chain(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        var sg = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 2.03, 2.07, 5.5, 9.0001 } });
        var parrots = nest.Create("parrot_neuron_ps", 3);
        var sr = nest.Create("spike_recorder");
        nest.Connect(sg, parrots[..2], syn: new Dictionary<string, object> { ["delay"] = 1.3 });
        nest.Connect(parrots[..2], parrots[2..], syn: new Dictionary<string, object> { ["delay"] = 0.7 });
        nest.Connect(parrots, sr);
        nest.Simulate(15.0);
        return Events(sr);
    }

    [Fact]
    public void Chain_KeepsEveryTimeExactly()
    {
        var (times, senders) = Chain(1);
        double[] first = [2.03 + 1.3, 2.07 + 1.3, 5.5 + 1.3, 9.0001 + 1.3];
        for (int p = 0; p < 2; p++)
        {
            var idx = Enumerable.Range(0, times.Length).Where(i => senders[i] == 2 + p).ToArray();
            AssertClose(first, idx.Select(i => times[i]).ToArray());
        }
        var last = Enumerable.Range(0, times.Length).Where(i => senders[i] == 4).ToArray();
        Assert.Equal(8, last.Length);
        AssertClose(first.SelectMany(t => new[] { t + 0.7, t + 0.7 }).ToArray(), last.Select(i => times[i]).ToArray());
    }

    [Fact]
    public void Chain_IsTheSameOnTwoThreads()
    {
        var one = Chain(1);
        var two = Chain(2);
        Assert.Equal(one.Times, two.Times);
        Assert.Equal(one.Senders, two.Senders);
    }

    [Fact]
    public void SpikesOfOneStep_LeaveInTheOrderOfTheirTimes()
    {
        // 1.08 and 1.02 lie in the step (1.0, 1.1]; given through two generators in the reverse order of their times.
        var nest = new Simulator();
        var late = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 1.08 } });
        var early = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 1.02 } });
        var parrot = nest.Create("parrot_neuron_ps");
        var sr = nest.Create("spike_recorder");
        nest.Connect(late + early, parrot);
        nest.Connect(parrot, sr);
        nest.Simulate(5.0);
        AssertClose([2.02, 2.08], Events(sr).Times);
    }

    [Fact]
    public void GridSpikesOfAGenerator_LeaveAtTheEndOfTheirStep()
    {
        var nest = new Simulator();
        var precise = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 1.05 } });
        var grid = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.1 } });
        var parrot = nest.Create("parrot_neuron_ps");
        var sr = nest.Create("spike_recorder");
        nest.Connect(precise + grid, parrot);
        nest.Connect(parrot, sr);
        nest.Simulate(5.0);
        AssertClose([2.05, 2.1], Events(sr).Times);
    }

    [Fact]
    public void Creating_MakesOffGridSpikingTrue()
    {
        var nest = new Simulator();
        Assert.False((bool)nest.GetKernelStatus("off_grid_spiking"));
        nest.Create("parrot_neuron_ps");
        Assert.True((bool)nest.GetKernelStatus("off_grid_spiking"));
    }

    /// <summary>
    /// Synapses that draw whether to transmit (bernoulli_synapse with p_transmit 0.3; quantal_stp_synapse with one site
    /// that releases with probability U = 0.3 and refills at once) pass that fraction of a parrot_neuron's spikes to 40
    /// parrot_neuron_ps, which repeat only those: the count is within 4.5 standard deviations of the binomial mean, and
    /// the same on one and two threads.
    /// </summary>
    [Theory]
    [InlineData("bernoulli_synapse")]
    [InlineData("quantal_stp_synapse")]
    public void SynapsesThatDrawWhetherToTransmit_PassTheirFraction(string model)
    {
        (double[] Times, int Sent) Run(int threads)
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
            var pg = nest.Create("poisson_generator", 1, new() { ["rate"] = 500.0 });
            var pre = nest.Create("parrot_neuron");
            var parrots = nest.Create("parrot_neuron_ps", 40);
            var sent = nest.Create("spike_recorder");
            var repeated = nest.Create("spike_recorder");
            nest.Connect(pg, pre);
            nest.Connect(pre, sent);
            var syn = model == "bernoulli_synapse"
                ? new Dictionary<string, object> { ["synapse_model"] = model, ["p_transmit"] = 0.3 }
                : new Dictionary<string, object> { ["synapse_model"] = model, ["U"] = 0.3, ["u"] = 0.3, ["tau_rec"] = 0.001, ["tau_fac"] = 0.0 };
            nest.Connect(pre, parrots, syn: syn);
            nest.Connect(parrots, repeated);
            nest.Simulate(1000.0);
            return (Events(repeated).Times, Events(sent).Times.Length);
        }
        var (times, parentSpikes) = Run(1);
        Assert.Equal(times, Run(2).Times);
        double trials = 40.0 * parentSpikes, mean = 0.3 * trials, sd = Math.Sqrt(trials * 0.3 * 0.7);
        Assert.InRange(parentSpikes, 400, 600);
        Assert.InRange(times.Length, mean - 4.5 * sd, mean + 4.5 * sd);
    }

    [Fact]
    public void StdpSynapseOntoPortZero_RepeatsAndLearns()
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 10.05, 20.05 } });
        var pre = nest.Create("parrot_neuron_ps");
        var post = nest.Create("parrot_neuron_ps");
        var sr = nest.Create("spike_recorder");
        nest.Connect(sg, pre);
        nest.Connect(pre, post, syn: new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["weight"] = 5.0 });
        nest.Connect(post, sr);
        nest.Simulate(30.0);
        AssertClose([12.05, 22.05], Events(sr).Times);
        Assert.NotEqual(5.0, nest.GetConnections(pre, synapseModel: "stdp_synapse").Weight[0]);
    }
}
