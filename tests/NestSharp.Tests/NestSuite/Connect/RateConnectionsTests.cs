namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's test_rate_connections.py, the rows whose models NestSharp has: rate connections between rate neurons are
/// made, to other neurons refused (IllegalConnection), and a delay of an instantaneous one refused (BadProperty).
/// The rows with hh_psc_alpha_gap, siegert_neuron and diffusion_connection are not ported (NestSharp lacks them).
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
}
