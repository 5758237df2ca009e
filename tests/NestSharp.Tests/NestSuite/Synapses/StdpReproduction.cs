namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// What NEST's testsuite/pytests/synapses/test_stdp_synapse.py and test_stdp_pl_synapse_hom.py share (their classes
/// TestSTDPSynapse and TestSTDPPlSynapse are the same but for the model, its parameters and the rule): the NEST
/// simulation (two neurons driven by Poisson and hard-coded spike trains, the synapse of interest recorded by a
/// weight_recorder) and the self-contained reference of the weight drift, compared at the pre-synaptic spike times.
/// </summary>
public abstract class StdpReproduction
{
    protected double Resolution { get; set; }
    protected double SimulationDuration { get; set; }
    protected string SynapseModel { get; set; } = "";
    protected double PresynapticFiringRate { get; set; }
    protected double PostsynapticFiringRate { get; set; }
    protected double TauPre { get; set; }
    protected double TauPost { get; set; }
    protected double InitWeight { get; set; }
    protected Dictionary<string, object> SynapseParameters { get; set; } = [];
    protected Dictionary<string, object> NeuronParameters { get; set; } = [];
    protected double[] HardcodedPreTimes { get; set; } = [];
    protected double[] HardcodedPostTimes { get; set; } = [];
    protected double HardcodedTrainsLength { get; set; }

    protected double DendriticDelay { get; set; }
    protected double MinDelay { get; set; }
    protected double MaxDelay { get; set; }
    protected string NestNeuronModel { get; set; } = "";

    /// <summary>The model's parameters common to all connections, set with SetDefaults on the recorded copy (power-law STDP only).</summary>
    protected Dictionary<string, object>? SynapseCommonProperties { get; set; }

    /// <summary>The potentiation of the reference rule.</summary>
    protected abstract double Facilitate(double w, double kplus);

    /// <summary>The depression of the reference rule.</summary>
    protected abstract double Depress(double w, double kminus);

    /// <summary>do_nest_simulation_and_compare_to_reproduced_weight.</summary>
    protected void DoNestSimulationAndCompareToReproducedWeight()
    {
        var (preSpikes, postSpikes, tWeightByNest, weightByNest) = DoTheNestSimulation();

        var (tWeightReproducedIndependently, weightReproducedIndependently) = ReproduceWeightDrift(preSpikes, postSpikes, InitWeight);

        // weight_by_nest contains only weight values at pre spike times, weight_reproduced_independently contains the
        // weight at pre *and* post times: check that weights are equal only for pre spike times
        Assert.True(weightByNest.Length > 0);

        var kept = Enumerable.Range(0, tWeightByNest.Length).Where(j => tWeightByNest[j] < SimulationDuration).ToArray();
        foreach (int j in kept)
        {
            // difference_matrix column j; its argmin over the reproduced times (the first on ties)
            int best = 0;
            for (int r = 1; r < tWeightReproducedIndependently.Length; r++)
            {
                if (Math.Abs(tWeightByNest[j] - tWeightReproducedIndependently[r]) < Math.Abs(tWeightByNest[j] - tWeightReproducedIndependently[best]))
                    best = r;
            }
            double timeDifference = tWeightByNest[j] - tWeightReproducedIndependently[best];
            // make sure all spike times are equal (assert_allclose(.., 0, atol=1e-07))
            Assert.True(Math.Abs(timeDifference) <= 1e-7, $"spike time {tWeightByNest[j]}: nearest reproduced {tWeightReproducedIndependently[best]}");
            // make sure the weights after the pre_spikes times are equal (assert_allclose, rtol=1e-07)
            double desired = weightReproducedIndependently[best];
            Assert.True(Math.Abs(weightByNest[j] - desired) <= 1e-7 * Math.Abs(desired),
                $"weight at {tWeightByNest[j]}: {weightByNest[j]} vs reproduced {desired}");
        }
    }

    /// <summary>do_the_nest_simulation: the generated pre- and post-synaptic spike trains and the weights the weight_recorder recorded.</summary>
    private (double[] Pre, double[] Post, double[] THist, double[] Weight) DoTheNestSimulation()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new()
        {
            ["resolution"] = Resolution,
            ["min_delay"] = Math.Min(MinDelay, DendriticDelay),
            ["max_delay"] = Math.Max(MaxDelay, DendriticDelay),
        });

        var neurons = nest.Create(NestNeuronModel, 2, NeuronParameters);
        var (presynapticNeuron, postsynapticNeuron) = (neurons[0], neurons[1]);

        var generators = nest.Create("poisson_generator",
        [
            new() { ["rate"] = PresynapticFiringRate, ["stop"] = SimulationDuration - HardcodedTrainsLength },
            new() { ["rate"] = PostsynapticFiringRate, ["stop"] = SimulationDuration - HardcodedTrainsLength },
        ]);
        var presynapticGenerator = generators[0];
        var postsynapticGenerator = generators[1];

        var wr = nest.Create("weight_recorder");
        nest.CopyModel(SynapseModel, SynapseModel + "_rec", new() { ["weight_recorder"] = wr });

        var spikeSenders = nest.Create("spike_generator",
        [
            new() { ["spike_times"] = HardcodedPreTimes.Select(t => t + SimulationDuration - HardcodedTrainsLength).ToArray() },
            new() { ["spike_times"] = HardcodedPostTimes.Select(t => t + SimulationDuration - HardcodedTrainsLength).ToArray() },
        ]);

        var preSpikeGenerator = spikeSenders[0];
        var postSpikeGenerator = spikeSenders[1];

        // The recorder is to save the randomly generated spike trains.
        var spikeRecorder = nest.Create("spike_recorder");

        nest.Connect(presynapticGenerator + preSpikeGenerator, presynapticNeuron,
            syn: new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = 3000.0 });
        nest.Connect(postsynapticGenerator + postSpikeGenerator, postsynapticNeuron,
            syn: new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = 3000.0 });
        nest.Connect(presynapticNeuron + postsynapticNeuron, spikeRecorder, syn: new Dictionary<string, object> { ["synapse_model"] = "static_synapse" });

        // The synapse of interest itself
        if (SynapseCommonProperties is { } common) nest.SetDefaults(SynapseModel + "_rec", common);
        var synapseParameters = new Dictionary<string, object>(SynapseParameters) { ["synapse_model"] = SynapseModel + "_rec" };
        nest.Connect(presynapticNeuron, postsynapticNeuron, syn: synapseParameters);

        nest.Simulate(SimulationDuration);

        var allSpikes = (Dictionary<string, object>)spikeRecorder.Get("events");
        var times = (double[])allSpikes["times"];
        var senders = (long[])allSpikes["senders"];
        var preSpikes = times.Where((_, i) => senders[i] == presynapticNeuron.Ids[0]).ToArray();
        var postSpikes = times.Where((_, i) => senders[i] == postsynapticNeuron.Ids[0]).ToArray();

        var weightEvents = (Dictionary<string, object>)wr.Get("events");
        return (preSpikes, postSpikes, (double[])weightEvents["times"], (double[])weightEvents["weights"]);
    }

    /// <summary>reproduce_weight_drift: the independent, self-contained model of the rule; the weight after each pre and post spike.</summary>
    private (double[] T, double[] W) ReproduceWeightDrift(double[] preSpikes, double[] postSpikes, double initialWeight)
    {
        const double eps = 1e-6;
        double t = 0.0;
        int idxNextPreSpike = 0;
        int idxNextPostSpike = 0;
        double tLastPreSpike = -1;
        double tLastPostSpike = -1;

        double kplus = 0.0;
        double kminus = 0.0;
        double weight = initialWeight;

        var tLog = new List<double>();
        var wLog = new List<double>();

        // Make sure only spikes that were relevant for simulation are actually considered in the test
        // For pre-spikes that will be all spikes with: t_pre < sim_duration
        preSpikes = preSpikes.Where(s => s + eps < SimulationDuration).ToArray();
        // For post-spikes that will be all spikes with: t_post + d_dend <= latest_pre_spike
        double lastPre = preSpikes[^1];
        postSpikes = postSpikes.Where(s => s + DendriticDelay <= lastPre + eps).ToArray();
        var postSpikesDelayed = postSpikes.Select(s => s + DendriticDelay).ToArray();

        while (idxNextPreSpike < preSpikes.Length || idxNextPostSpike < postSpikesDelayed.Length)
        {
            double tNextPreSpike = idxNextPreSpike >= preSpikes.Length ? -1 : preSpikes[idxNextPreSpike];
            double tNextPostSpike = idxNextPostSpike >= postSpikesDelayed.Length ? -1 : postSpikesDelayed[idxNextPostSpike];

            bool handlePreSpike, handlePostSpike;
            if (tNextPostSpike >= 0 && (tNextPostSpike + eps < tNextPreSpike || tNextPreSpike < 0))
            {
                handlePreSpike = false;
                handlePostSpike = true;
                idxNextPostSpike++;
            }
            else if (tNextPreSpike >= 0 && (tNextPostSpike > tNextPreSpike + eps || tNextPostSpike < 0))
            {
                handlePreSpike = true;
                handlePostSpike = false;
                idxNextPreSpike++;
            }
            else
            {
                // simultaneous spikes (both true) or no more spikes to process (both false)
                handlePreSpike = tNextPreSpike >= 0;
                handlePostSpike = tNextPostSpike >= 0;
                idxNextPreSpike++;
                idxNextPostSpike++;
            }

            // integrate to min(t_next_pre_spike, t_next_post_spike)
            double tNext = t;
            if (handlePreSpike) tNext = Math.Max(t, tNextPreSpike);
            if (handlePostSpike) tNext = Math.Max(t, tNextPostSpike);

            if (tNext == t)
            {
                // no more spikes to process
                tNext = SimulationDuration;
            }

            double h = tNext - t;
            kplus *= Math.Exp(-h / TauPre);
            kminus *= Math.Exp(-h / TauPost);
            t = tNext;

            if (handlePostSpike)
            {
                if (!handlePreSpike || Math.Abs(tNextPostSpike - tLastPostSpike) > eps)
                {
                    if (Math.Abs(tNextPostSpike - tLastPreSpike) > eps) weight = Facilitate(weight, kplus);
                }
            }

            if (handlePreSpike)
            {
                if (!handlePostSpike || Math.Abs(tNextPreSpike - tLastPreSpike) > eps)
                {
                    if (Math.Abs(tNextPreSpike - tLastPostSpike) > eps) weight = Depress(weight, kminus);
                }
                tLastPreSpike = tNextPreSpike;
                kplus += 1.0;
            }

            if (handlePostSpike)
            {
                tLastPostSpike = tNextPostSpike;
                kminus += 1.0;
            }

            // logging
            tLog.Add(t);
            wLog.Add(weight);
        }

        return ([.. tLog], [.. wLog]);
    }
}
