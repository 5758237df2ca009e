namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_synapsecollection.py (TestSynapseCollection). NEST's <c>sizeof</c> of a static_synapse is its
/// C++ size (32 bytes); NestSharp reports the bytes its own static synapse takes (14), so the expected dictionaries
/// here hold 14.
/// </summary>
public sealed class TestSynapsecollection
{
    /// <summary>The bytes one static_synapse takes in NestSharp (NEST: 32).</summary>
    private const long SizeofStatic = 14;

    private readonly Simulator _nest = new();

    // NEST: testsuite/pytests/synapses/test_synapsecollection.py::TestSynapseCollection::test_basic
    [Fact]
    public void Test_basic()
    {
        // Test simple SynapseCollection.
        var nrns = _nest.Create("iaf_psc_alpha", 2);
        _nest.Connect(nrns, nrns);

        var getConns = _nest.GetConnections();

        Assert.IsType<SynapseCollection>(getConns);
        Assert.Equal(4, getConns.Count);

        var sources = getConns.Get("source");
        var targets = getConns.Get("target");

        Assert.Equal(new long[] { 1, 1, 2, 2 }, sources);
        Assert.Equal(new long[] { 1, 2, 1, 2 }, targets);
    }

    // NEST: testsuite/pytests/synapses/test_synapsecollection.py::TestSynapseCollection::test_get_set
    [Fact]
    public void Test_get_set()
    {
        // Test get() and set() on SynapseCollection.
        var nrns = _nest.Create("iaf_psc_alpha", 2);
        _nest.Connect(nrns, nrns);

        var getConns = _nest.GetConnections();

        getConns.Set("delay", 2.0);
        getConns.Set(new[] { 1.5, 2.5, 3.5, 4.5 }.Select(w => new Dictionary<string, object> { ["weight"] = w }).ToList());

        var delay = getConns.Get("delay");
        var weight = getConns.Get("weight");

        Assert.Equal(new[] { 2.0, 2.0, 2.0, 2.0 }, delay);
        Assert.Equal(new[] { 1.5, 2.5, 3.5, 4.5 }, weight);

        getConns.Set(new Dictionary<string, object> { ["weight"] = 6.0, ["delay"] = 11.0 });

        delay = getConns.Get("delay");
        weight = getConns.Get("weight");

        Assert.Equal(new[] { 11.0, 11.0, 11.0, 11.0 }, delay);
        Assert.Equal(new[] { 6.0, 6.0, 6.0, 6.0 }, weight);

        // property that cannot be set
        Assert.ThrowsAny<NestException>(() => getConns.Set("source", 2));

        // unknown parameter
        Assert.ThrowsAny<NestException>(() => getConns.Set(new Dictionary<string, object> { ["foo"] = 1.0 }));

        // unknown parameter in list of dicts
        Assert.ThrowsAny<NestException>(() => getConns.Set(new List<Dictionary<string, object>>
        {
            new() { ["foo"] = 1.0 }, new() { ["weight"] = 12.0 }, new() { ["weight"] = 13.0 }, new() { ["weight"] = 14.0 },
        }));

        _nest.ResetKernel();
        nrns = _nest.Create("iaf_psc_alpha", 2);
        _nest.Connect(nrns, nrns);

        getConns = _nest.GetConnections();

        getConns.Set("weight", new[] { 2.0, 3.0, 4.0, 5.0 });
        weight = getConns.Get("weight");
        Assert.Equal(new[] { 2.0, 3.0, 4.0, 5.0 }, weight);
    }

    // NEST: testsuite/pytests/synapses/test_synapsecollection.py::TestSynapseCollection::test_get
    [Fact]
    public void Test_get()
    {
        // Test get() on SynapseCollection
        var nrns = _nest.Create("iaf_psc_alpha", 2);
        _nest.Connect(nrns, nrns);
        var conns = _nest.GetConnections();

        // Key is a string
        var target = conns.Get("target");
        // Key is a list of strings
        var dpw = conns.Get("delay", "port", "weight");
        // Key is None
        var allValues = conns.Get();

        long expectedSynId = _nest.GetDefaults<long>("static_synapse", "synapse_modelid");

        long[] targetRef = [1, 2, 1, 2];
        var dpwRef = new Dictionary<string, object>
        {
            ["delay"] = new[] { 1.0, 1.0, 1.0, 1.0 }, ["port"] = new long[] { 0, 1, 2, 3 }, ["weight"] = new[] { 1.0, 1.0, 1.0, 1.0 },
        };
        var allRef = new Dictionary<string, object>
        {
            ["delay"] = new[] { 1.0, 1.0, 1.0, 1.0 },
            ["port"] = new long[] { 0, 1, 2, 3 },
            ["receptor"] = new long[] { 0, 0, 0, 0 },
            ["sizeof"] = new[] { SizeofStatic, SizeofStatic, SizeofStatic, SizeofStatic },
            ["source"] = new long[] { 1, 1, 2, 2 },
            ["synapse_id"] = new[] { expectedSynId, expectedSynId, expectedSynId, expectedSynId },
            ["synapse_model"] = new[] { "static_synapse", "static_synapse", "static_synapse", "static_synapse" },
            ["target"] = new long[] { 1, 2, 1, 2 },
            ["target_thread"] = new long[] { 0, 0, 0, 0 },
            ["weight"] = new[] { 1.0, 1.0, 1.0, 1.0 },
        };

        Assert.Equal(targetRef, target);
        Assert.Equal(dpwRef, dpw);
        Assert.Equal(allRef, allValues);

        // Now try the same with a single connection
        _nest.ResetKernel();

        nrns = _nest.Create("iaf_psc_alpha");
        _nest.Connect(nrns, nrns);
        conns = _nest.GetConnections();

        Assert.Equal(1, conns.Count);

        // Key is a string
        target = conns.Get("target");
        // Key is a list of strings
        dpw = conns.Get("delay", "port", "weight");
        // Key is None
        allValues = conns.Get();

        dpwRef = new Dictionary<string, object> { ["delay"] = 1.0, ["port"] = 0L, ["weight"] = 1.0 };
        allRef = new Dictionary<string, object>
        {
            ["delay"] = 1.0,
            ["port"] = 0L,
            ["receptor"] = 0L,
            ["sizeof"] = SizeofStatic,
            ["source"] = 1L,
            ["synapse_id"] = expectedSynId,
            ["synapse_model"] = "static_synapse",
            ["target"] = 1L,
            ["target_thread"] = 0L,
            ["weight"] = 1.0,
        };

        Assert.Equal(1L, target);
        Assert.Equal(dpwRef, dpw);
        Assert.Equal(allRef, allValues);
    }

    // NEST: testsuite/pytests/synapses/test_synapsecollection.py::TestSynapseCollection::test_get_when_several_synapses
    [Fact]
    public void Test_get_when_several_synapses()
    {
        // Test get on SynapseCollection when we have more than one synapse
        var nrns = _nest.Create("iaf_psc_alpha", 4);

        _nest.Connect(nrns, nrns, "one_to_one");
        _nest.Connect(nrns, nrns, "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["alpha"] = 2.0 });

        var conns = _nest.GetConnections();
        var alphaRef = Enumerable.Repeat<object?>(null, nrns.Count).Concat(Enumerable.Repeat<object?>(2.0, nrns.Count)).ToArray();

        Assert.Equal(alphaRef, conns.Get("alpha"));
        Assert.Equal(alphaRef, conns.Get()["alpha"]);
    }

    // NEST: testsuite/pytests/synapses/test_synapsecollection.py::TestSynapseCollection::test_GetConnectionsSynapse
    [Fact]
    public void Test_GetConnectionsSynapse()
    {
        // Test GetConnections with synapse_model
        var nrns = _nest.Create("iaf_psc_alpha", 10);
        _nest.Connect(nrns[..4], nrns[2..6], null, new SynSpec { SynapseModel = "stdp_synapse" });
        _nest.Connect(nrns[5..7], nrns[8..], new Dictionary<string, object> { ["rule"] = "one_to_one" }, new SynSpec { SynapseModel = "tsodyks_synapse" });
        _nest.Connect(nrns[7..], nrns[..5], null, new SynSpec { SynapseModel = "stdp_triplet_synapse", Weight = 5.0 });

        var getConn1 = _nest.GetConnections(nrns, nrns, synapseModel: "stdp_synapse");
        var getConn2 = _nest.GetConnections(nrns, nrns, synapseModel: "tsodyks_synapse");
        var getConn3 = _nest.GetConnections(nrns, nrns, synapseModel: "stdp_triplet_synapse");

        var sources1 = getConn1.Get("source");
        var sources2 = getConn2.Get("source");
        var sources3 = getConn3.Get("source");
        var targets1 = (long[])getConn1.Get("target");
        var targets2 = getConn2.Get("target");
        var targets3 = (long[])getConn3.Get("target");

        Assert.Equal(new long[] { 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4 }, sources1);
        Assert.Equal(new long[] { 6, 7 }, sources2);
        Assert.Equal(new long[] { 8, 8, 8, 8, 8, 9, 9, 9, 9, 9, 10, 10, 10, 10, 10 }, sources3);
        // NEST compares targets.sort() with [...].sort() (both None in Python); the intent, compared here: the sorted lists.
        Assert.Equal(new long[] { 3, 4, 5, 6, 3, 4, 5, 6, 3, 4, 5, 6, 3, 4, 5, 6 }.Order(), targets1.Order());
        Assert.Equal(new long[] { 9, 10 }, targets2);
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5 }.Order(), targets3.Order());

        var weight = getConn3.Get("weight");
        Assert.Equal(Enumerable.Repeat(5.0, 15), (double[])weight);

        var getConns = _nest.GetConnections();
        Assert.Equal(33, getConns.Count);
    }

    // NEST: testsuite/pytests/synapses/test_synapsecollection.py::TestSynapseCollection::test_GetConnectionsOnSubset
    [Fact]
    public void Test_GetConnectionsOnSubset()
    {
        // Test GetConnections on sliced NodeCollection
        var nrns = _nest.Create("iaf_psc_alpha", 10);
        _nest.Connect(nrns, nrns);

        var getConns = _nest.GetConnections(nrns[3..6], nrns.Slice(2, 8, 2));

        Assert.Equal(9, getConns.Count);

        var sources = getConns.Get("source");
        var targets = (long[])getConns.Get("target");

        Assert.Equal(new long[] { 4, 4, 4, 5, 5, 5, 6, 6, 6 }, sources);
        // NEST compares targets.sort() with [...].sort() (both None in Python); the intent, compared here: the sorted lists.
        Assert.Equal(new long[] { 3, 5, 7, 3, 5, 7, 3, 5, 7 }.Order(), targets.Order());

        _nest.ResetKernel();

        nrns = _nest.Create("iaf_psc_alpha", 10);
        _nest.Connect(nrns, nrns, new Dictionary<string, object> { ["rule"] = "one_to_one" });

        getConns = _nest.GetConnections(nrns[3..6], nrns.Slice(2, 8, 2));

        Assert.Equal(1, getConns.Count);

        Assert.Equal(5L, getConns.Get("source"));
        Assert.Equal(5L, getConns.Get("target"));

        _nest.ResetKernel();

        nrns = _nest.Create("iaf_psc_alpha", 10);
        _nest.Connect(nrns[3..6], nrns.Slice(2, 8, 2), new Dictionary<string, object> { ["rule"] = "one_to_one" });

        getConns = _nest.GetConnections(nrns[3..6], nrns.Slice(2, 8, 2));

        Assert.Equal(3, getConns.Count);

        Assert.Equal(new long[] { 4, 5, 6 }, getConns.Get("source"));
        Assert.Equal(new long[] { 3, 5, 7 }, getConns.Get("target"));
    }

    // NEST: testsuite/pytests/synapses/test_synapsecollection.py::TestSynapseCollection::test_getWithPandasOutput
    // PyNEST's get(output="pandas") is a DataFrame of the get() columns indexed by source; here the same columns
    // (Get, Get(keys)) and the index (Source) are compared.
    [Fact]
    public void Test_getWithPandasOutput()
    {
        // Test get on SynapseCollection with pandas output
        var nrn = _nest.Create("iaf_psc_alpha");
        _nest.Connect(nrn, nrn);
        var conns = _nest.GetConnections();

        long expectedSynId = _nest.GetDefaults<long>("static_synapse", "synapse_modelid");

        var connsVal = conns.Get();
        var pndsRef = new Dictionary<string, object>
        {
            ["delay"] = 1.0, ["port"] = 0L, ["receptor"] = 0L, ["sizeof"] = SizeofStatic, ["source"] = 1L,
            ["synapse_id"] = expectedSynId, ["synapse_model"] = "static_synapse", ["target"] = 1L, ["target_thread"] = 0L, ["weight"] = 1.0,
        };
        Assert.Equal(pndsRef, connsVal);
        Assert.Equal(new[] { (long)conns.Get("source") }, conns.Source);

        var connsDelay = conns.Get("delay");
        var connsSizeof = conns.Get("sizeof");

        Assert.Equal(1.0, connsDelay);
        Assert.Equal(SizeofStatic, connsSizeof);

        _nest.ResetKernel();

        var nrns = _nest.Create("iaf_psc_alpha", 2);
        _nest.Connect(nrns, nrns);
        conns = _nest.GetConnections();

        connsVal = conns.Get();
        pndsRef = new Dictionary<string, object>
        {
            ["delay"] = new[] { 1.0, 1.0, 1.0, 1.0 },
            ["port"] = new long[] { 0, 1, 2, 3 },
            ["receptor"] = new long[] { 0, 0, 0, 0 },
            ["sizeof"] = new[] { SizeofStatic, SizeofStatic, SizeofStatic, SizeofStatic },
            ["source"] = new long[] { 1, 1, 2, 2 },
            ["synapse_id"] = new[] { expectedSynId, expectedSynId, expectedSynId, expectedSynId },
            ["synapse_model"] = new[] { "static_synapse", "static_synapse", "static_synapse", "static_synapse" },
            ["target"] = new long[] { 1, 2, 1, 2 },
            ["target_thread"] = new long[] { 0, 0, 0, 0 },
            ["weight"] = new[] { 1.0, 1.0, 1.0, 1.0 },
        };
        Assert.Equal(pndsRef, connsVal);
        Assert.Equal(conns.Get("source"), conns.Source);

        var connsTarget = conns.Get("target");
        var connsSizeofPort = conns.Get("sizeof", "port");

        Assert.Equal(new long[] { 1, 2, 1, 2 }, connsTarget);
        Assert.Equal(new Dictionary<string, object> { ["sizeof"] = new[] { SizeofStatic, SizeofStatic, SizeofStatic, SizeofStatic }, ["port"] = new long[] { 0, 1, 2, 3 } },
            connsSizeofPort);
    }

    // NEST: testsuite/pytests/synapses/test_synapsecollection.py::TestSynapseCollection::test_empty
    [Fact]
    public void Test_empty()
    {
        // Test get on empty SynapseCollection and after a ResetKernel
        var conns = _nest.GetConnections();
        Assert.Equal(0, conns.Count);
        Assert.Equal(new Dictionary<string, object>(), conns.Get());
        Assert.Empty((System.Collections.IEnumerable)conns.Get("weight"));

        var nrns = _nest.Create("iaf_psc_alpha", 2);
        _nest.Connect(nrns, nrns, "one_to_one");
        conns = _nest.GetConnections();
        Assert.Equal(2, conns.Count);

        _nest.ResetKernel();
        Assert.Equal(new Dictionary<string, object>(), conns.Get());
        conns.Set("weight", 10.0);
        Assert.Empty((System.Collections.IEnumerable)conns.Get("weight"));
    }

    // NEST: testsuite/pytests/synapses/test_synapsecollection.py::TestSynapseCollection::test_string
    [Fact]
    public void Test_string()
    {
        // Test the str functionality of SynapseCollection
        string refStr =
            " source   target   synapse model   weight   delay \n"
            + "-------- -------- --------------- -------- -------\n"
            + "      1        4  static_synapse    1.000   1.000\n"
            + "      2        4  static_synapse    2.000   1.000\n"
            + "      1        3    stdp_synapse    4.000   1.000\n"
            + "      1        4    stdp_synapse    3.000   1.000\n"
            + "      2        3    stdp_synapse    3.000   1.000\n"
            + "      2        4    stdp_synapse    2.000   1.000";

        var sNodes = _nest.Create("iaf_psc_alpha", 2);
        var tNodes = _nest.Create("iaf_psc_alpha", 3);

        _nest.Connect(sNodes, tNodes[1], syn: new Dictionary<string, object> { ["weight"] = new[] { new[] { 1.0, 2.0 } } });
        _nest.Connect(sNodes, tNodes[..2],
            syn: new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["weight"] = new[] { new[] { 4.0, 3.0 }, new[] { 3.0, 2.0 } } });

        var conns = _nest.GetConnections();
        Assert.Equal(refStr, conns.ToString());
    }

    // NEST: testsuite/pytests/synapses/test_synapsecollection.py::TestSynapseCollection::test_empty_string
    [Fact]
    public void Test_empty_string()
    {
        // Test the str functionality of empty SynapseCollection
        const string refStr = "The synapse collection does not contain any connections.";

        var conns = _nest.GetConnections();
        Assert.Equal(refStr, conns.ToString());
    }
}
