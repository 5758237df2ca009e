using NestSharp.Tests.NestSuite.Connect;

namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_direct/2/test_connect_fixed_indegree.py (a link to connect/test_connect_fixed_indegree.py, class TestFixedInDegree) on 2 in-process ranks: the
/// one-process port <see cref="TestConnectFixedIndegree"/> on each rank, with the tests of <see cref="ConnectTestBaseMpi{TTests}"/>.
/// </summary>
public sealed class TestConnectFixedIndegreeMpi : ConnectTestBaseMpi<TestConnectFixedIndegree>
{
    private protected override TestConnectFixedIndegree On(Simulator rank) => new(rank);

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_fixed_indegree.py::TestFixedInDegree::testErrorMessages
    [Fact]
    public void TestErrorMessages() => OnRanks(t => t.TestErrorMessages());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_fixed_indegree.py::TestFixedInDegree::testInDegree
    [Fact]
    public void TestInDegree() => OnRanks(t => t.TestInDegree());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_fixed_indegree.py::TestFixedInDegree::testStatistics
    [Fact]
    public void TestStatistics() => OnRanks(t => t.TestStatistics());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_fixed_indegree.py::TestFixedInDegree::testMultapsesTrue
    [Fact]
    public void TestMultapsesTrue() => OnRanks(t => t.TestMultapsesTrue());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_fixed_indegree.py::TestFixedInDegree::testMultapsesFalse
    [Fact]
    public void TestMultapsesFalse() => OnRanks(t => t.TestMultapsesFalse());
}
