namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// NEST's testsuite/pytests/neurons/test_iaf_bw_2001_exact.py: iaf_bw_2001_exact without NMDA input follows
/// iaf_cond_exp (10 decimals), NMDA input raises V_m, s_AMPA and s_GABA follow their analytical solutions; NMDA
/// connections after the first Simulate are refused.
/// </summary>
public sealed class IafBw2001ExactTests
{
    // NEST: testsuite/pytests/neurons/test_iaf_bw_2001_exact.py::test_iaf_bw_2001_exact
    [Fact]
    public void Test_iaf_bw_2001_exact() => IafBw2001Tests.CompareWithCondExp("iaf_bw_2001_exact");

    // NEST: testsuite/pytests/neurons/test_iaf_bw_2001_exact.py::test_connect_NMDA_after_simulate
    [Fact]
    public void Test_connect_NMDA_after_simulate()
    {
        var nest = new Simulator();
        var presyn = nest.Create("iaf_bw_2001_exact");
        var postsyn = nest.Create("iaf_bw_2001_exact");
        var receptorTypes = (IReadOnlyDictionary<string, int>)presyn.Get("receptor_types");
        var nmda = new Dictionary<string, object> { ["weight"] = 1.0, ["receptor_type"] = receptorTypes["NMDA"] };

        nest.Connect(presyn, postsyn, syn: nmda);
        nest.Simulate(1.0);
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(postsyn, presyn, syn: nmda));
    }
}
