namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// A model's error during a simulation (NEST's regressions/test_issue_311.py): the error reaches the caller, the kernel
/// can still be inspected, further simulation is refused until ResetKernel, and after ResetKernel all works again.
/// </summary>
public sealed class SimulationErrorRegressionTests
{
    // NEST: testsuite/pytests/regressions/test_issue_311.py::test_nest_behaves_well_after_exception_during_update
    [Fact]
    public void NestBehavesWellAfterExceptionDuringUpdate()
    {
        var nest = new Simulator();
        // Pathological parameters to trigger a numerical instability.
        var nrn = nest.Create("aeif_cond_alpha", 1, new() { ["I_e"] = 10000000.0, ["g_L"] = 0.01 });

        Assert.Throws<NumericalInstabilityException>(() => nest.Simulate(100.0));

        // The kernel can still be inspected.
        nest.GetKernelStatus();

        // Parameters that would keep the numerics stable do not make the kernel usable again.
        nrn.Set(new Dictionary<string, object> { ["V_m"] = -70.0, ["w"] = 0.0, ["I_e"] = 0.0 });
        Assert.Throws<KernelException>(() => nest.Simulate(0.1));

        // After ResetKernel the kernel simulates again.
        nest.ResetKernel();
        nest.Create("aeif_cond_alpha", 1, new() { ["I_e"] = 1000.0 });
        nest.Simulate(100.0);
    }
}
