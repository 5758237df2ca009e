namespace NestSharp.Tests.NestSuite.StructuralPlasticity;

/// <summary>NEST 3.10 refuses structural plasticity with more than one thread, in either order.</summary>
public sealed class EnableMultithreadTests
{
    private const string ThreadsDiffer =
        "needs: a decision. NEST 3.10 refuses structural plasticity with several threads (a NEST limitation); NestSharp's structural " +
        "plasticity runs with any number of threads and gives identical results for any number (StructuralPlasticity/DeterminismTests)";

    // NEST: structural_plasticity/test_enable_multithread.py::TestEnableMultithread::test_enable_multithread
    [Fact(Skip = ThreadsDiffer)]
    public void EnableThenMultithread()
    {
        var nest = new Simulator();
        nest.EnableStructuralPlasticity();
        Assert.ThrowsAny<NestException>(() => nest.SetKernelStatus("local_num_threads", 2));
    }

    // NEST: structural_plasticity/test_enable_multithread.py::TestEnableMultithread::test_multithread_enable
    [Fact(Skip = ThreadsDiffer)]
    public void MultithreadThenEnable()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 2);
        Assert.ThrowsAny<NestException>(nest.EnableStructuralPlasticity);
    }
}
