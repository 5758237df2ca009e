namespace NestSharp.Plotting;

/// <summary>Bar histogram of a set of values, e.g. a synaptic weight distribution.</summary>
public static class HistogramPlot
{
    private const double MarginLeft = 70;
    private const double MarginRight = 20;
    private const double MarginBottom = 50;

    /// <summary>Bins the finite values and draws one bar per bin.</summary>
    public static HistogramPlotResult Render(ReadOnlySpan<double> values, HistogramPlotOptions? options = null)
    {
        options ??= new HistogramPlotOptions();
        double[] edges = options.BinEdges is { } given ? CheckedEdges(given, nameof(options)) : EqualEdges(values, options.BinCount);
        int[] counts = Binning.Count(values, edges);

        var document = new SvgDocument(options.Width, options.Height);
        double top = options.Title is null ? 20 : 40;
        double plotWidth = options.Width - MarginLeft - MarginRight;
        if (options.Title is not null)
        {
            AxisRenderer.DrawTitle(document, MarginLeft + plotWidth / 2, 24, options.Title);
        }

        var xRange = new DataRange(edges[0], edges[^1]);
        var area = new PlotArea(
            MarginLeft, top, plotWidth, options.Height - top - MarginBottom,
            xRange.Padded(0.03), new DataRange(0, Math.Max(1, counts.Max() * 1.05)));
        using (document.BeginGroup("histogram-bars"))
        {
            for (int bin = 0; bin < counts.Length; bin++)
            {
                if (counts[bin] == 0)
                {
                    continue;
                }

                double left = area.PixelX(edges[bin]);
                double barTop = area.PixelY(counts[bin]);
                document.AddRect(left, barTop, area.PixelX(edges[bin + 1]) - left, area.Bottom - barTop, options.Color, "white", 0.5);
            }
        }

        AxisRenderer.DrawFrame(document, area);
        AxisRenderer.DrawXAxis(document, area, AxisTicks.Nice(area.X, 8), options.XTitle);
        AxisRenderer.DrawYAxis(document, area, AxisTicks.Nice(area.Y, 6, integerStep: true), options.YTitle);
        return new HistogramPlotResult(document, edges, counts);
    }

    /// <summary>Renders and saves to an .svg or .png path (see <see cref="SvgDocument.Save"/>).</summary>
    public static SaveResult Save(string path, ReadOnlySpan<double> values, HistogramPlotOptions? options = null) =>
        Render(values, options).Document.Save(path);

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
