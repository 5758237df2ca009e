using NestSharp.Tests.NestSuite.Connect;

namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_direct/2/test_connect_pairwise_bernoulli.py (a link to connect/test_connect_pairwise_bernoulli.py, class TestPairwiseBernoulli) on 2 in-process ranks: the
/// one-process port <see cref="TestConnectPairwiseBernoulli"/> on each rank, with the tests of <see cref="ConnectTestBaseMpi{TTests}"/>.
/// </summary>
public sealed class TestConnectPairwiseBernoulliMpi : ConnectTestBaseMpi<TestConnectPairwiseBernoulli>
{
    private protected override TestConnectPairwiseBernoulli On(Simulator rank) => new(rank);

    // NEST: testsuite/pytests/mpi_direct/2/test_connect_pairwise_bernoulli.py::TestPairwiseBernoulli::testStatistics
    [Fact]
    public void TestStatistics() => OnRanks(t => t.TestStatistics());
}
