namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_ticket_955.py, on 1, 2 and 4 in-process ranks.</summary>
public sealed class TestTicket955
{
    // NEST: testsuite/pytests/mpi_indirect/test_ticket_955.py::test_ticket_955
    [Theory]
    [InlineData("free", 2)]
    [InlineData("free", 3)]
    [InlineData("grid", 2)]
    [InlineData("grid", 3)]
    public void LayerWithASingleElement_CanBeCreatedInParallel(string kind, int dimensions)
    {
        MpiTestWrapper.AssertCompletes([1, 2, 4], nest =>
        {
            var geom = kind == "free"
                ? Positions.Free([[.. Enumerable.Repeat(0.0, dimensions)]], extent: [.. Enumerable.Repeat(1.0, dimensions)])
                : Positions.Grid([.. Enumerable.Repeat(1L, dimensions)]);
            nest.Create("parrot_neuron", geom);
        });
    }
}
