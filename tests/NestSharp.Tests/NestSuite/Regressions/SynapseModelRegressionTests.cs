using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// Regressions of particular synapse models: a weight_recorder with a bernoulli_synapse that drops every spike, no
/// weight in a syn_spec of static_synapse_hom_w, quantal_stp_synapse with several threads, static_synapse_hom_w among
/// other connections between the same parrots, synapse defaults left untouched by Connect.
/// </summary>
public sealed class SynapseModelRegressionTests
{
    // NEST: testsuite/pytests/regressions/test_issue_1212.py::test_weight_recorder_with_probabilistic_synapse
    [Fact]
    public void WeightRecorder_WithABernoulliSynapseThatDropsEverySpike()
    {
        var nest = new Simulator();
        var sgen = nest.Create("spike_generator");
        var srcParrot = nest.Create("parrot_neuron");
        var tgtParrot = nest.Create("parrot_neuron");
        var wrec = nest.Create("weight_recorder");

        nest.CopyModel("bernoulli_synapse", "bernoulli_synapse_wrec", new() { ["weight_recorder"] = wrec });

        nest.Connect(sgen, srcParrot);
        nest.Connect(srcParrot, tgtParrot, "one_to_one", new Dictionary<string, object>
        {
            ["synapse_model"] = "bernoulli_synapse_wrec", ["p_transmit"] = 0.0, ["weight"] = 1.0,
        });

        nest.Simulate(20.0);
    }

    // NEST: testsuite/pytests/regressions/test_issue_737.py::test_static_synapse_hom_w_weight
    [Fact]
    public void StaticSynapseHomW_RefusesAWeightInTheSynSpec()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        Assert.ThrowsAny<NestException>(() => nest.Connect(n, n, "one_to_one",
            new Dictionary<string, object> { ["synapse_model"] = "static_synapse_hom_w", ["weight"] = 2.0 }));
    }

    // NEST: testsuite/pytests/regressions/test_issue_737.py::test_copymodel_static_synapse_hom_w_weight
    [Fact]
    public void CopyOfStaticSynapseHomW_RefusesAWeightInTheSynSpec()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        nest.CopyModel("static_synapse_hom_w", "mysyn");
        Assert.ThrowsAny<NestException>(() => nest.Connect(n, n, "one_to_one",
            new Dictionary<string, object> { ["synapse_model"] = "mysyn", ["weight"] = 2.0 }));
    }

    // NEST: testsuite/pytests/regressions/test_issue_737.py::test_stdp_dopamine_synapse_vt
    [Fact]
    public void StdpDopamineSynapse_RefusesVtInTheSynSpec()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        Assert.ThrowsAny<NestException>(() => nest.Connect(n, n, "one_to_one",
            new Dictionary<string, object> { ["synapse_model"] = "stdp_dopamine_synapse", ["vt"] = 2.0 }));
    }

    // NEST: testsuite/pytests/regressions/test_issue_737.py::test_copymodel_stdp_dopamine_synapse_vt
    [Fact]
    public void CopyOfStdpDopamineSynapse_RefusesVtInTheSynSpec()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        nest.CopyModel("stdp_dopamine_synapse", "mysyn");
        Assert.ThrowsAny<NestException>(() => nest.Connect(n, n, "one_to_one",
            new Dictionary<string, object> { ["synapse_model"] = "mysyn", ["vt"] = 2.0 }));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_926.py::test_simulation_completes
    [Fact]
    public void StdpDopamineSynapse_WithoutVolumeTransmitter_IsRefusedAtConnect()
    {
        var nest = new Simulator();
        var generator = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 5.0 } });
        var parrot = nest.Create("parrot_neuron");
        var neuron = nest.Create("iaf_psc_alpha");
        nest.Connect(generator, parrot);
        var e = Assert.Throws<BadPropertyException>(() =>
        {
            nest.Connect(parrot, neuron, syn: "stdp_dopamine_synapse");
            nest.Simulate(10.0);
        });
        Assert.Contains("No volume transmitter", e.Message);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_798.py::test_quantal_stp_synapse_multithreaded
    [Fact]
    public void QuantalStpSynapse_RunsWithSeveralThreads()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = 4 });
        nest.SetDefaults("quantal_stp_synapse", new()
        {
            ["U"] = 0.2, ["u"] = 0.2, ["tau_fac"] = 500.0, ["tau_rec"] = 200.0, ["weight"] = 1.0, ["n"] = 5,
        });
        var neurons = nest.Create("iaf_psc_exp", 10001);
        neurons[0].Set(new Dictionary<string, object> { ["I_e"] = 2000.0 });
        nest.Connect(neurons[0], neurons[1..], "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "quantal_stp_synapse" });
        nest.Simulate(100.0);
        // No assertion needed, test passes if no error is raised.
    }

    /// <summary>check_connection: the connections of <paramref name="source"/>, their number, target and synapse model.</summary>
    private static void CheckConnection(Simulator nest, NodeCollection source, int nExpected, NodeCollection targetExpected, string synTypeExpected)
    {
        var conns = nest.GetConnections(source);
        Assert.Equal(nExpected, conns.Count);
        var sources = conns.Source;
        var targets = conns.Target;
        var models = conns.SynapseModel;
        for (int i = 0; i < conns.Count; i++)
        {
            Assert.Equal(source.Ids[0], sources[i]);
            Assert.Equal(targetExpected.Ids[0], targets[i]);
            Assert.Equal(synTypeExpected, models[i]);
        }
    }

    // NEST: testsuite/pytests/regressions/test_ticket_941.py::test_different_connections
    [Fact]
    public void DifferentConnections_BetweenParrots()
    {
        var nest = new Simulator();
        var spikeGenerator = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
        var spikeRecorder = nest.Create("spike_recorder");
        var pn1 = nest.Create("parrot_neuron");
        var pn2 = nest.Create("parrot_neuron");

        long NumConnections() => Convert.ToInt64(nest.GetKernelStatus("num_connections"), System.Globalization.CultureInfo.InvariantCulture);

        nest.Connect(spikeGenerator, pn1, "one_to_one", "static_synapse");
        nest.Connect(pn2, spikeRecorder, "one_to_one", "static_synapse");
        Assert.Equal(2, NumConnections());

        CheckConnection(nest, spikeGenerator, 1, pn1, "static_synapse");
        CheckConnection(nest, pn2, 1, spikeRecorder, "static_synapse");

        nest.Connect(pn1, pn2, "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["delay"] = 1.0 });
        Assert.Equal(3, NumConnections());
        CheckConnection(nest, pn1, 1, pn2, "static_synapse");

        nest.Connect(pn1, pn2, "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["delay"] = 2.0 });
        Assert.Equal(4, NumConnections());
        CheckConnection(nest, pn1, 2, pn2, "static_synapse");

        nest.Connect(pn1, pn2, "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "static_synapse_hom_w", ["delay"] = 3.0 });
        Assert.Equal(5, NumConnections());

        nest.Simulate(10.0);

        Assert.Equal([3.0, 4.0, 5.0], Doubles(spikeRecorder, "times"));
        Assert.Equal(["static_synapse", "static_synapse", "static_synapse_hom_w"], nest.GetConnections(pn1, pn2).SynapseModel);
    }

    /// <summary>Asserts that the named keys of a synapse model's defaults are those taken before.</summary>
    private static void AssertDefaultsKept(Simulator nest, string synapseModel, Dictionary<string, object> before, params string[] keys)
    {
        var after = nest.GetDefaults(synapseModel);
        foreach (var key in keys)
            Assert.True(Equals(before[key], after[key]), $"{key}: {before[key]} before, {after[key]} after");
    }

    // NEST: testsuite/pytests/regressions/test_ticket_921.py::test_synapse_defaults_unchanged_after_usage_in_connection
    [Fact]
    public void SynapseDefaults_AreUnchangedByAConnectWithSynSpec()
    {
        var nest = new Simulator();
        var synapseDefaults = nest.GetDefaults("static_synapse");

        var population = nest.Create("iaf_psc_exp_multisynapse", 1, new() { ["tau_syn"] = new[] { 0.1, 0.2 } });
        nest.Connect(population, population, "one_to_one", new Dictionary<string, object>
        {
            ["synapse_model"] = "static_synapse", ["delay"] = 2.3, ["weight"] = 1234.0, ["receptor_type"] = 2,
        });

        AssertDefaultsKept(nest, "static_synapse", synapseDefaults, "delay", "weight", "receptor_type");
    }

    // NEST: testsuite/pytests/regressions/test_ticket_921.py::test_synapse_defaults_unchanged_after_usage_in_connection_with_error
    [Fact]
    public void SynapseDefaults_AreUnchangedByAConnectThatFails()
    {
        var nest = new Simulator();
        var synapseDefaults = nest.GetDefaults("static_synapse");

        var population = nest.Create("iaf_psc_exp_multisynapse", 1, new() { ["tau_syn"] = new[] { 0.1, 0.2 } });
        try
        {
            nest.Connect(population, population, "one_to_one", new Dictionary<string, object>
            {
                ["synapse_model"] = "static_synapse", ["delay"] = 2.3, ["weight"] = 1234.0, ["receptor_type"] = 5,
            });
        }
        catch (IncompatibleReceptorTypeException)
        {
        }

        AssertDefaultsKept(nest, "static_synapse", synapseDefaults, "delay", "weight", "receptor_type");
    }

    // NEST: testsuite/pytests/regressions/test_ticket_921.py::test_synapse_defaults_unchanged_after_usage_in_connection_with_additional_parameters
    [Fact]
    public void SynapseDefaults_AreUnchangedByAConnectWithPlasticityParameters()
    {
        var nest = new Simulator();
        var synapseDefaults = nest.GetDefaults("stdp_synapse");

        var population = nest.Create("iaf_psc_exp_multisynapse", 1, new() { ["tau_syn"] = new[] { 0.1, 0.2 } });
        nest.Connect(population, population, "one_to_one", new Dictionary<string, object>
        {
            ["synapse_model"] = "stdp_synapse", ["delay"] = 2.3, ["weight"] = 1234.0, ["receptor_type"] = 2,
            ["alpha"] = 7.0, ["lambda"] = 0.05, ["mu_minus"] = 2.0, ["mu_plus"] = 3.0, ["tau_plus"] = 50.0, ["Wmax"] = 99.0,
        });

        AssertDefaultsKept(nest, "stdp_synapse", synapseDefaults,
            "delay", "weight", "receptor_type", "alpha", "lambda", "mu_minus", "mu_plus", "tau_plus", "Wmax");
    }
}
