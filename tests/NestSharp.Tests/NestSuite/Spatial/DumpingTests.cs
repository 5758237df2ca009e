using System.Globalization;

namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>
/// NEST's spatial/test_dumping.py, the functions <see cref="SpatialSuiteTests"/> does not port (it has test_DumpNodes and
/// test_DumpConns).
/// </summary>
public sealed class DumpingTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    // numpy's genfromtxt of the dumped file: one row of numbers per line
    private static double[][] DumpConnections(Simulator nest, NodeCollection source, NodeCollection target, string synapseModel)
    {
        string path = Path.GetTempFileName();
        try
        {
            nest.DumpLayerConnections(source, target, synapseModel, path);
            return [.. File.ReadAllLines(path).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray())];
        }
        finally
        {
            File.Delete(path);
        }
    }

    // NEST: testsuite/pytests/spatial/test_dumping.py::DumpingTestCase::test_DumpConns_diff
    [Fact]
    public void DumpConnsDiff()
    {
        var nest = new Simulator();
        var pos = Positions.Grid([1, 1], extent: [2.0, 2.0], edgeWrap: true);
        var l1 = nest.Create("iaf_psc_alpha", pos);
        var l2 = nest.Create("iaf_psc_alpha", pos);
        nest.Connect(l1, l2, D(("rule", "pairwise_bernoulli"), ("p", 1.0)));
        Assert.Equal([[1.0, 2.0, 1.0, 1.0, 0.0, 0.0]], DumpConnections(nest, l1, l2, "static_synapse"));
    }

    // NEST: testsuite/pytests/spatial/test_dumping.py::DumpingTestCase::test_DumpConns_syn
    [Fact]
    public void DumpConnsSyn()
    {
        var nest = new Simulator();
        var pos = Positions.Grid([1, 1], extent: [2.0, 2.0], edgeWrap: true);
        var l1 = nest.Create("iaf_psc_alpha", pos);
        var l2 = nest.Create("iaf_psc_alpha", pos);
        var l3 = nest.Create("iaf_psc_alpha", pos);
        var cdict = D(("rule", "pairwise_bernoulli"), ("p", 1.0));
        nest.Connect(l1, l2, cdict);
        nest.Connect(l2, l3, cdict, D(("synapse_model", "stdp_synapse")));
        Assert.Equal([[2.0, 3.0, 1.0, 1.0, 0.0, 0.0]], DumpConnections(nest, l2, l3, "stdp_synapse"));
    }

    // NEST: testsuite/pytests/spatial/test_dumping.py::DumpingTestCase::test_DumpConns_sliced
    [Fact]
    public void DumpConnsSliced()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([10, 1], extent: [2.0, 2.0], edgeWrap: true));
        nest.Connect(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0)));
        double[][] reference =
        [
            [1.0, 1.0, 1.0, 1.0, 0.0, 0.0],
            [1.0, 2.0, 1.0, 1.0, 0.2, 0.0],
            [1.0, 3.0, 1.0, 1.0, 0.4, 0.0],
            [1.0, 4.0, 1.0, 1.0, 0.6, 0.0],
            [1.0, 5.0, 1.0, 1.0, 0.8, 0.0],
            [1.0, 6.0, 1.0, 1.0, -1.0, 0.0],
            [1.0, 7.0, 1.0, 1.0, -0.8, 0.0],
            [1.0, 8.0, 1.0, 1.0, -0.6, 0.0],
            [1.0, 9.0, 1.0, 1.0, -0.4, 0.0],
            [1.0, 10.0, 1.0, 1.0, -0.2, 0.0],
        ];
        var dumped = DumpConnections(nest, layer[0], layer, "static_synapse");
        // the connections of one source may come in any order: each must be one of the reference's
        Assert.Equal(reference.Length, dumped.Length);
        foreach (var conn in dumped) Assert.Contains(reference, row => row.SequenceEqual(conn));
    }
}
