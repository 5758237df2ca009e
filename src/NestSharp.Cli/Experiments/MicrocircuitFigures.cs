using System.Globalization;
using NestSharp.Plotting;

namespace NestSharp.Cli.Experiments;

/// <summary>
/// The microcircuit's two figures in the layout of the reference's helpers (plot_raster, boxplot): a raster with the
/// populations stacked from L2/3 at the top to L6 at the bottom, excitatory spikes in blue-grey and inhibitory in red,
/// and horizontal box plots of the single-neuron rates per population.
/// </summary>
public static class MicrocircuitFigures
{
    private const string ExcitatoryColor = "#595289";
    private const string InhibitoryColor = "#af143c";
    private const double Width = 800, Height = 600, Left = 80, Right = 20, Top = 40, Bottom = 50;

    /// <summary>
    /// Raster of the spikes in [<paramref name="startMs"/>, <paramref name="stopMs"/>]; as in the reference, for
    /// <paramref name="scaleN"/> above 0.2 only every int(10 · scaleN)-th spike of a population is drawn.
    /// </summary>
    public static SaveResult Raster(
        IReadOnlyList<(long[] Senders, double[] Times)> spikes, IReadOnlyList<NodeCollection> populations, double startMs, double stopMs,
        double scaleN, string path)
    {
        long firstId = populations[0].Ids[0], lastId = populations[^1].Ids[^1];
        int stride = scaleN > 0.2 ? (int)(10.0 * scaleN) : 1;
        var document = new SvgDocument(Width, Height);
        string title = stride > 1
            ? string.Create(CultureInfo.InvariantCulture, $"Microcircuit: spikes {startMs:0.#}-{stopMs:0.#} ms (every {stride}th spike)")
            : string.Create(CultureInfo.InvariantCulture, $"Microcircuit: spikes {startMs:0.#}-{stopMs:0.#} ms");
        AxisRenderer.DrawTitle(document, Left + (Width - Left - Right) / 2, 24, title);
        // Rows count down from the last node id, so L2/3 (the first ids) is at the top.
        var area = new PlotArea(Left, Top, Width - Left - Right, Height - Top - Bottom, new DataRange(startMs, stopMs),
            new DataRange(1, lastId - firstId + 1));
        for (int i = 0; i < populations.Count; i += 2)
        {
            double y = area.PixelY(lastId - populations[i].Ids[0] + 1);
            document.AddLine(area.Left, y, area.Right, y, "#cccccc");
        }
        for (int i = 0; i < populations.Count; i++)
        {
            string color = i % 2 == 0 ? ExcitatoryColor : InhibitoryColor;
            var (senders, times) = spikes[i];
            int seen = 0;
            for (int k = 0; k < senders.Length; k++)
            {
                if (times[k] < startMs || times[k] > stopMs) continue;
                if (seen++ % stride != 0) continue;
                document.AddCircle(area.PixelX(times[k]), area.PixelY(lastId - senders[k] + 1), 1.0, color);
            }
        }
        AxisRenderer.DrawFrame(document, area);
        AxisRenderer.DrawXAxis(document, area, AxisTicks.Nice(area.X, 8), "Time (ms)");
        var labels = new List<string>();
        var positions = new List<double>();
        for (int i = 0; i + 1 < populations.Count; i += 2)
        {
            labels.Add(MicrocircuitModel.Populations[i][..^1].Replace("23", "2/3", StringComparison.Ordinal));
            positions.Add((lastId - populations[i].Ids[0] + 1 + lastId - populations[i + 1].Ids[^1] + 1) / 2.0);
        }
        AxisRenderer.DrawYAxis(document, area, new AxisTicks(positions, labels), "Population");
        return document.Save(path);
    }

    /// <summary>
    /// Box plots of the single-neuron rates, L2/3E at the top: the box spans the quartiles, the black line is the
    /// median, the dashed grey line the mean, and, as the reference draws them (whiskers of length zero), every rate
    /// outside the box is a red cross (each distinct value once).
    /// </summary>
    public static SaveResult RateBoxPlot(IReadOnlyList<PopulationStatistics> statistics, string path)
    {
        double maxRate = 1.0;
        foreach (var s in statistics)
        {
            foreach (double r in s.Rates) maxRate = Math.Max(maxRate, r);
        }
        var document = new SvgDocument(Width, Height);
        AxisRenderer.DrawTitle(document, Left + (Width - Left - Right) / 2, 24, "Microcircuit: firing rates per neuron");
        int n = statistics.Count;
        var area = new PlotArea(Left, Top, Width - Left - Right, Height - Top - Bottom, new DataRange(0, maxRate * 1.05), new DataRange(0.5, n + 0.5));
        double halfHeight = area.Height / n * 0.25;
        var labels = new List<string>();
        var positions = new List<double>();
        for (int i = 0; i < n; i++)
        {
            var s = statistics[i];
            double row = n - i;
            double y = area.PixelY(row);
            labels.Add(s.Population.Replace("23", "2/3", StringComparison.Ordinal));
            positions.Add(row);
            double[] sorted = [.. s.Rates];
            Array.Sort(sorted);
            double q1 = Quantile(sorted, 0.25), median = Quantile(sorted, 0.5), q3 = Quantile(sorted, 0.75);
            string color = i % 2 == 0 ? ExcitatoryColor : InhibitoryColor;
            document.AddRect(area.PixelX(q1), y - halfHeight, Math.Max(area.PixelX(q3) - area.PixelX(q1), 0.5), 2 * halfHeight, color, "black");
            document.AddLine(area.PixelX(median), y - halfHeight, area.PixelX(median), y + halfHeight, "black", 2.5);
            document.AddLine(area.PixelX(s.MeanRateHz), y - halfHeight, area.PixelX(s.MeanRateHz), y + halfHeight, "lightgray", 2.5, "4,2");
            double previous = double.NaN;
            foreach (double r in sorted)
            {
                if (r == previous || (r >= q1 && r <= q3)) continue;
                previous = r;
                double x = area.PixelX(r);
                document.AddLine(x - 3, y, x + 3, y, "red");
                document.AddLine(x, y - 3, x, y + 3, "red");
            }
        }
        AxisRenderer.DrawFrame(document, area);
        AxisRenderer.DrawXAxis(document, area, AxisTicks.Nice(area.X, 8), "Firing rate (spikes/s)");
        AxisRenderer.DrawYAxis(document, area, new AxisTicks(positions, labels), "Population");
        return document.Save(path);
    }

    /// <summary>The q-quantile of sorted values with linear interpolation between order statistics (numpy's default).</summary>
    public static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
