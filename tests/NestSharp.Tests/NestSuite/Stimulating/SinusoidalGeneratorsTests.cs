using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/stimulating/test_sinusoidal_generators.py</c>, for both of its
/// generator models (NEST's gen_models).
/// </summary>
public sealed class SinusoidalGeneratorsTests
{
    public static TheoryData<string> GenModels => new() { "sinusoidal_poisson_generator", "sinusoidal_gamma_generator" };

    public static TheoryData<string, bool, int> WithSpikeRecorderCases
    {
        get
        {
            var rows = new TheoryData<string, bool, int>();
            foreach (string model in (string[])["sinusoidal_poisson_generator", "sinusoidal_gamma_generator"])
            {
                foreach (bool individual in (bool[])[false, true])
                {
                    foreach (int threads in (int[])[1, 2]) rows.Add(model, individual, threads);
                }
            }
            return rows;
        }
    }

    // NEST: testsuite/pytests/stimulating/test_sinusoidal_generators.py::test_individual_spike_trains_true_by_default
    [Theory]
    [MemberData(nameof(GenModels))]
    public void IndividualSpikeTrainsTrueByDefault(string genModel)
    {
        var gen = new Simulator().Create(genModel);
        Assert.True(gen.Get<bool>("individual_spike_trains"));
    }

    // NEST: testsuite/pytests/stimulating/test_sinusoidal_generators.py::test_set_individual_spike_trains_on_set_defaults
    [Theory]
    [MemberData(nameof(GenModels))]
    public void SetIndividualSpikeTrainsOnSetDefaults(string genModel)
    {
        var nest = new Simulator();
        nest.SetDefaults(genModel, new() { ["individual_spike_trains"] = false });
        Assert.False(nest.Create(genModel).Get<bool>("individual_spike_trains"));
    }

    // NEST: testsuite/pytests/stimulating/test_sinusoidal_generators.py::test_set_individual_spike_trains_on_copy_model
    [Theory]
    [MemberData(nameof(GenModels))]
    public void SetIndividualSpikeTrainsOnCopyModel(string genModel)
    {
        var nest = new Simulator();
        nest.CopyModel(genModel, "sinusoidal_generator_copy", new() { ["individual_spike_trains"] = false });
        Assert.False(nest.Create("sinusoidal_generator_copy").Get<bool>("individual_spike_trains"));
    }

    // NEST: testsuite/pytests/stimulating/test_sinusoidal_generators.py::test_set_individual_spike_trains_on_instance
    [Theory]
    [MemberData(nameof(GenModels))]
    public void SetIndividualSpikeTrainsOnInstance(string genModel)
    {
        var gen = new Simulator().Create(genModel);
        Assert.Throws<BadPropertyException>(() => gen.Set("individual_spike_trains", false));
    }

    // NEST: testsuite/pytests/stimulating/test_sinusoidal_generators.py::test_sinusoidal_generator_with_spike_recorder
    [Theory]
    [MemberData(nameof(WithSpikeRecorderCases))]
    public void SinusoidalGeneratorWithSpikeRecorder(string genModel, bool individualSpikeTrains, int numThreads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", numThreads);
        const int nrnsPerThread = 4;
        int totalNumNrns = numThreads * nrnsPerThread;
        nest.SetDefaults(genModel, new()
        {
            ["rate"] = 100.0, ["amplitude"] = 50.0, ["frequency"] = 10.0, ["individual_spike_trains"] = individualSpikeTrains,
        });
        var parrots = nest.Create("parrot_neuron", totalNumNrns);
        var gen = nest.Create(genModel);
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
    [Theory]
    [MemberData(nameof(GenModels))]
    public void SinusoidalGeneratorRateProfile(string genModel)
    {
        double dc = 1.0, ac = 0.5, freq = 10.0, phi = 2.0;
        var nest = new Simulator();
        nest.SetDefaults(genModel, new() { ["rate"] = dc, ["amplitude"] = ac, ["frequency"] = freq, ["phase"] = phi / Math.PI * 180 });
        var parrots = nest.Create("parrot_neuron");
        var sspg = nest.Create(genModel);
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
