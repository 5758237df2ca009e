using NestSharp.Tests.NestSuite.Other;

namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_direct/2/test_getnodes.py and mpi_direct/4/test_getnodes.py (links to
/// other/test_getnodes.py) on 2 and 4 in-process ranks: the one-process port's bodies (<see cref="TestGetNodes"/>) on
/// each rank.
/// </summary>
public sealed class TestGetnodesMpi
{
    public static TheoryData<int, int, bool> ProcessesThreadsAndLocalOnly()
    {
        var data = new TheoryData<int, int, bool>();
        foreach (int processes in new[] { 2, 4 })
        {
            foreach (int threads in new[] { 1, 2 })
            {
                data.Add(processes, threads, true);
                data.Add(processes, threads, false);
            }
        }
        return data;
    }

    public static TheoryData<int, int, bool, string> ProcessesThreadsLocalOnlyAndFilters()
    {
        var data = new TheoryData<int, int, bool, string>();
        foreach (int processes in new[] { 2, 4 })
        {
            foreach (var row in TestGetNodes.ThreadsLocalOnlyAndFilters())
                data.Add(processes, (int)row[0], (bool)row[1], (string)row[2]);
        }
        return data;
    }

    // NEST: testsuite/pytests/mpi_direct/2/test_getnodes.py::TestGetNodes::test_GetNodes
    // NEST: testsuite/pytests/mpi_direct/4/test_getnodes.py::TestGetNodes::test_GetNodes
    [Theory]
    [MemberData(nameof(ProcessesThreadsAndLocalOnly))]
    public void GetNodes_GivesEveryNode_OrEveryLocalNode(int processes, int threads, bool localOnly) => MpiRanks.Run(processes, nest =>
    {
        TestGetNodes.CreateNeurons(nest, threads);
        TestGetNodes.GetNodesBody(nest, localOnly);
    });

    // NEST: testsuite/pytests/mpi_direct/2/test_getnodes.py::TestGetNodes::test_GetNodes_with_params
    // NEST: testsuite/pytests/mpi_direct/4/test_getnodes.py::TestGetNodes::test_GetNodes_with_params
    [Theory]
    [MemberData(nameof(ProcessesThreadsLocalOnlyAndFilters))]
    public void GetNodesWithProperties_GivesTheMatchingNodes(int processes, int threads, bool localOnly, string filter) => MpiRanks.Run(processes, nest =>
    {
        TestGetNodes.CreateNeurons(nest, threads);
        TestGetNodes.GetNodesWithParamsBody(nest, localOnly, filter);
    });

    // NEST: testsuite/pytests/mpi_direct/2/test_getnodes.py::TestGetNodes::test_GetNodes_no_match
    // NEST: testsuite/pytests/mpi_direct/4/test_getnodes.py::TestGetNodes::test_GetNodes_no_match
    [Theory]
    [MemberData(nameof(ProcessesThreadsAndLocalOnly))]
    public void GetNodesMatchingNothing_IsEmpty(int processes, int threads, bool localOnly) => MpiRanks.Run(processes, nest =>
    {
        _ = localOnly;
        TestGetNodes.CreateNeurons(nest, threads);
        TestGetNodes.GetNodesNoMatchBody(nest);
    });
}
