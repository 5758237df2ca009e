namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_issue_2119.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestIssue2119
{
    // NEST: testsuite/pytests/mpi_indirect/test_issue_2119.py::test_issue_2119
    [Theory]
    [InlineData("exponential")]
    [InlineData("normal")]
    [InlineData("lognormal")]
    [InlineData("uniform")]
    [InlineData("uniform_int")]
    public void RandomizedNodeParameters_WorkUnderMpiAndThreads(string kind)
    {
        var specs = kind == "uniform_int" ? new Dictionary<string, object> { ["max"] = 10 } : [];
        var all = MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            nest.ResetKernel();
            nest.SetKernelStatus("total_num_virtual_procs", 4);
            var nrn = nest.Create("iaf_psc_alpha", 4, new() { ["V_m"] = nest.CreateParameter(kind, new(specs)) });
            // pd.DataFrame.from_dict(nrn.get(["global_id", "V_m"])).dropna(): the nodes of this process
            var local = nrn.Where(n => n.Get<bool>("local")).ToList();
            MpiTestWrapper.WriteTable(MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank), ["global_id", "V_m"],
                local.Select(n => new object?[] { (long)n.Ids[0], n.Get<double>("V_m") }));
        });
        Assert.Equal(4, all["other"][0].Rows.Count);
    }
}
