namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>NEST's testsuite/pytests/mpi_direct/2/test_issue_3659.py, on 2 in-process ranks.</summary>
public sealed class TestIssue3659
{
    // NEST: testsuite/pytests/mpi_direct/2/test_issue_3659.py::test_ensure_parallel_conn_array_weight_blocked
    [Fact]
    public void SettingConnectionParametersWithArrays_IsNotImplementedOnSeveralProcesses() => MpiRanks.Run(2, nest =>
    {
        Assert.True(nest.NumProcesses > 1, "Test is only relevant if we use multiple MPI ranks.");

        var nrns = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(nrns, nrns);
        var conns = MpiRanks.Own(nest, nest.GetConnections());

        Assert.Throws<NestNotImplementedException>(() =>
            conns.Set(new Dictionary<string, object> { ["weight"] = new[] { 21.0, 22.0, 23.0, 24.0 } }));
    });
}
