namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's test_rate_connections.py, the rows whose models NestSharp has: rate connections between rate neurons are
/// made, to other neurons refused (IllegalConnection), and a delay of an instantaneous one refused (BadProperty);
/// diffusion connections between siegert_neurons are made with their drift and diffusion factors, to other neurons
/// refused, and a weight or delay refused (BadProperty). The rows with hh_psc_alpha_gap are not ported (NestSharp
/// lacks it).
/// </summary>
public sealed class RateConnectionsTests
{
    private static readonly string[] SynapseModels = ["rate_connection_instantaneous", "rate_connection_delayed"];
    private static readonly string[] Supported = ["lin_rate_ipn", "lin_rate_opn", "threshold_lin_rate_ipn", "threshold_lin_rate_opn", "tanh_rate_ipn", "tanh_rate_opn"];

    public static TheoryData<string, string> SynapseAndSupported()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in SynapseModels) foreach (var n in Supported) data.Add(s, n);
        return data;
    }

    public static TheoryData<string> SupportedModels() => [.. Supported];

    // NEST: testsuite/pytests/connect/test_rate_connections.py::test_legal_rate_connections
    [Theory]
    [MemberData(nameof(SynapseAndSupported))]
    public void LegalRateConnections_AreMade(string synapseModel, string supportedNrnModel)
    {
        var nest = new Simulator();
        var neuron = nest.Create(supportedNrnModel);
        nest.Connect(neuron, neuron, "one_to_one", new Dictionary<string, object> { ["synapse_model"] = synapseModel });
        Assert.Equal(1L, Convert.ToInt64(nest.GetKernelStatus()["num_connections"], System.Globalization.CultureInfo.InvariantCulture));
    }

    // NEST: testsuite/pytests/connect/test_rate_connections.py::test_illegal_rate_connections (unsupported_nrn_model iaf_psc_alpha)
    [Theory]
    [MemberData(nameof(SynapseAndSupported))]
    public void RateConnectionsToSpikingNeurons_AreRefused(string synapseModel, string supportedNrnModel)
    {
        var nest = new Simulator();
        var supported = nest.Create(supportedNrnModel);
        var unsupported = nest.Create("iaf_psc_alpha");
        Assert.Throws<IllegalConnectionException>(() =>
            nest.Connect(supported, unsupported, "one_to_one", new Dictionary<string, object> { ["synapse_model"] = synapseModel }));
    }

    // NEST: testsuite/pytests/connect/test_rate_connections.py::test_illegal_rate_connections (unsupported_nrn_model siegert_neuron)
    [Theory]
    [MemberData(nameof(SynapseAndSupported))]
    public void RateConnectionsToSiegertNeurons_AreRefused(string synapseModel, string supportedNrnModel)
    {
        var nest = new Simulator();
        var supported = nest.Create(supportedNrnModel);
        var unsupported = nest.Create("siegert_neuron");
        Assert.Throws<IllegalConnectionException>(() =>
            nest.Connect(supported, unsupported, "one_to_one", new Dictionary<string, object> { ["synapse_model"] = synapseModel }));
    }

    // NEST: testsuite/pytests/connect/test_rate_connections.py::test_rate_connection_instantaneous_set_delay_disallowed
    [Theory]
    [MemberData(nameof(SupportedModels))]
    public void InstantaneousConnection_RefusesADelay(string supportedNrnModel)
    {
        var nest = new Simulator();
        var neuron = nest.Create(supportedNrnModel);
        Assert.Throws<BadPropertyException>(() => nest.Connect(neuron, neuron, "all_to_all",
            new Dictionary<string, object> { ["synapse_model"] = "rate_connection_instantaneous", ["delay"] = 2.0 }));
    }

    // NEST: testsuite/pytests/connect/test_rate_connections.py::test_legal_diffusion_connection_connections
    [Fact]
    public void LegalDiffusionConnections_AreMade()
    {
        var nest = new Simulator();
        var supported = nest.Create("siegert_neuron");
        nest.Connect(supported, supported, "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "diffusion_connection" });
        Assert.Equal(1L, Convert.ToInt64(nest.GetKernelStatus()["num_connections"], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>NEST's unsupported models of diffusion connections, less hh_psc_alpha_gap (NestSharp lacks it).</summary>
    public static TheoryData<string> DiffusionUnsupported() => ["iaf_psc_alpha", .. Supported];

    // NEST: testsuite/pytests/connect/test_rate_connections.py::test_illegal_diffusion_connection_connections
    [Theory]
    [MemberData(nameof(DiffusionUnsupported))]
    public void DiffusionConnectionsToOtherNeurons_AreRefused(string unsupportedNrnModel)
    {
        var nest = new Simulator();
        var supported = nest.Create("siegert_neuron");
        var unsupported = nest.Create(unsupportedNrnModel);
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(supported, unsupported, "one_to_one",
            new Dictionary<string, object> { ["synapse_model"] = "diffusion_connection" }));
    }

    // NEST: testsuite/pytests/connect/test_rate_connections.py::test_diffusion_connection_set_weight_and_delay_disallowed
    [Theory]
    [InlineData("weight")]
    [InlineData("delay")]
    public void DiffusionConnection_RefusesAWeightOrDelay(string synParam)
    {
        var nest = new Simulator();
        var supported = nest.Create("siegert_neuron");
        Assert.Throws<BadPropertyException>(() => nest.Connect(supported, supported, "all_to_all",
            new Dictionary<string, object> { ["synapse_model"] = "diffusion_connection", [synParam] = 2.0 }));
    }

    // NEST: testsuite/pytests/connect/test_rate_connections.py::test_diffusion_connection_set_diffusion_factor_and_drift_factor_allowed
    [Fact]
    public void DiffusionConnection_TakesDiffusionAndDriftFactors()
    {
        var nest = new Simulator();
        var supported = nest.Create("siegert_neuron");
        nest.Connect(supported, supported, "all_to_all", new Dictionary<string, object>
        {
            ["synapse_model"] = "diffusion_connection", ["diffusion_factor"] = 2.0, ["drift_factor"] = 2.0,
        });
        Assert.Equal(1L, Convert.ToInt64(nest.GetKernelStatus()["num_connections"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
