using NestSharp.Cli.Recording;
using NestSharp.Plotting;

namespace NestSharp.Cli.Experiments;

/// <summary>
/// The figures of the ignore_and_fire example, as its figure script makes them: the raster plot, the connectivity
/// matrices and the weight histogram.
/// </summary>
public static class IgnoreAndFireFigures
{
    /// <summary>matplotlib's "gray_r": white for the smallest value, black for the largest.</summary>
    public static ScottPlot.IColormap GrayReversed { get; } = new ScottPlot.Colormaps.GrayscaleReversed();

    /// <summary>Raster plot of the spikes with the population rate below (the figure script's <c>plot_spikes</c>).</summary>
    public static SaveResult PlotSpikes(SpikeData spikes, IgnoreAndFireParameters parameters, int recordedNeurons, string path)
    {
        double rate = IgnoreAndFireAnalysis.TimeAndPopulationAveragedSpikeRate(spikes, (0.0, parameters.T), recordedNeurons);
        var raster = RasterPlot.Render(spikes.Senders, spikes.TimesMs, new RasterPlotOptions
        {
            Title = FormattableString.Invariant($"{parameters.NeuronModel}: time and population averaged firing rate {rate:F2} spikes/s"),
            StartMs = 0,
            StopMs = parameters.T,
            NeuronCount = recordedNeurons,
            BinWidthMs = Math.Max(parameters.Dt, parameters.T / 200.0),
            MarkerSize = 1,
        });
        return raster.Figure.Save(path);
    }

    /// <summary>
    /// The weight matrix as an image, sources left to right and targets top to bottom, white for 0 and black for
    /// 150 pA or more (the colour map saturates above) (the figure script's <c>plot_connectivity_matrix</c>).
    /// </summary>
    public static SaveResult PlotConnectivityMatrix(ConnectivityMatrix matrix, string title, string path) =>
        HeatmapPlot.Save(path, matrix.W, new HeatmapPlotOptions
        {
            Title = title,
            XTitle = "source id",
            YTitle = "target id",
            ColorbarTitle = "synaptic weight (pA)",
            Colormap = GrayReversed,
            ValueRange = new DataRange(0, 150),
            FirstColumnNumber = matrix.PopPre.Length > 0 ? (int)matrix.PopPre[0] : 0,
            FirstRowNumber = matrix.PopPost.Length > 0 ? (int)matrix.PopPost[0] : 0,
        });

    /// <summary>Histogram of synaptic weights over the given bins (the figure script's weight distribution).</summary>
    public static SaveResult PlotWeightDistribution(ReadOnlySpan<double> weights, IReadOnlyList<double> binEdges, string title, string path) =>
        HistogramPlot.Save(path, weights, new HistogramPlotOptions
        {
            Title = title,
            XTitle = "synaptic weight (pA)",
            YTitle = "number of synapses",
            BinEdges = binEdges,
        });
}
