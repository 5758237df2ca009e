using NestSharp.Tests.NestSuite.Connect;

namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_direct/2/test_connect_fixed_outdegree.py (a link to connect/test_connect_fixed_outdegree.py, class TestFixedOutDegree) on 2 in-process ranks: the
/// one-process port <see cref="TestConnectFixedOutdegree"/> on each rank, with the tests of <see cref="ConnectTestBaseMpi{TTests}"/>.
/// </summary>
public sealed class TestConnectFixedOutdegreeMpi : ConnectTestBaseMpi<TestConnectFixedOutdegree>
{
    private protected override TestConnectFixedOutdegree On(Simulator rank) => new(rank);

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_fixed_outdegree.py::TestFixedOutDegree::testErrorMessages
    [Fact]
    public void TestErrorMessages() => OnRanks(t => t.TestErrorMessages());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_fixed_outdegree.py::TestFixedOutDegree::testOutDegree
    [Fact]
    public void TestOutDegree() => OnRanks(t => t.TestOutDegree());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_fixed_outdegree.py::TestFixedOutDegree::testStatistics
    [Fact]
    public void TestStatistics() => OnRanks(t => t.TestStatistics());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_fixed_outdegree.py::TestFixedOutDegree::testMultapsesTrue
    [Fact]
    public void TestMultapsesTrue() => OnRanks(t => t.TestMultapsesTrue());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_fixed_outdegree.py::TestFixedOutDegree::testMultapsesFalse
    [Fact]
    public void TestMultapsesFalse() => OnRanks(t => t.TestMultapsesFalse());
}
