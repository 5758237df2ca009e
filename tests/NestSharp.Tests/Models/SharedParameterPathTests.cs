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

    /// <summary>
    /// A group no generator sends currents into skips reading its current inputs (they hold zeros); that must give
    /// bitwise what the path reading them gives. Here the same network once without a current generator and once with
    /// one whose amplitude is 0 (so its inputs are read).
    /// </summary>
    [Theory]
    [InlineData("iaf_psc_alpha", 0)]
    [InlineData("iaf_psc_exp", 0)]
    [InlineData("iaf_psc_exp", 1)]
    public void GroupWithoutCurrentInput_IsBitwiseEqualToReadingZeroCurrents(string model, int receptor)
    {
        var without = RunWithCurrentSource(model, receptor, connectAt: null, amplitudes: (0.0, 0.0));
        var zeroCurrent = RunWithCurrentSource(model, receptor, connectAt: 0, amplitudes: (0.0, 0.0));
        Assert.True(without.Times.Length > 100, $"only {without.Times.Length} spikes");
        Assert.Equal(zeroCurrent.Senders, without.Senders);
        Assert.Equal(zeroCurrent.Times, without.Times);
        Assert.Equal(zeroCurrent.V, without.V);
    }

    /// <summary>
    /// A current generator connected between two runs reaches a group that ran the first run without reading its
    /// current inputs: the same as a generator connected from the start that sends 0 in the first run.
    /// </summary>
    [Theory]
    [InlineData("iaf_psc_alpha", 0)]
    [InlineData("iaf_psc_exp", 0)]
    [InlineData("iaf_psc_exp", 1)]
    public void CurrentGeneratorConnectedBetweenRuns_IsRead(string model, int receptor)
    {
        var fromStart = RunWithCurrentSource(model, receptor, connectAt: 0, amplitudes: (0.0, 400.0));
        var betweenRuns = RunWithCurrentSource(model, receptor, connectAt: 1, amplitudes: (0.0, 400.0));
        var never = RunWithCurrentSource(model, receptor, connectAt: null, amplitudes: (0.0, 0.0));
        Assert.Equal(fromStart.Senders, betweenRuns.Senders);
        Assert.Equal(fromStart.Times, betweenRuns.Times);
        Assert.Equal(fromStart.V, betweenRuns.V);
        Assert.NotEqual(never.Times.Length, betweenRuns.Times.Length);
    }

    /// <summary>
    /// 40 neurons with Poisson input in two runs of 60 ms; a dc_generator (created after everything else, so node ids
    /// do not depend on when) sends amplitudes.First in the first run and amplitudes.Second in the second, connected
    /// before run <paramref name="connectAt"/> (0 or 1) or never.
    /// </summary>
    private static (double[] V, long[] Senders, double[] Times) RunWithCurrentSource(
        string model, int receptor, int? connectAt, (double First, double Second) amplitudes)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 7L });
        var neurons = nest.Create(model, 40, new() { ["I_e"] = 150.0, ["tau_syn_ex"] = 2.0, ["tau_syn_in"] = 2.0 });
        neurons.Set("V_m", nest.Random.Uniform(-70.0, -55.0));
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 8000.0 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = 40.0 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(neurons, sr);
        NodeCollection? dc = null;
        for (int run = 0; run < 2; run++)
        {
            if (connectAt == run)
            {
                dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = run == 0 ? amplitudes.First : amplitudes.Second });
                nest.Connect(dc, neurons, syn: new Dictionary<string, object> { ["receptor_type"] = receptor });
            }
            else if (dc is not null)
            {
                dc.Set("amplitude", amplitudes.Second);
            }
            nest.Simulate(60.0);
        }
        var events = (Dictionary<string, object>)sr.Get("events");
        return (neurons.GetValues<double>("V_m"), (long[])events["senders"], (double[])events["times"]);
    }
}
