using NestSharp.Tests.NestSuite.Connect;

namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_direct/2/test_connect_symmetric_pairwise_bernoulli.py (a link to connect/test_connect_symmetric_pairwise_bernoulli.py, class TestSymmetricPairwiseBernoulli) on 2 in-process ranks: the
/// one-process port <see cref="TestConnectSymmetricPairwiseBernoulli"/> on each rank, with the tests of <see cref="ConnectTestBaseMpi{TTests}"/>.
/// </summary>
public sealed class TestConnectSymmetricPairwiseBernoulliMpi : ConnectTestBaseMpi<TestConnectSymmetricPairwiseBernoulli>
{
    private protected override TestConnectSymmetricPairwiseBernoulli On(Simulator rank) => new(rank);

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_symmetric_pairwise_bernoulli.py::TestSymmetricPairwiseBernoulli::testStatistics
    [Fact]
    [Trait("Category", "Slow")]
    public void TestStatistics() => OnRanks(t => t.TestStatistics());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_symmetric_pairwise_bernoulli.py::TestSymmetricPairwiseBernoulli::testMultapses
    [Fact]
    public void TestMultapses() => OnRanks(t => t.TestMultapses());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_symmetric_pairwise_bernoulli.py::TestSymmetricPairwiseBernoulli::testCannotSetMSFalse
    [Fact]
    public void TestCannotSetMSFalse() => OnRanks(t => t.TestCannotSetMSFalse());

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_symmetric_pairwise_bernoulli.py::TestSymmetricPairwiseBernoulli::testMakeSymmetric
    [Fact]
    public void TestMakeSymmetric() => OnRanks(t => t.TestMakeSymmetric());
}
