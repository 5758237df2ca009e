using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_tsodyks2_synapse.py: the weights a tsodyks2_synapse transmits (recorded by a
/// weight_recorder) for a Poisson spike train equal those of the model's equations evaluated independently, step by
/// step, at the recorded pre-synaptic spike times.
/// </summary>
public sealed class TestTsodyks2Synapse
{
    private const double Resolution = 0.1; // [ms]
    private const double PresynapticFiringRate = 20.0; // [spks/s]
    private const double SimulationDuration = 1e3; // [ms]
    private const double HardcodedTrainsLength = 15.0; // [ms]

    private static Dictionary<string, object> SynapseParameters(double tauFac) => new()
    {
        ["synapse_model"] = "tsodyks2_synapse_rec",
        ["receptor_type"] = 1,
        ["delay"] = Resolution,
        ["U"] = 1.0,
        ["u"] = 1.0,
        ["x"] = 1.0,
        ["tau_rec"] = 100.0,
        ["tau_fac"] = tauFac,
        ["weight"] = 1.0, // maximal possible response (absolute synaptic efficacy)
    };

    // NEST: testsuite/pytests/synapses/test_tsodyks2_synapse.py::TestTsodyks2Synapse::test_tsodyk2_synapse
    [Theory]
    [InlineData(0.0)]
    [InlineData(10.0)]
    public void Test_tsodyk2_synapse(double tauFac)
    {
        var synapseParameters = SynapseParameters(tauFac);
        var (preSpikes, weightByNest) = DoTheNestSimulation(synapseParameters);
        var weightReproducedIndependently = ReproduceWeightDrift(preSpikes, synapseParameters, absoluteWeight: (double)synapseParameters["weight"]);

        Assert.NotEmpty(weightByNest);
        Assert.Equal(weightReproducedIndependently.Count, weightByNest.Length);
        for (int i = 0; i < weightByNest.Length; i++)
        {
            Assert.True(Math.Abs(weightReproducedIndependently[i] - weightByNest[i]) <= 1e-12 + 1e-7 * Math.Abs(weightByNest[i]),
                $"weight {i}: reproduced {weightReproducedIndependently[i]:R}, NestSharp {weightByNest[i]:R}");
        }
    }

    /// <summary>The calls to the simulator: the pre-synaptic spike times and the weights the tsodyks2 synapse transmitted.</summary>
    private static (double[] PreSpikes, double[] Weights) DoTheNestSimulation(Dictionary<string, object> synapseParameters)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = Resolution });

        var neurons = nest.Create("parrot_neuron", 2);
        var presynapticNeuron = neurons[0];
        var postsynapticNeuron = neurons[1];
        var presynapticGenerator = nest.Create("poisson_generator", 1, new()
        {
            ["rate"] = PresynapticFiringRate,
            ["stop"] = SimulationDuration - HardcodedTrainsLength,
        });
        var spikeRecorder = nest.Create("spike_recorder");

        nest.Connect(presynapticGenerator, presynapticNeuron, syn: new Dictionary<string, object> { ["synapse_model"] = "static_synapse" });
        nest.Connect(presynapticNeuron + postsynapticNeuron, spikeRecorder, syn: new Dictionary<string, object> { ["synapse_model"] = "static_synapse" });
        // The synapse of interest itself
        var wr = nest.Create("weight_recorder");
        nest.CopyModel("tsodyks2_synapse", "tsodyks2_synapse_rec", new() { ["weight_recorder"] = wr });
        nest.Connect(presynapticNeuron, postsynapticNeuron, syn: synapseParameters);

        nest.Simulate(SimulationDuration);

        var senders = Longs(spikeRecorder, "senders");
        var times = Doubles(spikeRecorder, "times");
        double[] preSpikes = [.. times.Where((_, i) => senders[i] == presynapticNeuron.Ids[0])];
        return (preSpikes, Doubles(wr, "weights"));
    }

    /// <summary>
    /// The weights computed outside the simulator, imitating a step-based simulation: evolving time, the weight is
    /// updated when the time equals one of the spike moments (at the exact spike time).
    /// </summary>
    private static List<double> ReproduceWeightDrift(double[] preSpikes, Dictionary<string, object> synapseParameters, double absoluteWeight = 1.0)
    {
        double U = (double)synapseParameters["U"], tauRec = (double)synapseParameters["tau_rec"], tauFac = (double)synapseParameters["tau_fac"];
        // These are defined just for convenience; STDP is evaluated on exact times nonetheless.
        var preSpikesForcedToGrid = preSpikes.Select(t => (long)(t / Resolution)).ToList();
        long nSteps = 1 + (long)Math.Ceiling(SimulationDuration / Resolution);
        var wLog = new List<double>();

        double tLastspike = -1.0;
        double r = 1.0; // fraction of synaptic resources available for transmission in the range [0..1]
        double u = U;
        for (long step = 0; step < nSteps; step++)
        {
            int index = preSpikesForcedToGrid.IndexOf(step);
            if (index < 0) continue;
            // A presynaptic spike occurred now; adjusting the current time to make it exact.
            double tSpike = preSpikes[index];
            if (tLastspike >= 0.0)
            {
                // Evaluating the depression rule.
                double h = tSpike - tLastspike;
                double rDecay = Math.Exp(-h / tauRec);
                double uDecay = tauFac == 0 ? 0.0 : Math.Exp(-h / tauFac); // tau_fac == 0 disables facilitation
                r = 1.0 + (r - r * u - 1.0) * rDecay;
                u = U + u * (1.0 - U) * uDecay;
            }
            wLog.Add(r * u * absoluteWeight);
            tLastspike = tSpike;
        }
        return wLog;
    }
}
