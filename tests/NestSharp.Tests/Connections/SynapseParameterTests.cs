using MathNet.Numerics.Distributions;
using NestSharp.Tests.Statistics;
using Xunit.Abstractions;

namespace NestSharp.Tests.Connections;

/// <summary>Weights and delays given in the syn_spec: random, per connection from arrays, and delay rounding.</summary>
public sealed class SynapseParameterTests(ITestOutputHelper output)
{
    private static Simulator NewKernel(int threads = 2)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 31415L, ["local_num_threads"] = threads, ["resolution"] = 0.1 });
        return nest;
    }

    private static double[] NormalWeights(out Simulator nest)
    {
        nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 100);
        var b = nest.Create("iaf_psc_alpha", 100);
        nest.Connect(a, b, Rule.AllToAll(), new Dictionary<string, object> { ["weight"] = nest.Random.Normal(5.0, 1.0) });
        return nest.GetConnections().Weight;
    }

    [Fact]
    public void NormalWeights_HaveTheMeanAndStandardDeviationOfTheDistribution()
    {
        var w = NormalWeights(out _);

        // n = 10000: SE of the mean 0.01, SE of the standard deviation 1/sqrt(2(n-1)) = 0.007; allow 4 SE.
        double mean = w.Average(), sd = Math.Sqrt(StatTest.Variance(w));
        output.WriteLine($"n = {w.Length}, mean = {mean:F4}, sd = {sd:F4}");
        Assert.Equal(10_000, w.Length);
        Assert.InRange(mean, 5.0 - 0.04, 5.0 + 0.04);
        Assert.InRange(sd, 1.0 - 0.03, 1.0 + 0.03);
    }

    [Fact]
    public void NormalWeights_FollowTheNormalDistribution()
    {
        var w = NormalWeights(out _);

        // 20 bins of equal probability under N(5, 1).
        const int bins = 20;
        var counts = new long[bins];
        foreach (double x in w)
        {
            int bin = (int)Math.Floor(Normal.CDF(5.0, 1.0, x) * bins);
            counts[Math.Clamp(bin, 0, bins - 1)]++;
        }
        var test = StatTest.ChiSquareUniform(counts);
        output.WriteLine($"normal weights vs N(5, 1) in 20 equiprobable bins: {test}");
        Assert.True(test.PValue > StatTest.Alpha, $"weights are not N(5, 1): {test}");
    }

    [Fact]
    public void NormalWeights_AreDrawnPerConnection()
    {
        var w = NormalWeights(out _);

        Assert.Equal(w.Length, w.Distinct().Count());
    }

    [Fact]
    public void UniformWeights_LieInTheirRange()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 50);
        nest.Connect(a, a, Rule.FixedIndegree(20), new Dictionary<string, object> { ["weight"] = nest.Random.Uniform(2.0, 3.0) });

        var w = nest.GetConnections().Weight;

        Assert.All(w, x => Assert.InRange(x, 2.0, 3.0));
        Assert.InRange(w.Min(), 2.0, 2.01);
        Assert.InRange(w.Max(), 2.99, 3.0);
    }

    [Fact]
    public void ArrayWeightsAndDelays_WithOneToOne_LandOnTheirConnection()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 5);
        var b = nest.Create("iaf_psc_alpha", 5);
        double[] weights = [10.0, 20.0, 30.0, 40.0, 50.0];
        double[] delays = [1.0, 2.0, 3.0, 4.0, 5.0];

        nest.Connect(a, b, Rule.OneToOne(), new Dictionary<string, object>
        {
            ["synapse_model"] = "static_synapse", ["weight"] = weights, ["delay"] = delays,
        });

        for (int i = 0; i < 5; i++)
        {
            var c = nest.GetConnections(source: a[i], target: b[i]);
            Assert.Equal(1, c.Count);
            Assert.Equal(weights[i], c.Weight[0]);
            Assert.Equal(delays[i], c.Delay[0], 12);
        }
    }

    [Fact]
    public void ArrayWeights_WithOneToOne_FollowThePairs()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 3);
        var b = nest.Create("iaf_psc_alpha", 3);

        nest.Connect(a, b[2] + b[0] + b[1], Rule.OneToOne(), new Dictionary<string, object> { ["weight"] = new[] { 1.0, 2.0, 3.0 } });

        Assert.Equal(1.0, nest.GetConnections(source: a[0]).Weight.Single());
        Assert.Equal(4L, nest.GetConnections(source: a[0]).Target.Single());
        Assert.Equal(2.0, nest.GetConnections(source: a[1]).Weight.Single());
        Assert.Equal(5L, nest.GetConnections(source: a[1]).Target.Single());
    }

    [Fact]
    public void ArrayWeights_WithAllToAll_AreIndexedByTargetThenSource()
    {
        // NEST's layout for all_to_all: an array of shape (number of targets, number of sources).
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 3);
        var b = nest.Create("iaf_psc_alpha", 2);
        var w = new double[2][];
        for (int t = 0; t < 2; t++) w[t] = Enumerable.Range(0, 3).Select(s => 10.0 * (t + 1) + s).ToArray();

        nest.Connect(a, b, Rule.AllToAll(), new Dictionary<string, object> { ["weight"] = w });

        for (int t = 0; t < 2; t++)
        {
            for (int s = 0; s < 3; s++)
                Assert.Equal(w[t][s], nest.GetConnections(source: a[s], target: b[t]).Weight.Single());
        }
    }

    [Fact]
    public void ArrayWeights_WithFixedIndegree_GiveEachTargetItsRow()
    {
        // NEST's layout for fixed_indegree: an array of shape (number of targets, indegree).
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 10);
        var b = nest.Create("iaf_psc_alpha", 4);
        var w = new double[4][];
        for (int t = 0; t < 4; t++) w[t] = Enumerable.Range(0, 3).Select(j => 100.0 * (t + 1) + j).ToArray();

        nest.Connect(a, b, Rule.FixedIndegree(3), new Dictionary<string, object> { ["weight"] = w });

        for (int t = 0; t < 4; t++)
            Assert.Equal(w[t].Order(), nest.GetConnections(target: b[t]).Weight.Order());
    }

    [Fact]
    public void ArrayWeights_OfTheWrongLength_ThrowAndConnectNothing()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 5);
        var b = nest.Create("iaf_psc_alpha", 5);

        Assert.Throws<BadPropertyException>(() =>
            nest.Connect(a, b, Rule.OneToOne(), new Dictionary<string, object> { ["weight"] = new[] { 1.0, 2.0 } }));

        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void Delay_IsRoundedToTheNearestStep()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 2);

        nest.Connect(a[0], a[1], Rule.OneToOne(), new Dictionary<string, object> { ["delay"] = 1.26 });

        Assert.Equal(1.3, nest.GetConnections().Delay.Single(), 12);
    }

    [Fact]
    public void Delay_OfHalfAStep_IsRoundedUpToOneStep_AsNestRoundsDelays()
    {
        // NEST converts a delay to steps with ld_round (floor(x + 0.5)): 0.05 ms at 0.1 ms is 1 step, which is valid.
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 2);

        nest.Connect(a[0], a[1], Rule.OneToOne(), new Dictionary<string, object> { ["delay"] = 0.05 });

        Assert.Equal(0.1, nest.GetConnections().Delay.Single(), 12);
    }

    [Theory]
    [InlineData(0.04)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Delay_BelowTheResolution_ThrowsAndConnectsNothing(double delay)
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 10);

        Assert.Throws<BadDelayException>(() =>
            nest.Connect(a, a, Rule.AllToAll(), new Dictionary<string, object> { ["delay"] = delay }));

        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Fact]
    public void ArrayDelays_WithOneEntryBelowTheResolution_ThrowAndConnectNothing()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 4);
        var b = nest.Create("iaf_psc_alpha", 4);

        Assert.Throws<BadDelayException>(() =>
            nest.Connect(a, b, Rule.OneToOne(), new Dictionary<string, object> { ["delay"] = new[] { 1.0, 1.0, 0.01, 1.0 } }));

        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RandomDelays_BelowTheResolution_ThrowTheTypedExceptionAndConnectNothing(int threads)
    {
        // The values are only known while connecting, so the check happens while the rule runs (on worker threads).
        var nest = NewKernel(threads);
        var a = nest.Create("iaf_psc_alpha", 20);

        var error = Record.Exception(() =>
            nest.Connect(a, a, Rule.FixedIndegree(5), new Dictionary<string, object> { ["delay"] = nest.Random.Uniform(0.0, 0.04) }));

        Assert.IsType<BadDelayException>(error);
        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Fact]
    public void CopiedSynapseModel_GivesItsDefaultWeightAndDelay()
    {
        var nest = NewKernel();
        var a = nest.Create("iaf_psc_alpha", 5);
        nest.CopyModel("static_synapse", "inhibitory", new() { ["weight"] = -7.5, ["delay"] = 1.5 });

        nest.Connect(a, a, Rule.FixedIndegree(2), "inhibitory");

        var c = nest.GetConnections();
        Assert.All(c.Weight, w => Assert.Equal(-7.5, w));
        Assert.All(c.Delay, d => Assert.Equal(1.5, d, 12));
        Assert.All(c.SynapseModel, m => Assert.Equal("inhibitory", m));
    }

    // NEST's add_connection takes a NaN weight or delay for "not given": the connection gets the model's default
    // (checked against NEST 3.10: the same calls there give these values).
    [Fact]
    public void NanWeightsAndDelays_StandForTheModelsDefaults()
    {
        var nest = NewKernel();
        var n = nest.Create("iaf_psc_alpha", 3);
        nest.CopyModel("static_synapse", "syn", new() { ["weight"] = -2.5, ["delay"] = 1.5 });

        nest.Connect(n, n, Rule.OneToOne(), new Dictionary<string, object>
        {
            ["synapse_model"] = "syn", ["weight"] = new[] { double.NaN, 3.0, double.NaN }, ["delay"] = new[] { 2.0, double.NaN, double.NaN },
        });
        var c = nest.GetConnections();
        Assert.Equal([-2.5, 3.0, -2.5], c.Weight);
        Assert.Equal([2.0, 1.5, 1.5], c.Delay);

        nest.Connect(n, n, Rule.OneToOne(), new Dictionary<string, object>
        {
            ["synapse_model"] = "syn", ["weight"] = nest.Random.Uniform(0.0, 1.0) * Parameter.Constant(double.NaN),
            ["delay"] = double.NaN,
        });
        nest.Connect(n, n, Rule.AllToAll(), new Dictionary<string, object> { ["synapse_model"] = "syn", ["weight"] = new double[3, 3] { { double.NaN, double.NaN, double.NaN }, { double.NaN, double.NaN, double.NaN }, { double.NaN, double.NaN, double.NaN } } });
        c = nest.GetConnections();
        Assert.Equal(3 + 3 + 9, c.Count);
        Assert.Equal(1, c.Weight.Count(w => w == 3.0));
        Assert.Equal(14, c.Weight.Count(w => w == -2.5));
        Assert.Equal(1, c.Delay.Count(d => Math.Abs(d - 2.0) < 1e-12));
        Assert.Equal(14, c.Delay.Count(d => Math.Abs(d - 1.5) < 1e-12));
    }
}
