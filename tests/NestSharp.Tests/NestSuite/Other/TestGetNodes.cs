namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// NEST's testsuite/pytests/other/test_getnodes.py (class TestGetNodes, parametrised over local_only and, through its
/// fixture, over 1 and 2 threads). The bodies take the simulator they run on, so that MpiDirect runs them on each rank
/// of several processes (NEST's mpi_direct/2 and mpi_direct/4 link this file).
/// </summary>
public sealed class TestGetNodes
{
    /// <summary>The autouse fixture create_neurons: 17 nodes of five models, some with changed parameters.</summary>
    internal static void CreateNeurons(Simulator nest, int threads)
    {
        nest.ResetKernel();
        nest.SetKernelStatus("local_num_threads", threads);

        nest.Create("iaf_psc_alpha", 3);
        nest.Create("iaf_psc_delta", 2, new() { ["V_m"] = -77.0 });
        // NEST's work-around: Create() with arrays does not work with more than one rank
        var c = nest.Create("iaf_psc_alpha", 4, new() { ["V_m"] = -77.0, ["tau_m"] = 10.0 });
        c[1].Set("V_m", -66.0);
        c[3].Set("V_m", -66.0);
        c[1].Set("tau_m", 11.0);
        c[2].Set("tau_m", 12.0);
        c[3].Set("tau_m", 13.0);

        nest.Create("iaf_psc_exp", 4);
        nest.Create("spike_generator", 3);
    }

    /// <summary>nest.NodeCollection(n.global_id for n in nodes if n.local): the local nodes of <paramref name="ids"/>.</summary>
    private static NodeCollection LocalOf(Simulator nest, int[] ids) =>
        nest.Nodes([.. ids.Where(id => nest.Nodes(id).Get<bool>("local"))]);

    internal static void GetNodesBody(Simulator nest, bool localOnly)
    {
        // Test that nodes are correctly retrieved if on parameters are specified.
        int[] all = [.. Enumerable.Range(1, nest.NetworkSize)];
        var nodesRef = nest.Nodes(all);
        if (nodesRef.Count > 0 && localOnly)
        {
            // Need to go via global_id to get empty node collection if no locals
            nodesRef = LocalOf(nest, all);
        }

        var nodes = nest.GetNodes(localOnly: localOnly);

        Assert.Equal(nodesRef, nodes);
    }

    public static TheoryData<int, bool> ThreadsAndLocalOnly() => new() { { 1, true }, { 1, false }, { 2, true }, { 2, false } };

    /// <summary>The filters and expected ids of test_GetNodes_with_params, by name.</summary>
    internal static readonly Dictionary<string, (Dictionary<string, object> Filter, int[] ExpectedIds)> Filters = new()
    {
        ["V_m"] = (new() { ["V_m"] = -77.0 }, [4, 5, 6, 8]),
        ["V_m and tau_m"] = (new() { ["V_m"] = -77.0, ["tau_m"] = 12.0 }, [8]),
        ["iaf_psc_exp"] = (new() { ["model"] = "iaf_psc_exp" }, [10, 11, 12, 13]),
        ["spike_generator"] = (new() { ["model"] = "spike_generator" }, [14, 15, 16]),
    };

    internal static void GetNodesWithParamsBody(Simulator nest, bool localOnly, string filter)
    {
        // Test that nodes are correctly filtered.
        var (properties, expectedIds) = Filters[filter];
        var nodesRef = nest.Nodes(expectedIds);
        if (localOnly)
        {
            // Need to go via global_id to get empty node collection if no locals
            nodesRef = LocalOf(nest, expectedIds);
        }

        var nodes = nest.GetNodes(properties, localOnly);
        Assert.Equal(nodesRef, nodes);
    }

    public static TheoryData<int, bool, string> ThreadsLocalOnlyAndFilters()
    {
        var data = new TheoryData<int, bool, string>();
        foreach (int threads in new[] { 1, 2 })
        {
            foreach (bool localOnly in new[] { true, false })
            {
                foreach (string filter in Filters.Keys) data.Add(threads, localOnly, filter);
            }
        }
        return data;
    }

    internal static void GetNodesNoMatchBody(Simulator nest)
    {
        // Ensure we get an empty result if nothing matches (this crashed MPI-parallel code before NEST #3460).
        var nodes = nest.GetNodes(new Dictionary<string, object> { ["V_m"] = 100.0 });
        Assert.Empty(nodes);
    }

    // NEST: testsuite/pytests/other/test_getnodes.py::TestGetNodes::test_GetNodes
    [Theory]
    [MemberData(nameof(ThreadsAndLocalOnly))]
    public void GetNodes_GivesEveryNode_OrEveryLocalNode(int threads, bool localOnly)
    {
        var nest = new Simulator();
        CreateNeurons(nest, threads);
        GetNodesBody(nest, localOnly);
    }

    // NEST: testsuite/pytests/other/test_getnodes.py::TestGetNodes::test_GetNodes_with_params
    [Theory]
    [MemberData(nameof(ThreadsLocalOnlyAndFilters))]
    public void GetNodesWithProperties_GivesTheMatchingNodes(int threads, bool localOnly, string filter)
    {
        var nest = new Simulator();
        CreateNeurons(nest, threads);
        GetNodesWithParamsBody(nest, localOnly, filter);
    }

    // NEST: testsuite/pytests/other/test_getnodes.py::TestGetNodes::test_GetNodes_no_match
    // (parametrised over local_only, which the test does not use)
    [Theory]
    [MemberData(nameof(ThreadsAndLocalOnly))]
    public void GetNodesMatchingNothing_IsEmpty(int threads, bool localOnly)
    {
        _ = localOnly;
        var nest = new Simulator();
        CreateNeurons(nest, threads);
        GetNodesNoMatchBody(nest);
    }
}
