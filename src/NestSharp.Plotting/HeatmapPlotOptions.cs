using ScottPlot;

namespace NestSharp.Plotting;

/// <summary>Options of <see cref="HeatmapPlot"/>.</summary>
public sealed record HeatmapPlotOptions
{
    /// <summary>Title above the figure, or null for none.</summary>
    public string? Title { get; init; }

    /// <summary>Title of the x axis (matrix columns), e.g. "pre-synaptic neuron".</summary>
    public string? XTitle { get; init; }

    /// <summary>Title of the y axis (matrix rows), e.g. "post-synaptic neuron".</summary>
    public string? YTitle { get; init; }

    /// <summary>Title next to the colour bar, e.g. "weight (pA)".</summary>
    public string? ColorbarTitle { get; init; }

    /// <summary>Colormap (a ScottPlot colormap such as <c>new ScottPlot.Colormaps.Viridis()</c>, or <see cref="HeatmapPlot.BlueWhiteRed"/>).</summary>
    public IColormap Colormap { get; init; } = new ScottPlot.Colormaps.Viridis();

    /// <summary>Makes the fitted value range symmetric around 0 (for diverging colormaps); ignored when <see cref="ValueRange"/> is set.</summary>
    public bool SymmetricValueRange { get; init; }

    /// <summary>Values mapped to the ends of the colormap; null fits the data.</summary>
    public DataRange? ValueRange { get; init; }

    /// <summary>Number shown for the first column (e.g. 1 for the first NEST node id).</summary>
    public int FirstColumnNumber { get; init; }

    /// <summary>Number shown for the first row.</summary>
    public int FirstRowNumber { get; init; }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; init; } = 640;

    /// <summary>Image height in pixels.</summary>
    public int Height { get; init; } = 520;
}
