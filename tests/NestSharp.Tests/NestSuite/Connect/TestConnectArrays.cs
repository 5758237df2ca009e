namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_connect_arrays.py: Connect with arrays of node ids (NumPy arrays in PyNEST,
/// arrays or lists of ids here).
/// </summary>
public sealed class TestConnectArrays
{
    private static readonly long[] NonUnique = [1, 1, 3, 5, 4, 5, 9, 7, 2, 8];

    private static long[] Arange(long from, long to) => Enumerable.Range((int)from, (int)(to - from)).Select(x => (long)x).ToArray();

    private static double[] Linspace(double a, double b, int n) => Enumerable.Range(0, n).Select(i => a + ((b - a) * i / (n - 1))).ToArray();

    /// <summary>np.testing.assert_approx_equal: equal to 7 significant digits.</summary>
    private static void AssertApproxEqual(double actual, double desired)
    {
        double scale = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(desired))));
        Assert.True(Math.Abs((actual / scale) - (desired / scale)) < 1e-6 * 1.0000001, $"{actual} != {desired}");
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_unique
    [Fact]
    public void Test_connect_arrays_unique()
    {
        // Connecting NumPy arrays of unique node IDs
        var nest = new Simulator();
        const int n = 10;
        nest.Create("iaf_psc_alpha", n);
        var sources = Arange(1, n + 1);
        var targets = Arange(1, n + 1);
        const double weights = 1.5;
        const double delays = 1.4;

        nest.Connect(sources, targets, syn: new Dictionary<string, object> { ["weight"] = weights, ["delay"] = delays });

        var conns = nest.GetConnections();

        Assert.Equal(n * n, conns.Count);

        foreach (var c in conns)
        {
            AssertApproxEqual((double)c.Get("weight"), weights);
            AssertApproxEqual((double)c.Get("delay"), delays);
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_nonunique
    [Fact]
    public void Test_connect_arrays_nonunique()
    {
        // Connecting NumPy arrays with non-unique node IDs
        var nest = new Simulator();
        const int n = 10;
        nest.Create("iaf_psc_alpha", n);
        var sources = Arange(1, n + 1);
        var targets = NonUnique;
        var weights = Enumerable.Repeat(1.0, n).ToArray();
        var delays = Enumerable.Repeat(1.0, n).ToArray();

        nest.Connect(sources, targets, "one_to_one", new Dictionary<string, object> { ["weight"] = weights, ["delay"] = delays });

        var conns = nest.GetConnections();

        int i = 0;
        foreach (var c in conns)
        {
            Assert.Equal(sources[i], (long)c.Get("source"));
            Assert.Equal(targets[i], (long)c.Get("target"));
            Assert.Equal(weights[i], (double)c.Get("weight"));
            Assert.Equal(delays[i], (double)c.Get("delay"));
            i++;
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_nonunique_dict_conn_spec
    [Fact]
    public void Test_connect_arrays_nonunique_dict_conn_spec()
    {
        // Connecting NumPy arrays with non-unique node IDs and conn_spec as a dict
        var nest = new Simulator();
        const int n = 10;
        nest.Create("iaf_psc_alpha", n);
        var sources = Arange(1, n + 1);
        var targets = NonUnique;
        var weights = Enumerable.Repeat(2.0, n).ToArray();
        var delays = Enumerable.Repeat(1.5, n).ToArray();

        nest.Connect(sources, targets, new Dictionary<string, object> { ["rule"] = "one_to_one" },
            new Dictionary<string, object> { ["weight"] = weights, ["delay"] = delays });

        var conns = nest.GetConnections();

        int i = 0;
        foreach (var c in conns)
        {
            Assert.Equal(sources[i], (long)c.Get("source"));
            Assert.Equal(targets[i], (long)c.Get("target"));
            Assert.Equal(weights[i], (double)c.Get("weight"));
            Assert.Equal(delays[i], (double)c.Get("delay"));
            i++;
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_no_conn_spec
    [Fact]
    public void Test_connect_arrays_no_conn_spec()
    {
        // Connecting NumPy arrays of node IDs without specifying conn_spec (PyNEST: ValueError)
        var nest = new Simulator();
        const int n = 10;
        nest.Create("iaf_psc_alpha", n);
        var sources = Arange(1, n + 1);
        var targets = NonUnique;

        Assert.Throws<BadParameterException>(() => nest.Connect(sources, targets));
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_different_weights_delays
    [Fact]
    public void Test_connect_arrays_different_weights_delays()
    {
        // Connecting NumPy arrays with different weights and delays
        var nest = new Simulator();
        const int n = 10;
        nest.Create("iaf_psc_alpha", n);
        var sources = Arange(1, n + 1);
        var targets = NonUnique;
        var weights = Linspace(0.6, 1.5, n);
        var delays = Linspace(0.4, 1.3, n);

        nest.Connect(sources, targets, new Dictionary<string, object> { ["rule"] = "one_to_one" },
            new Dictionary<string, object> { ["weight"] = weights, ["delay"] = delays });

        var conns = nest.GetConnections();

        Assert.Equal(sources, conns.Source);
        Assert.Equal(targets, conns.Target);
        // np.testing.assert_array_almost_equal: 6 decimals
        for (int i = 0; i < n; i++)
        {
            Assert.True(Math.Abs(weights[i] - conns.Weight[i]) < 1.5e-6);
            Assert.True(Math.Abs(delays[i] - conns.Delay[i]) < 1.5e-6);
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_threaded
    [Fact]
    public void Test_connect_arrays_threaded()
    {
        // Connecting NumPy arrays, threaded
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 2);
        const int n = 10;
        nest.Create("iaf_psc_alpha", n);
        var sources = Arange(1, n + 1);
        var targets = NonUnique;
        var weights = Enumerable.Repeat(1.0, sources.Length).ToArray();
        var delays = Enumerable.Repeat(1.0, sources.Length).ToArray();
        const string synModel = "static_synapse";

        nest.Connect(sources, targets, "one_to_one",
            new Dictionary<string, object> { ["weight"] = weights, ["delay"] = delays, ["synapse_model"] = synModel });

        var conns = nest.GetConnections();

        // Sorting connection information by source to make it equivalent to the reference.
        var connInfo = conns.Select(c => ((long)c.Get("source"), (long)c.Get("target"), (double)c.Get("weight"), (double)c.Get("delay")))
            .OrderBy(conn => conn.Item1).ToList();

        for (int i = 0; i < n; i++)
        {
            var (connS, connT, connW, connD) = connInfo[i];
            Assert.Equal(sources[i], connS);
            Assert.Equal(targets[i], connT);
            Assert.Equal(weights[i], connW);
            Assert.Equal(delays[i], connD);
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_no_delays
    [Fact]
    public void Test_connect_arrays_no_delays()
    {
        // Connecting NumPy arrays without specifying delays
        var nest = new Simulator();
        const int n = 10;
        nest.Create("iaf_psc_alpha", n);
        var sources = Arange(1, n + 1);
        var targets = NonUnique;
        var weights = Enumerable.Repeat(1.0, n).ToArray();

        nest.Connect(sources, targets, "one_to_one", new Dictionary<string, object> { ["weight"] = weights });

        var conns = nest.GetConnections();

        int i = 0;
        foreach (var c in conns)
        {
            Assert.Equal(sources[i], (long)c.Get("source"));
            Assert.Equal(targets[i], (long)c.Get("target"));
            Assert.Equal(weights[i], (double)c.Get("weight"));
            i++;
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_array_list
    [Fact]
    public void Test_connect_array_list()
    {
        // Connecting NumPy array and list
        var nest = new Simulator();
        const int n = 10;
        nest.Create("iaf_psc_alpha", n);
        var sources = Enumerable.Range(1, n).Select(x => (long)x).ToList();
        var targets = NonUnique;

        nest.Connect(sources, targets, "one_to_one");

        var conns = nest.GetConnections();

        int i = 0;
        foreach (var c in conns)
        {
            Assert.Equal(sources[i], (long)c.Get("source"));
            Assert.Equal(targets[i], (long)c.Get("target"));
            i++;
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_no_weights
    [Fact]
    public void Test_connect_arrays_no_weights()
    {
        // Connecting NumPy arrays without specifying weights
        var nest = new Simulator();
        const int n = 10;
        var neurons = nest.Create("iaf_psc_alpha", n);
        var targets = NonUnique;
        var delays = Enumerable.Repeat(1.0, n).ToArray();

        nest.Connect(neurons, targets, "one_to_one", new Dictionary<string, object> { ["delay"] = delays });

        var conns = nest.GetConnections();

        int i = 0;
        foreach (var c in conns)
        {
            Assert.Equal(neurons.Ids[i], (long)c.Get("source"));
            Assert.Equal(targets[i], (long)c.Get("target"));
            Assert.Equal(delays[i], (double)c.Get("delay"));
            i++;
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_rtype
    [Fact]
    public void Test_connect_arrays_rtype()
    {
        // Connecting NumPy arrays with specified receptor_type
        var nest = new Simulator();
        const int n = 10;
        nest.Create("iaf_psc_exp_multisynapse", n);
        var sources = Arange(1, n + 1);
        var targets = NonUnique;
        var weights = Enumerable.Repeat(1.0, sources.Length).ToArray();
        var delays = Enumerable.Repeat(1.0, sources.Length).ToArray();
        var receptorType = Enumerable.Repeat(1L, sources.Length).ToArray();

        nest.Connect(sources, targets, "one_to_one",
            new Dictionary<string, object> { ["weight"] = weights, ["delay"] = delays, ["receptor_type"] = receptorType });

        var conns = nest.GetConnections();

        int i = 0;
        foreach (var c in conns)
        {
            Assert.Equal(sources[i], (long)c.Get("source"));
            Assert.Equal(targets[i], (long)c.Get("target"));
            Assert.Equal(weights[i], (double)c.Get("weight"));
            Assert.Equal(delays[i], (double)c.Get("delay"));
            Assert.Equal(receptorType[i], (long)c.Get("receptor"));
            i++;
        }
        Assert.Equal(n, i);
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_additional_synspec_params
    [Fact]
    public void Test_connect_arrays_additional_synspec_params()
    {
        // Connecting NumPy arrays with additional syn_spec params
        var nest = new Simulator();
        const int n = 10;
        nest.Create("iaf_psc_exp_multisynapse", n);
        var sources = Arange(1, n + 1);
        var targets = NonUnique;
        var weights = Enumerable.Repeat(1.0, sources.Length).ToArray();
        var delays = Enumerable.Repeat(1.0, sources.Length).ToArray();
        const string synModel = "vogels_sprekeler_synapse";
        var receptorType = Enumerable.Repeat(1L, sources.Length).ToArray();
        var alpha = Enumerable.Repeat(0.1, sources.Length).ToArray();
        var tau = Enumerable.Repeat(20.0, sources.Length).ToArray();

        var synSpec = new Dictionary<string, object>
        {
            ["weight"] = weights, ["delay"] = delays, ["synapse_model"] = synModel, ["receptor_type"] = receptorType,
            ["alpha"] = alpha, ["tau"] = tau,
        };
        nest.Connect(sources, targets, "one_to_one", synSpec);

        var conns = nest.GetConnections();

        int i = 0;
        foreach (var c in conns)
        {
            Assert.Equal(sources[i], (long)c.Get("source"));
            Assert.Equal(targets[i], (long)c.Get("target"));
            Assert.Equal(weights[i], (double)c.Get("weight"));
            Assert.Equal(delays[i], (double)c.Get("delay"));
            Assert.Equal(receptorType[i], (long)c.Get("receptor"));
            Assert.Equal(alpha[i], (double)c.Get("alpha"));
            Assert.Equal(tau[i], (double)c.Get("tau"));
            i++;
        }
        Assert.Equal(n, i);
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_syn_lbl
    [Fact]
    public void Test_connect_arrays_syn_lbl()
    {
        // Connecting NumPy arrays with synapse label
        var nest = new Simulator();
        const int n = 10;
        nest.Create("iaf_psc_alpha", n);
        var sources = Arange(1, n + 1);
        var targets = NonUnique;
        var weights = Enumerable.Repeat(1.0, sources.Length).ToArray();
        var delays = Enumerable.Repeat(1.0, sources.Length).ToArray();
        const string synModel = "static_synapse_lbl";
        const long synLabel = 2;

        var synSpec = new Dictionary<string, object> { ["weight"] = weights, ["delay"] = delays, ["synapse_model"] = synModel, ["synapse_label"] = synLabel };
        nest.Connect(sources, targets, "one_to_one", synSpec);

        var conns = nest.GetConnections();

        Assert.Equal(sources.Length, conns.Count);
        for (int i = 0; i < conns.Count; i++)
        {
            var c = conns[i];
            Assert.Equal(sources[i], c.Source[0]);
            Assert.Equal(targets[i], c.Target[0]);
            Assert.Equal(weights[i], c.Weight[0]);
            Assert.Equal(delays[i], c.Delay[0]);
            Assert.Equal(synLabel, c.GetValues<long>("synapse_label")[0]);
        }
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_float_rtype
    [Fact]
    public void Test_connect_arrays_float_rtype()
    {
        // Raises exception when not using integer value for receptor_type
        var nest = new Simulator();
        const int n = 10;
        nest.Create("iaf_psc_exp_multisynapse", n);
        var sources = Arange(1, n + 1);
        var targets = NonUnique;
        var weights = Enumerable.Repeat(1.0, n).ToArray();
        var delays = Enumerable.Repeat(1.0, n).ToArray();
        const string synModel = "vogels_sprekeler_synapse";
        var receptorType = Enumerable.Repeat(1.5, sources.Length).ToArray();

        Assert.ThrowsAny<NestException>(() => nest.Connect(sources, targets, "one_to_one", new Dictionary<string, object>
        {
            ["weight"] = weights, ["delay"] = delays, ["synapse_model"] = synModel, ["receptor_type"] = receptorType,
        }));
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_wrong_dtype
    [Fact]
    public void Test_connect_arrays_wrong_dtype()
    {
        // PyNEST raises TypeError for node ids in a float array; in C# no Connect takes node ids as floating-point
        // numbers, so such a call does not compile: no overload's source (or target) parameter accepts a double[].
        var connects = typeof(Simulator).GetMethods().Where(m => m.Name == nameof(Simulator.Connect)).ToArray();
        Assert.NotEmpty(connects);
        Assert.DoesNotContain(connects, m => m.GetParameters()[0].ParameterType.IsAssignableFrom(typeof(double[])));
        Assert.DoesNotContain(connects, m => m.GetParameters()[1].ParameterType.IsAssignableFrom(typeof(double[])));
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_unknown_nodes
    [Fact]
    public void Test_connect_arrays_unknown_nodes()
    {
        // Raises exception when connecting NumPy arrays with unknown nodes
        var nest = new Simulator();
        const int n = 10;
        nest.Create("iaf_psc_alpha", n);
        var sources = Arange(1, n + 2);
        var targets = Arange(1, n + 2);
        var weights = Enumerable.Repeat(1.0, sources.Length).ToArray();
        var delays = Enumerable.Repeat(1.0, sources.Length).ToArray();
        const string synModel = "static_synapse";

        Assert.ThrowsAny<NestException>(() => nest.Connect(sources, targets,
            syn: new Dictionary<string, object> { ["weight"] = weights, ["delay"] = delays, ["synapse_model"] = synModel }));
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_receptor_type
    [Fact]
    public void Test_connect_arrays_receptor_type()
    {
        // Connecting NumPy arrays with receptor type specified, threaded
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 2);

        const int n = 10;
        nest.Create("iaf_psc_alpha", n);
        var sources = Arange(1, n + 1);
        var targets = NonUnique;

        var weights = Enumerable.Repeat(2.0, sources.Length).ToArray();
        nest.Connect(sources, targets, "one_to_one", new Dictionary<string, object> { ["weight"] = weights, ["receptor_type"] = 0 });

        Assert.Equal(Enumerable.Repeat(0L, sources.Length).ToArray(), nest.GetConnections().Receptor);
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_different_alpha
    [Fact]
    public void Test_connect_arrays_different_alpha()
    {
        // Connecting NumPy arrays with different alpha values in a threaded environment
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 4);

        nest.Create("iaf_psc_exp", 10);
        // syn_spec parameters are dependent on source, so we test with source id's not starting with 1
        long[] source = [2, 5, 3, 10, 1, 9, 4, 6, 8, 7];
        var numpyRandom = new System.Random(); // np.random.choice, unseeded as in NEST's test
        var target = Enumerable.Range(0, 10).Select(_ => 1L + numpyRandom.Next(10)).ToArray();

        var weights = Enumerable.Repeat(2.0, source.Length).ToArray();
        double[] alpha = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.11];

        // Need to make sure the correct alpha value is used with the correct source
        var srcAlphaRef = source.Zip(alpha).ToDictionary(p => p.First, p => p.Second);

        var synSpec = new Dictionary<string, object>
        {
            ["alpha"] = alpha, ["receptor_type"] = 0, ["weight"] = weights, ["synapse_model"] = "stdp_synapse",
        };
        nest.Connect(source, target, "one_to_one", synSpec);

        var conns = nest.GetConnections();
        var src = conns.Source;
        var alp = conns.GetValues<double>("alpha");
        var srcAlpha = src.Zip(alp).ToDictionary(p => p.First, p => p.Second);

        Assert.Equal(srcAlphaRef, srcAlpha);
    }

    // NEST: testsuite/pytests/connect/test_connect_arrays.py::TestConnectArrays::test_connect_arrays_pandas
    [Fact]
    public void Test_connect_arrays_pandas()
    {
        // Confirm that data from pandas data frames can be passed: here the columns of a table as read-only lists
        // (PyNEST failed with "ValueError: buffer source array is read-only" before).
        var nest = new Simulator();
        const int nNrn = 50;
        var n = nest.Create("parrot_neuron", nNrn);
        var df = new
        {
            s = n.Ids.Select(x => (long)x).ToList().AsReadOnly(),
            t = n.Ids.Select(x => (long)x).ToList().AsReadOnly(),
            w = Linspace(0, 10, nNrn).AsReadOnly(),
        };

        nest.Connect(df.s, df.t, "one_to_one", new Dictionary<string, object> { ["weight"] = df.w });
    }
}
