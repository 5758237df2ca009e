namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// NEST's regressions/test_ticket_433.py: ht_neuron refuses connections without a receptor_type, takes an explicit one
/// (also in spatial connections, given in the syn_spec or in a copied synapse model), and every model with named
/// receptor_types refuses a connection through plain static_synapse on receptor 0.
/// </summary>
public sealed class Ticket433Tests
{
    private readonly Simulator _nest = new();

    /// <summary>The fixture: a 2 x 3 grid layer of ht_neuron and the AMPA receptor's number.</summary>
    private (NodeCollection HtLayer, long AmpaId) Nodes()
    {
        var htLayer = _nest.Create("ht_neuron", Positions.Grid([2, 3]));
        long ampaId = Convert.ToInt64(((IReadOnlyDictionary<string, int>)_nest.GetDefaults("ht_neuron")["receptor_types"])["AMPA"]);
        return (htLayer, ampaId);
    }

    private static Dictionary<string, object> CircularBernoulli() => new()
    {
        ["rule"] = "pairwise_bernoulli",
        ["p"] = 1.0,
        ["mask"] = new Dictionary<string, object> { ["circular"] = new Dictionary<string, object> { ["radius"] = 1.0 } },
    };

    // NEST: testsuite/pytests/regressions/test_ticket_433.py::test_explicit_receptor_type
    [Fact]
    public void ExplicitReceptorType()
    {
        var (htLayer, ampaId) = Nodes();
        _nest.Connect(htLayer, htLayer, "one_to_one", new Dictionary<string, object> { ["receptor_type"] = ampaId });
        Assert.Equal(6, _nest.NumConnections);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_433.py::test_missing_receptor_type
    [Fact]
    public void MissingReceptorType()
    {
        var (htLayer, _) = Nodes();
        Assert.Throws<UnknownReceptorTypeException>(() => _nest.Connect(htLayer, htLayer, "one_to_one"));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_433.py::test_connectlayers_receptor_type
    [Fact]
    public void ConnectLayersReceptorType()
    {
        var (htLayer, ampaId) = Nodes();
        _nest.Connect(htLayer, htLayer, CircularBernoulli(), new Dictionary<string, object>
        {
            ["receptor_type"] = ampaId, ["synapse_model"] = "ht_synapse",
        });
        Assert.True(_nest.NumConnections > 0);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_433.py::test_connectlayers_receptor_type_in_synapse
    [Fact]
    public void ConnectLayersReceptorTypeInSynapse()
    {
        var (htLayer, ampaId) = Nodes();
        _nest.CopyModel("ht_synapse", "ht_syn_ampa", new() { ["receptor_type"] = ampaId });
        _nest.Connect(htLayer, htLayer, CircularBernoulli(), new Dictionary<string, object>
        {
            ["receptor_type"] = ampaId, ["synapse_model"] = "ht_syn_ampa",
        });
        Assert.True(_nest.NumConnections > 0);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_433.py::test_all_models_with_receptor_types_reject_static_synapse
    [Fact]
    public void AllModelsWithReceptorTypes_RejectStaticSynapse()
    {
        var src = _nest.Create("parrot_neuron");
        int tested = 0;
        foreach (string model in _nest.NodeModels())
        {
            // Need to avoid eprop_readout neurons because they handle spike input via static_synapse and use receptor
            // types only to distinguish readout and target signal for recording.
            if (model.StartsWith("eprop_readout", StringComparison.Ordinal)) continue;
            var dflts = _nest.GetDefaults(model);
            // Avoid models with auto-generated ports (length 0 or less)
            if (!dflts.TryGetValue("receptor_types", out var types) || types is not System.Collections.ICollection { Count: > 0 }) continue;
            var tgt = _nest.Create(model);
            var e = Assert.ThrowsAny<NestException>(() => _nest.Connect(src, tgt, syn: "static_synapse"));
            Assert.True(e is UnknownReceptorTypeException or IncompatibleReceptorTypeException, $"{model}: {e.GetType().Name}: {e.Message}");
            tested++;
        }
        Assert.True(tested >= 2, $"only {tested} models with receptor_types");
    }
}
