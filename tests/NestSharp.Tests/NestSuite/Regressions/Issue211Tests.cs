namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// NEST's testsuite/pytests/regressions/test_issue_211.py: with two threads, the connections between neurons and
/// devices are the expected ones, each with the thread of its target (devices exist once per thread in NEST, so a
/// connection to a spike recorder counts on the thread of its source, and a volume transmitter is connected on every
/// thread). Connections are compared sorted by target thread, source and target.
/// </summary>
public sealed class Issue211Tests
{
    private static Simulator TwoThreads()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = 2 });
        return nest;
    }

    /// <summary>Every connection as (source, target, target_thread), sorted by target_thread, source, target.</summary>
    private static (long Source, long Target, long TargetThread)[] ActualConnections(Simulator nest)
    {
        var conns = nest.GetConnections();
        long[] source = conns.Source, target = conns.Target, thread = conns.TargetThread;
        return [.. Enumerable.Range(0, conns.Count).Select(i => (source[i], target[i], thread[i]))
            .OrderBy(c => c.Item3).ThenBy(c => c.Item1).ThenBy(c => c.Item2)];
    }

    // NEST: testsuite/pytests/regressions/test_issue_211.py::test_connect_neuron_neuron_multithreaded
    [Fact]
    public void Test_connect_neuron_neuron_multithreaded()
    {
        var nest = TwoThreads();
        var n1 = nest.Create("iaf_psc_delta");
        var n2 = nest.Create("iaf_psc_delta");
        var n3 = nest.Create("iaf_psc_delta");

        nest.Connect(n1, n3);
        nest.Connect(n2, n3);
        nest.Connect(n2, n1);
        nest.Connect(n3, n1);
        nest.Connect(n2, n1, syn: new Dictionary<string, object> { ["weight"] = 1.0 });

        Assert.Equal([(1L, 3L, 1L), (2L, 1L, 1L), (2L, 1L, 1L), (2L, 3L, 1L), (3L, 1L, 1L)], ActualConnections(nest));
    }

    // NEST: testsuite/pytests/regressions/test_issue_211.py::test_connect_neuron_device_multithreaded
    [Fact]
    public void Test_connect_neuron_device_multithreaded()
    {
        var nest = TwoThreads();
        var n1 = nest.Create("iaf_psc_delta");
        var n2 = nest.Create("iaf_psc_delta");
        var n3 = nest.Create("iaf_psc_delta");
        var sr = nest.Create("spike_recorder");

        nest.Connect(n1, sr);
        nest.Connect(n2, sr);
        nest.Connect(n3, sr);

        Assert.Equal([(2L, 4L, 0L), (1L, 4L, 1L), (3L, 4L, 1L)], ActualConnections(nest));
    }

    // NEST: testsuite/pytests/regressions/test_issue_211.py::test_connect_device_neuron_multithreaded
    [Fact]
    public void Test_connect_device_neuron_multithreaded()
    {
        var nest = TwoThreads();
        var n1 = nest.Create("iaf_psc_delta");
        var n2 = nest.Create("iaf_psc_delta");
        var n3 = nest.Create("iaf_psc_delta");
        var sg = nest.Create("spike_generator");

        nest.Connect(sg, n1);
        nest.Connect(sg, n2);
        nest.Connect(sg, n3);

        Assert.Equal([(4L, 2L, 0L), (4L, 1L, 1L), (4L, 3L, 1L)], ActualConnections(nest));
    }

    // NEST: testsuite/pytests/regressions/test_issue_211.py::test_connect_device_device_multithreaded
    [Fact]
    public void Test_connect_device_device_multithreaded()
    {
        var nest = TwoThreads();
        var sr1 = nest.Create("spike_recorder");
        var sr2 = nest.Create("spike_recorder");
        var sg = nest.Create("spike_generator");

        nest.Connect(sg, sr1);
        nest.Connect(sg, sr2);

        Assert.Equal([(3L, 2L, 0L), (3L, 1L, 1L)], ActualConnections(nest));
    }

    // NEST: testsuite/pytests/regressions/test_issue_211.py::test_connect_neuron_global_device_multithreaded
    [Fact(Skip = "Deliberate difference: NEST keeps a replica of the volume_transmitter on every thread and lists each neuron -> volume_transmitter connection once per thread; NestSharp keeps one volume transmitter and lists each connection once (the dopamine synapses see the same spikes)")]
    public void Test_connect_neuron_global_device_multithreaded()
    {
        var nest = TwoThreads();
        var n1 = nest.Create("iaf_psc_delta");
        var n2 = nest.Create("iaf_psc_delta");
        var vt = nest.Create("volume_transmitter");

        nest.Connect(n1, vt);
        nest.Connect(n2, vt);

        Assert.Equal([(1L, 3L, 0L), (2L, 3L, 0L), (1L, 3L, 1L), (2L, 3L, 1L)], ActualConnections(nest));
    }
}
