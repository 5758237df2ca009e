using NestSharp.Tests.NestSuite.Connect;

namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_direct/2/test_connect_one_to_one.py (a link to connect/test_connect_one_to_one.py, class TestOneToOne) on 2 in-process ranks: the
/// one-process port <see cref="TestConnectOneToOne"/> on each rank, with the tests of <see cref="ConnectTestBaseMpi{TTests}"/>.
/// </summary>
public sealed class TestConnectOneToOneMpi : ConnectTestBaseMpi<TestConnectOneToOne>
{
    private protected override TestConnectOneToOne On(Simulator rank) => new(rank);

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_one_to_one.py::TestOneToOne::testConnectivity
    [Fact]
    public void TestConnectivity() => OnRanks(t => t.TestConnectivity());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_one_to_one.py::TestOneToOne::testSymmetricFlag
    [Fact]
    public void TestSymmetricFlag() => OnRanks(t => t.TestSymmetricFlag());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_one_to_one.py::TestOneToOne::testInputArray
    [Fact]
    public void TestInputArray() => OnRanks(t => t.TestInputArray());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_one_to_one.py::TestOneToOne::testInputArrayRPort
    [Fact]
    public void TestInputArrayRPort() => OnRanks(t => t.TestInputArrayRPort());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_one_to_one.py::TestOneToOne::testInputArrayToStdpSynapse
    [Fact]
    public void TestInputArrayToStdpSynapse() => OnRanks(t => t.TestInputArrayToStdpSynapse());
}
