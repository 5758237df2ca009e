namespace NestSharp.Tests.Models;

/// <summary>
/// The experiment of the NEST comparison tests of the precise iaf models (iaf_psc_exp_ps with its own input spikes), as the Python script that gave
/// NEST 3.10's numbers (/tmp/psm_exp2.py, not in the repository) builds it: the model with I_e 120 pA, t_ref 1.55 ms
/// (so that refractoriness ends off the grid), V_min -80 mV (tau_syn_ex 1.5 and tau_syn_in 3 ms where the model has
/// them); a dc_generator of 1200 pA from 3 to 22 ms; one precise spike_generator per input spike (delay 1 ms) at
/// 1.234, 2.71828, 4.05, 4.9, 6.3333, 9.87654 and three at 11.11 ms with weights 900, -400, 700, 1500, 1200, -2500,
/// 800, 800, -300 (pA; divided by 50, in mV, for the delta model): excitatory and inhibitory spikes off the grid, three
/// at the same time (two equal excitatory ones and an inhibitory one, so the order of their sum does not matter), one
/// arriving while the node is refractory; a voltmeter at 0.1 ms and a spike recorder; 30 ms at resolution 0.1 ms.
/// </summary>
internal static class PreciseIafExperiment
{
    private static readonly (double Time, double Weight)[] InputSpikes =
        [(1.234, 900.0), (2.71828, -400.0), (4.05, 700.0), (4.9, 1500.0), (6.3333, 1200.0), (9.87654, -2500.0), (11.11, 800.0), (11.11, 800.0), (11.11, -300.0)];

    /// <summary>
    /// The voltmeter's V_m, the spike times and the final V_m, the run split at <paramref name="splitAt"/> (ms); with
    /// <paramref name="inputSpikes"/> (time in ms, weight in pA) in place of the spikes above.
    /// </summary>
    public static (double[] Vm, double[] Spikes, double FinalVm) Run(string model, int threads, double[]? splitAt = null,
        (double Time, double Weight)[]? inputSpikes = null)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["resolution"] = 0.1 });
        var parameters = new Dictionary<string, object> { ["I_e"] = 120.0, ["t_ref"] = 1.55, ["V_min"] = -80.0 };
        if (model != "iaf_psc_delta_ps")
        {
            parameters["tau_syn_ex"] = 1.5;
            parameters["tau_syn_in"] = 3.0;
        }
        var neuron = nest.Create(model, 1, parameters);
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 1200.0, ["start"] = 3.0, ["stop"] = 22.0 });
        foreach (var (time, pA) in inputSpikes ?? InputSpikes)
        {
            var sg = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { time } });
            double weight = model == "iaf_psc_delta_ps" ? pA / 50 : pA;
            nest.Connect(sg, neuron, syn: new Dictionary<string, object> { ["weight"] = weight, ["delay"] = 1.0 });
        }
        nest.Connect(dc, neuron);
        var vm = nest.Create("voltmeter", 1, new() { ["interval"] = 0.1 });
        nest.Connect(vm, neuron);
        var sr = nest.Create("spike_recorder");
        nest.Connect(neuron, sr);
        double done = 0.0;
        foreach (double t in splitAt ?? [])
        {
            nest.Simulate(t - done);
            done = t;
        }
        nest.Simulate(30.0 - done);
        var vmEvents = (Dictionary<string, object>)vm.Get("events");
        var spikeEvents = (Dictionary<string, object>)sr.Get("events");
        return ((double[])vmEvents["V_m"], (double[])spikeEvents["times"], (double)neuron.Get("V_m"));
    }

    public static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"value {i}: NestSharp {actual[i]:R}, NEST {expected[i]:R}");
    }
}
