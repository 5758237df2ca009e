using NestSharp.Tests.NestSuite.Connect;

namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_direct/2/test_connect_fixed_total_number.py (a link to connect/test_connect_fixed_total_number.py, class TestFixedTotalNumber) on 2 in-process ranks: the
/// one-process port <see cref="TestConnectFixedTotalNumber"/> on each rank, with the tests of <see cref="ConnectTestBaseMpi{TTests}"/>.
/// </summary>
public sealed class TestConnectFixedTotalNumberMpi : ConnectTestBaseMpi<TestConnectFixedTotalNumber>
{
    private protected override TestConnectFixedTotalNumber On(Simulator rank) => new(rank);

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_fixed_total_number.py::TestFixedTotalNumber::testErrorMessages
    [Fact]
    public void TestErrorMessages() => OnRanks(t => t.TestErrorMessages());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_fixed_total_number.py::TestFixedTotalNumber::testTotalNumberOfConnections
    [Fact]
    public void TestTotalNumberOfConnections() => OnRanks(t => t.TestTotalNumberOfConnections());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_fixed_total_number.py::TestFixedTotalNumber::testStatistics
    [Fact]
    public void TestStatistics() => OnRanks(t => t.TestStatistics());
}
