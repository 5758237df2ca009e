namespace NestSharp.Plotting;

/// <summary>
/// Spike raster with population rate histogram, the counterpart of NEST's
/// <c>nest.raster_plot.from_device(spike_recorder, hist=True)</c>: one dot per spike at (time, sender) above
/// a histogram of the population rate.
/// </summary>
public static class RasterPlot
{
    private const double MarginLeft = 70;
    private const double MarginRight = 20;
    private const double MarginBottom = 50;
    private const double PanelGap = 12;
    private const double RasterShare = 0.75;
    private const string TimeTitle = "Time (ms)";

    /// <summary>Draws spikes given as parallel arrays of sender ids and times in ms.</summary>
    public static RasterPlotResult Render(ReadOnlySpan<long> senders, ReadOnlySpan<double> timesMs, RasterPlotOptions? options = null)
    {
        options ??= new RasterPlotOptions();
        if (senders.Length != timesMs.Length)
        {
            throw new ArgumentException($"{senders.Length} senders but {timesMs.Length} times.", nameof(timesMs));
        }

        DataRange timeRange = TimeRange(timesMs, options);
        int neuronCount = options.NeuronCount ?? CountDistinct(senders);
        var rate = PopulationRateHistogram.Compute(timesMs, timeRange.Min, timeRange.Max, options.BinWidthMs, neuronCount);
        var timeAxis = new DataRange(rate.StartMs, rate.StopMs);
        AxisTicks timeTicks = AxisTicks.Nice(timeAxis, 8);

        var document = new SvgDocument(options.Width, options.Height);
        double top = options.Title is null ? 20 : 40;
        double plotWidth = options.Width - MarginLeft - MarginRight;
        double plotHeight = options.Height - top - MarginBottom;
        double rasterHeight = options.ShowHistogram ? (plotHeight - PanelGap) * RasterShare : plotHeight;
        if (options.Title is not null)
        {
            AxisRenderer.DrawTitle(document, MarginLeft + plotWidth / 2, 24, options.Title);
        }

        var raster = new PlotArea(MarginLeft, top, plotWidth, rasterHeight, timeAxis, SenderRange(senders, timesMs, timeRange));
        int spikeCount = DrawSpikes(document, raster, senders, timesMs, timeRange, options.MarkerSize);
        AxisRenderer.DrawFrame(document, raster);
        AxisRenderer.DrawXAxis(document, raster, timeTicks, options.ShowHistogram ? null : TimeTitle, showTickLabels: !options.ShowHistogram);
        AxisRenderer.DrawYAxis(document, raster, AxisTicks.Nice(raster.Y, 6, integerStep: true), "Neuron ID");

        if (options.ShowHistogram)
        {
            double histogramTop = top + rasterHeight + PanelGap;
            var histogram = new PlotArea(MarginLeft, histogramTop, plotWidth, plotHeight - rasterHeight - PanelGap, timeAxis, RateRange(rate));
            DrawBars(document, histogram, rate);
            AxisRenderer.DrawFrame(document, histogram);
            AxisRenderer.DrawXAxis(document, histogram, timeTicks, TimeTitle);
            AxisRenderer.DrawYAxis(document, histogram, AxisTicks.Nice(histogram.Y, 4), "Rate (Hz)");
        }

        return new RasterPlotResult(document, spikeCount, rate);
    }

    /// <summary>Renders and saves to an .svg or .png path (see <see cref="SvgDocument.Save"/>).</summary>
    public static SaveResult Save(string path, ReadOnlySpan<long> senders, ReadOnlySpan<double> timesMs, RasterPlotOptions? options = null) =>
        Render(senders, timesMs, options).Document.Save(path);

    private static DataRange TimeRange(ReadOnlySpan<double> timesMs, RasterPlotOptions options)
    {
        DataRange? spikes = DataRange.Of(timesMs);
        double start = options.StartMs ?? Math.Min(0, spikes?.Min ?? 0);
        double stop = options.StopMs ?? spikes?.Max ?? start;
        if (!(stop >= start))
        {
            throw new ArgumentException($"The time range [{start}, {stop}] ms is empty.", nameof(options));
        }

        return new DataRange(start, stop);
    }

    private static int CountDistinct(ReadOnlySpan<long> senders)
    {
        var distinct = new HashSet<long>();
        foreach (long sender in senders)
        {
            distinct.Add(sender);
        }

        return distinct.Count;
    }

    private static DataRange SenderRange(ReadOnlySpan<long> senders, ReadOnlySpan<double> timesMs, DataRange timeRange)
    {
        long min = long.MaxValue;
        long max = long.MinValue;
        for (int i = 0; i < senders.Length; i++)
        {
            if (timesMs[i] >= timeRange.Min && timesMs[i] <= timeRange.Max)
            {
                min = Math.Min(min, senders[i]);
                max = Math.Max(max, senders[i]);
            }
        }

        if (min > max)
        {
            return new DataRange(0, 1);
        }

        double padding = Math.Max(0.5, 0.03 * (max - min));
        return new DataRange(min - padding, max + padding);
    }

    private static DataRange RateRange(PopulationRateHistogram rate)
    {
        double highest = rate.RatesHz.Max();
        return new DataRange(0, highest > 0 ? highest * 1.05 : 1);
    }

    private static int DrawSpikes(SvgDocument document, PlotArea area, ReadOnlySpan<long> senders, ReadOnlySpan<double> timesMs, DataRange timeRange, double markerSize)
    {
        var dots = new SvgPathData();
        for (int i = 0; i < senders.Length; i++)
        {
            double time = timesMs[i];
            if (time >= timeRange.Min && time <= timeRange.Max)
            {
                dots.MoveTo(area.PixelX(time), area.PixelY(senders[i]));
                dots.HorizontalLineBy(0);
            }
        }

        using (document.BeginGroup("raster-spikes"))
        {
            if (!dots.IsEmpty)
            {
                document.AddPath(dots, PlotTheme.Blue, markerSize, lineCap: StrokeLineCap.Round);
            }
        }

        return dots.SubpathCount;
    }

    private static void DrawBars(SvgDocument document, PlotArea area, PopulationRateHistogram rate)
    {
        // One filled step outline instead of a rectangle per bin: no seams between bins narrower than a pixel.
        var outline = new SvgPathData();
        outline.MoveTo(area.PixelX(rate.StartMs), area.Bottom);
        for (int bin = 0; bin < rate.RatesHz.Count; bin++)
        {
            double top = area.PixelY(rate.RatesHz[bin]);
            outline.LineTo(area.PixelX(rate.BinStartMs(bin)), top);
            outline.LineTo(area.PixelX(rate.BinStartMs(bin + 1)), top);
        }

        outline.LineTo(area.PixelX(rate.StopMs), area.Bottom);
        outline.ClosePath();
        using (document.BeginGroup("rate-bars"))
        {
            document.AddPath(outline, null, fill: PlotTheme.Blue);
        }
    }
}
