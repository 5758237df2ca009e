namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// gif_cond_exp with a DC current and three input spikes (NEST's test_gif_exp.py, the gif_cond_exp parametrisation):
/// bad parameters fail; the exact spike steps NEST expects come from its Mersenne-twister draws of the escape noise,
/// which NestSharp's keyed streams do not reproduce, so the same runs over 40 seeds are compared with NEST 3.10's
/// statistics of them instead.
/// </summary>
public sealed class GifCondExpTests
{
    private const string NeedsNestDraws =
        "needs: NEST's mt19937_64 draws (the expected spike steps of the stochastic escape noise with rng_seed 1; NestSharp draws from keyed streams)";

    private static double[] RunSimulation(Dictionary<string, object>? parameters = null, long seed = 1, bool timeInSteps = true)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["rng_seed"] = seed });
        var neuron = nest.Create("gif_cond_exp", 1, parameters ?? []);
        var dcGen = nest.Create("dc_generator", 1, new() { ["amplitude"] = 170.0 });
        nest.Connect(dcGen, neuron);
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0, 20.0, 30.0 } });
        nest.Connect(sg, neuron);
        var sr = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = timeInSteps });
        nest.Connect(neuron, sr);

        nest.Simulate(150.0);

        return timeInSteps ? [.. NestSuiteHelpers.Longs(sr, "times").Select(t => (double)t)] : NestSuiteHelpers.Doubles(sr, "times");
    }

    // NEST: testsuite/pytests/neurons/test_gif_exp.py::TestGifModels::test_gif_exp_wrong_params[gif_cond_exp]
    [Fact]
    public void NegativeLambda0_IsRejected()
    {
        Assert.ThrowsAny<NestException>(() => RunSimulation(new() { ["lambda_0"] = -10.0 }));
    }

    // NEST: testsuite/pytests/neurons/test_gif_exp.py::TestGifModels::test_gif_exp_wrong_params2[gif_cond_exp]
    [Fact]
    public void ArraysOfUnequalSize_AreRejected()
    {
        Assert.ThrowsAny<NestException>(() => RunSimulation(new() { ["tau_sfa"] = 120.0, ["q_sfa"] = new[] { 10.0, 25.0 } }));
    }

    // NEST: testsuite/pytests/neurons/test_gif_exp.py::TestGifModels::test_gif_exp_default_params[gif_cond_exp]
    [Fact(Skip = NeedsNestDraws)]
    public void DefaultParams_SpikeStepsAsNest()
    {
        Assert.Equal([398.0, 740.0, 1101.0, 1500.0], RunSimulation());
    }

    // NEST: testsuite/pytests/neurons/test_gif_exp.py::TestGifModels::test_gif_exp_defined_params[gif_cond_exp]
    [Fact(Skip = NeedsNestDraws)]
    public void DefinedParams_SpikeStepsAsNest()
    {
        Assert.Equal([171.0, 676.0], RunSimulation(DefinedParams()));
    }

    /// <summary>
    /// In place of the exact spike steps: the mean spike count and the mean time of the first spike over 40 seeds. NEST
    /// 3.10 (seeds 1..400) gives 3.05 spikes (sd 0.21) and a first spike at 40.32 ms (sd 2.18) with the default
    /// parameters, exactly 2 spikes and a first spike at 16.88 ms (sd 0.26) with the defined ones. The bounds are about
    /// four standard errors of the mean of 40 runs; a wrong escape rate (lambda_0 in 1/ms instead of 1/s, Delta_V), a
    /// missing adaptation or spike-triggered current, or conductances taken as currents move the first spike by more.
    /// </summary>
    [Theory]
    [InlineData(false, 3.05, 0.14, 40.32, 1.4)]
    [InlineData(true, 2.0, 0.0, 16.88, 0.17)]
    public void SpikeCountAndFirstSpike_OverSeeds_AsNests(bool definedParams, double nestCount, double countBound, double nestFirst, double firstBound)
    {
        const int runs = 40;
        double count = 0, first = 0;
        for (int seed = 1; seed <= runs; seed++)
        {
            double[] times = RunSimulation(definedParams ? DefinedParams() : null, seed, timeInSteps: false);
            Assert.NotEmpty(times);
            count += times.Length;
            first += times[0];
        }
        Assert.InRange(count / runs, nestCount - countBound, nestCount + countBound);
        Assert.InRange(first / runs, nestFirst - firstBound, nestFirst + firstBound);
    }

    private static Dictionary<string, object> DefinedParams() => new()
    {
        ["C_m"] = 40.0, ["Delta_V"] = 0.2, ["tau_sfa"] = new[] { 120.0, 10.0 }, ["q_sfa"] = new[] { 10.0, 25.0 },
        ["tau_stc"] = new[] { 10.0, 20.0 }, ["q_stc"] = new[] { 20.0, -5.0 }, ["tau_syn_ex"] = 8.0,
    };
}
