using NestSharp.Cli.Recording;

namespace NestSharp.Cli.Experiments;

/// <summary>A weight matrix <c>W[post, pre]</c> with the ids of its columns (sources) and rows (targets).</summary>
public sealed record ConnectivityMatrix(double[,] W, long[] PopPre, long[] PopPost);

/// <summary>Simple statistics of a set of values (the scaling script's <c>data_statistics</c>, NaN ignored).</summary>
public sealed record DataStatistics(int Count, double Mean, double Sd, double Min, double Max, double Median);

/// <summary>
/// The analysis of the ignore_and_fire example's data, as its figure script (generate_reference_figures-ignore_and_fire.py)
/// does it: firing rates, weight matrices, weight distributions and statistics.
/// </summary>
public static class IgnoreAndFireAnalysis
{

    /// <summary>
    /// The weight matrix W[post, pre] of <paramref name="connectivity"/> for the sources <paramref name="popPre"/> and
    /// targets <paramref name="popPost"/> (all distinct sources and targets, sorted, when null or empty). Unconnected
    /// pairs are 0; of several connections between one pair the last one listed counts (as the example's loop).
    /// </summary>
    public static ConnectivityMatrix GetConnectivityMatrix(ConnectivityData connectivity, IReadOnlyList<long>? popPre = null, IReadOnlyList<long>? popPost = null)
    {
        long[] pre = popPre is { Count: > 0 } ? [.. popPre] : [.. connectivity.Source.Distinct().Order()];
        long[] post = popPost is { Count: > 0 } ? [.. popPost] : [.. connectivity.Target.Distinct().Order()];
        var column = new Dictionary<long, int>(pre.Length);
        for (int i = 0; i < pre.Length; i++) column.TryAdd(pre[i], i);
        var row = new Dictionary<long, int>(post.Length);
        for (int i = 0; i < post.Length; i++) row.TryAdd(post[i], i);

        // convention: pre = columns, post = rows
        var w = new double[post.Length, pre.Length];
        for (int c = 0; c < connectivity.Count; c++)
        {
            if (row.TryGetValue(connectivity.Target[c], out int r) && column.TryGetValue(connectivity.Source[c], out int s))
                w[r, s] = connectivity.Weight[c];
        }

        return new ConnectivityMatrix(w, pre, post);
    }

    /// <summary>
    /// The probability density of the weights over the bins delimited by <paramref name="binEdges"/>, as
    /// <c>numpy.histogram(weights, binEdges, density=True)</c>: bins [low, high) except the last, which includes its upper
    /// edge; weights outside are left out; NaN in every bin when no weight falls into a bin.
    /// </summary>
    public static double[] GetWeightDistribution(ConnectivityData connectivity, IReadOnlyList<double> binEdges) =>
        Density(connectivity.Weight, binEdges);

    /// <summary>Per-bin counts, as <c>numpy.histogram</c> (see <see cref="GetWeightDistribution"/>).</summary>
    public static long[] Histogram(ReadOnlySpan<double> values, IReadOnlyList<double> binEdges)
    {
        if (binEdges.Count < 2) throw new ArgumentException("At least two bin edges are needed.", nameof(binEdges));
        double[] edges = [.. binEdges];
        for (int i = 1; i < edges.Length; i++)
            if (!(edges[i] > edges[i - 1])) throw new ArgumentException("Bin edges must increase.", nameof(binEdges));
        var counts = new long[edges.Length - 1];
        foreach (double value in values)
        {
            if (!(value >= edges[0] && value <= edges[^1])) continue;
            int index = Array.BinarySearch(edges, value);
            int bin = index >= 0 ? index : ~index - 1;
            counts[Math.Min(bin, counts.Length - 1)]++;
        }
        return counts;
    }

    /// <summary>The density of <paramref name="values"/> over the bins (see <see cref="GetWeightDistribution"/>).</summary>
    public static double[] Density(ReadOnlySpan<double> values, IReadOnlyList<double> binEdges)
    {
        var counts = Histogram(values, binEdges);
        double total = counts.Sum();
        var density = new double[counts.Length];
        for (int i = 0; i < counts.Length; i++) density[i] = counts[i] / total / (binEdges[i + 1] - binEdges[i]);
        return density;
    }

    /// <summary>Bin edges from <paramref name="start"/> by <paramref name="step"/> while below <paramref name="stop"/>, as <c>numpy.arange</c>.</summary>
    public static double[] Arange(double start, double stop, double step)
    {
        int n = (int)Math.Ceiling((stop - start) / step);
        var values = new double[Math.Max(0, n)];
        for (int i = 0; i < values.Length; i++) values[i] = start + i * step;
        return values;
    }

    /// <summary>Mean, standard deviation (population), min, max and median of the non-NaN values.</summary>
    public static DataStatistics Statistics(ReadOnlySpan<double> values)
    {
        var finite = new List<double>(values.Length);
        foreach (double v in values)
            if (!double.IsNaN(v)) finite.Add(v);
        if (finite.Count == 0) return new DataStatistics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double mean = 0;
        foreach (double v in finite) mean += v;
        mean /= finite.Count;
        double squares = 0;
        foreach (double v in finite) squares += (v - mean) * (v - mean);
        finite.Sort();
        int n = finite.Count;
        double median = n % 2 == 1 ? finite[n / 2] : 0.5 * (finite[n / 2 - 1] + finite[n / 2]);
        return new DataStatistics(n, mean, Math.Sqrt(squares / n), finite[0], finite[^1], median);
    }

    /// <summary>
    /// Spikes per neuron and second in [start, stop] ms, for <paramref name="popSize"/> neurons (the figure script's
    /// <c>time_and_population_averaged_spike_rate</c>).
    /// </summary>
    public static double TimeAndPopulationAveragedSpikeRate(SpikeData spikes, (double Start, double Stop) timeInterval, int popSize)
    {
        double duration = timeInterval.Stop - timeInterval.Start;
        long events = 0;
        foreach (double t in spikes.TimesMs)
            if (t >= timeInterval.Start && t <= timeInterval.Stop) events++;
        return events / duration * 1000.0 / popSize;
    }

    // ---------------------------------------------------------------- figures
}
