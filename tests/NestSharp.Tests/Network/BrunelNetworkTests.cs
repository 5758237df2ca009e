using NestSharp.Tests.Statistics;
using Xunit.Abstractions;

namespace NestSharp.Tests.Network;

/// <summary>
/// The Brunel network of seed 004 at order 500 (2000 excitatory, 500 inhibitory neurons, CE = 200, CI = 50), 1 s of
/// biological time, every neuron recorded, run with 1, 2 and 4 threads (once each, shared by the tests).
/// </summary>
public sealed class BrunelNetworkFixture
{
    public const int Order = 500;
    public const double SimTime = 1000.0;

    public BrunelNetworkFixture()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ByThreads = new[] { 1, 2, 4 }.ToDictionary(t => t, t => BrunelNetwork.Run(Order, SimTime, threads: t));
        Elapsed = clock.Elapsed;
    }

    public IReadOnlyDictionary<int, BrunelNetwork.Result> ByThreads { get; }
    public TimeSpan Elapsed { get; }
}

/// <summary>
/// The network is the same whatever the number of threads, fires at the rate NEST reports, and is in the regime the
/// mean-field theory predicts for this order.
/// <para>
/// About that regime: with eta = 2 the external drive alone puts the mean membrane potential at 2 theta = 40 mV;
/// recurrent inhibition lowers it by 0.25 CE nu x 2.11 mV ms (the PSP integral), i.e. by about 5 mV at CE = 200 and
/// 50 Hz. The neurons are therefore driven well above threshold (mu ~ 35 mV, theta = 20 mV) and fire regularly at
/// ~1 / (t_ref + tau_m ln(mu / (mu - theta))) ~ 52 Hz, jittered by the external Poisson input (sigma ~ 1.4 mV); the
/// asynchronous-irregular state needs CE ~ 1000 and mu near theta. So the tests below assert regular, not irregular,
/// firing (ISI CV ~ 0.1), and only the absence of global synchrony.
/// </para>
/// </summary>
[Trait("Category", "Slow")]
public sealed class BrunelNetworkTests(BrunelNetworkFixture fixture, ITestOutputHelper output) : IClassFixture<BrunelNetworkFixture>
{
    /// <summary>The initial transient (all neurons start at V_m = 0, hence in step) left out of the regime statistics.</summary>
    private const double Transient = 200.0;

    private BrunelNetwork.Result Run => fixture.ByThreads[2];

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void RecordedSpikes_AreIdenticalTo1Thread(int threads)
    {
        var one = fixture.ByThreads[1];
        var many = fixture.ByThreads[threads];
        output.WriteLine($"{one.Senders.Length} spikes; three runs took {fixture.Elapsed.TotalSeconds:F2} s");

        Assert.NotEmpty(one.Senders);
        Assert.Equal(one.Senders.Length, many.Senders.Length);
        Assert.Equal(one.Senders, many.Senders);
        Assert.Equal(one.Times, many.Times);
    }

    [Fact]
    public void NumbersOfSynapses_AreThoseOfTheExample()
    {
        // "excitatory" also carries the generator's connection to each neuron and each neuron's to the recorder.
        var r = Run;
        int n = r.NumNeurons, cE = r.NumExcitatory / 10, cI = r.NumInhibitory / 10;

        Assert.Equal((long)n * cE + n + n, r.NumSynapsesEx);
        Assert.Equal((long)n * cI, r.NumSynapsesIn);
        Assert.Equal(r.NumSynapsesEx + r.NumSynapsesIn, r.NumConnections);
    }

    [Fact]
    public void ExcitatoryRate_MatchesNest()
    {
        // The example's measure: spikes of the first 50 excitatory neurons over the whole run. NEST gives 50.2 Hz at order
        // 500; across seeds this measure varies by ~0.05 Hz (50.08-50.22 Hz over 8 seeds), so 0.5 Hz is ample.
        var r = Run;
        double rate = r.Senders.Count(s => s <= 50) / 50.0 / (r.SimTime / 1000.0);
        output.WriteLine($"excitatory rate (first 50) {rate:F2} Hz; NEST 50.2 Hz");
        Assert.InRange(rate, 50.2 - 0.5, 50.2 + 0.5);
    }

    [Fact]
    public void ExcitatoryAndInhibitoryRates_AreEqualAndInTheBalancedRange()
    {
        // Both populations receive statistically identical input (same CE, CI, drive), so their rates agree.
        var r = Run;
        double seconds = r.SimTime / 1000.0;
        double rateEx = r.Senders.Count(s => s <= r.NumExcitatory) / (double)r.NumExcitatory / seconds;
        double rateIn = r.Senders.Count(s => s > r.NumExcitatory && s <= r.NumNeurons) / (double)r.NumInhibitory / seconds;
        output.WriteLine($"population rates: excitatory {rateEx:F2} Hz, inhibitory {rateIn:F2} Hz");
        Assert.InRange(rateEx, 20.0, 80.0);
        Assert.InRange(rateIn, 20.0, 80.0);
        Assert.InRange(rateIn - rateEx, -1.0, 1.0);
    }

    [Fact]
    public void EveryNeuronFires()
    {
        var r = Run;
        Assert.Equal(r.NumNeurons, r.Senders.Distinct().Count());
        Assert.All(r.Senders, s => Assert.InRange(s, 1L, r.NumNeurons));
    }

    [Fact]
    public void Firing_IsRegularButJittered_AsTheMeanDrivenRegimePredicts()
    {
        // Jitter: the external input's sigma ~ 1.4 mV over a slope (mu - theta) / tau_m ~ 0.7 mV/ms at threshold gives
        // ~2 ms per 20-ms interval, CV ~ 0.1 (measured 0.093 for 8 seeds). A drive without its Poisson noise gives CV 0
        // (measured with a dc_generator of the same mean: 0.000); an irregular network would give CV > 0.5.
        var cvs = IsiCvs(Run, Transient);
        double cv = cvs.Average();
        output.WriteLine($"mean ISI CV over {cvs.Count} neurons: {cv:F3}");
        Assert.Equal(Run.NumNeurons, cvs.Count);
        Assert.InRange(cv, 0.05, 0.2);
    }

    [Fact]
    public void Population_IsNotGloballySynchronous()
    {
        // Fano factor of the population count in 5-ms bins after the transient. Independent neurons give 1, lock-step
        // firing (every neuron in the same bin of each 20-ms period) ~ N (1 - 1/4) ~ 1900. The network has a weak fast
        // oscillation: 12-27 over 8 seeds. A shared external train (one train to every neuron) gives 1824.
        var r = Run;
        int bins = (int)((r.SimTime - Transient) / 5.0);
        var counts = new double[bins];
        foreach (double t in r.Times)
        {
            if (t <= Transient) continue;
            int b = (int)Math.Ceiling((t - Transient) / 5.0 - 1e-9) - 1;
            if (b >= 0 && b < bins) counts[b]++;
        }
        double fano = StatTest.Variance(counts) / counts.Average();
        output.WriteLine($"population Fano factor (5-ms bins, {bins} bins): {fano:F2}");
        Assert.InRange(fano, 0.0, 100.0);
    }

    private static List<double> IsiCvs(BrunelNetwork.Result r, double from)
    {
        var cvs = new List<double>();
        foreach (var neuron in r.Senders.Zip(r.Times).Where(p => p.Second > from).GroupBy(p => p.First))
        {
            var t = neuron.Select(p => p.Second).Order().ToArray();
            if (t.Length < 4) continue;
            var isi = t.Zip(t.Skip(1), (a, b) => b - a).ToArray();
            cvs.Add(Math.Sqrt(StatTest.Variance(isi)) / isi.Average());
        }
        return cvs;
    }
}
