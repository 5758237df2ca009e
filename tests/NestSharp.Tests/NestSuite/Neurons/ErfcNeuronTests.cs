using MathNet.Numerics;
using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/neurons/test_erfc_neuron.py</c>: the mean activity of an erfc_neuron,
/// decoded by a spin_detector, against the gain function for 4 sigmas and 15 thetas (statistical, seed 1 as in NEST).
/// </summary>
public sealed class ErfcNeuronTests
{
    /// <summary>NEST's get_mean_activity: the fraction of time in state 1, corrected for starting in state 0.</summary>
    private static double MeanActivity(NodeCollection detector, double t)
    {
        long[] states = Longs(detector, "state");
        double[] times = [.. Doubles(detector, "times"), t];
        if (times.Length <= 1) return 0.0;
        Assert.Equal(1L, states[0]);
        double[] diff = new double[times.Length - 1];
        for (int k = 0; k < diff.Length; k++) diff[k] = times[k + 1] - times[k];
        // since the neuron starts in state 0, every second period is the time in state 1
        double activity = diff.Where((_, k) => k % 2 == 0).Sum() / (t - times[0]);
        if (times.Length > 2)
        {
            // biased average starting at down state, p(m(t)=1|m(t-1)=0)
            double m0 = 1.0 - diff.Where((_, k) => k % 2 == 1).Sum() / (t - times[1]);
            // biased average starting at up state, p(m(t)=1|m(t-1)=1)
            double m1 = activity;
            // unbiased estimate, assuming a stationary state
            activity = m0 / (1.0 + m0 - m1);
        }
        return activity;
    }

    private static double ActivationFunctionTheory(double sigma, double theta) => 0.5 * SpecialFunctions.Erfc(theta / (Math.Sqrt(2.0) * sigma));

    // NEST: testsuite/pytests/neurons/test_erfc_neuron.py::ErfcNeuronTheoryTestCase::test_activation_function
    [Fact]
    [Trait("Category", "Slow")]
    public void ActivationFunction()
    {
        const double T = 50000.0;
        double[] sigmas = Enumerable.Range(0, 4).Select(k => Math.Pow(10.0, -1.0 + k * 2.1 / 3.0)).ToArray(); // np.logspace(-1, 1.1, 4)
        double[] thetas = Enumerable.Range(0, 15).Select(k => -6.0 + k * 12.0 / 14.0).ToArray(); // np.linspace(-6, 6, 15)
        foreach (double sigma in sigmas)
        {
            foreach (double theta in thetas)
            {
                var nest = new Simulator();
                nest.SetKernelStatus("rng_seed", 1);
                var neuron = nest.Create("erfc_neuron", 1, new() { ["sigma"] = sigma, ["theta"] = theta });
                var detector = nest.Create("spin_detector");
                nest.Connect(neuron, detector);
                nest.Simulate(T);
                double meanActivity = MeanActivity(detector, T);
                double theory = ActivationFunctionTheory(sigma, theta);
                double delta = Math.Max(2e-1 * theory * (1.0 - theory), 1e-2);
                Assert.True(Math.Abs(meanActivity - theory) <= delta, $"sigma {sigma}, theta {theta}: activity {meanActivity}, theory {theory}, delta {delta}");
            }
        }
    }
}
