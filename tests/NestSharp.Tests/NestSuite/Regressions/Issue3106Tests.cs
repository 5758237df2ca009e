namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>NEST's regressions/test_issue_3106.py: a spatial Connect to a sliced layer on several threads.</summary>
public sealed class Issue3106Tests
{
    // NEST: testsuite/pytests/regressions/test_issue_3106.py::test_connect_with_threads_slice_and_mpi
    [Fact]
    public void ConnectWithThreadsSliceAndMpi()
    {
        const int numNeurons = 10;
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 4);
        var layer = nest.Create("parrot_neuron", Positions.Free(nest.Random.Uniform(min: -1, max: 1), numDimensions: 2), n: numNeurons);
        var tgts = layer.Slice(0, layer.Count, 3);

        // the distance-dependent weight makes it a spatial Connect
        nest.Connect(layer, tgts, new Dictionary<string, object> { ["rule"] = "pairwise_bernoulli", ["p"] = 1L },
            new Dictionary<string, object> { ["weight"] = Spatial.Distance });

        Assert.Equal((long)layer.Count * tgts.Count, (long)nest.GetKernelStatus("num_connections"));
    }
}
