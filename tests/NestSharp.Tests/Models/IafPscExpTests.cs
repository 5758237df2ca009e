namespace NestSharp.Tests.Models;

public sealed class IafPscExpTests
{
    /// <summary>
    /// Runs 101 neurons with noise and a step current on the filtered current input (receptor 1); with
    /// <paramref name="uniform"/> false every node gets its own tau_minus (which does not enter the membrane dynamics),
    /// so the group leaves the vectorised shared-parameter path for the per-node one.
    /// </summary>
    private static (double[] V, long[] Senders, double[] Times) Run(bool uniform, int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 99L });
        var neurons = nest.Create("iaf_psc_exp", 101, new()
        {
            ["C_m"] = 250.0, ["tau_m"] = 20.0, ["tau_syn_ex"] = 2.0, ["tau_syn_in"] = 3.0, ["t_ref"] = 2.0,
            ["E_L"] = -65.0, ["V_reset"] = -70.0, ["V_th"] = -50.0, ["I_e"] = 100.0,
        });
        neurons.Set("tau_minus", Enumerable.Range(0, 101).Select(i => uniform ? 20.0 : 20.0 + i).ToArray());
        neurons.Set("V_m", nest.Random.Uniform(-70.0, -50.0));
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 9000.0 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = 60.0 });
        // The second current input (receptor 1 of iaf_psc_exp, filtered by the excitatory synapse) takes a step current.
        var step = nest.Create("step_current_generator", 1, new() { ["amplitude_times"] = new[] { 50.0, 120.0 }, ["amplitude_values"] = new[] { 80.0, -40.0 } });
        nest.Connect(step, neurons, syn: new Dictionary<string, object> { ["receptor_type"] = 1 });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(10), new Dictionary<string, object> { ["weight"] = -30.0, ["delay"] = 1.2 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(neurons, sr);
        nest.Simulate(200.0);
        var events = (Dictionary<string, object>)sr.Get("events");
        return (neurons.GetValues<double>("V_m"), (long[])events["senders"], (double[])events["times"]);
    }

    [Fact]
    public void SharedParameterPath_IsBitwiseEqualToPerNodePath()
    {
        var shared = Run(uniform: true, threads: 1);
        var perNode = Run(uniform: false, threads: 1);
        Assert.True(shared.Times.Length > 500, $"only {shared.Times.Length} spikes");
        Assert.Equal(perNode.Senders, shared.Senders);
        Assert.Equal(perNode.Times, shared.Times);
        Assert.Equal(perNode.V, shared.V);
    }

    [Fact]
    public void Results_AreBitwiseEqualForAnyThreadCount()
    {
        var one = Run(uniform: true, threads: 1);
        foreach (int threads in new[] { 2, 3 })
        {
            var many = Run(uniform: true, threads);
            Assert.Equal(one.Senders, many.Senders);
            Assert.Equal(one.Times, many.Times);
            Assert.Equal(one.V, many.V);
        }
    }
}
