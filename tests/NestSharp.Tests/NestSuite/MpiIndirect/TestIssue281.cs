namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_issue_281.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestIssue281
{
    // NEST: testsuite/pytests/mpi_indirect/test_issue_281.py::test_issue_281
    [Fact]
    public void ConnectLayers_WorksInParallel_ForFixedFanOut()
    {
        MpiTestWrapper.AssertCompletes([1, 2, 4], nest =>
        {
            var layer = nest.Create("parrot_neuron", Positions.Grid([3, 3]));
            nest.Connect(layer, layer,
                new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 8, ["allow_multapses"] = false, ["allow_autapses"] = false },
                // weights are randomized to check that global RNGs stay in sync
                new Dictionary<string, object> { ["weight"] = nest.Random.Uniform(min: 1, max: 2) });
            nest.Simulate(10);
        });
    }
}
