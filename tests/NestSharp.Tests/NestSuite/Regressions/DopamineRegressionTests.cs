namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// Regressions of stdp_dopamine_synapse and volume_transmitter: a constant weight without presynaptic spikes, no
/// connection from a device to the volume transmitter, the same weight with any number of threads, the dopamine
/// parameters only as common properties, no c or n in a multithreaded syn_spec.
/// </summary>
public sealed class DopamineRegressionTests
{
    private static Dictionary<string, object> Spec(params (string Key, object Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);

    // NEST: testsuite/pytests/regressions/test_ticket_716.py::test_stdp_dopamine_synapse_weight_constant_without_presynaptic_spikes
    [Fact]
    public void StdpDopamineWeight_IsConstantWithoutPresynapticSpikes()
    {
        var nest = new Simulator();
        var vt = nest.Create("volume_transmitter");
        nest.SetDefaults("stdp_dopamine_synapse", Spec(("volume_transmitter", vt)));

        var nPre = nest.Create("parrot_neuron"); // does not fire
        var nPost = nest.Create("parrot_neuron");
        var nDopa = nest.Create("parrot_neuron");

        var sgPost = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 0.5, 1.1, 3.4 } });
        var sgDopa = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.4, 2.3, 4.6 } });

        nest.Connect(nPre, nPost, null, Spec(("synapse_model", "stdp_dopamine_synapse")));
        nest.Connect(sgDopa, nDopa);
        nest.Connect(nDopa, vt);
        nest.Connect(sgPost, nPost);

        var conns = nest.GetConnections(synapseModel: "stdp_dopamine_synapse");
        double w0 = conns.Weight.Single();
        nest.Simulate(10.0);
        double w1 = conns.Weight.Single();

        Assert.True(Math.Abs(w0 - w1) <= 1e-13, $"Weight changed: w0={w0}, w1={w1}");
    }

    // NEST: testsuite/pytests/regressions/test_issue_1242.py::test_volume_transmitter_illegal_connection
    [Fact]
    public void SpikeGeneratorToVolumeTransmitter_IsIllegal()
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator");
        var vt = nest.Create("volume_transmitter");

        Assert.Throws<IllegalConnectionException>(() => nest.Connect(sg, vt));
    }

    /// <summary>NEST's issue 410 network: the weight of the dopamine synapse nrn1 -> nrn2 after 2 s.</summary>
    private static double Issue410Weight(int numThreads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = numThreads });

        var stim1 = nest.Create("dc_generator", 1, new() { ["amplitude"] = 1500.0 });
        var stim2 = nest.Create("dc_generator", 1, new() { ["amplitude"] = 1000.0 });
        var nrn1 = nest.Create("iaf_psc_alpha", 1, new() { ["C_m"] = 100.0, ["tau_m"] = 10.0 });
        var nrn2 = nest.Create("iaf_psc_alpha", 1, new() { ["C_m"] = 100.0, ["tau_m"] = 10.0, ["tau_minus"] = 10.0 });
        var dopa = nest.Create("iaf_psc_alpha", 100, new() { ["V_reset"] = -70.0, ["C_m"] = 80.0, ["V_th"] = -60.0 });
        var vt = nest.Create("volume_transmitter");

        nest.CopyModel("stdp_dopamine_synapse", "syn1", new()
        {
            ["Wmax"] = 1000.0, ["Wmin"] = 0.0, ["tau_plus"] = 10.0, ["A_minus"] = 0.05, ["A_plus"] = 0.05,
            ["b"] = 45.45, ["tau_c"] = 1.0, ["tau_n"] = 100.0, ["volume_transmitter"] = vt,
        });

        nest.Connect(stim1, nrn1, null, Spec(("weight", 10.0), ("delay", 1.0)));
        nest.Connect(stim2, dopa, null, Spec(("weight", 10.0), ("delay", 1.0)));
        nest.Connect(nrn1, nrn2, null, Spec(("synapse_model", "syn1"), ("weight", 500.0), ("delay", 1.0)));
        nest.Connect(dopa, vt);

        nest.Simulate(2000.0);

        return nest.GetConnections(nrn1, nrn2).Weight.Single();
    }

    // NEST: testsuite/pytests/regressions/test_issue_410.py::test_multithreaded_volume_transmitter_and_stdp_dopamine_synapse
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    public void VolumeTransmitterAndDopamineSynapse_GiveTheSameWeightWithAnyNumberOfThreads(int numThreads)
    {
        double referenceWeight = Issue410Weight(1);
        double weight = Issue410Weight(numThreads);
        Assert.Equal(referenceWeight, weight);
    }

    public static TheoryData<bool, bool, string> Issue735Cases()
    {
        var cases = new TheoryData<bool, bool, string>();
        foreach (bool useParamOnConnect in new[] { true, false })
        {
            foreach (bool copyModel in new[] { true, false })
            {
                foreach (string paramName in new[] { "A_minus", "A_plus", "Wmax", "Wmin", "b", "tau_c", "tau_n", "tau_plus" })
                    cases.Add(useParamOnConnect, copyModel, paramName);
            }
        }
        return cases;
    }

    // NEST: testsuite/pytests/regressions/test_issue_735.py::test_issue_735
    // Rows: NEST's three parametrisations (on connect or on the connection, copied model or not, parameter).
    [Theory]
    [MemberData(nameof(Issue735Cases))]
    public void DopamineParameters_AreRefusedPerConnection(bool useParamOnConnect, bool copyModel, string paramName)
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var vt = nest.Create("volume_transmitter");

        string synModel;
        if (copyModel)
        {
            nest.CopyModel("stdp_dopamine_synapse", "mysyn", Spec(("volume_transmitter", vt)));
            synModel = "mysyn";
        }
        else
        {
            nest.SetDefaults("stdp_dopamine_synapse", Spec(("volume_transmitter", vt)));
            synModel = "stdp_dopamine_synapse";
        }

        if (useParamOnConnect)
        {
            Assert.Throws<NestNotImplementedException>(() => nest.Connect(n, n, "one_to_one",
                Spec(("synapse_model", synModel), ("weight", 2.0), (paramName, 1.0))));
        }
        else
        {
            nest.Connect(n, n, null, Spec(("synapse_model", synModel), ("weight", 2.0)));
            var conns = nest.GetConnections();
            Assert.Throws<UnaccessedDictionaryEntryException>(() => conns.Set(Spec((paramName, 1.0), ("weight", 2.0))));
        }
    }

    // NEST: testsuite/pytests/regressions/test_issue_737_threads.py::test_issue_737_threads_rejects_multithreaded_parameters
    [Theory]
    [InlineData("c", false)]
    [InlineData("c", true)]
    [InlineData("n", false)]
    [InlineData("n", true)]
    public void TraceParametersInAMultithreadedSynSpec_AreRefused(string parameterName, bool useCopyModel)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = 4 });

        var neuron = nest.Create("iaf_psc_alpha");
        var vt = nest.Create("volume_transmitter");

        string synModel;
        if (useCopyModel)
        {
            synModel = "mysyn";
            nest.CopyModel("stdp_dopamine_synapse", synModel, Spec(("volume_transmitter", vt)));
        }
        else
        {
            synModel = "stdp_dopamine_synapse";
            nest.SetDefaults(synModel, Spec(("volume_transmitter", vt)));
        }

        Assert.Throws<NestNotImplementedException>(() => nest.Connect(neuron, neuron, "one_to_one",
            Spec(("synapse_model", synModel), (parameterName, 2.0))));
    }
}
