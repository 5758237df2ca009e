using NestSharp.Tests.NestSuite.Connect;

namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's mpi_direct/2/connect_test_base.py (a link to connect/connect_test_base.py): the tests every rule's file
/// inherits, run on 2 in-process ranks, each rank running the one-process port (<see cref="ConnectTestBase"/>) with its
/// own simulator. One derived class per rule file of mpi_direct/2 adds the rule's own tests.
/// </summary>
public abstract class ConnectTestBaseMpi<TTests> where TTests : ConnectTestBase
{
    /// <summary>NEST runs mpi_direct/2 with two MPI processes.</summary>
    protected const int Processes = 2;

    /// <summary>The rule's tests on one rank, with the rank's simulator (their setUp runs here, as unittest's does).</summary>
    private protected abstract TTests On(Simulator rank);

    /// <summary>Runs <paramref name="test"/> on every rank.</summary>
    private protected void OnRanks(Action<TTests> test) => MpiRanks.Run(Processes, nest => test(On(nest)));

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testWeightSetting
    [Fact]
    public void TestWeightSetting() => OnRanks(t => t.TestWeightSetting());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testDelaySetting
    [Fact]
    public void TestDelaySetting() => OnRanks(t => t.TestDelaySetting());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testRPortSetting
    [Fact]
    public void TestRPortSetting() => OnRanks(t => t.TestRPortSetting());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testSynapseSetting
    [Fact]
    public void TestSynapseSetting() => OnRanks(t => t.TestSynapseSetting());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testDefaultParams
    [Fact]
    public void TestDefaultParams() => OnRanks(t => t.TestDefaultParams());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testAutapsesTrue (or the rule's own)
    [Fact]
    public void TestAutapsesTrue() => OnRanks(t => t.TestAutapsesTrue());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testAutapsesFalse (or the rule's own)
    [Fact]
    public void TestAutapsesFalse() => OnRanks(t => t.TestAutapsesFalse());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testStdpFacetshwSynapseHom
    [Fact]
    public void TestStdpFacetshwSynapseHom() => OnRanks(t => t.TestStdpFacetshwSynapseHom());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testStdpPlSynapseHom
    [Fact]
    public void TestStdpPlSynapseHom() => OnRanks(t => t.TestStdpPlSynapseHom());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testStdpSynapseHom
    [Fact]
    public void TestStdpSynapseHom() => OnRanks(t => t.TestStdpSynapseHom());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testStdpSynapse
    [Fact]
    public void TestStdpSynapse() => OnRanks(t => t.TestStdpSynapse());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testHtSynapse
    [Fact]
    public void TestHtSynapse() => OnRanks(t => t.TestHtSynapse());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testQuantalStpSynapse
    [Fact]
    public void TestQuantalStpSynapse() => OnRanks(t => t.TestQuantalStpSynapse());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testTsodyks2Synapse
    [Fact]
    public void TestTsodyks2Synapse() => OnRanks(t => t.TestTsodyks2Synapse());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testTsodyksSynapse
    [Fact]
    public void TestTsodyksSynapse() => OnRanks(t => t.TestTsodyksSynapse());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testStdpDopamineSynapse
    [Fact]
    public void TestStdpDopamineSynapse() => OnRanks(t => t.TestStdpDopamineSynapse());

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testRPortAllSynapses
    // The rows are the models of NEST's list (ConnectTestBase's).
    [Theory]
    [MemberData(nameof(ConnectTestBase.NestsSynapseModels), MemberType = typeof(ConnectTestBase))]
    public void TestRPortAllSynapses(string syn) => OnRanks(t => t.TestRPortAllSynapses(syn));

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testWeightAllSynapses
    // The rows are the models of NEST's list (ConnectTestBase's).
    [Theory]
    [MemberData(nameof(ConnectTestBase.NestsSynapseModelsWithWeights), MemberType = typeof(ConnectTestBase))]
    public void TestWeightAllSynapses(string syn) => OnRanks(t => t.TestWeightAllSynapses(syn));

    // NEST: testsuite/pytests/mpi_direct/2/connect_test_base.py::ConnectTestBase::testDelayAllSynapses
    // The rows are the models of NEST's list (ConnectTestBase's).
    [Theory]
    [MemberData(nameof(ConnectTestBase.NestsSynapseModels), MemberType = typeof(ConnectTestBase))]
    public void TestDelayAllSynapses(string syn) => OnRanks(t => t.TestDelayAllSynapses(syn));
}
