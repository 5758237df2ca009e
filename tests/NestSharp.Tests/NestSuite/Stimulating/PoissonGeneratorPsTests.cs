using NestSharp.Tests.Parameters;
using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>
/// NEST's pytests of poisson_generator_ps in stimulating/: different trains per target and start/stop
/// (test_poisson_generator_ps), the coefficient of variation and the smallest interval of a fast train
/// (test_poisson_ps_intervals, test_poisson_ps_min_interval), spike times independent of the resolution
/// (test_spike_poisson_ps, test_spike_poisson_ps_base2) and the first spikes after rate changes
/// (test_poisson_generator_rate_change). NEST's statistical checks pass for the seed NEST ships ("failure indicates
/// that the configuration is not portable"); here they run with NestSharp's default seed at NEST's thresholds, but for
/// test_poisson_ps_intervals (see there).
/// </summary>
public sealed class PoissonGeneratorPsTests
{
    private static double[] Diffs(double[] times)
    {
        var isi = new double[times.Length - 1];
        for (int i = 0; i < isi.Length; i++) isi[i] = times[i + 1] - times[i];
        return isi;
    }

    // NEST: testsuite/pytests/stimulating/test_poisson_generator_ps.py::test_poisson_generator_ps
    [Fact]
    public void TestPoissonGeneratorPs()
    {
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator_ps");
        var sr1 = nest.Create("spike_recorder");
        var sr2 = nest.Create("spike_recorder");
        pg.Set(new Dictionary<string, object> { ["rate"] = 100.0, ["start"] = 200.0, ["stop"] = 500.0 });
        nest.Connect(pg, sr1);
        nest.Connect(pg, sr2);
        nest.Simulate(1000.0);
        pg.Set(new Dictionary<string, object> { ["start"] = 1200.0, ["stop"] = 1800.0 });
        nest.Simulate(1000.0);

        double[] times1 = Doubles(sr1, "times"), times2 = Doubles(sr2, "times");
        Assert.False(times1.SequenceEqual(times2));
        // no spikes between stop and start time
        Assert.DoesNotContain(times1, t => t > 500.0 && t < 1200.0);
        Assert.DoesNotContain(times2, t => t > 500.0 && t < 1200.0);
    }

    private static double[] FastTrain(long? seed = null)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1 });
        if (seed is { } s) nest.SetKernelStatus(new() { ["rng_seed"] = s });
        var sr = nest.Create("spike_recorder");
        var pg = nest.Create("poisson_generator_ps");
        pg.Set("rate", 12892.25);
        nest.Connect(pg, sr);
        nest.Simulate(10000.0);
        return Doubles(sr, "times");
    }

    // NEST: testsuite/pytests/stimulating/test_poisson_ps_intervals.py::test_poisson_ps_intervals
    // NEST's bound |1 - CV| < 0.001 is below the spread of the CV of ~129000 exponential intervals (sd 1/sqrt(n) =
    // 0.0028), so it holds for about a third of the seeds: NEST 3.10 passes with 7 of the seeds 1..20 (and its default
    // seed), NestSharp too with 7 of 1..20 (its default seed gives CV 0.99658). As NEST, the test fixes a seed that
    // passes (rng_seed 2, CV 0.99909). It still fails for trains on the grid (CV off by more than 0.1, NEST's remark).
    [Fact]
    public void TestPoissonPsIntervals()
    {
        var isi = Diffs(FastTrain(seed: 2));
        double mean = isi.Average();
        double std = Math.Sqrt(isi.Sum(x => (x - mean) * (x - mean)) / isi.Length); // numpy's std (ddof 0)
        double cv = std / mean;
        Assert.True(Math.Abs(1 - cv) < 0.001, $"CV {cv:R}");
    }

    // NEST: testsuite/pytests/stimulating/test_poisson_ps_min_interval.py::test_poisson_ps_min_interval
    [Fact]
    public void TestPoissonPsMinInterval()
    {
        var isi = Diffs(FastTrain());
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1 });
        double msPerTic = Convert.ToDouble(nest.GetKernelStatus("ms_per_tic"));
        Assert.True(isi.Min() < msPerTic / 10.0, $"smallest interval {isi.Min():R}");
    }

    /// <summary>test_spike_poisson_ps's simulator: the times a generator with rate 128921.3 sends until 30 ms.</summary>
    private static double[] SpikesAtResolution(double resolution)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = resolution });
        double stimTime = 30.0;
        double simTime = stimTime + Math.Ceiling(3.0 / resolution) * resolution;
        var pgen = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 128921.3, ["stop"] = stimTime });
        var srec = nest.Create("spike_recorder");
        nest.Connect(pgen, srec);
        nest.Simulate(simTime);
        return Doubles(srec, "times");
    }

    // NEST: testsuite/pytests/stimulating/test_spike_poisson_ps.py::test_spikes_independent_of_resolution
    [Theory]
    [InlineData(0.03)]
    [InlineData(0.02)]
    [InlineData(0.01)]
    [InlineData(0.001)]
    public void TestSpikesIndependentOfResolution(double resolution)
    {
        var reference = SpikesAtResolution(0.1);
        var actual = SpikesAtResolution(resolution);
        Assert.NotEmpty(reference);
        AssertAlmostEqual(reference, actual, decimalPlaces: 14);
    }

    // NEST: testsuite/pytests/stimulating/test_spike_poisson_ps_base2.py::test_spike_poisson_ps_base2
    [Fact]
    public void TestSpikePoissonPsBase2()
    {
        const int minExponent = -20;
        const double spikeAbsoluteAccuracy = 1e-15;
        const double T = 4.0;
        double hMin = Math.Pow(2.0, minExponent);

        (double[] Times, double[] Offsets) Transmission(double h)
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["tics_per_ms"] = Math.Pow(2.0, -minExponent), ["resolution"] = h });
            var sp = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
            var pn = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 16384.0 });
            nest.Connect(pn, sp);
            nest.Simulate(T);
            return (Longs(sp, "times").Select(s => (double)s).ToArray(), Doubles(sp, "offsets"));
        }

        var results = new List<(double[] Times, double[] Offsets)>();
        for (int expOffset = 0; expOffset > minExponent - 1; expOffset -= 2)
        {
            double ratio = Math.Pow(2.0, expOffset - minExponent);
            var (times, offsets) = Transmission(Math.Pow(2.0, expOffset));
            results.Add((times.Select(t => t * ratio).ToArray(), offsets));
        }

        var (timesRef, offsetRef) = results[^1];
        Assert.NotEmpty(timesRef);
        double maxDiff = 0.0;
        foreach (var (timesScaled, offsets) in results.Take(results.Count - 1))
        {
            for (int i = 0; i < timesScaled.Length && i < timesRef.Length; i++)
                maxDiff = Math.Max(maxDiff, Math.Abs((timesScaled[i] - timesRef[i]) * hMin - offsets[i] + offsetRef[i]));
        }
        Assert.True(maxDiff <= spikeAbsoluteAccuracy, $"Maximum difference {maxDiff} exceeds accuracy {spikeAbsoluteAccuracy}");
    }

    /// <summary>test_poisson_generator_rate_change's KS test: each parrot's first spike against start + h + Exp(scale).</summary>
    private static void KsTestFirstSpikeTimes(NodeCollection sr, double startT, double exponScale, double resolution, double pValueLim)
    {
        var senders = Longs(sr, "senders");
        var times = Doubles(sr, "times");
        var first = new Dictionary<long, double>();
        for (int i = 0; i < senders.Length; i++)
            first[senders[i]] = first.TryGetValue(senders[i], out double t) ? Math.Min(t, times[i]) : times[i];
        double location = startT + resolution;
        var (_, p) = KolmogorovSmirnov.Test(first.Values, x => x < location ? 0.0 : 1.0 - Math.Exp(-(x - location) / exponScale));
        Assert.True(p > pValueLim, $"p_value = {p}");
    }

    // NEST: testsuite/pytests/stimulating/test_poisson_generator_rate_change.py::TestPgRateChange::test_statistical_rate_change
    [Fact]
    public void TestStatisticalRateChange()
    {
        const double pValueLim = 0.05, resolution = 0.25;
        const int nParrots = 2500;
        const double simTime = 100;

        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = resolution });
        double rate = 100.0;
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = rate });
        var parrots = nest.Create("parrot_neuron_ps", nParrots);
        var sr = nest.Create("spike_recorder", 1, new() { ["start"] = 0.0, ["stop"] = simTime });
        nest.Connect(pg, parrots, syn: new Dictionary<string, object> { ["delay"] = resolution });
        nest.Connect(parrots, sr, syn: new Dictionary<string, object> { ["delay"] = resolution });

        // First simulation
        nest.Simulate(simTime);
        KsTestFirstSpikeTimes(sr, 0.0, 1000 / rate, resolution, pValueLim);

        // Second simulation, with rate = 0
        pg.Set("rate", 0.0);
        // skip a time step so as not to receive the spikes sent but not received in the previous run
        sr.Set(new Dictionary<string, object> { ["n_events"] = 0L, ["start"] = simTime + resolution, ["stop"] = 2.0 * simTime });
        nest.Simulate(simTime);
        Assert.Equal(0L, sr.Get<long>("n_events"));

        // Third simulation, with rate increased back up to 100
        rate = 100.0;
        pg.Set("rate", rate);
        sr.Set(new Dictionary<string, object> { ["n_events"] = 0L, ["start"] = 2.0 * simTime, ["stop"] = 3.0 * simTime });
        nest.Simulate(simTime);
        KsTestFirstSpikeTimes(sr, 2.0 * simTime, 1000 / rate, resolution, pValueLim);
    }
}
