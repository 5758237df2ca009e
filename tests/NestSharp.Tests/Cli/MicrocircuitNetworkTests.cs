using NestSharp.Cli.Experiments;

namespace NestSharp.Tests.Cli;

/// <summary>One microcircuit at scale 0.05 (neurons and in-degrees), built on 2 threads and not simulated.</summary>
public sealed class SmallMicrocircuitNetwork
{
    public SmallMicrocircuitNetwork() =>
        Network = MicrocircuitExperiment.Build(new MicrocircuitParameters { ScaleN = 0.05, ScaleK = 0.05, Threads = 2, Seed = 7 }, TextWriter.Null);

    public MicrocircuitNetwork Network { get; }
}

public sealed class MicrocircuitNetworkTests(SmallMicrocircuitNetwork small) : IClassFixture<SmallMicrocircuitNetwork>
{
    private MicrocircuitNetwork Network => small.Network;

    [Fact]
    public void Populations_HaveTheScaledSizesInOrder()
    {
        Assert.Equal(new[] { 1034, 292, 1096, 274, 242, 53, 720, 147 }, Network.Populations.Select(p => p.Count).ToArray());
        for (int i = 1; i < 8; i++) Assert.Equal(Network.Populations[i - 1].Ids[^1] + 1, Network.Populations[i].Ids[0]);
        Assert.Equal("iaf_psc_exp", Network.Populations[0][0].Get("model").ToString());
    }

    [Fact]
    public void EveryPairOfPopulations_HasTheFormulasSynapseNumber()
    {
        long total = 0;
        for (int i = 0; i < 8; i++)
        {
            for (int j = 0; j < 8; j++)
            {
                long count = Network.Nest.GetConnections(Network.Populations[j], Network.Populations[i]).Count;
                Assert.Equal(Network.Model.Synapses[i, j], count);
                total += count;
            }
        }
        Assert.Equal(747_205L, total);
        Assert.Equal(total, Network.Synapses);
    }

    [Theory]
    [InlineData(0, 2)] // L4E -> L23E, the doubled weight
    [InlineData(2, 3)] // L4I -> L4E, inhibitory
    [InlineData(4, 5)] // L5I -> L5E
    public void Weights_AreNormalWithTenPercentSpreadAndKeepTheirSign(int target, int source)
    {
        double[] weights = Network.Nest.GetConnections(Network.Populations[source], Network.Populations[target]).Weight;
        double mean = Network.Model.MeanWeights[target, source], sd = Math.Abs(mean) * 0.1;
        Assert.All(weights, w => Assert.True(Math.Sign(w) == Math.Sign(mean), $"weight {w} has the wrong sign"));
        double sampleMean = weights.Average();
        double sampleSd = Math.Sqrt(weights.Sum(w => (w - sampleMean) * (w - sampleMean)) / (weights.Length - 1));
        Assert.InRange(sampleMean, mean - 5 * sd / Math.Sqrt(weights.Length), mean + 5 * sd / Math.Sqrt(weights.Length));
        Assert.InRange(sampleSd, sd * (1 - 5 / Math.Sqrt(2.0 * weights.Length)), sd * (1 + 5 / Math.Sqrt(2.0 * weights.Length)));
    }

    [Theory]
    [InlineData(0, 0, 1.5)]
    [InlineData(2, 3, 0.75)]
    public void Delays_AreNormalRedrawnBelowHalfAStepAndOnTheGrid(int target, int source, double meanDelay)
    {
        double[] delays = Network.Nest.GetConnections(Network.Populations[source], Network.Populations[target]).Delay;
        Assert.All(delays, d =>
        {
            Assert.True(d >= 0.1 - 1e-12, $"delay {d} below the resolution");
            Assert.Equal(Math.Round(d * 10) / 10, d, 12);
        });
        // N(mu, mu/2) truncated below at 0.05 ms: mean mu + sigma phi(a) / (1 - Phi(a)), a = (0.05 - mu) / sigma;
        // rounding to the 0.1 ms grid adds no bias beyond its own 0.03 ms sampling spread over this many draws.
        double sigma = meanDelay / 2, a = (0.05 - meanDelay) / sigma;
        double truncatedMean = meanDelay + sigma * NormalDensity(a) / (1 - NormalCdf(a));
        double se = sigma / Math.Sqrt(delays.Length);
        Assert.InRange(delays.Average(), truncatedMean - 5 * se - 0.005, truncatedMean + 5 * se + 0.005);
    }

    [Fact]
    public void InitialPotentials_FollowTheOptimizedPerPopulationDistributions()
    {
        for (int i = 0; i < 8; i += 3)
        {
            double[] vm = Network.Populations[i].GetValues<double>("V_m");
            double mean = MicrocircuitModel.OptimizedV0Mean[i], sd = MicrocircuitModel.OptimizedV0Std[i];
            Assert.InRange(vm.Average(), mean - 5 * sd / Math.Sqrt(vm.Length), mean + 5 * sd / Math.Sqrt(vm.Length));
        }
    }

    [Fact]
    public void Neurons_HaveTheReferencesParametersAndCompensatingCurrent()
    {
        var neuron = Network.Populations[3][0];
        Assert.Equal(0.5, neuron.Get<double>("tau_syn_ex"));
        Assert.Equal(0.5, neuron.Get<double>("tau_syn_in"));
        Assert.Equal(-65.0, neuron.Get<double>("E_L"));
        Assert.Equal(-50.0, neuron.Get<double>("V_th"));
        Assert.Equal(2.0, neuron.Get<double>("t_ref"));
        Assert.Equal(250.0, neuron.Get<double>("C_m"));
        Assert.Equal(Network.Model.DcAmplitudes[3], neuron.Get<double>("I_e"));
    }

    private static double NormalDensity(double x) => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);

    private static double NormalCdf(double x) => 0.5 * (1 + MathNet.Numerics.SpecialFunctions.Erf(x / Math.Sqrt(2)));
}
