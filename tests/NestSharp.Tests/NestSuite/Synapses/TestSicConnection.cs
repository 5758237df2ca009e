namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_sic_connection.py: sic_connection joins astrocyte_lr_1994 to
/// aeif_cond_alpha_astro only (every other pair of the three test models is refused), and the neuron's I_SIC is the
/// astrocyte's slow inward current of one delay before, ln((Ca_astro - SIC_th)·1000) above the threshold.
/// </summary>
public sealed class TestSicConnection
{
    private static readonly string[] SupportedSources = ["astrocyte_lr_1994"];
    private static readonly string[] SupportedTargets = ["aeif_cond_alpha_astro"];
    private static readonly string[] TestModels = [.. SupportedSources, .. SupportedTargets, "iaf_psc_exp"];

    public static TheoryData<string, string> ModelPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (string target in TestModels) foreach (string source in TestModels) data.Add(source, target);
        return data;
    }

    // NEST: testsuite/pytests/synapses/test_sic_connection.py::test_ConnectNeuronsWithSICConnection
    [Theory]
    [MemberData(nameof(ModelPairs))]
    public void ConnectNeuronsWithSICConnection(string sourceModel, string targetModel)
    {
        var nest = new Simulator();
        var source = nest.Create(sourceModel);
        var target = nest.Create(targetModel);
        var syn = new Dictionary<string, object> { ["synapse_model"] = "sic_connection" };

        if (SupportedSources.Contains(sourceModel) && SupportedTargets.Contains(targetModel))
        {
            // Connection should work
            nest.Connect(source, target, syn: syn);
            Assert.Equal(1, nest.GetConnections(source, target).Count);
        }
        else
        {
            // Connection should fail
            Assert.Throws<IllegalConnectionException>(() => nest.Connect(source, target, syn: syn));
        }
    }

    // NEST: testsuite/pytests/synapses/test_sic_connection.py::test_SynapseFunctionWithAeifModel
    [Fact]
    public void SynapseFunctionWithAeifModel()
    {
        var nest = new Simulator();
        double resol = nest.Resolution;

        // Create neurons and devices
        var astrocyte = nest.Create("astrocyte_lr_1994", 1, new() { ["Ca_astro"] = 0.2 }); // a calcium value which produces SIC
        var neuron = nest.Create("aeif_cond_alpha_astro");

        var mmNeuron = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I_SIC" }, ["interval"] = resol });
        var mmAstro = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "Ca_astro" }, ["interval"] = resol });

        nest.Connect(astrocyte, neuron, syn: new Dictionary<string, object> { ["synapse_model"] = "sic_connection" });
        nest.Connect(mmNeuron, neuron);
        nest.Connect(mmAstro, astrocyte);

        // Simulation
        nest.Simulate(1000.0);

        // Evaluation: the expected SIC values follow from the astrocyte's calcium as astrocyte_lr_1994.cpp computes them.
        double[] actualSicValues = NestSuiteHelpers.Doubles(mmNeuron, "I_SIC");
        double[] ca = NestSuiteHelpers.Doubles(mmAstro, "Ca_astro");
        double[] expectedSicValues = ca.Select(x => x * 1000.0 - 196.69 > 1.0 ? Math.Log(x * 1000.0 - 196.69) : 0.0).ToArray();

        // The sic_connection has a default delay (1 ms), thus the values after the number of steps of delay are
        // compared with the expected values.
        double sicDelay = (double)nest.GetDefaults("sic_connection")["delay"];
        int nStepDelay = (int)(sicDelay / resol);

        Assert.Equal(expectedSicValues.Length, actualSicValues.Length);
        Assert.True(expectedSicValues.Skip(nStepDelay).Any(v => v > 0.0), "the calcium produces a slow inward current");
        // pytest.approx: relative tolerance 1e-6, absolute 1e-12
        for (int i = nStepDelay; i < actualSicValues.Length; i++)
        {
            double expected = expectedSicValues[i - nStepDelay];
            Assert.True(Math.Abs(actualSicValues[i] - expected) <= Math.Max(1e-6 * Math.Abs(expected), 1e-12),
                $"I_SIC[{i}] = {actualSicValues[i]}, expected {expected}");
        }
    }
}
