namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// NEST's testsuite/pytests/neurons/test_psp_amplitude_consistency.py: the peak of the postsynaptic potential after one
/// spike of weight 1.5 is the same, within a mean squared difference of 1e-4 mV² over five synaptic time constants, for
/// aeif_cond_alpha and iaf_cond_alpha, for aeif_cond_exp and iaf_cond_exp, and for iaf_cond_exp_sfa_rr and iaf_cond_exp.
/// </summary>
public sealed class PspAmplitudeConsistencyTests
{
    private static readonly double[] TauSyns = [0.5, 1.0, 2.0, 5.0, 15.0];

    // parameters of the conductance-based models (the keys a model lacks are ignored: dict_miss_is_error false)
    private static Dictionary<string, object> PCond() => new()
    {
        ["E_L"] = 0.0, ["g_L"] = 30.0, ["V_m"] = 0.0, ["V_th"] = 30.0, ["I_e"] = 0.0, ["E_ex"] = 40.0, ["E_Na"] = 40.0,
        ["E_in"] = -40.0, ["E_K"] = -40.0, ["C_m"] = 250.0, ["V_peak"] = 50.0,
    };

    /// <summary>The highest V_m of <paramref name="model"/> after one spike at 70 ms (weight 1.5, delay 1 ms).</summary>
    private static double ComputePsp(string model, Dictionary<string, object> parameters, double tauSyn)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["dict_miss_is_error"] = false });

        var sg = nest.Create("spike_generator");
        sg.Set(new Dictionary<string, object> { ["origin"] = 50.0, ["spike_times"] = new[] { 20.0 }, ["start"] = 0.0, ["stop"] = 50.0 });
        var vm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" }, ["interval"] = 0.1 });

        var neuron = nest.Create(model);
        var neuronParams = new Dictionary<string, object>(parameters) { ["tau_syn_ex"] = tauSyn };
        neuron.Set(neuronParams);

        nest.Connect(sg, neuron, syn: new Dictionary<string, object> { ["weight"] = 1.5, ["delay"] = 1.0 });
        nest.Connect(vm, neuron);

        nest.Simulate(150.0);

        double[] vM = NestSuiteHelpers.Doubles(vm, "V_m");
        return vM.Length > 0 ? vM.Max() : 0.0;
    }

    private static double MeanSquaredDifference(string modelA, string modelB)
    {
        double sum = 0;
        foreach (double tauSyn in TauSyns)
        {
            double d = ComputePsp(modelA, PCond(), tauSyn) - ComputePsp(modelB, PCond(), tauSyn);
            sum += d * d;
        }
        return sum / TauSyns.Length;
    }

    // NEST: testsuite/pytests/neurons/test_psp_amplitude_consistency.py::test_psp_amplitude_consistency
    [Fact]
    public void Test_psp_amplitude_consistency()
    {
        double alpha = MeanSquaredDifference("aeif_cond_alpha", "iaf_cond_alpha");
        Assert.True(alpha < 1e-4, $"PSP mismatch between aeif_cond_alpha and iaf_cond_alpha: {alpha}");

        double exp = MeanSquaredDifference("aeif_cond_exp", "iaf_cond_exp");
        Assert.True(exp < 1e-4, $"PSP mismatch between aeif_cond_exp and iaf_cond_exp: {exp}");

        double sfa = MeanSquaredDifference("iaf_cond_exp_sfa_rr", "iaf_cond_exp");
        Assert.True(sfa < 1e-4, $"PSP mismatch between iaf_cond_exp_sfa_rr and iaf_cond_exp: {sfa}");

        // the PSPs are real: a depolarisation of some tenths of a mV
        Assert.True(ComputePsp("iaf_cond_alpha", PCond(), 2.0) > 0.01);
    }
}
