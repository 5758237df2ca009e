using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_tsodyks_synapse.py: tsodyks_synapse and tsodyks_synapse_hom reproduce
/// figure 1 A (depression) and 1 B (facilitation) of Tsodyks, Pawelzik &amp; Markram (1998): the voltmeter trace of an
/// iaf_psc_exp_htum driven through a parrot neuron, sampled every 25 ms, against NEST's values (atol 1e-5).
/// </summary>
public sealed class TestTsodyksSynapse
{
    private static readonly double[,] DepressingExpected =
    {
        { 25, 0 },
        { 50, 0 },
        { 75, 0 },
        { 100, 2.401350000000000e00 },
        { 125, 5.302440000000000e00 },
        { 150, 4.108330000000000e00 },
        { 175, 4.322170000000000e00 },
        { 200, 3.053390000000000e00 },
        { 225, 2.871240000000000e00 },
        { 250, 2.028640000000000e00 },
        { 275, 1.908020000000000e00 },
        { 300, 1.396960000000000e00 },
        { 325, 1.375850000000000e00 },
        { 350, 1.057780000000000e00 },
        { 375, 1.103490000000000e00 },
        { 400, 8.865690000000001e-01 },
        { 425, 9.693530000000000e-01 },
        { 450, 8.028760000000000e-01 },
        { 475, 9.046710000000000e-01 },
        { 500, 7.626880000000000e-01 },
        { 525, 8.738550000000000e-01 },
        { 550, 7.435880000000000e-01 },
        { 575, 8.592780000000000e-01 },
        { 600, 7.345670000000000e-01 },
        { 625, 8.524119999999999e-01 },
        { 650, 7.303210000000000e-01 },
        { 675, 8.491860000000000e-01 },
        { 700, 7.283280000000000e-01 },
        { 725, 8.476730000000000e-01 },
        { 750, 7.273930000000000e-01 },
        { 775, 8.469640000000001e-01 },
        { 800, 7.269550000000000e-01 },
        { 825, 8.466320000000001e-01 },
        { 850, 7.267500000000000e-01 },
        { 875, 8.464760000000000e-01 },
        { 900, 7.266540000000000e-01 },
        { 925, 8.464030000000000e-01 },
        { 950, 7.266089999999999e-01 },
        { 975, 8.463690000000000e-01 },
        { 1000, 7.265880000000000e-01 },
        { 1025, 8.463530000000000e-01 },
        { 1050, 7.265779999999999e-01 },
        { 1075, 8.463460000000000e-01 },
        { 1100, 4.531260000000000e-01 },
        { 1125, 2.425410000000000e-01 },
        { 1150, 1.298230000000000e-01 },
        { 1175, 6.948920000000000e-02 },
    };

    private static readonly double[,] FacilitatingExpected =
    {
        { 25, 0 },
        { 50, 0 },
        { 75, 0 },
        { 100, 4.739750000000000e-01 },
        { 125, 7.706030000000000e-01 },
        { 150, 1.297120000000000e00 },
        { 175, 1.757990000000000e00 },
        { 200, 2.114420000000000e00 },
        { 225, 2.714490000000000e00 },
        { 250, 2.785530000000000e00 },
        { 275, 3.546150000000000e00 },
        { 300, 3.272710000000000e00 },
        { 325, 4.233240000000000e00 },
        { 350, 3.583070000000000e00 },
        { 375, 4.788130000000000e00 },
        { 400, 3.739560000000000e00 },
        { 425, 5.233850000000000e00 },
        { 450, 3.767230000000000e00 },
        { 475, 5.593890000000000e00 },
        { 500, 3.687720000000000e00 },
        { 525, 5.888270000000000e00 },
        { 550, 3.881790000000000e00 },
        { 575, 6.132580000000000e00 },
        { 600, 4.042850000000000e00 },
        { 625, 6.338430000000000e00 },
        { 650, 4.178550000000000e00 },
        { 675, 6.514250000000000e00 },
        { 700, 4.294460000000000e00 },
        { 725, 6.666160000000000e00 },
        { 750, 4.394600000000000e00 },
        { 775, 6.798620000000000e00 },
        { 800, 4.481930000000000e00 },
        { 825, 6.914990000000000e00 },
        { 850, 4.558640000000000e00 },
        { 875, 7.017830000000000e00 },
        { 900, 4.626440000000000e00 },
        { 925, 7.109160000000000e00 },
        { 950, 4.686650000000000e00 },
        { 975, 7.190620000000000e00 },
        { 1000, 4.740350000000000e00 },
        { 1025, 7.263560000000000e00 },
        { 1050, 4.788430000000000e00 },
        { 1075, 7.329110000000000e00 },
        { 1100, 4.831650000000000e00 },
        { 1125, 3.185220000000000e00 },
        { 1150, 2.099830000000000e00 },
        { 1175, 1.384290000000000e00 },
    };

    /// <summary>The set-up both tests share; returns the voltmeter's (time, V_m) rows.</summary>
    private static double[,] Simulate(string synapseModel, double tau, double tauPsc, double tauRec, double tauFac, double u, double a,
        double[] inputTrain)
    {
        const double h = 0.1;
        const double theta = 15.0, eL = 0.0, r = 1.0, tauR = 2.0, tSim = 1200.0;
        double c = tau / r;

        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = h });
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = inputTrain });
        var pn = nest.Create("parrot_neuron");
        var neuron = nest.Create("iaf_psc_exp_htum", 1, new()
        {
            ["tau_m"] = tau, ["t_ref_tot"] = tauR, ["t_ref_abs"] = tauR, ["tau_syn_ex"] = tauPsc, ["tau_syn_in"] = tauPsc,
            ["C_m"] = c, ["V_th"] = theta, ["V_reset"] = eL, ["E_L"] = eL, ["V_m"] = eL,
        });
        var vm = nest.Create("voltmeter");
        vm.Set("interval", 25.0);
        nest.SetDefaults(synapseModel, new()
        {
            ["tau_psc"] = tauPsc, ["tau_rec"] = tauRec, ["tau_fac"] = tauFac, ["U"] = u, ["delay"] = 0.1, ["weight"] = a,
            ["u"] = 0.0, ["x"] = 1.0,
        });
        nest.Connect(sg, pn); // pn required, devices cannot project to plastic synapses
        nest.Connect(pn, neuron, syn: new Dictionary<string, object> { ["synapse_model"] = synapseModel });
        nest.Connect(vm, neuron);
        nest.Simulate(tSim);

        var times = Doubles(vm, "times");
        var v = Doubles(vm, "V_m");
        var rows = new double[times.Length, 2];
        for (int i = 0; i < times.Length; i++) (rows[i, 0], rows[i, 1]) = (times[i], v[i]);
        return rows;
    }

    /// <summary>np.testing.assert_allclose(actual, expected, atol=1e-5) (rtol 1e-7).</summary>
    private static void AssertAllClose(double[,] expected, double[,] actual)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        for (int i = 0; i < expected.GetLength(0); i++)
        {
            for (int j = 0; j < 2; j++)
            {
                Assert.True(Math.Abs(actual[i, j] - expected[i, j]) <= 1e-5 + 1e-7 * Math.Abs(expected[i, j]),
                    $"row {i}, column {j}: NestSharp {actual[i, j]:R}, NEST {expected[i, j]:R}");
            }
        }
    }

    /// <summary>np.arange(start, stop, step).</summary>
    private static double[] Arange(double start, double stop, double step)
    {
        int n = (int)Math.Ceiling((stop - start) / step);
        return [.. Enumerable.Range(0, n).Select(i => start + i * step)];
    }

    // NEST: testsuite/pytests/synapses/test_tsodyks_synapse.py::TestTsodyksSynapse::test_tsodyks_depressing
    [Theory]
    [InlineData("tsodyks_synapse")]
    [InlineData("tsodyks_synapse_hom")]
    public void Test_tsodyks_depressing(string synapseModel)
    {
        // Test depression dynamics. Reproduces figure 1 A
        var actual = Simulate(synapseModel, tau: 40.0, tauPsc: 3.0, tauRec: 800.0, tauFac: 0.0, u: 0.5, a: 250.0,
            inputTrain: Arange(98.0, 1048.1, 50.0));
        AssertAllClose(DepressingExpected, actual);
    }

    // NEST: testsuite/pytests/synapses/test_tsodyks_synapse.py::TestTsodyksSynapse::test_tsodyks_facilitating
    [Theory]
    [InlineData("tsodyks_synapse")]
    [InlineData("tsodyks_synapse_hom")]
    public void Test_tsodyks_facilitating(string synapseModel)
    {
        // Test facilitation dynamics. Reproduces figure 1 B, (C)
        var actual = Simulate(synapseModel, tau: 60.0, tauPsc: 1.5, tauRec: 130.0, tauFac: 530.0, u: 0.03, a: 1540.0,
            inputTrain: Arange(98.1, 1051.0, 50.1));
        AssertAllClose(FacilitatingExpected, actual);
    }
}
