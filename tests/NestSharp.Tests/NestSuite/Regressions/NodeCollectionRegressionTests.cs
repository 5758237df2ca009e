namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// NodeCollections: comparison of primitive and composite collections, collections and connections of nodes that
/// do not exist, indexing with lists, slicing composite collections (and which thread owns each node), positions and
/// connections of sliced layers (test_issue_3108). The bodies of test_issue_3108 take the simulator they run on, so that
/// MpiDirect runs them on each rank of several processes (NEST's mpi_direct/2, 3 and 4 link that file).
/// </summary>
public sealed class NodeCollectionRegressionTests
{
    // NEST: testsuite/pytests/regressions/test_issue_1610.py::test_comparing_primitive_and_composite_nodecollections
    [Fact]
    public void PrimitiveAndCompositeCollections_CompareUnequal()
    {
        var nest = new Simulator();
        var primNc = nest.Create("iaf_psc_alpha", 10);
        var compNc = nest.Create("iaf_psc_alpha", 5) + nest.Create("iaf_psc_alpha", 5);
        Assert.False(primNc.Equals(compNc));
        Assert.False(compNc.Equals(primNc));
        Assert.NotEqual(primNc.Ids, compNc.Ids);
    }

    // NEST: testsuite/pytests/regressions/test_issue_2636_2795.py::test_nc_access_fail_without_node_creation
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void CollectionOfNodesNeverCreated_IsUnknownNode(int nodeId)
    {
        var nest = new Simulator();
        Assert.Throws<UnknownNodeException>(() => nest.Nodes(nodeId));
    }

    // NEST: testsuite/pytests/regressions/test_issue_2636_2795.py::test_connection_fail_without_node_creation
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ConnectingNodesNeverCreated_IsUnknownNode(int nodeId)
    {
        var nest = new Simulator();
        Assert.Throws<UnknownNodeException>(() => nest.Connect(nest.Nodes(nodeId), nest.Nodes(nodeId)));
    }

    // NEST: testsuite/pytests/regressions/test_issue_2637.py::test_nc_slice_list_of_numpy_ints
    // (a list of Python int, numpy.int32 or numpy.int64: in C# a list of long, int or long positions)
    [Theory]
    [InlineData("int")]
    [InlineData("numpy.int32")]
    [InlineData("numpy.int64")]
    public void CollectionIndexedByAListOfIntegers_Works(string dtype)
    {
        var nest = new Simulator();
        var nc = nest.Create("iaf_psc_alpha", 2);
        int[] sliceLst = dtype == "numpy.int32" ? [0, 1] : Array.ConvertAll(new long[] { 0, 1 }, i => (int)i);
        Assert.Equal(nc.Ids, nc[sliceLst].Ids);
    }

    public static TheoryData<int, string> SliceTransforms()
    {
        var data = new TheoryData<int, string>();
        foreach (int threads in NumThreads)
        {
            foreach (string transform in Transforms.Keys)
                data.Add(threads, transform);
        }
        return data;
    }

    private static readonly int[] NumThreads = [1, 2, 3, 4];

    /// <summary>The slicings of NEST's test, applied to a NodeCollection and to the list of its ids (Python slice semantics).</summary>
    private static readonly Dictionary<string, (Func<NodeCollection, NodeCollection> OnCollection, Func<List<int>, List<int>> OnList)> Transforms = new()
    {
        ["nc[::3]"] = (nc => nc.Slice(0, nc.Count, 3), l => PySlice(l, 0, l.Count, 3)),
        ["nc[1:]"] = (nc => nc.Slice(1, nc.Count), l => PySlice(l, 1, l.Count, 1)),
        ["nc[:5] + nc[8:]"] = (nc => nc[..5] + nc[8..], l => [.. l[..5], .. l[8..]]),
        ["(nc[:5] + nc[8:])[-1:]"] = (nc => (nc[..5] + nc[8..]).Slice(-1, (nc[..5] + nc[8..]).Count), l => Last(l[..5].Concat(l[8..]).ToList())),
        ["(nc[:5] + nc[8:])[::2]"] = (nc => Stepped(nc[..5] + nc[8..], 0, 2), l => PySlice([.. l[..5], .. l[8..]], 0, null, 2)),
        ["(nc[:5] + nc[8:])[::3]"] = (nc => Stepped(nc[..5] + nc[8..], 0, 3), l => PySlice([.. l[..5], .. l[8..]], 0, null, 3)),
        ["(nc[:5] + nc[9:])[::2]"] = (nc => Stepped(nc[..5] + nc[9..], 0, 2), l => PySlice([.. l[..5], .. l[9..]], 0, null, 2)),
        ["(nc[:5] + nc[9:])[::3]"] = (nc => Stepped(nc[..5] + nc[9..], 0, 3), l => PySlice([.. l[..5], .. l[9..]], 0, null, 3)),
        ["(nc[:5] + nc[8:])[7:]"] = (nc => Stepped(nc[..5] + nc[8..], 7, 1), l => PySlice([.. l[..5], .. l[8..]], 7, null, 1)),
        ["(nc[:5] + nc[8:])[7::3]"] = (nc => Stepped(nc[..5] + nc[8..], 7, 3), l => PySlice([.. l[..5], .. l[8..]], 7, null, 3)),
    };

    private static NodeCollection Stepped(NodeCollection nc, int start, int step) => nc.Slice(start, nc.Count, step);

    private static List<int> Last(List<int> l) => [l[^1]];

    private static List<int> PySlice(List<int> l, int start, int? stop, int step)
    {
        var result = new List<int>();
        for (int i = start; i < (stop ?? l.Count); i += step) result.Add(l[i]);
        return result;
    }

    /// <summary>
    /// NEST's checks, with the private <c>_to_array("rank")</c> and <c>_to_array("thread")</c> expressed by node status:
    /// the sliced collection holds the Python slice of the ids; its nodes on this rank are those whose virtual process
    /// is on this rank; each is reported by the thread that runs its virtual process.
    /// </summary>
    private static void AssertSlicedCollection(Simulator nest, NodeCollection nOrig, NodeCollection nSliced, List<int> nPysliceGids)
    {
        var nPysliceGidsOnRank = nPysliceGids
            .Where(id => nOrig[nOrig.IndexOf(id)].Get<long>("vp") % nest.NumProcesses == nest.Rank).Order().ToList();

        Assert.Equal(nPysliceGids, nSliced.Ids);

        var localNodes = nSliced.Where(node => node.Get<bool>("local")).ToList();
        Assert.Equal(nPysliceGidsOnRank, localNodes.Select(node => node.Ids[0]).Order().ToList());
        foreach (var node in localNodes)
            Assert.Equal(node.Get<long>("vp") / nest.NumProcesses, node.Get<long>("thread"));
    }

    // NEST: testsuite/pytests/regressions/test_issue_3108.py::test_slice_node_collections
    [Theory]
    [MemberData(nameof(SliceTransforms))]
    public void SlicedCollections_HoldThePythonSliceOfIds_OnTheirOwningThreads(int nThreads, string transform) =>
        SliceNodeCollections(new Simulator(), nThreads, transform);

    /// <summary>The body of test_slice_node_collections on <paramref name="nest"/> (MpiDirect runs it on each rank of several processes).</summary>
    internal static void SliceNodeCollections(Simulator nest, int nThreads, string transform)
    {
        nest.ResetKernel();
        nest.SetKernelStatus("local_num_threads", nThreads);
        var nOrig = nest.Create("parrot_neuron", 128);
        var nOrigGids = nOrig.Ids.ToList();
        var (onCollection, onList) = Transforms[transform];
        AssertSlicedCollection(nest, nOrig, onCollection(nOrig), onList(nOrigGids));
    }

    public static TheoryData<int, int> ThreadsAndStrides()
    {
        var data = new TheoryData<int, int>();
        foreach (int threads in NumThreads)
        {
            foreach (int stride in new[] { 1, 2, 3, 7, 12 })
                data.Add(threads, stride);
        }
        return data;
    }

    // NEST: testsuite/pytests/regressions/test_issue_3108.py::test_slice_single_element_parts
    [Theory]
    [MemberData(nameof(ThreadsAndStrides))]
    public void SlicingACollectionOfSingleNodeParts_StepsOverTheParts(int nThreads, int stride) =>
        SliceSingleElementParts(new Simulator(), nThreads, stride);

    /// <summary>The body of test_slice_single_element_parts on <paramref name="nest"/> (also run by MpiDirect).</summary>
    internal static void SliceSingleElementParts(Simulator nest, int nThreads, int stride)
    {
        nest.ResetKernel();
        nest.SetKernelStatus("local_num_threads", nThreads);
        var modNames = Enumerable.Range(0, 91).Select(n => $"pn{n:00}").ToList();
        foreach (var mod in modNames) nest.CopyModel("parrot_neuron", mod);
        var nOrig = modNames.Select(mod => nest.Create(mod)).Aggregate((a, b) => a + b);
        var nOrigGids = nOrig.Ids.ToList();
        AssertSlicedCollection(nest, nOrig, nOrig.Slice(0, nOrig.Count, stride), PySlice(nOrigGids, 0, null, stride));
    }

    // NEST: testsuite/pytests/regressions/test_issue_3108.py::test_multi_parts_slicing
    [Theory]
    [MemberData(nameof(ThreadsAndStrides))]
    public void CollectionOfPartsWithGaps_HoldsTheIdsOfItsParts(int nThreads, int stride) =>
        MultiPartsSlicing(new Simulator(), nThreads, stride);

    /// <summary>The body of test_multi_parts_slicing on <paramref name="nest"/> (also run by MpiDirect).</summary>
    internal static void MultiPartsSlicing(Simulator nest, int nThreads, int stride)
    {
        _ = stride; // NEST's test is parametrised over stride but does not use it
        nest.ResetKernel();
        nest.SetKernelStatus("local_num_threads", nThreads);
        var nOrig = nest.Create("parrot_neuron", 97);
        var g = nOrig.Ids.ToList();
        var nSliced = nOrig[..5] + nOrig[6..7] + nOrig[8..18] + nOrig[23..34] + nOrig[41..];
        List<int> nPysliceGids = [.. g[..5], .. g[6..7], .. g[8..18], .. g[23..34], .. g[41..]];
        AssertSlicedCollection(nest, nOrig, nSliced, nPysliceGids);
    }

    // ---------------------------------------------------------------- test_issue_3108's spatial tests

    /// <summary>
    /// The positions of <paramref name="nodes"/> (of one layer) on this process, in the order of their ids: NEST's
    /// <c>nodes.spatial["positions"]</c> gives those of the rank's own nodes (vp mod processes = rank); NestSharp's
    /// gives every node's on every process, so the rank's are taken from them.
    /// </summary>
    private static List<double[]> RankPositions(Simulator nest, NodeCollection nodes)
    {
        var all = (double[][])nest.GetSpatial(nodes)!["positions"];
        return [.. nodes.Select((node, i) => (node, i)).Where(p => p.node.Get<long>("vp") % nest.NumProcesses == nest.Rank).Select(p => all[p.i])];
    }

    public static TheoryData<int, int, int> ThreadsStartsAndSteps()
    {
        var data = new TheoryData<int, int, int>();
        int[][] startSteps = [[0, 1], [0, 3], .. Enumerable.Range(1, 8).Select(n => new[] { 2, n })];
        foreach (int threads in NumThreads)
        {
            foreach (var ss in startSteps) data.Add(threads, ss[0], ss[1]);
        }
        return data;
    }

    // NEST: testsuite/pytests/regressions/test_issue_3108.py::test_get_positions_with_mpi
    [Theory]
    [MemberData(nameof(ThreadsStartsAndSteps))]
    public void PositionsOfASlicedLayer_AreThoseOfItsNodes(int nThreads, int start, int step) =>
        GetPositionsWithMpi(new Simulator(), nThreads, start, step);

    /// <summary>The body of test_get_positions_with_mpi on <paramref name="nest"/> (also run by MpiDirect).</summary>
    internal static void GetPositionsWithMpi(Simulator nest, int nThreads, int start, int step)
    {
        const int numNeurons = 128;

        nest.ResetKernel();
        nest.SetKernelStatus("local_num_threads", nThreads);

        // Need floats because NEST returns positions as floats
        var nodePos = Enumerable.Range(0, numNeurons).Select(x => new[] { (double)x, 0.0 }).ToList();

        var layer = nest.Create("parrot_neuron", Positions.Free([.. nodePos], edgeWrap: false));

        var sliced = layer.Slice(start, layer.Count, step);
        var pos = RankPositions(nest, sliced);
        var nodeRanks = layer.Select(n => n.Get<long>("vp") % nest.NumProcesses).ToList();
        Assert.Equal(numNeurons, nodeRanks.Count);

        var expectedPos = PySlice([.. Enumerable.Range(0, numNeurons)], start, null, step)
            .Where(i => nodeRanks[i] == nest.Rank).Select(i => nodePos[i]).ToList();

        Assert.Equal(expectedPos.Count, pos.Count);
        for (int i = 0; i < pos.Count; i++) Assert.Equal(expectedPos[i], pos[i]);
    }

    public static TheoryData<int, int> ThreadsAndPicks(int picks)
    {
        var data = new TheoryData<int, int>();
        foreach (int threads in NumThreads)
        {
            for (int pick = 0; pick < picks; pick++) data.Add(threads, pick);
        }
        return data;
    }

    // NEST: testsuite/pytests/regressions/test_issue_3108.py::test_get_spatial_for_single_element_and_mpi
    [Theory]
    [MemberData(nameof(ThreadsAndPicks), 7)]
    public void SpatialOfASingleLayerElement_GivesItsPosition(int nThreads, int pick) =>
        GetSpatialForSingleElementAndMpi(new Simulator(), nThreads, pick);

    /// <summary>The body of test_get_spatial_for_single_element_and_mpi on <paramref name="nest"/> (also run by MpiDirect).</summary>
    internal static void GetSpatialForSingleElementAndMpi(Simulator nest, int nThreads, int pick)
    {
        const int numNeurons = 7;

        nest.ResetKernel();
        nest.SetKernelStatus("local_num_threads", nThreads);

        var nodePos = Enumerable.Range(0, numNeurons).Select(x => new[] { (double)x, 0.0 }).ToList();

        var layer = nest.Create("parrot_neuron", Positions.Free([.. nodePos], edgeWrap: false));

        // We want to retrieve this on all ranks to see that it does not break NEST
        var sp = RankPositions(nest, layer[pick]);

        long pickRank = layer[pick].Get<long>("vp") % nest.NumProcesses;
        if (pickRank == nest.Rank) Assert.Equal(nodePos[pick], sp[0]);
        else Assert.Empty(sp);
    }

    /// <summary>The ids of <paramref name="nodes"/> whose virtual process is on this rank.</summary>
    private static List<long> OnRank(Simulator nest, NodeCollection nodes) =>
        [.. nodes.Where(n => n.Get<long>("vp") % nest.NumProcesses == nest.Rank).Select(n => (long)n.Ids[0])];

    /// <summary>The connections this process stores (NEST's GetConnections() on a rank).</summary>
    private static SynapseCollection RankConnections(Simulator nest) => MpiDirect.MpiRanks.Own(nest, nest.GetConnections());

    // NEST: testsuite/pytests/regressions/test_issue_3108.py::test_connect_with_single_element_slice_and_mpi
    [Theory]
    [MemberData(nameof(ThreadsAndPicks), 5)]
    public void ConnectingASingleElementSliceOfALayer_ConnectsItToEveryNode(int nThreads, int pick) =>
        ConnectWithSingleElementSliceAndMpi(new Simulator(), nThreads, pick);

    /// <summary>The body of test_connect_with_single_element_slice_and_mpi on <paramref name="nest"/> (also run by MpiDirect).</summary>
    internal static void ConnectWithSingleElementSliceAndMpi(Simulator nest, int nThreads, int pick)
    {
        const int numNeurons = 5;

        nest.ResetKernel();
        nest.SetKernelStatus("local_num_threads", nThreads);

        var layer = nest.Create("parrot_neuron", Positions.Free(nest.Random.Uniform(min: -1, max: 1), numDimensions: 2, edgeWrap: false), n: numNeurons);

        // space-dependent syn_spec passed only to force use of ConnectLayers
        nest.ConnectLayers(layer[pick], layer, new Dictionary<string, object> { ["rule"] = "pairwise_bernoulli", ["p"] = 1.0 },
            [new SynSpec { Weight = Spatial.Distance }]);

        var localNodes = OnRank(nest, layer);

        var c = RankConnections(nest);
        Assert.Equal(Enumerable.Repeat((long)layer[pick].Ids[0], localNodes.Count), c.Sources());
        Assert.Equal(localNodes.Order(), c.Targets().Order());
    }

    public static TheoryData<int, int, int> ThreadsAndSteps()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int threads in NumThreads)
        {
            foreach (int sstep in new[] { 2, 3, 4, 6 })
            {
                foreach (int tstep in new[] { 2, 3, 4, 6 }) data.Add(threads, sstep, tstep);
            }
        }
        return data;
    }

    // NEST: testsuite/pytests/regressions/test_issue_3108.py::test_connect_slice_to_slice_and_mpi
    [Theory]
    [MemberData(nameof(ThreadsAndSteps))]
    public void ConnectingSteppedSlicesOfALayer_ConnectsEverySourceToEveryTarget(int nThreads, int sstep, int tstep) =>
        ConnectSliceToSliceAndMpi(new Simulator(), nThreads, sstep, tstep);

    /// <summary>The body of test_connect_slice_to_slice_and_mpi on <paramref name="nest"/> (also run by MpiDirect).</summary>
    internal static void ConnectSliceToSliceAndMpi(Simulator nest, int nThreads, int sstep, int tstep)
    {
        const int numNeurons = 128;

        nest.ResetKernel();
        nest.SetKernelStatus("local_num_threads", nThreads);

        var layer = nest.Create("parrot_neuron", Positions.Free(nest.Random.Uniform(min: -1, max: 1), numDimensions: 2, edgeWrap: false), n: numNeurons);

        var sources = layer.Slice(0, layer.Count, sstep);
        var targets = layer.Slice(2, layer.Count, tstep);
        // space-dependent syn_spec passed only to force use of ConnectLayers
        nest.ConnectLayers(sources, targets, new Dictionary<string, object> { ["rule"] = "pairwise_bernoulli", ["p"] = 1.0 },
            [new SynSpec { Weight = Spatial.Distance }]);

        var localTargets = OnRank(nest, targets).ToHashSet();

        var c = RankConnections(nest);
        var src = c.Sources().ToList();
        var tgt = c.Targets().ToList();

        Assert.Equal(sources.Count * localTargets.Count, c.Count);
        Assert.Equal(localTargets, tgt.ToHashSet()); // all local neurons in layer[2::tstep] must be targets
        if (localTargets.Count > 0) Assert.Equal(sources.Ids.Select(id => (long)id).ToHashSet(), src.ToHashSet()); // all neurons in layer[::sstep] must be sources
    }
}
