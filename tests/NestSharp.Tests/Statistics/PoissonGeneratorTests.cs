using Xunit.Abstractions;

namespace NestSharp.Tests.Statistics;

/// <summary>
/// poisson_generator, observed through parrot neurons (a parrot repeats each input spike one delay later): rate,
/// Poisson count statistics, independence of the trains it sends to different targets, the activity window, and
/// reproducibility (seeds, threads).
/// </summary>
public sealed class PoissonGeneratorTests(ITestOutputHelper output)
{
    private const double Resolution = 0.1;
    private const double Delay = 1.0;
    private const long DelaySteps = 10;

    /// <summary>The spikes of the parrots driven by one generator, and the parrot ids.</summary>
    private sealed record Trains(long[] Senders, double[] Times, IReadOnlyList<int> Parrots)
    {
        /// <summary>The step whose end the generator stamped a spike with (the parrot's step minus the delay).</summary>
        public long GeneratorStep(int i) => (long)Math.Round(Times[i] / Resolution) - DelaySteps;
    }

    private static Trains Run(int nParrots, double rate, double simtime, long seed = 12345, int threads = 2,
        Dictionary<string, object>? generatorParams = null)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = seed, ["local_num_threads"] = threads, ["resolution"] = Resolution });
        var parameters = generatorParams ?? new Dictionary<string, object>();
        parameters["rate"] = rate;
        var pg = nest.Create("poisson_generator", 1, parameters);
        var parrots = nest.Create("parrot_neuron", nParrots);
        var sr = nest.Create("spike_recorder");
        nest.Connect(pg, parrots, "all_to_all", new Dictionary<string, object> { ["delay"] = Delay });
        nest.Connect(parrots, sr);
        nest.Simulate(simtime);
        var events = (Dictionary<string, object>)sr.Get("events");
        var senders = (long[])events["senders"];
        var times = (double[])events["times"];
        Assert.Equal(senders.Length, sr.Get<long>("n_events"));
        return new Trains(senders, times, parrots.Ids);
    }

    /// <summary>
    /// 100 parrots at 100 Hz: the generator stamps spikes in (0, 10000] ms, which the parrots repeat by 10001 ms.
    /// Computed once and shared by the tests of the count statistics.
    /// </summary>
    private static readonly Lazy<Trains> HundredHertz = new(() => Run(nParrots: 100, rate: 100.0, simtime: 10_000.0 + Delay));

    /// <summary>Spike counts per parrot and window of <paramref name="windowSteps"/> generator steps (first 10 s).</summary>
    private static long[] WindowCounts(Trains trains, long windowSteps, long totalSteps = 100_000)
    {
        long windows = totalSteps / windowSteps;
        var index = trains.Parrots.Select((id, i) => (id, i)).ToDictionary(p => (long)p.id, p => p.i);
        var counts = new long[trains.Parrots.Count * windows];
        for (int i = 0; i < trains.Senders.Length; i++)
        {
            long step = trains.GeneratorStep(i); // 1..totalSteps: the spike lies in step (step - 1, step]
            long w = (step - 1) / windowSteps;
            if (w < windows) counts[index[trains.Senders[i]] * windows + w]++;
        }
        return counts;
    }

    [Fact]
    public void MeanCountPerTarget_IsRateTimesDuration()
    {
        var trains = HundredHertz.Value;

        var perNeuron = StatTest.CountsPer(trains.Senders, trains.Parrots);
        double expected = 100.0 * 10.0; // 100 Hz for 10 s
        double se = Math.Sqrt(expected / perNeuron.Length); // Poisson: variance = mean
        double mean = perNeuron.Average();
        output.WriteLine($"mean count per parrot {mean:F2}, expected {expected} +- {se:F2} (SE), z = {(mean - expected) / se:F2}");
        Assert.InRange(mean, expected - 3 * se, expected + 3 * se);
    }

    [Fact]
    public void CountsIn100msWindows_HaveFanoFactorOne()
    {
        // 100 parrots x 100 windows of 100 ms, mean 10 each: the Fano factor of 10^4 Poisson counts has SE
        // sqrt((2 + 1/mean) / n) = 0.015, so [0.85, 1.15] is a 10-SE band; a train with refractoriness or bursts leaves it.
        var counts = WindowCounts(HundredHertz.Value, windowSteps: 1000).Select(c => (double)c).ToArray();

        double fano = StatTest.Variance(counts) / counts.Average();
        output.WriteLine($"windows {counts.Length}, mean {counts.Average():F3}, Fano factor {fano:F4}");
        Assert.InRange(fano, 0.85, 1.15);
    }

    [Fact]
    public void CountsIn10msWindows_ArePoissonDistributed()
    {
        // 100 parrots x 1000 windows of 10 ms: counts ~ Poisson(1).
        var counts = WindowCounts(HundredHertz.Value, windowSteps: 100);

        var test = StatTest.ChiSquarePoisson(counts, 1.0);
        output.WriteLine($"10-ms counts vs Poisson(1): {test}");
        Assert.True(test.PValue > StatTest.Alpha, $"counts are not Poisson(1): {test}");
    }

    [Fact]
    public void TrainsToDifferentTargets_AreNotIdentical()
    {
        var trains = HundredHertz.Value;

        var perParrot = trains.Parrots
            .Select(id => string.Join(",", trains.Senders.Zip(trains.Times).Where(p => p.First == id).Select(p => p.Second)))
            .ToArray();
        Assert.Equal(perParrot.Length, perParrot.Distinct().Count());
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void TrainsToDifferentTargets_AreUncorrelatedAtZeroLag()
    {
        // Counts in 1-ms bins (10^4 bins): for independent trains each pairwise correlation is ~N(0, 1/100) and the mean
        // over the 4950 pairs ~N(0, 1.4e-4). A shared or partly shared stream gives correlations near 1.
        var trains = HundredHertz.Value;
        int nParrots = trains.Parrots.Count;
        const int bins = 10_000;
        var binned = WindowCounts(trains, windowSteps: 10);
        var series = Enumerable.Range(0, nParrots).Select(p => binned.Skip(p * bins).Take(bins).Select(c => (double)c).ToArray()).ToArray();

        var correlations = new List<double>();
        for (int i = 0; i < nParrots; i++)
        {
            for (int j = i + 1; j < nParrots; j++)
                correlations.Add(StatTest.Correlation(series[i], series[j]));
        }

        double sd = 1.0 / Math.Sqrt(bins);
        double meanSe = sd / Math.Sqrt(correlations.Count);
        double maxAbs = correlations.Max(Math.Abs);
        output.WriteLine($"pairs {correlations.Count}: mean r {correlations.Average():E2} (SE {meanSe:E1}), max |r| {maxAbs:F4} (single-pair SD {sd})");
        Assert.InRange(correlations.Average(), -4 * meanSe, 4 * meanSe);
        Assert.True(maxAbs < 5.5 * sd, $"max |r| = {maxAbs}");
    }

    [Fact]
    public void NoSpikesOutsideTheWindow_OneStepAfterOriginPlusStartToOriginPlusStop()
    {
        // NEST's poisson_generator is active in the steps that start in (origin + start, origin + stop], so its spikes
        // are stamped (origin + start + h, origin + stop + h] = (300.1, 500.1] ms; the parrots repeat them one delay later.
        var trains = Run(nParrots: 20, rate: 10_000.0, simtime: 700.0,
            generatorParams: new() { ["origin"] = 200.0, ["start"] = 100.0, ["stop"] = 300.0 });

        Assert.NotEmpty(trains.Times);
        var generatorTimes = trains.Times.Select(t => t - Delay).ToArray();
        Assert.All(generatorTimes, t => Assert.True(t > 300.1 + 1e-9 && t <= 500.1 + 1e-9, $"spike at {t} ms outside (300.1, 500.1]"));
    }

    [Fact]
    public void SpikesFillTheWindow_FromItsFirstToItsLastStep()
    {
        // At 10 kHz onto 20 parrots every step of the window has spikes (P(empty step) = e^-20), so the first and last
        // generator stamps must be the first and last steps of (300.1, 500.1]: 300.2 and 500.1 ms.
        var trains = Run(nParrots: 20, rate: 10_000.0, simtime: 700.0,
            generatorParams: new() { ["origin"] = 200.0, ["start"] = 100.0, ["stop"] = 300.0 });

        var steps = Enumerable.Range(0, trains.Times.Length).Select(trains.GeneratorStep).ToArray();
        Assert.Equal(3002L, steps.Min());
        Assert.Equal(5001L, steps.Max());
        Assert.Equal(2000, steps.Distinct().Count());
    }

    [Theory]
    [InlineData(5_000.0)]   // 0.5 spikes per step: table inversion
    [InlineData(200_000.0)] // 20 per step: table inversion with a long table
    [InlineData(500_000.0)] // 50 per step: transformed rejection (PTRS)
    public void CountsPerStep_ArePoissonWithMeanRateTimesResolution(double rate)
    {
        // A parrot repeats k spikes of one step as one spike of multiplicity k, recorded k times at the same time.
        const int nParrots = 10, steps = 2000;
        var trains = Run(nParrots, rate, simtime: steps * Resolution + Delay);
        var perStep = new long[nParrots * steps];
        var index = trains.Parrots.Select((id, i) => (id, i)).ToDictionary(p => (long)p.id, p => p.i);
        for (int i = 0; i < trains.Senders.Length; i++)
        {
            long step = trains.GeneratorStep(i);
            if (step >= 1 && step <= steps) perStep[index[trains.Senders[i]] * steps + step - 1]++;
        }

        double mean = rate * Resolution * 1e-3;
        var test = StatTest.ChiSquarePoisson(perStep, mean);
        output.WriteLine($"per-step counts at {rate} Hz vs Poisson({mean}): {test}; sample mean {perStep.Average():F4}");
        Assert.True(test.PValue > StatTest.Alpha, $"per-step counts are not Poisson({mean}): {test}");
    }

    [Fact]
    public void TwoConnectionsToTheSameTarget_CarryIndependentTrains()
    {
        // Two Connect calls from one generator to the same parrots: the input is the sum of two independent trains. Were
        // they the same train, every spike would come twice and each step would hold an even number of spikes.
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 4242L, ["local_num_threads"] = 2, ["resolution"] = Resolution });
        var pg = nest.Create("poisson_generator", 1, new() { ["rate"] = 500.0 });
        var parrots = nest.Create("parrot_neuron", 20);
        var sr = nest.Create("spike_recorder");
        nest.Connect(pg, parrots);
        nest.Connect(pg, parrots);
        nest.Connect(parrots, sr);

        nest.Simulate(1000.0 + Delay);

        var events = (Dictionary<string, object>)sr.Get("events");
        var perStep = ((long[])events["senders"]).Zip((double[])events["times"]).GroupBy(p => p).Select(g => g.Count()).ToArray();
        double odd = perStep.Count(c => c % 2 == 1) / (double)perStep.Length;
        // Independent: each step with spikes holds Poisson(0.1) conditioned on >= 1, odd with probability ~0.95.
        output.WriteLine($"{perStep.Sum()} spikes in {perStep.Length} (parrot, step) groups; odd fraction {odd:F3}");
        Assert.InRange(odd, 0.9, 1.0);
        double expected = 2 * 500.0 * 20; // two trains of 500 Hz for 1 s onto 20 parrots
        Assert.InRange(perStep.Sum(), expected - 4 * Math.Sqrt(expected), expected + 4 * Math.Sqrt(expected));
    }

    [Fact]
    public void SplitSimulation_GivesTheSameTrainsAsOneSimulateCall()
    {
        static (long[], double[]) Record(params double[] chunks)
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["rng_seed"] = 99L, ["local_num_threads"] = 2, ["resolution"] = Resolution });
            var pg = nest.Create("poisson_generator", 1, new() { ["rate"] = 2000.0 });
            var parrots = nest.Create("parrot_neuron", 10);
            var sr = nest.Create("spike_recorder");
            nest.Connect(pg, parrots);
            nest.Connect(parrots, sr);
            foreach (double chunk in chunks) nest.Simulate(chunk);
            var events = (Dictionary<string, object>)sr.Get("events");
            return ((long[])events["senders"], (double[])events["times"]);
        }

        var whole = Record(300.0);
        var split = Record(100.0, 0.7, 150.0, 49.3);

        Assert.NotEmpty(whole.Item1);
        Assert.Equal(whole.Item1, split.Item1);
        Assert.Equal(whole.Item2, split.Item2);
    }

    [Fact]
    public void RateChangedBetweenSimulateCalls_TakesEffectInTheNextCall()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 6L, ["local_num_threads"] = 2, ["resolution"] = Resolution });
        var pg = nest.Create("poisson_generator", 1, new() { ["rate"] = 100.0 });
        var parrots = nest.Create("parrot_neuron", 50);
        var sr = nest.Create("spike_recorder");
        nest.Connect(pg, parrots, "all_to_all", new Dictionary<string, object> { ["delay"] = Delay });
        nest.Connect(parrots, sr);

        nest.Simulate(1000.0 + Delay);
        long first = sr.Get<long>("n_events");
        pg.Set("rate", 400.0);
        nest.Simulate(1000.0);
        long second = sr.Get<long>("n_events") - first;

        // The parrots repeat generator spikes one delay later. First call: stamps in (0, 1000] ms at 100 Hz, 50 x 100 = 5000
        // expected. Second call: stamps in (1000, 1001] (generated at 100 Hz during the first call, still in transit) and
        // (1001, 2000] at 400 Hz: 50 x (0.1 + 399.6) = 19985 expected. Bounds: 4 Poisson SDs.
        output.WriteLine($"spikes: {first} at 100 Hz, {second} at 400 Hz");
        Assert.InRange(first, 5000 - 4 * Math.Sqrt(5000), 5000 + 4 * Math.Sqrt(5000));
        Assert.InRange(second, 19985 - 4 * Math.Sqrt(19985), 19985 + 4 * Math.Sqrt(19985));
    }

    [Fact]
    public void ZeroRate_SendsNoSpikes()
    {
        var trains = Run(nParrots: 10, rate: 0.0, simtime: 100.0);

        Assert.Empty(trains.Times);
    }

    [Fact]
    public void TheSameSeed_GivesIdenticalTrains()
    {
        var first = Run(nParrots: 20, rate: 500.0, simtime: 500.0, seed: 2024);
        var second = Run(nParrots: 20, rate: 500.0, simtime: 500.0, seed: 2024);

        Assert.NotEmpty(first.Times);
        Assert.Equal(first.Senders, second.Senders);
        Assert.Equal(first.Times, second.Times);
    }

    [Fact]
    public void ADifferentSeed_GivesDifferentTrains()
    {
        var first = Run(nParrots: 20, rate: 500.0, simtime: 500.0, seed: 2024);
        var second = Run(nParrots: 20, rate: 500.0, simtime: 500.0, seed: 2025);

        var a = first.Senders.Zip(first.Times).ToHashSet();
        var b = second.Senders.Zip(second.Times).ToHashSet();
        // ~5000 spikes each on 5000 steps x 20 parrots: independent trains share ~5% of their (sender, time) pairs.
        double shared = (double)a.Intersect(b).Count() / a.Count;
        output.WriteLine($"fraction of shared (sender, time) pairs: {shared:F3}");
        Assert.True(shared < 0.2, $"{shared:P1} of the spikes coincide");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Trains_AreIdenticalForAnyNumberOfThreads(int threads)
    {
        var one = Run(nParrots: 30, rate: 800.0, simtime: 300.0, seed: 777, threads: 1);
        var many = Run(nParrots: 30, rate: 800.0, simtime: 300.0, seed: 777, threads: threads);

        Assert.NotEmpty(one.Times);
        Assert.Equal(one.Senders, many.Senders);
        Assert.Equal(one.Times, many.Times);
    }
}
