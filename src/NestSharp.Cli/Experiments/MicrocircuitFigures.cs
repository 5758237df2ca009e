using System.Globalization;
using NestSharp.Plotting;
using ScottPlot;

namespace NestSharp.Cli.Experiments;

/// <summary>
/// The microcircuit's two figures in the layout of the reference's helpers (plot_raster, boxplot): a raster with the
/// populations stacked from L2/3 at the top to L6 at the bottom, excitatory spikes in blue-grey and inhibitory in red,
/// and horizontal box plots of the single-neuron rates per population.
/// </summary>
public static class MicrocircuitFigures
{
    private static readonly Color ExcitatoryColor = Color.FromHex("#595289");
    private static readonly Color InhibitoryColor = Color.FromHex("#af143c");
    private const int Width = 800, Height = 600;

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
        string title = stride > 1
            ? string.Create(CultureInfo.InvariantCulture, $"Microcircuit: spikes {startMs:0.#}-{stopMs:0.#} ms (every {stride}th spike)")
            : string.Create(CultureInfo.InvariantCulture, $"Microcircuit: spikes {startMs:0.#}-{stopMs:0.#} ms");
        var figure = Figure.SinglePanel(Width, Height, title);
        Plot plot = figure.Plots[0];
        // Rows count down from the last node id, so L2/3 (the first ids) is at the top.
        for (int i = 0; i < populations.Count; i += 2)
        {
            plot.Add.HorizontalLine(lastId - populations[i].Ids[0] + 1, 1, Color.FromHex("#cccccc"));
        }
        for (int i = 0; i < populations.Count; i++)
        {
            var (senders, times) = spikes[i];
            var x = new List<double>();
            var y = new List<double>();
            int seen = 0;
            for (int k = 0; k < senders.Length; k++)
            {
                if (times[k] < startMs || times[k] > stopMs) continue;
                if (seen++ % stride != 0) continue;
                x.Add(times[k]);
                y.Add(lastId - senders[k] + 1);
            }
            if (x.Count > 0) plot.Add.Markers(x.ToArray(), y.ToArray(), MarkerShape.FilledCircle, 2, i % 2 == 0 ? ExcitatoryColor : InhibitoryColor);
        }
        plot.Axes.SetLimits(startMs, stopMs, 1, lastId - firstId + 1);
        plot.Axes.Bottom.Label.Text = "Time (ms)";
        plot.Axes.Left.Label.Text = "Population";
        var labels = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i + 1 < populations.Count; i += 2)
        {
            labels.AddMajor((lastId - populations[i].Ids[0] + 1 + lastId - populations[i + 1].Ids[^1] + 1) / 2.0,
                MicrocircuitModel.Populations[i][..^1].Replace("23", "2/3", StringComparison.Ordinal));
        }
        plot.Axes.Left.TickGenerator = labels;
        return figure.Save(path);
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
        var figure = Figure.SinglePanel(Width, Height, "Microcircuit: firing rates per neuron");
        Plot plot = figure.Plots[0];
        int n = statistics.Count;
        var labels = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < n; i++)
        {
            var s = statistics[i];
            double row = n - i;
            labels.AddMajor(row, s.Population.Replace("23", "2/3", StringComparison.Ordinal));
            double[] sorted = [.. s.Rates];
            Array.Sort(sorted);
            double q1 = Quantile(sorted, 0.25), median = Quantile(sorted, 0.5), q3 = Quantile(sorted, 0.75);
            // ScottPlot 5.1.59 does not draw horizontal boxes (Box.Render throws for Orientation.Horizontal): a rectangle
            // from q1 to q3 and a line at the median instead.
            var box = plot.Add.Rectangle(q1, Math.Max(q3, q1 + 1e-3 * maxRate), row - 0.25, row + 0.25);
            box.FillColor = i % 2 == 0 ? ExcitatoryColor : InhibitoryColor;
            box.LineColor = Colors.Black;
            var middle = plot.Add.Line(median, row - 0.25, median, row + 0.25);
            middle.LineColor = Colors.Black;
            middle.LineWidth = 2.5f;
            var mean = plot.Add.Line(s.MeanRateHz, row - 0.25, s.MeanRateHz, row + 0.25);
            mean.LineColor = Colors.LightGray;
            mean.LineWidth = 2.5f;
            mean.LinePattern = LinePattern.Dashed;
            var outsideX = new List<double>();
            double previous = double.NaN;
            foreach (double r in sorted)
            {
                if (r == previous || (r >= q1 && r <= q3)) continue;
                previous = r;
                outsideX.Add(r);
            }
            if (outsideX.Count > 0) plot.Add.Markers(outsideX.ToArray(), Enumerable.Repeat(row, outsideX.Count).ToArray(), MarkerShape.Cross, 6, Colors.Red);
        }
        plot.Axes.SetLimits(0, maxRate * 1.05, 0.5, n + 0.5);
        plot.Axes.Bottom.Label.Text = "Firing rate (spikes/s)";
        plot.Axes.Left.Label.Text = "Population";
        plot.Axes.Left.TickGenerator = labels;
        return figure.Save(path);
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
