using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/stimulating/test_sinusoidal_generators.py</c> for
/// sinusoidal_poisson_generator (sinusoidal_gamma_generator is a model NestSharp lacks).
/// </summary>
public sealed class SinusoidalGeneratorsTests
{
    private const string GenModel = "sinusoidal_poisson_generator";

    // NEST: testsuite/pytests/stimulating/test_sinusoidal_generators.py::test_individual_spike_trains_true_by_default
    [Fact]
    public void IndividualSpikeTrainsTrueByDefault()
    {
        var gen = new Simulator().Create(GenModel);
        Assert.True(gen.Get<bool>("individual_spike_trains"));
    }

    // NEST: testsuite/pytests/stimulating/test_sinusoidal_generators.py::test_set_individual_spike_trains_on_set_defaults
    [Fact]
    public void SetIndividualSpikeTrainsOnSetDefaults()
    {
        var nest = new Simulator();
        nest.SetDefaults(GenModel, new() { ["individual_spike_trains"] = false });
        Assert.False(nest.Create(GenModel).Get<bool>("individual_spike_trains"));
    }

    // NEST: testsuite/pytests/stimulating/test_sinusoidal_generators.py::test_set_individual_spike_trains_on_copy_model
    [Fact]
    public void SetIndividualSpikeTrainsOnCopyModel()
    {
        var nest = new Simulator();
        nest.CopyModel(GenModel, "sinusoidal_generator_copy", new() { ["individual_spike_trains"] = false });
        Assert.False(nest.Create("sinusoidal_generator_copy").Get<bool>("individual_spike_trains"));
    }

    // NEST: testsuite/pytests/stimulating/test_sinusoidal_generators.py::test_set_individual_spike_trains_on_instance
    [Fact]
    public void SetIndividualSpikeTrainsOnInstance()
    {
        var gen = new Simulator().Create(GenModel);
        Assert.Throws<BadPropertyException>(() => gen.Set("individual_spike_trains", false));
    }

    // NEST: testsuite/pytests/stimulating/test_sinusoidal_generators.py::test_sinusoidal_generator_with_spike_recorder
    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 2)]
    [InlineData(true, 1)]
    [InlineData(true, 2)]
    public void SinusoidalGeneratorWithSpikeRecorder(bool individualSpikeTrains, int numThreads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", numThreads);
        const int nrnsPerThread = 4;
        int totalNumNrns = numThreads * nrnsPerThread;
        nest.SetDefaults(GenModel, new()
        {
            ["rate"] = 100.0, ["amplitude"] = 50.0, ["frequency"] = 10.0, ["individual_spike_trains"] = individualSpikeTrains,
        });
        var parrots = nest.Create("parrot_neuron", totalNumNrns);
        var gen = nest.Create(GenModel);
        var srecs = nest.Create("spike_recorder", totalNumNrns);
        nest.Connect(gen, parrots);
        nest.Connect(parrots, srecs, "one_to_one");
        nest.Simulate(500.0);

        var spikesAllNrns = Enumerable.Range(0, totalNumNrns).Select(i => Doubles(srecs[i], "times")).ToArray();
        Assert.Equal(totalNumNrns, spikesAllNrns.Length);
        for (int i = 0; i < totalNumNrns; i++)
        {
            for (int j = i + 1; j < totalNumNrns; j++)
            {
                if (individualSpikeTrains) Assert.False(spikesAllNrns[i].SequenceEqual(spikesAllNrns[j]), $"trains {i} and {j} are equal");
                else Assert.Equal(spikesAllNrns[0], spikesAllNrns[j]);
            }
        }
    }

    // NEST: testsuite/pytests/stimulating/test_sinusoidal_generators.py::test_sinusoidal_generator_rate_profile
    [Fact]
    public void SinusoidalGeneratorRateProfile()
    {
        double dc = 1.0, ac = 0.5, freq = 10.0, phi = 2.0;
        var nest = new Simulator();
        nest.SetDefaults(GenModel, new() { ["rate"] = dc, ["amplitude"] = ac, ["frequency"] = freq, ["phase"] = phi / Math.PI * 180 });
        var parrots = nest.Create("parrot_neuron");
        var sspg = nest.Create(GenModel);
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "rate" } });
        nest.Connect(sspg, parrots);
        nest.Connect(mm, sspg);
        nest.Simulate(100.0);

        var times = Doubles(mm, "times");
        var actualRates = Doubles(mm, "rate");
        Assert.NotEmpty(times);
        for (int i = 0; i < times.Length; i++)
        {
            double expected = Math.Sin(times[i] * 2 * Math.PI * freq / 1000 + phi) * ac + dc;
            // numpy.testing.assert_allclose: rtol 1e-7
            Assert.True(Math.Abs(actualRates[i] - expected) <= 1e-7 * Math.Abs(expected), $"t = {times[i]}: {actualRates[i]} vs {expected}");
        }
    }
}
