using NestSharp.Tests.NestSuite.SpatialSuite;

namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_direct/2/ and 4/test_spatial_positions.py (links to spatial/test_spatial_positions.py)
/// on 2 and 4 in-process ranks: each rank checks its own connections' weights against their targets' positions.
/// </summary>
public sealed class TestSpatialPositionsMpi
{
    // NEST: testsuite/pytests/mpi_direct/{2,4}/test_spatial_positions.py::testFreePositions
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void FreePositions(int processes) => MpiRanks.Run(processes, SpatialPositionsTests.FreePositionsOn);

    // NEST: testsuite/pytests/mpi_direct/{2,4}/test_spatial_positions.py::testGridPositions
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void GridPositions(int processes) => MpiRanks.Run(processes, SpatialPositionsTests.GridPositionsOn);
}
