using System.Globalization;

namespace NestSharp.Tests.Models;

/// <summary>
/// The lane-parallel RKF45 update (four neurons per SIMD lane group, each lane with its own adaptive steps) gives
/// every neuron bit for bit the state and spikes it gets when it is simulated alone (a group of one neuron, which the
/// scalar integrator steps). The neurons of the group differ in parameters (C_m, t_ref), current input and spike input,
/// so that their lanes take different inner step sequences: some fire and are refractory while their neighbours are
/// not, some receive large conductance jumps that force rejected steps. The Hodgkin-Huxley models run their lanes with
/// the vector exponential (<see cref="NestSharp.Numerics.LaneExp"/>); their refractoriness only blocks the spike
/// detection, so a neuron whose t_ref is counted down wrongly in its lane spikes at other times than alone. With
/// shared parameters, neighbours have one parameter row and begin and end their step together (the inputs still
/// differ), which is the path of a network of one population.
/// </summary>
public sealed class Rkf45LaneTests
{
    /// <summary>Neurons in the group: four full lane groups per thread with 2 threads, and a remainder stepped alone.</summary>
    private const int Neurons = 18;

    private const double Interval = 10.0;
    private const int Intervals = 6;

    public static TheoryData<string, int, bool> Models()
    {
        var rows = new TheoryData<string, int, bool>();
        foreach (int threads in (int[])[1, 2])
        {
            foreach (var model in (string[])["iaf_cond_exp", "iaf_cond_exp_sfa_rr", "iaf_cond_alpha", "iaf_cond_beta", "hh_psc_alpha", "hh_cond_exp_traub"])
            {
                rows.Add(model, threads, false);
                rows.Add(model, threads, true);
            }
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryNeuronOfTheGroup_EndsBitwiseAsWhenSimulatedAlone(string model, int threads, bool sharedParameters)
    {
        string[] keys = StateKeys(model);
        var group = new Network(model, Enumerable.Range(0, Neurons).ToArray(), threads, sharedParameters);
        var alone = Enumerable.Range(0, Neurons).Select(k => new Network(model, [k], 1, sharedParameters)).ToArray();

        for (int interval = 1; interval <= Intervals; interval++)
        {
            group.Simulator.Simulate(Interval);
            foreach (var network in alone) network.Simulator.Simulate(Interval);
            foreach (string key in keys)
            {
                double[] values = group.Neurons.GetValues<double>(key);
                for (int k = 0; k < Neurons; k++)
                {
                    double expected = alone[k].Neurons.GetValues<double>(key)[0];
                    Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(values[k]),
                        string.Create(CultureInfo.InvariantCulture, $"{model}, {threads} threads, shared {sharedParameters}, neuron {k}, {key} at {interval * Interval} ms: {values[k]:R} in the group, {expected:R} alone"));
                }
            }
        }

        double[][] groupSpikes = group.SpikeTimesPerNeuron();
        int firing = 0, silent = 0;
        for (int k = 0; k < Neurons; k++)
        {
            Assert.Equal(alone[k].SpikeTimesPerNeuron()[0], groupSpikes[k]);
            if (groupSpikes[k].Length > 0) firing++;
            else silent++;
        }
        // Lanes diverge: some neurons fire while others in the same lane group do not.
        Assert.True(firing >= 2 && silent >= 2, $"{firing} neurons fired, {silent} did not");
    }

    private static string[] StateKeys(string model) => model switch
    {
        "iaf_cond_exp" => ["V_m", "g_ex", "g_in"],
        "iaf_cond_exp_sfa_rr" => ["V_m", "g_ex", "g_in", "g_sfa", "g_rr"],
        // The synaptic currents and conductances of these models are not in the status; they act on V_m.
        "hh_psc_alpha" or "hh_cond_exp_traub" => ["V_m", "Act_m", "Inact_h", "Act_n"],
        _ => ["V_m", "g_ex", "dg_ex", "g_in", "dg_in"],
    };

    /// <summary>
    /// The stimulus of a model: the smallest direct current and its increment (pA), which span from below to above
    /// the rheobase, and the unit of the spike weights (nS or pA).
    /// </summary>
    private static (double Current, double CurrentStep, double Weight) StimulusOf(string model) => model switch
    {
        "hh_psc_alpha" => (0.0, 60.0, 40.0),
        "hh_cond_exp_traub" => (-200.0, 40.0, 0.5),
        _ => (100.0, 45.0, 2.0),
    };

    /// <summary>Some neurons of the test set (given by their indices), one group, each with its own generators.</summary>
    private sealed class Network
    {
        public Simulator Simulator { get; } = new();
        public NodeCollection Neurons { get; }
        private readonly NodeCollection _recorder;

        public Network(string model, int[] indices, int threads, bool sharedParameters)
        {
            Simulator.SetKernelStatus(new() { ["resolution"] = 0.1, ["local_num_threads"] = threads, ["print_time"] = false });
            Neurons = Simulator.Create(model, indices.Length);
            Neurons.Set(indices.Select(k => ParametersOf(model, sharedParameters ? 1 : k)).ToList());
            _recorder = Simulator.Create("spike_recorder");
            Simulator.Connect(Neurons, _recorder);
            var stimulus = StimulusOf(model);
            for (int i = 0; i < indices.Length; i++)
            {
                int k = indices[i];
                var target = Neurons[i..(i + 1)];
                // Currents from below to well above the rheobase.
                double amplitude = stimulus.Current + stimulus.CurrentStep * (k % 9);
                Simulator.Connect(Simulator.Create("dc_generator", 1, new() { ["amplitude"] = amplitude }), target);
                // Spike input at times and weights that differ from neuron to neuron; every fifth neuron gets large jumps.
                double scale = stimulus.Weight * (k % 5 == 4 ? 8.0 : 1.0);
                var times = Enumerable.Range(0, 40).Select(m => Math.Round(0.3 + 0.1 * k + 1.4 * m + 0.1 * (m * k % 7), 1)).Distinct().ToArray();
                var weights = times.Select((_, m) => m % 3 == 2 ? -2.5 * scale : scale).ToArray();
                Simulator.Connect(Simulator.Create("spike_generator", 1, new() { ["spike_times"] = times, ["spike_weights"] = weights }), target);
            }
        }

        /// <summary>
        /// The parameters of neuron <paramref name="k"/>: C_m and t_ref differ between neighbours (the Hodgkin-Huxley
        /// models' t_ref up to several milliseconds, so that it blocks the detection of some peaks).
        /// </summary>
        private static Dictionary<string, object> ParametersOf(string model, int k) => new()
        {
            ["C_m"] = (model.StartsWith("hh_", StringComparison.Ordinal) ? 100.0 : 250.0) + 7.0 * (k % 4),
            ["t_ref"] = k % 3 == 0 ? 0.0 : (model.StartsWith("hh_", StringComparison.Ordinal) ? 4.0 : 0.7) * (k % 3),
        };

        /// <summary>The spike times of each neuron of the group, in its order.</summary>
        public double[][] SpikeTimesPerNeuron()
        {
            var events = (Dictionary<string, object>)_recorder.Get("events");
            var senders = (long[])events["senders"];
            var times = (double[])events["times"];
            return Neurons.Ids
                .Select(id => Enumerable.Range(0, senders.Length).Where(e => senders[e] == id).Select(e => times[e]).Order().ToArray())
                .ToArray();
        }
    }
}
