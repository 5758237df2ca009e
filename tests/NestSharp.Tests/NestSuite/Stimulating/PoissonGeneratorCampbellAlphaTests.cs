namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/stimulating/test_poisson_generator_campbell_alpha.py</c>.</summary>
public sealed class PoissonGeneratorCampbellAlphaTests
{
    // NEST: testsuite/pytests/stimulating/test_poisson_generator_campbell_alpha.py::test_poisson_generator_alpha
    [Fact]
    public void PoissonGeneratorAlpha()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.1);
        var neuronParams = new Dictionary<string, object>
        {
            ["tau_m"] = 5.0, ["tau_syn_ex"] = 0.5, ["E_L"] = 0.0, ["V_th"] = 999.0, ["C_m"] = 1.0, ["V_m"] = 0.0,
        };

        nest.SetDefaults("iaf_psc_alpha", neuronParams);
        var neuron = nest.Create("iaf_psc_alpha", 1000);

        const double tolerance = 0.05;
        const double vMTarget = 20.0;
        const double j = 0.01;
        // solve for rate, convert to spks/s, drop C_m as it is 1.
        double rate = 1000.0 * vMTarget / (j * (double)neuronParams["tau_m"] * Math.Exp(1) * (double)neuronParams["tau_syn_ex"]);

        var poisson = nest.Create("poisson_generator");
        poisson.Set("rate", rate);
        var synSpec = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = j, ["delay"] = 0.1 };
        nest.Connect(poisson, neuron, "all_to_all", synSpec);

        nest.Simulate(200.0);
        double mean = neuron.GetValues<double>("V_m").Average();
        Assert.True(Math.Abs(mean - vMTarget) < tolerance, $"mean V_m {mean:R}, target {vMTarget} ± {tolerance}");
    }
}
