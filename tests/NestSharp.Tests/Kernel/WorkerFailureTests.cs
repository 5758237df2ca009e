namespace NestSharp.Tests.Kernel;

/// <summary>
/// A failure inside a run on a worker thread reaches the caller as it was raised: its type, its message and the stack
/// of the model code that raised it, not wrapped in a generic error.
/// </summary>
public sealed class WorkerFailureTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void NumericalInstabilityInAModel_IsRethrownWithItsTypeAndStack(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        nest.Create("aeif_psc_delta_clopath", 32, new() { ["I_e"] = -1.0e9 });
        var e = Assert.Throws<NumericalInstabilityException>(() => nest.Simulate(10.0));
        Assert.Contains("numerical instability", e.Message);
        Assert.Contains("NestSharp.Models.Neurons.", e.StackTrace); // the model code that raised it (its bookkeeping may be inlined into the integrator)
        Assert.DoesNotContain("Simulation failed", e.Message);
    }
}
