namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/stimulating/test_noise_generator.py</c>.</summary>
public sealed class NoiseGeneratorTests
{
    private static Simulator PrepareKernel()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.1);
        return nest;
    }

    // NEST: testsuite/pytests/stimulating/test_noise_generator.py::test_noise_generator_set_parameters
    [Fact]
    public void NoiseGeneratorSetParameters()
    {
        var nest = PrepareKernel();
        var parameters = new Dictionary<string, object> { ["mean"] = 10.5, ["std"] = 0.23, ["dt"] = 0.5 };
        var ng1 = nest.Create("noise_generator", 1, new(parameters));
        nest.SetDefaults("noise_generator", new(parameters));
        var ng2 = nest.Create("noise_generator");
        foreach (var key in parameters.Keys) Assert.Equal(ng1.Get<double>(key), ng2.Get<double>(key));
    }

    // NEST: testsuite/pytests/stimulating/test_noise_generator.py::test_noise_generator_incorrect_noise_dt
    [Fact]
    public void NoiseGeneratorIncorrectNoiseDt()
    {
        var nest = PrepareKernel();
        Assert.Throws<StepMultipleRequiredException>(() => nest.Create("noise_generator", 1, new() { ["dt"] = 0.25 }));
    }

    // NEST: testsuite/pytests/stimulating/test_noise_generator.py::test_noise_generator_
    [Fact]
    public void NoiseGeneratorMembranePotentialStatistics()
    {
        var nest = PrepareKernel();
        var ng = nest.Create("noise_generator");
        var neuron = nest.Create("iaf_psc_alpha");
        nest.Connect(ng, neuron);
        ng.Set(new Dictionary<string, object> { ["mean"] = 0.0, ["std"] = 1.0, ["dt"] = 0.1 });
        neuron.Set(new Dictionary<string, object> { ["V_th"] = 1e10, ["C_m"] = 1.0, ["tau_m"] = 1.0, ["E_L"] = 0.0 });

        const int nSims = 100;
        var vm = new double[nSims];
        for (int i = 0; i < nSims; i++)
        {
            nest.Simulate(1000.0);
            vm[i] = neuron.Get<double>("V_m");
        }
        double vmMean = vm.Average();
        double vmStd = Math.Sqrt(vm.Sum(v => (v - vmMean) * (v - vmMean)) / nSims);

        double expDt = Math.Exp(-ng.Get<double>("dt") / neuron.Get<double>("tau_m"));
        double expectedVmStd = Math.Sqrt((1 + expDt) / (1 - expDt)) * ng.Get<double>("std");
        double expectedVmStdStd = expectedVmStd / Math.Sqrt(2);
        Assert.True(Math.Abs(vmMean - 0.0) < 3 * expectedVmStd, $"mean {vmMean}");
        Assert.True(Math.Abs(vmStd - expectedVmStd) < 3 * expectedVmStdStd, $"std {vmStd}, expected {expectedVmStd}");
    }
}
