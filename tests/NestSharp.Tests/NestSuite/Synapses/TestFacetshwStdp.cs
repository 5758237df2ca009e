namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_facetshw_stdp.py (FacetsTestCase): the accumulation of spike pairs and the
/// weight update of stdp_facetshw_synapse_hom between two parrot neurons, pairs every 100 ms, a look-up table update
/// every 36 pairs.
/// </summary>
public sealed class TestFacetshwStdp
{
    private readonly Simulator _nest = new();

    /// <summary>np.allclose(a, b, atol): |a - b| &lt;= atol + 1e-5·|b|.</summary>
    private static bool AllClose(double a, double b, double atol) => Math.Abs(a - b) <= atol + (1e-5 * Math.Abs(b));

    // NEST: testsuite/pytests/synapses/test_facetshw_stdp.py::FacetsTestCase::test_facetshw_stdp
    [Fact]
    public void Test_facetshw_stdp()
    {
        const string ModelName = "stdp_facetshw_synapse_hom";

        // homogeneous parameters for all synapses
        const double Wmax = 100.0;

        // see *.cpp file of synapse model and Pfeil et al. 2012 for LUT configuration
        long[] lut0 = [2, 3, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 14, 15];
        long[] lut1 = [0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 12, 13];
        long[] lut2 = [.. Enumerable.Range(0, 16).Select(i => (long)i)]; // identity
        long[] config0 = [0, 0, 1, 0];
        long[] config1 = [0, 1, 0, 0];
        long[] resetPattern = [.. Enumerable.Repeat(1L, 6)]; // reset all

        // individual parameters for each synapse
        // reached every 36 runs (e^(-10/20) = 21.83510375)
        const double LutThCausal = 21.835;
        const double LutThAcausal = LutThCausal;

        // other parameters
        const int StartWeight = 0; // as digital value [0, 1, ..., 15]
        const double Tau = 20.0;

        const double TimeBetweenPairs = 100.0;
        // frequency_of_pairs = 10Hz => delta_t(+) = 10ms, delta_t(-) = 90ms
        const double Delay = 5.0;
        double[] spikesIn = [.. Enumerable.Range(0, 600).Select(i => 10.0 + (i * TimeBetweenPairs))];

        var synapseDict = new Dictionary<string, object>
        {
            ["tau_plus"] = Tau,
            ["tau_minus_stdp"] = Tau,
            ["Wmax"] = Wmax,
            ["synapses_per_driver"] = 50L,
            ["driver_readout_time"] = 15.0,
            ["lookuptable_0"] = lut0,
            ["lookuptable_1"] = lut1,
            ["lookuptable_2"] = lut2,
            ["configbit_0"] = config0,
            ["configbit_1"] = config1,
            ["reset_pattern"] = resetPattern,
            ["a_thresh_th"] = LutThCausal,
            ["a_thresh_tl"] = LutThAcausal,
        };

        // build network
        var stim = _nest.Create("spike_generator", 1, new() { ["spike_times"] = spikesIn });
        var neuronA = _nest.Create("parrot_neuron");
        var neuronB = _nest.Create("parrot_neuron");

        _nest.SetDefaults(ModelName, synapseDict);

        // check if GetDefaults returns same values as have been set
        var synapseDictGet = _nest.GetDefaults(ModelName);
        foreach (var (key, value) in synapseDict)
        {
            if (value is long[] array) Assert.Equal(array, (long[])synapseDictGet[key]);
            else Assert.Equal(Convert.ToDouble(value), Convert.ToDouble(synapseDictGet[key]));
        }

        _nest.Connect(stim, neuronA);
        _nest.Connect(neuronA, neuronB, syn: new Dictionary<string, object>
        {
            ["weight"] = StartWeight / 15.0 * Wmax, ["delay"] = Delay, ["synapse_model"] = ModelName,
        });

        _nest.Simulate(50.0);
        var weightTrace = new List<(int Run, double Weight, double ACausal, double AAcausal)>();
        for (int run = 0; run < spikesIn.Length; run++)
        {
            _nest.Simulate(TimeBetweenPairs);

            var connections = _nest.GetConnections(neuronA);
            if ((string)connections.Get("synapse_model") == ModelName)
            {
                weightTrace.Add((run, (double)connections.Get("weight"), (double)connections.Get("a_causal"), (double)connections.Get("a_acausal")));
            }
        }

        // analysis
        // just before theoretical updates
        var weightTraceMod36Pre = weightTrace.Where((_, i) => i >= 35 && (i - 35) % 36 == 0).ToList();

        // just after theoretical updates
        var weightTraceMod36 = weightTrace.Where((_, i) => i % 36 == 0).ToList();

        long weightIndex = StartWeight;
        foreach (var row in weightTraceMod36Pre)
        {
            // check weight value before update
            // (after spike pair with index 35, 71, ...)
            Assert.True(AllClose(row.Weight, 1.0 / 15.0 * weightIndex * Wmax, 1e-6));
            weightIndex = lut0[weightIndex];
        }

        weightIndex = StartWeight;
        foreach (var row in weightTraceMod36)
        {
            // check weight value after update
            // (after spike pair with index 0, 36, 72, ...)
            Assert.True(AllClose(row.Weight, 1.0 / 15.0 * weightIndex * Wmax, 1e-6));
            // check charge on causal capacitor
            Assert.True(AllClose(row.ACausal, Math.Exp(-2 * Delay / Tau), 1e-6));
            weightIndex = lut0[weightIndex];
        }

        // check charge on anti-causal capacitor after each pair
        for (int i = 0; i < weightTrace.Count - 1; i++)
        {
            // TODO: global params
            Assert.True(AllClose(weightTrace[i].AAcausal, ((i % 36) + 1) * Math.Exp(-(TimeBetweenPairs - (2 * Delay)) / Tau), 1e-6));
        }
    }
}
