namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_gap_junction.py: illegal gap-junction connections are refused, a delay cannot
/// be set, and gap junctions count for the delay extrema with wfr_comm_interval.
/// </summary>
public sealed class TestGapJunction
{
    private readonly Simulator _nest = new();
    private readonly NodeCollection _neuronNoGap, _neuronGap;
    private const double WfrComm = 2.0;

    /// <summary>The fixture setup: wfr_comm_interval 2 ms, an iaf_psc_alpha and an hh_psc_alpha_gap.</summary>
    public TestGapJunction()
    {
        _nest.SetKernelStatus(new() { ["wfr_comm_interval"] = WfrComm });
        _neuronNoGap = _nest.Create("iaf_psc_alpha");
        _neuronGap = _nest.Create("hh_psc_alpha_gap");
    }

    private static Dictionary<string, object> OneToOneSymmetric => new() { ["rule"] = "one_to_one", ["make_symmetric"] = true };

    public static TheoryData<double?> Weights() => [null, 2.0];

    // NEST: testsuite/pytests/connect/test_gap_junction.py::test_neuron_gap_connect_one_to_one
    [Theory]
    [MemberData(nameof(Weights))]
    public void Test_neuron_gap_connect_one_to_one(double? weight)
    {
        var syn = new Dictionary<string, object> { ["synapse_model"] = "gap_junction" };
        if (weight is { } w) syn["weight"] = w;
        _nest.Connect(_neuronGap, _neuronGap, OneToOneSymmetric, syn);
        Assert.Equal(2, _nest.GetConnections(synapseModel: "gap_junction").Count);
    }

    // NEST: testsuite/pytests/connect/test_gap_junction.py::test_neuron_gap_connect_all_to_all
    [Fact]
    public void Test_neuron_gap_connect_all_to_all() =>
        _nest.Connect(_neuronGap, _neuronGap, new Dictionary<string, object> { ["rule"] = "all_to_all" },
            new Dictionary<string, object> { ["synapse_model"] = "gap_junction" });

    public static TheoryData<bool> SymmetricOneToOneOrAllToAll() => [true, false];

    // NEST: testsuite/pytests/connect/test_gap_junction.py::test_neuron_gap_connect_with_delay_fails
    [Theory]
    [MemberData(nameof(SymmetricOneToOneOrAllToAll))]
    public void Test_neuron_gap_connect_with_delay_fails(bool oneToOne)
    {
        var conn = oneToOne ? OneToOneSymmetric : new Dictionary<string, object> { ["rule"] = "all_to_all" };
        var e = Assert.ThrowsAny<NestException>(() => _nest.Connect(_neuronGap, _neuronGap, conn,
            new Dictionary<string, object> { ["synapse_model"] = "gap_junction", ["delay"] = 2.0 }));
        Assert.Contains("gap_junction connection has no delay", e.Message, StringComparison.Ordinal);
    }

    // NEST: testsuite/pytests/connect/test_gap_junction.py::test_neuron_nogap_nogap_connect_fails
    [Fact]
    public void Test_neuron_nogap_nogap_connect_fails()
    {
        var e = Assert.ThrowsAny<NestException>(() => _nest.Connect(_neuronNoGap, _neuronNoGap, OneToOneSymmetric,
            new Dictionary<string, object> { ["synapse_model"] = "gap_junction" }));
        Assert.Contains("The source node does not support gap junction output", e.Message, StringComparison.Ordinal);
    }

    // NEST: testsuite/pytests/connect/test_gap_junction.py::test_neuron_nogap_gap_connect_fails
    [Fact]
    public void Test_neuron_nogap_gap_connect_fails()
    {
        var e = Assert.ThrowsAny<NestException>(() => _nest.Connect(_neuronNoGap, _neuronGap, OneToOneSymmetric,
            new Dictionary<string, object> { ["synapse_model"] = "gap_junction" }));
        Assert.Contains("The target node or synapse model does not support gap junction input", e.Message, StringComparison.Ordinal);
    }

    // NEST: testsuite/pytests/connect/test_gap_junction.py::test_neuron_gap_connect_not_symmetric_fails
    [Fact]
    public void Test_neuron_gap_connect_not_symmetric_fails()
    {
        var e = Assert.ThrowsAny<NestException>(() => _nest.Connect(_neuronGap, _neuronGap,
            new Dictionary<string, object> { ["rule"] = "one_to_one", ["make_symmetric"] = false },
            new Dictionary<string, object> { ["synapse_model"] = "gap_junction", ["weight"] = 2.0 }));
        Assert.Matches("Connections with this synapse model can only be created as one-to-one connections with \"make_symmetric\" set to true *", e.Message);
    }

    public static TheoryData<double> Delays() => [3.0, 1.0];

    // NEST: testsuite/pytests/connect/test_gap_junction.py::test_min_delay
    [Theory]
    [MemberData(nameof(Delays))]
    public void Test_min_delay(double delay)
    {
        _nest.Connect(_neuronNoGap, _neuronNoGap, syn: new Dictionary<string, object> { ["weight"] = 3.0, ["delay"] = delay });
        var status = _nest.GetKernelStatus();
        double oldMin = (double)status["min_delay"], oldMax = (double)status["max_delay"];

        _nest.Connect(_neuronGap, _neuronGap, OneToOneSymmetric, new Dictionary<string, object> { ["synapse_model"] = "gap_junction" });

        status = _nest.GetKernelStatus();
        double newMin = (double)status["min_delay"], newMax = (double)status["max_delay"];
        if (WfrComm > oldMin) Assert.True(newMax == WfrComm && newMin == oldMin);
        else if (WfrComm < oldMin) Assert.True(newMin == WfrComm && newMax == oldMax);
    }
}
