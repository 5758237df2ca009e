namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>NEST's regressions/test_issue_665.py: layers of devices as sources and targets of Connect, on four threads.</summary>
public sealed class Issue665Tests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static readonly Dictionary<string, object>[] GeneratorConnSpecs =
    [
        D(("rule", "pairwise_bernoulli"), ("p", 1L), ("use_on_source", true)),
        D(("rule", "pairwise_bernoulli"), ("p", 1L), ("use_on_source", false)),
        D(("rule", "fixed_indegree"), ("indegree", 1L), ("allow_multapses", false)),
        D(("rule", "fixed_outdegree"), ("outdegree", 4L), ("allow_multapses", false)),
    ];

    private static readonly (Dictionary<string, object> Spec, bool PassExpected)[] RecorderConnSpecs =
    [
        (D(("rule", "pairwise_bernoulli"), ("p", 1L), ("use_on_source", true)), true),
        (D(("rule", "pairwise_bernoulli"), ("p", 1L), ("use_on_source", false)), false),
        (D(("rule", "fixed_indegree"), ("indegree", 4L), ("allow_multapses", false)), false),
        (D(("rule", "fixed_outdegree"), ("outdegree", 1L), ("allow_multapses", false)), false),
    ];

    public static TheoryData<int> GeneratorCases() => [.. Enumerable.Range(0, GeneratorConnSpecs.Length)];

    public static TheoryData<int> RecorderCases() => [.. Enumerable.Range(0, RecorderConnSpecs.Length)];

    // NEST: testsuite/pytests/regressions/test_issue_665.py::test_connect_generator_layer (all four connspecs)
    [Theory]
    [MemberData(nameof(GeneratorCases))]
    public void ConnectGeneratorLayer(int connSpec)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 4);
        var genLayer = nest.Create("poisson_generator", Positions.Grid([1, 1]));
        var nrnLayer = nest.Create("parrot_neuron", Positions.Grid([2, 2]));

        nest.Connect(genLayer, nrnLayer, GeneratorConnSpecs[connSpec]);

        var targets = nest.GetConnections(source: genLayer).Target;
        Assert.Equal(nrnLayer.Ids.Select(id => (long)id), targets.Order());
    }

    // NEST: testsuite/pytests/regressions/test_issue_665.py::test_connect_recorder_layer (all four connspecs)
    [Theory]
    [MemberData(nameof(RecorderCases))]
    public void ConnectRecorderLayer(int connSpec)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 4);
        var nrnLayer = nest.Create("parrot_neuron", Positions.Grid([2, 2]));
        var recLayer = nest.Create("spike_recorder", Positions.Grid([1, 1]));
        var (spec, passExpected) = RecorderConnSpecs[connSpec];

        if (passExpected)
        {
            nest.Connect(nrnLayer, recLayer, spec);
            var sources = nest.GetConnections(target: recLayer).Source;
            Assert.Equal(nrnLayer.Ids.Select(id => (long)id), sources.Order());
        }
        else
        {
            Assert.Throws<IllegalConnectionException>(() => nest.Connect(nrnLayer, recLayer, spec));
        }
    }
}
