using NestSharp.Tests.NestSuite.Neurons;
using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>
/// Port of NEST 3.10's testsuite/pytests/stimulating/test_iaf_ps_psp_poisson_generator_accuracy.py: a Poisson train
/// (poisson_generator_ps at 16 kHz for 6 ms, recorded at resolution 1 ms) replayed by a precise spike_generator into
/// iaf_psc_alpha_ps gives the analytical potential at 6 ms (absolute 1e-12) at resolutions 2^-10 .. 2^0 ms.
/// </summary>
public sealed class IafPsPspPoissonGeneratorAccuracyTests
{
    private const double T = 6.0, Weight = 65.0, Delay = 1.0;
    private const int MinExponent = -10, MaxExponent = 2;

    /// <summary>The module-level create_spiketrain of the NEST test.</summary>
    private static double[] CreateSpiketrain()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["tics_per_ms"] = Math.Pow(2, -MinExponent), ["resolution"] = 1.0 });
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 16000.0 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(pg, sr);
        nest.Simulate(T);
        return Doubles(sr, "times");
    }

    private static readonly double[] Spiketrain = CreateSpiketrain();

    public static TheoryData<int> Exponents() => [.. Enumerable.Range(0, (MaxExponent - MinExponent) / 2).Select(k => MinExponent + 2 * k)];

    // NEST: testsuite/pytests/stimulating/test_iaf_ps_psp_poisson_generator_accuracy.py::test_poisson_spikes_different_stepsizes
    [Theory]
    [MemberData(nameof(Exponents))]
    public void Test_poisson_spikes_different_stepsizes(int h)
    {
        double reference = Spiketrain.Sum(spike => IafPsPspAccuracyTests.VmResponse(T - Delay - spike, Weight));
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["tics_per_ms"] = Math.Pow(2, -MinExponent), ["resolution"] = Math.Pow(2, h) });
        var sg = nest.Create("spike_generator", 1, new() { ["start"] = 0.0, ["spike_times"] = Spiketrain, ["precise_times"] = true });
        var neuron = nest.Create("iaf_psc_alpha_ps", 1, new()
        {
            ["E_L"] = 0.0, ["V_m"] = 0.0, ["V_th"] = 1500.0, ["I_e"] = 0.0, ["tau_m"] = 10.0, ["tau_syn_ex"] = 0.3,
            ["tau_syn_in"] = 0.3, ["C_m"] = 250.0,
        });
        nest.Connect(sg, neuron, syn: new Dictionary<string, object> { ["weight"] = Weight, ["delay"] = Delay });

        nest.Simulate(T);

        Assert.NotEmpty(Spiketrain);
        // pytest.approx(reference, abs=1e-12): the absolute tolerance only.
        IafPsPspAccuracyTests.AssertApprox(reference, neuron.Get<double>("V_m"), relative: 0.0);
    }
}
