namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// NEST's testsuite/pytests/other/test_weights_as_lists.py: weights given as an array (one_to_one,
/// fixed_total_number) or as an array of arrays (all_to_all: targets × sources; fixed_indegree: targets × indegree;
/// fixed_outdegree: sources × outdegree) reach the connections. As in NEST, the rules that draw partners are compared
/// as sorted lists.
/// </summary>
public sealed class WeightsAsListsTests
{
    private static double[] Sorted(IEnumerable<double> values) => [.. values.Order()];

    // NEST: testsuite/pytests/other/test_weights_as_lists.py::WeightsAsListTestCase::test_OneToOneWeight
    [Fact]
    public void Test_OneToOneWeight()
    {
        var nest = new Simulator();
        var src = nest.Create("iaf_psc_alpha", 3);
        var tgt = nest.Create("iaf_psc_delta", 3);
        double[] refWeights = [1.2, -3.5, 0.4];

        nest.Connect(src, tgt, new Dictionary<string, object> { ["rule"] = "one_to_one" }, new Dictionary<string, object> { ["weight"] = refWeights });

        Assert.Equal(refWeights, nest.GetConnections().Weight);
    }

    // NEST: testsuite/pytests/other/test_weights_as_lists.py::WeightsAsListTestCase::test_AllToAllWeight
    [Fact]
    public void Test_AllToAllWeight()
    {
        var nest = new Simulator();
        var src = nest.Create("iaf_psc_alpha", 3);
        var tgt = nest.Create("iaf_psc_delta", 2);
        double[][] refWeights = [[1.2, -3.5, 2.5], [0.4, -0.2, 0.7]];

        nest.Connect(src, tgt, new Dictionary<string, object> { ["rule"] = "all_to_all" }, new Dictionary<string, object> { ["weight"] = refWeights });

        Assert.Equal(Sorted(refWeights.SelectMany(w => w)), Sorted(nest.GetConnections().Weight));
    }

    // NEST: testsuite/pytests/other/test_weights_as_lists.py::WeightsAsListTestCase::test_FixedIndegreeWeight
    [Fact]
    public void Test_FixedIndegreeWeight()
    {
        var nest = new Simulator();
        var src = nest.Create("iaf_psc_alpha", 5);
        var tgt = nest.Create("iaf_psc_delta", 3);
        double[][] refWeights = [[1.2, -3.5], [0.4, -0.2], [0.6, 2.2]];

        nest.Connect(src, tgt, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 2 },
            new Dictionary<string, object> { ["weight"] = refWeights });

        Assert.Equal(Sorted(refWeights.SelectMany(w => w)), Sorted(nest.GetConnections().Weight));
    }

    // NEST: testsuite/pytests/other/test_weights_as_lists.py::WeightsAsListTestCase::test_FixedOutdegreeWeight
    [Fact]
    public void Test_FixedOutdegreeWeight()
    {
        var nest = new Simulator();
        var src = nest.Create("iaf_psc_alpha", 2);
        var tgt = nest.Create("iaf_psc_delta", 5);
        double[][] refWeights = [[1.2, -3.5, 0.4], [-0.2, 0.6, 2.2]];

        nest.Connect(src, tgt, new Dictionary<string, object> { ["rule"] = "fixed_outdegree", ["outdegree"] = 3 },
            new Dictionary<string, object> { ["weight"] = refWeights });

        Assert.Equal(Sorted(refWeights.SelectMany(w => w)), Sorted(nest.GetConnections().Weight));
    }

    // NEST: testsuite/pytests/other/test_weights_as_lists.py::WeightsAsListTestCase::test_FixedTotalNumberWeight
    [Fact]
    public void Test_FixedTotalNumberWeight()
    {
        var nest = new Simulator();
        var src = nest.Create("iaf_psc_alpha", 3);
        var tgt = nest.Create("iaf_psc_delta", 4);
        double[] refWeights = [1.2, -3.5, 0.4, -0.2];

        nest.Connect(src, tgt, new Dictionary<string, object> { ["rule"] = "fixed_total_number", ["N"] = 4 },
            new Dictionary<string, object> { ["weight"] = refWeights });

        Assert.Equal(Sorted(refWeights), Sorted(nest.GetConnections().Weight));
    }
}
