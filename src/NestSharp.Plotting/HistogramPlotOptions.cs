namespace NestSharp.Plotting;

/// <summary>Options of <see cref="HistogramPlot"/>.</summary>
public sealed record HistogramPlotOptions
{
    /// <summary>Title above the figure, or null for none.</summary>
    public string? Title { get; init; }

    /// <summary>Title of the x axis (the binned quantity).</summary>
    public string? XTitle { get; init; }

    /// <summary>Title of the y axis.</summary>
    public string? YTitle { get; init; } = "Count";

    /// <summary>Number of equal-width bins between the smallest and largest value; ignored when <see cref="BinEdges"/> is set.</summary>
    public int BinCount { get; init; } = 20;

    /// <summary>Explicit increasing bin edges (one more than the bins); values outside them are not counted.</summary>
    public IReadOnlyList<double>? BinEdges { get; init; }

    /// <summary>Bar colour, "#rrggbb".</summary>
    public string Color { get; init; } = PlotStyle.Blue;

    /// <summary>Image width in pixels.</summary>
    public int Width { get; init; } = 640;

    /// <summary>Image height in pixels.</summary>
    public int Height { get; init; } = 480;
}
