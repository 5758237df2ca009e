using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_quantal_stp_synapse.py: averaged over 100 trials, the membrane potential of a
/// neuron driven through a quantal_stp_synapse with n release sites (weight 1/n) equals that of one driven through its
/// deterministic counterpart tsodyks2_synapse, within 4e-4 mV at every step.
/// </summary>
public sealed class TestQuantalStpSynapse
{
    // NEST: testsuite/pytests/synapses/test_quantal_stp_synapse.py::QuantalSTPSynapseTestCase::test_QuantalSTPSynapse
    [Fact]
    [Trait("Category", "Slow")]
    public void Test_QuantalSTPSynapse()
    {
        // Compare quantal_stp_synapse with its deterministic equivalent
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 1L });
        const int nSyn = 12; // number of synapses in a connection
        const int nTrials = 100; // number of measurement trials

        // parameter set for facilitation
        var facParams = new Dictionary<string, object> { ["U"] = 0.03, ["u"] = 0.03, ["tau_fac"] = 500.0, ["tau_rec"] = 200.0, ["weight"] = 1.0 };

        // Here we assign the parameter set to the synapse models (in NEST, t2_params is a copy made before the
        // synapse model is added to t1_params)
        var t1Params = facParams; // for tsodyks2_synapse
        var t2Params = new Dictionary<string, object>(t1Params); // for furhmann_synapse
        t1Params["synapse_model"] = "tsodyks2_synapse";
        t2Params["n"] = nSyn;
        t2Params["weight"] = 1.0 / nSyn;
        t2Params["synapse_model"] = "quantal_stp_synapse";

        var source = nest.Create("spike_generator");
        source.Set("spike_times", new[] { 30.0, 60.0, 90.0, 120.0, 150.0, 180.0, 210.0, 240.0, 270.0, 300.0, 330.0, 360.0, 390.0, 900.0 });

        var parrot = nest.Create("parrot_neuron");
        var neuron = nest.Create("iaf_psc_exp", 2, new() { ["tau_syn_ex"] = 3.0, ["tau_m"] = 70.0 });

        // We must send spikes via parrot because devices cannot connect through plastic synapses (see #478).
        nest.Connect(source, parrot);
        nest.Connect(parrot, neuron[..1], syn: t1Params);
        nest.Connect(parrot, neuron[1..], syn: t2Params);

        var voltmeter = nest.Create("voltmeter", 2);

        const double tTot = 1500.0;

        // the following is a dry run trial so that the synapse dynamics is identical in all subsequent trials.
        nest.Simulate(tTot);

        // Now we connect the voltmeters
        nest.Connect(voltmeter[..1], neuron[..1]);
        nest.Connect(voltmeter[1..], neuron[1..]);

        for (int t = 0; t < nTrials; t++)
        {
            double tNet = Convert.ToDouble(nest.GetKernelStatus("biological_time"), System.Globalization.CultureInfo.InvariantCulture);
            source.Set("origin", tNet);
            nest.Simulate(tTot);
        }

        nest.Simulate(0.1); // flush the last voltmeter events from the queue

        var vm = Doubles(voltmeter[1..], "V_m");
        var vmReference = Doubles(voltmeter[..1], "V_m");

        Assert.True(vm.Length % nTrials == 0);
        int nSteps = vm.Length / nTrials;
        double maxError = 0;
        for (int step = 0; step < nSteps; step++)
        {
            double mean = 0, refMean = 0;
            for (int trial = 0; trial < nTrials; trial++)
            {
                mean += vm[trial * nSteps + step];
                refMean += vmReference[trial * nSteps + step];
            }
            maxError = Math.Max(maxError, Math.Sqrt(Math.Pow(refMean / nTrials - mean / nTrials, 2)));
        }
        Assert.True(maxError < 4.0e-4, $"max error {maxError:R}");
    }
}
