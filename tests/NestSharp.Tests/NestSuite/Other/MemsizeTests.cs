namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// Port of NEST 3.10's testsuite/pytests/other/test_memsize.py: the kernel's memory_size is positive and grows when
/// 4000 iaf_psc_alpha_ps are connected all to all with stdp_synapse (16 million connections).
/// </summary>
public sealed class MemsizeTests
{
    // NEST: testsuite/pytests/other/test_memsize.py::test_memsize
    [Fact]
    [Trait("Category", "Slow")]
    public void Test_memsize()
    {
        var nest = new Simulator();
        long mPre = Convert.ToInt64(nest.GetKernelStatus("memory_size"));

        var n = nest.Create("iaf_psc_alpha_ps", 4000);
        nest.Connect(n, n, syn: new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse" });

        long mPost = Convert.ToInt64(nest.GetKernelStatus("memory_size"));

        Assert.True(mPre > 0);
        Assert.True(mPost > mPre, $"memory_size {mPre} kB before, {mPost} kB after");
    }
}
