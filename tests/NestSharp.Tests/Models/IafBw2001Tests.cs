using NestSharp.Tests.Checkpoint;
using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.Models;

/// <summary>
/// iaf_bw_2001 and iaf_bw_2001_exact: a recurrent network with AMPA, GABA and NMDA connections gives the same spikes
/// and traces on 1, 2 and 4 threads and continues bitwise across a checkpoint (also onto another thread count); the
/// approximate model's spikes carry the NMDA jump as their offset; the exact model numbers its NMDA connections per
/// target (ports 3, 4, ...) and refuses changed weights; bad parameters and connections are refused, changing nothing.
/// </summary>
public sealed class IafBw2001Tests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-bw2001-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Models => ["iaf_bw_2001", "iaf_bw_2001_exact"];

    /// <summary>24 neurons driven on AMPA, connected among themselves on AMPA, GABA and NMDA (multapses allowed), recorded.</summary>
    private static void Build(Simulator nest, string model)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 2001L });
        var neurons = nest.Create(model, 24, new() { ["t_ref"] = 1.0 });
        neurons.Set("V_m", nest.Random.Uniform(-70.0, -56.0));
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 4000.0 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = 4.0, ["receptor_type"] = 1L });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(3), new Dictionary<string, object> { ["weight"] = 2.0, ["delay"] = 1.2, ["receptor_type"] = 1L });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(2), new Dictionary<string, object> { ["weight"] = 3.0, ["delay"] = 0.7, ["receptor_type"] = 2L });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(4), new Dictionary<string, object>
        {
            ["weight"] = nest.Random.Uniform(0.5, 1.5), ["delay"] = nest.Random.Uniform(0.5, 2.5), ["receptor_type"] = 3L,
        });
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m", "s_NMDA", "I_NMDA", "I_AMPA", "I_GABA" }, ["interval"] = 0.3 });
        nest.Connect(meter, neurons);
        var spikes = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        nest.Connect(neurons, spikes);
    }

    private static string Run(string model, int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", threads);
        Build(nest, model);
        nest.Simulate(150.0);
        return CheckpointSplitRunTests.Observe(nest);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Threads_GiveIdenticalResults(string model)
    {
        string one = Run(model, 1);
        Assert.Equal(one, Run(model, 2));
        Assert.Equal(one, Run(model, 4));

        var nest = new Simulator();
        Build(nest, model);
        nest.Simulate(150.0);
        var spikes = nest.Nodes(nest.NetworkSize);
        Assert.True((long)spikes.Get("n_events") > 100, $"{model}: too few spikes to see the recurrent input");
        var meter = nest.Nodes(nest.NetworkSize - 1);
        Assert.Contains(Doubles(meter, "I_NMDA"), i => i < -1.0); // NMDA input arrived
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Checkpoint_ContinuesBitwise(string model)
    {
        var reference = new Simulator();
        Build(reference, model);
        reference.Simulate(47.3);
        reference.Simulate(52.6);
        string expected = CheckpointSplitRunTests.Observe(reference);
        foreach (var (before, after) in new[] { (1, 1), (1, 2), (2, 1) })
        {
            var resumed = CheckpointSplitRunTests.Restored(nest => Build(nest, model), Path.Combine(_folder, $"{model}-{before}-{after}.nscp"), 47.3, before, after);
            resumed.Simulate(52.6);
            Assert.Equal(expected, CheckpointSplitRunTests.Observe(resumed));
        }
    }

    [Fact]
    public void Approximate_SpikesCarryTheNmdaJump()
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_bw_2001", 1, new() { ["V_m"] = -54.0, ["t_ref"] = 0.0 });
        var recorder = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        var inMs = nest.Create("spike_recorder");
        nest.Connect(neuron, recorder);
        nest.Connect(neuron, inMs);
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 800.0 });
        nest.Connect(dc, neuron);
        Assert.True((bool)nest.GetKernelStatus("off_grid_spiking"));
        nest.Simulate(200.0);

        long[] stamps = Longs(recorder, "times");
        double[] offsets = Doubles(recorder, "offsets"), times = Doubles(inMs, "times");
        Assert.True(stamps.Length >= 3);
        // k_0 = (alpha tau_r)^(tau_r/tau_d) γ(1 - tau_r/tau_d, alpha tau_r) = γ(0.98, 1) (0.648416739116326 by mpmath), k_1 = e^-1 - 1
        double k0 = Math.Pow(1.0, 0.02) * NestSharp.Numerics.GammaFunctions.LowerIncomplete(0.98, 1.0), k1 = Math.Exp(-1.0) - 1.0;
        Assert.Equal(0.648416739116326, k0, 14);
        double pre = 0.0, last = -1.0;
        for (int k = 0; k < stamps.Length; k++)
        {
            double t = stamps[k] * 0.1;
            pre *= Math.Exp(-(t - last) / 100.0);
            double delta = k0 + k1 * pre;
            pre += delta;
            last = t;
            Assert.Equal(delta, offsets[k], 14);
            Assert.Equal(t - delta, times[k], 12); // NEST's spike recorder takes the offset as a time
        }
    }

    [Fact]
    public void Exact_NumbersItsNmdaConnections()
    {
        var nest = new Simulator();
        var pre = nest.Create("iaf_bw_2001_exact", 2);
        var post = nest.Create("iaf_bw_2001_exact", 2);
        nest.Connect(pre, post, syn: new Dictionary<string, object> { ["receptor_type"] = 3L }); // all to all: ports 3, 4
        nest.Connect(pre[0], post[0], syn: new Dictionary<string, object> { ["receptor_type"] = 3L }); // a multapse: port 5
        nest.Connect(pre[0], post[1], syn: new Dictionary<string, object> { ["receptor_type"] = 1L });
        nest.Connect(pre[0], post[1], syn: new Dictionary<string, object> { ["receptor_type"] = 2L });
        var connections = nest.GetConnections(target: post[0]);
        Assert.Equal(new long[] { 3, 5, 4 }, (long[])connections.Get("receptor")); // by source, then in creation order
        connections = nest.GetConnections(target: post[1]);
        Assert.Equal(new long[] { 3, 1, 2, 4 }, (long[])connections.Get("receptor"));

        // a failed call numbers nothing
        Assert.Throws<UnknownNodeException>(() => nest.Connect(pre, nest.Nodes(new[] { 3, 99 }), syn: new Dictionary<string, object> { ["receptor_type"] = 3L }));
        nest.Connect(pre[1], post[1], syn: new Dictionary<string, object> { ["receptor_type"] = 3L });
        Assert.Equal(5L, ((long[])nest.GetConnections(source: pre[1], target: post[1]).Get("receptor")).Max());
    }

    [Fact]
    public void Exact_RequiresConstantWeights()
    {
        var nest = new Simulator();
        var pre = nest.Create("iaf_bw_2001_exact", 1, new() { ["V_m"] = -54.0 });
        var post = nest.Create("iaf_bw_2001_exact");
        nest.Connect(pre, post, syn: new Dictionary<string, object> { ["weight"] = 2.0, ["receptor_type"] = 3L });
        nest.Simulate(10.0);
        nest.GetConnections(source: pre).Set("weight", 3.0);
        nest.Connect(nest.Create("dc_generator", 1, new() { ["amplitude"] = 2000.0 }), pre);
        var error = Assert.Throws<KernelException>(() => nest.Simulate(50.0));
        Assert.Contains("requires constant weights", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void NmdaFromOtherSources_AsNest(string model)
    {
        var nest = new Simulator();
        var neuron = nest.Create(model);
        var other = nest.Create("iaf_cond_exp");
        var generator = nest.Create("poisson_generator");
        var nmda = new Dictionary<string, object> { ["receptor_type"] = 3L };
        if (model == "iaf_bw_2001")
        {
            Assert.Throws<IllegalConnectionException>(() => nest.Connect(other, neuron, syn: nmda));
            Assert.Throws<IllegalConnectionException>(() => nest.Connect(generator, neuron, syn: nmda));
        }
        else
        {
            nest.Connect(other, neuron, syn: nmda); // NEST's exact model takes NMDA spikes from any neuron
            Assert.Throws<NestNotImplementedException>(() => nest.Connect(generator, neuron, syn: nmda));
        }
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(other, neuron, syn: new Dictionary<string, object> { ["receptor_type"] = 4L }));
    }

    [Theory]
    [InlineData("iaf_bw_2001", "V_reset", -50.0)]
    [InlineData("iaf_bw_2001", "C_m", 0.0)]
    [InlineData("iaf_bw_2001", "t_ref", -1.0)]
    [InlineData("iaf_bw_2001", "tau_AMPA", 0.0)]
    [InlineData("iaf_bw_2001", "tau_rise_NMDA", -2.0)]
    [InlineData("iaf_bw_2001", "alpha", 0.0)]
    [InlineData("iaf_bw_2001", "conc_Mg2", 0.0)]
    [InlineData("iaf_bw_2001", "gsl_error_tol", 0.0)]
    [InlineData("iaf_bw_2001_exact", "V_th", -65.0)]
    [InlineData("iaf_bw_2001_exact", "tau_GABA", -1.0)]
    [InlineData("iaf_bw_2001_exact", "tau_decay_NMDA", 0.0)]
    [InlineData("iaf_bw_2001_exact", "alpha", -0.5)]
    public void BadParameter_IsRefused_AndChangesNothing(string model, string key, double value)
    {
        var nest = new Simulator();
        var neuron = nest.Create(model);
        var before = neuron.GetStatus()[0];
        var error = Assert.Throws<BadPropertyException>(() => neuron.Set(new Dictionary<string, object> { [key] = value, ["E_L"] = -65.0 }));
        Assert.Contains(key == "V_th" ? "V_reset" : key, error.Message, StringComparison.Ordinal);
        Assert.Equal(NestJson.ToJson(before), NestJson.ToJson(neuron.GetStatus()[0]));
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults(model, new Dictionary<string, object> { [key] = value }));
    }

    [Fact]
    public void Exact_StatusShowsNoNmdaState()
    {
        var status = new Simulator().GetDefaults("iaf_bw_2001_exact");
        Assert.False(status.ContainsKey("s_NMDA"));
        Assert.False(status.ContainsKey("I_NMDA"));
        Assert.Contains("s_NMDA", (string[])status["recordables"]);
        Assert.True(new Simulator().GetDefaults("iaf_bw_2001").ContainsKey("s_NMDA"));
    }
}
