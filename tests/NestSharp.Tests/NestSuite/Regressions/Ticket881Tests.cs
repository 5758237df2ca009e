namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>NEST's regressions/test_ticket_881.py: spatial Connect makes every connection on several threads.</summary>
public sealed class Ticket881Tests
{
    private const int NumThreads = 4;
    private const int NumNodes = 4;

    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static readonly Dictionary<string, object>[] ConnSpecs =
    [
        // pairwise_bernoulli on the source (the default: the source layer drives)
        D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("allow_autapses", true)),
        // pairwise_bernoulli on the target (use_on_source: the target layer drives)
        D(("rule", "pairwise_bernoulli"), ("p", 1.0), ("use_on_source", true), ("allow_autapses", true)),
        D(("rule", "fixed_outdegree"), ("outdegree", (long)NumNodes), ("allow_autapses", true)),
        D(("rule", "fixed_indegree"), ("indegree", (long)NumNodes), ("allow_autapses", true)),
    ];

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, ConnSpecs.Length)];

    // NEST: testsuite/pytests/regressions/test_ticket_881.py::test_ticket_881_multithreaded_spatial_connectivity (all four)
    [Theory]
    [MemberData(nameof(Cases))]
    public void MultithreadedSpatialConnectivity(int connSpec)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", NumThreads);
        var layer = nest.Create("iaf_psc_alpha", Positions.Free([.. Enumerable.Repeat<IReadOnlyList<double>>([0.0, 0.0], NumNodes)]));

        nest.Connect(layer, layer, ConnSpecs[connSpec]);

        Assert.Equal(NumNodes * NumNodes, nest.GetConnections().Count);
    }
}
