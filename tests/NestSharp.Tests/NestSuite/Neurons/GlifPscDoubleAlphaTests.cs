using static NestSharp.Tests.NestSuite.Neurons.GlifPscTests;

namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/neurons/test_glif_psc_double_alpha.py</c>: glif_psc_double_alpha with
/// tau_syn_fast = tau_syn_slow = 2 ms and amp_slow = 1 behaves as glif_psc with half the weights, so the five levels
/// must reproduce glif_psc's expected spike times (same KS test); and the double alpha kernel's peaks. As for glif_psc,
/// the three levels with after-spike currents need NEST's Poisson draws at seed 123456 and are checked over seeds 1 to
/// 10 instead (see <see cref="GlifPscTests"/>).
/// </summary>
public sealed class GlifPscDoubleAlphaTests
{
    private static readonly Dictionary<string, object> Halved = new()
    {
        ["tau_syn_fast"] = new[] { 2.0 }, ["tau_syn_slow"] = new[] { 2.0 }, ["amp_slow"] = new[] { 1.0 },
    };

    private static void Check(Dictionary<string, object> level, double[] expected) =>
        CheckLevel("glif_psc_double_alpha", Halved, 10.0, 17.5, level, expected);

    // NEST: testsuite/pytests/neurons/test_glif_psc_double_alpha.py::GLIFPSCTestCase::test_lif
    [Fact]
    public void Lif() => Check(Level(false, false, false), LifSpikes);

    // NEST: testsuite/pytests/neurons/test_glif_psc_double_alpha.py::GLIFPSCTestCase::test_lif_r
    [Fact]
    public void LifR() => Check(Level(true, false, false), LifRSpikes);

    // NEST: testsuite/pytests/neurons/test_glif_psc_double_alpha.py::GLIFPSCTestCase::test_lif_asc
    [Fact(Skip = NeedsNestDraws)]
    public void LifAsc() => Check(Level(false, true, false), LifAscSpikes);

    // NEST: testsuite/pytests/neurons/test_glif_psc_double_alpha.py::GLIFPSCTestCase::test_lif_r_asc
    [Fact(Skip = NeedsNestDraws)]
    public void LifRAsc() => Check(Level(true, true, false), LifRAscSpikes);

    // NEST: testsuite/pytests/neurons/test_glif_psc_double_alpha.py::GLIFPSCTestCase::test_lif_r_asc_a
    [Fact(Skip = NeedsNestDraws)]
    public void LifRAscA() => Check(Level(true, true, true), LifRAscASpikes);

    /// <summary>In place of the three skipped levels (not in NEST): NEST's test passes for at least half of seeds 1 to 10.</summary>
    [Theory]
    [InlineData("lif_asc")]
    [InlineData("lif_r_asc")]
    [InlineData("lif_r_asc_a")]
    public void AscLevels_PassForMostSeeds(string level) => AssertPassesForMostSeeds("glif_psc_double_alpha", Halved, 10.0, 17.5, level);

    // NEST: testsuite/pytests/neurons/test_glif_psc_double_alpha.py::GLIFPSCTestCase::test_double_alpha_synapse
    [Fact]
    public void DoubleAlphaSynapse()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.01, ["rng_seed"] = 123456L });
        var neuron = nest.Create("glif_psc_double_alpha");
        var input1 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0 } });
        var input2 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 210.0 } });
        var input3 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 410.0 } });

        // input1: both alphas at the same place with the same amplitude (double the peak); input2: the slow one with
        // half the amplitude (1.5 times the peak); input3: the slow one later (the peak moves to the right)
        neuron.Set(new Dictionary<string, object>
        {
            ["tau_syn_fast"] = new[] { 2.0, 2.0, 2.0 }, ["tau_syn_slow"] = new[] { 2.0, 2.0, 4.0 }, ["amp_slow"] = new[] { 1.0, 0.5, 0.5 },
        });
        var multimeter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I_syn" }, ["interval"] = 0.1 });

        nest.Connect(input1, neuron, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 1.0, ["receptor_type"] = 1L });
        nest.Connect(input2, neuron, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 1.0, ["receptor_type"] = 2L });
        nest.Connect(input3, neuron, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 1.0, ["receptor_type"] = 3L });
        nest.Connect(multimeter, neuron);

        nest.Simulate(500.0);
        double[] iSyn = NestSuiteHelpers.Doubles(multimeter, "I_syn");

        // peaks at 13 ms (index 129) and 213 ms (index 2129) of 2 and 1.5 pA; the third peak lies after 413 ms
        Assert.Equal(2.0, iSyn[129], 0.0001);
        Assert.Equal(1.5, iSyn[2129], 0.0001);
        Assert.True(iSyn[4133] > iSyn[4129]);
    }
}
