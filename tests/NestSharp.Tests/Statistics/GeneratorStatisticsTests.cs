using System.Text.Json;
using NestSharp.Tests.Reference;
using Xunit.Abstractions;

namespace NestSharp.Tests.Statistics;

/// <summary>
/// The STOCHASTIC det/ experiments of the random generators (<c>*_generator_stats.json</c>): each is rebuilt as its JSON
/// describes (100 parrot neurons or probe neurons fed by one generator) and the statistics NEST reports are computed
/// the same way from NestSharp's spikes or currents. NestSharp draws from its own keyed streams, so the numbers are
/// compared within a few standard errors (four, of the difference of two independent estimates) and against theory.
/// </summary>
public sealed class GeneratorStatisticsTests(ITestOutputHelper output)
{
    private const double Sigmas = 4.0;

    /// <summary>The generator's spike trains, one sorted array of emission times (ms) per parrot, within the observation window.</summary>
    private sealed record Trains(double[][] Times, double WindowMs)
    {
        public int Count => Times.Length;
        public long TotalSpikes => Times.Sum(t => (long)t.Length);
        public double MeanRateHz => TotalSpikes / (Count * WindowMs * 1e-3);

        public double[] RatesHz(double fromMs, double toMs) =>
            Times.Select(t => t.Count(x => x >= fromMs && x < toMs) / ((toMs - fromMs) * 1e-3)).ToArray();

        /// <summary>Variance over mean of the counts in non-overlapping windows, pooled over trains and windows.</summary>
        public double FanoFactor(double windowMs)
        {
            int windows = (int)(WindowMs / windowMs);
            var counts = new List<double>();
            foreach (var train in Times)
            {
                var perWindow = new double[windows];
                foreach (double t in train) perWindow[Math.Min(windows - 1, (int)(t / windowMs))]++;
                counts.AddRange(perWindow);
            }
            double mean = counts.Average();
            return counts.Sum(c => (c - mean) * (c - mean)) / counts.Count / mean;
        }

        /// <summary>The coefficient of variation of all inter-spike intervals of all trains pooled.</summary>
        public (double Cv, int N) PooledCv()
        {
            var isis = Times.SelectMany(t => t.Zip(t.Skip(1), (a, b) => b - a)).ToArray();
            double mean = isis.Average();
            return (Math.Sqrt(isis.Sum(x => (x - mean) * (x - mean)) / isis.Length) / mean, isis.Length);
        }
    }

    private static JsonElement Statistics(JsonElement setup) => setup.GetProperty("statistics");

    /// <summary>Builds the experiment: generator -> 100 parrots (delay 1 ms) -> spike recorder; the trains are the parrot times minus the delay.</summary>
    private static (Trains Trains, Simulator Nest, NodeCollection Generator) RunParrots(JsonElement setup, int threads = 1, Action<Simulator, NodeCollection>? extra = null)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["rng_seed"] = 143202461L, ["local_num_threads"] = threads });
        var generator = nest.Create(setup.GetProperty("generator_model").GetString()!, 1, ReferenceData.ToStatus(setup.GetProperty("generator_params_set")));
        var targets = setup.GetProperty("targets");
        var parrots = nest.Create("parrot_neuron", targets.GetProperty("n").GetInt32());
        var recorder = nest.Create("spike_recorder");
        double delay = targets.GetProperty("connection").GetProperty("delay_ms").GetDouble();
        nest.Connect(generator, parrots, "all_to_all", new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = delay });
        nest.Connect(parrots, recorder);
        extra?.Invoke(nest, generator);
        nest.Simulate(setup.GetProperty("sim_time_ms").GetDouble());

        var window = Statistics(setup).GetProperty("observation_window_ms");
        double from = window[0].GetDouble(), to = window[1].GetDouble();
        var senders = (long[])recorder.Get("events", "senders");
        var times = (double[])recorder.Get("events", "times");
        var perTrain = parrots.Ids.Select(_ => new List<double>()).ToArray();
        int first = parrots.Ids[0];
        for (int i = 0; i < senders.Length; i++)
        {
            double t = Math.Round((times[i] - delay) * 10.0) / 10.0;
            if (t >= from && t < to) perTrain[senders[i] - first].Add(t);
        }
        return (new Trains(perTrain.Select(l => l.Order().ToArray()).ToArray(), to - from), nest, generator);
    }

    /// <summary>|ours - nest| within <see cref="Sigmas"/> standard errors of the difference of two independent estimates.</summary>
    private void AssertAgrees(string what, double ours, double nest, double standardError)
    {
        double allowed = Sigmas * Math.Sqrt(2) * standardError;
        output.WriteLine($"{what}: NestSharp {ours:G6}, NEST {nest:G6}, allowed difference {allowed:G3}");
        Assert.True(Math.Abs(ours - nest) <= allowed, $"{what}: NestSharp {ours}, NEST {nest}, allowed difference {allowed}");
    }

    /// <summary>The standard error of a variance/mean ratio estimated from n counts (normal approximation).</summary>
    private static double FanoError(double fano, int n) => fano * Math.Sqrt(2.0 / (n - 1));

    private void AssertRateFanoCv(Trains trains, JsonElement stats, double cvRelativeError = 1.0)
    {
        AssertAgrees("mean rate (Hz)", trains.MeanRateHz, stats.GetProperty("mean_rate_hz").GetDouble(), stats.GetProperty("sem_mean_rate_hz").GetDouble());
        var fano = stats.GetProperty("fano_factor_counts");
        double nestFano = fano.GetProperty("value").GetDouble();
        AssertAgrees($"Fano factor ({fano.GetProperty("window_ms").GetDouble()} ms windows)", trains.FanoFactor(fano.GetProperty("window_ms").GetDouble()),
            nestFano, FanoError(nestFano, fano.GetProperty("n_samples").GetInt32()));
        var (cv, n) = trains.PooledCv();
        double nestCv = stats.GetProperty("cv_isi").GetProperty("pooled_cv").GetDouble();
        AssertAgrees("pooled CV of the ISIs", cv, nestCv, cvRelativeError * nestCv / Math.Sqrt(2.0 * n));
    }

    [Fact]
    public void GammaSupGenerator_RateFanoAndCv_AsNest()
    {
        var setup = ReferenceData.Experiment("gamma_sup_generator_stats");
        var (trains, _, _) = RunParrots(setup);
        AssertRateFanoCv(trains, Statistics(setup));
        // theory: one gamma process of shape 4: CV = 1/2
        Assert.InRange(trains.PooledCv().Cv, 0.48, 0.52);
    }

    [Fact]
    public void PpdSupGenerator_RateFanoAndCv_AsNest()
    {
        var setup = ReferenceData.Experiment("ppd_sup_generator_stats");
        var (trains, _, _) = RunParrots(setup);
        AssertRateFanoCv(trains, Statistics(setup));
        // theory: Poisson process with dead time: CV = 1 - rate * dead_time = 0.5
        Assert.InRange(trains.PooledCv().Cv, 0.48, 0.52);
    }

    [Fact]
    public void InhomogeneousPoissonGenerator_RatesPerSegment_AsNest()
    {
        var setup = ReferenceData.Experiment("inhomogeneous_poisson_generator_stats");
        var (trains, _, _) = RunParrots(setup);
        var stats = Statistics(setup);
        // The CV of pooled ISIs mixes four rates; its sampling error is larger than for one rate.
        AssertRateFanoCv(trains, stats, cvRelativeError: 3.0);
        foreach (var segment in stats.GetProperty("segments").EnumerateArray())
        {
            double from = segment.GetProperty("from_ms").GetDouble(), to = segment.GetProperty("to_ms").GetDouble();
            double ours = trains.RatesHz(from, to).Average();
            AssertAgrees($"rate in [{from}, {to}) ms", ours, segment.GetProperty("mean_rate_hz").GetDouble(), segment.GetProperty("sem_rate_hz").GetDouble());
        }
        Assert.Equal(0, trains.Times.Sum(t => t.Count(x => x < 1.0)));
    }

    [Fact]
    public void MipGenerator_ChildRateAndPairwiseCorrelation_AsNest()
    {
        var setup = ReferenceData.Experiment("mip_generator_stats");
        var (trains, _, _) = RunParrots(setup);
        var stats = Statistics(setup);
        // The children share one parent of about 1000 spikes: the mean child rate varies with it (sd 1/sqrt(1000)).
        double parentError = 30.0 / Math.Sqrt(1000.0);
        AssertAgrees("mean child rate (Hz)", trains.MeanRateHz, stats.GetProperty("mean_rate_hz").GetDouble(), parentError);
        // The windows of different trains share parent spikes: the squared deviations of two trains correlate with
        // p_copy^2, which leaves about n / (1 + (trains - 1) p_copy^2) independent samples for the Fano factor.
        var fano = stats.GetProperty("fano_factor_counts");
        double independent = fano.GetProperty("n_samples").GetInt32() / (1.0 + (trains.Count - 1) * 0.3 * 0.3);
        AssertAgrees("Fano factor (100 ms)", trains.FanoFactor(100.0), fano.GetProperty("value").GetDouble(), FanoError(1.0, (int)independent));

        // Pearson correlation of the counts in 5 ms bins, averaged over all pairs: p_copy = 0.3 in theory.
        int bins = 2000;
        var counts = trains.Times.Select(train =>
        {
            var c = new double[bins];
            foreach (double t in train) c[(int)(t / 5.0)]++;
            return c;
        }).ToArray();
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < counts.Length; i++)
            for (int j = i + 1; j < counts.Length; j++, pairs++) sum += Pearson(counts[i], counts[j]);
        var correlation = stats.GetProperty("pairwise_correlation");
        // The pairs share their trains, so their mean varies about as one pair's estimate over 2000 bins.
        AssertAgrees("mean pairwise correlation", sum / pairs, correlation.GetProperty("mean_pearson_cc_of_binned_counts").GetDouble(), 1.0 / Math.Sqrt(bins));
        Assert.InRange(sum / pairs, 0.25, 0.35);
    }

    private static double Pearson(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }

    [Fact]
    public void SinusoidalPoissonGenerator_RateProfileAndCounts_AsNest_RateTraceExact()
    {
        var setup = ReferenceData.Experiment("sinusoidal_poisson_generator_stats");
        NodeCollection? multimeter = null;
        var (trains, _, _) = RunParrots(setup, extra: (nest, generator) =>
        {
            multimeter = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "rate" } });
            nest.Connect(multimeter, generator);
        });
        var stats = Statistics(setup);
        AssertRateFanoCv(trains, stats);

        // Least-squares fit of rate(t) = r0 + a sin(wt) + b cos(wt) to the PSTH of all trains (1 ms bins).
        var fit = stats.GetProperty("psth_fit");
        double frequency = setup.GetProperty("generator_params_set").GetProperty("frequency").GetDouble();
        var psth = new double[10000];
        foreach (var train in trains.Times) foreach (double t in train) psth[(int)t]++;
        double n = trains.Count * 1e-3;
        double s = 0, c = 0, m = 0;
        for (int k = 0; k < psth.Length; k++)
        {
            double t = (k + 0.5) * 1e-3;
            double rate = psth[k] / n;
            m += rate;
            s += rate * Math.Sin(2 * Math.PI * frequency * t);
            c += rate * Math.Cos(2 * Math.PI * frequency * t);
        }
        m /= psth.Length;
        s *= 2.0 / psth.Length;
        c *= 2.0 / psth.Length;
        double amplitude = Math.Sqrt(s * s + c * c), phase = Math.Atan2(c, s);
        double coefficientError = fit.GetProperty("se_sin_coef_hz").GetDouble();
        AssertAgrees("PSTH amplitude (Hz)", amplitude, fit.GetProperty("fitted_amplitude_hz").GetDouble(), coefficientError);
        AssertAgrees("PSTH phase (rad)", phase, fit.GetProperty("fitted_phase_rad").GetDouble(), coefficientError / amplitude);

        // The recorded rate is deterministic: NEST's trace to 1e-9.
        var expected = ReferenceData.ReadCsv("sinusoidal_poisson_generator_stats_generator_trace.csv");
        double[] expectedTimes = expected.Column("time"), expectedRates = expected.Column("rate");
        var times = (double[])multimeter!.Get("events", "times");
        var rates = (double[])multimeter.Get("events", "rate");
        // The reference keeps the first 400 ms of the trace.
        Assert.True(times.Length >= expectedTimes.Length, $"{times.Length} samples, NEST's file has {expectedTimes.Length}");
        for (int i = 0; i < expectedTimes.Length; i++)
        {
            Assert.True(Agreement.Exact.Holds(times[i], expectedTimes[i]), $"row {i}: time {times[i]} vs {expectedTimes[i]}");
            Assert.True(Agreement.Exact.Holds(rates[i], expectedRates[i]), $"t = {times[i]}: rate {rates[i]} vs {expectedRates[i]}");
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void NoiseGenerator_CurrentsPerTargetAndRecordedMean_AsNest()
    {
        var setup = ReferenceData.Experiment("noise_generator_stats");
        var stats = Statistics(setup);
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["rng_seed"] = 143202461L });
        var generator = nest.Create("noise_generator", 1, ReferenceData.ToStatus(setup.GetProperty("generator_params_set")));
        var targets = setup.GetProperty("targets");
        var probes = nest.Create(targets.GetProperty("model").GetString()!, targets.GetProperty("n").GetInt32(), ReferenceData.ToStatus(targets.GetProperty("params_set")));
        double dt = stats.GetProperty("dt_ms").GetDouble(), delay = targets.GetProperty("connection").GetProperty("delay_ms").GetDouble();
        nest.Connect(generator, probes, "all_to_all", new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = delay });
        var voltmeter = nest.Create("multimeter", 1, new() { ["interval"] = dt, ["offset"] = 0.1, ["record_from"] = new[] { "V_m" } });
        nest.Connect(voltmeter, probes);
        var currentMeter = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "I" } });
        nest.Connect(currentMeter, generator);
        nest.Simulate(setup.GetProperty("sim_time_ms").GetDouble());

        // I_k = C_m (V(t_k) - V(t_k - dt)) / dt with t_k = delay + h + (k + 1) dt: one value per interval and target.
        int samples = stats.GetProperty("n_samples_per_target").GetInt32();
        double cm = targets.GetProperty("params_set").GetProperty("C_m").GetDouble();
        var senders = (long[])voltmeter.Get("events", "senders");
        var times = (double[])voltmeter.Get("events", "times");
        var vm = (double[])voltmeter.Get("events", "V_m");
        var byTarget = probes.Ids.Select(_ => new Dictionary<long, double>()).ToArray();
        for (int i = 0; i < senders.Length; i++) byTarget[senders[i] - probes.Ids[0]][(long)Math.Round(times[i] * 10)] = vm[i];
        var currents = new double[probes.Count][];
        for (int j = 0; j < probes.Count; j++)
        {
            currents[j] = new double[samples];
            for (int k = 0; k < samples; k++)
            {
                long tk = (long)Math.Round((delay + 0.1 + (k + 1) * dt) * 10);
                currents[j][k] = cm * (byTarget[j][tk] - byTarget[j][tk - (long)Math.Round(dt * 10)]) / dt;
            }
        }
        var all = currents.SelectMany(c => c).ToArray();
        double mean = all.Average(), variance = all.Sum(x => (x - mean) * (x - mean)) / all.Length;
        AssertAgrees("mean current (pA)", mean, stats.GetProperty("mean_current_pA").GetDouble(), stats.GetProperty("sem_mean_current_pA").GetDouble());
        double nestVariance = stats.GetProperty("variance_current_pA2").GetDouble();
        AssertAgrees("variance of the current (pA^2)", variance, nestVariance, nestVariance * Math.Sqrt(2.0 / all.Length));
        double lag1 = currents.Average(c => Pearson(c[..^1], c[1..]));
        AssertAgrees("lag-1 autocorrelation", lag1, stats.GetProperty("lag1_autocorrelation_mean_over_targets").GetDouble(), 1.0 / Math.Sqrt(all.Length));
        double pairwise = Pearson(currents[0], currents[1]);
        Assert.InRange(pairwise, -Sigmas / Math.Sqrt(samples), Sigmas / Math.Sqrt(samples));

        // The recordable I is the mean over the 100 targets: variance std^2 / 100.
        var recorded = stats.GetProperty("generator_recordable_I");
        var meanCurrent = ((double[])currentMeter.Get("events", "I")).Where((_, i) => i % 10 == 0).Take(recorded.GetProperty("n_samples").GetInt32()).ToArray();
        double recordedMean = meanCurrent.Average();
        double recordedVariance = meanCurrent.Sum(x => (x - recordedMean) * (x - recordedMean)) / meanCurrent.Length;
        AssertAgrees("variance of the recorded mean current (pA^2)", recordedVariance, recorded.GetProperty("variance_pA2").GetDouble(),
            100.0 * Math.Sqrt(2.0 / meanCurrent.Length));
        AssertAgrees("mean of the recorded current (pA)", recordedMean, recorded.GetProperty("mean_pA").GetDouble(), 1.0);
    }

    public static TheoryData<string, Dictionary<string, object>> RandomGenerators() => new()
    {
        { "sinusoidal_poisson_generator", new() { ["rate"] = 300.0, ["amplitude"] = 200.0, ["frequency"] = 10.0 } },
        { "sinusoidal_gamma_generator", new() { ["rate"] = 300.0, ["amplitude"] = 200.0, ["frequency"] = 10.0, ["order"] = 3.0 } },
        { "inhomogeneous_poisson_generator", new() { ["rate_times"] = new[] { 10.0, 100.0 }, ["rate_values"] = new[] { 300.0, 50.0 } } },
        { "gamma_sup_generator", new() { ["rate"] = 50.0, ["gamma_shape"] = 3L, ["n_proc"] = 5L } },
        { "ppd_sup_generator", new() { ["rate"] = 50.0, ["dead_time"] = 5.0, ["n_proc"] = 5L, ["frequency"] = 10.0, ["relative_amplitude"] = 0.5 } },
        { "mip_generator", new() { ["rate"] = 300.0, ["p_copy"] = 0.5 } },
        { "poisson_generator", new() { ["rate"] = 300.0 } },
    };

    /// <summary>Every random generator sends each target the same train whatever the number of threads (keyed streams).</summary>
    [Theory]
    [MemberData(nameof(RandomGenerators))]
    public void Trains_AreTheSameForAnyNumberOfThreads(string model, Dictionary<string, object> parameters)
    {
        (long[] Senders, double[] Times) Run(int threads)
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["rng_seed"] = 77L, ["local_num_threads"] = threads });
            var generator = nest.Create(model, 1, new Dictionary<string, object>(parameters));
            var parrots = nest.Create("parrot_neuron", 13);
            var recorder = nest.Create("spike_recorder");
            nest.Connect(generator, parrots);
            nest.Connect(parrots, recorder);
            nest.Simulate(150.0);
            nest.Simulate(50.0);
            var senders = (long[])recorder.Get("events", "senders");
            var times = (double[])recorder.Get("events", "times");
            var order = Enumerable.Range(0, senders.Length).OrderBy(i => times[i]).ThenBy(i => senders[i]).ToArray();
            return (order.Select(i => senders[i]).ToArray(), order.Select(i => times[i]).ToArray());
        }
        var one = Run(1);
        var three = Run(3);
        Assert.True(one.Senders.Length > 100, $"{one.Senders.Length} spikes");
        Assert.Equal(one.Senders, three.Senders);
        Assert.Equal(one.Times, three.Times);
    }

    [Fact]
    public void NoiseGenerator_CurrentsAreTheSameForAnyNumberOfThreads()
    {
        double[] Run(int threads)
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["rng_seed"] = 77L, ["local_num_threads"] = threads });
            var generator = nest.Create("noise_generator", 1, new() { ["mean"] = 10.0, ["std"] = 200.0, ["std_mod"] = 100.0, ["frequency"] = 20.0, ["dt"] = 0.5 });
            var neurons = nest.Create("iaf_psc_alpha", 7);
            var voltmeter = nest.Create("voltmeter");
            var currentMeter = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "I" } });
            nest.Connect(generator, neurons);
            nest.Connect(voltmeter, neurons);
            nest.Connect(currentMeter, generator);
            nest.Simulate(100.0);
            var senders = (long[])voltmeter.Get("events", "senders");
            var times = (double[])voltmeter.Get("events", "times");
            var vm = (double[])voltmeter.Get("events", "V_m");
            var order = Enumerable.Range(0, vm.Length).OrderBy(i => times[i]).ThenBy(i => senders[i]);
            return [.. order.Select(i => vm[i]), .. (double[])currentMeter.Get("events", "I")];
        }
        Assert.Equal(Run(1), Run(2));
    }
}
