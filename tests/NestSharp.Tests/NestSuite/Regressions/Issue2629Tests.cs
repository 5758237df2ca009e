namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>NEST's regressions/test_issue_2629.py: DumpLayerConnections writes only the connections into the given target layer.</summary>
public sealed class Issue2629Tests
{
    // NEST's module fixture: a source layer connected all to all to one target layer and one to one to another
    private static (Simulator Nest, NodeCollection Source, NodeCollection Target1, NodeCollection Target2) Network()
    {
        var nest = new Simulator();
        var grid = Positions.Grid([2, 1]);
        var srcLayer = nest.Create("iaf_psc_alpha", grid);
        var tgtLayer1 = nest.Create("iaf_psc_alpha", grid);
        var tgtLayer2 = nest.Create("iaf_psc_alpha", grid);
        nest.Connect(srcLayer, tgtLayer1, "all_to_all");
        nest.Connect(srcLayer, tgtLayer2, "one_to_one");
        return (nest, srcLayer, tgtLayer1, tgtLayer2);
    }

    private static string[] Dump(Simulator nest, NodeCollection source, NodeCollection target)
    {
        string path = Path.GetTempFileName();
        try
        {
            nest.DumpLayerConnections(source, target, "static_synapse", path);
            return File.ReadAllLines(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // NEST: testsuite/pytests/regressions/test_issue_2629.py::test_dump_layer_connections_target_1
    [Fact]
    public void DumpLayerConnectionsTarget1()
    {
        var (nest, source, target1, _) = Network();
        Assert.Equal(["1 3 1 1 0 0", "1 4 1 1 0.5 0", "2 3 1 1 -0.5 0", "2 4 1 1 0 0"], Dump(nest, source, target1));
    }

    // NEST: testsuite/pytests/regressions/test_issue_2629.py::test_dump_layer_connections_target_2
    [Fact]
    public void DumpLayerConnectionsTarget2()
    {
        var (nest, source, _, target2) = Network();
        Assert.Equal(["1 5 1 1 0 0", "2 6 1 1 0 0"], Dump(nest, source, target2));
    }
}
