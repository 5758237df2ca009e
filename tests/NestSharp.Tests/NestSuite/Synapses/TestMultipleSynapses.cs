namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_multiple_synapses.py: collocated synapses (nest.CollocatedSynapses), in
/// plain and spatial networks.
/// </summary>
public sealed class TestMultipleSynapses
{
    private readonly Simulator _nest = new();

    /// <summary>sort_connections: (source, target, weight, synapse_model) of every connection, sorted in that order.</summary>
    private static List<(long Source, long Target, double Weight, string Model)> SortConnections(SynapseCollection conns)
    {
        var src = conns.Source;
        var trgt = conns.Target;
        var weight = conns.Weight;
        var synModel = conns.SynapseModel;

        return Enumerable.Range(0, conns.Count).Select(i => (src[i], trgt[i], weight[i], synModel[i]))
            .OrderBy(c => c.Item1).ThenBy(c => c.Item2).ThenBy(c => c.Item3).ThenBy(c => c.Item4, StringComparer.Ordinal).ToList();
    }

    // NEST: testsuite/pytests/synapses/test_multiple_synapses.py::test_MultipleSynapses
    [Fact]
    public void Test_MultipleSynapses()
    {
        // Test co-location of synapses for very simple connection
        var node = _nest.Create("iaf_psc_alpha");
        _nest.Connect(node, node, new CollocatedSynapses(new Dictionary<string, object> { ["weight"] = -2.0 }, new Dictionary<string, object> { ["weight"] = 3.0 }));

        Assert.Equal(2, _nest.NumConnections);

        var conns = _nest.GetConnections();
        Assert.Equal(new[] { -2.0, 3.0 }, conns.Weight);
    }

    // NEST: testsuite/pytests/synapses/test_multiple_synapses.py::test_MultipleSynapses_one_to_one
    [Fact]
    public void Test_MultipleSynapses_one_to_one()
    {
        // Test co-location of synapses when we use one_to_one as connection rule
        const int numSrc = 7;
        const int numTrg = 7;
        var synSpec = new CollocatedSynapses(
            new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["weight"] = -5.0 },
            new Dictionary<string, object> { ["weight"] = -1.5 },
            new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["weight"] = 3 });

        var src = _nest.Create("iaf_psc_alpha", numSrc);
        var trgt = _nest.Create("iaf_psc_alpha", numTrg);

        _nest.Connect(src, trgt, "one_to_one", synSpec);
        var conns = _nest.GetConnections();

        Assert.Equal(numSrc * synSpec.Count, conns.Count);

        // source id's range from 1 to num_src
        var refSrc = Enumerable.Range(1, numSrc).SelectMany(s => Enumerable.Repeat((long)s, synSpec.Count));
        // target id's range from (num_src + 1 to (num_src + num_trgt + 1))
        var refTrgt = Enumerable.Range(numSrc + 1, numTrg).SelectMany(t => Enumerable.Repeat((long)t, synSpec.Count));
        var refWeight = Enumerable.Repeat(new[] { -5.0, -1.5, 3.0 }, numSrc).SelectMany(x => x);
        var refSynapseModules = Enumerable.Repeat(new[] { "stdp_synapse", "static_synapse", "stdp_synapse" }, numSrc).SelectMany(x => x);

        var refConnList = refSrc.Zip(refTrgt, refWeight).Zip(refSynapseModules, (a, m) => (a.First, a.Second, a.Third, m)).ToList();
        var sortedConnList = SortConnections(conns);

        Assert.Equal(refConnList, sortedConnList);
    }

    // NEST: testsuite/pytests/synapses/test_multiple_synapses.py::test_MultipleSynapses_all_to_all
    [Fact]
    public void Test_MultipleSynapses_all_to_all()
    {
        // Test co-location of synapses when we use all_to_all as connection rule
        const int numSrc = 3;
        const int numTrg = 5;
        var synSpec = new CollocatedSynapses(
            new Dictionary<string, object> { ["weight"] = -2.0 },
            new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["weight"] = -1.5 },
            new Dictionary<string, object> { ["weight"] = 3 });

        var src = _nest.Create("iaf_psc_alpha", numSrc);
        var trgt = _nest.Create("iaf_psc_alpha", numTrg);

        _nest.Connect(src, trgt, "all_to_all", synSpec);
        var conns = _nest.GetConnections();

        Assert.Equal(numSrc * numTrg * synSpec.Count, conns.Count);

        // source id's range from 1 to num_src
        var refSrc = Enumerable.Range(1, numSrc).SelectMany(s => Enumerable.Repeat((long)s, synSpec.Count * numTrg));
        // target id's are 4, 5, 6, 7, 8
        var refTrgt = new List<long>();
        foreach (long t in Enumerable.Repeat(new long[] { 4, 5, 6, 7, 8 }, numSrc).SelectMany(x => x))
        {
            // there are 3 elements in the syn_spec list
            refTrgt.AddRange([t, t, t]);
        }

        var refWeight = Enumerable.Repeat(new[] { -2.0, -1.5, 3.0 }, numSrc * numTrg).SelectMany(x => x);
        var refSynapseModules = Enumerable.Repeat(new[] { "static_synapse", "stdp_synapse", "static_synapse" }, numSrc * numTrg).SelectMany(x => x);

        var refConnList = refSrc.Zip(refTrgt, refWeight).Zip(refSynapseModules, (a, m) => (a.First, a.Second, a.Third, m)).ToList();
        var sortedConnList = SortConnections(conns);

        Assert.Equal(refConnList, sortedConnList);
    }

    // NEST: testsuite/pytests/synapses/test_multiple_synapses.py::test_MultipleSynapses_fixed_indegree
    [Fact]
    public void Test_MultipleSynapses_fixed_indegree()
    {
        // Test co-location of synapses when we use fixed_indegree as connection rule
        const int numSrc = 7;
        const int numTrg = 3;
        const int indegree = 2;
        var synSpec = new CollocatedSynapses(
            new Dictionary<string, object> { ["weight"] = -2.0 },
            new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["weight"] = -1.5 },
            new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["weight"] = 3 });

        var src = _nest.Create("iaf_psc_alpha", numSrc);
        var trgt = _nest.Create("iaf_psc_alpha", numTrg);

        _nest.Connect(src, trgt, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = indegree }, synSpec);
        var conns = _nest.GetConnections();

        Assert.Equal(numTrg * indegree * synSpec.Count, conns.Count);

        var refTrgt = trgt.Ids.SelectMany(t => Enumerable.Repeat((long)t, indegree * synSpec.Count));
        var refSm = Enumerable.Repeat("static_synapse", numTrg * indegree)
            .Concat(Enumerable.Repeat("stdp_synapse", numTrg * indegree))
            .Concat(Enumerable.Repeat("stdp_synapse", numTrg * indegree));

        Assert.Equal(refTrgt.Order(), conns.Target.Order());
        Assert.Equal(refSm.Order(StringComparer.Ordinal), conns.SynapseModel.Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, object> Syn(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private NodeCollection FreeLayer(string model, int n, int numDimensions, Dictionary<string, object>? parameters = null) =>
        _nest.Create(model, Positions.Free(_nest.Random.Uniform(), numDimensions: numDimensions), parameters, n);

    // NEST: testsuite/pytests/synapses/test_multiple_synapses.py::test_MultipleSynapses_spatial_network
    [Fact]
    public void Test_MultipleSynapses_spatial_network()
    {
        // test co-location of synapses for spatial networks with fixed indegree
        const int numSrc = 11;
        const int numTrgt = 37;
        const int indegree = 3;

        var spatialNodesSrc = FreeLayer("iaf_psc_alpha", numSrc, 2);
        var spatialNodesTrgt = FreeLayer("iaf_psc_alpha", numTrgt, 2);

        _nest.Connect(
            spatialNodesSrc,
            spatialNodesTrgt,
            new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = indegree },
            new CollocatedSynapses(
                Syn(("weight", -3.0)),
                Syn(("weight", SpatialDistributions.Exponential(Spatial.Distance)), ("delay", 1.4))));
        var conns = _nest.GetConnections();

        Assert.Equal(numTrgt * indegree * 2, conns.Count);

        var weights = conns.Weight;
        Assert.Equal(Enumerable.Repeat(-3.0, numTrgt * indegree), weights.Order().Take(numTrgt * indegree));
    }

    // NEST: testsuite/pytests/synapses/test_multiple_synapses.py::test_MultipleSynapses_spatial_network_label
    [Fact]
    public void Test_MultipleSynapses_spatial_network_label()
    {
        // test co-location of synapses for spatial networks with synapse label
        const int numSrc = 11;
        const int numTrgt = 37;
        const int indegree = 3;

        var spatialNodesSrc = FreeLayer("iaf_psc_alpha", numSrc, 2);
        var spatialNodesTrgt = FreeLayer("iaf_psc_alpha", numTrgt, 2);

        const long synLabelA = 123;
        const long synLabelB = 456;
        _nest.Connect(
            spatialNodesSrc,
            spatialNodesTrgt,
            new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = indegree },
            new CollocatedSynapses(
                Syn(("weight", 3.0), ("synapse_model", "stdp_synapse_lbl"), ("synapse_label", synLabelA)),
                Syn(
                    ("weight", SpatialDistributions.Exponential(Spatial.Distance)),
                    ("delay", 1.4),
                    ("synapse_model", "stdp_synapse_lbl"),
                    ("synapse_label", synLabelB))));
        var conns = _nest.GetConnections();
        Assert.Equal(numTrgt * indegree * 2, conns.Count);
        var reference = Enumerable.Repeat(new[] { synLabelA, synLabelB }, numTrgt * indegree).SelectMany(x => x).Order();
        Assert.Equal(reference, ((long[])conns.Get("synapse_label")).Order());
    }

    // NEST: testsuite/pytests/synapses/test_multiple_synapses.py::test_MultipleSynapses_spatial_network_receptor_type
    [Fact]
    public void Test_MultipleSynapses_spatial_network_receptor_type()
    {
        // test co-location of synapses for spatial networks with receptor_type
        const int numSrc = 11;
        const int numTrgt = 37;
        const int indegree = 3;
        const int maxReceptorType = 7;
        double[] tauSyn = [.. Enumerable.Range(0, maxReceptorType).Select(i => 0.1 + i)];

        var spatialNodesSrc = FreeLayer("iaf_psc_exp_multisynapse", numSrc, 2, new() { ["tau_syn"] = tauSyn });
        var spatialNodesTrgt = FreeLayer("iaf_psc_exp_multisynapse", numTrgt, 2, new() { ["tau_syn"] = tauSyn });

        const long receptorTypeA = maxReceptorType - 3;
        const long receptorTypeB = maxReceptorType;
        _nest.Connect(
            spatialNodesSrc,
            spatialNodesTrgt,
            new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = indegree },
            new CollocatedSynapses(
                Syn(("weight", 3.0), ("receptor_type", receptorTypeA)),
                Syn(
                    ("weight", SpatialDistributions.Exponential(Spatial.Distance)),
                    ("delay", 1.4),
                    ("receptor_type", receptorTypeB))));
        var conns = _nest.GetConnections();
        Assert.Equal(numTrgt * indegree * 2, conns.Count);
        var reference = Enumerable.Repeat(new[] { receptorTypeA, receptorTypeB }, numTrgt * indegree).SelectMany(x => x).Order();
        Assert.Equal(reference, conns.Receptor.Order());
    }

    // NEST: testsuite/pytests/synapses/test_multiple_synapses.py::test_MultipleSynapses_spatial_network_fixedOutdegree
    [Fact]
    public void Test_MultipleSynapses_spatial_network_fixedOutdegree()
    {
        // test co-location of synapses for spatial networks with fixed outdegree
        const int numSrc = 17;
        const int numTrgt = 23;
        const int outdegree = 4;

        var spatialNodesSrc = FreeLayer("iaf_psc_alpha", numSrc, 2);
        var spatialNodesTrgt = FreeLayer("iaf_psc_alpha", numTrgt, 2);

        _nest.Connect(
            spatialNodesSrc,
            spatialNodesTrgt,
            new Dictionary<string, object> { ["rule"] = "fixed_outdegree", ["outdegree"] = outdegree },
            new CollocatedSynapses(
                Syn(("weight", -3.0), ("synapse_model", "stdp_synapse")),
                Syn(("synapse_model", "tsodyks_synapse")),
                Syn(("weight", SpatialDistributions.Exponential(Spatial.Distance)), ("delay", 1.4))));
        var conns = _nest.GetConnections();

        Assert.Equal(numSrc * outdegree * 3, conns.Count);

        var weights = conns.Weight;
        Assert.Equal(Enumerable.Repeat(-3.0, numSrc * outdegree), weights.Order().Take(numSrc * outdegree));

        var refSynapseModel = Enumerable.Repeat("stdp_synapse", numSrc * outdegree)
            .Concat(Enumerable.Repeat("tsodyks_synapse", numSrc * outdegree))
            .Concat(Enumerable.Repeat("static_synapse", numSrc * outdegree));
        Assert.Equal(refSynapseModel.Order(StringComparer.Ordinal), conns.SynapseModel.Order(StringComparer.Ordinal));
    }

    // NEST: testsuite/pytests/synapses/test_multiple_synapses.py::test_MultipleSynapses_spatial_network_bernoulliSource
    [Fact]
    public void Test_MultipleSynapses_spatial_network_bernoulliSource()
    {
        // test co-location of synapses for 3D spatial networks with pairwise Bernoulli on source
        const int numSrc = 7;
        const int numTrgt = 19;
        const double p = 0.6;

        var spatialNodesSrc = FreeLayer("iaf_psc_alpha", numSrc, 3);
        var spatialNodesTrgt = FreeLayer("iaf_psc_alpha", numTrgt, 3);

        _nest.Connect(
            spatialNodesSrc,
            spatialNodesTrgt,
            new Dictionary<string, object> { ["rule"] = "pairwise_bernoulli", ["p"] = p },
            new CollocatedSynapses(
                Syn(("delay", 1.7), ("weight", SpatialDistributions.Gaussian(Spatial.Distance))),
                Syn(("synapse_model", "tsodyks_synapse")),
                Syn(("weight", -SpatialDistributions.Gaussian(Spatial.Distance)), ("delay", 1.4))));

        var conns = _nest.GetConnections();
        int numConns = conns.Count;
        int numConnsSynapse = numConns / 3;

        Assert.True(numSrc * numTrgt * p * 2 < conns.Count);

        var delays = conns.Delay.Select(d => Math.Round(d, 1));
        var refDelays = Enumerable.Repeat(1.0, numConnsSynapse).Concat(Enumerable.Repeat(1.4, numConnsSynapse)).Concat(Enumerable.Repeat(1.7, numConnsSynapse));

        Assert.Equal(refDelays, delays.Order());

        var refSynapseModel = Enumerable.Repeat("tsodyks_synapse", numConnsSynapse).Concat(Enumerable.Repeat("static_synapse", 2 * numConnsSynapse));
        Assert.Equal(refSynapseModel.Order(StringComparer.Ordinal), conns.SynapseModel.Order(StringComparer.Ordinal));

        foreach (double w in conns.Weight.Order().Take(numConnsSynapse)) Assert.True(w < 0);
    }

    // NEST: testsuite/pytests/synapses/test_multiple_synapses.py::test_MultipleSynapses_spatial_network_bernoulliTarget
    [Fact]
    public void Test_MultipleSynapses_spatial_network_bernoulliTarget()
    {
        // test co-location of synapses for 3D spatial networks with pairwise Bernoulli on target
        const int numSrc = 57;
        const int numTrgt = 21;
        const double p = 0.3;

        var spatialNodesSrc = FreeLayer("iaf_psc_alpha", numSrc, 3);
        var spatialNodesTrgt = FreeLayer("iaf_psc_alpha", numTrgt, 3);

        _nest.Connect(
            spatialNodesSrc,
            spatialNodesTrgt,
            new Dictionary<string, object> { ["rule"] = "pairwise_bernoulli", ["p"] = p, ["use_on_source"] = false },
            new CollocatedSynapses(
                Syn(("delay", 1.7), ("weight", -1.4)),
                Syn(("delay", SpatialDistributions.Gaussian(Spatial.Distance)), ("weight", 1.4))));

        var conns = _nest.GetConnections();
        int numConns = conns.Count;
        int numConnsSynapse = numConns / 2;

        Assert.True(numSrc * numTrgt * p * 3 > numConns);

        var delays = conns.Delay.Order().Skip(numConnsSynapse).Select(d => Math.Round(d, 1));
        var refDelays = Enumerable.Repeat(1.7, numConnsSynapse);

        Assert.Equal(refDelays, delays.Order());

        var refWeights = Enumerable.Repeat(-1.4, numConnsSynapse).Concat(Enumerable.Repeat(1.4, numConnsSynapse));
        Assert.Equal(refWeights, conns.Weight.Order());
    }

    // NEST: testsuite/pytests/synapses/test_multiple_synapses.py::test_MultipleSynapses_make_symmetric
    [Fact]
    public void Test_MultipleSynapses_make_symmetric()
    {
        // Test co-location of synapses when we use one_to_one with make_symmetric as connection rule
        const int numSrc = 11;
        const int numTrg = 11;
        const int numSymmetric = 2;
        var synSpec = new CollocatedSynapses(
            new Dictionary<string, object> { ["weight"] = -1.5 },
            new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["weight"] = 3 });

        var src = _nest.Create("iaf_psc_alpha", numSrc);
        var trgt = _nest.Create("iaf_psc_alpha", numTrg);

        _nest.Connect(src, trgt, new Dictionary<string, object> { ["rule"] = "one_to_one", ["make_symmetric"] = true }, synSpec);
        var conns = _nest.GetConnections();

        Assert.Equal(numSrc * synSpec.Count * numSymmetric, conns.Count);

        // pre id's range from (1 to num_src) and (num_src+1 to (num_src + num_trgt)) because of make_symmetric
        var refPre = Enumerable.Range(1, numSrc).SelectMany(s => Enumerable.Repeat((long)s, synSpec.Count))
            .Concat(Enumerable.Range(numSrc + 1, numTrg).SelectMany(t => Enumerable.Repeat((long)t, synSpec.Count)));

        // post id's range from (num_src + 1 to (num_src + num_trgt + 1)) and (1 to num_src) because of make_symmetric
        var refPost = Enumerable.Range(numSrc + 1, numTrg).SelectMany(t => Enumerable.Repeat((long)t, synSpec.Count))
            .Concat(Enumerable.Range(1, numSrc).SelectMany(s => Enumerable.Repeat((long)s, synSpec.Count)));

        var refWeight = Enumerable.Repeat(new[] { -1.5, 3.0 }, numSrc * numSymmetric).SelectMany(x => x);
        var refSynapseModules = Enumerable.Repeat(new[] { "static_synapse", "stdp_synapse" }, numSrc * numSymmetric).SelectMany(x => x);

        var refConnList = refPre.Zip(refPost, refWeight).Zip(refSynapseModules, (a, m) => (a.First, a.Second, a.Third, m)).ToList();
        var sortedConnList = SortConnections(conns);

        Assert.Equal(refConnList, sortedConnList);
    }

    // NEST: testsuite/pytests/synapses/test_multiple_synapses.py::test_MultipleSynapses_receptor_type
    [Fact]
    public void Test_MultipleSynapses_receptor_type()
    {
        // Test co-location of synapses with different receptor types
        const int numSrc = 7;
        const int numTrg = 7;

        var src = _nest.Create("iaf_psc_exp_multisynapse", numSrc);
        var trgt = _nest.Create("iaf_psc_exp_multisynapse", numTrg,
            new() { ["tau_syn"] = Enumerable.Range(0, numTrg).Select(i => 0.1 + i).ToArray() });
        var node = _nest.Create("iaf_psc_alpha");

        var synSpec = new CollocatedSynapses(
            new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["weight"] = 5.0, ["receptor_type"] = 2 },
            new Dictionary<string, object> { ["weight"] = 1.5, ["receptor_type"] = 7 },
            new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["weight"] = 3, ["receptor_type"] = 5 });

        _nest.Connect(src, trgt, "one_to_one", synSpec);
        _nest.Connect(node, node); // should have receptor 0

        var conns = _nest.GetConnections();
        var refReceptorType = new long[] { 0 }.Concat(Enumerable.Repeat(2L, numSrc)).Concat(Enumerable.Repeat(5L, numSrc))
            .Concat(Enumerable.Repeat(7L, numSrc)).ToArray();

        Assert.Equal(refReceptorType, conns.Receptor.Order().ToArray());

        int nodeIndex = Array.IndexOf(conns.Source, node.Ids[0]);
        long nodeReceptor = conns.Receptor[nodeIndex];
        Assert.Equal(0, nodeReceptor);
    }

    // NEST: testsuite/pytests/synapses/test_multiple_synapses.py::test_MultipleSynapses_receptor_type_ht_neuron
    [Fact]
    public void Test_MultipleSynapses_receptor_type_ht_neuron()
    {
        // Test co-location of synapses with different receptor types and ht_neuron
        const int numSrc = 9;
        const int numTrg = 9;

        var src = _nest.Create("ht_neuron", numSrc);
        var trgt = _nest.Create("ht_neuron", numTrg);

        var synSpec = new CollocatedSynapses(
            new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["weight"] = 5.0, ["receptor_type"] = 2 },
            new Dictionary<string, object> { ["weight"] = 1.5, ["receptor_type"] = 4 },
            new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["weight"] = 3, ["receptor_type"] = 3 });

        _nest.Connect(src, trgt, "one_to_one", synSpec);

        var conns = _nest.GetConnections();
        // receptors are 1 less than receptor_type for ht_neuron
        var refReceptorType = Enumerable.Repeat(1L, numSrc).Concat(Enumerable.Repeat(2L, numSrc)).Concat(Enumerable.Repeat(3L, numSrc)).ToArray();

        Assert.Equal(refReceptorType, conns.Receptor.Order().ToArray());
    }
}
