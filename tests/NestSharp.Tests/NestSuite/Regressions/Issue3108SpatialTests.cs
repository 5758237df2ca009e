namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// The spatial tests of NEST's regressions/test_issue_3108.py (positions and spatial Connect of sliced layers, on 1 to 4
/// threads); its NodeCollection tests are in <see cref="NodeCollectionRegressionTests"/>. NEST runs them under 1, 3 and 4
/// MPI processes; here they run in one process, where every node is the rank's own.
/// </summary>
public sealed class Issue3108SpatialTests
{
    private static readonly int[] NumThreads = [1, 2, 3, 4];

    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static bool OnThisRank(Simulator nest, NodeCollection node) => node.Get<long>("vp") % nest.NumProcesses == nest.Rank;

    public static TheoryData<int, int, int> ThreadsStartStep()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int threads in NumThreads)
        {
            data.Add(threads, 0, 1);
            data.Add(threads, 0, 3);
            for (int step = 1; step < 9; step++) data.Add(threads, 2, step);
        }
        return data;
    }

    // NEST: testsuite/pytests/regressions/test_issue_3108.py::test_get_positions_with_mpi
    [Theory]
    [MemberData(nameof(ThreadsStartStep))]
    public void GetPositionsWithMpi(int nThreads, int start, int step)
    {
        const int numNeurons = 128;
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", nThreads);
        var nodePos = Enumerable.Range(0, numNeurons).Select(x => new[] { (double)x, 0.0 }).ToArray();
        var layer = nest.Create("parrot_neuron", Positions.Free(nodePos));

        var pos = (double[][])nest.GetSpatial(layer.Slice(start, numNeurons, step))!["positions"];
        var nodeOnRank = layer.Select(n => OnThisRank(nest, n)).ToArray();
        Assert.Equal(numNeurons, nodeOnRank.Length);

        var expected = Enumerable.Range(0, numNeurons).Where(i => i >= start && (i - start) % step == 0 && nodeOnRank[i])
            .Select(i => nodePos[i]).ToArray();
        Assert.Equal(expected, pos);
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
    public void GetSpatialForSingleElementAndMpi(int nThreads, int pick)
    {
        const int numNeurons = 7;
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", nThreads);
        var nodePos = Enumerable.Range(0, numNeurons).Select(x => new[] { (double)x, 0.0 }).ToArray();
        var layer = nest.Create("parrot_neuron", Positions.Free(nodePos));

        var sp = (double[][])nest.GetSpatial(layer[pick])!["positions"];

        if (OnThisRank(nest, layer[pick])) Assert.Equal(nodePos[pick], sp[0]);
        else Assert.Empty(sp);
    }

    // NEST: testsuite/pytests/regressions/test_issue_3108.py::test_connect_with_single_element_slice_and_mpi
    [Theory]
    [MemberData(nameof(ThreadsAndPicks), 5)]
    public void ConnectWithSingleElementSliceAndMpi(int nThreads, int pick)
    {
        const int numNeurons = 5;
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", nThreads);
        var layer = nest.Create("parrot_neuron", Positions.Free(nest.Random.Uniform(min: -1, max: 1), numDimensions: 2), n: numNeurons);

        // the spatial weight only makes it a spatial Connect
        nest.Connect(layer[pick], layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0)), D(("weight", Spatial.Distance)));

        var localNodes = layer.Where(n => OnThisRank(nest, n)).Select(n => (long)n.Ids[0]).ToArray();
        var c = nest.GetConnections();
        Assert.Equal(Enumerable.Repeat((long)layer[pick].Ids[0], localNodes.Length), c.Source);
        Assert.Equal(localNodes.Order(), c.Target.Order());
    }

    public static TheoryData<int, int, int> ThreadsAndSteps()
    {
        var data = new TheoryData<int, int, int>();
        int[] steps = [2, 3, 4, 6];
        foreach (int threads in NumThreads)
        {
            foreach (int sstep in steps)
            {
                foreach (int tstep in steps) data.Add(threads, sstep, tstep);
            }
        }
        return data;
    }

    // NEST: testsuite/pytests/regressions/test_issue_3108.py::test_connect_slice_to_slice_and_mpi
    [Theory]
    [MemberData(nameof(ThreadsAndSteps))]
    public void ConnectSliceToSliceAndMpi(int nThreads, int sstep, int tstep)
    {
        const int numNeurons = 128;
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", nThreads);
        var layer = nest.Create("parrot_neuron", Positions.Free(nest.Random.Uniform(min: -1, max: 1), numDimensions: 2), n: numNeurons);
        var sources = layer.Slice(0, numNeurons, sstep);
        var targets = layer.Slice(2, numNeurons, tstep);

        nest.Connect(sources, targets, D(("rule", "pairwise_bernoulli"), ("p", 1.0)), D(("weight", Spatial.Distance)));

        var localTargets = targets.Where(n => OnThisRank(nest, n)).Select(n => (long)n.Ids[0]).ToHashSet();
        var c = nest.GetConnections();
        Assert.Equal(sources.Count * localTargets.Count, c.Count);
        Assert.True(localTargets.SetEquals(c.Target));
        if (localTargets.Count > 0) Assert.True(sources.Ids.Select(id => (long)id).ToHashSet().SetEquals(c.Source));
    }
}
