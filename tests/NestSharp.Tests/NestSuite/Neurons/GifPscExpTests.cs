namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// gif_psc_exp with a DC current and three input spikes (NEST's test_gif_exp.py, the gif_psc_exp parametrisation):
/// bad parameters fail; the exact spike steps NEST expects come from its Mersenne-twister draws of the escape noise,
/// which NestSharp's keyed streams do not reproduce.
/// </summary>
public sealed class GifPscExpTests
{
    private const string NeedsNestDraws =
        "needs: NEST's mt19937_64 draws (the expected spike steps of the stochastic escape noise with rng_seed 1; NestSharp draws from keyed streams)";

    private static long[] RunSimulation(Dictionary<string, object>? parameters = null)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["rng_seed"] = 1L });
        var neuron = nest.Create("gif_psc_exp", 1, parameters ?? []);
        var dcGen = nest.Create("dc_generator", 1, new() { ["amplitude"] = 170.0 });
        nest.Connect(dcGen, neuron);
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0, 20.0, 30.0 } });
        nest.Connect(sg, neuron);
        var sr = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        nest.Connect(neuron, sr);

        nest.Simulate(150.0);

        return NestSuiteHelpers.Longs(sr, "times");
    }

    // NEST: testsuite/pytests/neurons/test_gif_exp.py::TestGifModels::test_gif_exp_wrong_params[gif_psc_exp]
    [Fact]
    public void NegativeLambda0_IsRejected()
    {
        Assert.ThrowsAny<NestException>(() => RunSimulation(new() { ["lambda_0"] = -10.0 }));
    }

    // NEST: testsuite/pytests/neurons/test_gif_exp.py::TestGifModels::test_gif_exp_wrong_params2[gif_psc_exp]
    [Fact]
    public void ArraysOfUnequalSize_AreRejected()
    {
        Assert.ThrowsAny<NestException>(() => RunSimulation(new() { ["tau_sfa"] = 120.0, ["q_sfa"] = new[] { 10.0, 25.0 } }));
    }

    // NEST: testsuite/pytests/neurons/test_gif_exp.py::TestGifModels::test_gif_exp_default_params[gif_psc_exp]
    [Fact(Skip = NeedsNestDraws)]
    public void DefaultParams_SpikeStepsAsNest()
    {
        Assert.Equal([462L, 850L, 1288L], RunSimulation());
    }

    // NEST: testsuite/pytests/neurons/test_gif_exp.py::TestGifModels::test_gif_exp_defined_params[gif_psc_exp]
    [Fact(Skip = NeedsNestDraws)]
    public void DefinedParams_SpikeStepsAsNest()
    {
        Assert.Equal([207L, 740L], RunSimulation(DefinedParams()));
    }

    /// <summary>
    /// In place of the exact spike steps: the mean spike count over 40 seeds. NEST 3.10 gives 3.01 (sd 0.10, seeds
    /// 1..200) with the default parameters and exactly 2 with the defined ones; a wrong escape rate (lambda_0 in 1/ms
    /// instead of 1/s, Delta_V) or missing adaptation moves the count by whole spikes.
    /// </summary>
    [Theory]
    [InlineData(false, 3.01)]
    [InlineData(true, 2.0)]
    public void SpikeCount_OverSeeds_AsNests(bool definedParams, double nestMean)
    {
        const int runs = 40;
        double total = 0;
        for (int seed = 1; seed <= runs; seed++)
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["rng_seed"] = (long)seed });
            var neuron = nest.Create("gif_psc_exp", 1, definedParams ? DefinedParams() : []);
            var dcGen = nest.Create("dc_generator", 1, new() { ["amplitude"] = 170.0 });
            nest.Connect(dcGen, neuron);
            var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0, 20.0, 30.0 } });
            nest.Connect(sg, neuron);
            var sr = nest.Create("spike_recorder");
            nest.Connect(neuron, sr);
            nest.Simulate(150.0);
            total += sr.Get<long>("n_events");
        }
        // 0.1 spikes: about 6 standard errors of NEST's mean over 40 runs, and a tenth of the effect of a wrong rate.
        Assert.InRange(total / runs, nestMean - 0.1, nestMean + 0.1);
    }

    private static Dictionary<string, object> DefinedParams() => new()
    {
        ["C_m"] = 40.0, ["Delta_V"] = 0.2, ["tau_sfa"] = new[] { 120.0, 10.0 }, ["q_sfa"] = new[] { 10.0, 25.0 },
        ["tau_stc"] = new[] { 10.0, 20.0 }, ["q_stc"] = new[] { 20.0, -5.0 }, ["tau_syn_ex"] = 8.0,
    };
}
