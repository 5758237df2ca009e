using NestSharp.Tests.NestSuite.Connect;

namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_direct/2/test_connect_all_to_all.py (a link to connect/test_connect_all_to_all.py, class TestAllToAll) on 2 in-process ranks: the
/// one-process port <see cref="TestConnectAllToAll"/> on each rank, with the tests of <see cref="ConnectTestBaseMpi{TTests}"/>.
/// </summary>
public sealed class TestConnectAllToAllMpi : ConnectTestBaseMpi<TestConnectAllToAll>
{
    private protected override TestConnectAllToAll On(Simulator rank) => new(rank);

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_all_to_all.py::TestAllToAll::testConnectivity
    [Fact]
    public void TestConnectivity() => OnRanks(t => t.TestConnectivity());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_all_to_all.py::TestAllToAll::testInputArray
    [Fact]
    public void TestInputArray() => OnRanks(t => t.TestInputArray());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_all_to_all.py::TestAllToAll::testInputArrayWithoutAutapses
    [Fact]
    public void TestInputArrayWithoutAutapses() => OnRanks(t => t.TestInputArrayWithoutAutapses());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_all_to_all.py::TestAllToAll::testInputArrayRPort
    [Fact]
    public void TestInputArrayRPort() => OnRanks(t => t.TestInputArrayRPort());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_all_to_all.py::TestAllToAll::testRPortDistribution
    [Fact]
    public void TestRPortDistribution() => OnRanks(t => t.TestRPortDistribution());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_all_to_all.py::TestAllToAll::testInputArrayToStdpSynapse
    [Fact]
    public void TestInputArrayToStdpSynapse() => OnRanks(t => t.TestInputArrayToStdpSynapse());
}
