namespace NestSharp.Plotting;

/// <summary>
/// Population firing rate in consecutive time bins, as in NEST's raster plot histogram:
/// rate = spike count / (neuron count * bin width in s).
/// </summary>
public sealed class PopulationRateHistogram
{
    private PopulationRateHistogram(double startMs, double binWidthMs, int neuronCount, int[] counts)
    {
        StartMs = startMs;
        BinWidthMs = binWidthMs;
        NeuronCount = neuronCount;
        Counts = counts;
        double seconds = binWidthMs / 1000;
        RatesHz = Array.ConvertAll(counts, count => neuronCount == 0 ? 0 : count / (neuronCount * seconds));
    }

    /// <summary>Start of the first bin, in ms.</summary>
    public double StartMs { get; }

    /// <summary>Width of every bin, in ms.</summary>
    public double BinWidthMs { get; }

    /// <summary>End of the last bin, in ms.</summary>
    public double StopMs => StartMs + BinWidthMs * Counts.Count;

    /// <summary>Number of neurons the counts are divided by.</summary>
    public int NeuronCount { get; }

    /// <summary>Spikes per bin.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>Population rate per bin, in Hz (spikes per neuron per second).</summary>
    public IReadOnlyList<double> RatesHz { get; }

    /// <summary>Start time of bin <paramref name="bin"/>, in ms.</summary>
    public double BinStartMs(int bin) => StartMs + bin * BinWidthMs;

    /// <summary>
    /// Bins the spike times in [<paramref name="startMs"/>, <paramref name="stopMs"/>] into bins of
    /// <paramref name="binWidthMs"/>; the last bin is full width and may end after <paramref name="stopMs"/>.
    /// </summary>
    public static PopulationRateHistogram Compute(ReadOnlySpan<double> timesMs, double startMs, double stopMs, double binWidthMs, int neuronCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(binWidthMs);
        ArgumentOutOfRangeException.ThrowIfNegative(neuronCount);
        if (!(stopMs >= startMs))
        {
            throw new ArgumentException($"The time range [{startMs}, {stopMs}] is empty.", nameof(stopMs));
        }

        int binCount = Math.Max(1, (int)Math.Ceiling((stopMs - startMs) / binWidthMs - 1e-9));
        var counts = new int[binCount];
        foreach (double time in timesMs)
        {
            if (time >= startMs && time <= stopMs)
            {
                counts[Math.Min((int)((time - startMs) / binWidthMs), binCount - 1)]++;
            }
        }

        return new PopulationRateHistogram(startMs, binWidthMs, neuronCount, counts);
    }
}
