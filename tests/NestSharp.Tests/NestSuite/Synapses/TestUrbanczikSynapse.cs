namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>NEST's testsuite/pytests/synapses/test_urbanczik_synapse.py (UrbanczikSynapseTestCase).</summary>
public sealed class TestUrbanczikSynapse
{
    // NEST: testsuite/pytests/synapses/test_urbanczik_synapse.py::UrbanczikSynapseTestCase::test_ConnectNeuronsWithUrbanczikSynapse
    [Fact]
    public void Test_ConnectNeuronsWithUrbanczikSynapse()
    {
        // Ensures that the restriction to supported neuron models works.
        string[] mcModels = ["iaf_cond_alpha_mc", "pp_cond_exp_mc_urbanczik"]; // Multi-compartment models
        string[] supportedModels = ["pp_cond_exp_mc_urbanczik"];
        var unsupportedModels = new Simulator().NodeModels().Where(n => !supportedModels.Contains(n)).ToArray();

        // Connect supported models with Urbanczik synapse
        foreach (string nm in supportedModels)
        {
            var nest = new Simulator();

            int rType = 0;
            if (mcModels.Contains(nm))
            {
                var syns = (IReadOnlyDictionary<string, int>)nest.GetDefaults(nm)["receptor_types"];
                rType = syns["soma_exc"];
            }

            var n = nest.Create(nm, 2);

            nest.Connect(n, n, new Dictionary<string, object> { ["rule"] = "all_to_all" },
                new Dictionary<string, object> { ["synapse_model"] = "urbanczik_synapse", ["receptor_type"] = rType });
        }

        // Ensure that connecting not supported models fails
        foreach (string nm in unsupportedModels)
        {
            var nest = new Simulator();

            int rType = 0;
            if (mcModels.Contains(nm))
            {
                var syns = (IReadOnlyDictionary<string, int>)nest.GetDefaults(nm)["receptor_types"];
                rType = syns["soma_exc"];
            }

            var n = nest.Create(nm, 2);

            // try to connect with urbanczik synapse
            Assert.ThrowsAny<NestException>(() => nest.Connect(n, n, new Dictionary<string, object> { ["rule"] = "all_to_all" },
                new Dictionary<string, object> { ["synapse_model"] = "urbanczik_synapse", ["receptor_type"] = rType }));
        }
    }

    /// <summary>np.around(x, 4): x · 10^4 rounded half to even, / 10^4.</summary>
    private static double Around4(double x) => Math.Round(x * 1e4, MidpointRounding.ToEven) / 1e4;

    private static double[] CumSum(double[] x)
    {
        var result = new double[x.Length];
        double sum = 0;
        for (int i = 0; i < x.Length; i++) result[i] = sum += x[i];
        return result;
    }

    // NEST: testsuite/pytests/synapses/test_urbanczik_synapse.py::UrbanczikSynapseTestCase::test_SynapseDepressionFacilitation
    [Fact]
    public void Test_SynapseDepressionFacilitation()
    {
        // Ensure that depression and facilitation work correctly
        var nest = new Simulator();

        const double resolution = 0.1;
        nest.SetKernelStatus("resolution", resolution);

        // neuron parameters
        const string nrnModel = "pp_cond_exp_mc_urbanczik";
        const double tRef = 3.0, gSp = 600.0, phiMaxValue = 0.15, rateSlope = 0.5, betaValue = 1.0 / 3.0, thetaValue = -55.0;
        const double somaGL = 30.0, somaEL = -70.0, dendriticCm = 300.0, dendriticGL = 30.0, dendriticTauSynEx = 3.0;
        var nrnParams = new Dictionary<string, object>
        {
            ["t_ref"] = tRef, // refractory period
            ["g_sp"] = gSp, // somato-dendritic coupling conductance
            ["soma"] = new Dictionary<string, object>
            {
                ["V_m"] = -70.0, // initial value of V_m
                ["C_m"] = 300.0, // capacitance of membrane
                ["E_L"] = somaEL, // resting potential
                ["g_L"] = somaGL, // somatic leak conductance
                ["E_ex"] = 0.0, // resting potential for exc input
                ["E_in"] = -75.0, // resting potential for inh input
                ["tau_syn_ex"] = 3.0, // time constant of exc conductance
                ["tau_syn_in"] = 3.0, // time constant of inh conductance
            },
            ["dendritic"] = new Dictionary<string, object>
            {
                ["V_m"] = -70.0, // initial value of V_m
                ["C_m"] = dendriticCm, // capacitance of membrane
                ["E_L"] = -70.0, // resting potential
                ["g_L"] = dendriticGL, // dendritic leak conductance
                ["tau_syn_ex"] = dendriticTauSynEx, // time constant of exc input current
                ["tau_syn_in"] = 3.0, // time constant of inh input current
            },
            // parameters of rate function
            ["phi_max"] = phiMaxValue, // max rate
            ["rate_slope"] = rateSlope, // called 'k' in the paper
            ["beta"] = betaValue,
            ["theta"] = thetaValue,
        };

        // synapse params
        var syns = (IReadOnlyDictionary<string, int>)nest.GetDefaults(nrnModel)["receptor_types"];
        const double initW = 100.0;
        const double tauDelta = 100.0, eta = 0.75;
        var synParams = new Dictionary<string, object>
        {
            ["synapse_model"] = "urbanczik_synapse_wr",
            ["receptor_type"] = syns["dendritic_exc"],
            ["tau_Delta"] = tauDelta, // time constant of low pass filtering of the weight change
            ["eta"] = eta, // learning rate
            ["weight"] = initW,
            ["Wmax"] = 4.5 * dendriticCm,
            ["delay"] = resolution,
        };

        // neuron and devices
        nest.SetDefaults(nrnModel, nrnParams);
        var nrn = nest.Create(nrnModel);

        // spike generator is connected to a parrot neuron which is connected to the mc neuron
        var prrtNrn = nest.Create("parrot_neuron");

        // excitatory input to the dendrite
        double[] preSynSpikeTimes = [1.0, 98.0];
        var sgProx = nest.Create("spike_generator", 1, new() { ["spike_times"] = preSynSpikeTimes });

        // excitatory input to the soma (np.arange(10.0, 50.0, resolution): start + i * step)
        int nSoma = (int)Math.Ceiling((50.0 - 10.0) / resolution);
        var spikeTimesSomaInp = Enumerable.Range(0, nSoma).Select(i => 10.0 + (i * resolution)).ToArray();
        var spikeWeightsSoma = Enumerable.Repeat(10.0, nSoma).ToArray();
        var sgParams = new Dictionary<string, object> { ["spike_times"] = spikeTimesSomaInp, ["spike_weights"] = spikeWeightsSoma };
        var sgSomaExc = nest.Create("spike_generator", 1, sgParams);

        // for recording all parameters of the Urbanczik neuron
        var rqs = nest.GetDefaults(nrnModel)["recordables"];
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = rqs, ["interval"] = 0.1 });

        // for recoding the synaptic weights of the Urbanczik synapses
        var wr = nest.Create("weight_recorder");

        // for recording the spiking of the soma
        var srSoma = nest.Create("spike_recorder");

        // create connections
        nest.Connect(sgProx, prrtNrn, syn: new Dictionary<string, object> { ["delay"] = resolution });
        nest.CopyModel("urbanczik_synapse", "urbanczik_synapse_wr", new() { ["weight_recorder"] = wr });
        nest.Connect(prrtNrn, nrn, syn: synParams);
        var synSpecExc = new Dictionary<string, object> { ["receptor_type"] = syns["soma_exc"], ["weight"] = 10.0 * resolution, ["delay"] = resolution };
        nest.Connect(sgSomaExc, nrn, syn: synSpecExc);
        nest.Connect(mm, nrn, syn: new Dictionary<string, object> { ["delay"] = resolution });
        nest.Connect(nrn, srSoma, syn: new Dictionary<string, object> { ["delay"] = resolution });

        nest.Simulate(100.0);

        // multimeter
        var rec = (Dictionary<string, object>)mm.Get("events");
        var t = (double[])rec["times"];
        var vW = (double[])rec["V_m.p"];

        // compute dendritic prediction of somatic membrane potential
        const double gD = gSp;
        const double gL = somaGL;
        const double eL = somaEL;
        var vWStar = vW.Select(v => ((gL * eL) + (gD * v)) / (gL + gD)).ToArray();

        // weight recorder
        var data = (Dictionary<string, object>)wr.Get("events");
        var weights = (double[])data["weights"];

        // spike recorder
        data = (Dictionary<string, object>)srSoma.Get("events");
        var spikeTimesSoma = (double[])data["times"];

        // compute predicted rate
        const double phiMax = phiMaxValue;
        const double k = rateSlope;
        const double beta = betaValue;
        const double theta = thetaValue;
        var rate = vWStar.Select(v => phiMax / (1.0 + (k * Math.Exp(beta * (theta - v))))).ToArray();

        // compute h(V_w_star)
        var h = vWStar.Select(v => 15.0 * beta / (1.0 + (Math.Exp(-beta * (theta - v)) / k))).ToArray();

        // compute alpha response kernel
        const double tauS = dendriticTauSynEx;
        const double gLProx = dendriticGL;
        const double cMProx = dendriticCm;
        const double tauL = cMProx / gLProx;
        const double t0 = 1.2;
        double Heaviside(double x) => x < 0 ? 0.0 : x > 0 ? 1.0 : 0.5;
        var alphaResponse = t.Select(ti => Heaviside(ti - t0) * tauS * (Math.Exp(-(ti - t0) / tauL) - Math.Exp(-(ti - t0) / tauS)) / (gLProx * (tauL - tauS))).ToArray();

        // compute PI(t)
        if (spikeTimesSoma.Length > 0)
        {
            t = t.Select(Around4).ToArray();
            var spikeTimesSomaRounded = spikeTimesSoma.Select(x => Around4(x + 0.2)).ToHashSet();
            for (int i = 0; i < t.Length; i++)
                if (spikeTimesSomaRounded.Contains(t[i])) rate[i] -= 1.0 / resolution;
        }

        var wChangeRaw = Enumerable.Range(0, t.Length).Select(i => -15.0 * cMProx * rate[i] * h[i] * alphaResponse[i]).ToArray();

        // compute low pass filtered version of PI
        var cum = CumSum(Enumerable.Range(0, t.Length).Select(i => Math.Exp(t[i] / tauDelta) * wChangeRaw[i]).ToArray());
        var wChangeLowPass = Enumerable.Range(0, t.Length).Select(i => eta * Math.Exp(-t[i] / tauDelta) * cum[i] * resolution / tauDelta).ToArray();
        var integratedWChange = CumSum(wChangeLowPass).Select(x => x * resolution).ToArray();
        var synWeightComp = integratedWChange.Select(x => initW + x).ToArray();

        // comparison between Nest and python implementation:
        // extract the weight computed in python at the times of the presynaptic spikes
        var preRounded = preSynSpikeTimes.Select(x => Around4(x + resolution)).ToHashSet();
        var idx = Enumerable.Range(0, t.Length).Where(i => preRounded.Contains(Around4(t[i]))).ToArray();
        var synWCompAtSpikeTimes = idx.Select(i => synWeightComp[i]).ToArray();
        double realtiveError = (weights[^1] - synWCompAtSpikeTimes[^1]) / (weights[^1] - initW);
        Assert.True(Math.Abs(realtiveError) < 0.001, $"relative error {realtiveError}");
    }
}
