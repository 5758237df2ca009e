using NestSharp.Tests.NestSuite.Other;

namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_direct/2/test_neuron_vp.py and mpi_direct/3/test_neuron_vp.py (links to
/// other/test_neuron_vp.py) on 2 and 3 in-process ranks: the one-process port's bodies
/// (<see cref="ThreadsAndVirtualProcessesTests"/>) on each rank.
/// </summary>
public sealed class TestNeuronVpMpi
{
    // NEST: testsuite/pytests/mpi_direct/2/test_neuron_vp.py::test_vp
    // NEST: testsuite/pytests/mpi_direct/3/test_neuron_vp.py::test_vp
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void NeuronsGetTheirVirtualProcesses(int processes) => MpiRanks.Run(processes, nest =>
        ThreadsAndVirtualProcessesTests.NeuronVpTestVp(nest, ThreadsAndVirtualProcessesTests.NeuronVpNodes(nest)));

    // NEST: testsuite/pytests/mpi_direct/2/test_neuron_vp.py::test_local
    // NEST: testsuite/pytests/mpi_direct/3/test_neuron_vp.py::test_local
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void NeuronsAreLocalOnTheRankOfTheirVirtualProcess(int processes) => MpiRanks.Run(processes, nest =>
        ThreadsAndVirtualProcessesTests.NeuronVpTestLocal(nest, ThreadsAndVirtualProcessesTests.NeuronVpNodes(nest)));

    // NEST: testsuite/pytests/mpi_direct/2/test_neuron_vp.py::test_thread
    // NEST: testsuite/pytests/mpi_direct/3/test_neuron_vp.py::test_thread
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void LocalNeuronsAreOnTheThreadOfTheirVirtualProcess(int processes) => MpiRanks.Run(processes, nest =>
        ThreadsAndVirtualProcessesTests.NeuronVpTestThread(nest, ThreadsAndVirtualProcessesTests.NeuronVpNodes(nest)));
}
