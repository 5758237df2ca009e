using static NestSharp.Tests.NestSuite.Synapses.StdpBasicNetwork;

namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>NEST's testsuite/pytests/synapses/test_inh_stdp_synapse.py.</summary>
public sealed class TestInhStdpSynapse
{
    // NEST: testsuite/pytests/synapses/test_inh_stdp_synapse.py::test_inh_stdp_synapse
    [Fact]
    public void Test_inh_stdp_synapse()
    {
        // An stdp_synapse with a negative weight (and Wmax): the final weight is reproduced from the spike trains.
        const double wNeuron = -45.0; // strength of connections between neuron and parrot
        const double wMax = wNeuron * 2.0;
        var (preSpikes, postSpikes, finalWeight) = Run(wNeuron, wMax, weightAsDefault: true);
        Assert.NotEmpty(preSpikes);
        Assert.NotEmpty(postSpikes);

        double kPlus = 0.0, kMinus = 0.0, lastPre = 0.0, lastPost = 0.0;
        int j = 0, i = 0;
        double postSpike = postSpikes[i];
        double preSpike = preSpikes[j];
        double w = wNeuron / wMax; // normalized weight

        void UpdateKPlus() => kPlus = (kPlus * Math.Exp((lastPre - preSpike) / TauPlus)) + 1.0;
        void UpdateKMinus() => kMinus = (kMinus * Math.Exp((lastPost - postSpike) / TauMinus)) + 1.0;
        void NextPreSpike()
        {
            j++;
            lastPre = preSpike;
            preSpike = j < preSpikes.Length ? preSpikes[j] : double.PositiveInfinity;
        }
        void NextPostSpike()
        {
            i++;
            lastPost = postSpike;
            postSpike = i < postSpikes.Length ? postSpikes[i] : double.PositiveInfinity;
        }
        void Facilitate()
        {
            w += Lambda * Math.Pow(1.0 - w, MuPlus) * kPlus * Math.Exp((lastPre - postSpike) / TauPlus);
            w = Math.Min(w, 1.0);
        }
        void Depress()
        {
            w -= Lambda * Alpha * Math.Pow(w, MuMinus) * kMinus * Math.Exp((lastPost - preSpike) / TauMinus);
            w = Math.Max(w, 0.0);
        }

        while (j < preSpikes.Length || i < postSpikes.Length)
        {
            if (preSpike == postSpike)
            {
                // pre- and post-syn. spike at the same time
                if (lastPost != postSpike) Facilitate();
                if (lastPre != preSpike) Depress();
                if (j + 1 < preSpikes.Length)
                {
                    UpdateKPlus();
                    NextPreSpike();
                    if (i + 1 < postSpikes.Length)
                    {
                        UpdateKMinus();
                        NextPostSpike();
                    }
                }
                else
                {
                    break;
                }
            }
            else if (preSpike < postSpike)
            {
                // next spike is a pre-syn. spike
                Depress();
                UpdateKPlus();
                if (j + 1 < preSpikes.Length) NextPreSpike();
                else break; // we don't consider the post-syn. spikes after the last pre-syn. spike
            }
            else
            {
                // next spike is a post-syn. spike
                Facilitate();
                UpdateKMinus();
                if (i + 1 < postSpikes.Length)
                {
                    NextPostSpike();
                }
                else
                {
                    // we DO consider the pre-syn. spikes after the last post-syn. spike
                    lastPost = postSpike;
                    // a value past the last pre-syn. spike, so that this branch is not taken again
                    postSpike = preSpikes[^1] + Resolution;
                }
            }
        }

        double wFinal = w * wMax;
        Assert.Equal(Math.Round(wFinal, 13), Math.Round(finalWeight, 13), 1e-12);
    }
}
