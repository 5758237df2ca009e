using NestSharp.Tests.NestSuite.Regressions;

namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_direct/{2,3,4}/test_issue_3108.py (links to regressions/test_issue_3108.py) on 2, 3
/// and 4 in-process ranks: the one-process port's bodies (<see cref="NodeCollectionRegressionTests"/>) on each rank.
/// Where NEST reads a rank's own positions and connections, the bodies take them from NestSharp's, which give every
/// process's.
/// </summary>
public sealed class TestIssue3108Mpi
{
    private static readonly int[] Processes = [2, 3, 4];

    public static TheoryData<int, int, string> ProcessesThreadsAndTransforms()
    {
        var data = new TheoryData<int, int, string>();
        foreach (int processes in Processes)
        {
            foreach (var row in NodeCollectionRegressionTests.SliceTransforms()) data.Add(processes, (int)row[0], (string)row[1]);
        }
        return data;
    }

    public static TheoryData<int, int, int> ProcessesThreadsAndStrides()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int processes in Processes)
        {
            foreach (var row in NodeCollectionRegressionTests.ThreadsAndStrides()) data.Add(processes, (int)row[0], (int)row[1]);
        }
        return data;
    }

    // NEST: testsuite/pytests/mpi_direct/2/test_issue_3108.py::test_slice_node_collections
    // NEST: testsuite/pytests/mpi_direct/3/test_issue_3108.py::test_slice_node_collections
    // NEST: testsuite/pytests/mpi_direct/4/test_issue_3108.py::test_slice_node_collections
    [Theory]
    [MemberData(nameof(ProcessesThreadsAndTransforms))]
    public void SlicedCollections_HoldThePythonSliceOfIds_OnTheirOwningRanksAndThreads(int processes, int nThreads, string transform) =>
        MpiRanks.Run(processes, nest => NodeCollectionRegressionTests.SliceNodeCollections(nest, nThreads, transform));

    // NEST: testsuite/pytests/mpi_direct/2/test_issue_3108.py::test_slice_single_element_parts
    // NEST: testsuite/pytests/mpi_direct/3/test_issue_3108.py::test_slice_single_element_parts
    // NEST: testsuite/pytests/mpi_direct/4/test_issue_3108.py::test_slice_single_element_parts
    [Theory]
    [MemberData(nameof(ProcessesThreadsAndStrides))]
    public void SlicingACollectionOfSingleNodeParts_StepsOverTheParts(int processes, int nThreads, int stride) =>
        MpiRanks.Run(processes, nest => NodeCollectionRegressionTests.SliceSingleElementParts(nest, nThreads, stride));

    // NEST: testsuite/pytests/mpi_direct/2/test_issue_3108.py::test_multi_parts_slicing
    // NEST: testsuite/pytests/mpi_direct/3/test_issue_3108.py::test_multi_parts_slicing
    // NEST: testsuite/pytests/mpi_direct/4/test_issue_3108.py::test_multi_parts_slicing
    [Theory]
    [MemberData(nameof(ProcessesThreadsAndStrides))]
    public void CollectionOfPartsWithGaps_HoldsTheIdsOfItsParts(int processes, int nThreads, int stride) =>
        MpiRanks.Run(processes, nest => NodeCollectionRegressionTests.MultiPartsSlicing(nest, nThreads, stride));

    private static TheoryData<int, int, int, int> WithProcesses(TheoryData<int, int, int> rows)
    {
        var data = new TheoryData<int, int, int, int>();
        foreach (int processes in Processes)
        {
            foreach (var row in rows) data.Add(processes, (int)row[0], (int)row[1], (int)row[2]);
        }
        return data;
    }

    public static TheoryData<int, int, int, int> ProcessesThreadsStartsAndSteps() => WithProcesses(NodeCollectionRegressionTests.ThreadsStartsAndSteps());

    public static TheoryData<int, int, int, int> ProcessesThreadsAndSteps() => WithProcesses(NodeCollectionRegressionTests.ThreadsAndSteps());

    public static TheoryData<int, int, int> ProcessesThreadsAndPicks(int picks)
    {
        var data = new TheoryData<int, int, int>();
        foreach (int processes in Processes)
        {
            foreach (var row in NodeCollectionRegressionTests.ThreadsAndPicks(picks)) data.Add(processes, (int)row[0], (int)row[1]);
        }
        return data;
    }

    // NEST: testsuite/pytests/mpi_direct/2/test_issue_3108.py::test_get_positions_with_mpi
    // NEST: testsuite/pytests/mpi_direct/3/test_issue_3108.py::test_get_positions_with_mpi
    // NEST: testsuite/pytests/mpi_direct/4/test_issue_3108.py::test_get_positions_with_mpi
    [Theory]
    [MemberData(nameof(ProcessesThreadsStartsAndSteps))]
    public void PositionsOfASlicedLayer_AreThoseOfItsNodesOnTheRank(int processes, int nThreads, int start, int step) =>
        MpiRanks.Run(processes, nest => NodeCollectionRegressionTests.GetPositionsWithMpi(nest, nThreads, start, step));

    // NEST: testsuite/pytests/mpi_direct/2/test_issue_3108.py::test_get_spatial_for_single_element_and_mpi
    // NEST: testsuite/pytests/mpi_direct/3/test_issue_3108.py::test_get_spatial_for_single_element_and_mpi
    // NEST: testsuite/pytests/mpi_direct/4/test_issue_3108.py::test_get_spatial_for_single_element_and_mpi
    [Theory]
    [MemberData(nameof(ProcessesThreadsAndPicks), 7)]
    public void SpatialOfASingleLayerElement_GivesItsPositionOnItsRank(int processes, int nThreads, int pick) =>
        MpiRanks.Run(processes, nest => NodeCollectionRegressionTests.GetSpatialForSingleElementAndMpi(nest, nThreads, pick));

    // NEST: testsuite/pytests/mpi_direct/2/test_issue_3108.py::test_connect_with_single_element_slice_and_mpi
    // NEST: testsuite/pytests/mpi_direct/3/test_issue_3108.py::test_connect_with_single_element_slice_and_mpi
    // NEST: testsuite/pytests/mpi_direct/4/test_issue_3108.py::test_connect_with_single_element_slice_and_mpi
    [Theory]
    [MemberData(nameof(ProcessesThreadsAndPicks), 5)]
    public void ConnectingASingleElementSliceOfALayer_ConnectsItToEveryNode(int processes, int nThreads, int pick) =>
        MpiRanks.Run(processes, nest => NodeCollectionRegressionTests.ConnectWithSingleElementSliceAndMpi(nest, nThreads, pick));

    // NEST: testsuite/pytests/mpi_direct/2/test_issue_3108.py::test_connect_slice_to_slice_and_mpi
    // NEST: testsuite/pytests/mpi_direct/3/test_issue_3108.py::test_connect_slice_to_slice_and_mpi
    // NEST: testsuite/pytests/mpi_direct/4/test_issue_3108.py::test_connect_slice_to_slice_and_mpi
    [Theory]
    [MemberData(nameof(ProcessesThreadsAndSteps))]
    public void ConnectingSteppedSlicesOfALayer_ConnectsEverySourceToEveryTarget(int processes, int nThreads, int sstep, int tstep) =>
        MpiRanks.Run(processes, nest => NodeCollectionRegressionTests.ConnectSliceToSliceAndMpi(nest, nThreads, sstep, tstep));
}
