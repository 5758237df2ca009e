namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// NodeCollection indexing, slicing, joining, membership and conversion, as NEST's other/test_node_collection_*.py
/// check them. PyNEST's IndexError is ArgumentOutOfRangeException here, its ValueError ArgumentException (or -1 from
/// IndexOf, the .NET convention), <c>tolist()</c> is ToArray().
/// </summary>
public sealed class NodeCollectionTests
{
    // NEST: other/test_node_collection_indexing_slicing.py::test_node_collection_indexing
    [Fact]
    public void Indexing_CountsFromBothEnds_AndFailsOutside()
    {
        var nest = new Simulator();
        var nc = nest.Create("iaf_psc_alpha", 5);
        Assert.Equal(nest.Nodes(1), nc[0]);
        Assert.Equal(nest.Nodes(3), nc[2]);
        Assert.Equal(nest.Nodes(5), nc[4]);
        Assert.Equal(nest.Nodes(5), nc[-1]);
        Assert.Equal(nest.Nodes(3), nc[-3]);
        Assert.Equal(nest.Nodes(1), nc[-5]);
        Assert.Throws<ArgumentOutOfRangeException>(() => nc[5]);
        Assert.Throws<ArgumentOutOfRangeException>(() => nc[-6]);
    }

    /// <summary>The five collections of NEST's index and membership tests, with the ids each holds and some it does not.</summary>
    private static IEnumerable<(NodeCollection Nodes, int[] Ids, int[] Absent)> FiveCases(Simulator nest)
    {
        const int nAlpha = 10, nExp = 5, nTotal = nAlpha + nExp, start = 3, stop = 12, step = 3;
        var primitive = nest.Create("iaf_psc_alpha", nAlpha);
        var composite = primitive + nest.Create("iaf_psc_exp", nExp);
        int[] all = [.. Enumerable.Range(1, nTotal - 1)];
        int[] Without(Func<int, bool> removed) => [.. all.Where((_, i) => !removed(i))];
        yield return (primitive, [.. Enumerable.Range(1, nAlpha)], []);
        yield return (composite, [.. Enumerable.Range(1, nTotal)], []);
        yield return (composite.Slice(start, stop), [.. Enumerable.Range(start + 1, stop - start)], Without(i => i >= start && i < stop));
        yield return (composite.Slice(0, nTotal, step), [.. Enumerable.Range(0, nTotal).Where(i => i % step == 0).Select(i => i + 1)], Without(i => i % step == 0));
        yield return (composite.Slice(start, stop, step), [.. Enumerable.Range(start, stop - start).Where(i => (i - start) % step == 0).Select(i => i + 1)],
            Without(i => i >= start && i < stop && (i - start) % step == 0));
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_node_collection_index_method
    [Fact]
    public void IndexOf_GivesThePosition_OrMinusOneForNodesNotInTheCollection()
    {
        foreach (var (nodes, ids, absent) in FiveCases(new Simulator()))
        {
            int[] list = nodes.ToArray();
            Assert.Equal(ids, list);
            foreach (int id in list) Assert.Equal(Array.IndexOf(list, id), nodes.IndexOf(id));
            foreach (int id in absent) Assert.Equal(-1, nodes.IndexOf(id));
            Assert.Equal(-1, nodes.IndexOf(list[^1] + 1));
            Assert.Equal(-1, nodes.IndexOf(0));
            Assert.Equal(-1, nodes.IndexOf(-1));
        }
    }

    // NEST: other/test_node_collection_operations.py::test_node_collection_membership
    [Fact]
    public void Contains_TheCollectionsNodes_AndNoOthers()
    {
        foreach (var (nodes, ids, absent) in FiveCases(new Simulator()))
        {
            foreach (int id in ids) Assert.True(nodes.Contains(id));
            foreach (int id in absent) Assert.False(nodes.Contains(id));
            Assert.False(nodes.Contains(ids[^1] + 1));
            Assert.False(nodes.Contains(0));
            Assert.False(nodes.Contains(-1));
        }
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_node_collection_indexing_counter
    [Fact]
    public void Iteration_GivesEachNodeInOrder()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 10);
        int counter = 1;
        foreach (var node in nodes) Assert.Equal((long)counter++, node.Get<long>("global_id"));
        for (int i = 0; i < 10; i++) Assert.Equal(nest.Nodes(i + 1), nodes[i]);
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_multiple_node_collection_call_correct_index
    [Fact]
    public void EveryModel_GetsTheNextIds()
    {
        var nest = new Simulator();
        int begin = 1;
        foreach (var model in nest.NodeModels())
        {
            Assert.Equal(Enumerable.Range(begin, 10), nest.Create(model, 10).ToArray());
            begin += 10;
        }
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_node_collection_slicing
    [Fact]
    public void Slicing_AsPython_FailingOutsideTheCollection()
    {
        var nc = new Simulator().Create("iaf_psc_alpha", 10);
        Assert.Equal([1, 2, 3, 4, 5], nc[..5].ToArray());
        Assert.Equal([3, 4, 5, 6, 7], nc[2..7].ToArray());
        Assert.Equal([1, 3, 5, 7, 9], nc.Slice(0, 10, 2).ToArray());
        Assert.Equal([2, 5], nc.Slice(1, 6, 3).ToArray());
        Assert.Equal([6, 7, 8, 9, 10], nc[5..].ToArray());
        Assert.Equal([7, 8, 9, 10], nc[^4..].ToArray());
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], nc[..^3].ToArray());
        Assert.Equal([4, 5, 6], nc.Slice(-7, -4).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => nc.Slice(-15, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => nc.Slice(0, 15));
        Assert.Throws<ArgumentOutOfRangeException>(() => nc.Slice(-13, 17));
        Assert.Throws<ArgumentOutOfRangeException>(() => nc.Slice(0, 10, -3));
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_node_collection_primitive_composite_slicing
    [Fact]
    public void Slicing_AgreesWithPythonListSlicing_ForPrimitiveAndCompositeCollections()
    {
        var nest = new Simulator();
        var primitive = nest.Create("iaf_psc_alpha", 5);
        var composite = primitive + nest.Create("iaf_psc_exp");
        foreach (var nodes in new[] { primitive, composite })
        {
            int[] list = nodes.ToArray();
            int n = list.Length;
            // Python's list[start:stop:step] for a positive step.
            int[] PySlice(int? start, int? stop, int step)
            {
                int s = start is { } a ? (a < 0 ? Math.Max(n + a, 0) : Math.Min(a, n)) : 0;
                int e = stop is { } b ? (b < 0 ? Math.Max(n + b, 0) : Math.Min(b, n)) : n;
                var r = new List<int>();
                for (int i = s; i < e; i += step) r.Add(list[i]);
                return [.. r];
            }
            int Stop(int? stop) => stop is { } b ? b : n;
            Assert.Equal(list, nodes[..].ToArray());
            for (int start = -n; start < n; start++) Assert.Equal(PySlice(start, null, 1), nodes.Slice(start, n).ToArray());
            for (int stop = -n + 1; stop <= n; stop++)
            {
                if (stop == 0) continue; // NEST: slicing an empty NodeCollection is not allowed
                Assert.Equal(PySlice(null, stop, 1), nodes.Slice(0, Stop(stop)).ToArray());
            }
            for (int step = 1; step < n; step++) Assert.Equal(PySlice(null, null, step), nodes.Slice(0, n, step).ToArray());
            for (int start = -n; start < n; start++)
                for (int step = 1; step < n; step++) Assert.Equal(PySlice(start, null, step), nodes.Slice(start, n, step).ToArray());
            for (int stop = -n + 1; stop <= n; stop++)
            {
                if (stop == 0) continue;
                for (int step = 1; step < n; step++) Assert.Equal(PySlice(null, stop, step), nodes.Slice(0, stop, step).ToArray());
            }
            for (int start = -n; start < n; start++)
            {
                for (int stop = start + 1; stop <= n; stop++)
                {
                    if (stop == 0 || (start < 0 && start + n >= stop)) continue;
                    for (int step = 1; step < n; step++) Assert.Equal(PySlice(start, stop, step), nodes.Slice(start, stop, step).ToArray());
                }
            }
        }
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_node_collection_slice_unsorted_raises
    [Fact]
    public void IndexingWithUnsortedPositions_Fails()
    {
        var nc = new Simulator().Create("iaf_psc_alpha", 10);
        Assert.Throws<BadPropertyException>(() => nc[[6, 5, 4]]);
        Assert.Throws<BadPropertyException>(() => nc[[5, 4, 6]]);
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_primitive_node_collection_correct_len,
    // ::test_composite_node_collection_correct_len
    [Fact]
    public void Count_OfPrimitiveAndCompositeCollections()
    {
        var nest = new Simulator();
        Assert.Equal(10, nest.Create("iaf_psc_alpha", 10).Count);
        Assert.Equal(17, (nest.Create("iaf_psc_alpha", 10) + nest.Create("iaf_psc_exp", 7)).Count);
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_sliced_node_collection_correct_len
    [Fact]
    public void Count_OfASlicedCollection()
    {
        var nc = new Simulator().Create("iaf_psc_delta", 20);
        Assert.Equal(4, nc.Slice(3, 17, 4).Count);
    }

    /// <summary>iaf_psc_exp 1-10, iaf_psc_alpha 11-25 (not in the composite), iaf_psc_delta 26-55: the composite of the first and last.</summary>
    private static NodeCollection CompositeWithAGap(Simulator nest)
    {
        var ncA = nest.Create("iaf_psc_exp", 10);
        nest.Create("iaf_psc_alpha", 15);
        var ncC = nest.Create("iaf_psc_delta", 30);
        return ncA + ncC;
    }

    /// <summary>Every other node of <see cref="CompositeWithAGap"/>: 1, 3, ..., 9, 26, 28, ..., 54.</summary>
    private static int[] EveryOtherOfCompositeWithAGap() =>
        [.. Enumerable.Range(1, 10).Where((_, i) => i % 2 == 0), .. Enumerable.Range(26, 29).Where((_, i) => i % 2 == 0)];

    // NEST: other/test_node_collection_indexing_slicing.py::test_composite_node_collection_with_patched_node_ids_correct_nodes
    [Fact]
    public void SteppedSliceOfACompositeWithAGap_GivesTheRightIds()
    {
        var compNc = CompositeWithAGap(new Simulator());
        var stepCompNc = compNc.Slice(0, compNc.Count, 2);
        Assert.Equal(EveryOtherOfCompositeWithAGap(), stepCompNc.ToArray());
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_sliced_composite_node_collection_with_patched_node_ids_iteration
    [Fact]
    public void IteratingASteppedSliceOfACompositeWithAGap_GivesEachNode()
    {
        var nest = new Simulator();
        var compNc = CompositeWithAGap(nest);
        var stepCompNc = compNc.Slice(0, compNc.Count, 2);
        int[] compareList = EveryOtherOfCompositeWithAGap();
        int i = 0;
        foreach (var node in stepCompNc)
        {
            Assert.Equal(nest.Nodes(compareList[i]), node);
            i++;
        }
        Assert.Equal(compareList.Length, i);
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_composite_node_collection_with_patched_node_ids_slicing
    [Fact]
    public void SlicesOfACompositeWithAGap_GiveTheRightIds()
    {
        var compNc = CompositeWithAGap(new Simulator());
        Assert.Equal(Enumerable.Range(1, 10), compNc[..10].ToArray());
        Assert.Equal(Enumerable.Range(3, 5), compNc[2..7].ToArray());
        Assert.Equal([3, 5, 7, 9, 26], compNc.Slice(2, 12, 2).ToArray());
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_node_collection_with_nonunique_nodes_raises
    [Fact]
    public void CollectionsWithADuplicateNode_AreRefused()
    {
        var nest = new Simulator();
        var nc = nest.Create("iaf_psc_alpha", 10);
        Assert.Throws<BadPropertyException>(() => nc[1..3] + nc[2..5]);
        Assert.Throws<BadPropertyException>(() => nest.Nodes(2, 2));
        Assert.Throws<BadPropertyException>(() => nest.Nodes(2) + nest.Nodes(1, 2));
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_node_collection_array_indexing
    [Theory]
    [InlineData(new[] { 1, 2 })]
    [InlineData(new[] { 2, 5 })]
    [InlineData(new[] { 0, 2, 5, 7, 9 })]
    [InlineData(new int[0])]
    public void IndexingWithPositions_GivesThoseNodes(int[] positions)
    {
        var nc = new Simulator().Create("iaf_psc_alpha", 10);
        Assert.Equal(positions.Select(i => i + 1), nc[positions].ToArray());
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_node_collection_erroneous_array_indexing_raises
    // (the TypeError cases, fractional or nested positions, cannot be written in C#)
    [Fact]
    public void IndexingWithPositionsOutsideOrTwice_Fails()
    {
        var nc = new Simulator().Create("iaf_psc_alpha", 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => nc[[5, 10, 15]]);
        Assert.Throws<ArgumentException>(() => nc[[2, 2]]);
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_node_collection_bool_array_indexing
    [Theory]
    [InlineData(new[] { true, true, true, true, true })]
    [InlineData(new[] { false, false, false, false, false })]
    [InlineData(new[] { true, false, true, false, true })]
    public void IndexingWithAMask_GivesTheSelectedNodes(bool[] mask)
    {
        var nc = new Simulator().Create("iaf_psc_alpha", 5);
        Assert.Equal(Enumerable.Range(1, 5).Where((_, i) => mask[i]), nc[mask].ToArray());
    }

    // NEST: other/test_node_collection_indexing_slicing.py::test_node_collection_erroneous_bool_array_indexing_raises
    // (the TypeError cases, nested or mixed masks, cannot be written in C#)
    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void AMaskOfTheWrongLength_Fails(int length)
    {
        var nc = new Simulator().Create("iaf_psc_alpha", 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => nc[Enumerable.Repeat(true, length).ToArray()]);
    }

    // NEST: other/test_node_collection_operations.py::test_node_collection_equal
    [Fact]
    public void Equality_IsByNodesAndModels_AlsoAcrossResetKernel()
    {
        var nest = new Simulator();
        var exp1 = nest.Create("iaf_psc_exp", 10);
        int[] list1 = exp1.ToArray();
        nest.ResetKernel();
        var exp2 = nest.Create("iaf_psc_exp", 10);
        Assert.Equal(exp1, exp2);
        Assert.True(exp1 == exp2);
        Assert.Equal(list1, exp2.ToArray());
        nest.ResetKernel();
        var alpha1 = nest.Create("iaf_psc_alpha", 10);
        var alpha2 = nest.Nodes(alpha1.ToArray());
        Assert.True(alpha1 == alpha2);
        Assert.True(alpha1 != exp1);
    }

    // NEST: other/test_node_collection_operations.py::test_primitive_node_collection_add,
    // ::test_primitive_node_collection_reverse_add_sorted, ::test_composite_node_collection_addition
    [Fact]
    public void Joining_GivesTheNodesSortedById()
    {
        var nest = new Simulator();
        var a = nest.Create("iaf_psc_alpha", 2);
        var b = nest.Create("iaf_psc_alpha", 2);
        Assert.Equal([1, 2, 3, 4], (a + b).ToArray());

        nest.ResetKernel();
        a = nest.Create("iaf_psc_alpha", 10);
        b = nest.Create("iaf_psc_alpha", 15);
        Assert.Equal(a.ToArray().Concat(b.ToArray()), (b + a).ToArray());

        nest.ResetKernel();
        a = nest.Create("iaf_psc_alpha", 10);
        b = nest.Create("iaf_psc_alpha", 15);
        var c = nest.Create("iaf_psc_exp", 7);
        var d = nest.Create("iaf_psc_delta", 5);
        var ac = a + c;
        var bd = b + d;
        Assert.Equal(a.ToArray().Concat(b.ToArray()).Concat(c.ToArray()).Concat(d.ToArray()), (bd + ac).ToArray());
    }

    // NEST: other/test_node_collection_operations.py::test_node_collection_add_all_node_models,
    // other/test_create.py::test_correct_node_collection_model_created
    [Fact]
    public void JoiningOneNodeOfEveryModel_KeepsEachNodesModel()
    {
        var nest = new Simulator();
        var models = nest.NodeModels();
        var nc = NodeCollection.Empty;
        foreach (var model in models) nc += nest.Create(model);
        Assert.Equal(models.Count, nc.Count);
        int i = 0;
        foreach (var node in nc) Assert.Equal(models[i++], node.Get<string>("model"));
    }

    // NEST: other/test_node_collection_operations.py::test_node_collection_add_overlapping_raises
    [Fact]
    public void JoiningOverlappingCollections_Fails()
    {
        var nest = new Simulator();
        var a = nest.Create("iaf_psc_alpha", 10);
        var b = nest.Create("iaf_psc_exp", 7);
        var c = nest.Nodes(6, 8, 10, 12, 14);
        Assert.ThrowsAny<NestException>(() => a + b + c);
    }

    // NEST: other/test_node_collection_operations.py::test_empty_node_collection_add
    [Fact]
    public void TheEmptyCollection_JoinedWithNodes_IsThoseNodes()
    {
        var nest = new Simulator();
        var nc = NodeCollection.Empty;
        nc += nest.Create("iaf_psc_alpha", 5);
        nest.Connect(nc, nc);
        Assert.Equal(25L, Convert.ToInt64(nest.GetKernelStatus("num_connections")));
    }

    // Python's sum() starts from 0, and PyNEST's 0 + nc is nc: here the start and the identity of + is
    // NodeCollection.Empty, and a sum is a fold of + from it. PyNEST's TypeError for adding an int, a list or a tuple
    // (test_node_collection_add_invalid_type_raises) does not compile in C#.
    private static NodeCollection Sum(params NodeCollection[] collections) => collections.Aggregate(NodeCollection.Empty, (a, b) => a + b);

    // NEST: testsuite/pytests/other/test_node_collection_operations.py::test_node_collection_add_zero
    [Fact]
    public void Test_node_collection_add_zero()
    {
        var nest = new Simulator();
        var nc = nest.Create("iaf_psc_alpha");

        Assert.True(nc + NodeCollection.Empty == nc);
        Assert.True(NodeCollection.Empty + nc == nc);
    }

    // NEST: testsuite/pytests/other/test_node_collection_operations.py::test_single_node_collection_summation
    [Fact]
    public void Test_single_node_collection_summation()
    {
        var nest = new Simulator();
        var nc = nest.Create("iaf_psc_alpha");
        Assert.True(Sum(nc) == nc);
    }

    // NEST: testsuite/pytests/other/test_node_collection_operations.py::test_primitive_node_collection_summation
    [Fact]
    public void Test_primitive_node_collection_summation()
    {
        var nest = new Simulator();
        var ncA = nest.Create("iaf_psc_alpha", 2);
        var ncB = nest.Create("iaf_psc_alpha", 4);

        var expectedPrimNc = ncA + ncB;
        Assert.True(Sum(ncA, ncB) == expectedPrimNc);
    }

    // NEST: testsuite/pytests/other/test_node_collection_operations.py::test_composite_node_collection_summation
    [Fact]
    public void Test_composite_node_collection_summation()
    {
        var nest = new Simulator();
        var ncA = nest.Create("iaf_psc_alpha", 2);
        var ncB = nest.Create("iaf_psc_exp", 4);

        var expectedCompNc = ncA + ncB;
        Assert.True(Sum(ncA, ncB) == expectedCompNc);
    }

    // NEST: other/test_node_collection_operations.py::test_composite_node_collection_add_sliced_raises
    [Fact]
    public void AddingToASlicedComposite_Raises()
    {
        var nest = new Simulator();
        var compNc = nest.Create("iaf_psc_alpha", 10) + nest.Create("iaf_psc_exp", 7);
        var slicedCompNc = compNc.Slice(0, compNc.Count, 2);
        var nc = nest.Create("iaf_psc_delta");
        Assert.Throws<BadPropertyException>(() => slicedCompNc + nc);
    }

    // What makes a sliced composite in NEST (node_collection.cpp): a step above 1, or a slice across parts; a slice
    // within one run of a model's consecutive ids is a primitive again. A sliced composite gives single nodes only.
    [Fact]
    public void SlicedComposites_AsInNest()
    {
        var nest = new Simulator();
        var a = nest.Create("iaf_psc_alpha", 10);
        var b = nest.Create("iaf_psc_exp", 7);
        var c = nest.Create("iaf_psc_delta", 3);
        var composite = a + b;
        Assert.Equal(Enumerable.Range(3, 5), (composite[2..7] + c).ToArray()[..5]);
        Assert.Equal(20, (composite + c).Count);
        Assert.Throws<BadPropertyException>(() => composite[8..12] + c);
        Assert.Throws<BadPropertyException>(() => c + composite[8..12]);
        Assert.Throws<BadPropertyException>(() => a.Slice(0, 10, 2) + c);
        var stepped = composite.Slice(0, 17, 2);
        Assert.Equal(new[] { 3 }, stepped.Slice(1, 2).ToArray());
        Assert.Equal(new[] { 11 }, stepped[5].ToArray());
        Assert.Throws<BadPropertyException>(() => stepped.Slice(0, 3));
        Assert.Equal(new[] { 11, 13 }, (stepped[5] + stepped[6]).ToArray());
    }

    // NEST: other/test_node_collection_operations.py::test_node_collection_iteration
    [Fact]
    public void IteratingGivesTheIndexedNodes()
    {
        var nc = new Simulator().Create("iaf_psc_alpha", 15);
        int i = 0;
        foreach (var node in nc) Assert.Equal(nc[i++], node);
    }

    // NEST: other/test_node_collection_to_from_object.py::test_node_collection_to_list
    [Fact]
    public void ToArray_GivesTheIds() => Assert.Equal(Enumerable.Range(1, 10), new Simulator().Create("iaf_psc_alpha", 10).ToArray());

    // NEST: other/test_node_collection_to_from_object.py::test_node_collection_from_list_no_created_nodes_raises
    [Fact]
    public void ACollectionOfNodesNotCreated_Fails() => Assert.Throws<UnknownNodeException>(() => new Simulator().Nodes(5, 10, 15, 20));

    // NEST: other/test_node_collection_to_from_object.py::test_primitive_node_collection_from_list,
    // ::test_composite_node_collection_from_list
    [Fact]
    public void ACollectionFromIds_HoldsThoseIds()
    {
        var nest = new Simulator();
        nest.Create("iaf_psc_alpha", 20);
        Assert.Equal(Enumerable.Range(2, 6), nest.Nodes([.. Enumerable.Range(2, 6)]).ToArray());
        int[] spread = [5, 10, 15, 20];
        int k = 0;
        foreach (var node in nest.Nodes(spread)) Assert.Equal((long)spread[k++], node.Get<long>("global_id"));
    }

    // NEST: other/test_node_collection_to_from_object.py::test_node_collection_to_numpy_direct,
    // ::test_node_collection_to_numpy_bigger_array
    [Fact]
    public void Ids_CopyIntoALargerArray()
    {
        var nc = new Simulator().Create("iaf_psc_alpha", 10);
        var array = new int[20];
        nc.ToArray().CopyTo(array, 2);
        Assert.Equal([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0, 0, 0, 0, 0, 0, 0], array);
    }

    // NEST: other/test_node_collection_to_from_object.py::test_node_collection_from_unsorted_list_raises
    [Fact]
    public void ACollectionFromUnsortedIds_Fails()
    {
        var nest = new Simulator();
        nest.Create("iaf_psc_alpha", 10);
        Assert.Throws<BadPropertyException>(() => nest.Nodes(5, 4, 6));
        Assert.Throws<BadPropertyException>(() => nest.Nodes(5, 6, 4));
    }
}
