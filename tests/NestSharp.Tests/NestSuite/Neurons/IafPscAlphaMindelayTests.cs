namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>The parts of NEST's iaf_psc_alpha min_delay tests NestSharp can run.</summary>
public sealed class IafPscAlphaMindelayTests
{
    // NEST: neurons/test_iaf_psc_alpha_mindelay.py::test_kernel_precision
    [Fact]
    public void KernelPrecision()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["tics_per_ms"] = (double)(1 << 14), ["resolution"] = 1.0 });
        double msPerTic = (double)nest.GetKernelStatus("ms_per_tic");
        // math.frexp(ms_per_tic) == (0.5, -13): ms_per_tic is exactly 2**-14
        Assert.Equal(Math.ScaleB(0.5, -13), msPerTic);
    }
}
