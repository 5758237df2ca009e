using System.Globalization;
using ScottPlot;

namespace NestSharp.Plotting;

/// <summary>
/// Spike raster with population rate histogram, the counterpart of NEST's
/// <c>nest.raster_plot.from_device(spike_recorder, hist=True)</c>: one dot per spike at (time, sender) above
/// a histogram of the population rate.
/// </summary>
public static class RasterPlot
{
    private const string TimeTitle = "Time (ms)";

    /// <summary>Share of the data height the raster gets above the histogram.</summary>
    private const float RasterShare = 0.75f;

    /// <summary>
    /// Draws the spikes a spike recorder holds, as <c>nest.raster_plot.from_device</c>: read from memory
    /// (<c>record_to: "memory"</c>) or from its files (<c>"ascii"</c>). Without a title in
    /// <paramref name="options"/> the figure is titled after the device.
    /// </summary>
    public static RasterPlotResult FromDevice(NodeCollection spikeRecorder, RasterPlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spikeRecorder);
        if (spikeRecorder.Count != 1)
        {
            throw new ArgumentException($"Expected one spike recorder, got {spikeRecorder.Count} nodes.", nameof(spikeRecorder));
        }

        options ??= new RasterPlotOptions();
        options = options.Title is null ? options with { Title = $"Raster plot from device '{spikeRecorder.Ids[0]}'" } : options;
        string recordTo = (string)spikeRecorder.Get("record_to");
        if (recordTo == "memory")
        {
            var events = (Dictionary<string, object>)spikeRecorder.Get("events");
            if (events["times"] is not double[] times)
            {
                throw new ArgumentException("The spike recorder records times in steps (time_in_steps); raster plots need times in ms.", nameof(spikeRecorder));
            }

            return Render((long[])events["senders"], times, options);
        }

        if (recordTo == "ascii")
        {
            var (senders, times) = ReadAsciiFiles((string[])spikeRecorder.Get("filenames"));
            return Render(senders, times, options);
        }

        throw new ArgumentException($"Cannot read the spikes of a recorder with record_to '{recordTo}'; use 'memory' or 'ascii'.", nameof(spikeRecorder));
    }

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

        var spikeTimes = new List<double>();
        var spikeSenders = new List<double>();
        for (int i = 0; i < senders.Length; i++)
        {
            if (timesMs[i] >= timeRange.Min && timesMs[i] <= timeRange.Max)
            {
                spikeTimes.Add(timesMs[i]);
                spikeSenders.Add(senders[i]);
            }
        }

        int panelCount = options.ShowHistogram ? 2 : 1;
        float margins = (options.Title is null ? PlotStyle.MarginTop : PlotStyle.MarginTopWithTitle) + PlotStyle.MarginBottom + (panelCount - 1) * PlotStyle.PanelGap;
        float dataHeight = Math.Max(options.Height - margins, 20);
        var panels = new List<(Plot Plot, float Height)>();

        var raster = PlotStyle.Panel(0, panelCount, options.Title, options.ShowHistogram ? dataHeight * RasterShare : dataHeight);
        if (spikeTimes.Count > 0)
        {
            var dots = raster.Plot.Add.Markers(spikeTimes.ToArray(), spikeSenders.ToArray(), MarkerShape.FilledCircle, (float)options.MarkerSize, PlotStyle.ParseColor(PlotStyle.Blue));
            dots.MarkerLineWidth = 0; // the fill alone: one SVG element per spike
        }

        DataRange senderRange = SenderRange(spikeSenders);
        raster.Plot.Axes.SetLimits(rate.StartMs, rate.StopMs, senderRange.Min, senderRange.Max);
        PlotStyle.AxisTitles(raster.Plot, options.ShowHistogram ? null : TimeTitle, "Neuron ID");
        PlotStyle.IntegerTicksLeft(raster.Plot);
        panels.Add(raster);

        if (options.ShowHistogram)
        {
            var histogram = PlotStyle.Panel(1, panelCount, null, dataHeight * (1 - RasterShare));
            AddRateBars(histogram.Plot, rate);
            double highest = rate.RatesHz.Max();
            histogram.Plot.Axes.SetLimits(rate.StartMs, rate.StopMs, 0, highest > 0 ? highest * 1.05 : 1);
            PlotStyle.AxisTitles(histogram.Plot, TimeTitle, "Rate (Hz)");
            panels.Add(histogram);
        }

        return new RasterPlotResult(new Figure(options.Width, panels), spikeTimes.Count, rate);
    }

    /// <summary>Renders and saves to an .svg or .png path (see <see cref="Figure.Save"/>).</summary>
    public static SaveResult Save(string path, ReadOnlySpan<long> senders, ReadOnlySpan<double> timesMs, RasterPlotOptions? options = null) =>
        Render(senders, timesMs, options).Figure.Save(path);

    private static void AddRateBars(Plot plot, PopulationRateHistogram rate)
    {
        Color color = PlotStyle.ParseColor(PlotStyle.Blue);
        var bars = new List<Bar>(rate.Counts.Count);
        for (int bin = 0; bin < rate.Counts.Count; bin++)
        {
            if (rate.Counts[bin] > 0)
            {
                bars.Add(new Bar
                {
                    Position = rate.BinStartMs(bin) + rate.BinWidthMs / 2,
                    Value = rate.RatesHz[bin],
                    Size = rate.BinWidthMs,
                    FillColor = color,
                    LineWidth = 0,
                });
            }
        }

        plot.Add.Bars(bars);
    }

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

    private static DataRange SenderRange(List<double> senders)
    {
        if (senders.Count == 0)
        {
            return new DataRange(0, 1);
        }

        double min = senders.Min();
        double max = senders.Max();
        double padding = Math.Max(0.5, 0.03 * (max - min));
        return new DataRange(min - padding, max + padding);
    }

    /// <summary>Reads the (sender, time) columns of a spike recorder's ASCII files: comment lines, a header, then rows.</summary>
    private static (long[] Senders, double[] Times) ReadAsciiFiles(string[] files)
    {
        var senders = new List<long>();
        var times = new List<double>();
        foreach (string file in files)
        {
            foreach (string line in File.ReadLines(file).Where(line => !line.StartsWith('#')).Skip(1))
            {
                string[] fields = line.Split('\t');
                senders.Add(long.Parse(fields[0], CultureInfo.InvariantCulture));
                times.Add(double.Parse(fields[1], CultureInfo.InvariantCulture));
            }
        }

        return ([.. senders], [.. times]);
    }
}
