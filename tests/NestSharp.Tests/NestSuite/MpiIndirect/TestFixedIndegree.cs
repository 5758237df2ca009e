namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_fixed_indegree.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestFixedIndegree
{
    // NEST: testsuite/pytests/mpi_indirect/test_fixed_indegree.py::test_fixed_indegree
    [Fact]
    public void FixedIndegree_MakesTheSameNumberOfConnections_ForAnyNumberOfLocalNodes()
    {
        MpiTestWrapper.AssertEqualSums([1, 2, 4], nest =>
        {
            var nrns = nest.Create("parrot_neuron", 5);
            nest.Connect(nrns, nrns, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 2 });
            // as NEST's test writes it: "n_conn\t" and "<count>\t" (an unnamed empty second column)
            File.WriteAllText(MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank),
                $"n_conn\t\n{nest.GetKernelStatus("num_connections")}\t\n");
        });
    }
}
