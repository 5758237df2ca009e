using System.Globalization;
using NestSharp.Cli.Experiments;

namespace NestSharp.Tests.Cli;

/// <summary>
/// Runs of the microcircuit against NEST 3.10 running the reference implementation at the same scale
/// (Reference/benchmarks/microcircuit_scale0.1_nest.csv: 5 seeds per background, see the README there), and the
/// independence of the results from the thread count.
/// </summary>
public sealed class MicrocircuitRunTests
{
    private static readonly string[] Populations = MicrocircuitModel.Populations;

    [Fact]
    public void SpikeStatistics_DoNotDependOnTheThreadCount()
    {
        var one = RunInTemporaryDirectory(new MicrocircuitParameters { ScaleN = 0.05, ScaleK = 0.05, PresimTimeMs = 50, SimTimeMs = 150, Threads = 1 });
        var two = RunInTemporaryDirectory(new MicrocircuitParameters { ScaleN = 0.05, ScaleK = 0.05, PresimTimeMs = 50, SimTimeMs = 150, Threads = 2 });
        Assert.Equal(one.TotalSpikes, two.TotalSpikes);
        Assert.True(one.TotalSpikes > 1000, $"only {one.TotalSpikes} spikes");
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(one.Statistics[i].Rates, two.Statistics[i].Rates);
            Assert.Equal(one.Statistics[i].MeanCv, two.Statistics[i].MeanCv);
            Assert.Equal(one.Statistics[i].MeanCorrelation, two.Statistics[i].MeanCorrelation);
        }
    }

    [Fact]
    public void PoissonBackground_RatesAndIrregularity_MatchNestsAtScale0_1()
    {
        var nest = NestStatistics("poisson");
        var result = RunInTemporaryDirectory(new MicrocircuitParameters { ScaleN = 0.1, ScaleK = 0.1, Threads = 2 });
        for (int i = 0; i < 8; i++)
        {
            var s = result.Statistics[i];
            var (rateMean, rateSd) = MeanAndSd(nest[Populations[i]].Select(r => r.Rate));
            var (cvMean, cvSd) = MeanAndSd(nest[Populations[i]].Select(r => r.Cv));
            // Seed-to-seed spread of NEST's population rates is 1-10 %; allow 4 of its standard deviations, at
            // least 10 % of the rate (the spread of five seeds is itself uncertain).
            double rateTolerance = Math.Max(4 * rateSd, 0.1 * rateMean);
            Assert.True(Math.Abs(s.MeanRateHz - rateMean) <= rateTolerance,
                $"{Populations[i]}: rate {s.MeanRateHz:F3} Hz, NEST {rateMean:F3} ± {rateSd:F3} Hz");
            double cvTolerance = Math.Max(4 * cvSd, 0.05);
            Assert.True(Math.Abs(s.MeanCv - cvMean) <= cvTolerance, $"{Populations[i]}: CV {s.MeanCv:F3}, NEST {cvMean:F3} ± {cvSd:F3}");
            // Correlations of 50-neuron subsamples are small and noisy (NEST: 0.002-0.06); they must stay weak.
            Assert.InRange(s.MeanCorrelation, -0.02, 0.08);
        }
        // The layer ordering of the paper's Fig. 6: L2/3E and L6E are the quietest, L5E the most active excitatory population.
        Assert.True(result.Statistics[0].MeanRateHz < result.Statistics[2].MeanRateHz);
        Assert.True(result.Statistics[6].MeanRateHz < result.Statistics[2].MeanRateHz);
        Assert.True(result.Statistics[2].MeanRateHz < result.Statistics[4].MeanRateHz);
    }

    [Fact]
    public void DcBackground_WithScaledInDegrees_SilencesAllButL6IAsInNest()
    {
        // The reference's compensation of K-scaling leaves every population but L6I below threshold at scale 0.1 with
        // a DC background (it warns so); NEST then shows L6I alone firing, at about 3.4 Hz.
        var nest = NestStatistics("dc");
        var result = RunInTemporaryDirectory(new MicrocircuitParameters { ScaleN = 0.1, ScaleK = 0.1, Threads = 2, Background = MicrocircuitBackground.Dc });
        for (int i = 0; i < 7; i++) Assert.Equal(0.0, result.Statistics[i].MeanRateHz);
        var (rateMean, rateSd) = MeanAndSd(nest["L6I"].Select(r => r.Rate));
        Assert.True(Math.Abs(result.Statistics[7].MeanRateHz - rateMean) <= Math.Max(4 * rateSd, 0.1 * rateMean),
            $"L6I: rate {result.Statistics[7].MeanRateHz:F3} Hz, NEST {rateMean:F3} ± {rateSd:F3} Hz");
    }

    [Fact]
    public void Run_WritesStatisticsAndFigures()
    {
        string output = Path.Combine(Path.GetTempPath(), "nestsharp-mc-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = MicrocircuitExperiment.Run(
                new MicrocircuitParameters { ScaleN = 0.02, ScaleK = 0.02, PresimTimeMs = 20, SimTimeMs = 50, Thalamic = true, OutputDirectory = output },
                TextWriter.Null);
            string[] csv = File.ReadAllLines(result.StatisticsCsv);
            Assert.Equal(9, csv.Length);
            Assert.StartsWith("population,neurons,rate_mean_hz", csv[0], StringComparison.Ordinal);
            Assert.StartsWith("L23E,", csv[1], StringComparison.Ordinal);
            Assert.Contains("\"real_time_factor\"", File.ReadAllText(result.SummaryJson), StringComparison.Ordinal);
            Assert.True(File.Exists(result.RasterPlot.SvgPath));
            Assert.True(File.Exists(result.RatePlot.SvgPath));
            Assert.True(result.BytesPerSynapse > 0);
            Assert.True(result.PeakMemoryBytes >= result.MemoryAfterConnectBytes);
            // The thalamic synapses are not among the recurrent ones.
            Assert.Equal(result.Model.TotalSynapses, result.Synapses);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static MicrocircuitResult RunInTemporaryDirectory(MicrocircuitParameters parameters)
    {
        string output = Path.Combine(Path.GetTempPath(), "nestsharp-mc-" + Guid.NewGuid().ToString("N"));
        try
        {
            return MicrocircuitExperiment.Run(parameters with { OutputDirectory = output }, TextWriter.Null);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static (double Mean, double Sd) MeanAndSd(IEnumerable<double> values)
    {
        double[] v = [.. values];
        double mean = v.Average();
        return (mean, Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)));
    }

    /// <summary>NEST's per-seed statistics for one background, by population.</summary>
    private static Dictionary<string, List<(double Rate, double Cv)>> NestStatistics(string background)
    {
        var byPopulation = new Dictionary<string, List<(double Rate, double Cv)>>();
        foreach (string line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Reference", "benchmarks", "microcircuit_scale0.1_nest.csv")))
        {
            if (line.StartsWith('#') || line.StartsWith("background", StringComparison.Ordinal)) continue;
            string[] f = line.Split(',');
            if (f[0] != background) continue;
            if (!byPopulation.TryGetValue(f[2], out var list)) byPopulation[f[2]] = list = [];
            list.Add((double.Parse(f[3], CultureInfo.InvariantCulture), f[4] == "nan" ? double.NaN : double.Parse(f[4], CultureInfo.InvariantCulture)));
        }
        return byPopulation;
    }
}
