using NestSharp.Tests.NestSuite.Other;

namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_direct/2/test_multiplicity.py (a link to other/test_multiplicity.py) on 2 in-process
/// ranks: the one-process port's body (<see cref="ThreadsAndVirtualProcessesTests.Multiplicity"/>) on each rank.
/// </summary>
public sealed class TestMultiplicityMpi
{
    // NEST: testsuite/pytests/mpi_direct/2/test_multiplicity.py::test_multiplicity
    [Fact]
    public void ASpikeOfMultiplicityTwo_IsPassedOnAsTwoSpikes_AcrossProcesses() =>
        MpiRanks.Run(2, ThreadsAndVirtualProcessesTests.Multiplicity);
}
