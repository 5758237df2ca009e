using ScottPlot;

namespace NestSharp.Plotting;

/// <summary>Bar histogram of a set of values, e.g. a synaptic weight distribution.</summary>
public static class HistogramPlot
{
    /// <summary>Bins the finite values and draws one bar per bin.</summary>
    public static HistogramPlotResult Render(ReadOnlySpan<double> values, HistogramPlotOptions? options = null)
    {
        options ??= new HistogramPlotOptions();
        double[] edges = options.BinEdges is { } given ? CheckedEdges(given, nameof(options)) : EqualEdges(values, options.BinCount);
        int[] counts = Binning.Count(values, edges);

        float margins = (options.Title is null ? PlotStyle.MarginTop : PlotStyle.MarginTopWithTitle) + PlotStyle.MarginBottom;
        var (plot, height) = PlotStyle.Panel(0, 1, options.Title, Math.Max(options.Height - margins, 20));
        Color fill = PlotStyle.ParseColor(options.Color);
        var bars = new List<Bar>(counts.Length);
        for (int bin = 0; bin < counts.Length; bin++)
        {
            if (counts[bin] > 0)
            {
                bars.Add(new Bar
                {
                    Position = (edges[bin] + edges[bin + 1]) / 2,
                    Value = counts[bin],
                    Size = edges[bin + 1] - edges[bin],
                    FillColor = fill,
                    LineColor = Colors.White,
                    LineWidth = 0.5f,
                });
            }
        }

        plot.Add.Bars(bars);
        DataRange xRange = new DataRange(edges[0], edges[^1]).Padded(0.03);
        plot.Axes.SetLimits(xRange.Min, xRange.Max, 0, Math.Max(1, counts.Max() * 1.05));
        PlotStyle.IntegerTicksLeft(plot);
        PlotStyle.AxisTitles(plot, options.XTitle, options.YTitle);
        return new HistogramPlotResult(new Figure(options.Width, [(plot, height)]), edges, counts);
    }

    /// <summary>Renders and saves to an .svg or .png path (see <see cref="Figure.Save"/>).</summary>
    public static SaveResult Save(string path, ReadOnlySpan<double> values, HistogramPlotOptions? options = null) =>
        Render(values, options).Figure.Save(path);

    private static double[] CheckedEdges(IReadOnlyList<double> edges, string paramName)
    {
        if (edges.Count < 2)
        {
            throw new ArgumentException("At least two bin edges are needed.", paramName);
        }

        for (int i = 1; i < edges.Count; i++)
        {
            if (!(edges[i] > edges[i - 1]) || !double.IsFinite(edges[i]) || !double.IsFinite(edges[i - 1]))
            {
                throw new ArgumentException("Bin edges must be finite and strictly increasing.", paramName);
            }
        }

        return [.. edges];
    }

    private static double[] EqualEdges(ReadOnlySpan<double> values, int binCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(binCount);
        DataRange range = DataRange.Of(values)?.Padded(0) ?? new DataRange(0, 1);
        var edges = new double[binCount + 1];
        for (int i = 0; i < binCount; i++)
        {
            edges[i] = range.Min + range.Span * i / binCount;
        }

        edges[binCount] = range.Max;
        return edges;
    }
}
