namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_stdp_pl_synapse_hom.py (TestSTDPPlSynapse): stdp_pl_synapse_hom against a
/// self-contained reference, for random (Poisson) and hard-coded spike trains; NEST's loops run over iaf_psc_exp and
/// iaf_cond_exp.
/// </summary>
public sealed class TestStdpPlSynapseHom : StdpReproduction
{
    private Dictionary<string, object> _common = [];

    private void InitParams()
    {
        Resolution = 0.1; // [ms]
        SimulationDuration = 1e3; // [ms]
        SynapseModel = "stdp_pl_synapse_hom";
        PresynapticFiringRate = 100.0; // [ms^-1]
        PostsynapticFiringRate = 100.0; // [ms^-1]
        TauPre = 20.0;
        TauPost = 33.7;
        InitWeight = 0.5;
        _common = new() { ["lambda"] = 0.1, ["alpha"] = 1.0, ["mu"] = 0.4, ["tau_plus"] = TauPre };
        SynapseCommonProperties = _common;
        SynapseParameters = new() { ["synapse_model"] = SynapseModel, ["receptor_type"] = 0, ["weight"] = InitWeight };
        NeuronParameters = new() { ["tau_minus"] = TauPost };

        // pre: 1       5 6 7   9    11 12 13    15    17 18 19   20.1
        // post:  2 3 4       8 9 10    12    14    16    18 19.1 20
        HardcodedPreTimes = [1, 5, 6, 7, 9, 11, 12, 13, 14.5, 16.1, 21, 25, 26, 27, 29, 31, 32, 33, 34.5, 36.1];
        HardcodedPostTimes = [2, 3, 4, 8, 9, 10, 12, 12.2, 14.1, 15.4, 22, 23, 24, 28, 29, 30, 32, 33.2, 35.1, 36.4];
        HardcodedTrainsLength = 5.0 + Math.Max(HardcodedPreTimes.Max(), HardcodedPostTimes.Max());
    }

    protected override double Facilitate(double w, double kplus) =>
        w + ((double)_common["lambda"] * Math.Pow(w, (double)_common["mu"]) * kplus);

    protected override double Depress(double w, double kminus)
    {
        double newWeight = w - ((double)_common["alpha"] * (double)_common["lambda"] * w * kminus);
        return newWeight > 0.0 ? newWeight : 0.0;
    }

    // NEST: testsuite/pytests/synapses/test_stdp_pl_synapse_hom.py::TestSTDPPlSynapse::test_stdp_synapse
    [Fact]
    public void Test_stdp_synapse()
    {
        InitParams();
        foreach (double dendriticDelay in new[] { 1.0, 0.5, Resolution })
        {
            DendriticDelay = dendriticDelay;
            SynapseParameters["delay"] = DendriticDelay;
            foreach (double minDelayLoop in new[] { 1.0, 0.4, Resolution })
            {
                MinDelay = minDelayLoop;
                foreach (double maxDelayLoop in new[] { 3.0, 1.0 })
                {
                    MaxDelay = maxDelayLoop;
                    MinDelay = Math.Min(MinDelay, MaxDelay);
                    MaxDelay = Math.Max(MinDelay, MaxDelay);
                    foreach (string model in new[] { "iaf_psc_exp", "iaf_cond_exp" })
                    {
                        NestNeuronModel = model;
                        foreach (double tRef in new[] { Resolution, 0.5, 1.0, 1.1, 2.5 })
                        {
                            NeuronParameters["t_ref"] = tRef;
                            DoNestSimulationAndCompareToReproducedWeight();
                        }
                    }
                }
            }
        }
    }
}
