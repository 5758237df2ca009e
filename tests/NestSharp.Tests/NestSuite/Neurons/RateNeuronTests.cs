namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// NEST's test_rate_neuron.py: lin_rate_ipn and lin_rate_opn driven by their mean input and noise alone: the mean
/// rate is mu, the noise's standard deviation is sigma, and the rate of the input-noise model has variance sigma²/2
/// (a statistical test: fixed seed).
/// </summary>
public sealed class RateNeuronTests
{
    private const double Rtol = 0.05, Mu = 1.5, Sigma = 0.5, Tau = 5.0, Simtime = 10000.0, Dt = 0.1;

    private static (double[] Ipn, double[] Opn) Run(string key)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = Dt, ["use_wfr"] = false });
        var neuronParams = new Dictionary<string, object> { ["mu"] = Mu, ["sigma"] = Sigma, ["tau"] = Tau };
        var ipn = nest.Create("lin_rate_ipn", 1, neuronParams);
        var opn = nest.Create("lin_rate_opn", 1, neuronParams);
        var multimeter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "rate", "noise" }, ["interval"] = Dt, ["start"] = 10.0 * Tau });
        nest.Connect(multimeter, ipn + opn);
        nest.Simulate(Simtime);
        var senders = NestSuiteHelpers.Longs(multimeter, "senders");
        var values = NestSuiteHelpers.Doubles(multimeter, key);
        return (values.Where((_, i) => senders[i] == ipn.Ids[0]).ToArray(), values.Where((_, i) => senders[i] == opn.Ids[0]).ToArray());
    }

    private static bool IsClose(double actual, double desired) => Math.Abs(actual - desired) <= 1e-8 + Rtol * Math.Abs(desired);

    private static double Std(double[] x)
    {
        double mean = x.Average();
        return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / x.Length);
    }

    // NEST: testsuite/pytests/neurons/test_rate_neuron.py::RateNeuronTestCase::test_RateNeuronMean
    [Fact]
    public void MeanRate_IsMu()
    {
        var (ipn, opn) = Run("rate");
        Assert.True(IsClose(ipn.Average(), Mu), $"ipn mean {ipn.Average()}");
        Assert.True(IsClose(opn.Average(), Mu), $"opn mean {opn.Average()}");
    }

    // NEST: testsuite/pytests/neurons/test_rate_neuron.py::RateNeuronTestCase::test_RateNeuronNoise
    [Fact]
    public void NoiseStd_IsSigma()
    {
        var (ipn, opn) = Run("noise");
        Assert.True(IsClose(Std(ipn), Sigma), $"ipn noise std {Std(ipn)}");
        Assert.True(IsClose(Std(opn), Sigma), $"opn noise std {Std(opn)}");
    }

    // NEST: testsuite/pytests/neurons/test_rate_neuron.py::RateNeuronTestCase::test_RateNeuronVariance
    [Fact]
    public void RateVariance_IsHalfSigmaSquared()
    {
        var (ipn, _) = Run("rate");
        double variance = Std(ipn) * Std(ipn);
        Assert.True(IsClose(variance, Sigma * Sigma / 2.0), $"ipn rate variance {variance}");
    }
}
