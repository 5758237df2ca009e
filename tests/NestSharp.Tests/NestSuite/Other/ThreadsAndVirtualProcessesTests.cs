namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// Threads and virtual processes as NEST's other/test_multithreading.py, test_neuron_vp.py, test_threads.py,
/// test_multiplicity.py, test_connect_with_threads.py, test_events.py, test_flush_event_filtering.py and
/// test_thread_local_ids.py check them: nodes are dealt out round-robin over the virtual
/// processes (vp = id mod VPs), spikes cross threads, and every rule makes its number of connections whatever the count.
/// </summary>
public sealed class ThreadsAndVirtualProcessesTests
{
    private static long[] Longs(NodeCollection nodes, string key) => nodes.GetValues<long>(key);

    // NEST: other/test_multithreading.py::test_check_nodes_distribution
    [Fact]
    public void NodesAreDealtOutOverTheThreads_ByIdModuloThreads()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 4);
        var neurons = nest.Create("iaf_psc_alpha", 4);
        Assert.Equal(neurons.Ids.Select(id => (long)(id % 4)), Longs(neurons, "vp"));
    }

    // NEST: other/test_multithreading.py::test_transmitted_spikes_btw_threads
    [Fact]
    public void SpikesCrossThreads_AllToAllParrotsGiveEverySpikeOnce()
    {
        const int threads = 4;
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", threads);
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
        var pA = nest.Create("parrot_neuron", threads);
        var pB = nest.Create("parrot_neuron", threads);
        var sr = nest.Create("spike_recorder");
        nest.Connect(sg, pA, "all_to_all", new SynSpec { Delay = 1.0 });
        nest.Connect(pA, pB, "all_to_all", new SynSpec { Delay = 1.0 });
        nest.Connect(pB, sr);
        nest.Simulate(1.0 + 3 * 1.0);
        Assert.Equal(Enumerable.Repeat(3.0, threads * threads), (double[])sr.Get("events", "times"));
    }

    // NEST: other/test_neuron_vp.py::test_vp, ::test_local, ::test_thread (one process: every node is local and its
    // thread is its virtual process)
    [Fact]
    public void SixVirtualProcesses_GiveVpThreadAndLocalAsNest()
    {
        var nest = new Simulator();
        var nodes = NeuronVpNodes(nest);
        NeuronVpTestVp(nest, nodes);
        NeuronVpTestLocal(nest, nodes);
        NeuronVpTestThread(nest, nodes);
    }

    /// <summary>test_neuron_vp.py's fixture nodes: six parrots on six virtual processes.</summary>
    internal static NodeCollection NeuronVpNodes(Simulator nest)
    {
        nest.SetKernelStatus("total_num_virtual_procs", 6);
        return nest.Create("parrot_neuron", 6);
    }

    // expected_vp: id mod total_num_virtual_procs
    private static long[] ExpectedVp(Simulator nest, NodeCollection nodes) =>
        [.. nodes.Ids.Select(id => (long)(id % Convert.ToInt64(nest.GetKernelStatus("total_num_virtual_procs"))))];

    /// <summary>test_vp: the nodes' virtual processes (also run on several in-process ranks by MpiDirect).</summary>
    internal static void NeuronVpTestVp(Simulator nest, NodeCollection nodes) => Assert.Equal(ExpectedVp(nest, nodes), Longs(nodes, "vp"));

    /// <summary>test_local: a node is local on the rank its virtual process belongs to (vp mod processes).</summary>
    internal static void NeuronVpTestLocal(Simulator nest, NodeCollection nodes) =>
        Assert.Equal(ExpectedVp(nest, nodes).Select(vp => vp % nest.NumProcesses == nest.Rank), nodes.GetValues<bool>("local"));

    /// <summary>test_thread: a local node's thread is vp / processes (only local nodes are compared).</summary>
    internal static void NeuronVpTestThread(Simulator nest, NodeCollection nodes)
    {
        long[] expectedThread = [.. ExpectedVp(nest, nodes).Select(vp => vp / nest.NumProcesses)];
        bool[] local = nodes.GetValues<bool>("local");
        long[] threads = Longs(nodes, "thread");
        Assert.Equal(expectedThread.Where((_, i) => local[i]), threads.Where((_, i) => local[i]));
    }

    // NEST: other/test_threads.py::ThreadTestCase::test_Threads
    [Fact]
    public void OneThreadByDefault_EightThreadsGiveEightVirtualProcesses()
    {
        var nest = new Simulator();
        Assert.Equal(1, nest.LocalNumThreads);
        nest.SetKernelStatus("local_num_threads", 8);
        var n = nest.Create("iaf_psc_alpha", 8);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6, 7], Longs(n, "vp").Order());
    }

    // NEST: other/test_threads.py::ThreadTestCase::test_ThreadsGetConnections
    [Fact]
    public void GetConnections_WithEightThreads_FindsEveryTarget()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 8);
        var pre = nest.Create("iaf_psc_alpha");
        var post = nest.Create("iaf_psc_alpha", 6);
        nest.Connect(pre, post);
        var targets = nest.GetConnections(pre).Target;
        Assert.Equal(post.Ids.Select(id => (long)id), targets.Order());
    }

    // NEST: testsuite/pytests/other/test_threads.py::ThreadTestCase::test_ThreadsGetEvents
    [Fact]
    public void EventsAreGatheredAcrossThreads_TheSameCountsFor1To8Threads()
    {
        int[] threads = [1, 2, 4, 8];
        var nEventsSr = new List<long>();
        var nEventsVm = new List<long>();
        const int n = 128;
        const double simtime = 1000.0;

        foreach (int t in threads)
        {
            var nest = new Simulator();
            nest.SetKernelStatus("local_num_threads", t);

            // force a lot of spike events
            var neurons = nest.Create("iaf_psc_alpha", n, new() { ["I_e"] = 2000.0 });
            var sr = nest.Create("spike_recorder");
            var vm = nest.Create("voltmeter");

            nest.Connect(neurons, sr);
            nest.Connect(vm, neurons);

            nest.Simulate(simtime);

            nEventsSr.Add(sr.Get<long>("n_events"));
            nEventsVm.Add(vm.Get<long>("n_events"));
        }

        long refVm = (long)(n * (simtime - 1));
        long refSr = nEventsSr[0];

        Assert.All(nEventsVm, x => Assert.Equal(refVm, x));
        Assert.All(nEventsSr, x => Assert.Equal(refSr, x));
    }

    // NEST: other/test_multiplicity.py::test_multiplicity
    [Fact]
    public void ASpikeOfMultiplicityTwo_IsPassedOnAsTwoSpikes() => Multiplicity(new Simulator());

    /// <summary>The body of test_multiplicity on <paramref name="nest"/> (also run on two in-process ranks by MpiDirect).</summary>
    internal static void Multiplicity(Simulator nest)
    {
        nest.SetKernelStatus("total_num_virtual_procs", 2);
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 }, ["spike_multiplicities"] = new[] { 2 } });
        var parrots = nest.Create("parrot_neuron", 2);
        var recorders = nest.Create("spike_recorder", 2);
        nest.Connect(sg, parrots[0]);
        nest.Connect(parrots[0], parrots[1]);
        nest.Connect(parrots[0], recorders[0]);
        nest.Connect(parrots[1], recorders[1]);
        nest.Simulate(10);
        // With several processes, spike times are checked only on the rank responsible for the recorded neuron.
        if (parrots[0].Get<bool>("local")) Assert.Equal([2.0, 2.0], (double[])recorders[0].Get("events", "times"));
        if (parrots[1].Get<bool>("local")) Assert.Equal([3.0, 3.0], (double[])recorders[1].Get("events", "times"));
    }

    public static TheoryData<int> OneToTwentyFive() => [.. Enumerable.Range(1, 25)];

    private static Simulator ConnectTenToTen(int virtualProcesses, ConnSpec rule, long? seed = null)
    {
        var nest = new Simulator();
        if (seed is { } s) nest.SetKernelStatus("rng_seed", s);
        nest.SetKernelStatus("total_num_virtual_procs", virtualProcesses);
        var pop1 = nest.Create("iaf_psc_alpha", 10);
        var pop2 = nest.Create("iaf_psc_alpha", 10);
        nest.Connect(pop1, pop2, rule, "static_synapse");
        return nest;
    }

    // NEST: other/test_connect_with_threads.py::test_one_to_one
    [Theory]
    [MemberData(nameof(OneToTwentyFive))]
    public void OneToOne_MakesTenConnections(int vps) => Assert.Equal(10, ConnectTenToTen(vps, Rule.OneToOne()).NumConnections);

    // NEST: other/test_connect_with_threads.py::test_all_to_all
    [Theory]
    [MemberData(nameof(OneToTwentyFive))]
    public void AllToAll_MakesAHundredConnections(int vps) => Assert.Equal(100, ConnectTenToTen(vps, Rule.AllToAll()).NumConnections);

    // NEST: other/test_connect_with_threads.py::test_fixed_indegree
    [Theory]
    [MemberData(nameof(OneToTwentyFive))]
    public void FixedIndegree_MakesFiftyConnections(int vps) => Assert.Equal(50, ConnectTenToTen(vps, Rule.FixedIndegree(5)).NumConnections);

    // NEST: other/test_connect_with_threads.py::test_fixed_outdegree
    [Theory]
    [MemberData(nameof(OneToTwentyFive))]
    public void FixedOutdegree_MakesFiftyConnections(int vps) => Assert.Equal(50, ConnectTenToTen(vps, Rule.FixedOutdegree(5)).NumConnections);

    // NEST: other/test_connect_with_threads.py::test_fixed_total_number
    [Theory]
    [MemberData(nameof(OneToTwentyFive))]
    public void FixedTotalNumber_MakesFiveConnections(int vps) => Assert.Equal(5, ConnectTenToTen(vps, Rule.FixedTotalNumber(5)).NumConnections);

    // NEST: other/test_connect_with_threads.py::test_pairwise_bernoulli. NEST's bound (within |n - 10| of 10) holds for
    // any count, so this port checks what it means: n ~ Binomial(100, 0.1), outside [1, 22] with probability < 2e-4.
    [Theory]
    [MemberData(nameof(OneToTwentyFive))]
    public void PairwiseBernoulli_MakesABinomialNumberOfConnections(int vps)
    {
        long n = ConnectTenToTen(vps, Rule.PairwiseBernoulli(0.1), seed: 100).NumConnections;
        Assert.InRange(n, 1, 22);
    }

    // NEST: other/test_events.py::EventsTestCase::test_EventsSpikes
    [Fact]
    public void ADrivenNeuron_Spikes()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 1000.0 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(n, sr);
        nest.Simulate(1000);
        Assert.NotEmpty((double[])sr.Get("events", "times"));
    }

    // NEST: other/test_flush_event_filtering.py::test_flush_events_not_transmitted
    [Fact]
    public void AParrotWithAFlushInterval_SendsOnlyItsSpike()
    {
        var nest = new Simulator();
        const double spikeTime = 10.0;
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { spikeTime } });
        var pt = nest.Create("parrot_neuron", 1, new() { ["flush_event_send_interval"] = 5.0 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(sg, pt);
        nest.Connect(pt, sr);
        nest.Simulate(30.0);
        double[] times = (double[])sr.Get("events", "times");
        Assert.Single(times);
        Assert.Equal(spikeTime + nest.GetDefaults<double>("static_synapse", "delay"), times[0], 0.01);
    }

    // NEST: other/test_thread_local_ids.py::test_thread_local_ids_after_connect
    [Fact]
    public void ThreadLocalIds_AfterConnect_CountFromZeroPerThread()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 4);
        var nc = nest.Create("iaf_psc_alpha", 4);
        nest.Connect(nc, nc, "all_to_all", "static_synapse_hpc");
        Assert.Equal([0L, 0, 0, 0], Longs(nc, "thread_local_id"));
    }

    // NEST: other/test_thread_local_ids.py::test_thread_local_ids_after_simulate
    [Fact]
    public void ThreadLocalIds_AfterSimulate_CountFromZeroPerThread()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 4);
        var nc = nest.Create("iaf_psc_alpha", 4);
        nest.Simulate(10.0);
        Assert.Equal([0L, 0, 0, 0], Longs(nc, "thread_local_id"));
    }
}
