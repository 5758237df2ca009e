using NestSharp.Numerics;
using NestSharp.Tests.Parameters;
using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.Models;

/// <summary>
/// sinusoidal_gamma_generator (NEST's pytests check only its keys, its recorded rate and which trains are equal): the
/// statistics of its trains (gamma intervals of the order's shape at a constant rate, Poisson at order 1, the
/// modulation's share of spikes), parameters set between runs, its checks, and the upper incomplete gamma function
/// its hazard uses.
/// </summary>
public sealed class SinusoidalGammaGeneratorTests
{
    /// <summary>The spike times of each of <paramref name="trains"/> parrots driven by one generator with individual trains.</summary>
    private static List<double[]> Trains(Dictionary<string, object> parameters, int trains, double simTime, long seed = 12)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("rng_seed", seed);
        var generator = nest.Create("sinusoidal_gamma_generator", 1, parameters);
        var parrots = nest.Create("parrot_neuron", trains);
        var recorders = nest.Create("spike_recorder", trains);
        nest.Connect(generator, parrots);
        nest.Connect(parrots, recorders, "one_to_one");
        nest.Simulate(simTime);
        return Enumerable.Range(0, trains).Select(i => Doubles(recorders[i], "times")).ToList();
    }

    private static double[] Intervals(List<double[]> trains) =>
        trains.SelectMany(t => t.Zip(t.Skip(1), (a, b) => b - a)).ToArray();

    [Fact]
    public void ConstantRate_IntervalsAreGammaDistributedWithTheOrderAsShape()
    {
        const double order = 4.0, rateHz = 40.0;
        var isi = Intervals(Trains(new() { ["rate"] = rateHz, ["order"] = order }, 20, 20000.0));
        double mean = isi.Average();
        double cv = Math.Sqrt(isi.Sum(x => (x - mean) * (x - mean)) / isi.Length) / mean;
        Assert.True(isi.Length > 14000, $"{isi.Length} intervals");
        // mean 1/rate = 25 ms (standard error about 0.1 ms), CV 1/sqrt(order) = 0.5 (about 0.003)
        Assert.InRange(mean, 24.6, 25.4);
        Assert.InRange(cv, 0.485, 0.515);
        // The intervals are whole steps (0.1 ms): compare the distribution at the middle of each step.
        double scale = 1.0 / (order * rateHz / 1000.0);
        var (_, p) = KolmogorovSmirnov.Test(isi.Select(x => x - 0.05), x => 1.0 - GammaFunctions.UpperIncomplete(order, x / scale) / GammaFunctions.Gamma(order));
        Assert.True(p > 0.001, $"KS p = {p}");
    }

    [Fact]
    public void OrderOne_IsAPoissonTrain()
    {
        // a hazard of h·rate in every step: geometric intervals, mean 20 ms (standard error about 0.2 ms over the
        // 10,000 intervals), CV 1 (about 0.01)
        var isi = Intervals(Trains(new() { ["rate"] = 50.0, ["order"] = 1.0 }, 10, 20000.0));
        double mean = isi.Average();
        double cv = Math.Sqrt(isi.Sum(x => (x - mean) * (x - mean)) / isi.Length) / mean;
        Assert.InRange(mean, 19.2, 20.8);
        Assert.InRange(cv, 0.95, 1.05);
    }

    [Fact]
    public void Modulation_GivesTheRisingHalfPeriodItsShareOfSpikes()
    {
        // λ(t) = 50 + 40 sin(2π·5 Hz·t): the half periods with sin > 0 carry (50 + 80/π) / 100 = 75.5 % of the rate.
        var spikes = Trains(new() { ["rate"] = 50.0, ["amplitude"] = 40.0, ["frequency"] = 5.0, ["order"] = 3.0 }, 40, 10000.0)
            .SelectMany(t => t).ToArray();
        double positive = spikes.Count(t => (t % 200.0) is > 0.0 and <= 100.0) / (double)spikes.Length;
        Assert.True(spikes.Length > 15000, $"{spikes.Length} spikes");
        Assert.InRange(positive, 0.735, 0.775);
    }

    [Fact]
    public void Parameters_SetBetweenRuns_ActFromThen()
    {
        var nest = new Simulator();
        var generator = nest.Create("sinusoidal_gamma_generator", 1, new() { ["order"] = 2.0 });
        var parrots = nest.Create("parrot_neuron", 5);
        var recorder = nest.Create("spike_recorder");
        nest.Connect(generator, parrots);
        nest.Connect(parrots, recorder);
        nest.Simulate(200.0);
        Assert.Empty(Doubles(recorder, "times"));
        generator.Set("rate", 100.0);
        nest.Simulate(300.0);
        var times = Doubles(recorder, "times");
        Assert.InRange(times.Length, 100, 200); // 5 trains × 0.3 s × 100 Hz = 150 expected
        Assert.True(times.Min() > 200.0);
    }

    [Fact]
    public void Trains_AreTheSameForAnyNumberOfThreadsAndAcrossRuns()
    {
        string Run(int threads, bool split)
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 5L });
            nest.SetDefaults("sinusoidal_gamma_generator", new() { ["individual_spike_trains"] = threads != 3 || !split });
            var generator = nest.Create("sinusoidal_gamma_generator", 1, new() { ["rate"] = 200.0, ["amplitude"] = 100.0, ["frequency"] = 7.0, ["order"] = 2.5 });
            var parrots = nest.Create("parrot_neuron", 7);
            var recorder = nest.Create("spike_recorder");
            nest.Connect(generator, parrots);
            nest.Connect(parrots, recorder);
            if (split)
            {
                nest.Simulate(133.3);
                nest.Simulate(166.7);
            }
            else
            {
                nest.Simulate(300.0);
            }
            var senders = (long[])recorder.Get("events", "senders");
            var times = Doubles(recorder, "times");
            return string.Join(";", Enumerable.Range(0, times.Length).OrderBy(i => times[i]).ThenBy(i => senders[i]).Select(i => $"{senders[i]}@{times[i]}"));
        }
        string reference = Run(1, false);
        Assert.Equal(reference, Run(2, false));
        Assert.Equal(reference, Run(4, true));
        Assert.True(reference.Split(';').Length > 200);
    }

    [Theory]
    [InlineData("order", 0.5)]
    [InlineData("order", double.NaN)]
    [InlineData("amplitude", 20.0)]
    [InlineData("amplitude", -1.0)]
    public void BadParameters_AreRefused_AndChangeNothing(string key, double value)
    {
        var nest = new Simulator();
        var generator = nest.Create("sinusoidal_gamma_generator", 1, new() { ["rate"] = 10.0, ["amplitude"] = 5.0, ["order"] = 2.0 });
        var e = Assert.Throws<BadPropertyException>(() => generator.Set(key, value));
        Assert.Contains(key, e.Message);
        Assert.Equal(2.0, generator.Get<double>("order"));
        Assert.Equal(5.0, generator.Get<double>("amplitude"));
    }

    [Theory]
    // Γ(a, x) from the closed forms: Γ(1, x) = e^-x, Γ(2, x) = (x + 1) e^-x, Γ(3, x) = (x² + 2x + 2) e^-x,
    // Γ(1/2, x) = √π erfc(√x), Γ(4, x) = (x³ + 3x² + 6x + 6) e^-x (values from scipy.special)
    [InlineData(1.0, 0.3, 0.740818220681718)]
    [InlineData(2.0, 1.7, 0.49324551494238356)]
    [InlineData(3.0, 5.0, 0.24930403896616216)]
    [InlineData(3.0, 0.0, 2.0)]
    [InlineData(0.5, 1.0, 0.27880558528065474)]
    [InlineData(4.0, 40.0, 2.933318679108626e-13)]
    public void UpperIncompleteGamma_MatchesClosedForms(double a, double x, double expected)
    {
        Assert.Equal(expected, GammaFunctions.UpperIncomplete(a, x), expected * 1e-13);
    }
}
