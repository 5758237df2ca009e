namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_global_rng.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestGlobalRng
{
    // NEST: testsuite/pytests/mpi_indirect/test_global_rng.py::test_global_rng
    [Fact]
    public void RandomParameterFromTheUserLevel_GivesTheSameSequenceOnAllRanks_ForAnyNumberOfRanks()
    {
        MpiTestWrapper.AssertAllRanksEqual([1, 2, 4], nest =>
        {
            nest.SetKernelStatus("rng_seed", 12L);
            var p = nest.CreateParameter("uniform", new() { ["min"] = 0.0, ["max"] = 1.0 });
            var vals = Enumerable.Range(0, 5).Select(_ => nest.GetValue(p)).ToArray();
            // pandas' DataFrame(vals).to_csv(sep="\t"): an index column without a name and a column named 0
            MpiTestWrapper.WriteTable(MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank), ["", "0"],
                vals.Select((v, i) => new object?[] { (long)i, v }));
        });
    }
}
