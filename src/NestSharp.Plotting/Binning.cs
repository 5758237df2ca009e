namespace NestSharp.Plotting;

/// <summary>Counts values into bins; every bin is half-open [low, high) except the last, which also holds its upper edge.</summary>
internal static class Binning
{
    /// <summary>Counts into the bins delimited by increasing <paramref name="edges"/>; values outside them are ignored.</summary>
    public static int[] Count(ReadOnlySpan<double> values, double[] edges)
    {
        var counts = new int[edges.Length - 1];
        foreach (double value in values)
        {
            if (!(value >= edges[0] && value <= edges[^1]))
            {
                continue;
            }

            int index = Array.BinarySearch(edges, value);
            int bin = index >= 0 ? index : ~index - 1;
            counts[Math.Min(bin, counts.Length - 1)]++;
        }

        return counts;
    }
}
