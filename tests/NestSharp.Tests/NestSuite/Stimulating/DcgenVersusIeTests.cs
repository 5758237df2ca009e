using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/stimulating/test_dcgen_versus_I_e.py</c>: for every model with V_m and
/// I_e among its defaults, with NEST's special parameters for the stochastic gif_psc_exp and pp_psc_delta.
/// </summary>
public sealed class DcgenVersusIeTests
{
    public static TheoryData<string> Models() => NodeModelsWhere(d => d.ContainsKey("V_m") && d.ContainsKey("I_e"));

    // NEST: testsuite/pytests/stimulating/test_dcgen_versus_I_e.py::test_dcgen_vs_I_e
    [Theory]
    [MemberData(nameof(Models))]
    public void DcgenVsIe(string model)
    {
        const double amp = 123.456;
        var nest = new Simulator();

        // Models requiring special parameters (spiking switched off)
        if (model is "gif_psc_exp" or "gif_cond_exp" or "gif_psc_exp_multisynapse" or "gif_cond_exp_multisynapse") nest.SetDefaults(model, new() { ["lambda_0"] = 0.0 });
        else if (model == "pp_psc_delta") nest.SetDefaults(model, new() { ["c_2"] = 0.0 });

        // Create two neurons
        var n1 = nest.Create(model);
        var n2 = nest.Create(model);

        // Connect dc generator to one neuron (n1)
        var dcGen = nest.Create("dc_generator", 1, new() { ["start"] = 99.0 });
        nest.Connect(dcGen, n1);
        dcGen.Set("amplitude", amp);

        // Simulate
        nest.Simulate(100.0);

        // Set the "I_e" with a constant current equal to the amplitude of the dc current to another neuron (n2)
        n2.Set("I_e", amp);

        // Simulate
        nest.Simulate(300.0);

        // Compare membrane potentials of the two neurons (pytest.approx: relative 1e-6, absolute 1e-12)
        double v1 = n1.Get<double>("V_m");
        double v2 = n2.Get<double>("V_m");

        Assert.True(Math.Abs(v1 - v2) <= Math.Max(1e-6 * Math.Abs(v2), 1e-12), $"{model}: V_m {v1:R} with dc_generator, {v2:R} with I_e");
    }
}
