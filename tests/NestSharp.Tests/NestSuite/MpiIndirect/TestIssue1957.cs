namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_issue_1957.py, on 2 and 4 in-process ranks.</summary>
public sealed class TestIssue1957
{
    // NEST: testsuite/pytests/mpi_indirect/test_issue_1957.py::test_issue_1957
    [Fact]
    public void GetConnections_DoesNotHang_IfNotAllRanksHaveConnections()
    {
        var all = MpiTestWrapper.AssertEqual([2, 4], nest =>
        {
            nest.ResetKernel();
            var nrn = nest.Create("parrot_neuron");
            nest.Connect(nrn, nrn);
            nest.Connect(nrn, nrn);
            var pre_conns = nest.GetConnections();
            if (MpiTestWrapper.OwnConnections(nest, pre_conns).Count > 0)
            {
                // need to do this here, Disconnect invalidates pre_conns
                MpiTestWrapper.WriteAllConnectionKeys(nest, MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank), pre_conns, "target_thread");
            }
            nest.Disconnect(nrn, nrn);
            nest.Disconnect(nrn, nrn);
            var post_conns = nest.GetConnections();
            Assert.Equal(0, post_conns.Count);
        });
        Assert.Equal(2, all["other"][0].Rows.Count);
    }
}
