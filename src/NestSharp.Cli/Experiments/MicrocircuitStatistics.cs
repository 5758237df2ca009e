namespace NestSharp.Cli.Experiments;

/// <summary>The spike statistics of one population over the observation interval, computed as the reference's helpers do.</summary>
/// <param name="Population">Population name.</param>
/// <param name="Neurons">Neurons in the population.</param>
/// <param name="MeanRateHz">Mean over all neurons (silent ones included) of spikes in the interval per second.</param>
/// <param name="RateStdHz">Population standard deviation of those single-neuron rates.</param>
/// <param name="MeanCv">Mean ISI coefficient of variation over the neurons with more than two spikes (NaN if none).</param>
/// <param name="CvNeurons">Neurons with more than two spikes (those that have a CV).</param>
/// <param name="MeanCorrelation">Mean pairwise spike-count correlation over the subsample's pairs where both neurons spiked (NaN if no pair).</param>
/// <param name="CorrelationPairs">Pairs that entered the mean.</param>
/// <param name="Rates">Every neuron's rate (Hz), in node-id order, for the box plot.</param>
public sealed record PopulationStatistics(
    string Population,
    int Neurons,
    double MeanRateHz,
    double RateStdHz,
    double MeanCv,
    int CvNeurons,
    double MeanCorrelation,
    int CorrelationPairs,
    double[] Rates);

/// <summary>
/// Rates, ISI irregularity and pairwise correlations of a population's spikes, as the reference repository's helpers
/// (PyNEST/src/microcircuit/helpers.py: time_averaged_single_neuron_firing_rates, single_neuron_isi_cvs,
/// pairwise_spike_count_correlations; PyNEST/reference_data/params.py for the 2 ms bins and 50-neuron subsamples)
/// define them. The interval includes both ends. Correlations: spike counts in bins of <c>binMs</c> from the start of the
/// interval (the last bin also holds spikes at its right edge, as numpy's histogram), Pearson's coefficient per pair of
/// a random subsample drawn without replacement with a fixed seed; pairs with a silent neuron (undefined coefficient)
/// are left out of the mean, as the reference's analysis drops NaNs.
/// </summary>
public static class MicrocircuitStatistics
{
    /// <summary>Neurons per population whose pairwise correlations are computed (the reference's subsample_size).</summary>
    public const int CorrelationSubsample = 50;

    /// <summary>Bin width (ms) of the spike counts for correlations (the reference's binsize).</summary>
    public const double CorrelationBinMs = 2.0;

    /// <summary>Seed of the subsample (the reference's seed_subsampling; the subset differs: another generator).</summary>
    public const int SubsampleSeed = 12345;

    /// <summary>Statistics of one population of <paramref name="neurons"/> consecutive ids from <paramref name="firstId"/>.</summary>
    public static PopulationStatistics Compute(
        string population, int firstId, int neurons, ReadOnlySpan<long> senders, ReadOnlySpan<double> timesMs, double startMs, double stopMs)
    {
        double duration = stopMs - startMs;
        var spikeTimes = new List<double>[neurons];
        for (int i = 0; i < neurons; i++) spikeTimes[i] = [];
        for (int k = 0; k < senders.Length; k++)
        {
            double t = timesMs[k];
            long index = senders[k] - firstId;
            if (t >= startMs && t <= stopMs && index >= 0 && index < neurons) spikeTimes[index].Add(t);
        }

        var rates = new double[neurons];
        double rateSum = 0.0;
        for (int i = 0; i < neurons; i++)
        {
            rates[i] = spikeTimes[i].Count / duration * 1e3;
            rateSum += rates[i];
        }
        double meanRate = rateSum / neurons;
        double squares = 0.0;
        foreach (double rate in rates) squares += (rate - meanRate) * (rate - meanRate);

        double cvSum = 0.0;
        int cvNeurons = 0;
        foreach (var times in spikeTimes)
        {
            if (times.Count <= 2) continue;
            times.Sort();
            cvSum += IsiCv(times);
            cvNeurons++;
        }

        var (correlation, pairs) = MeanCorrelation(spikeTimes, startMs, stopMs);
        return new PopulationStatistics(
            population, neurons, meanRate, Math.Sqrt(squares / neurons), cvNeurons > 0 ? cvSum / cvNeurons : double.NaN, cvNeurons,
            correlation, pairs, rates);
    }

    /// <summary>Standard deviation (population form) over mean of the inter-spike intervals of sorted spike times.</summary>
    public static double IsiCv(IReadOnlyList<double> sortedTimes)
    {
        int n = sortedTimes.Count - 1;
        double sum = 0.0;
        for (int i = 0; i < n; i++) sum += sortedTimes[i + 1] - sortedTimes[i];
        double mean = sum / n;
        double squares = 0.0;
        for (int i = 0; i < n; i++)
        {
            double d = sortedTimes[i + 1] - sortedTimes[i] - mean;
            squares += d * d;
        }
        return Math.Sqrt(squares / n) / mean;
    }

    /// <summary>Pearson's correlation of two equally long count vectors; NaN when either has no variance.</summary>
    public static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double meanA = 0.0, meanB = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= a.Length;
        meanB /= b.Length;
        double ab = 0.0, aa = 0.0, bb = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            double da = a[i] - meanA, db = b[i] - meanB;
            ab += da * db;
            aa += da * da;
            bb += db * db;
        }
        return aa > 0 && bb > 0 ? ab / Math.Sqrt(aa * bb) : double.NaN;
    }

    private static (double Mean, int Pairs) MeanCorrelation(List<double>[] spikeTimes, double startMs, double stopMs)
    {
        int[] chosen = Subsample(spikeTimes.Length, Math.Min(CorrelationSubsample, spikeTimes.Length));
        int bins = (int)Math.Round((stopMs - startMs) / CorrelationBinMs);
        if (bins < 1) return (double.NaN, 0);
        var counts = new double[chosen.Length][];
        for (int c = 0; c < chosen.Length; c++)
        {
            counts[c] = new double[bins];
            foreach (double t in spikeTimes[chosen[c]])
            {
                int bin = Math.Min((int)((t - startMs) / CorrelationBinMs), bins - 1);
                counts[c][bin] += 1.0;
            }
        }

        double sum = 0.0;
        int pairs = 0;
        for (int a = 0; a < chosen.Length; a++)
        {
            for (int b = a + 1; b < chosen.Length; b++)
            {
                double r = Correlation(counts[a], counts[b]);
                if (double.IsNaN(r)) continue;
                sum += r;
                pairs++;
            }
        }
        return (pairs > 0 ? sum / pairs : double.NaN, pairs);
    }

    /// <summary>Indices 0..n-1, <paramref name="size"/> of them drawn without replacement (partial Fisher-Yates) with the fixed seed.</summary>
    private static int[] Subsample(int n, int size)
    {
        var indices = new int[n];
        for (int i = 0; i < n; i++) indices[i] = i;
        var random = new System.Random(SubsampleSeed);
        for (int i = 0; i < size; i++)
        {
            int j = random.Next(i, n);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        var chosen = indices[..size];
        Array.Sort(chosen);
        return chosen;
    }
}
