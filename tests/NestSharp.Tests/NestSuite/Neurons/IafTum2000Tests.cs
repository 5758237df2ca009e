namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// NEST's testsuite/pytests/neurons/test_iaf_tum_2000.py: iaf_tum_2000 connected to iaf_tum_2000 through a
/// static_synapse on receptor_type 1 gives the post-synaptic neuron the same V_m and I_syn_ex as iaf_psc_exp connected
/// to iaf_psc_exp through a tsodyks_synapse with the same parameters (7 decimals), both pre-synaptic neurons driven by
/// one dc_generator.
/// </summary>
public sealed class IafTum2000Tests
{
    /// <summary>The module fixture of NEST's test: builds and simulates both systems, returns their multimeters' events.</summary>
    private static (Dictionary<string, object> Tum, Dictionary<string, object> Exp) Simulate()
    {
        var nest = new Simulator();
        const double simTime = 1200.0, stimStart = 50.0, stimEnd = 1050.0, dcAmp = 500.0;
        const double weight = 250.0, delay = 1.0, tauPsc = 2.0, tauRec = 400.0, tauFac = 1000.0;

        var iafTumParams = new Dictionary<string, object> { ["tau_psc"] = tauPsc, ["tau_rec"] = tauRec, ["tau_fac"] = tauFac };
        var tsodyksSynSpec = new Dictionary<string, object>
        {
            ["synapse_model"] = "tsodyks_synapse", ["weight"] = weight, ["delay"] = delay, ["tau_psc"] = tauPsc,
            ["tau_rec"] = tauRec, ["tau_fac"] = tauFac, ["U"] = 0.5, ["u"] = 0.0, ["x"] = 0.0, ["y"] = 0.0,
        };

        var dcGen = nest.Create("dc_generator", 1, new() { ["amplitude"] = dcAmp, ["start"] = stimStart, ["stop"] = stimEnd });

        var iafTumPre = nest.Create("iaf_tum_2000", 1, iafTumParams);
        var iafTumPost = nest.Create("iaf_tum_2000", 1, iafTumParams);
        var mmTum = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m", "I_syn_ex" } });
        nest.Connect(dcGen, iafTumPre);
        nest.Connect(iafTumPre, iafTumPost,
            syn: new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = weight, ["delay"] = delay, ["receptor_type"] = 1 });
        nest.Connect(mmTum, iafTumPost);

        var iafExpPre = nest.Create("iaf_psc_exp", 1);
        var iafExpPost = nest.Create("iaf_psc_exp", 1);
        var mmExp = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m", "I_syn_ex" } });
        nest.Connect(dcGen, iafExpPre);
        nest.Connect(iafExpPre, iafExpPost, syn: tsodyksSynSpec);
        nest.Connect(mmExp, iafExpPost);

        nest.Simulate(simTime);
        return (NestSuiteHelpers.Events(mmTum), NestSuiteHelpers.Events(mmExp));
    }

    private static readonly Lazy<(Dictionary<string, object> Tum, Dictionary<string, object> Exp)> Simulated = new(Simulate);

    // NEST: testsuite/pytests/neurons/test_iaf_tum_2000.py::test_iaf_tum_2000_correct_membrane_potential
    [Fact]
    public void Test_iaf_tum_2000_correct_membrane_potential()
    {
        var (tum, exp) = Simulated.Value;
        NestSuiteHelpers.AssertAlmostEqual((double[])exp["V_m"], (double[])tum["V_m"]);
    }

    // NEST: testsuite/pytests/neurons/test_iaf_tum_2000.py::test_iaf_tum_2000_correct_synaptic_current
    [Fact]
    public void Test_iaf_tum_2000_correct_synaptic_current()
    {
        var (tum, exp) = Simulated.Value;
        double[] expected = (double[])exp["I_syn_ex"];
        NestSuiteHelpers.AssertAlmostEqual(expected, (double[])tum["I_syn_ex"]);
        // the synapses transmit: depressing and facilitating currents, not a silent post-synaptic neuron
        Assert.True(expected.Max() > 10.0);
    }
}
