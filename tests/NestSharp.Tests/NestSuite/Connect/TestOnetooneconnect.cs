namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_onetooneconnect.py (OneToOneConnectTestCase): Connect with the one_to_one
/// rule.
/// </summary>
public sealed class TestOnetooneconnect
{
    // NEST: testsuite/pytests/connect/test_onetooneconnect.py::OneToOneConnectTestCase::test_ConnectPrePost
    [Fact]
    public void Test_ConnectPrePost()
    {
        // Connect pre to post
        var nest = new Simulator();
        var pre = nest.Create("iaf_psc_alpha", 2);
        var post = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(pre, post, "one_to_one");
        var connections = nest.GetConnections(pre);
        var targets = (long[])connections.Get("target");
        Assert.Equal(post.Ids.Select(x => (long)x), targets);
    }

    // NEST: testsuite/pytests/connect/test_onetooneconnect.py::OneToOneConnectTestCase::test_ConnectPrePostParams
    [Fact]
    public void Test_ConnectPrePostParams()
    {
        // Connect pre to post with a params dict
        var nest = new Simulator();
        var pre = nest.Create("iaf_psc_alpha", 2);
        var post = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(pre, post, "one_to_one", new Dictionary<string, object> { ["weight"] = 2.0 });
        var connections = nest.GetConnections(pre);
        var weights = connections.Get("weight");
        Assert.Equal(new[] { 2.0, 2.0 }, weights);

        nest = new Simulator();
        pre = nest.Create("iaf_psc_alpha", 2);
        post = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(pre, post, new Dictionary<string, object> { ["rule"] = "one_to_one" }, new Dictionary<string, object> { ["weight"] = new[] { 2.0, 3.0 } });
        connections = nest.GetConnections(pre);
        weights = connections.Get("weight");
        Assert.Equal(new[] { 2.0, 3.0 }, weights);
    }

    // NEST: testsuite/pytests/connect/test_onetooneconnect.py::OneToOneConnectTestCase::test_ConnectPrePostWD
    [Fact]
    public void Test_ConnectPrePostWD()
    {
        // Connect pre to post with a weight and delay
        var nest = new Simulator();
        var pre = nest.Create("iaf_psc_alpha", 2);
        var post = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(pre, post, new Dictionary<string, object> { ["rule"] = "one_to_one" }, new Dictionary<string, object> { ["weight"] = 2.0, ["delay"] = 2.0 });
        var connections = nest.GetConnections(pre);
        Assert.Equal(new[] { 2.0, 2.0 }, connections.Get("weight"));
        Assert.Equal(new[] { 2.0, 2.0 }, connections.Get("delay"));

        nest = new Simulator();
        pre = nest.Create("iaf_psc_alpha", 2);
        post = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(pre, post, new Dictionary<string, object> { ["rule"] = "one_to_one" },
            new Dictionary<string, object> { ["weight"] = new[] { 2.0, 3.0 }, ["delay"] = new[] { 2.0, 3.0 } });
        connections = nest.GetConnections(pre);
        Assert.Equal(new[] { 2.0, 3.0 }, connections.Get("weight"));
        Assert.Equal(new[] { 2.0, 3.0 }, connections.Get("delay"));
    }

    // NEST: testsuite/pytests/connect/test_onetooneconnect.py::OneToOneConnectTestCase::test_IllegalConnection
    [Fact]
    public void Test_IllegalConnection()
    {
        // Wrong Connections
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var vm = nest.Create("voltmeter");
        var sr = nest.Create("spike_recorder");
        Assert.Matches("Creation of connection is not possible", Assert.ThrowsAny<NestException>(() => nest.Connect(n, vm)).Message);
        Assert.Matches("Creation of connection is not possible", Assert.ThrowsAny<NestException>(() => nest.Connect(sr, n)).Message);
    }
}
