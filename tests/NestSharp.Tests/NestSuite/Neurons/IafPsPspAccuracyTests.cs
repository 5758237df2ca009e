using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// Ports of NEST 3.10's testsuite/pytests/neurons/test_iaf_ps_psp_accuracy.py and test_iaf_ps_psp_poisson_accuracy.py:
/// iaf_psc_alpha_ps (E_L 0, tau_syn 0.3 ms) after one off-grid input spike, and after a Poisson train (poisson_generator_ps
/// through a parrot_neuron), has the analytical post-synaptic potential at every resolution tried (pytest.approx:
/// relative 1e-6, absolute 1e-12).
/// </summary>
public sealed class IafPsPspAccuracyTests
{
    private const double TauSyn = 0.3, TauM = 10.0, Cm = 250.0, Delay = 1.0;

    private static Dictionary<string, object> NeuronParams(double vTh) => new()
    {
        ["E_L"] = 0.0, ["V_m"] = 0.0, ["V_th"] = vTh, ["I_e"] = 0.0, ["tau_m"] = TauM, ["tau_syn_ex"] = TauSyn,
        ["tau_syn_in"] = TauSyn, ["C_m"] = Cm,
    };

    /// <summary>The tests' V_m_response_fn: the potential t ms after a spike of weight <paramref name="weight"/> (alpha current).</summary>
    internal static double VmResponse(double t, double weight)
    {
        if (t < 0.0) return 0.0;
        double prefactor = weight * Math.E / (TauSyn * Cm);
        double term1 = (Math.Exp(-t / TauM) - Math.Exp(-t / TauSyn)) / Math.Pow(1 / TauSyn - 1 / TauM, 2);
        double term2 = t * Math.Exp(-t / TauSyn) / (1 / TauSyn - 1 / TauM);
        return prefactor * (term1 - term2);
    }

    /// <summary>pytest.approx with its default tolerances: |actual - expected| &lt;= max(1e-6·|expected|, 1e-12).</summary>
    internal static void AssertApprox(double expected, double actual, double relative = 1e-6, double absolute = 1e-12) =>
        Assert.True(Math.Abs(actual - expected) <= Math.Max(relative * Math.Abs(expected), absolute), $"{actual:R} is not approx {expected:R}");

    public static TheoryData<int> SingleSpikeExponents() => [.. Enumerable.Range(0, 7).Select(k => -12 + 2 * k)];

    // NEST: testsuite/pytests/neurons/test_iaf_ps_psp_accuracy.py::test_single_spike_different_stepsizes
    [Theory]
    [MemberData(nameof(SingleSpikeExponents))]
    public void Test_single_spike_different_stepsizes(int h)
    {
        const double t1 = 3.0, t2 = 6.0, weight = 500.0;
        double[] spikeEmission = [1.132123512];
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["tics_per_ms"] = Math.Pow(2, 14), ["resolution"] = Math.Pow(2, h) });
        var sg = nest.Create("spike_generator");
        sg.Set(new Dictionary<string, object> { ["precise_times"] = true, ["origin"] = 0.0, ["spike_times"] = spikeEmission, ["start"] = 0.0, ["stop"] = 5.0 });
        var neuron = nest.Create("iaf_psc_alpha_ps", 1, NeuronParams(15.0));
        nest.Connect(sg, neuron, syn: new Dictionary<string, object> { ["weight"] = weight, ["delay"] = Delay });

        nest.Simulate(t1);
        double vm1 = neuron.Get<double>("V_m");
        nest.Simulate(t2 - t1);
        double vm2 = neuron.Get<double>("V_m");

        // NEST writes reference == pytest.approx(V_m): the tolerance is relative to the simulated value.
        AssertApprox(vm1, VmResponse(t1 - Delay - spikeEmission[0], weight));
        AssertApprox(vm2, VmResponse(t2 - Delay - spikeEmission[0], weight));
    }

    public static TheoryData<int> PoissonExponents() => [.. Enumerable.Range(0, 6).Select(k => -10 + 2 * k)];

    // NEST: testsuite/pytests/neurons/test_iaf_ps_psp_poisson_accuracy.py::test_poisson_spikes_different_stepsizes
    [Theory]
    [MemberData(nameof(PoissonExponents))]
    public void Test_poisson_spikes_different_stepsizes(int h)
    {
        const double t = 6.0, weight = 65.0;
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["tics_per_ms"] = Math.Pow(2, 10), ["resolution"] = Math.Pow(2, h) });
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 16000.0 });
        var parrot = nest.Create("parrot_neuron");
        var neuron = nest.Create("iaf_psc_alpha_ps", 1, NeuronParams(1500.0));
        var sr = nest.Create("spike_recorder");
        nest.Connect(pg, parrot);
        nest.Connect(parrot, neuron, syn: new Dictionary<string, object> { ["weight"] = weight, ["delay"] = Delay });
        nest.Connect(parrot, sr);

        nest.Simulate(t);

        double reference = Doubles(sr, "times").Sum(spike => VmResponse(t - Delay - spike, weight));
        Assert.NotEmpty(Doubles(sr, "times"));
        AssertApprox(reference, neuron.Get<double>("V_m"));
    }
}
