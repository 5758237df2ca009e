namespace NestSharp.Tests.Models;

/// <summary>
/// iaf_psc_alpha and iaf_psc_exp step nodes that share one parameter set four at a time with 256-bit vectors; that path
/// must give bitwise what the per-node path gives, and neither may depend on the number of threads.
/// </summary>
public sealed class SharedParameterPathTests
{
    /// <summary>
    /// Runs 101 neurons with noise; with <paramref name="uniform"/> false every node gets its own tau_minus (which does
    /// not enter the membrane dynamics), so the group leaves the vectorised shared-parameter path for the per-node one.
    /// With <paramref name="filteredCurrent"/> a step current goes to receptor 1 (iaf_psc_exp's current input filtered
    /// by the excitatory synapse).
    /// </summary>
    private static (double[] V, long[] Senders, double[] Times) Run(
        string model, double tauSynEx, double tauSynIn, bool filteredCurrent, bool uniform, int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 99L });
        var neurons = nest.Create(model, 101, new()
        {
            ["C_m"] = 250.0, ["tau_m"] = 20.0, ["tau_syn_ex"] = tauSynEx, ["tau_syn_in"] = tauSynIn, ["t_ref"] = 2.0,
            ["E_L"] = -65.0, ["V_reset"] = -70.0, ["V_th"] = -50.0, ["I_e"] = 100.0,
        });
        neurons.Set("tau_minus", Enumerable.Range(0, 101).Select(i => uniform ? 20.0 : 20.0 + i).ToArray());
        neurons.Set("V_m", nest.Random.Uniform(-70.0, -50.0));
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 9000.0 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = 60.0 });
        if (filteredCurrent)
        {
            var step = nest.Create("step_current_generator", 1, new() { ["amplitude_times"] = new[] { 50.0, 120.0 }, ["amplitude_values"] = new[] { 80.0, -40.0 } });
            nest.Connect(step, neurons, syn: new Dictionary<string, object> { ["receptor_type"] = 1 });
        }
        nest.Connect(neurons, neurons, Rule.FixedIndegree(10), new Dictionary<string, object> { ["weight"] = -30.0, ["delay"] = 1.2 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(neurons, sr);
        nest.Simulate(200.0);
        var events = (Dictionary<string, object>)sr.Get("events");
        return (neurons.GetValues<double>("V_m"), (long[])events["senders"], (double[])events["times"]);
    }

    [Theory]
    [InlineData("iaf_psc_alpha", 0.5, 0.5, false)]
    [InlineData("iaf_psc_exp", 2.0, 3.0, true)]
    public void SharedParameterPath_IsBitwiseEqualToPerNodePath(string model, double tauSynEx, double tauSynIn, bool filteredCurrent)
    {
        var shared = Run(model, tauSynEx, tauSynIn, filteredCurrent, uniform: true, threads: 1);
        var perNode = Run(model, tauSynEx, tauSynIn, filteredCurrent, uniform: false, threads: 1);
        Assert.True(shared.Times.Length > 500, $"only {shared.Times.Length} spikes");
        Assert.Equal(perNode.Senders, shared.Senders);
        Assert.Equal(perNode.Times, shared.Times);
        Assert.Equal(perNode.V, shared.V);
    }

    [Theory]
    [InlineData("iaf_psc_alpha", 0.5, 0.5, false)]
    [InlineData("iaf_psc_exp", 2.0, 3.0, true)]
    public void Results_AreBitwiseEqualForAnyThreadCount(string model, double tauSynEx, double tauSynIn, bool filteredCurrent)
    {
        var one = Run(model, tauSynEx, tauSynIn, filteredCurrent, uniform: true, threads: 1);
        foreach (int threads in new[] { 2, 3 })
        {
            var many = Run(model, tauSynEx, tauSynIn, filteredCurrent, uniform: true, threads);
            Assert.Equal(one.Senders, many.Senders);
            Assert.Equal(one.Times, many.Times);
            Assert.Equal(one.V, many.V);
        }
    }
}
