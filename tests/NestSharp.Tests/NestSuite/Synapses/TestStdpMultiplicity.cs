namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/synapses/test_stdp_multiplicity.py</c>: an stdp_synapse between two plain
/// parrot_neurons, whose spikes come K at a time (multiplicity K), ends with the weight an stdp_synapse between two
/// parrot_neuron_ps reaches for spike trains n·h - k·delta as delta goes to 0. The plain weight holds only because NEST
/// unrolls a neuron's spike of multiplicity K into K single spikes (event_delivery_manager_impl.h, send_remote), and the
/// parrot sets its spike time K times. The expected weights are the installed NEST 3.10's.
/// </summary>
public sealed class TestStdpMultiplicity
{
    private const int Multiplicity = 8;
    private const double Resolution = 1.0 / 16.0;
    private const double Delay = 1.0;

    /// <summary>NEST's run_protocol for one delta: the final weights of the plain and the precise parrots' synapses.</summary>
    private static (double Plain, double Precise) Run(double prePostShift, double delta)
    {
        Assert.True(Multiplicity * delta < Resolution / 2.0, "Test inconsistent.");
        var nest = new Simulator();
        nest.SetKernelStatus(new Dictionary<string, object> { ["resolution"] = Resolution, ["tics_per_ms"] = (long)(1.0 / Resolution * Multiplicity * 4) });

        var preTimes = new List<double>();
        foreach (double tBase in new[] { 100.0, 200.0 })
            for (int k = 0; k < Multiplicity; k++) preTimes.Add(tBase - (k * delta));
        preTimes.Sort();
        var postTimes = preTimes.Select(t => t + prePostShift).ToList();

        var preSg = nest.Create("spike_generator", 1, new() { ["spike_times"] = preTimes.ToArray(), ["allow_offgrid_times"] = true });
        var postSg = nest.Create("spike_generator", 1, new() { ["spike_times"] = postTimes.ToArray(), ["allow_offgrid_times"] = true });
        var preSgPs = nest.Create("spike_generator", 1, new() { ["spike_times"] = preTimes.ToArray(), ["precise_times"] = true });
        var postSgPs = nest.Create("spike_generator", 1, new() { ["spike_times"] = postTimes.ToArray(), ["precise_times"] = true });

        var preParrot = nest.Create("parrot_neuron");
        var postParrot = nest.Create("parrot_neuron");
        var preParrotPs = nest.Create("parrot_neuron_ps");
        var postParrotPs = nest.Create("parrot_neuron_ps");

        var delay = new Dictionary<string, object> { ["delay"] = Delay };
        nest.Connect(preSg, preParrot, syn: delay);
        nest.Connect(postSg, postParrot, syn: delay);
        nest.Connect(preSgPs, preParrotPs, syn: delay);
        nest.Connect(postSgPs, postParrotPs, syn: delay);

        var spikes = nest.Create("spike_recorder");
        nest.Connect(preParrot + postParrot + preParrotPs + postParrotPs, spikes);

        // onto port 1, so that the spikes through the stdp connection are not repeated postsynaptically
        var stdp = new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["receptor_type"] = 1L };
        nest.Connect(preParrot, postParrot, syn: stdp);
        nest.Connect(preParrotPs, postParrotPs, syn: stdp);

        var syn = nest.GetConnections(source: preParrot, synapseModel: "stdp_synapse");
        var synPs = nest.GetConnections(source: preParrotPs, synapseModel: "stdp_synapse");
        double wPre = syn.Weight[0], wPrePs = synPs.Weight[0];

        nest.Simulate(preTimes.Concat(postTimes).Max() + (5 * Delay));

        double wPost = syn.Weight[0], wPostPs = synPs.Weight[0];
        Assert.NotEqual(wPre, wPost);
        Assert.NotEqual(wPrePs, wPostPs);
        // NEST's debugging recorder: each parrot repeats its 2·K spikes, one row per spike.
        Assert.Equal(8L * Multiplicity, spikes.Get<long>("n_events"));
        return (wPost, wPostPs);
    }

    // NEST: testsuite/pytests/synapses/test_stdp_multiplicity.py::TestStdpSpikeMultiplicity::test_stdp_multiplicity
    [Theory]
    [InlineData(10.0)] // potentiation
    [InlineData(-10.0)] // depression
    public void Test_stdp_multiplicity(double prePostShift)
    {
        const double maxAbsErr = 1e-3;
        var deltas = Enumerable.Range(2, 8).Select(m => Resolution / Multiplicity / Math.Pow(2, m)).ToArray();
        var plain = new double[deltas.Length];
        var precise = new double[deltas.Length];
        for (int i = 0; i < deltas.Length; i++) (plain[i], precise[i]) = Run(prePostShift, deltas[i]);

        Assert.All(plain, w => Assert.Equal(plain[0], w)); // plain weights are independent of the step
        var absErr = plain.Zip(precise, (p, q) => Math.Abs(q - p)).ToArray();
        Assert.True(absErr[^1] < maxAbsErr, $"Final absolute error is {absErr[^1]:E2} but should be <= {maxAbsErr:E2}");
        for (int i = 1; i < absErr.Length; i++) Assert.True(absErr[i] < absErr[i - 1], "Error should decrease with smaller timestep!");
    }

    /// <summary>The final weights of the installed NEST 3.10 for delta = h/8/2^m (m = 2 and 9), printed with repr.</summary>
    [Theory]
    [InlineData(10.0, 2, 31.925337463541663, 31.93432951175173)]
    [InlineData(10.0, 9, 31.925337463541663, 31.925407700787527)]
    [InlineData(-10.0, 2, 0.8708075694343963, 0.8711492159921502)]
    [InlineData(-10.0, 9, 0.8708075694343963, 0.8708102382899142)]
    public void WeightsAsNest(double prePostShift, int m, double nestPlain, double nestPrecise)
    {
        var (plain, precise) = Run(prePostShift, Resolution / Multiplicity / Math.Pow(2, m));
        Assert.Equal(nestPlain, plain, 1e-12);
        Assert.Equal(nestPrecise, precise, 1e-12);
    }
}
