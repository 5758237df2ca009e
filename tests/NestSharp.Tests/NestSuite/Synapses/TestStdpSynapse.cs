namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_stdp_synapse.py (TestSTDPSynapse): stdp_synapse against a self-contained
/// reference, for random (Poisson) and hard-coded spike trains, parametrised over iaf_psc_exp and iaf_cond_exp as NEST.
/// </summary>
public sealed class TestStdpSynapse : StdpReproduction
{
    // Defined here so we can use it in init_params() and in parametrization
    private const double ResolutionMs = 0.1; // [ms]

    private void InitParams()
    {
        Resolution = ResolutionMs; // [ms]
        SimulationDuration = 1000; // [ms]
        SynapseModel = "stdp_synapse";
        PresynapticFiringRate = 100.0; // [ms^-1]
        PostsynapticFiringRate = 100.0; // [ms^-1]
        TauPre = 16.8;
        TauPost = 33.7;
        InitWeight = 0.5;
        SynapseParameters = new()
        {
            ["synapse_model"] = SynapseModel,
            ["receptor_type"] = 0,
            // STDP constants
            ["lambda"] = 0.01,
            ["alpha"] = 0.85,
            ["mu_plus"] = 0.0,
            ["mu_minus"] = 0.0,
            ["tau_plus"] = TauPre,
            ["Wmax"] = 15.0,
            ["weight"] = InitWeight,
        };
        NeuronParameters = new() { ["tau_minus"] = TauPost };

        // To generate and test every possible combination of pre/post order, some hardcoded spike sequences are appended.
        HardcodedPreTimes = [1, 5, 6, 7, 9, 11, 12, 13, 14.5, 16.1, 21, 25, 26, 27, 29, 31, 32, 33, 34.5, 36.1];
        HardcodedPostTimes = [2, 3, 4, 8, 9, 10, 12, 12.2, 14.1, 15.4, 22, 23, 24, 28, 29, 30, 32, 33.2, 35.1, 36.4];
        HardcodedTrainsLength = 5.0 + Math.Max(HardcodedPreTimes.Max(), HardcodedPostTimes.Max());
    }

    private double Wmax => (double)SynapseParameters["Wmax"];
    private double Lambda => (double)SynapseParameters["lambda"];
    private double Alpha => (double)SynapseParameters["alpha"];
    private double MuPlus => (double)SynapseParameters["mu_plus"];
    private double MuMinus => (double)SynapseParameters["mu_minus"];

    protected override double Facilitate(double w, double kplus)
    {
        double normW = (w / Wmax) + (Lambda * Math.Pow(1 - (w / Wmax), MuPlus) * kplus);
        return normW < 1.0 ? normW * Wmax : Wmax;
    }

    protected override double Depress(double w, double kminus)
    {
        double normW = (w / Wmax) - (Alpha * Lambda * Math.Pow(w / Wmax, MuMinus) * kminus);
        return normW > 0.0 ? normW * Wmax : 0.0;
    }

    /// <summary>dend_delay × model × min_delay × max_delay × t_ref, as NEST's parametrisation.</summary>
    public static TheoryData<double, string, double, double, double> Parameters()
    {
        var data = new TheoryData<double, string, double, double, double>();
        foreach (double dendDelay in new[] { ResolutionMs, 1.0 })
        {
            foreach (string model in new[] { "iaf_psc_exp", "iaf_cond_exp" })
            {
                foreach (double minDelay in new[] { 1.0, 0.4, ResolutionMs })
                {
                    foreach (double maxDelay in new[] { 1.0, 3.0 })
                    {
                        foreach (double tRef in new[] { ResolutionMs, 0.5, 1.0, 1.1, 2.5 }) data.Add(dendDelay, model, minDelay, maxDelay, tRef);
                    }
                }
            }
        }
        return data;
    }

    // NEST: testsuite/pytests/synapses/test_stdp_synapse.py::TestSTDPSynapse::test_stdp_synapse
    [Theory]
    [MemberData(nameof(Parameters))]
    public void Test_stdp_synapse(double dendDelay, string model, double minDelay, double maxDelay, double tRef)
    {
        InitParams();
        DendriticDelay = dendDelay;
        NestNeuronModel = model;
        MinDelay = Math.Min(minDelay, maxDelay);
        MaxDelay = Math.Max(minDelay, maxDelay);
        NeuronParameters["t_ref"] = tRef;
        SynapseParameters["delay"] = DendriticDelay;

        DoNestSimulationAndCompareToReproducedWeight();
    }
}
